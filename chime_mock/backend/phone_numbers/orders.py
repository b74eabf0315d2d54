"""Phone-number orders: CreatePhoneNumberOrder's checks and records, porting orders as a support
case makes them, and completing an order by hand.

An order is Processing until its `ready_at` (the mock's `processing_delay` after it was made;
never, with no delay, until a test completes it); the carrier settles it on the clock. Every
function expects the caller to hold `backend.lock`.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from chime_mock.backend.phone_numbers import inventory, porting, product_types
from chime_mock.backend.phone_numbers.carrier import Carrier, UnknownOrder
from chime_mock.backend.phone_numbers.facts import NumberFacts, describe, repeated
from chime_mock.backend.phone_numbers.records import (
    OrderedPhoneNumber,
    PhoneNumber,
    PhoneNumberOrder,
)
from chime_mock.errors import ServiceError, bad_request

if TYPE_CHECKING:
    from chime_mock.backend.store import Backend, Scope

__all__ = ["OrderNotProcessing", "UnknownOrder", "complete_order", "create_order", "find_order"]


class OrderNotProcessing(ValueError):
    """A test asked to complete an order that is no longer Processing."""

    def __init__(self, order: PhoneNumberOrder) -> None:
        super().__init__(
            f"chime_mock: order {order.order_id} is {order.status}, not Processing: only a "
            "Processing order can be completed"
        )


def find_order(backend: Backend, order_id: str) -> PhoneNumberOrder:
    """The order with this ID, in whichever scope it is; UnknownOrder when none is."""
    return Carrier.of(backend).order(order_id)


def create_order(
    backend: Backend,
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

    held = inventory.numbers_of(backend, scope)
    inventory.check_quota(backend, held, len(e164s))
    carrier = Carrier.of(backend)
    delay = backend.processing_delay
    placed = _new_order(
        backend,
        scope,
        product_type,
        e164s,
        now,
        order_type="New",
        status="Processing",
        ready_at=None if delay is None else now + delay,
        name=name,
    )
    for facts in facts_list:
        if facts.e164 in carrier.owners:  # held by someone: it never enters this inventory
            placed.doomed.add(facts.e164)
            continue
        if facts.e164 in carrier.unavailable:  # the carrier refuses it as the order completes
            placed.doomed.add(facts.e164)
        record = _new_number(backend, scope, facts, placed, "AcquireInProgress", now)
        held.numbers[record.phone_number_id] = record
    return placed


def seed_porting_order(
    backend: Backend,
    scope: Scope,
    product_type: str,
    numbers: list[str],
    foc_date: _dt.datetime,
    status: str,
    now: _dt.datetime,
) -> PhoneNumberOrder:
    """A porting order as a support case makes it: its numbers enter the inventory a day before
    the FOC date (at once when that is no later than `now`) and are acquired on it."""
    if status not in porting.statuses(scope.service):
        raise ValueError(
            f"chime_mock: a {scope.service} porting order can have status "
            f"{', '.join(porting.statuses(scope.service))}; got {status!r}"
        )
    if not numbers:
        raise ValueError("chime_mock: a porting order needs at least one phone number")
    carrier = Carrier.of(backend)
    facts_list = []
    for number in numbers:
        facts = describe(number)
        if facts is None:
            raise ValueError(f"chime_mock: {number!r} is not a valid E.164 phone number")
        try:
            product_types.check_product_type(product_type, facts, "number")
        except ServiceError as error:
            raise ValueError(f"chime_mock: {error.message}") from None
        if facts.e164 in carrier.owners:
            raise ValueError(
                f"chime_mock: {facts.e164} is already held by account "
                f"{carrier.owners[facts.e164].account} ({carrier.owners[facts.e164].service}); "
                "a number can be ported in only once"
            )
        facts_list.append(facts)
    if repeated(facts.e164 for facts in facts_list):
        raise ValueError("chime_mock: the porting order lists a number more than once")
    completes = porting.completes_on_foc_date(status)
    placed = _new_order(
        backend,
        scope,
        product_type,
        [facts.e164 for facts in facts_list],
        now,
        order_type="Porting",
        status=status,
        ready_at=foc_date if completes else None,
    )
    placed.foc_date = foc_date
    if not completes:
        carrier.pending.pop(placed.order_id)
    number_status = porting.number_status(scope.service, status)
    records = [
        _new_number(backend, scope, facts, placed, number_status, now) for facts in facts_list
    ]
    if number_status == "Cancelled":  # a cancelled port holds nothing
        for facts in facts_list:
            carrier.owners.pop(facts.e164)
    carrier.arriving[placed.order_id] = records
    carrier.queue("arriving", placed.order_id, porting.appears_at(foc_date))
    if porting.appears_at(foc_date) <= now:
        carrier.admit(placed.order_id, now)
    return placed


def complete_order(
    backend: Backend, order_id: str, failed: Iterable[str], now: _dt.datetime
) -> PhoneNumberOrder:
    """Complete a Processing order now; the numbers in `failed` end Failed."""
    carrier = Carrier.of(backend)
    found = carrier.order(order_id)
    if found.order_id not in carrier.pending:
        raise OrderNotProcessing(found)
    failed_e164 = set()
    ordered = {entry.e164 for entry in found.ordered}
    for number in failed:
        facts = describe(number)
        e164 = facts.e164 if facts else number
        if e164 not in ordered:
            raise ValueError(
                f"chime_mock: {number!r} is not in order {order_id}; it orders "
                f"{', '.join(sorted(ordered))}"
            )
        failed_e164.add(e164)
    carrier.complete(found, now, failed_e164)
    return found


def _new_order(
    backend: Backend,
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
    placed = PhoneNumberOrder(
        order_id=str(uuid.uuid4()),
        product_type=product_type,
        order_type=order_type,
        status=status,
        ordered=[OrderedPhoneNumber(e164, "Processing") for e164 in e164s],
        created=now,
        updated=now,
        seq=backend.next_seq(),
        ready_at=ready_at,
        name=name,
    )
    inventory.numbers_of(backend, scope).orders[placed.order_id] = placed
    carrier = Carrier.of(backend)
    carrier.order_scopes[placed.order_id] = scope
    carrier.pending[placed.order_id] = placed
    carrier.queue("pending", placed.order_id, ready_at)
    return placed


def _new_number(
    backend: Backend,
    scope: Scope,
    facts: NumberFacts,
    placed: PhoneNumberOrder,
    status: str,
    now: _dt.datetime,
) -> PhoneNumber:
    """The record of a number `scope` now holds, for the caller to put in its inventory."""
    Carrier.of(backend).owners[facts.e164] = scope
    return PhoneNumber(
        phone_number_id=facts.phone_number_id,
        e164=facts.e164,
        country=facts.country,
        type=facts.type,
        product_type=placed.product_type,
        status=status,
        capabilities=product_types.capabilities(facts, placed.product_type),
        created=now,
        updated=now,
        seq=backend.next_seq(),
        order_id=placed.order_id,
        name=placed.name,
    )
