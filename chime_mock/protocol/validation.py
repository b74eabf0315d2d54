"""Server-side validation of a request against every constraint of the operation's input shape.

botocore checks only required members, types and `min` before sending; the real service also
enforces `max`, `pattern` and `enum`. Each input shape is compiled once into a checker, so a
request costs one walk over the values it actually carries.

Messages follow the AWS validation format ("1 validation error detected: Value 'x' at 'Name'
failed to satisfy constraint: ..."). Values of members the model marks `sensitive` are not
echoed, as AWS does not echo them; the member path still says which one failed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import botocore.model

from chime_mock.errors import bad_request

Checker = Callable[[Any, str, list[str]], None]

# How many failures one message lists: hostile inputs can break thousands of rules at once.
_MAX_LISTED = 10

# A leading `.*` (or `.+`) of a searched pattern decides nothing a search does not already try,
# yet makes the search quadratic in the value's length: `.*\S.*` took seconds on 30 000 spaces
# . Dropping it (`.+` keeps one `.`) matches exactly the same values.
_LEADING_ANY = re.compile(r"^\.([*+])(?![*+?{])")


def smithy_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a model pattern with Smithy's (ECMAScript) meaning.

    Smithy patterns are searched, not anchored, and `$` matches only at the very end; Python's
    `$` also matches before a final newline, and its `\\d` matches non-ASCII digits.
    """
    translated: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            translated.append(r"\Z")
            continue
        translated.append(char)
    source = _LEADING_ANY.sub(
        lambda found: "" if found.group(1) == "*" else ".", "".join(translated)
    )
    return re.compile(source, re.ASCII)


@functools.cache
def _readable_pattern(pattern: str) -> re.Pattern[str] | None:
    """A model pattern compiled, at the first value it checks (a process sends few of the
    members a model has), or None when Python cannot read it.

    One model pattern is not a valid regular expression in any dialect (chime-sdk-voice's
    ClientRequestId, `^[-_a-zA-Z0-9]*${2,64}$`); it goes unenforced rather than failing every
    request of the operation that uses it.
    """
    try:
        return smithy_pattern(pattern)
    except re.error:
        return None


def _value_text(shape: botocore.model.Shape, value: Any) -> str:
    if shape.serialization.get("sensitive") or shape.metadata.get("sensitive"):
        return "Value"
    if value is None:
        return "Value null"
    text = str(value)
    if len(text) > 100:
        text = text[:100] + "..."
    return f"Value '{text}'"


def _fail(errors: list[str], shape: botocore.model.Shape, value: Any, path: str, rule: str) -> None:
    errors.append(f"{_value_text(shape, value)} at '{path}' failed to satisfy constraint: {rule}")


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "long": (int,),
    "boolean": (bool,),
    "float": (int, float),
    "double": (int, float),
    "structure": (dict,),
    "map": (dict,),
    "list": (list,),
    "blob": (str, bytes),
}


def _bounds(shape: botocore.model.Shape, measure: str) -> Checker | None:
    """The shape's `min`/`max` check of a value's "length" or the "value" itself; None when the
    shape has neither (no call for nothing)."""
    low = shape.metadata.get("min")
    high = shape.metadata.get("max")
    if low is None and high is None:
        return None
    by_length = measure == "length"

    def check(value: Any, path: str, errors: list[str]) -> None:
        size = len(value) if by_length else value
        if low is not None and size < low:
            rule = f"Member must have {measure} greater than or equal to {low}"
            _fail(errors, shape, value, path, rule)
        if high is not None and size > high:
            rule = f"Member must have {measure} less than or equal to {high}"
            _fail(errors, shape, value, path, rule)

    return check


