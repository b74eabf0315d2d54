"""What a loaded state must satisfy beyond the types of its fields, so a hand-edited file cannot
smuggle in a value the service would then choke on or serve: a status or product type the model
does not have, a phone number that is no E.164 number or whose ID is another number's, a number of
an order that does not exist, a completed order still waiting for the clock.

The codec has checked every field's type; these checks run on the Backend built from the file,
before it is used, and name the value by its path in the file. The model's enums are asked of the
caller (`Enums`), so the backend stays free of botocore.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import quote

from chime_mock.backend.phone_numbers.carrier import Carrier
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.orders import find_order
from chime_mock.backend.phone_numbers.records import PhoneNumber, PhoneNumberOrder
from chime_mock.backend.state.codec import CodecError
from chime_mock.backend.store import Backend

# (service, enum shape name) -> the values the installed model allows; None: no such shape.
Enums = Callable[[str, str], "frozenset[str] | None"]

# Shapes an older model lacks, with the values the fake itself writes.
_OWN_VALUES = {"PhoneNumberOrderType": frozenset({"New", "Porting"})}
# Orders that no longer wait for the clock or for complete_order.
_FINAL = frozenset({"Successful", "Partial", "Failed", "Cancelled"})


def check(backend: Backend, raw: dict[str, Any], enums: Enums) -> None:
    """CodecError, at the path of the first value the service cannot serve."""
    inventories = backend.inventories()
    _same_count(inventories, raw["inventories"], "inventories", "a scope")
    for index, inventory in enumerate(inventories):
        where = f"inventories[{index}]"
        service = inventory.scope.service
        _same_count(
            PhoneNumberInventory.of(inventory).numbers,
            raw["inventories"][index]["numbers"],
            where,
            "a number",
        )
        for position, order in enumerate(PhoneNumberInventory.of(inventory).orders.values()):
            _order(order, service, f"{where}.orders[{position}]", enums)
        for position, number in enumerate(PhoneNumberInventory.of(inventory).numbers.values()):
            at = f"{where}.numbers[{position}]"
            _number(number, service, at, enums)
            if (
                number.order_id is not None
                and number.order_id not in PhoneNumberInventory.of(inventory).orders
            ):
                raise CodecError(f"{at}.order_id", f"order {number.order_id} is not in its scope")
    for position, order_id in enumerate(Carrier.of(backend).pending):
        order = find_order(backend, order_id)
        if order.status in _FINAL:
            raise CodecError(
                f"pending_orders[{position}]", f"order {order_id} is {order.status}, not waiting"
            )
    for order_id, numbers in Carrier.of(backend).arriving.items():
        order = find_order(backend, order_id)
        if order.foc_date is None:
            raise CodecError(f"arriving.{order_id}", "the order has no foc_date to arrive by")
        service = Carrier.of(backend).order_scopes[order_id].service
        for position, number in enumerate(numbers):
            _number(number, service, f"arriving.{order_id}[{position}]", enums)


def _same_count(decoded: Iterable[Any], raw: Sequence[Any], where: str, what: str) -> None:
    if len(list(decoded)) != len(raw):
        raise CodecError(where, f"{what} appears twice")


def _order(order: PhoneNumberOrder, service: str, where: str, enums: Enums) -> None:
    _one_of(order.product_type, "PhoneNumberProductType", service, f"{where}.product_type", enums)
    _one_of(order.status, "PhoneNumberOrderStatus", service, f"{where}.status", enums)
    _one_of(order.order_type, "PhoneNumberOrderType", service, f"{where}.order_type", enums)
    for position, entry in enumerate(order.ordered):
        at = f"{where}.ordered[{position}]"
        _e164(entry.e164, f"{at}.e164")
        _one_of(entry.status, "OrderedPhoneNumberStatus", service, f"{at}.status", enums)


def _number(number: PhoneNumber, service: str, where: str, enums: Enums) -> None:
    phone_number_id = _e164(number.e164, f"{where}.e164")
    if number.phone_number_id != phone_number_id:
        raise CodecError(
            f"{where}.phone_number_id",
            f"{number.phone_number_id!r} is not the ID of {number.e164} ({phone_number_id!r})",
        )
    _one_of(number.status, "PhoneNumberStatus", service, f"{where}.status", enums)
    _one_of(number.product_type, "PhoneNumberProductType", service, f"{where}.product_type", enums)
    _one_of(number.type, "PhoneNumberType", service, f"{where}.type", enums)
    if number.calling_name_status is not None:
        _one_of(
            number.calling_name_status,
            "CallingNameStatus",
            service,
            f"{where}.calling_name_status",
            enums,
        )
    for position, association in enumerate(number.associations):
        at = f"{where}.associations[{position}].name"
        _one_of(association.name, "PhoneNumberAssociationName", service, at, enums)


# The model's E164PhoneNumber, with the "+" the fake always stores. A pattern, not phonenumbers'
# parse: that costs ~0.1 ms a number, and a file of 10,000 numbers must load in well under 1 s.
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")


def _e164(text: str, where: str) -> str:
    """The phone number ID of `text`, a number in E.164 form."""
    if not _E164.fullmatch(text):
        raise CodecError(where, f"{text!r} is not a phone number in E.164 form (+12065550100)")
    return quote(text, safe="")


def _one_of(value: str, shape: str, service: str, where: str, enums: Enums) -> None:
    allowed = enums(service, shape) or _OWN_VALUES.get(shape)
    if allowed is not None and value not in allowed:
        raise CodecError(
            where,
            f"{value!r} is not a {shape} of {service}; use one of {', '.join(sorted(allowed))}",
        )
