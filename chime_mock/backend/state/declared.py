"""What a record's declared type says, for the codec: its fields, whether a value may be None,
whether it is a paging.Listing, how its timestamps are written; and the error a document that
does not fit its type raises."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import json
import types
import typing
from typing import Any

from chime_mock.backend.paging import Listing

_DATETIME_TAG = "$datetime"  # how a datetime inside an untyped value is written
_UTC_OFFSET = "+00:00"


def timestamp(value: _dt.datetime) -> str:
    """ISO 8601, with "Z" for UTC (the mock's clock): five characters less per timestamp than
    "+00:00", in a file that holds five timestamps per order and number. Both are read."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith(_UTC_OFFSET) else text


def _parse_timestamp(text: str) -> _dt.datetime:
    # Python 3.10's fromisoformat knows no "Z".
    return _dt.datetime.fromisoformat(text[:-1] + _UTC_OFFSET if text[-1:] == "Z" else text)


class CodecError(ValueError):
    """A document that does not fit the declared type; `where` is the path to the bad value."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


@functools.cache
def _fields(cls: type) -> dict[str, Any]:
    """The declared types of a dataclass's or NamedTuple's fields, in declaration order."""
    hints = typing.get_type_hints(cls)
    if dataclasses.is_dataclass(cls):
        return {f.name: hints[f.name] for f in dataclasses.fields(cls) if f.init}
    return {name: hints[name] for name in cls._fields}  # type: ignore[attr-defined]


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and (dataclasses.is_dataclass(tp) or hasattr(tp, "_fields"))


def _optional_arm(tp: Any) -> Any | None:
    """X for `X | None`; None when `tp` is no union."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    arms = [arm for arm in typing.get_args(tp) if arm is not type(None)]
    if len(arms) != 1:
        raise TypeError(f"chime_mock: the state codec handles `X | None` only, not {tp}")
    return arms[0]


def _listing(tp: Any) -> tuple[type, Any] | None:
    """(the Listing class, its record type) when `tp` is a paging.Listing (`Listing[R]` or a
    subclass of `Listing[R]`): written as an object by ID, read back into a new one in `seq`
    order."""
    cls = typing.get_origin(tp) or tp
    if not (isinstance(cls, type) and issubclass(cls, Listing)):
        return None
    args = typing.get_args(tp)
    if not args:
        bases = [b for b in getattr(cls, "__orig_bases__", ()) if typing.get_args(b)]
        args = typing.get_args(bases[0]) if bases else (Any,)
    return cls, args[0]


def _by_id(record_type: Any) -> Any:
    """`dict[str, record_type]`, built at run time."""
    return dict.__class_getitem__((str, record_type))


def _filled(cls: type, records: dict[str, Any]) -> Any:
    listing = cls()
    for key, record in sorted(records.items(), key=lambda item: int(item[1].seq)):
        listing[key] = record
    return listing


def _is_datetime(tp: Any) -> bool:
    """Whether `tp` is datetime. freezegun swaps `datetime.datetime` for a subclass while it is
    active, and `_fields` keeps the hints it first read: the declared class and the current one
    may be either, so the two are compared both ways."""
    return isinstance(tp, type) and (issubclass(tp, _dt.datetime) or issubclass(_dt.datetime, tp))


def _json_key(item: Any) -> str:
    return json.dumps(item, sort_keys=True)
