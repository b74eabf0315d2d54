"""The whole fake: one inventory per account and region, the order lifecycle, and the lock.

Every public method expects the caller to hold `lock` (the dispatcher takes it once per request),
so one request sees and changes a consistent state even with many threads calling at once.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import itertools
import threading
import uuid
from collections.abc import Container, Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from chime_mock.backend.families import F, Family
from chime_mock.backend.paging import Indexes, Listing, Ordered, PageTokens
from chime_mock.backend.phone_numbers import lifecycle, number_rules, porting, product_types
from chime_mock.backend.phone_numbers.facts import NumberFacts, canonical_id, describe, repeated
from chime_mock.backend.phone_numbers.records import (
    Association,
    OrderedPhoneNumber,
    PhoneNumber,
    PhoneNumberOrder,
    PhoneNumberSettings,
)
from chime_mock.backend.quotas import Quotas
from chime_mock.defaults import (
    DEFAULT_JOURNAL_LIMIT,
    DEFAULT_PHONE_NUMBER_LIMIT,
    GLOBAL_SERVICES,
)
from chime_mock.errors import ServiceError, bad_request
from chime_mock.faults import Faults
from chime_mock.journal import Journal

if TYPE_CHECKING:
    from chime_mock.backend.phone_numbers import search

# Statuses that do not take a place in the inventory quota.
_OUTSIDE_QUOTA = frozenset({"AcquireFailed", "DeleteInProgress", "Cancelled"})


class UnknownOrder(ValueError):
    """No order of this fake has the ID a test named."""


class OrderNotProcessing(ValueError):
    """A test asked to complete an order that is no longer Processing."""

    def __init__(self, order: PhoneNumberOrder) -> None:
        super().__init__(
            f"chime_mock: order {order.order_id} is {order.status}, not Processing: only a "
            "Processing order can be completed"
        )


# Due at the first settle: an entry whose record no longer waits, for settle to drop.
_AT_ONCE = _dt.datetime.min.replace(tzinfo=_dt.timezone.utc)


class _Queue:
    """The keys of one of the backend's waiting dicts, soonest due first: a settle pops what
    is due instead of reading every waiting record.

    An entry is only a hint: the settle step it feeds checks the record again, and queues again
    what still waits, at its current due time.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[_dt.datetime, int, str]] = []
        self._arrivals = itertools.count()

    def push(self, key: str, due: _dt.datetime | None) -> None:
        if due is not None:
            heapq.heappush(self._heap, (due, next(self._arrivals), key))

    def pop_due(self, now: _dt.datetime, waiting: Container[str]) -> list[str]:
        """The keys still `waiting` that were due by `now`, each once, in the order queued (the
        order of the waiting dict, as settle read it before)."""
        found: dict[str, int] = {}
        heap = self._heap
        while heap and heap[0][0] <= now:
            _, arrival, key = heapq.heappop(heap)
            if key in waiting:
                found.setdefault(key, arrival)
        return sorted(found, key=found.__getitem__)


class Scope(NamedTuple):
    """Where a record lives. Legacy Chime is global: its region is None."""

    service: str
    account: str
    region: str | None

    @classmethod
    def of(cls, service: str, account: str, region: str) -> Scope:
        """The scope of a call to `service` signed for `region`: none for a global service."""
        return cls(service, account, None if service in GLOBAL_SERVICES else region)


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


