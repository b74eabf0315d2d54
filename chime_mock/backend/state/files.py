"""State files: the whole fake as versioned JSON, and a new Backend built from one.

Written compact by default (no indentation; the orders and numbers of each scope as tables that
name their fields once; the numbers each scope holds as runs under the scope), so a real
inventory's file stays small and fast; `pretty=True` writes every record as an object, one per
line, for people to read. Loading reads both, and the files of every older version.

Loading builds a fresh Backend and only returns it once every part has been read, so a bad file
changes nothing. Issued NextTokens are not saved: a listing restarts from its first page.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chime_mock.backend import families
from chime_mock.backend.families import FAMILIES
from chime_mock.backend.phone_numbers.carrier import Carrier
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.orders import find_order
from chime_mock.backend.phone_numbers.records import (
    PhoneNumber,
    PhoneNumberOrder,
    PhoneNumberSettings,
)
from chime_mock.backend.state import checks, writing
from chime_mock.backend.state.checks import Enums
from chime_mock.backend.state.codec import CodecError, decode, encode, timestamp
from chime_mock.backend.state.tables import from_table, is_table, table
from chime_mock.backend.store import Backend, Scope
from chime_mock.errors import StateFileError

FORMAT = "chime_mock state"
VERSION = 4  # raise on any change an older chime_mock could not read
# Versions this chime_mock reads, with the parts each lacks (read as empty). Version 1 had no
# "arriving" part: its porting orders' numbers were all in the inventory from the start.
# Versions 1 and 2 wrote a number's associations in the API's form (see _upgrade_associations).
# Versions 1 to 3 wrote orders and numbers only as objects, and who holds each number as an
# object by number (version 4 writes tables and runs of numbers by scope; both are read).
READABLE = {
    1: frozenset({"arriving"}),
    2: frozenset[str](),
    3: frozenset[str](),
    VERSION: frozenset[str](),
}


@dataclass(frozen=True)
class Collection:
    """One part of Backend's state: how it is written to, and read back from, the document."""

    key: str  # its name in the document
    dump: Callable[[Backend, bool], Any]  # True: the compact form (tables), False: objects
    load: Callable[[Backend, Any], None]  # raises CodecError for a bad value


def carrier_attribute(key: str, name: str, declared: Any) -> Collection:
    """An attribute of the backend's Carrier the codec handles by its declared type alone."""
    return Collection(
        key,
        lambda backend, compact: encode(getattr(Carrier.of(backend), name), declared),
        lambda backend, data: setattr(Carrier.of(backend), name, decode(data, declared, key)),
    )


_INVENTORY_PARTS = ("scope", "orders", "numbers", "settings", "families")
# Versions 1 and 2 knew no resource family beyond phone numbers.
_OPTIONAL_PARTS = frozenset({"families"})


def _records(values: Any, record: type, compact: bool) -> Any:
    return table(values, record) if compact else encode(list(values), list[record])  # type: ignore[valid-type]


def _read_records(data: Any, record: type, where: str) -> list[Any]:
    if is_table(data):
        return from_table(data, record, where)
    return decode(data, list[record], where)  # type: ignore[valid-type,no-any-return]


def _dump_inventories(backend: Backend, compact: bool) -> Any:
    return [
        {
            "scope": encode(inventory.scope, Scope),
            "orders": _records(
                PhoneNumberInventory.of(inventory).orders.values(), PhoneNumberOrder, compact
            ),
            "numbers": _records(
                PhoneNumberInventory.of(inventory).numbers.values(), PhoneNumber, compact
            ),
            "settings": encode(
                PhoneNumberInventory.of(inventory).settings, PhoneNumberSettings | None
            ),
            # Every registered family (backend/families.py) the scope has used, by its key.
            "families": {
                key: encode(state, type(state)) for key, state in inventory.families.items()
            },
        }
        for inventory in backend.inventories()
    ]


