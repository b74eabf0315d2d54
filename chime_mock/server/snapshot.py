"""The fake's whole state as plain JSON data: what `GET /_chime_mock/state` answers and the
dashboard shows, in the API's own member names."""

from __future__ import annotations

import copy
import datetime as _dt
from typing import Any

from chime_mock import clock
from chime_mock.backend import Backend
from chime_mock.backend.phone_numbers.carrier import Carrier
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.records import PhoneNumberOrder
from chime_mock.backend.store import Inventory
from chime_mock.operations import load_families
from chime_mock.operations.phone_numbers.views import number_view, order_view
from chime_mock.operations.views import CONFIGURATION_VIEWS, VIEWS
from chime_mock.protocol.serialization import _iso8601 as api_timestamp


def plain(value: Any) -> Any:
    """JSON-ready: timestamps as the API writes them (ISO 8601 UTC, milliseconds), absent
    members dropped."""
    if isinstance(value, _dt.datetime):
        return api_timestamp(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def order_document(order: PhoneNumberOrder) -> dict[str, Any]:
    """An order as JSON data, with its Name (which only newer models return)."""
    document: dict[str, Any] = plain({**order_view(order), "Name": order.name})
    return document


def record_document(record: Any) -> dict[str, Any]:
    """A family's record in the API's form, with what its own Get shows only piecemeal: its
    configuration documents (`Configurations`, by the Get operation's member name) and tags."""
    document = VIEWS[type(record).__name__](record)
    configurations = getattr(record, "configurations", None)
    if configurations:
        document.setdefault(
            "Configurations",
            {
                name: CONFIGURATION_VIEWS.get(name, copy.deepcopy)(kept)
                for name, kept in configurations.items()
            },
        )
    tags = getattr(record, "tags", None)
    if tags:
        document.setdefault("Tags", [{"Key": key, "Value": value} for key, value in tags.items()])
    shown: dict[str, Any] = plain(document)
    return shown


def _families(inventory: Inventory) -> dict[str, list[Any]]:
    """The records of every resource family the scope has, in the API's form, by kind."""
    found: dict[str, list[Any]] = {}
    if inventory.families:
        load_families()  # their views register as their handlers load
    for state in inventory.families.values():
        for kind, records in state.records().items():
            if records:
                found[kind] = [record_document(record) for record in records]
    return found


def snapshot(backend: Backend) -> dict[str, Any]:
    """Every inventory, as of now: orders due by the clock are completed first, as for an API call.

    Example: ``snapshot(backend)["Inventories"][0]["PhoneNumberOrders"]``.
    """
    with backend.lock:
        backend.settle(clock.now())
        inventories = []
        for inventory in backend.inventories():
            families = _families(inventory)
            if (
                not PhoneNumberInventory.of(inventory).orders
                and not PhoneNumberInventory.of(inventory).numbers
                and not families
            ):
                continue  # made by a read (a listing, say); nothing to show
            service, account, region = inventory.scope
            orders = sorted(
                PhoneNumberInventory.of(inventory).orders.values(), key=lambda order: order.seq
            )
            numbers = sorted(
                PhoneNumberInventory.of(inventory).numbers.values(), key=lambda number: number.seq
            )
            inventories.append(
                {
                    "Service": service,
                    "AccountId": account,
                    "Region": region,  # None for legacy Chime, which is global
                    "PhoneNumberOrders": [order_document(order) for order in orders],
                    "PhoneNumbers": [plain(number_view(number)) for number in numbers],
                    # Held by a porting order, not in the inventory (no API call shows them)
                    # until AppearsAt, a day before its FOC date.
                    "ArrivingPhoneNumbers": [
                        plain({**number_view(number), "AppearsAt": appears})
                        for number, appears in Carrier.of(backend).arriving_in(inventory.scope)
                    ],
                    # Every resource family's records, by kind ("VoiceConnectors", ...).
                    **families,
                }
            )
    inventories.sort(key=lambda i: (i["Service"], i["AccountId"], i["Region"] or ""))
    return {"Inventories": [plain(inventory) for inventory in inventories]}
