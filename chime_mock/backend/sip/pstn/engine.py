"""The switchboard: what starts and steers calls (a call arriving, an outbound call placed, the
caller pressing keys or hanging up, an update request, the mock's clock moving).

Delivery is synchronous and deterministic: when one of these returns, every event it caused
has been delivered. A Lambda that itself starts or steers a call while it handles an event (an
UpdateSipMediaApplicationCall from the handler, say) has that work queued and run right after,
as AWS runs it asynchronously; it never runs inside the first delivery.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import deque
from collections.abc import Callable, Mapping

from chime_mock.backend.sip.pstn import delivery, events
from chime_mock.backend.sip.pstn.delivery import ACTIONS, ATTRIBUTES, FINAL, IGNORED
from chime_mock.backend.sip.pstn.records import CONNECTED, DISCONNECTED, LEG_A, Leg, PstnCall
from chime_mock.backend.sip.pstn.running import Next, Runner, default_leg

RING_TIMEOUT = _dt.timedelta(seconds=30)  # an inbound call no action answers times out
_KEYS = re.compile(r"[0-9*#]+")


def due(call: PstnCall) -> _dt.datetime | None:
    """When the call next needs the clock (an attempt or a pause ending, ringing timing out),
    or None."""
    if call.ended is not None:
        return None
    if call.waiting is not None:
        return call.waiting.until
    if not call.answered and call.ring_until is not None:
        return call.ring_until
    return None


class Switchboard(Runner):
    """The PSTN audio service of one fake: connected Lambdas, numbers that do not answer, the
    outcomes a test set for actions, and the handling of every call."""

    def __init__(
        self,
        owns: Callable[[PstnCall, str], bool] | None = None,
        changed: Callable[[PstnCall], None] | None = None,
    ) -> None:
        super().__init__()
        self._owns = owns
        self._changed = changed
        self._queue: deque[tuple[PstnCall, Callable[[], None]]] = deque()
        self._busy = False

    def owns(self, call: PstnCall, phone_number: str) -> bool:
        return self._owns(call, phone_number) if self._owns is not None else False

    def _serialized(self, call: PstnCall, work: Callable[[], None]) -> None:
        self._queue.append((call, work))
        if self._busy:  # a handler's own request: it runs after the current delivery
            return
        self._busy = True
        try:
            while self._queue:
                touched, next_work = self._queue.popleft()
                if touched.ended is None:
                    next_work()
                if self._changed is not None:
                    self._changed(touched)
        finally:
            self._busy = False
            self._queue.clear()

    def start_inbound(self, call: PstnCall, now: _dt.datetime) -> None:
        """A call to a number a SIP rule routes: NEW_INBOUND_CALL to the first target."""
        call.ring_until = now + RING_TIMEOUT
        leg_a = call.legs[0]
        self._serialized(
            call, lambda: self.drive(call, Next(events.new_inbound_call(call), ACTIONS, leg_a), now)
        )

    def start_outbound(
        self, call: PstnCall, arguments: Mapping[str, str], now: _dt.datetime
    ) -> None:
        """CreateSipMediaApplicationCall: NEW_OUTBOUND_CALL, RINGING, then CALL_ANSWERED, or
        HANGUP (SIP 480) when the number does not answer."""
        leg_a = call.legs[0]

        def place() -> None:
            for event, kind in (
                (events.new_outbound_call(call, dict(arguments)), ATTRIBUTES),
                (events.ringing(call), IGNORED),
            ):
                delivery.invoke(call, event, kind, self.lambdas, now)
                if call.ended is not None:
                    return
            if self.answers(leg_a.to):
                leg_a.status, call.answered = CONNECTED, True
                self.drive(call, Next(events.call_answered(call), ACTIONS, leg_a), now)
                return
            leg_a.status = DISCONNECTED
            call.end_reason = f"{leg_a.to} did not answer"
            self.drive(
                call, Next(events.hangup(call, leg_a, delivery.UNAVAILABLE), FINAL, leg_a), now
            )

        self._serialized(call, place)

    def _live_leg(self, call: PstnCall, tag: str, doing: str) -> Leg:
        if call.ended is not None:
            raise ValueError(
                f"chime_mock: the call {call.transaction_id} has ended ({call.end_reason}); "
                f"nobody can {doing} on it"
            )
        leg = call.leg(tag)
        if leg is None or not leg.up:
            tags = ", ".join(other.participant_tag for other in call.live_legs)
            raise ValueError(
                f"chime_mock: the call {call.transaction_id} has no {tag} on the line (legs on "
                f"the line: {tags or 'none'})"
            )
        return leg

    def press(self, call: PstnCall, digits: str, tag: str, now: _dt.datetime) -> None:
        """The party on leg `tag` presses keys, in one burst."""
        if not isinstance(digits, str) or not _KEYS.fullmatch(digits):
            raise ValueError(
                f"chime_mock: digits must be keys of a phone, 0-9, * and #, e.g. '123#'; got "
                f"{digits!r}"
            )
        leg = self._live_leg(call, tag, "press keys")

        def keys() -> None:
            waiting = call.waiting
            if waiting is not None and waiting.kind == "digits" and waiting.call_id == leg.call_id:
                self.drive(call, self.collect(call, digits, now), now)
            elif leg.listener is not None:
                self.drive(call, self.listen(call, leg, digits, now), now)
            # Otherwise nothing listens: the keys are lost, as on a real line.

        self._serialized(call, keys)

    def hang_up(self, call: PstnCall, tag: str, now: _dt.datetime) -> None:
        """The party on leg `tag` hangs up: HANGUP with the leg Disconnected. The Lambda's
        actions then run while another leg is still on the line."""
        leg = self._live_leg(call, tag, "hang up")

        def drop() -> None:
            leg.status, leg.listener = DISCONNECTED, None
            if call.waiting is not None and call.waiting.call_id == leg.call_id:
                self._performed(call, call.waiting.action, "Dropped", now)
                call.waiting, call.actions, call.replacement = None, [], None
            if call.live_legs:
                self.drive(
                    call, Next(events.hangup(call, leg), ACTIONS, default_leg(call, None)), now
                )
                return
            call.end_reason = f"{leg.participant_tag} hung up"
            self.drive(call, Next(events.hangup(call, leg), FINAL, leg), now)

        self._serialized(call, drop)

    def update(self, call: PstnCall, arguments: Mapping[str, str], now: _dt.datetime) -> None:
        """UpdateSipMediaApplicationCall: CALL_UPDATE_REQUESTED with the Arguments."""
        if call.ended is not None:
            raise ValueError(f"chime_mock: the call {call.transaction_id} has ended")

        def request() -> None:
            event = events.call_update_requested(call, dict(arguments))
            self.drive(call, Next(event, ACTIONS, default_leg(call, call.leg(LEG_A))), now)

        self._serialized(call, request)

    def due(self, call: PstnCall) -> _dt.datetime | None:
        """When the call next needs the clock, or None."""
        return due(call)

    def settle(self, call: PstnCall, now: _dt.datetime) -> _dt.datetime | None:
        """Apply what the clock has made due, each step at its own time; returns when the call
        next needs the clock."""

        def catch_up() -> None:
            while (at := self.due(call)) is not None and at <= now:
                waiting = call.waiting
                if waiting is None:  # nobody answered in time
                    leg_a = call.legs[0]
                    leg_a.status = DISCONNECTED
                    call.end_reason = "Nobody answered the call within 30 seconds"
                    self.drive(
                        call,
                        Next(events.hangup(call, leg_a, delivery.UNAVAILABLE), FINAL, leg_a),
                        at,
                    )
                elif waiting.kind == "pause":
                    self.drive(call, self.finish_waiting(call, at, {}), at)
                else:
                    self.drive(call, self.digits_failed(call, at), at)

        if (at := self.due(call)) is not None and at <= now:
            self._serialized(call, catch_up)
        return self.due(call)
