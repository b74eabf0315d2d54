"""Hypothesis strategies for operation inputs, read from the installed botocore models.

Nothing here knows an operation: values come from each input shape's members, types, enums,
patterns and min/max, so operations added to `chime_mock.operations.HANDLERS` later are fuzzed
without a change here. Two families per shape:
- `valid(shape)`: values the model allows (they may still break a service rule), drawing IDs,
  numbers and tokens that exist in the fake from a `Pool`, so requests reach the backend's paths;
- `hostile(shape)`: what botocore lets through with `parameter_validation=False`: wrong types,
  overlong strings, unicode and control characters, path separators and `..`, huge lists, values
  out of range, forged NextTokens.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import botocore.model
from hypothesis import strategies as st

from chime_mock.operations import mocked
from chime_mock.protocol.models import MOCKED_SERVICES

Strategy = st.SearchStrategy[Any]

# Strings that broke parsers, routers and file systems somewhere.
NASTY_STRINGS = (
    "",
    " ",
    "\t\n",
    "..",
    "../",
    "../../etc/passwd",
    "/",
    "a/b",
    "%2F",
    "%2e%2e",
    "..%2F..%2F",
    "\\..\\",
    "?operation=restore",
    "&max-results=1",
    "#fragment",
    "%",
    "%ZZ",
    "%00",
    "\x00",
    "\r\nX-Injected: 1",
    "+",
    "%2B",
    "%252B12065550100",
    "+12065550100\n",
    "+1 206 555 0100",
    "+\u0661\u0662\u0660\u0666\u0665\u0665\u0665\u0660\u0661\u0660\u0660",  # Arabic-Indic digits
    "\uff0b\uff11\uff12\uff10\uff16",  # fullwidth +1206
    "\u202e0010555602",  # right-to-left override
    "\U0001f986",
    "\udcff",  # a lone surrogate: not encodable as UTF-8
    "null",
    "None",
    "{}",
    "[]",
    "0",
    "-1",
    "1e3",
    "NaN",
    "Infinity",
    "00000000-0000-0000-0000-000000000000",
    "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ",
)

WRONG_TYPES: Strategy = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def operations_under_test() -> list[tuple[str, str]]:
    """(service, operation) for every implemented operation the installed model of each has."""
    return [(service, name) for service in MOCKED_SERVICES for name in sorted(mocked(service))]


@dataclass
class Pool:
    """What exists in the fake right now, by kind; refilled for every example."""

    values: dict[str, list[str]] = field(default_factory=dict)

    def pick(self, kind: str, index: int) -> str:
        found = self.values.get(kind) or ["none-yet"]
        return found[index % len(found)]

    def add(self, kind: str, value: str) -> None:
        self.values.setdefault(kind, []).append(value)

    def clear(self) -> None:
        self.values.clear()


def kind_of(member_name: str, shape: botocore.model.Shape) -> str | None:
    """Which pool a string member draws real values from: its name says what it holds."""
    names = f"{member_name} {shape.name}"
    if "NextToken" in names:
        return "next_token"
    if "OrderId" in names:
        return "order_id"
    if "PhoneNumberId" in names:
        return "phone_number_id"
    if "E164" in names:
        return "e164"
    return None


def _limit(shape: botocore.model.Shape, key: str) -> int | None:
    value = shape.metadata.get(key)
    return int(value) if value is not None else None


def _pattern_strings(pattern: str) -> Strategy:
    # Smithy patterns are ECMAScript and searched; Python reads most of them the same way.
    try:
        return st.from_regex(re.compile(pattern.replace("$", r"\Z"), re.ASCII))
    except re.error:
        return st.text(alphabet=string.ascii_letters + string.digits, max_size=20)


@dataclass
class Inputs:
    """Builds strategies for one service model's shapes, against one `Pool`."""

    pool: Pool

    # -- values the model allows ---------------------------------------------------------------

    def valid(self, shape: botocore.model.Shape, member_name: str = "", depth: int = 0) -> Strategy:
        type_name = shape.type_name
        if type_name == "structure":
            return self.structure(shape, self.valid, depth)
        if type_name == "list":
            low, high = _limit(shape, "min") or 0, _limit(shape, "max")
            high = min(high if high is not None else 4, max(low, 4))
            return st.lists(
                self.valid(shape.member, member_name, depth + 1), min_size=low, max_size=high
            )
        if type_name == "map":
            return st.dictionaries(
                self.valid(shape.key, "", depth + 1),
                self.valid(shape.value, "", depth + 1),
                max_size=2,
            )
        if type_name == "string":
            return self.valid_string(shape, member_name)
        if type_name in ("integer", "long"):
            low, high = _limit(shape, "min"), _limit(shape, "max")
            return st.integers(min_value=low if low is not None else 0, max_value=high or 1000)
        if type_name in ("float", "double"):
            return st.floats(allow_nan=False, allow_infinity=False)
        if type_name == "boolean":
            return st.booleans()
        if type_name == "timestamp":
            return st.datetimes()
        if type_name == "blob":
            return st.binary(max_size=20)
        return st.none()

    def valid_string(self, shape: botocore.model.Shape, member_name: str) -> Strategy:
        enum = getattr(shape, "enum", None)
        if enum:
            return st.sampled_from(enum)
        kind = kind_of(member_name, shape)
        generated = (
            _pattern_strings(shape.metadata["pattern"])
            if "pattern" in shape.metadata
            else st.text(max_size=20)
        )
        high = _limit(shape, "max")
        if high is not None:
            generated = generated.map(lambda text: text[:high])
        if kind is None:
            return generated
        pool = self.pool
        known = st.integers(min_value=0, max_value=10_000).map(lambda index: pool.pick(kind, index))
        return st.one_of(known, known, generated)

    def structure(
        self,
        shape: botocore.model.StructureShape,
        leaf: Callable[[botocore.model.Shape, str, int], Strategy],
        depth: int,
    ) -> Strategy:
        if depth > 3:  # recursive shapes: stop nesting
            return st.just({})
        members = {
            name: leaf(member, name, depth + 1)
            for name, member in shape.members.items()
            if member.serialization.get("location") != "statusCode"
        }
        required = {name: members[name] for name in shape.required_members if name in members}
        optional = {name: value for name, value in members.items() if name not in required}
        return st.fixed_dictionaries(required, optional=optional)

    # -- values botocore would stop, and worse ----------------------------------------------

    def hostile(
        self, shape: botocore.model.Shape, member_name: str = "", depth: int = 0
    ) -> Strategy:
        type_name = shape.type_name
        if type_name == "structure":
            return st.one_of(self.structure(shape, self.hostile, depth), WRONG_TYPES)
        if type_name == "list":
            return st.one_of(
                self.huge_list(shape, member_name),
                self.list_of_hostile(shape, member_name, depth),
                WRONG_TYPES,
            )
        if type_name == "string":
            return st.one_of(self.hostile_string(shape, member_name), WRONG_TYPES)
        if type_name in ("integer", "long", "float", "double"):
            return st.one_of(self.out_of_range(shape), WRONG_TYPES)
        return st.one_of(self.valid(shape, member_name, depth), WRONG_TYPES)

    def list_of_hostile(
        self, shape: botocore.model.ListShape, member_name: str, depth: int
    ) -> Strategy:
        item = st.one_of(
            self.valid(shape.member, member_name, depth + 1),
            self.hostile(shape.member, member_name, depth + 1),
        )
        return st.lists(item, max_size=6)

    def huge_list(self, shape: botocore.model.ListShape, member_name: str) -> Strategy:
        """Thousands of items: the same one, or distinct valid ones."""
        high = _limit(shape, "max")
        sizes = st.sampled_from([n for n in (high and high + 1, 200, 1000, 5000) if n])
        repeated = st.builds(
            lambda item, size: [item] * size, self.valid(shape.member, member_name, 9), sizes
        )
        if kind_of(member_name, shape.member) == "e164":
            distinct = sizes.map(lambda size: [f"+1206{7000000 + i:07d}" for i in range(size)])
            return st.one_of(repeated, distinct)
        return repeated

    def hostile_string(self, shape: botocore.model.Shape, member_name: str) -> Strategy:
        high = _limit(shape, "max") or 256
        overlong = st.builds(
            lambda char, size: char * size,
            st.sampled_from(["a", " ", "9", "\u00e9", "/", "\t", ".", "%"]),
            st.sampled_from([high + 1, 10_000, 100_000]),
        )
        mutated = st.builds(
            lambda value, change: change(value),
            self.valid_string(shape, member_name),
            st.sampled_from(
                [
                    lambda v: v + "/..",
                    lambda v: "../" + v,
                    lambda v: v.upper(),
                    lambda v: v.lower(),
                    lambda v: v + "\n",
                    lambda v: " " + v,
                    lambda v: v[:1] + "\x00" + v[1:],
                    lambda v: v + "%",
                    lambda v: v[::-1],
                    lambda v: v[:-1],
                    lambda v: v + v,
                ]
            ),
        )
        anything = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30)
        return st.one_of(st.sampled_from(NASTY_STRINGS), mutated, overlong, anything)

    @staticmethod
    def out_of_range(shape: botocore.model.Shape) -> Strategy:
        low, high = _limit(shape, "min"), _limit(shape, "max")
        edges = [0, -1, 2**31, 2**63, -(2**63), 10**30]
        edges += [low - 1] if low is not None else []
        edges += [high + 1] if high is not None else []
        return st.one_of(st.sampled_from(edges), st.integers())


