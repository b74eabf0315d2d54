"""A call of the PSTN audio simulator as a test sees it: what its Lambda received and did, and
the people on the line (`press`, `hang_up`)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from chime_mock import clock

if TYPE_CHECKING:
    from chime_mock.backend import Backend
    from chime_mock.backend.sip.pstn.engine import Switchboard
    from chime_mock.backend.sip.pstn.records import PstnCall

T = TypeVar("T")


@dataclass(frozen=True)
class Invocation:
    """One invocation of the Lambda: the event as delivered, and what came back."""

    event: dict[str, Any]
    response: Any  # the Lambda's response, as JSON values (None when it failed)
    error: str | None  # why the invocation failed (the handler raised, timed out, ...)
    ignored: bool  # the service does not use the response to this event (RINGING, ...)


class PhoneCall:
    """A call to or from a SIP media application whose Lambda is connected.

    Every property reads the call as it is now (the mock's clock settled first): `events` are
    the events exactly as the Lambda received them, in order; `actions` the actions carried out.
    `handle.sip_media_applications.receive_call` and `.call` return it; docs/calls.md shows it
    at work.
    """

    def __init__(self, backend: Callable[[], Backend], transaction_id: str) -> None:
        self._backend = backend
        self.transaction_id = transaction_id

    def __repr__(self) -> str:
        return f"PhoneCall(transaction_id={self.transaction_id!r})"

    def _run(self, read: Callable[[Switchboard, PstnCall], T]) -> T:
        from chime_mock.backend.sip import phone_calls

        backend = self._backend()
        with backend.lock:
            now = clock.now()
            backend.settle(now)
            board, call = phone_calls.find(backend, self.transaction_id)
            return read(board, call)

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every event the Lambda received, in order (a retried invocation's twice)."""
        return self._run(lambda board, call: [copy.deepcopy(i.event) for i in call.invoked])

    @property
    def event_types(self) -> list[str]:
        """The InvocationEventType of each event, in order."""
        return [event["InvocationEventType"] for event in self.events]

    @property
    def invocations(self) -> list[Invocation]:
        """Each invocation: its event, the Lambda's response or why it failed."""
        return self._run(
            lambda board, call: [
                Invocation(
                    copy.deepcopy(i.event), copy.deepcopy(i.response), i.error, i.ignored
                )
                for i in call.invoked
            ]
        )

    @property
    def actions(self) -> list[dict[str, Any]]:
        """The actions carried out, in order: `Type`, `Parameters` as the service echoes them,
        and `Outcome` (Succeeded, Failed, Interrupted, or Dropped when the leg hung up), with
        `ErrorType` when it failed."""

        def read(board: Switchboard, call: PstnCall) -> list[dict[str, Any]]:
            carried = []
            for done in call.performed:
                entry = {**copy.deepcopy(done.action), "Outcome": done.outcome}
                if done.error_type is not None:
                    entry["ErrorType"] = done.error_type
                carried.append(entry)
            return carried

        return self._run(read)

    @property
    def transaction_attributes(self) -> dict[str, str]:
        """The TransactionAttributes the Lambda stored, as they are now."""
        return self._run(lambda board, call: dict(call.attributes or {}))

    @property
    def ended(self) -> bool:
        """Whether the call is over (every leg hung up, or the service ended it)."""
        return self._run(lambda board, call: call.ended is not None)

    @property
    def end_reason(self) -> str | None:
        """Why the call ended (a leg hung up, the Lambda failed, ...); None while it lasts."""
        return self._run(lambda board, call: call.end_reason)

    def press(self, digits: str, *, leg: str = "LEG-A") -> None:
        """The person on `leg` presses keys (0-9, * and #), in one burst: they answer a
        SpeakAndGetDigits or PlayAudioAndGetDigits in progress, or a ReceiveDigits listening.

        Raises:
            ValueError: not phone keys, the call has ended, or nobody is on that leg.
        """
        self._run(lambda board, call: board.press(call, digits, leg, clock.now()))

    def hang_up(self, *, leg: str = "LEG-A") -> None:
        """The person on `leg` hangs up: HANGUP with the leg Disconnected.

        Raises:
            ValueError: the call has ended, or nobody is on that leg.
        """
        self._run(lambda board, call: board.hang_up(call, leg, clock.now()))
