"""The dashboard at `/_chime_mock/`: the fake's orders and numbers, per account and region.

Rendered on the server from the same snapshot `GET /_chime_mock/state` answers, every value
HTML-escaped (order names and numbers come from whoever calls the fake). No script, no assets.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
th { background: #f3f3f3; }
.empty { color: #777; }
"""

_ORDER_COLUMNS = (
    "PhoneNumberOrderId",
    "Name",
    "ProductType",
    "OrderType",
    "Status",
    "OrderedPhoneNumbers",
    "CreatedTimestamp",
    "UpdatedTimestamp",
)
_NUMBER_COLUMNS = (
    "E164PhoneNumber",
    "Name",
    "Status",
    "Type",
    "Country",
    "ProductType",
    "OrderId",
    "CreatedTimestamp",
)

# Numbers of porting orders before they enter the inventory (the API does not show them yet).
_ARRIVING_COLUMNS = ("E164PhoneNumber", "Status", "OrderId", "AppearsAt")


# The parts of a snapshot inventory shown above; every other part is a resource family's kind.
_PHONE_NUMBER_PARTS = frozenset(
    {"Service", "AccountId", "Region", "PhoneNumberOrders", "PhoneNumbers", "ArrivingPhoneNumbers"}
)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """A resource family's columns: its members, in the order of its first record."""
    return list(dict.fromkeys(column for row in rows for column in row))


def _cell(value: Any) -> str:
    if isinstance(value, (list, dict)) and not _is_ordered_numbers(value):
        return escape(json.dumps(value, separators=(", ", ": ")))
    if isinstance(value, list):  # OrderedPhoneNumbers
        return "<br>".join(
            f"{escape(str(entry.get('E164PhoneNumber', '')))} "
            f"({escape(str(entry.get('Status', '')))})"
            for entry in value
        )
    return "" if value is None else escape(str(value))


def _is_ordered_numbers(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(entry, dict) and "E164PhoneNumber" in entry for entry in value
    )


def _table(css_class: str, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    rows = list(rows)
    if not rows:
        return f'<p class="empty {css_class}">None.</p>'
    head = "".join(f"<th>{escape(column)}</th>" for column in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(column))}</td>" for column in columns) + "</tr>"
        for row in rows
    )
    return f'<table class="{css_class}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _inventory(inventory: dict[str, Any]) -> str:
    where = inventory.get("Region") or "global"
    title = f"{inventory['Service']} · account {inventory['AccountId']} · {where}"
    arriving = inventory.get("ArrivingPhoneNumbers")
    return (
        f'<section class="inventory"><h2>{escape(title)}</h2>'
        f"<h3>Phone-number orders</h3>"
        f"{_table('orders', _ORDER_COLUMNS, inventory['PhoneNumberOrders'])}"
        f"<h3>Phone numbers</h3>"
        f"{_table('numbers', _NUMBER_COLUMNS, inventory['PhoneNumbers'])}"
        + (
            "<h3>Ported numbers still to appear (not shown by the API yet)</h3>"
            f"{_table('arriving', _ARRIVING_COLUMNS, arriving)}"
            if arriving
            else ""
        )
        + "".join(
            f"<h3>{escape(kind)}</h3>{_table(kind, _columns(rows), rows)}"
            for kind, rows in inventory.items()
            if kind not in _PHONE_NUMBER_PARTS
        )
        + "</section>"
    )


def render(snapshot: dict[str, Any]) -> str:
    """The dashboard page for a `snapshot.snapshot()`."""
    inventories = snapshot["Inventories"]
    content = "".join(_inventory(i) for i in inventories) or (
        '<p class="empty">No orders or numbers yet.</p>'
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>chime_mock</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>chime_mock</h1>"
        '<p>The fake\'s state; as JSON at <a href="/_chime_mock/state">/_chime_mock/state</a>.</p>'
        f"{content}</body></html>"
    )
