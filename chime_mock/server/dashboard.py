"""The dashboard at `/_chime_mock/`: the whole fake, per service, account and region.

Rendered on the server from the same snapshot `GET /_chime_mock/state` answers, every value
HTML-escaped (order names and numbers come from whoever calls the fake). No script, no assets.
Every resource family is shown generically, one table per kind of record, so a family added to
the registry (backend/families.py) appears here with no change to this module. The graph is
shown by links: a value that is the ID of another record (a number's association, a session's
Voice Connector, a rule's application) links to that record's row, and a record that phone
numbers are associated with lists them. A Processing order has a button that completes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

# Wide tables wrap their cells rather than the page: nothing overflows a 1400 px window.
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; vertical-align: top;
         font-size: 0.9em; }
.long { overflow-wrap: anywhere; }
.key { color: #555; }
th { background: #f3f3f3; }
.nested { margin-left: 1em; }
tr:target { background: #fff6cc; }
.empty { color: #777; }
form { margin: 0; }
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
    "Associations",
    "OrderId",
    "CreatedTimestamp",
)

# Numbers of porting orders before they enter the inventory (the API does not show them yet).
_ARRIVING_COLUMNS = ("E164PhoneNumber", "Status", "OrderId", "AppearsAt")

# The parts of a snapshot inventory shown above; every other part is a resource family's kind.
_PHONE_NUMBER_PARTS = frozenset(
    {"Service", "AccountId", "Region", "PhoneNumberOrders", "PhoneNumbers", "ArrivingPhoneNumbers"}
)
# Orders that `handle.complete_order` (and the button) can no longer complete.
_FINISHED_ORDERS = frozenset({"Successful", "Failed", "Partial", "Cancelled"})
# Members that repeat what the row already says at length.
_HIDDEN = frozenset({"PhoneNumberId", "Capabilities"})
# The path of the button that completes an order (server/control.py answers it).
COMPLETE_FROM_PAGE = "/_chime_mock/dashboard/orders/{}/complete"


class _Graph:
    """The records of one inventory by ID, and the phone numbers associated with each."""

    def __init__(self, inventory: Mapping[str, Any]) -> None:
        self.names: dict[str, str] = {}  # record ID -> what a link to it says
        self.numbers: dict[str, list[str]] = {}  # record ID -> its associated numbers
        for kind, rows in inventory.items():
            if kind in ("PhoneNumbers", "ArrivingPhoneNumbers") or not isinstance(rows, list):
                continue
            for row in rows:
                _, found = _record_id(kind, row)
                if found is not None:
                    name = row.get("Name")
                    self.names[found] = f"{name} ({found})" if name else found
        for number in inventory.get("PhoneNumbers", []):
            self.names[str(number.get("E164PhoneNumber"))] = str(number.get("E164PhoneNumber"))
            for association in number.get("Associations") or []:
                self.numbers.setdefault(str(association.get("Value")), []).append(
                    str(number.get("E164PhoneNumber"))
                )

    def cell(self, value: Any) -> str:
        """A value as HTML: IDs of other records as links to them, nested data as lists."""
        if isinstance(value, Mapping) and all(_scalar(item) for item in value.values()):
            return "; ".join(
                f'<span class="key">{escape(str(key))}</span> {self.cell(item)}'
                for key, item in value.items()
            )
        if isinstance(value, Mapping):  # a configuration: its flat members on one line each
            return "".join(
                f'<div><span class="key">{escape(str(key))}</span> {self.cell(item)}</div>'
                if _flat(item)
                else f'<div><b>{escape(str(key))}</b><div class="nested">{self.cell(item)}</div>'
                "</div>"
                for key, item in value.items()
            )
        if isinstance(value, list):
            if all(_scalar(item) for item in value):
                return ", ".join(self.cell(item) for item in value)
            return "".join(f"<div>{self.cell(item)}</div>" for item in value)
        if value is None:
            return ""
        text = str(value)
        if text in self.names:
            return f'<a href="#{_anchor(text)}">{_text(self.names[text])}</a>'
        return _text(text)


def _scalar(value: Any) -> bool:
    return not isinstance(value, (Mapping, list))


def _flat(value: Any) -> bool:
    """A scalar, or a list of scalars: shown on one line."""
    return _scalar(value) or (isinstance(value, list) and all(_scalar(item) for item in value))


def _text(text: str) -> str:
    """Escaped; a long token (an ID, an ARN) may break anywhere, short words stay whole."""
    return f'<span class="long">{escape(text)}</span>' if len(text) > 20 else escape(text)


def _header(column: str) -> str:
    """A member name that may break between its words (Created<wbr>Timestamp)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", "<wbr>", escape(column))


