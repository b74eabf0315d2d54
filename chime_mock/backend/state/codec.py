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
import typing
from collections.abc import Callable
from typing import Any

from chime_mock.backend.state.declared import (
    _DATETIME_TAG,
    CodecError,
    _by_id,
    _fields,
    _filled,
    _is_datetime,
    _is_record,
    _json_key,
    _listing,
    _optional_arm,
    _parse_timestamp,
    timestamp,
)

__all__ = ["CodecError", "decode", "encode", "timestamp"]


# -- encoding -----------------------------------------------------------------------------------


def encode(value: Any, tp: Any) -> Any:
    """`value`, declared as `tp`, as JSON-ready data."""
    return _encoder(tp)(value)


def _encode(value: Any, tp: Any) -> Any:
    """The reference: what `_encoder(tp)` compiles."""
    if value is None:
        return None
    arm = _optional_arm(tp)
    if arm is not None:
        return _encode(value, arm)
    if tp in (Any, object):
        return _encode_untyped(value)
    listing = _listing(tp)
    if listing is not None:
        return {key: _encode(item, listing[1]) for key, item in value.items()}
    if _is_record(tp):
        return {name: _encode(getattr(value, name), ftp) for name, ftp in _fields(tp).items()}
    if _is_datetime(tp):
        return timestamp(value)
    if tp is _dt.timedelta:
        return value.total_seconds()
    if tp in (str, int, float, bool):
        return value
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (list, tuple):
        item_type = args[0] if args else Any
        return [_encode(item, item_type) for item in value]
    if origin in (set, frozenset):
        return sorted((_encode(item, args[0]) for item in value), key=_json_key)
    if origin is dict:
        key_type, value_type = args
        if key_type is str:
            return {key: _encode(item, value_type) for key, item in value.items()}
        pairs = [[_encode(key, key_type), _encode(item, value_type)] for key, item in value.items()]
        return sorted(pairs, key=_json_key)
    raise TypeError(f"chime_mock: the state codec cannot write a value declared as {tp}")


def _encode_untyped(value: Any) -> Any:
    if isinstance(value, _dt.datetime):
        return {_DATETIME_TAG: timestamp(value)}
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
    try:
        return _decoder(tp)(data)
    except Exception:
        return _decode(data, tp, where)


def _decode(data: Any, tp: Any, where: str) -> Any:
    """The reference: what `_decoder(tp)` compiles, with the place of every value."""
    arm = _optional_arm(tp)
    if arm is not None:
        return None if data is None else _decode(data, arm, where)
    if tp in (Any, object):
        return _decode_untyped(data, where)
    listing = _listing(tp)
    if listing is not None:
        return _filled(listing[0], _decode(data, _by_id(listing[1]), where))
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
            _decode(item, item_type, f"{where}[{index}]")
            for index, item in enumerate(_expect(data, list, where))
        ]
        return origin(items)
    if origin is dict:
        key_type, value_type = args
        if key_type is str:
            mapping = _expect(data, dict, where)
            return {
                key: _decode(item, value_type, f"{where}.{key}") for key, item in mapping.items()
            }
        result = {}
        for index, pair in enumerate(_expect(data, list, where)):
            at = f"{where}[{index}]"
            if not isinstance(pair, list) or len(pair) != 2:
                raise CodecError(at, "expected a [key, value] pair")
            result[_decode(pair[0], key_type, f"{at}[0]")] = _decode(
                pair[1], value_type, f"{at}[1]"
            )
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
        value = _parse_timestamp(text)
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
        name: _decode(document[name], ftp, f"{where}.{name}")
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


# -- compiled once per type ---------------------------------------------------------------------
# What `_encode` and `_decode` do, planned once per declared type instead of worked out for every
# value: a state file of 10,000 numbers reads and writes ~300,000 values. `_decode` stays the
# reference: a compiled decoder only says "no" (any exception), and `decode` then reads the
# document again with `_decode`, which says where and why.

_Convert = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _encoder(tp: Any) -> _Convert:
    """Encodes a value declared as `tp`, None included."""
    convert = _encoding(tp)
    if convert is None:
        return _identity
    return lambda value: None if value is None else convert(value)