def _load_inventories(backend: Backend, data: Any) -> None:
    # The shape only: each part is decoded by its type below (decoding the whole as untyped
    # values first would copy every record once more).
    if not isinstance(data, list):
        decode(data, list[dict[str, Any]], "inventories")  # raises the located error
    for index, part in enumerate(data):
        where = f"inventories[{index}]"
        if not isinstance(part, dict):
            decode(part, dict[str, Any], where)  # raises the located error
        if not set(_INVENTORY_PARTS) - _OPTIONAL_PARTS <= set(part) <= set(_INVENTORY_PARTS):
            raise CodecError(where, f"expected exactly the fields {', '.join(_INVENTORY_PARTS)}")
        scope = decode(part["scope"], Scope, f"{where}.scope")
        inventory = backend.inventory(scope)
        for order in _read_records(part["orders"], PhoneNumberOrder, f"{where}.orders"):
            if order.order_id in Carrier.of(backend).order_scopes:
                raise CodecError(f"{where}.orders", f"order {order.order_id} appears twice")
            PhoneNumberInventory.of(inventory).orders[order.order_id] = order
            Carrier.of(backend).order_scopes[order.order_id] = scope
        for number in _read_records(part["numbers"], PhoneNumber, f"{where}.numbers"):
            PhoneNumberInventory.of(inventory).numbers[number.phone_number_id] = number
        PhoneNumberInventory.of(inventory).settings = decode(
            part["settings"], PhoneNumberSettings | None, f"{where}.settings"
        )
        if part.get("families"):
            families.load_all()  # the file's families may not have been used in this process
        for key, state in decode(part.get("families", {}), dict[str, Any], where).items():
            if key not in FAMILIES:
                raise CodecError(
                    f"{where}.families", f"unknown resource family {key!r}; known: {list(FAMILIES)}"
                )
            cls = FAMILIES[key]
            inventory.families[key] = decode(state, cls, f"{where}.families.{key}")
            # It may be waiting for the clock; its first settle says whether it still does.
            backend.timed.add((scope, key))


def held_by_scope(key: str, name: str) -> Collection:
    """A dict of the Carrier from E.164 numbers to the Scope holding them, written as runs of
    numbers under their scope, `[{"scope": {...}, "numbers": [...]}, ...]`, in the dict's order
    (a scope is written once per run, not once per number). Versions 1 to 3 wrote the dict as
    it is, an object by number: both are read."""

    def dump(backend: Backend, compact: bool) -> Any:
        runs: list[dict[str, Any]] = []
        last = None
        for e164, scope in getattr(Carrier.of(backend), name).items():
            if scope != last:
                runs.append({"scope": encode(scope, Scope), "numbers": []})
                last = scope
            runs[-1]["numbers"].append(e164)
        return runs

    def load(backend: Backend, data: Any) -> None:
        if isinstance(data, dict):
            setattr(Carrier.of(backend), name, decode(data, dict[str, Scope], key))
            return
        held: dict[str, Scope] = {}
        for index, run in enumerate(decode(data, list[_HeldRun], key)):
            for e164 in run.numbers:
                if e164 in held:
                    raise CodecError(f"{key}[{index}].numbers", f"{e164} appears twice")
                held[e164] = run.scope
        setattr(Carrier.of(backend), name, held)

    return Collection(key, dump, load)


@dataclass(frozen=True)
class _HeldRun:
    scope: Scope
    numbers: list[str]


def _dump_pending(backend: Backend, compact: bool) -> Any:
    return list(Carrier.of(backend).pending)


def _load_pending(backend: Backend, data: Any) -> None:
    # The Processing orders are the very records of the inventories, not copies.
    for order_id in decode(data, list[str], "pending_orders"):
        try:
            Carrier.of(backend).pending[order_id] = find_order(backend, order_id)
        except ValueError:
            raise CodecError("pending_orders", f"order {order_id} is in no inventory") from None


_ARRIVING = dict[str, list[PhoneNumber]]


def _dump_arriving(backend: Backend, compact: bool) -> Any:
    return encode(Carrier.of(backend).arriving, _ARRIVING)


def _load_arriving(backend: Backend, data: Any) -> None:
    # Numbers of porting orders still to appear: each list belongs to an order loaded above.
    arriving = decode(data, _ARRIVING, "arriving")
    for order_id in arriving:
        try:
            find_order(backend, order_id)
        except ValueError:
            raise CodecError("arriving", f"order {order_id} is in no inventory") from None
    Carrier.of(backend).arriving = arriving


def _dump_seq(backend: Backend, compact: bool) -> Any:
    following = next(backend._seq)  # spent, then handed back: the counter goes on unchanged
    backend._seq = itertools.count(following)
    return following


def _load_seq(backend: Backend, data: Any) -> None:
    backend._seq = itertools.count(decode(data, int, "next_seq"))


# ==== The state beyond the resource families =================================================
# One entry per collection of the phone numbers' state (each scope's PhoneNumberInventory and
# the backend's Carrier) and the Backend's sequence, in load order (later entries may refer to
# records loaded by earlier ones). When the Carrier gains a collection, add it here:
# `carrier_attribute(...)` with its declared type is enough for dicts, lists and sets of records,
# datetimes and Scopes. Not saved on purpose: `lock`, `processing_delay` and
# `phone_number_limit` (options of each mock_chime), `faults` and `journal` (test tooling), the
# inventories' page tokens, and the carrier's `order_scopes` (rebuilt from the inventories).
COLLECTIONS: tuple[Collection, ...] = (
    Collection("inventories", _dump_inventories, _load_inventories),
    held_by_scope("owners", "owners"),
    Collection("pending_orders", _dump_pending, _load_pending),
    carrier_attribute("unavailable", "unavailable", set[str]),
    held_by_scope("deleting", "deleting"),
    held_by_scope("naming", "naming"),
    Collection("arriving", _dump_arriving, _load_arriving),
    Collection("next_seq", _dump_seq, _load_seq),
)
# ===============================================================================================