class _Compiler:
    """Turns shapes into checkers, once per shape name (recursive shapes are compiled lazily)."""

    def __init__(self) -> None:
        self._done: dict[str, Checker] = {}

    def checker(self, shape: botocore.model.Shape) -> Checker:
        key = shape.name
        if key not in self._done:
            # Placeholder first: a recursive shape refers to itself while being compiled.
            self._done[key] = lambda value, path, errors: self._done[key](value, path, errors)
            self._done[key] = self._compile(shape)
        return self._done[key]

    def _compile(self, shape: botocore.model.Shape) -> Checker:
        rules: list[Checker | None] = []
        type_name = shape.type_name
        if type_name == "string":
            if shape.enum:
                allowed = frozenset(shape.enum)
                listed = ", ".join(shape.enum)

                def check_enum(value: Any, path: str, errors: list[str]) -> None:
                    if value not in allowed:
                        rule = f"Member must satisfy enum value set: [{listed}]"
                        _fail(errors, shape, value, path, rule)

                rules.append(check_enum)
            if "pattern" in shape.metadata:
                source = shape.metadata["pattern"]

                def check_pattern(value: Any, path: str, errors: list[str]) -> None:
                    regex = _readable_pattern(source)
                    if regex is not None and regex.search(value) is None:
                        rule = f"Member must satisfy regular expression pattern: {source}"
                        _fail(errors, shape, value, path, rule)

                rules.append(check_pattern)
            rules.append(_bounds(shape, "length"))
        elif type_name in ("integer", "long", "float", "double"):
            rules.append(_bounds(shape, "value"))
        elif type_name == "list":
            rules.append(_bounds(shape, "length"))
            member = self.checker(shape.member)

            def check_items(value: Any, path: str, errors: list[str]) -> None:
                for index, item in enumerate(value, start=1):
                    member(item, f"{path}.{index}.member", errors)

            rules.append(check_items)
        elif type_name == "map":
            rules.append(_bounds(shape, "length"))
            key_check, value_check = self.checker(shape.key), self.checker(shape.value)

            def check_entries(value: Any, path: str, errors: list[str]) -> None:
                for key, item in value.items():
                    key_check(key, f"{path}.key", errors)
                    value_check(item, f"{path}.{key}", errors)

            rules.append(check_entries)
        elif type_name == "structure":
            rules.append(self._structure(shape))
        return self._typed(shape, [rule for rule in rules if rule is not None])

    def _structure(self, shape: botocore.model.StructureShape) -> Checker:
        members = [(name, self.checker(member)) for name, member in shape.members.items()]
        required = [name for name in shape.required_members]
        member_shapes = shape.members

        def check_members(value: Any, path: str, errors: list[str]) -> None:
            prefix = f"{path}." if path else ""
            for name in required:
                if value.get(name) is None:
                    _fail(
                        errors, member_shapes[name], None, prefix + name, "Member must not be null"
                    )
            for name, check in members:
                item = value.get(name)
                if item is not None:
                    check(item, prefix + name, errors)

        return check_members

    @staticmethod
    def _typed(shape: botocore.model.Shape, rules: list[Checker]) -> Checker:
        expected = _PYTHON_TYPES.get(shape.type_name)
        is_number = shape.type_name in ("integer", "long", "float", "double")

        def check(value: Any, path: str, errors: list[str]) -> None:
            if value is None:  # only a list item gets here: null members are absent ones
                _fail(errors, shape, value, path, "Member must not be null")
                return
            # bool is an int in Python, but JSON true is never a number.
            if expected is not None and (
                not isinstance(value, expected) or (is_number and isinstance(value, bool))
            ):
                _fail(errors, shape, value, path, f"Member must be of type {shape.type_name}")
                return
            for rule in rules:
                rule(value, path, errors)

        return check


@functools.cache
def _input_checker(operation: botocore.model.OperationModel) -> Checker | None:
    if operation.input_shape is None:
        return None
    return _Compiler().checker(operation.input_shape)


def validate(operation: botocore.model.OperationModel, params: dict[str, Any]) -> None:
    """Raise BadRequestException naming every broken rule of the operation's input shape."""
    check = _input_checker(operation)
    if check is None:
        return
    errors: list[str] = []
    check(params, "", errors)
    if errors:
        count = len(errors)
        listed = "; ".join(errors[:_MAX_LISTED])
        more = f"; and {count - _MAX_LISTED} more" if count > _MAX_LISTED else ""
        noun = "error" if count == 1 else "errors"
        raise bad_request(f"{count} validation {noun} detected: {listed}{more}")