@functools.cache
def _encoding(tp: Any) -> _Convert | None:
    """Encodes a value of `tp` that is not None; None when the value is its own JSON form."""
    arm = _optional_arm(tp)
    if arm is not None:
        return _encoding(arm)  # None is None in every form
    if tp in (Any, object):
        return _encode_untyped
    listing = _listing(tp)
    if listing is not None:
        records = _encoder(_by_id(listing[1]))
        return lambda value: records(dict(value.items()))
    if _is_record(tp):
        return _record_encoder(tp)
    if _is_datetime(tp):
        return timestamp
    if tp is _dt.timedelta:
        return _dt.timedelta.total_seconds
    if tp in (str, int, float, bool):
        return None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (list, tuple):
        found = _encoding(args[0] if args else Any)
        if found is None:
            return list
        item: _Convert = found
        return lambda value: [None if entry is None else item(entry) for entry in value]
    if origin in (set, frozenset):
        member = _encoder(args[0])
        return lambda value: sorted((member(entry) for entry in value), key=_json_key)
    if origin is dict:
        key_type, value_type = args
        item = _encoder(value_type)
        if key_type is str:
            return lambda value: {key: item(entry) for key, entry in value.items()}
        key = _encoder(key_type)
        return lambda value: sorted(
            ([key(k), item(entry)] for k, entry in value.items()), key=_json_key
        )
    raise TypeError(f"chime_mock: the state codec cannot write a value declared as {tp}")


def _record_encoder(tp: type) -> _Convert:
    plan: list[tuple[str, _Convert | None]] = []  # planned at the first call: types may recurse

    def encode_record(value: Any) -> dict[str, Any]:
        if not plan:
            plan.extend((name, _encoding(ftp)) for name, ftp in _fields(tp).items())
        document = {}
        for name, convert in plan:
            item = getattr(value, name)
            document[name] = item if convert is None or item is None else convert(item)
        return document

    return encode_record


class _Refused(Exception):
    """A compiled decoder's "no": `_decode` finds out where and why."""


@functools.cache
def _decoder(tp: Any) -> _Convert:
    """Decodes a JSON value into `tp`; raises (anything) where `_decode` would."""
    arm = _optional_arm(tp)
    if arm is not None:
        inner = _decoder(arm)
        return lambda data: None if data is None else inner(data)
    if tp in (Any, object):
        return _untyped
    listing = _listing(tp)
    if listing is not None:
        cls, records = listing[0], _decoder(_by_id(listing[1]))
        return lambda data: _filled(cls, records(data))
    if _is_record(tp):
        return _record_decoder(tp)
    if _is_datetime(tp):
        return _datetime
    if tp is _dt.timedelta:
        return lambda data: _dt.timedelta(seconds=_number(data))
    if tp is float:
        return _number
    if tp in (str, int, bool):
        return functools.partial(_exactly, tp)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (list, tuple, set, frozenset):
        item = _decoder(args[0] if args else Any)
        return lambda data: origin([item(entry) for entry in _exactly(list, data)])
    if origin is dict:
        key_type, value_type = args
        value = _decoder(value_type)
        if key_type is str:
            return lambda data: {key: value(entry) for key, entry in _exactly(dict, data).items()}
        key = _decoder(key_type)
        return lambda data: {key(k): value(v) for k, v in map(_pair, _exactly(list, data))}
    raise TypeError(f"chime_mock: the state codec cannot read a value declared as {tp}")


def _exactly(kind: type, data: Any) -> Any:
    if not isinstance(data, kind) or (isinstance(data, bool) and kind is int):
        raise _Refused
    return data


def _number(data: Any) -> float:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        raise _Refused
    return float(data)


def _pair(data: Any) -> tuple[Any, Any]:
    if not isinstance(data, list) or len(data) != 2:
        raise _Refused
    return data[0], data[1]


def _datetime(data: Any) -> _dt.datetime:
    value = _parse_timestamp(_exactly(str, data))
    if value.tzinfo is None:
        raise _Refused
    return value


def _untyped(data: Any) -> Any:
    if isinstance(data, dict):
        if len(data) == 1 and _DATETIME_TAG in data:
            return _datetime(data[_DATETIME_TAG])
        return {key: _untyped(item) for key, item in data.items()}
    if isinstance(data, list):
        return [_untyped(item) for item in data]
    return data


def _record_decoder(tp: type) -> _Convert:
    plan: list[Any] = []  # planned at the first call: types may recurse

    def decode_record(data: Any) -> Any:
        if not plan:
            fields = _fields(tp)
            required = {name for name in fields if not _has_default(tp, name)}
            # (name, the exact JSON type of a plain str/int/bool field or None, whether None is
            # allowed, the decoder of any other field)
            converts = []
            for name, ftp in fields.items():
                arm = _optional_arm(ftp)
                plain = arm if arm is not None else ftp
                exact = plain if plain in (str, int, bool) else None
                converts.append((name, exact, arm is not None, _decoder(ftp)))
            plan.extend((fields.keys(), required, converts))
        names, required, converts = plan
        document = _exactly(dict, data)
        if not document.keys() <= names or not required <= document.keys():
            raise _Refused
        values = {}
        for name, exact, optional, convert in converts:
            if name not in document:
                continue
            item = document[name]
            if exact is None:
                values[name] = convert(item)
            elif type(item) is exact or (optional and item is None):  # JSON: no subclasses
                values[name] = item
            else:
                raise _Refused
        return tp(**values)

    return decode_record
