"""Records to JSON and back, driven by their declared types (dataclass fields, NamedTuples).

Generic so a field added to a record needs no code here: datetimes become ISO 8601 strings,
timedeltas seconds, sets sorted lists, dicts with non-string keys lists of [key, value] pairs,
dataclasses and NamedTuples objects of their fields. Values typed `object`/`Any` keep their JSON
form, with datetimes tagged so they come back as datetimes.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import json
import types
import typing
from typing import Any

_DATETIME_TAG = "$datetime"  # how a datetime inside an untyped value is written


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


def _is_datetime(tp: Any) -> bool:
    """Whether `tp` is datetime. freezegun swaps `datetime.datetime` for a subclass while it is
    active, and `_fields` keeps the hints it first read: the declared class and the current one
    may be either, so the two are compared both ways."""
    return isinstance(tp, type) and (issubclass(tp, _dt.datetime) or issubclass(_dt.datetime, tp))


def _json_key(item: Any) -> str:
    return json.dumps(item, sort_keys=True)


# -- encoding -----------------------------------------------------------------------------------


def encode(value: Any, tp: Any) -> Any:
    """`value`, declared as `tp`, as JSON-ready data."""
    if value is None:
        return None
    arm = _optional_arm(tp)
    if arm is not None:
        return encode(value, arm)
    if tp in (Any, object):
        return _encode_untyped(value)
    if _is_record(tp):
        return {name: encode(getattr(value, name), ftp) for name, ftp in _fields(tp).items()}
    if _is_datetime(tp):
        return value.isoformat()
    if tp is _dt.timedelta:
        return value.total_seconds()
    if tp in (str, int, float, bool):
        return value
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (list, tuple):
        item_type = args[0] if args else Any
        return [encode(item, item_type) for item in value]
    if origin in (set, frozenset):
        return sorted((encode(item, args[0]) for item in value), key=_json_key)
    if origin is dict:
        key_type, value_type = args
        if key_type is str:
            return {key: encode(item, value_type) for key, item in value.items()}
        pairs = [[encode(key, key_type), encode(item, value_type)] for key, item in value.items()]
        return sorted(pairs, key=_json_key)
    raise TypeError(f"chime_mock: the state codec cannot write a value declared as {tp}")


def _encode_untyped(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return {_DATETIME_TAG: value.isoformat()}
    if isinstance(value, dict):
        return {str(key): _encode_untyped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode_untyped(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"chime_mock: the state codec cannot write {type(value).__name__} values")


# -- decoding -----------------------------------------------------------------------------------


def decode(data: Any, tp: Any, where: str) -> Any:
    """The value of type `tp` that `data` describes; CodecError naming `where` when it cannot."""
    arm = _optional_arm(tp)
    if arm is not None:
        return None if data is None else decode(data, arm, where)
    if tp in (Any, object):
        return _decode_untyped(data, where)
    if _is_record(tp):
        return _decode_record(data, tp, where)
    if _is_datetime(tp):
        return _decode_datetime(_expect(data, str, where), where)
    if tp is _dt.timedelta:
        return _dt.timedelta(seconds=_expect(data, float, where))
    if tp in (str, int, float, bool):
        return _expect(data, tp, where)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (list, tuple, set, frozenset):
        item_type = args[0] if args else Any
        items = [
            decode(item, item_type, f"{where}[{index}]")
            for index, item in enumerate(_expect(data, list, where))
        ]
        return origin(items)
    if origin is dict:
        key_type, value_type = args
        if key_type is str:
            mapping = _expect(data, dict, where)
            return {
                key: decode(item, value_type, f"{where}.{key}") for key, item in mapping.items()
            }
        result = {}
        for index, pair in enumerate(_expect(data, list, where)):
            at = f"{where}[{index}]"
            if not isinstance(pair, list) or len(pair) != 2:
                raise CodecError(at, "expected a [key, value] pair")
            result[decode(pair[0], key_type, f"{at}[0]")] = decode(pair[1], value_type, f"{at}[1]")
        return result
    raise TypeError(f"chime_mock: the state codec cannot read a value declared as {tp}")


_JSON_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}
_JSON_NAMES.update({list: "a list", dict: "an object"})


def _expect(data: Any, kind: type, where: str) -> Any:
    ok = isinstance(data, kind) and not (isinstance(data, bool) and kind in (int, float))
    if kind is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if not ok:
        raise CodecError(where, f"expected {_JSON_NAMES[kind]}, found {json.dumps(data)[:60]}")
    return data


def _decode_datetime(text: str, where: str) -> _dt.datetime:
    try:
        value = _dt.datetime.fromisoformat(text)
    except ValueError:
        raise CodecError(where, f"expected an ISO 8601 timestamp, found {text!r}") from None
    if value.tzinfo is None:
        raise CodecError(where, f"the timestamp {text!r} has no time zone (write +00:00)")
    return value


def _decode_record(data: Any, tp: type, where: str) -> Any:
    document = _expect(data, dict, where)
    fields = _fields(tp)
    unknown = sorted(set(document) - set(fields))
    if unknown:
        raise CodecError(where, f"unknown field {unknown[0]!r}; {tp.__name__} has {list(fields)}")
    missing = [name for name in fields if name not in document and not _has_default(tp, name)]
    if missing:
        raise CodecError(where, f"missing field(s) {', '.join(missing)}")
    values = {
        name: decode(document[name], ftp, f"{where}.{name}")
        for name, ftp in fields.items()
        if name in document
    }
    return tp(**values)


def _has_default(tp: type, name: str) -> bool:
    if dataclasses.is_dataclass(tp):
        found = next(f for f in dataclasses.fields(tp) if f.name == name)
        return not (
            found.default is dataclasses.MISSING and found.default_factory is dataclasses.MISSING
        )
    return name in getattr(tp, "_field_defaults", {})


def _decode_untyped(data: Any, where: str) -> Any:
    if isinstance(data, dict):
        if set(data) == {_DATETIME_TAG}:
            return _decode_datetime(_expect(data[_DATETIME_TAG], str, where), where)
        return {key: _decode_untyped(item, f"{where}.{key}") for key, item in data.items()}
    if isinstance(data, list):
        return [_decode_untyped(item, f"{where}[{index}]") for index, item in enumerate(data)]
    return data
