"""The whole fake: one inventory per account and region, the order lifecycle, and the lock.

Every public method expects the caller to hold `lock` (the dispatcher takes it once per request),
so one request sees and changes a consistent state even with many threads calling at once.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import threading
import uuid
from collections.abc import Iterable
from typing import NamedTuple

from chime_mock.backend import product_types
from chime_mock.backend.paging import PageTokens
from chime_mock.backend.phone_numbers import describe
from chime_mock.backend.records import OrderedPhoneNumber, PhoneNumber, PhoneNumberOrder
from chime_mock.errors import bad_request
from chime_mock.faults import Faults
from chime_mock.journal import Journal


class Scope(NamedTuple):
    """Where a record lives. Legacy Chime is global: its region is None."""

    service: str
    account: str
    region: str | None


class Inventory:
    """The orders and phone numbers of one scope."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.orders: dict[str, PhoneNumberOrder] = {}
        self.numbers: dict[str, PhoneNumber] = {}  # by phone_number_id
        self.order_pages = PageTokens()
        self.number_pages = PageTokens()


class Backend:
    """All state of one fake AWS; `reset()` empties it."""

    def __init__(self, processing_delay: _dt.timedelta | None = _dt.timedelta(0)) -> None:
        self.lock = threading.RLock()
        self.processing_delay = processing_delay
        self.reset()

    def reset(self) -> None:
        self._inventories: dict[Scope, Inventory] = {}
        # Who holds each number, across every account and service of this fake: a real number
        # belongs to one customer at a time.
        self._owners: dict[str, Scope] = {}
        self._order_scopes: dict[str, Scope] = {}
        self._pending: dict[str, PhoneNumberOrder] = {}  # Processing orders, by ID
        self._seq = itertools.count()
        # Test tooling that `reset()` also clears (issue 4): injected faults and the call journal.
        self.faults = Faults()
        self.journal = Journal()

    def inventory(self, scope: Scope) -> Inventory:
        found = self._inventories.get(scope)
        if found is None:
            found = self._inventories[scope] = Inventory(scope)
        return found

    def inventories(self) -> list[Inventory]:
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
        if len(set(e164s)) != len(e164s):
            repeated = sorted({n for n in e164s if e164s.count(n) > 1})
            raise bad_request(
                f"E164PhoneNumbers lists a number more than once: {', '.join(repeated)}"
            )

        inventory = self.inventory(scope)
        order_id = str(uuid.uuid4())
        order = PhoneNumberOrder(
            order_id=order_id,
            product_type=product_type,
            order_type="New",
            status="Processing",
            ordered=[OrderedPhoneNumber(e164, "Processing") for e164 in e164s],
            created=now,
            updated=now,
            seq=next(self._seq),
            ready_at=None if self.processing_delay is None else now + self.processing_delay,
            name=name,
        )
        for facts in facts_list:
            if facts.e164 in self._owners:
                order.doomed.add(facts.e164)
                continue
            self._owners[facts.e164] = scope
            inventory.numbers[facts.phone_number_id] = PhoneNumber(
                phone_number_id=facts.phone_number_id,
                e164=facts.e164,
                country=facts.country,
                type=facts.type,
                product_type=product_type,
                status="AcquireInProgress",
                capabilities=product_types.capabilities(facts, product_type),
                created=now,
                updated=now,
                seq=next(self._seq),
                order_id=order_id,
                name=name,
            )
        inventory.orders[order_id] = order
        self._order_scopes[order_id] = scope
        self._pending[order_id] = order
        return order

    def settle(self, now: _dt.datetime) -> None:
        """Complete every Processing order whose time has come, at the time it came."""
        if not self._pending:
            return
        due = sorted(
            (order for order in self._pending.values() if order.ready_at and order.ready_at <= now),
            key=lambda order: order.seq,
        )
        for order in due:
            assert order.ready_at is not None
            self._complete(order, order.ready_at, failed=())

    def complete_order(
        self, order_id: str, failed: Iterable[str], now: _dt.datetime
    ) -> PhoneNumberOrder:
        """Complete a Processing order now; the numbers in `failed` end Failed."""
        order = self._pending.get(order_id)
        if order is None:
            if order_id in self._order_scopes:
                status = self.inventory(self._order_scopes[order_id]).orders[order_id].status
                raise ValueError(
                    f"chime_mock: order {order_id} is {status}, not Processing: only a "
                    "Processing order can be completed"
                )
            raise ValueError(f"chime_mock: no phone-number order {order_id!r} exists in this mock")
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

    def order_scope(self, order_id: str) -> Scope | None:
        return self._order_scopes.get(order_id)

    def _complete(self, order: PhoneNumberOrder, at: _dt.datetime, failed: Iterable[str]) -> None:
        inventory = self.inventory(self._order_scopes[order.order_id])
        doomed = order.doomed | set(failed)
        for entry in order.ordered:
            number = self._number_of_order(inventory, order, entry.e164)
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

    @staticmethod
    def _number_of_order(
        inventory: Inventory, order: PhoneNumberOrder, e164: str
    ) -> PhoneNumber | None:
        facts = describe(e164)
        number = inventory.numbers.get(facts.phone_number_id) if facts else None
        return number if number is not None and number.order_id == order.order_id else None
