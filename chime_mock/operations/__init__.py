"""One handler per operation: parsed, validated parameters in, an output dict out.

Handlers speak the model's member names and call the backend; the protocol layer does all the
HTTP. A handler serves both services where they share an operation; `call.scope.service` says
which one asked. An output is a fresh tree sharing nothing with records (views.py), because the
serializer keeps the last one to compare with. Register a new handler with
`@handles("OperationName")` in a module imported below.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import botocore.model

from chime_mock.backend import Backend, Scope
from chime_mock.backend.store import Inventory


@dataclass
class Call:
    """What a handler is given besides its parameters: the fake, who calls, when, and what."""

    backend: Backend
    scope: Scope
    now: _dt.datetime
    operation: botocore.model.OperationModel

    @property
    def inventory(self) -> Inventory:
        return self.backend.inventory(self.scope)

    def page_size(self, params: dict[str, Any]) -> int:
        """MaxResults, or the model's largest allowed value (AWS publishes no default)."""
        if params.get("MaxResults") is not None:
            return int(params["MaxResults"])
        limit = self.operation.input_shape.members["MaxResults"].metadata.get("max", 100)
        return int(limit)


Handler = Callable[[Call, dict[str, Any]], dict[str, Any]]
HANDLERS: dict[str, Handler] = {}


def handles(operation_name: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of the model operation `operation_name`."""

    def register(handler: Handler) -> Handler:
        HANDLERS[operation_name] = handler
        return handler

    return register


# Imported for their registrations.
from chime_mock.operations import (  # noqa: E402, F401
    countries,
    inventory,
    numbers,
    orders,
    search,
    settings,
)