Path = tuple[Any, ...]


def leaf_paths(
    shape: botocore.model.Shape, value: Any, path: Path = (), member_name: str = ""
) -> list[tuple[Path, botocore.model.Shape, str]]:
    """Every (path, shape, member name) in `value` where a hostile value can be planted."""
    found = [(path, shape, member_name)] if path else []
    if shape.type_name == "structure" and isinstance(value, dict):
        for name, member in shape.members.items():
            if name in value:
                found += leaf_paths(member, value[name], (*path, name), name)
            elif member.serialization.get("location") != "statusCode":
                found.append(((*path, name), member, name))
    elif shape.type_name == "list" and isinstance(value, list):
        for index, item in enumerate(value):
            found += leaf_paths(shape.member, item, (*path, index), member_name)
    return found


def plant(value: Any, path: Path, replacement: Any) -> Any:
    """A copy of `value` with `replacement` at `path`."""
    if not path:
        return replacement
    head, rest = path[0], path[1:]
    copied: Any = dict(value) if isinstance(value, dict) else list(value)
    inner = copied[head] if isinstance(copied, list) or head in copied else None
    copied[head] = plant(inner, rest, replacement)
    return copied


# -- nulls, as the JavaScript SDK sends them --------------------------------------------------


def body_members(shape: botocore.model.StructureShape) -> dict[str, botocore.model.Shape]:
    """The members of a structure that travel in a JSON body, by their name on the wire."""
    return {
        member.serialization.get("name", name): member
        for name, member in shape.members.items()
        if member.serialization.get("location") is None
    }


