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

if TYPE_CHECKING:
    from chime_mock.backend import Backend
    from chime_mock.backend.store import Inventory

T = TypeVar("T")


class FamilyControls:
    """The base of a family's controls: runs a change on one scope's inventory under the lock,
    with the clock settled first, and turns the service's errors into plain ValueErrors."""

    def __init__(self, backend: Callable[[], Backend]) -> None:
        self._backend = backend  # the handle's: raises while the mock is not active

    def _run(
        self,
        change: Callable[[Inventory], T],
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
        service: str = CHIME_SDK_VOICE,
    ) -> T:
        """Run `change` on the inventory of `service` in that account and region (legacy
        Chime's is the account's, whatever the region)."""
        from chime_mock.backend import Scope
        from chime_mock.errors import ServiceError

        backend = self._backend()
        with backend.lock:
            backend.settle(clock.now())
            inventory = backend.inventory(Scope.of(service, account, region))
            try:
                return change(inventory)
            except ServiceError as error:
                raise ValueError(f"chime_mock: {error.message}") from None
