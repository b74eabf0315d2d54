"""Reading a Lambda's response: `{"SchemaVersion": "1.0", "Actions": [...],
"TransactionAttributes": {...}}`.

A response the service cannot use makes it send INVALID_LAMBDA_RESPONSE with an ErrorType and
ErrorMessage; only TransactionAttributesInvalidMapSize is AWS's own published name, the others
are chosen in docs/behaviour.md ("Calls").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from chime_mock.backend.sip.pstn.actions import ACTION_TYPES
from chime_mock.backend.sip.pstn.events import SCHEMA_VERSION

MAX_ACTIONS = 10
MAX_ATTRIBUTES = 100
MAX_ATTRIBUTES_BYTES = 20 * 1024

KEEP: Any = object()  # TransactionAttributes absent or null: the stored ones stay


class InvalidResponse(Exception):
    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(f"{error_type}: {message}")
        self.error_type = error_type
        self.message = message


@dataclass
class Response:
    actions: list[dict[str, Any]] | None  # None: the actions in progress go on
    attributes: Any  # KEEP, or the new map ({} clears)


def _attributes(value: Any) -> Any:
    if value is None:
        return KEEP
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and isinstance(item, str) for key, item in value.items()
    ):
        raise InvalidResponse(
            "TransactionAttributesInvalidType",
            "Transaction Attributes must be a map of string keys to string values",
        )
    if len(value) > MAX_ATTRIBUTES:
        raise InvalidResponse(
            "TransactionAttributesInvalidMapSize",
            "Transaction Attributes has too many mappings. Maximum number of mappings is "
            f"{MAX_ATTRIBUTES}",
        )
    if len(json.dumps(value, ensure_ascii=False).encode()) > MAX_ATTRIBUTES_BYTES:
        raise InvalidResponse(
            "TransactionAttributesInvalidMapSize",
            "Transaction Attributes exceed the maximum payload size of 20 KB",
        )
    return dict(value)


def _actions(value: Any) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(
        isinstance(action, dict) and isinstance(action.get("Type"), str) for action in value
    ):
        raise InvalidResponse("InvalidActionList", "Error while reading actions list")
    if len(value) > MAX_ACTIONS:
        raise InvalidResponse(
            "TooManyActions",
            f"Too many actions specified in the response: {len(value)}, at most {MAX_ACTIONS}",
        )
    for action in value:
        if action["Type"] not in ACTION_TYPES:
            raise InvalidResponse(
                "UnsupportedAction", f"Unsupported action name specified: {action['Type']}"
            )
        if action.get("Parameters") is not None and not isinstance(action["Parameters"], dict):
            raise InvalidResponse("InvalidActionList", "Error while reading actions list")
    return list(value)


def read(response: Any) -> Response:
    """The response as the service uses it; raises InvalidResponse."""
    if not response:
        raise InvalidResponse(
            "InvalidResponse",
            "Response is blank or null. Make sure the response object contains at least the "
            "SchemaVersion field",
        )
    if not isinstance(response, dict):
        raise InvalidResponse("InvalidResponse", "The response is not a JSON object")
    if response.get("SchemaVersion") != SCHEMA_VERSION:
        raise InvalidResponse(
            "InvalidSchemaVersion",
            "The schema version in the invocation request does not match the schema version "
            f"in the response: expected {SCHEMA_VERSION!r}, got "
            f"{response.get('SchemaVersion')!r}",
        )
    return Response(
        _actions(response.get("Actions")), _attributes(response.get("TransactionAttributes"))
    )