def with_nulls(shape: botocore.model.Shape, value: Any) -> Any:
    """The JSON `value` of `shape` with every member of every structure in it that it lacks sent
    as `null` (botocore will not serialize None for a list, map or structure; the JavaScript SDK
    sends `null` for `parseInt(undefined)` and for explicit nulls)."""
    if shape.type_name == "structure" and isinstance(value, dict):
        return {
            wire: with_nulls(member, value[wire]) if wire in value else None
            for wire, member in body_members(shape).items()
        }
    if shape.type_name == "list" and isinstance(value, list):
        return [with_nulls(shape.member, item) for item in value]
    return value


def null_optionals(operation: botocore.model.OperationModel, body: bytes | str | None) -> bytes:
    """A request body of `operation` with every optional member it lacks, at every depth, sent
    as `null`; an operation without a JSON body keeps its body."""
    shape = operation.input_shape
    text = body.decode() if isinstance(body, bytes) else body or ""
    if shape is None or not body_members(shape):
        return text.encode()
    payload = shape.serialization.get("payload")
    target = shape.members[payload] if payload is not None else shape
    if target.type_name != "structure":
        return text.encode()
    document = json.loads(text) if text.strip() else {}
    return json.dumps(with_nulls(target, document)).encode()


_NOTHING: Mapping[str, Any] = MappingProxyType({})


def plain(shape: botocore.model.Shape, known: Mapping[str, Any] = _NOTHING, name: str = "") -> Any:
    """A value of the shape botocore sends as it is: what `known` has by the member's name, else
    a plain value of its type (the model may still refuse it); structures carry their required
    members and those `known` has."""
    if name in known:
        return known[name]
    type_name = shape.type_name
    if type_name == "structure":
        return {
            member_name: plain(member, known, member_name)
            for member_name, member in shape.members.items()
            if member_name in shape.required_members or member_name in known
        }
    if type_name == "list":
        return [plain(shape.member, known)] * int(shape.metadata.get("min", 1) or 1)
    if type_name == "map":
        return {}
    if type_name in ("integer", "long"):
        return int(shape.metadata.get("min", 1))
    if type_name == "boolean":
        return True
    if type_name == "string":
        return shape.enum[0] if shape.enum else "x" * int(shape.metadata.get("min", 1))
    return "2026-01-01T00:00:00Z"
