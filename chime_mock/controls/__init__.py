"""Test controls of the resource families: what a test needs and the API cannot do (record a
termination health ping, decide a task's outcome, see the calls an application placed).

Each family's controls live in a module here and are reached from the handle by the family's
name (`handle.voice_connectors.record_termination_health(...)`), so the handle stays about
activation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from chime_mock import clock
from chime_mock.defaults import CHIME_SDK_VOICE, DEFAULT_ACCOUNT, DEFAULT_REGION
from chime_mock.errors import ServiceError

if TYPE_CHECKING:
    from chime_mock.backend import Backend
    from chime_mock.backend.store import Inventory

T = TypeVar("T")


class ControlError(ValueError):
    """A family control refused (an unknown task, a task that has ended): a ValueError for
    Python callers, carrying the modeled error the server's control endpoints answer with."""

    def __init__(self, error: ServiceError) -> None:
        super().__init__(f"chime_mock: {error.message}")
        self.error = error


def in_scope(
    backend: Backend,
    change: Callable[[Inventory], T],
    account: str = DEFAULT_ACCOUNT,
    region: str = DEFAULT_REGION,
    service: str = CHIME_SDK_VOICE,
) -> T:
    """Run a change on one scope's inventory of `service` (legacy Chime's is the account's,
    whatever the region) under the lock, with the clock settled first; the service's errors
    become ControlErrors. The handle's controls and the server's control endpoints both steer
    the fake through here."""
    from chime_mock.backend import Scope

    with backend.lock:
        backend.settle(clock.now())
        inventory = backend.inventory(Scope.of(service, account, region))
        try:
            return change(inventory)
        except ServiceError as error:
            raise ControlError(error) from None


class FamilyControls:
    """The base of a family's controls: runs a change on one scope's inventory (`in_scope`)."""

    def __init__(self, backend: Callable[[], Backend]) -> None:
        self._backend = backend  # the handle's: raises while the mock is not active

    def _run(
        self,
        change: Callable[[Inventory], T],
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
        service: str = CHIME_SDK_VOICE,
    ) -> T:
        return in_scope(self._backend(), change, account, region, service)