class Inventory:
    """The orders and phone numbers of one scope."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.orders: Listing[PhoneNumberOrder] = Listing()
        self.numbers = PhoneNumbers()  # by phone_number_id
        self.order_pages = PageTokens()
        self.number_pages = PageTokens()
        self.search_pages = PageTokens()
        # The NextTokens of the resource families' listings, by list operation name.
        self.pages: dict[str, PageTokens] = {}
        self.settings: PhoneNumberSettings | None = None
        # The state of each resource family (backend/families.py) used in this scope.
        self.families: dict[str, Family] = {}

    def family(self, cls: type[F], *, create: bool = False) -> F:
        """This scope's state of the family `cls`. Until something is created in it that is a
        new empty one, kept only with `create=True` (for a change), so a read leaves no trace."""
        found = self.families.get(cls.key)
        if found is None:
            found = cls()
            if create:
                self.families[cls.key] = found
        return found  # type: ignore[return-value]

    def held(self) -> int:
        """How many numbers count against the inventory quota."""
        numbers = self.numbers
        return len(numbers) - sum(numbers.count("status", status) for status in _OUTSIDE_QUOTA)


class Backend:
    """All state of one fake AWS; `reset()` empties it."""

    def __init__(
        self,
        processing_delay: _dt.timedelta | None = _dt.timedelta(0),
        phone_number_limit: int | None = DEFAULT_PHONE_NUMBER_LIMIT,
        journal_limit: int | None = DEFAULT_JOURNAL_LIMIT,
    ) -> None:
        self.lock = threading.RLock()
        self.processing_delay = processing_delay
        self.phone_number_limit = phone_number_limit
        self.journal = Journal(journal_limit)  # an option, kept by reset(); its calls are not
        self.quotas = Quotas()  # an option, kept by reset()
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
        # Who holds each number, across every account and service of this fake: a real number
        # belongs to one customer at a time.
        self._owners: dict[str, Scope] = {}
        self._order_scopes: dict[str, Scope] = {}
        self._pending: dict[str, PhoneNumberOrder] = {}  # Processing orders, by ID
        # Numbers a carrier refuses (handle.make_unavailable): search skips them, orders fail them.
        self._unavailable: set[str] = set()
        # Numbers waiting for the clock, by E.164 (each is owned, so held by one scope): in the
        # deletion queue, and with a CallingName update in progress.
        self._deleting: dict[str, Scope] = {}
        self._naming: dict[str, Scope] = {}
        # Numbers of porting orders not in their inventory yet (porting.appears_at), by order ID:
        # owned, but outside every read and the quota until settle() admits them.
        self._arriving: dict[str, list[PhoneNumber]] = {}
        self._seq = itertools.count()
        # The waiting dicts above as queues by due time, built at the first settle (after a state
        # file filled the dicts) and kept by every method that adds to them.
        self._queues: dict[str, _Queue] | None = None
        # Resource families with something waiting for the clock (Family.settle), by scope.
        self.timed: set[tuple[Scope, str]] = set()
        # Test tooling that `reset()` also clears (issue 4): injected faults and the call journal.
        self.faults = Faults()
        self.journal.clear()

    def inventory(self, scope: Scope) -> Inventory:
        """The inventory of `scope`, made empty at its first use."""
        found = self._inventories.get(scope)
        if found is None:
            found = self._inventories[scope] = Inventory(scope)
        return found

    def next_seq(self) -> int:
        """The next creation sequence number: every record's place in its listing."""
        return next(self._seq)

    def inventories(self) -> list[Inventory]:
        """Every inventory made so far (including empty ones made by reads)."""
        return list(self._inventories.values())

    # -- orders -------------------------------------------------------------------------------

    def create_order(
        self,
        scope: Scope,
        product_type: str,
        numbers: list[str],
        now: _dt.datetime,
        name: str | None = None,
    ) -> PhoneNumberOrder:
        """Validate everything first, then change state: a rejected order leaves no trace."""
        if not numbers:
            raise bad_request("E164PhoneNumbers must list at least one phone number")
        facts_list = []
        for index, number in enumerate(numbers, start=1):
            position = f"E164PhoneNumbers.{index}"
            facts = describe(number)
            if facts is None:
                raise bad_request(f"{position} is not a valid E.164 phone number: {number!r}")
            product_types.check_product_type(product_type, facts, position)
            facts_list.append(facts)
        e164s = [facts.e164 for facts in facts_list]
        twice = repeated(e164s)
        if twice:
            raise bad_request(f"E164PhoneNumbers lists a number more than once: {', '.join(twice)}")

        inventory = self.inventory(scope)
        self._check_quota(inventory, len(e164s))
        order = self._new_order(
            scope,
            product_type,
            e164s,
            now,
            order_type="New",
            status="Processing",
            ready_at=None if self.processing_delay is None else now + self.processing_delay,
            name=name,
        )
        for facts in facts_list:
            if facts.e164 in self._owners:  # held by someone: it never enters this inventory
                order.doomed.add(facts.e164)
                continue
            if facts.e164 in self._unavailable:  # the carrier refuses it as the order completes
                order.doomed.add(facts.e164)
            record = self._new_number(scope, facts, order, "AcquireInProgress", now)
            inventory.numbers[record.phone_number_id] = record
        return order

    def seed_porting_order(
        self,
        scope: Scope,
        product_type: str,
        numbers: list[str],
        foc_date: _dt.datetime,
        status: str,
        now: _dt.datetime,
    ) -> PhoneNumberOrder:
        """A porting order as a support case makes it: its numbers enter the inventory a day
        before the FOC date (at once when that is no later than `now`) and are acquired on it."""
        if status not in porting.statuses(scope.service):
            raise ValueError(
                f"chime_mock: a {scope.service} porting order can have status "
                f"{', '.join(porting.statuses(scope.service))}; got {status!r}"
            )
        if not numbers:
            raise ValueError("chime_mock: a porting order needs at least one phone number")
        facts_list = []
        for number in numbers:
            facts = describe(number)
            if facts is None:
                raise ValueError(f"chime_mock: {number!r} is not a valid E.164 phone number")
            try:
                product_types.check_product_type(product_type, facts, "number")
            except ServiceError as error:
                raise ValueError(f"chime_mock: {error.message}") from None
            if facts.e164 in self._owners:
                raise ValueError(
                    f"chime_mock: {facts.e164} is already held by account "
                    f"{self._owners[facts.e164].account} ({self._owners[facts.e164].service}); "
                    "a number can be ported in only once"
                )
            facts_list.append(facts)
        if repeated(facts.e164 for facts in facts_list):
            raise ValueError("chime_mock: the porting order lists a number more than once")
        completes = porting.completes_on_foc_date(status)
        order = self._new_order(
            scope,
            product_type,
            [facts.e164 for facts in facts_list],
            now,
            order_type="Porting",
            status=status,
            ready_at=foc_date if completes else None,
        )
        order.foc_date = foc_date
        if not completes:
            self._pending.pop(order.order_id)
        number_status = porting.number_status(scope.service, status)
        records = [
            self._new_number(scope, facts, order, number_status, now) for facts in facts_list
        ]
        if number_status == "Cancelled":  # a cancelled port holds nothing
            for facts in facts_list:
                self._owners.pop(facts.e164)
        self._arriving[order.order_id] = records
        self._queue("arriving", order.order_id, porting.appears_at(foc_date))
        if porting.appears_at(foc_date) <= now:
            self._admit(order.order_id, now)
        return order

    def _new_order(
        self,
        scope: Scope,
        product_type: str,
        e164s: list[str],
        now: _dt.datetime,
        *,
        order_type: str,
        status: str,
        ready_at: _dt.datetime | None,
        name: str | None = None,
    ) -> PhoneNumberOrder:
        order = PhoneNumberOrder(
            order_id=str(uuid.uuid4()),
            product_type=product_type,
            order_type=order_type,
            status=status,
            ordered=[OrderedPhoneNumber(e164, "Processing") for e164 in e164s],
            created=now,
            updated=now,
            seq=next(self._seq),
            ready_at=ready_at,
            name=name,
        )
        self.inventory(scope).orders[order.order_id] = order
        self._order_scopes[order.order_id] = scope
        self._pending[order.order_id] = order
        self._queue("pending", order.order_id, ready_at)
        return order

    def _new_number(
        self,
        scope: Scope,
        facts: NumberFacts,
        order: PhoneNumberOrder,
        status: str,
        now: _dt.datetime,
    ) -> PhoneNumber:
        """The record of a number `scope` now holds, for the caller to put in its inventory."""
        self._owners[facts.e164] = scope
        return PhoneNumber(
            phone_number_id=facts.phone_number_id,
            e164=facts.e164,
            country=facts.country,
            type=facts.type,
            product_type=order.product_type,
            status=status,
            capabilities=product_types.capabilities(facts, order.product_type),
            created=now,
            updated=now,
            seq=next(self._seq),
            order_id=order.order_id,
            name=order.name,
        )

    def _check_quota(self, inventory: Inventory, adding: int) -> None:
        limit = self.phone_number_limit
        if limit is not None and inventory.held() + adding > limit:
            raise ServiceError(
                "ResourceLimitExceededException",
                f"The phone number limit of this account is {limit}: it holds "
                f"{inventory.held()} and this request adds {adding}",
            )

    def settle(self, now: _dt.datetime) -> None:
        """Apply everything whose time has come, at the time it came: completed orders,
        succeeded calling-name updates, deleted numbers leaving the queue.

        Every request settles first, so this costs what is due, not what waits."""
        queues = self._queues
        if queues is None:
            queues = self._queues = self._build_queues()
        if self._naming:
            self._settle_calling_names(queues["naming"].pop_due(now, self._naming), now)
        if self._deleting:
            self._purge_deleted(queues["deleting"].pop_due(now, self._deleting), now)
        if self._arriving:  # before completions: a port's numbers appear before its FOC date
            self._admit_due(queues["arriving"].pop_due(now, self._arriving), now)
        if self.timed:
            self._settle_families(now)
        if not self._pending:
            return
        popped = [
            self._pending[order_id] for order_id in queues["pending"].pop_due(now, self._pending)
        ]
        due = sorted(
            (order for order in popped if order.ready_at and order.ready_at <= now),
            key=lambda order: order.seq,
        )
        completing = {id(order) for order in due}
        for order in popped:
            if id(order) not in completing:  # queued earlier than it is due: queue again
                queues["pending"].push(order.order_id, order.ready_at)
        for order in due:
            assert order.ready_at is not None
            self._complete(order, order.ready_at, failed=())

    def _settle_families(self, now: _dt.datetime) -> None:
        for scope, key in list(self.timed):
            if not self.inventory(scope).families[key].settle(now):
                self.timed.discard((scope, key))

    def _build_queues(self) -> dict[str, _Queue]:
        queues = {name: _Queue() for name in ("naming", "deleting", "arriving", "pending")}
        for e164, scope in self._naming.items():
            queues["naming"].push(e164, self._naming_due(self._owned(scope, e164)))
        for e164, scope in self._deleting.items():
            queues["deleting"].push(e164, self._deletion_due(self._owned(scope, e164)))
        for order_id in self._arriving:
            queues["arriving"].push(order_id, self._arrival_due(order_id))
        for order_id, order in self._pending.items():
            queues["pending"].push(order_id, order.ready_at)
        return queues

    def _queue(self, name: str, key: str, due: _dt.datetime | None) -> None:
        """Queue a key just added to a waiting dict (the queues are built later otherwise)."""
        if self._queues is not None:
            self._queues[name].push(key, due)

    @staticmethod
    def _naming_due(number: PhoneNumber | None) -> _dt.datetime | None:
        return number.calling_name_ready_at if lifecycle.is_naming(number) else _AT_ONCE

    @staticmethod
    def _deletion_due(number: PhoneNumber | None) -> _dt.datetime:
        if not lifecycle.is_queued(number):
            return _AT_ONCE
        assert number.deletion is not None  # is_queued made sure
        return number.deletion + lifecycle.DELETION_QUEUE_TIME

    def _arrival_due(self, order_id: str) -> _dt.datetime:
        foc_date = self.order(order_id).foc_date
        assert foc_date is not None  # only porting orders have arriving numbers
        return porting.appears_at(foc_date)

    def _admit_due(self, order_ids: list[str], now: _dt.datetime) -> None:
        for order_id in order_ids:
            appears = self._arrival_due(order_id)
            if appears <= now:
                self._admit(order_id, appears)
            else:
                self._queue("arriving", order_id, appears)

    def _admit(self, order_id: str, at: _dt.datetime) -> None:
        """Put a porting order's numbers in its inventory, created `at`."""
        inventory = self.inventory(self._order_scopes[order_id])
        for number in self._arriving.pop(order_id):
            # Only a Cancelled port's number, held by nobody, can have been ordered meanwhile:
            # the newer record stands, as it replaces an older one in the inventory.
            if number.phone_number_id not in inventory.numbers:
                # Created as it enters; listed after the numbers already there, so a listing
                # being paged never skips it.
                number.created = number.updated = at
                number.seq = next(self._seq)
                inventory.numbers[number.phone_number_id] = number

    def arriving(self, scope: Scope) -> list[tuple[PhoneNumber, _dt.datetime]]:
        """The numbers of `scope`'s porting orders not in its inventory yet, each with when it
        appears. For the test tooling only (the server's state): no API call shows them."""
        found = []
        for order_id, numbers in self._arriving.items():
            order = self.order(order_id)
            if self._order_scopes[order_id] == scope and order.foc_date is not None:
                found += [(number, porting.appears_at(order.foc_date)) for number in numbers]
        return sorted(found, key=lambda item: item[0].seq)

    def complete_order(
        self, order_id: str, failed: Iterable[str], now: _dt.datetime
    ) -> PhoneNumberOrder:
        """Complete a Processing order now; the numbers in `failed` end Failed."""
        order = self.order(order_id)
        if order.order_id not in self._pending:
            raise OrderNotProcessing(order)
        failed_e164 = set()
        ordered = {entry.e164 for entry in order.ordered}
        for number in failed:
            facts = describe(number)
            e164 = facts.e164 if facts else number
            if e164 not in ordered:
                raise ValueError(
                    f"chime_mock: {number!r} is not in order {order_id}; it orders "
                    f"{', '.join(sorted(ordered))}"
                )
            failed_e164.add(e164)
        self._complete(order, now, failed_e164)
        return order

    def order(self, order_id: str) -> PhoneNumberOrder:
        """The order with this ID, in whichever scope it is; UnknownOrder when none is."""
        scope = self._order_scopes.get(order_id)
        if scope is None:
            raise UnknownOrder(
                f"chime_mock: no phone-number order {order_id!r} exists in this mock"
            )
        return self.inventory(scope).orders[order_id]

    def _complete(self, order: PhoneNumberOrder, at: _dt.datetime, failed: Iterable[str]) -> None:
        scope = self._order_scopes[order.order_id]
        if order.order_id in self._arriving:  # a port completed by hand before its numbers came
            self._admit(order.order_id, at)
        doomed = order.doomed | set(failed)
        for entry in order.ordered:
            number = self._owned(scope, entry.e164)
            if number is not None and number.order_id != order.order_id:
                number = None  # the scope's own, older number, not this order's
            if entry.e164 in doomed:
                entry.status = "Failed"
                if number is not None:
                    number.status, number.updated = "AcquireFailed", at
                    self._owners.pop(entry.e164, None)
            else:
                entry.status = "Acquired"
                if number is not None:
                    number.status, number.updated = "Unassigned", at
        acquired = sum(entry.status == "Acquired" for entry in order.ordered)
        if acquired == len(order.ordered):
            order.status = "Successful"
        elif acquired:
            order.status = "Partial"
        else:
            order.status = "Failed"
        order.updated = at
        self._pending.pop(order.order_id, None)

    # -- the inventory ------------------------------------------------------------------------

    def make_unavailable(self, numbers: Iterable[str]) -> None:
        for number in numbers:
            facts = describe(number)
            if facts is None:
                raise ValueError(f"chime_mock: {number!r} is not a valid E.164 phone number")
            self._unavailable.add(facts.e164)

    def number(self, scope: Scope, phone_number_id: str) -> PhoneNumber:
        """The number of `scope` with this ID (any accepted form), or NotFoundException."""
        found = self.inventory(scope).numbers.get(canonical_id(phone_number_id))
        if found is None:
            raise number_rules.missing(phone_number_id)
        return found

    def list_numbers(
        self,
        scope: Scope,
        status: str | None,
        product_type: str | None,
        association: tuple[str, str] | None,
    ) -> Ordered[PhoneNumber]:
        """The scope's numbers matching every filter given, oldest first (paged by their
        indexes: a page costs the page, not the inventory)."""
        return self.inventory(scope).numbers.where(
            status=status, product_type=product_type, associations=association
        )

    def search(self, scope: Scope, query: search.SearchQuery) -> Ordered[tuple[int, str]]:
        """(pool position, E.164) of the query's numbers nobody holds or has refused, read
        from the position a page starts at."""
        # Imported at the first search: most processes never search.
        from chime_mock.backend.phone_numbers import search

        search.check_query(query)
        return _Offered(search.pool(query), self._owners, self._unavailable)

    def update_number(
        self, scope: Scope, phone_number_id: str, details: dict[str, str], now: _dt.datetime
    ) -> PhoneNumber:
        """Apply one detail (ProductType, CallingName or Name) after every check passed."""
        number = self.number(scope, phone_number_id)
        facts = describe(number.e164)
        assert facts is not None  # only valid numbers are ever stored
        number_rules.check_update(number, facts, details)
        if "ProductType" in details:
            number.product_type = details["ProductType"]
            number.capabilities = product_types.capabilities(facts, number.product_type)
        elif "CallingName" in details:
            # A carrier takes time to publish a calling name; the mock takes processing_delay
            # (no time when orders wait for complete_order: nothing completes a name by hand).
            delay = self.processing_delay or _dt.timedelta(0)
            if lifecycle.set_calling_name(number, details["CallingName"], now, delay):
                self._naming[number.e164] = scope
                self._queue("naming", number.e164, number.calling_name_ready_at)
        else:
            number.name = details["Name"] or None
        number.updated = now
        return number

    def _settle_calling_names(self, due: list[str], now: _dt.datetime) -> None:
        for e164 in due:
            number = self._owned(self._naming[e164], e164)
            # Done, or no longer waiting (the number left, or its name was removed): unindex.
            if not lifecycle.is_naming(number) or lifecycle.settle_calling_name(number, now):
                del self._naming[e164]
            else:  # renamed since it was queued: due later
                self._queue("naming", e164, self._naming_due(number))

    def delete_number(self, scope: Scope, phone_number_id: str, now: _dt.datetime) -> None:
        """Move a number to the deletion queue; an AcquireFailed one, held by nobody, just goes."""
        number = self.number(scope, phone_number_id)
        number_rules.check_deletable(number)
        if number.status == "AcquireFailed":
            del self.inventory(scope).numbers[number.phone_number_id]
            return
        lifecycle.queue_for_deletion(number, now)
        self._deleting[number.e164] = scope
        self._queue("deleting", number.e164, self._deletion_due(number))

    def restore_number(self, scope: Scope, phone_number_id: str, now: _dt.datetime) -> PhoneNumber:
        number = self.number(scope, phone_number_id)
        number_rules.check_restorable(number)
        self._check_quota(self.inventory(scope), 1)
        lifecycle.restore(number, now)
        self._deleting.pop(number.e164, None)
        return number

    def _purge_deleted(self, due: list[str], now: _dt.datetime) -> None:
        """Numbers 7 days in the queue leave the inventory and become orderable again."""
        for e164 in due:
            scope = self._deleting[e164]
            number = self._owned(scope, e164)
            if not lifecycle.is_queued(number):
                del self._deleting[e164]
            elif lifecycle.leaves_queue(number, now):
                del self.inventory(scope).numbers[number.phone_number_id]
                del self._deleting[e164]
                self._owners.pop(e164, None)
            else:  # deleted again since it was queued: due later
                self._queue("deleting", e164, self._deletion_due(number))

    def _owned(self, scope: Scope, e164: str) -> PhoneNumber | None:
        """The scope's record of this number, if it has one."""
        facts = describe(e164)
        return self.inventory(scope).numbers.get(facts.phone_number_id) if facts else None

    # -- account settings ---------------------------------------------------------------------

    def update_settings(self, scope: Scope, calling_name: str, now: _dt.datetime) -> None:
        self.inventory(scope).settings = PhoneNumberSettings(calling_name or None, now)
