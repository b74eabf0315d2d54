"""Tables: many records of one type, their field names written once.

A state file of a real inventory holds tens of thousands of records of the same type; written as
objects, their field names are half the file. A table names the fields once and gives each
record as a row of its values in that order; rows are read back through the codec's checks.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from typing import Any

from chime_mock.backend.state.codec import (
    CodecError,
    _Convert,
    _decoder,
    _encoding,
    _expect,
    _Refused,
    decode,
)
from chime_mock.backend.state.declared import _fields, _optional_arm

TABLE_KEYS = frozenset({"fields", "rows"})


def table(values: Any, tp: type) -> dict[str, Any]:
    """Records of type `tp` as `{"fields": [names], "rows": [[values], ...]}`."""
    return {"fields": list(_fields(tp)), "rows": list(map(_row_encoder(tp), values))}


def is_table(data: Any) -> bool:
    return isinstance(data, dict) and data.keys() == TABLE_KEYS


def from_table(data: Any, tp: type, where: str) -> list[Any]:
    """The records of a table written by `table`; CodecError naming the bad row and field.

    The table's fields may be fewer than `tp`'s (a field with a default that an older chime_mock
    did not have) but never unknown or repeated."""
    if not is_table(data):
        raise CodecError(where, 'expected a table: {"fields": [field names], "rows": [[...]]}')
    fields, rows = data["fields"], _expect(data["rows"], list, f"{where}.rows")
    names = list(_fields(tp))
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        raise CodecError(f"{where}.fields", f"expected a list of field names, found {fields!r}")
    unknown = [f for f in fields if f not in names] or [f for f in fields if fields.count(f) > 1]
    if unknown:
        raise CodecError(
            f"{where}.fields",
            f"unknown or repeated field {unknown[0]!r}; {tp.__name__} has {names}",
        )
    decode_row = _row_decoder(tp) if fields == names else None
    records = []
    for index, row in enumerate(rows):
        if decode_row is not None:
            try:
                records.append(decode_row(row))
                continue
            except Exception:  # read again below, to say where and why
                pass
        at = f"{where}.rows[{index}]"
        if not isinstance(row, list) or len(row) != len(fields):
            raise CodecError(at, f"expected a list of {len(fields)} values, one per field")
        records.append(decode(dict(zip(fields, row, strict=True)), tp, at))
    return records


@functools.cache
def _row_encoder(tp: type) -> _Convert:
    names = list(_fields(tp))
    plan = [(index, _encoding(ftp)) for index, ftp in enumerate(_fields(tp).values())]
    converts = [(index, convert) for index, convert in plan if convert is not None]
    get = operator.attrgetter(*names)
    single = len(names) == 1

    def encode_row(value: Any) -> list[Any]:
        row = [get(value)] if single else list(get(value))
        for index, convert in converts:
            item = row[index]
            if item is not None:
                row[index] = convert(item)
        return row

    return encode_row


@functools.cache
def _row_decoder(tp: type) -> _Convert:
    """Decodes a row of all of `tp`'s fields, in order; raises (anything) where `_decode` would.

    Generated as straight-line code for the type, as dataclasses generates `__init__`: a loop over
    the fields costs twice as much, for each of tens of thousands of rows. A dataclass without
    `__post_init__` whose every field is an init field is built by filling its `__dict__`, which
    is what its `__init__` would do (and skips a Listed record's per-field `__setattr__`, which
    only acts on a record already in a listing)."""
    fields = _fields(tp)
    scope: dict[str, Any] = {"_Refused": _Refused, "tp": tp, "new": object.__new__}
    lines = [
        "def decode_row(row):",
        f"    if type(row) is not list or len(row) != {len(fields)}:",
        "        raise _Refused",
        f"    ({''.join(f'v{index}, ' for index in range(len(fields)))}) = row",
    ]
    for index, ftp in enumerate(fields.values()):
        arm = _optional_arm(ftp)
        plain = arm if arm is not None else ftp
        value = f"v{index}"
        if plain in (str, int, bool):  # JSON: no subclasses, so the exact type
            scope[f"t{index}"] = plain
            allowed = f"{value} is not None and " if arm is not None else ""
            lines.append(f"    if {allowed}type({value}) is not t{index}:")
            lines.append("        raise _Refused")
        else:
            scope[f"c{index}"] = _decoder(ftp)
            lines.append(f"    {value} = c{index}({value})")
    arguments = ", ".join(f"{name}=v{index}" for index, name in enumerate(fields))
    if _built_by_its_dict(tp):
        lines.append("    record = new(tp)")
        lines.append(f"    record.__dict__.update({arguments})")
        lines.append("    return record")
    else:
        lines.append(f"    return tp({arguments})")
    exec("\n".join(lines), scope)  # code built above from the declared field names only
    decode_row: _Convert = scope["decode_row"]
    return decode_row


def _built_by_its_dict(tp: type) -> bool:
    if not dataclasses.is_dataclass(tp) or hasattr(tp, "__post_init__"):
        return False
    if "__slots__" in vars(tp):
        return False
    return all(field.init for field in dataclasses.fields(tp))