def _record_id(kind: str, row: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """A record's own ID and its member: a phone number's E164PhoneNumber; a record of kind
    `ProxySessions` its ProxySessionId; else its first member named ...Id (TransactionId)."""
    member: str | None = "E164PhoneNumber"
    if kind not in ("PhoneNumbers", "ArrivingPhoneNumbers"):
        named = kind.removesuffix("s") + "Id"
        member = named if named in row else next((m for m in row if m.endswith("Id")), None)
    value = row.get(member) if member else None
    return (member, value) if isinstance(value, str) else (None, None)


def _anchor(record_id: str) -> str:
    return escape(quote(record_id, safe=""))


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """A resource family's columns: its members, in the order of its records."""
    return [
        column
        for column in dict.fromkeys(column for row in rows for column in row)
        if column not in _HIDDEN
    ]


def _ordered_numbers(value: Any) -> str:
    return "<br>".join(
        f"{escape(str(entry.get('E164PhoneNumber', '')))} ({escape(str(entry.get('Status', '')))})"
        for entry in value or []
    )


def _associations(graph: _Graph, value: Any) -> str:
    return "<br>".join(
        f"{escape(str(entry.get('Name', '')))}: {graph.cell(entry.get('Value'))}"
        for entry in value or []
    )


def _complete_button(order: Mapping[str, Any]) -> str:
    if order.get("Status") in _FINISHED_ORDERS:
        return ""
    action = COMPLETE_FROM_PAGE.format(quote(str(order.get("PhoneNumberOrderId")), safe=""))
    return (
        f'<form method="post" action="{escape(action)}">'
        '<button type="submit">Complete</button></form>'
    )


def _table(
    graph: _Graph,
    kind: str,
    columns: Sequence[str],
    rows: Iterable[Mapping[str, Any]],
    css_class: str | None = None,
) -> str:
    """The records of one kind (PhoneNumbers, VoiceConnectors, ...), a row each."""
    css_class = css_class or kind
    rows = list(rows)
    if not rows:
        return f'<p class="empty {escape(css_class)}">None.</p>'
    linked = any(graph.numbers.get(_record_id(kind, row)[1] or "") for row in rows)
    headers = [*columns, *(["PhoneNumbers"] if linked else [])]
    head = "".join(f"<th>{_header(column)}</th>" for column in headers)
    body = []
    for row in rows:
        own_member, own = _record_id(kind, row)
        cells = []
        for column in columns:
            value = row.get(column)
            if column == "OrderedPhoneNumbers":
                cells.append(_ordered_numbers(value) + _complete_button(row))
            elif column == "Associations":
                cells.append(_associations(graph, value))
            elif column == own_member:
                cells.append(_text(str(value)))  # its own ID: not a link to itself
            else:
                cells.append(graph.cell(value))
        if linked:
            cells.append(", ".join(escape(n) for n in graph.numbers.get(own or "", [])))
        anchor = f' id="{_anchor(str(own))}"' if own is not None else ""
        body.append(f"<tr{anchor}>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (
        f'<table class="{escape(css_class)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _inventory(inventory: dict[str, Any]) -> str:
    where = inventory.get("Region") or "global"
    title = f"{inventory['Service']} · account {inventory['AccountId']} · {where}"
    graph = _Graph(inventory)
    orders, numbers = inventory.get("PhoneNumberOrders", []), inventory.get("PhoneNumbers", [])
    arriving = inventory.get("ArrivingPhoneNumbers")
    families = [
        (kind, rows)
        for kind, rows in inventory.items()
        if kind not in _PHONE_NUMBER_PARTS and isinstance(rows, list)
    ]
    return (
        f'<section class="inventory"><h2>{escape(title)}</h2>'
        f"<h3>Phone-number orders</h3>"
        f"{_table(graph, 'PhoneNumberOrders', _ORDER_COLUMNS, orders, 'orders')}"
        f"<h3>Phone numbers</h3>"
        f"{_table(graph, 'PhoneNumbers', _NUMBER_COLUMNS, numbers, 'numbers')}"
        + (
            "<h3>Ported numbers still to appear (not shown by the API yet)</h3>"
            f"{_table(graph, 'ArrivingPhoneNumbers', _ARRIVING_COLUMNS, arriving, 'arriving')}"
            if arriving
            else ""
        )
        + "".join(
            f"<h3>{escape(kind)}</h3>{_table(graph, kind, _columns(rows), rows)}"
            for kind, rows in families
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
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>chime_mock</title>"
        f"<style>{_STYLE}</style></head><body>"
        "<h1>chime_mock</h1>"
        '<p>The fake\'s state; as JSON at <a href="/_chime_mock/state">/_chime_mock/state</a>.</p>'
        f"{content}</body></html>"
    )
