"""Carrying out action lists: each action in order, ACTION_SUCCESSFUL once after the last,
ACTION_FAILED for the first failure (the rest cleared), HANGUP when no leg is left, and the
actions that wait (for digits, for a pause) resumed by the caller's keys or the mock's clock.

Every step returns the next event to deliver, so a whole call runs as one loop (`drive`), never
as a recursion as deep as the call is long.
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chime_mock.backend.sip.pstn import delivery, events
from chime_mock.backend.sip.pstn.actions import prepare, raw_echo
from chime_mock.backend.sip.pstn.delivery import ACTIONS, FINAL, IGNORED
from chime_mock.backend.sip.pstn.lambdas import LambdaFunction
from chime_mock.backend.sip.pstn.outcomes import Done, Step
from chime_mock.backend.sip.pstn.parameters import ActionFailure
from chime_mock.backend.sip.pstn.records import (
    CONNECTED,
    LEG_A,
    Leg,
    Performed,
    PstnCall,
    Waiting,
)
from chime_mock.backend.sip.pstn.responses import Response

NO_DIGITS = "InvalidDigitsReceived"


@dataclass
class Next:
    """The next event to deliver, how its response is used, and the leg its actions default to."""

    event: dict[str, Any]
    kind: str
    leg: Leg


@dataclass
class ActionOutcome:
    """How a test set an action type to end: failing with an ErrorType, or succeeding with
    these ActionData fields."""

    error_type: str | None = None
    error_message: str | None = None
    result: Mapping[str, Any] = field(default_factory=dict)


def default_leg(call: PstnCall, preferred: Leg | None) -> Leg:
    """The leg an action without CallId or ParticipantTag acts on: the one the event is about
    while it is up, else the first leg still up (LEG-A first)."""
    if preferred is not None and preferred.up:
        return preferred
    live = sorted(call.live_legs, key=lambda leg: leg.participant_tag)
    return live[0] if live else (preferred or call.legs[0])


class Runner:
    """The PSTN audio service's handling of calls (the switchboard adds its public face)."""

    def __init__(self) -> None:
        self.lambdas: dict[str, LambdaFunction] = {}
        self.silent: set[str] = set()  # numbers that do not answer
        self.outcomes: dict[str, ActionOutcome] = {}

    # The actions' environment (actions.Environment).
    def answers(self, phone_number: str) -> bool:
        return phone_number not in self.silent

    def owns(self, call: PstnCall, phone_number: str) -> bool:
        return False

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def drive(self, call: PstnCall, step: Next | None, now: _dt.datetime) -> None:
        """Deliver events and carry out the actions they bring back until the call waits (for
        digits, time, the caller) or ends."""
        while step is not None and call.ended is None:
            response = delivery.invoke(call, step.event, step.kind, self.lambdas, now)
            if step.kind == FINAL:
                delivery.end(call, now, call.end_reason or "Every leg hung up")
                return
            step = self.respond(call, response, step.leg, now) if response else None

    def respond(
        self, call: PstnCall, response: Response, leg: Leg, now: _dt.datetime
    ) -> Next | None:
        """Use a response's actions: a new list replaces what was left of the old one; the
        action in progress is interrupted when it can be, else finishes first."""
        new = response.actions
        if call.waiting is None:
            if new:
                call.actions = list(new)
                return self.run(call, default_leg(call, leg), now)
            return None
        if new is None:
            return None
        call.actions = []
        if not new:
            return None
        if call.waiting.interruptible:
            stopped = call.waiting
            call.waiting = None
            self._performed(call, stopped.action, "Interrupted", now)
            delivery.invoke(
                call, events.action_interrupted(call, stopped.action), IGNORED, self.lambdas, now
            )
            if call.ended is not None:
                return None
            call.actions = list(new)
            return self.run(call, default_leg(call, leg), now)
        call.replacement = list(new)
        return None

    def run(self, call: PstnCall, leg: Leg, now: _dt.datetime) -> Next | None:
        """Carry out `call.actions` from the first until one waits, fails, or the list ends."""
        while call.actions:
            action = call.actions.pop(0)
            try:
                action_type, target, parameters = prepare(action, call, leg)
            except ActionFailure as failure:
                return self._failed(call, failure.echo or raw_echo(action), failure, leg, now)
            echo = {"Type": action_type.name, "Parameters": parameters}
            set_outcome = self.outcomes.get(action_type.name)
            try:
                if set_outcome is not None and set_outcome.error_type is not None:
                    raise ActionFailure(
                        set_outcome.error_type,
                        set_outcome.error_message or action_type.external_error[1],
                        single=action_type.single_error,
                    )
                outcome = action_type.run(Step(call, target, parameters, now, self))
            except ActionFailure as failure:
                return self._failed(call, echo, failure, target, now)
            if action_type.name != "Hangup":
                self._answer(call)
            if not isinstance(outcome, Done):
                call.waiting = Waiting(
                    echo,
                    target.call_id,
                    outcome.until,
                    outcome.kind,
                    interruptible=action_type.interruptible,
                )
                return None
            result = {**outcome.result, **(set_outcome.result if set_outcome else {})}
            self._performed(call, echo, "Succeeded", now)
            if not call.live_legs:  # the last leg hung up: the call ends with HANGUP
                call.end_reason = (
                    f"A Hangup action hung up {target.participant_tag}, the last leg on the line"
                )
                return Next(
                    events.hangup(call, target, parameters.get("SipResponseCode")), FINAL, target
                )
            if not call.actions:
                return Next(events.action_successful(call, {**echo, **result}), ACTIONS, target)
        return None

    def finish_waiting(
        self, call: PstnCall, now: _dt.datetime, result: dict[str, Any]
    ) -> Next | None:
        """The action in progress is complete: the rest of its list runs (or the list an
        update brought), else ACTION_SUCCESSFUL reports it."""
        waiting = call.waiting
        assert waiting is not None
        leg = call.waiting_leg()
        call.waiting = None
        self._performed(call, waiting.action, "Succeeded", now)
        if call.replacement is not None:
            call.actions, call.replacement = call.replacement, None
        if call.actions:
            return self.run(call, default_leg(call, leg), now)
        return Next(events.action_successful(call, {**waiting.action, **result}), ACTIONS, leg)

    def digits_failed(self, call: PstnCall, now: _dt.datetime) -> Next | None:
        """An attempt to collect digits failed: the next attempt, or ACTION_FAILED after the
        last (Repeat attempts in all)."""
        waiting = call.waiting
        assert waiting is not None
        parameters = waiting.action["Parameters"]
        if waiting.attempt < parameters["Repeat"]:
            waiting.attempt += 1
            waiting.until = now + _dt.timedelta(
                milliseconds=parameters["RepeatDurationInMilliseconds"]
            )
            return None
        leg = call.waiting_leg()
        call.waiting = None
        failure = ActionFailure(NO_DIGITS, "The caller did not enter valid digits.")
        if call.replacement is not None:
            self._performed(call, waiting.action, "Failed", now, NO_DIGITS)
            call.actions, call.replacement = call.replacement, None
            return self.run(call, default_leg(call, leg), now)
        return self._failed(call, waiting.action, failure, leg, now)

    def collect(self, call: PstnCall, digits: str, now: _dt.datetime) -> Next | None:
        """Keys pressed in one burst while a digit-collecting action waits on their leg."""
        waiting = call.waiting
        assert waiting is not None
        parameters = waiting.action["Parameters"]
        entered, complete = "", False
        for key in digits:
            if key in parameters["TerminatorDigits"]:
                complete = True
                break
            entered += key
            if len(entered) >= parameters["MaxNumberOfDigits"]:
                complete = True
                break
        pattern = parameters.get("InputDigitsRegex")
        valid = (
            (entered or complete)
            and len(entered) >= parameters["MinNumberOfDigits"]
            and (pattern is None or re.search(pattern, entered) is not None)
        )
        if valid:
            return self.finish_waiting(call, now, {"ReceivedDigits": entered})
        return self.digits_failed(call, now)

    def listen(self, call: PstnCall, leg: Leg, digits: str, now: _dt.datetime) -> Next | None:
        """Keys on a leg with a ReceiveDigits armed: DIGITS_RECEIVED when they match."""
        listener = leg.listener
        assert listener is not None
        flush = _dt.timedelta(milliseconds=listener.flush_ms)
        if listener.first_digit_at is not None and now - listener.first_digit_at >= flush:
            listener.buffer, listener.first_digit_at = "", None
        if listener.first_digit_at is None:
            listener.first_digit_at = now
        listener.buffer += digits
        if re.search(listener.pattern, listener.buffer) is None:
            return None
        leg.listener = None  # a Lambda arms it again to keep listening
        event = events.digits_received(call, listener.action, listener.buffer)
        return Next(event, ACTIONS, leg)

    def _answer(self, call: PstnCall) -> None:
        if call.answered:
            return
        call.answered, call.ring_until = True, None
        leg_a = call.leg(LEG_A)
        if leg_a is not None and leg_a.up:
            leg_a.status = CONNECTED

    def _failed(
        self,
        call: PstnCall,
        echo: dict[str, Any],
        failure: ActionFailure,
        leg: Leg,
        now: _dt.datetime,
    ) -> Next:
        call.actions = []  # the first failure clears the rest of the list
        self._performed(call, echo, "Failed", now, failure.error_type)
        return Next(events.action_failed(call, echo, failure.action_data()), ACTIONS, leg)

    @staticmethod
    def _performed(
        call: PstnCall,
        echo: dict[str, Any],
        outcome: str,
        now: _dt.datetime,
        error_type: str | None = None,
    ) -> None:
        call.performed.append(Performed(echo, outcome, now, error_type))
