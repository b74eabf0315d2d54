"""An account's phone numbers in one scope: its orders, its numbers, its calling name, and what
may be done to a number it holds (read, list, search, update, delete, restore).

Every function expects the caller to hold `backend.lock` (the dispatcher takes it once per
request).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Container, Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar

from chime_mock.backend.paging import Indexes, Listing, Ordered, PageTokens
from chime_mock.backend.phone_numbers import lifecycle, number_rules, product_types
from chime_mock.backend.phone_numbers.carrier import Carrier
from chime_mock.backend.phone_numbers.facts import canonical_id, describe
from chime_mock.backend.phone_numbers.records import (
    Association,
    PhoneNumber,
    PhoneNumberOrder,
    PhoneNumberSettings,
)
from chime_mock.errors import ServiceError

if TYPE_CHECKING:
    from chime_mock.backend.phone_numbers import search as search_module
    from chime_mock.backend.store import Backend, Inventory, Scope

# Statuses that do not take a place in the inventory quota.
_OUTSIDE_QUOTA = frozenset({"AcquireFailed", "DeleteInProgress", "Cancelled"})


def _association_keys(associations: list[Association]) -> Iterator[tuple[str, str]]:
    for entry in associations:
        yield entry.name, entry.value


class PhoneNumbers(Listing[PhoneNumber]):
    """A scope's numbers by phone_number_id, indexed for ListPhoneNumbers' filters and the quota."""

    indexes: ClassVar[Indexes] = {
        "status": lambda status: (status,),
        "product_type": lambda product_type: (product_type,),
        "associations": _association_keys,  # (Name, Value) of each association
    }


class PhoneNumberInventory:
    """The orders and phone numbers of one scope."""

    def __init__(self) -> None:
        self.orders: Listing[PhoneNumberOrder] = Listing()
        self.numbers = PhoneNumbers()  # by phone_number_id
        self.order_pages = PageTokens()
        self.number_pages = PageTokens()
        self.search_pages = PageTokens()
        self.settings: PhoneNumberSettings | None = None

    @classmethod
    def of(cls, inventory: Inventory) -> PhoneNumberInventory:
        """The phone numbers of the scope of `inventory`."""
        return inventory.domain(cls)

    def held(self) -> int:
        """How many numbers count against the inventory quota."""
        numbers = self.numbers
        return len(numbers) - sum(numbers.count("status", status) for status in _OUTSIDE_QUOTA)


def numbers_of(backend: Backend, scope: Scope) -> PhoneNumberInventory:
    """The phone numbers of `scope`, made empty at their first use."""
    return PhoneNumberInventory.of(backend.inventory(scope))


def check_quota(backend: Backend, numbers: PhoneNumberInventory, adding: int) -> None:
    limit = backend.phone_number_limit
    if limit is not None and numbers.held() + adding > limit:
        raise ServiceError(
            "ResourceLimitExceededException",
            f"The phone number limit of this account is {limit}: it holds "
            f"{numbers.held()} and this request adds {adding}; ask AWS to raise it",
            raised_by=("phone_number_limit", None),
        )


def get_number(backend: Backend, scope: Scope, phone_number_id: str) -> PhoneNumber:
    """The number of `scope` with this ID (any accepted form), or NotFoundException."""
    found = numbers_of(backend, scope).numbers.get(canonical_id(phone_number_id))
    if found is None:
        raise number_rules.missing(phone_number_id)
    return found


def list_numbers(
    backend: Backend,
    scope: Scope,
    status: str | None,
    product_type: str | None,
    association: tuple[str, str] | None,
) -> Ordered[PhoneNumber]:
    """The scope's numbers matching every filter given, oldest first (paged by their indexes:
    a page costs the page, not the inventory)."""
    return numbers_of(backend, scope).numbers.where(
        status=status, product_type=product_type, associations=association
    )


class _Offered(Ordered[tuple[int, str]]):
    """A search pool's numbers that nobody holds or has refused, with their pool positions."""

    def __init__(self, pool: tuple[str, ...], *taken: Container[str]) -> None:
        self._pool = pool
        self._taken = taken

    def after(self, seq: int) -> Iterator[tuple[int, str]]:
        pool, taken = self._pool, self._taken
        for position in range(seq + 1, len(pool)):
            e164 = pool[position]
            if not any(e164 in held for held in taken):
                yield position, e164


def search_numbers(backend: Backend, query: search_module.SearchQuery) -> Ordered[tuple[int, str]]:
    """(pool position, E.164) of the query's numbers nobody holds or has refused, read from the
    position a page starts at."""
    # Imported at the first search: most processes never search.
    from chime_mock.backend.phone_numbers import search as search_module

    search_module.check_query(query)
    carrier = Carrier.of(backend)
    return _Offered(search_module.pool(query), carrier.owners, carrier.unavailable)


def make_unavailable(backend: Backend, numbers: Iterable[str]) -> None:
    """The carrier refuses these numbers from now on: search skips them, orders fail them."""
    unavailable = Carrier.of(backend).unavailable
    for e164 in numbers:
        facts = describe(e164)
        if facts is None:
            raise ValueError(f"chime_mock: {e164!r} is not a valid E.164 phone number")
        unavailable.add(facts.e164)


def update_number(
    backend: Backend,
    scope: Scope,
    phone_number_id: str,
    details: dict[str, str],
    now: _dt.datetime,
) -> PhoneNumber:
    """Apply one detail (ProductType, CallingName or Name) after every check passed."""
    found = get_number(backend, scope, phone_number_id)
    facts = describe(found.e164)
    assert facts is not None  # only valid numbers are ever stored
    number_rules.check_update(found, facts, details)
    if "ProductType" in details:
        found.product_type = details["ProductType"]
        found.capabilities = product_types.capabilities(facts, found.product_type)
    elif "CallingName" in details:
        # A carrier takes time to publish a calling name; the mock takes processing_delay
        # (no time when orders wait for complete_order: nothing completes a name by hand).
        delay = backend.processing_delay or _dt.timedelta(0)
        if lifecycle.set_calling_name(found, details["CallingName"], now, delay):
            carrier = Carrier.of(backend)
            carrier.naming[found.e164] = scope
            carrier.queue("naming", found.e164, found.calling_name_ready_at)
    else:
        found.name = details["Name"] or None
    found.updated = now
    return found


def delete_number(backend: Backend, scope: Scope, phone_number_id: str, now: _dt.datetime) -> None:
    """Move a number to the deletion queue; an AcquireFailed one, held by nobody, just goes."""
    found = get_number(backend, scope, phone_number_id)
    number_rules.check_deletable(found)
    if found.status == "AcquireFailed":
        del numbers_of(backend, scope).numbers[found.phone_number_id]
        return
    lifecycle.queue_for_deletion(found, now)
    carrier = Carrier.of(backend)
    carrier.deleting[found.e164] = scope
    carrier.queue("deleting", found.e164, carrier.deletion_due(found))


def restore_number(
    backend: Backend, scope: Scope, phone_number_id: str, now: _dt.datetime
) -> PhoneNumber:
    found = get_number(backend, scope, phone_number_id)
    number_rules.check_restorable(found)
    check_quota(backend, numbers_of(backend, scope), 1)
    lifecycle.restore(found, now)
    Carrier.of(backend).deleting.pop(found.e164, None)
    return found


def update_settings(backend: Backend, scope: Scope, calling_name: str, now: _dt.datetime) -> None:
    """The account's default outbound calling name (UpdatePhoneNumberSettings)."""
    numbers_of(backend, scope).settings = PhoneNumberSettings(calling_name or None, now)
