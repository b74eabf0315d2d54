"""What each action type does when it runs: done now (with its result fields), waiting (for
digits, or for a pause to end), or failed (ActionFailure). actions.py declares which type runs
which outcome."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from chime_mock.backend.sip.pstn import parameters as p
from chime_mock.backend.sip.pstn.parameters import ActionFailure
from chime_mock.backend.sip.pstn.records import (
    CONNECTED,
    DISCONNECTED,
    LEG_A,
    LEG_B,
    OUTBOUND,
    DigitListener,
    Leg,
    PstnCall,
)

E164 = r"\+[1-9]\d{1,14}"
MEETING_DIAL_IN = "+17035550122"  # the Chime meeting dial-in number, From of a meeting leg


class Environment(Protocol):
    """What an action needs to know beyond the call (the engine's switchboard provides it)."""

    def answers(self, phone_number: str) -> bool:
        """Whether a call placed to that number is answered."""

    def owns(self, call: PstnCall, phone_number: str) -> bool:
        """Whether the number belongs to the account of the call's application."""

    def new_id(self) -> str:
        """A fresh CallId."""


@dataclass
class Done:
    """The action is complete; `result` adds fields to its ActionData (ReceivedDigits, ...)."""

    result: dict[str, Any] = field(default_factory=dict)


@dataclass
class Wait:
    """The action waits for digits (`digits`) or for its time to pass (`pause`)."""

    kind: str
    until: _dt.datetime


Outcome = Done | Wait


@dataclass
class Step:
    """An action about to run: its call, its leg, its parameters as echoed."""

    call: PstnCall
    leg: Leg
    parameters: dict[str, Any]
    now: _dt.datetime
    environment: Environment


def done(step: Step) -> Outcome:
    return Done()


def hang_up(step: Step) -> Outcome:
    step.leg.status = DISCONNECTED
    step.leg.listener = None
    return Done()


def pause(step: Step) -> Outcome:
    delay = _dt.timedelta(milliseconds=step.parameters["DurationInMilliseconds"])
    return Wait("pause", step.now + delay)


def get_digits(step: Step) -> Outcome:
    delay = _dt.timedelta(milliseconds=step.parameters["RepeatDurationInMilliseconds"])
    return Wait("digits", step.now + delay)


def receive_digits(step: Step) -> Outcome:
    step.leg.listener = DigitListener(
        action={"Type": "ReceiveDigits", "Parameters": dict(step.parameters)},
        pattern=step.parameters["InputDigitsRegex"],
        flush_ms=step.parameters["FlushDigitsDurationInMilliseconds"],
    )
    return Done({"ReceivedDigits": ""})


def record_audio(step: Step) -> Outcome:
    destination = step.parameters["RecordingDestination"]
    prefix = destination.get("Prefix") or ""
    count = sum(1 for done in step.call.performed if done.action["Type"] == "RecordAudio")
    key = f"{prefix}{step.call.transaction_id}-{step.leg.call_id}-{count + 1}.wav"
    return Done(
        {
            "RecordingDestination": {
                "Type": "S3",
                "BucketName": destination["BucketName"],
                "Key": key,
            }
        }
    )


def _bridged(call: PstnCall) -> bool:
    return any(leg.participant_tag == LEG_B and leg.up for leg in call.legs)


def _new_leg_b(step: Step, to: str, from_: str) -> Leg:
    leg = Leg(
        call_id=step.environment.new_id(),
        participant_tag=LEG_B,
        to=to,
        from_=from_,
        direction=OUTBOUND,
        started=step.now,
        status=CONNECTED,
    )
    step.call.legs.append(leg)
    for other in step.call.legs:
        if other.participant_tag == LEG_A and other.up:
            other.status = CONNECTED  # a ringing LEG-A is answered with LEG-B
    return leg


def call_and_bridge(step: Step) -> Outcome:
    call, params = step.call, step.parameters
    if _bridged(call):
        raise p.invalid("Endpoints", "Invalid action on the call.")
    endpoints = params["Endpoints"]
    if not isinstance(endpoints, list) or len(endpoints) != 1:
        raise p.invalid("Endpoints", "Invalid number of endpoints provided.")
    [endpoint] = endpoints
    kind = endpoint.get("BridgeEndpointType") if isinstance(endpoint, dict) else None
    uri = endpoint.get("Uri") if isinstance(endpoint, dict) else None
    if kind == "PSTN":
        valid = isinstance(uri, str) and re.fullmatch(E164, uri) and not endpoint.get("Arn")
    elif kind == "AWS":
        valid = bool(
            isinstance(uri, str)
            and re.fullmatch(r"[a-zA-Z0-9&=+$/%\-_!~*().]{1,36}", uri)
            and isinstance(endpoint.get("Arn"), str)
            and endpoint["Arn"]
        )
    else:
        valid = False
    if not valid:
        raise p.invalid("Endpoints", "Endpoint parameter is invalid.")
    caller = params["CallerIdNumber"]
    leg_a = call.leg(LEG_A)
    if caller != (leg_a.from_ if leg_a else None) and not step.environment.owns(call, caller):
        raise p.invalid(
            "CallerIdNumber",
            "Provided caller ID number is invalid. Number must be owned by this AWS account, "
            "or be the From number of LEG-A.",
        )
    if not step.environment.answers(str(uri)):
        raise ActionFailure("CallNotAnswered", "Call not answered")
    _new_leg_b(step, str(uri), caller)
    return Done()


def join_meeting(step: Step) -> Outcome:
    if _bridged(step.call):
        raise p.invalid("CallId", "Invalid action on the call.")
    meeting = _new_leg_b(step, "SMA", MEETING_DIAL_IN)
    meeting.in_meeting = True
    return Done()


def modify_attendees(step: Step) -> Outcome:
    if not any(leg.in_meeting and leg.up for leg in step.call.legs):
        raise p.invalid("CallId", "Call is not connected to Chime Meeting.")
    return Done()


def start_bot(step: Step) -> Outcome:
    if _bridged(step.call):
        raise p.invalid("CallId", "Invalid action on the call.")
    configuration = step.parameters.get("Configuration") or {}
    session = configuration.get("SessionState", {}) if isinstance(configuration, dict) else {}
    attributes = session.get("SessionAttributes", {}) if isinstance(session, dict) else {}
    # The mock has no Lex bot: the conversation ends fulfilled with no intent matched, unless
    # a test sets the result (`action_outcome("StartBotConversation", result=...)`).
    return Done(
        {
            "IntentResult": {
                "SessionId": step.leg.call_id,
                "SessionState": {
                    "SessionAttributes": dict(attributes),
                    "Intent": {
                        "Name": "FallbackIntent",
                        "Slots": {},
                        "State": "Fulfilled",
                        "ConfirmationState": "None",
                    },
                },
                "Interpretations": [],
            }
        }
    )


def recording(to: str, *, needs: tuple[str | None, ...]) -> Callable[[Step], Outcome]:
    def run(step: Step) -> Outcome:
        if step.leg.recording not in needs:
            raise p.invalid(
                "CallId",
                f"Call recording cannot be {to} on this call leg: it is "
                f"{step.leg.recording or 'not started'}.",
            )
        starting = step.leg.recording is None
        step.leg.recording = to
        if not starting:
            return Done()
        location = step.parameters["Destination"]["Location"].rstrip("/")
        if "/" not in location:
            location = f"{location}/Amazon-Chime-SMA-Call-Recordings"
        stamp = step.now.strftime("%Y/%m/%d/%Y-%m-%d-%H-%M-%S-") + f"{step.now:%f}"[:3]
        key = f"{location}/{stamp}_{step.call.transaction_id}_{step.leg.call_id}.wav"
        return Done({"CallRecordingDestination": {"Type": "S3", "Location": key}})

    return run
