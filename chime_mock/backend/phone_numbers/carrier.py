"""The phone network's side of the numbers, across every account and service of one fake: who
holds each number, which numbers it refuses, the orders it is still processing, and the numbers
waiting for the clock (in the deletion queue, with a calling name being published, arriving with
a porting order).

A real number belongs to one customer at a time, so this is one per Backend, not per scope.
`settle` applies what the clock has made due at the time it came, and costs what is due, not
what waits: each waiting dict has a queue by due time.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from chime_mock.backend.due import DueQueue
from chime_mock.backend.phone_numbers import lifecycle, porting
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.phone_numbers.records import PhoneNumber, PhoneNumberOrder

if TYPE_CHECKING:
    from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
    from chime_mock.backend.store import Backend, Scope


class UnknownOrder(ValueError):
    """No order of this fake has the ID a test named."""


# Due at the first settle: an entry whose record no longer waits, for settle to drop.
_AT_ONCE = _dt.datetime.min.replace(tzinfo=_dt.timezone.utc)


class Carrier:
    """Every number's holder and every number waiting for the clock, in one Backend."""

    def __init__(self, backend: Backend) -> None:
        # What the carrier asks of the backend (not the backend itself: it is part of it).
        self._inventory = backend.inventory
        self._next_seq = backend.next_seq
        # Who holds each number (by E.164), across every account and service.
        self.owners: dict[str, Scope] = {}
        self.order_scopes: dict[str, Scope] = {}
        self.pending: dict[str, PhoneNumberOrder] = {}  # Processing orders, by ID
        # Numbers a carrier refuses (handle.make_unavailable): search skips them, orders fail them.
        self.unavailable: set[str] = set()
        # Numbers waiting for the clock, by E.164 (each is owned, so held by one scope): in the
        # deletion queue, and with a CallingName update in progress.
        self.deleting: dict[str, Scope] = {}
        self.naming: dict[str, Scope] = {}
        # Numbers of porting orders not in their inventory yet (porting.appears_at), by order ID:
        # owned, but outside every read and the quota until settle() admits them.
        self.arriving: dict[str, list[PhoneNumber]] = {}
        # The waiting dicts above as queues by due time, built at the first settle (after a state
        # file filled the dicts) and kept by every method that adds to them.
        self._queues: dict[str, DueQueue] | None = None

    @classmethod
    def of(cls, backend: Backend) -> Carrier:
        """The carrier of `backend`."""
        return backend.domain(cls)

    def numbers_of(self, scope: Scope) -> PhoneNumberInventory:
        from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory

        return PhoneNumberInventory.of(self._inventory(scope))

    def order(self, order_id: str) -> PhoneNumberOrder:
        """The order with this ID, in whichever scope it is; UnknownOrder when none is."""
        scope = self.order_scopes.get(order_id)
        if scope is None:
            raise UnknownOrder(
                f"chime_mock: no phone-number order {order_id!r} exists in this mock"
            )
        return self.numbers_of(scope).orders[order_id]

    def owned(self, scope: Scope, e164: str) -> PhoneNumber | None:
        """The scope's record of this number, if it has one."""
        facts = describe(e164)
        return self.numbers_of(scope).numbers.get(facts.phone_number_id) if facts else None

    # -- waiting for the clock ----------------------------------------------------------------

    def queue(self, name: str, key: str, due: _dt.datetime | None) -> None:
        """Queue a key just added to a waiting dict (the queues are built later otherwise)."""
        if self._queues is not None:
            self._queues[name].push(key, due)

    def settle(self, now: _dt.datetime) -> None:
        """Apply everything whose time has come, at the time it came: completed orders,
        succeeded calling-name updates, deleted numbers leaving the queue."""
        queues = self._queues
        if queues is None:
            queues = self._queues = self._build_queues()
        if self.naming:
            self._settle_calling_names(queues["naming"].pop_due(now, self.naming), now)
        if self.deleting:
            self._purge_deleted(queues["deleting"].pop_due(now, self.deleting), now)
        if self.arriving:  # before completions: a port's numbers appear before its FOC date
            self._admit_due(queues["arriving"].pop_due(now, self.arriving), now)
        if not self.pending:
            return
        popped = [
            self.pending[order_id] for order_id in queues["pending"].pop_due(now, self.pending)
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
            self.complete(order, order.ready_at, failed=())

    def _build_queues(self) -> dict[str, DueQueue]:
        queues = {name: DueQueue() for name in ("naming", "deleting", "arriving", "pending")}
        for e164, scope in self.naming.items():
            queues["naming"].push(e164, self.naming_due(self.owned(scope, e164)))
        for e164, scope in self.deleting.items():
            queues["deleting"].push(e164, self.deletion_due(self.owned(scope, e164)))
        for order_id in self.arriving:
            queues["arriving"].push(order_id, self._arrival_due(order_id))
        for order_id, order in self.pending.items():
            queues["pending"].push(order_id, order.ready_at)
        return queues

    @staticmethod
    def naming_due(number: PhoneNumber | None) -> _dt.datetime | None:
        return number.calling_name_ready_at if lifecycle.is_naming(number) else _AT_ONCE

    @staticmethod
    def deletion_due(number: PhoneNumber | None) -> _dt.datetime:
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
                self.admit(order_id, appears)
            else:
                self.queue("arriving", order_id, appears)

    def admit(self, order_id: str, at: _dt.datetime) -> None:
        """Put a porting order's numbers in its inventory, created `at`."""
        numbers = self.numbers_of(self.order_scopes[order_id]).numbers
        for number in self.arriving.pop(order_id):
            # Only a Cancelled port's number, held by nobody, can have been ordered meanwhile:
            # the newer record stands, as it replaces an older one in the inventory.
            if number.phone_number_id not in numbers:
                # Created as it enters; listed after the numbers already there, so a listing
                # being paged never skips it.
                number.created = number.updated = at
                number.seq = self._next_seq()
                numbers[number.phone_number_id] = number

    def arriving_in(self, scope: Scope) -> list[tuple[PhoneNumber, _dt.datetime]]:
        """The numbers of `scope`'s porting orders not in its inventory yet, each with when it
        appears. For the test tooling only (the server's state): no API call shows them."""
        found = []
        for order_id, numbers in self.arriving.items():
            order = self.order(order_id)
            if self.order_scopes[order_id] == scope and order.foc_date is not None:
                found += [(number, porting.appears_at(order.foc_date)) for number in numbers]
        return sorted(found, key=lambda item: item[0].seq)

    def complete(self, order: PhoneNumberOrder, at: _dt.datetime, failed: Iterable[str]) -> None:
        """End a Processing order at `at`: its numbers are acquired, except those nobody could
        give it (held elsewhere, refused by the carrier) and those in `failed`."""
        scope = self.order_scopes[order.order_id]
        if order.order_id in self.arriving:  # a port completed by hand before its numbers came
            self.admit(order.order_id, at)
        doomed = order.doomed | set(failed)
        for entry in order.ordered:
            number = self.owned(scope, entry.e164)
            if number is not None and number.order_id != order.order_id:
                number = None  # the scope's own, older number, not this order's
            if entry.e164 in doomed:
                entry.status = "Failed"
                if number is not None:
                    number.status, number.updated = "AcquireFailed", at
                    self.owners.pop(entry.e164, None)
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
        self.pending.pop(order.order_id, None)

    def _settle_calling_names(self, due: list[str], now: _dt.datetime) -> None:
        for e164 in due:
            number = self.owned(self.naming[e164], e164)
            # Done, or no longer waiting (the number left, or its name was removed): unindex.
            if not lifecycle.is_naming(number) or lifecycle.settle_calling_name(number, now):
                del self.naming[e164]
            else:  # renamed since it was queued: due later
                self.queue("naming", e164, self.naming_due(number))

    def _purge_deleted(self, due: list[str], now: _dt.datetime) -> None:
        """Numbers 7 days in the queue leave the inventory and become orderable again."""
        for e164 in due:
            scope = self.deleting[e164]
            number = self.owned(scope, e164)
            if not lifecycle.is_queued(number):
                del self.deleting[e164]
            elif lifecycle.leaves_queue(number, now):
                del self.numbers_of(scope).numbers[number.phone_number_id]
                del self.deleting[e164]
                self.owners.pop(e164, None)
            else:  # deleted again since it was queued: due later
                self.queue("deleting", e164, self.deletion_due(number))
