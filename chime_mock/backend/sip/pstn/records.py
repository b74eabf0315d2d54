"""A call's state as plain records: its legs, its transaction, what it is doing, and the
transcript of what its Lambda received and answered."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

LEG_A = "LEG-A"
LEG_B = "LEG-B"
CONNECTED = "Connected"
DISCONNECTED = "Disconnected"
INBOUND = "Inbound"
OUTBOUND = "Outbound"


@dataclass
class DigitListener:
    """A ReceiveDigits armed on a leg: it listens in the background until its regex matches."""

    action: dict[str, Any]  # the echoed action (Type, Parameters)
    pattern: str
    flush_ms: int
    buffer: str = ""
    first_digit_at: _dt.datetime | None = None


@dataclass
class Leg:
    """One participant of the call (a phone line): LEG-A, and LEG-B once bridged."""

    call_id: str
    participant_tag: str
    to: str
    from_: str
    direction: str
    started: _dt.datetime
    # None while the leg rings (the events of that time carry no Status), then Connected, then
    # Disconnected.
    status: str | None = None
    sip_headers: dict[str, str] | None = None
    # A disconnected leg is listed once more, in the event that reports it, then no longer.
    reported: bool = False
    listener: DigitListener | None = None
    recording: str | None = None  # None | started | paused | stopped
    in_meeting: bool = False  # LEG-B is a Chime meeting (JoinChimeMeeting)

    @property
    def connected(self) -> bool:
        return self.status == CONNECTED

    @property
    def up(self) -> bool:
        """Ringing or connected: not yet hung up."""
        return self.status != DISCONNECTED


@dataclass
class Target:
    """A SIP media application that may take the call (a SIP rule's targets, by priority)."""

    sip_media_application_id: str
    aws_region: str
    account: str
    lambda_arn: str


@dataclass
class Waiting:
    """The action in progress, when it waits (for digits, or for its time to pass)."""

    action: dict[str, Any]  # the echoed action (Type, Parameters with defaults)
    call_id: str  # of the leg it acts on
    until: _dt.datetime  # the end of the current attempt (digits) or of the pause
    kind: str  # "digits" | "pause"
    attempt: int = 1
    interruptible: bool = False


@dataclass
class Invocation:
    """One invocation of the Lambda: the event as delivered and what came back."""

    event: dict[str, Any]
    response: Any = None  # the response as the Lambda returned it (after JSON)
    error: str | None = None  # why the invocation failed (raised, timed out, unreachable)
    ignored: bool = False  # the service does not use this event's response


@dataclass
class Performed:
    """One action carried out, and how it ended."""

    action: dict[str, Any]  # Type and Parameters as echoed (CallId, ParticipantTag, defaults)
    outcome: str  # Succeeded | Failed | Interrupted | Dropped
    at: _dt.datetime
    error_type: str | None = None


@dataclass
class PstnCall:
    """A call (a transaction) of a SIP media application."""

    transaction_id: str
    direction: str  # Inbound (routed by a SIP rule) | Outbound (CreateSipMediaApplicationCall)
    target: Target
    legs: list[Leg]
    started: _dt.datetime
    sip_rule_id: str | None = None
    fallbacks: list[Target] = field(default_factory=list)  # the next targets, by priority
    attributes: dict[str, str] | None = None
    sequence: int = 0
    invocations: int = 0
    actions: list[dict[str, Any]] = field(default_factory=list)  # not yet run, in order
    waiting: Waiting | None = None
    replacement: list[dict[str, Any]] | None = None  # an update's list, after `waiting`
    answered: bool = False
    ring_until: _dt.datetime | None = None  # an inbound call nobody answers times out
    invalid_responses: int = 0  # in a row
    ended: _dt.datetime | None = None
    end_reason: str | None = None
    invoked: list[Invocation] = field(default_factory=list)
    performed: list[Performed] = field(default_factory=list)

    def leg(self, tag: str) -> Leg | None:
        """The leg with that ParticipantTag still up, or the last one that had it."""
        found = [leg for leg in self.legs if leg.participant_tag == tag]
        live = [leg for leg in found if leg.up]
        chosen = live or found
        return chosen[-1] if chosen else None

    def leg_by_call_id(self, call_id: str) -> Leg | None:
        return next((leg for leg in self.legs if leg.call_id == call_id), None)

    def waiting_leg(self) -> Leg:
        """The leg the action in progress acts on."""
        assert self.waiting is not None
        found = self.leg_by_call_id(self.waiting.call_id)
        assert found is not None
        return found

    @property
    def live_legs(self) -> list[Leg]:
        return [leg for leg in self.legs if leg.up]

    @property
    def active_legs(self) -> int:
        """How many calls this transaction counts as against the quota of active calls."""
        return 0 if self.ended is not None else max(1, len(self.live_legs))