def document(backend: Backend, now: _dt.datetime, compact: bool = True) -> dict[str, Any]:
    """The state file's content (compact: records in tables); the caller holds `backend.lock`."""
    from chime_mock import __version__

    return {
        "format": FORMAT,
        "version": VERSION,
        "written_by": f"chime_mock {__version__}",
        "saved_at": timestamp(now),
        "state": {part.key: part.dump(backend, compact) for part in COLLECTIONS},
    }


def save(
    backend: Backend, path: str | os.PathLike[str], now: _dt.datetime, pretty: bool = False
) -> None:
    """Write the state file; the caller holds `backend.lock`. Written whole or not at all:
    compact JSON, or with `pretty` indented with one record (an object) per line."""
    target = Path(path)
    with writing.no_collection():
        if pretty:
            text = writing.pretty(document(backend, now, compact=False)) + "\n"
        else:
            text = writing.compact(document(backend, now)) + "\n"
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as error:  # it names the temporary file: name the path the user gave
        raise type(error)(
            f"chime_mock: cannot write the state file {os.fspath(path)}: {error.strerror} "
            f"(the directory {target.parent} must exist and be writable)"
        ) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(path: str | os.PathLike[str], enums: Enums) -> Backend:
    """A new Backend holding the state of the file at `path`; StateFileError when it cannot.
    `enums` gives the installed model's values of an enum shape (see state_checks)."""
    given = os.fspath(path)  # errors name the path as the user wrote it
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise StateFileError(
            given,
            f"there is no such file (from {os.getcwd()}); write one with handle.save_state(path)",
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise StateFileError(given, f"it cannot be read ({error})") from error
    with writing.no_collection():
        try:
            content = json.loads(text)
        except json.JSONDecodeError as error:
            raise StateFileError(given, f"it is not valid JSON ({error})") from error
        return from_document(content, given, enums)


def _upgrade_associations(state: dict[str, Any]) -> None:
    """Versions 1 and 2 wrote associations untyped, in the API's member names
    (`{"Name", "Value", "AssociatedTimestamp": {"$datetime": ...}}`); version 3 writes the
    `Association` record. Rewritten in place before decoding, which then checks every field."""
    numbers = [
        number
        for inventory in state.get("inventories") or []
        if isinstance(inventory, dict)
        for number in inventory.get("numbers") or []
    ]
    arriving = state.get("arriving")
    if isinstance(arriving, dict):  # order ID -> the numbers still to appear
        numbers += [n for listed in arriving.values() if isinstance(listed, list) for n in listed]
    for number in numbers:
        if not isinstance(number, dict) or not isinstance(number.get("associations"), list):
            continue
        number["associations"] = [_association_of(entry) for entry in number["associations"]]


def _association_of(entry: Any) -> Any:
    if not isinstance(entry, dict) or not set(entry) <= {"Name", "Value", "AssociatedTimestamp"}:
        return entry  # not the old form: decoding names what is wrong with it
    stamp = entry.get("AssociatedTimestamp")
    if isinstance(stamp, dict) and set(stamp) == {"$datetime"}:
        stamp = stamp["$datetime"]
    return {"name": entry.get("Name"), "value": entry.get("Value"), "associated": stamp}


def from_document(content: Any, source: str | os.PathLike[str], enums: Enums) -> Backend:
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise StateFileError(
            source, f'it is not a chime_mock state file (no "format": "{FORMAT}" at its top)'
        )
    version = content.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version not in READABLE:
        raise StateFileError(
            source,
            f"it is in format version {version!r}, and this chime_mock reads versions "
            f"{', '.join(map(str, READABLE))}; load it with the chime_mock that wrote it, or "
            "save the state again",
        )
    state = content.get("state")
    if not isinstance(state, dict):
        raise StateFileError(source, 'it has no "state" object')
    absent = READABLE[version]
    expected = [part.key for part in COLLECTIONS if part.key not in absent]
    if sorted(state) != sorted(expected):
        raise StateFileError(
            source, f"its state has the parts {sorted(state)}; expected {sorted(expected)}"
        )
    backend = Backend()
    try:
        if version < 3:
            _upgrade_associations(state)
        for part in COLLECTIONS:
            if part.key in state:
                part.load(backend, state[part.key])
        checks.check(backend, state, enums)
    except CodecError as error:
        raise StateFileError(source, f"state.{error}") from error
    return backend
