"""One handler per operation: parsed, validated parameters in, an output dict out.

Handlers speak the model's member names and call the backend; the protocol layer does all the
HTTP. An output is a fresh tree sharing nothing with records (views.py), because the serializer
keeps the last one to compare with. Register a new handler with `@handles("OperationName")` in a
module imported below.

Handlers are registered per service. A phone-number handler serves both services
(`call.scope.service` says which one asked); everything else is Chime SDK Voice's alone
(`services=VOICE`), so an operation name legacy Chime shares with a different meaning
(GetGlobalSettings) is never answered by voice logic by accident.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import botocore.model

from chime_mock.backend import Backend, Scope
from chime_mock.backend.paging import Ordered, PageTokens
from chime_mock.backend.store import Inventory
from chime_mock.defaults import CHIME, CHIME_SDK_VOICE


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

    def page(
        self, records: Mapping[str, Any] | Ordered[Any], params: dict[str, Any]
    ) -> tuple[list[Any], str | None]:
        """One page of `records` (by ID, oldest first, each with a `seq`; or a Listing's
        `where(...)`) for this list operation's MaxResults and NextToken; the token of the
        next page, if any."""
        tokens = self.inventory.pages.setdefault(self.operation.name, PageTokens())
        return tokens.page(
            # A Listing seeks to the token's place itself: the page costs the page.
            records if isinstance(records, Ordered) else list(records.values()),
            lambda record: int(record.seq),
            self.page_size(params),
            params.get("NextToken"),
        )

    def page_size(self, params: dict[str, Any]) -> int:
        """MaxResults, or the model's largest allowed value (AWS publishes no default)."""
        if params.get("MaxResults") is not None:
            return int(params["MaxResults"])
        limit = self.operation.input_shape.members["MaxResults"].metadata.get("max", 100)
        return int(limit)


Handler = Callable[[Call, dict[str, Any]], dict[str, Any]]
# service -> operation name -> its handler.
HANDLERS: dict[str, dict[str, Handler]] = {CHIME: {}, CHIME_SDK_VOICE: {}}
BOTH = (CHIME, CHIME_SDK_VOICE)
VOICE = (CHIME_SDK_VOICE,)


def handles(
    operation_name: str, *, services: tuple[str, ...] = BOTH
) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of the model operation `operation_name`
    of each of `services`."""

    def register(handler: Handler) -> Handler:
        for service in services:
            HANDLERS[service][operation_name] = handler
        return handler

    return register


# Imported for their registrations.
from chime_mock.operations import (  # noqa: E402, F401
    associations,
    configurations,
    countries,
    emergency_addresses,
    global_settings,
    inventory,
    numbers,
    orders,
    proxy_sessions,
    search,
    settings,
    sip_media_application_calls,
    sip_media_applications,
    sip_rules,
    tags,
    voice_analytics_tasks,
    voice_connectors,
    voice_profiles,
)
