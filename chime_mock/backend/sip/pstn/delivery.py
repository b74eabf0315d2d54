"""Invoking the Lambda with one event: the retry, fail-over to the next target application,
the 1,000-invocation cap, and reading the response (INVALID_LAMBDA_RESPONSE when it cannot be
used).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from chime_mock.backend.sip.pstn import events
from chime_mock.backend.sip.pstn.lambdas import InvocationError, LambdaFunction
from chime_mock.backend.sip.pstn.records import DISCONNECTED, Invocation, PstnCall
from chime_mock.backend.sip.pstn.responses import KEEP, InvalidResponse, Response, read

MAX_INVOCATIONS = 1000
ATTEMPTS = 2  # a failed invocation is retried once
UNAVAILABLE = 480  # the SIP code of a call the service ends

# What the service does with an event's response.
ACTIONS = "actions"  # its actions run
ATTRIBUTES = "attributes"  # only its TransactionAttributes are kept (NEW_OUTBOUND_CALL)
IGNORED = "ignored"  # nothing of it is used (RINGING, ACTION_INTERRUPTED)
FINAL = "final"  # nothing of it is used, and the call ends (HANGUP of the last leg)


def end(call: PstnCall, now: _dt.datetime, reason: str) -> None:
    """The call ends: every leg disconnected, nothing left to run."""
    for leg in call.legs:
        leg.status = DISCONNECTED
        leg.listener = None
    call.actions, call.waiting, call.replacement, call.ring_until = [], None, None, None
    if call.ended is None:
        call.ended, call.end_reason = now, reason


def _call_once(call: PstnCall, function: LambdaFunction | None, event: dict[str, Any]) -> Any:
    """One attempt; raises InvocationError."""
    call.invocations += 1
    record = Invocation(event)
    call.invoked.append(record)
    try:
        if function is None:
            raise InvocationError(f"No Lambda function is connected for {call.target.lambda_arn}")
        record.response = function.invoke(event)
    except InvocationError as error:
        record.error = str(error)
        raise
    return record.response


def invoke(
    call: PstnCall,
    event: dict[str, Any],
    kind: str,
    lambdas: Mapping[str, LambdaFunction],
    now: _dt.datetime,
) -> Response | None:
    """Deliver `event` and read the response as `kind` says. None when there is nothing to
    run: the response is not used, or the call ended (the Lambda failed, the cap was reached).
    An unusable response to an event whose actions run is answered with
    INVALID_LAMBDA_RESPONSE, whose own response is read in turn."""
    while True:
        response = _deliver(call, event, lambdas, now)
        if call.ended is not None or response is _FAILED:
            return None
        if kind in (IGNORED, FINAL):
            call.invoked[-1].ignored = True
            return None
        try:
            read_ = read(response)
        except InvalidResponse as error:
            if kind == ATTRIBUTES:
                call.invoked[-1].ignored = True
                return None
            call.invalid_responses += 1
            if call.invalid_responses > 1:
                end(
                    call,
                    now,
                    f"The Lambda function's response was invalid twice in a row "
                    f"({error.error_type}: {error.message}); the service ended the call "
                    f"(SIP {UNAVAILABLE})",
                )
                return None
            event = events.invalid_lambda_response(call, error.error_type, error.message)
            continue
        call.invalid_responses = 0
        if read_.attributes is not KEEP:
            call.attributes = read_.attributes or None
        if kind == ATTRIBUTES:
            return None
        return read_


_FAILED: Any = object()


def _deliver(
    call: PstnCall,
    event: dict[str, Any],
    lambdas: Mapping[str, LambdaFunction],
    now: _dt.datetime,
) -> Any:
    """The response to `event`, after a retry and fail-over; _FAILED when the Lambda failed
    (the call has then ended, unless the cap ended it first)."""
    while True:
        error: InvocationError | None = None
        for _ in range(ATTEMPTS):
            if call.invocations >= MAX_INVOCATIONS:
                end(
                    call,
                    now,
                    f"The Lambda function was invoked {MAX_INVOCATIONS} times, the "
                    "most for one call; the service ended the call",
                )
                return _FAILED
            try:
                return _call_once(call, lambdas.get(call.target.lambda_arn), event)
            except InvocationError as failed:
                error = failed
        if (
            event["InvocationEventType"] == events.NEW_INBOUND_CALL
            and call.fallbacks
            and not call.answered
        ):
            # The next target application by priority takes the call from its beginning.
            call.target = call.fallbacks.pop(0)
            call.sequence = 0
            event = events.new_inbound_call(call)
            continue
        end(
            call,
            now,
            f"The Lambda function failed twice ({error}); the service ended the "
            f"call (SIP {UNAVAILABLE})",
        )
        return _FAILED
