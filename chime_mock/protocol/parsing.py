"""Read an operation's input members out of an HTTP request, by the model's member locations.

URI labels, query strings and headers arrive as text and are converted to the member's type here;
JSON body members arrive typed and are left for validation to judge, read as AWS's JSON protocols
read them (docs/behaviour.md, "Wire habits of real code"): a `null` member is an absent one, and
a boolean or number member sent as a JSON string of its value (CloudFormation's custom resources
pass every property as a string) has that value.
"""

from __future__ import annotations

import base64
import datetime as _dt
import functools
import json
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

import botocore.model
from botocore.utils import parse_timestamp

from chime_mock.errors import ServiceError, bad_request
from chime_mock.protocol.routing import Match

# Patterns compiled at their first use (the `re` module keeps them): most processes send no
# number as text, and compiling at import would cost every new process's start.
_INTEGER = r"[+-]?[0-9]+"
# A number as JSON writes one, sign allowed: "NaN", "Infinity", "0x1F" or " 1" are not numbers.
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"


def _invalid(member: str, value: str, type_name: str) -> ServiceError:
    return bad_request(
        f"1 validation error detected: Value '{value[:100]}' at '{member}' "
        f"failed to satisfy constraint: Member must be of type {type_name}"
    )


def _from_text(name: str, shape: botocore.model.Shape, text: str) -> Any:
    type_name = shape.type_name
    try:
        if type_name in ("integer", "long"):
            # Python's int() also takes " 5", "1_0" and non-ASCII digits; the wire form is ASCII.
            if not re.fullmatch(_INTEGER, text):
                raise ValueError(text)
            return int(text)
        if type_name in ("float", "double"):
            return float(text)
        if type_name == "boolean":
            if text.lower() not in ("true", "false"):
                raise ValueError(text)
            return text.lower() == "true"
        if type_name == "timestamp":
            parsed: _dt.datetime = parse_timestamp(text)
            return parsed
    except (ValueError, OverflowError) as error:
        raise _invalid(name, text, type_name) from error
    return text


def _scalar_from_string(shape: botocore.model.Shape, text: str) -> Any:
    """A boolean or number member sent as a JSON string: its value when the string spells one
    exactly ("true"/"false" in any case, an integer, a number); otherwise the string itself, for
    validation to refuse as not of the member's type."""
    type_name = shape.type_name
    if type_name == "boolean":
        lowered = text.lower()
        return lowered == "true" if lowered in ("true", "false") else text
    if type_name in ("integer", "long"):
        return int(text) if re.fullmatch(_INTEGER, text) else text
    if type_name in ("float", "double"):
        return float(text) if re.fullmatch(_NUMBER, text) else text
    return text


def _from_json(shape: botocore.model.Shape, value: Any) -> Any:
    """Convert the JSON forms that are not their Python value: timestamps, blobs, and scalars
    sent as strings. `null` members of a structure and `null` values of a map are dropped, as
    absent; a `null` list item stays, for validation to refuse."""
    if value is None:
        return None
    if isinstance(value, str) and shape.type_name in _FROM_STRING:
        return _scalar_from_string(shape, value)
    if shape.type_name == "timestamp" and isinstance(value, (int, float, str)):
        try:
            return parse_timestamp(value)
        except (ValueError, OverflowError, TypeError):
            return value  # left for validation to reject as not a timestamp
    if shape.type_name == "blob" and isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            return value
    if shape.type_name == "structure" and isinstance(value, dict):
        return {
            name: _from_json(member, value[member.serialization.get("name", name)])
            for name, member in shape.members.items()
            if value.get(member.serialization.get("name", name)) is not None
        }
    if shape.type_name == "list" and isinstance(value, list):
        return [_from_json(shape.member, item) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {
            key: _from_json(shape.value, item) for key, item in value.items() if item is not None
        }
    return value


_FROM_STRING = frozenset(("boolean", "integer", "long", "float", "double"))


def _json_body(body: bytes) -> dict[str, Any]:
    if not body.strip():
        return {}
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        # RecursionError: arrays nested thousands deep; a bad request, not a crash.
        raise bad_request(f"Could not parse request body into json: {error}") from error
    if not isinstance(document, dict):
        raise bad_request("Could not parse request body into json: the body must be a JSON object")
    return document


class _Member(NamedTuple):
    name: str  # as boto3 users write it
    location: str  # uri, querystring, header, payload or body
    wire_name: str
    shape: botocore.model.Shape


@functools.cache
def _input_plan(operation: botocore.model.OperationModel) -> tuple[_Member, ...]:
    """Where each input member travels, read off the model once per operation."""
    shape = operation.input_shape
    if shape is None:
        return ()
    payload_name = shape.serialization.get("payload")
    plan = []
    for name, member in shape.members.items():
        location = member.serialization.get("location") or (
            "payload" if name == payload_name else "body"
        )
        if location != "statusCode":
            plan.append(_Member(name, location, member.serialization.get("name", name), member))
    return tuple(plan)


def parse_request(match: Match, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
    """The operation's input parameters, keyed by member name as boto3 users write them.

    `headers.get` must find a header by its lower-case name.
    """
    params: dict[str, Any] = {}
    document: dict[str, Any] | None = None
    plan = _input_plan(match.operation)
    for name, location, wire_name, member in plan:
        if location == "uri":
            value = match.labels.get(wire_name)
            if value == "":
                # Smithy labels may not be empty; AWS answers `/phone-numbers/` this way.
                raise bad_request(
                    f"1 validation error detected: Value at '{name}' failed to satisfy "
                    "constraint: Member must not be empty"
                )
            if value is not None:
                params[name] = _from_text(name, member, value)
        elif location == "querystring":
            if member.type_name == "list":
                values = [v for k, v in match.query if k == wire_name]
                if values:
                    params[name] = [_from_text(name, member.member, v) for v in values]
            elif member.type_name == "map":
                bound = {m.wire_name for m in plan if m.location != "body"}
                params[name] = {k: v for k, v in match.query if k not in bound}
            else:
                for key, value in match.query:
                    if key == wire_name:
                        params[name] = _from_text(name, member, value)
                        break
        elif location == "header":
            header = headers.get(wire_name.lower())
            if header is not None:
                params[name] = _from_text(name, member, header)
        elif location == "payload":
            if member.type_name == "structure":
                params[name] = _from_json(member, _json_body(body))
            else:
                params[name] = body
        else:
            if document is None:
                document = _json_body(body)
            found = document.get(wire_name)
            if found is not None:  # `null` is absent, as in AWS's JSON protocols
                params[name] = _from_json(member, found)
    return params
