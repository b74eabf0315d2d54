"""The registry of the fake: one inventory per scope (service, account and region), the lock,
and the clock's settlement. It knows no domain: each keeps its state in an inventory (a scope's)
or in the Backend (what spans every scope, such as who holds each phone number), made at its
first use, and `settle` asks each what the clock has made due.

Every public method expects the caller to hold `lock` (the dispatcher takes it once per request),
so one request sees and changes a consistent state even with many threads calling at once.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import threading
from typing import Any, NamedTuple, Protocol, TypeVar

from chime_mock.backend.families import F, Family
from chime_mock.backend.paging import PageTokens
from chime_mock.backend.quotas import Quotas
from chime_mock.defaults import (
    DEFAULT_JOURNAL_LIMIT,
    DEFAULT_PHONE_NUMBER_LIMIT,
    GLOBAL_SERVICES,
)
from chime_mock.faults import Faults
from chime_mock.journal import Journal


class Settles(Protocol):
    """A domain's state that spans every scope and may wait for the clock."""

    def settle(self, now: _dt.datetime) -> None: ...


S = TypeVar("S", bound=Settles)
P = TypeVar("P")


class Scope(NamedTuple):
    """Where a record lives. Legacy Chime is global: its region is None."""

    service: str
    account: str
    region: str | None

    @classmethod
    def of(cls, service: str, account: str, region: str) -> Scope:
        """The scope of a call to `service` signed for `region`: none for a global service."""
        return cls(service, account, None if service in GLOBAL_SERVICES else region)


class Inventory:
    """Everything one scope holds: each domain's state (the phone numbers', by its class) and each
    resource family's (by its key), made at its first use."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        # The NextTokens of the resource families' listings, by list operation name.
        self.pages: dict[str, PageTokens] = {}
        # The state of each resource family (backend/families.py) used in this scope.
        self.families: dict[str, Family] = {}
        self._domains: dict[type[Any], Any] = {}

    def domain(self, cls: type[P]) -> P:
        """This scope's state of a domain (`cls()`), made empty at its first use."""
        found = self._domains.get(cls)
        if found is None:
            found = self._domains[cls] = cls()
        return found

    def family(self, cls: type[F], *, create: bool = False) -> F:
        """This scope's state of the family `cls`. Until something is created in it that is a
        new empty one, kept only with `create=True` (for a change), so a read leaves no trace."""
        found = self.families.get(cls.key)
        if found is None:
            found = cls()
            if create:
                self.families[cls.key] = found
        return found  # type: ignore[return-value]


class Backend:
    """All state of one fake AWS; `reset()` empties it."""

    def __init__(
        self,
        processing_delay: _dt.timedelta | None = _dt.timedelta(0),
        phone_number_limit: int | None = DEFAULT_PHONE_NUMBER_LIMIT,
        journal_limit: int | None = DEFAULT_JOURNAL_LIMIT,
    ) -> None:
        self.lock = threading.RLock()
        # Options of each mock_chime, kept by reset(): how long orders (and calling names) take,
        # and the inventory quota of phone numbers.
        self.processing_delay = processing_delay
        self.phone_number_limit = phone_number_limit
        self.journal = Journal(journal_limit)  # an option, kept by reset(); its calls are not
        self.quotas = Quotas()  # an option, kept by reset()
        # Whether HTTP clients reach it through chime_mock.server (set by the server): errors
        # then say how to change an option in the server's words, not mock_chime's.
        self.served = False
        self.reset()

    @property
    def journal_limit(self) -> int | None:
        """How many of the newest calls the journal keeps; None: every call."""
        return self.journal.limit

    @journal_limit.setter
    def journal_limit(self, limit: int | None) -> None:
        self.journal.limit = limit

    def reset(self) -> None:
        """Forget every record, injected fault and journaled call; the options stay."""
        self._inventories: dict[Scope, Inventory] = {}
        # The state of each domain that spans every scope, by its class (backend.domain()).
        self._domains: dict[type[Any], Settles] = {}
        self._seq = itertools.count()
        # Resource families with something waiting for the clock (Family.settle), by scope.
        self.timed: set[tuple[Scope, str]] = set()
        # Test tooling that `reset()` also clears: injected faults and the call journal.
        self.faults = Faults()
        self.journal.clear()

    def inventory(self, scope: Scope) -> Inventory:
        """The inventory of `scope`, made empty at its first use."""
        found = self._inventories.get(scope)
        if found is None:
            found = self._inventories[scope] = Inventory(scope)
        return found

    def domain(self, cls: type[S]) -> S:
        """The state of a domain that spans every scope (`cls(backend)`), made at its first use;
        `settle` asks it for what the clock has made due from then on."""
        found = self._domains.get(cls)
        if found is None:
            found = self._domains[cls] = cls(self)  # type: ignore[call-arg]
        return found  # type: ignore[return-value]

    def next_seq(self) -> int:
        """The next creation sequence number: every record's place in its listing."""
        return next(self._seq)

    def inventories(self) -> list[Inventory]:
        """Every inventory made so far (including empty ones made by reads)."""
        return list(self._inventories.values())

    def settle(self, now: _dt.datetime) -> None:
        """Apply everything whose time has come, at the time it came, in every domain and
        family. Every request settles first, so this costs what is due, not what waits."""
        for domain in self._domains.values():
            domain.settle(now)
        if self.timed:
            for scope, key in list(self.timed):
                if not self.inventory(scope).families[key].settle(now):
                    self.timed.discard((scope, key))
