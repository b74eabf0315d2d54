"""The invocation events, one builder per event type, built from the call's state.

The shapes follow AWS's PSTN audio invocation reference and what the live service sends: the
top level is SchemaVersion, Sequence, InvocationEventType, ActionData (when the event is about an
action or a request), CallDetails; a leg that has not answered yet carries no Status; a map of
TransactionAttributes appears once the Lambda stored one (docs/behaviour.md, "Calls").
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from chime_mock.backend.sip.pstn.records import Leg, PstnCall

SCHEMA_VERSION = "1.0"

NEW_INBOUND_CALL = "NEW_INBOUND_CALL"
NEW_OUTBOUND_CALL = "NEW_OUTBOUND_CALL"
RINGING = "RINGING"
CALL_ANSWERED = "CALL_ANSWERED"
ACTION_SUCCESSFUL = "ACTION_SUCCESSFUL"
ACTION_FAILED = "ACTION_FAILED"
ACTION_INTERRUPTED = "ACTION_INTERRUPTED"
HANGUP = "HANGUP"
INVALID_LAMBDA_RESPONSE = "INVALID_LAMBDA_RESPONSE"
DIGITS_RECEIVED = "DIGITS_RECEIVED"
CALL_UPDATE_REQUESTED = "CALL_UPDATE_REQUESTED"

EVENT_TYPES = (
    NEW_INBOUND_CALL,
    NEW_OUTBOUND_CALL,
    RINGING,
    CALL_ANSWERED,
    ACTION_SUCCESSFUL,
    ACTION_FAILED,
    ACTION_INTERRUPTED,
    HANGUP,
    INVALID_LAMBDA_RESPONSE,
    DIGITS_RECEIVED,
    CALL_UPDATE_REQUESTED,
)


def _millis(moment: _dt.datetime) -> str:
    # A string of epoch milliseconds, as the service sends it.
    return str(int(moment.timestamp() * 1000))


def participant(leg: Leg) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "CallId": leg.call_id,
        "ParticipantTag": leg.participant_tag,
        "To": leg.to,
        "From": leg.from_,
        "Direction": leg.direction,
        "StartTimeInMilliseconds": _millis(leg.started),
    }
    if leg.status is not None:
        entry["Status"] = leg.status
    if leg.sip_headers:
        entry["SipHeaders"] = dict(leg.sip_headers)
    return entry


def call_details(call: PstnCall) -> dict[str, Any]:
    """CallDetails now. A leg that hung up is listed once more, Disconnected, in the event that
    reports it, and no longer afterwards."""
    listed = [leg for leg in call.legs if leg.up or not leg.reported]
    for leg in listed:
        if not leg.up:
            leg.reported = True
    details: dict[str, Any] = {"TransactionId": call.transaction_id}
    if call.attributes is not None:
        details["TransactionAttributes"] = dict(call.attributes)
    details["AwsAccountId"] = call.target.account
    details["AwsRegion"] = call.target.aws_region
    if call.sip_rule_id is not None:
        details["SipRuleId"] = call.sip_rule_id
    details["SipMediaApplicationId"] = call.target.sip_media_application_id
    details["Participants"] = [participant(leg) for leg in listed]
    return details


def _event(
    call: PstnCall, event_type: str, action_data: dict[str, Any] | None = None
) -> dict[str, Any]:
    call.sequence += 1
    event: dict[str, Any] = {
        "SchemaVersion": SCHEMA_VERSION,
        "Sequence": call.sequence,
        "InvocationEventType": event_type,
    }
    if action_data is not None:
        event["ActionData"] = action_data
    event["CallDetails"] = call_details(call)
    return event


def new_inbound_call(call: PstnCall) -> dict[str, Any]:
    return _event(call, NEW_INBOUND_CALL)


def new_outbound_call(call: PstnCall, arguments: dict[str, str]) -> dict[str, Any]:
    """ActionData only when CreateSipMediaApplicationCall had an ArgumentsMap."""
    action_data = (
        {"Type": "CallCreateRequest", "Parameters": {"Arguments": dict(arguments)}}
        if arguments
        else None
    )
    return _event(call, NEW_OUTBOUND_CALL, action_data)


def ringing(call: PstnCall) -> dict[str, Any]:
    return _event(call, RINGING)


def call_answered(call: PstnCall) -> dict[str, Any]:
    return _event(call, CALL_ANSWERED)


def action_successful(call: PstnCall, action: dict[str, Any]) -> dict[str, Any]:
    """`action` is the echoed ActionData: Type, Parameters, and the action's result fields."""
    return _event(call, ACTION_SUCCESSFUL, action)


def action_failed(call: PstnCall, action: dict[str, Any], error: dict[str, Any]) -> dict[str, Any]:
    """`error` is ErrorType and ErrorMessage (or the single Error string some actions use)."""
    return _event(call, ACTION_FAILED, {**action, **error})


def action_interrupted(call: PstnCall, action: dict[str, Any]) -> dict[str, Any]:
    return _event(call, ACTION_INTERRUPTED, dict(action))


def hangup(call: PstnCall, leg: Leg, sip_response_code: int | None = None) -> dict[str, Any]:
    """A leg hung up: ActionData names it (Type Hangup, its CallId and ParticipantTag), with
    the SipResponseCode when a Hangup action or the service ended it."""
    parameters: dict[str, Any] = {}
    if sip_response_code is not None:
        parameters["SipResponseCode"] = sip_response_code
    parameters["CallId"] = leg.call_id
    parameters["ParticipantTag"] = leg.participant_tag
    return _event(call, HANGUP, {"Type": "Hangup", "Parameters": parameters})


def digits_received(call: PstnCall, action: dict[str, Any], digits: str) -> dict[str, Any]:
    return _event(call, DIGITS_RECEIVED, {"ReceivedDigits": digits, **action})


def call_update_requested(call: PstnCall, arguments: dict[str, str]) -> dict[str, Any]:
    return _event(
        call,
        CALL_UPDATE_REQUESTED,
        {"Type": "CallUpdateRequest", "Parameters": {"Arguments": dict(arguments)}},
    )


def invalid_lambda_response(call: PstnCall, error_type: str, message: str) -> dict[str, Any]:
    """ErrorType and ErrorMessage sit at the top level, beside CallDetails."""
    event = _event(call, INVALID_LAMBDA_RESPONSE)
    event["ErrorType"] = error_type
    event["ErrorMessage"] = message
    return event
