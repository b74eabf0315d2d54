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
import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import botocore.model

from chime_mock.backend import Backend, Scope, families
from chime_mock.backend.paging import Ordered, PageTokens
from chime_mock.backend.store import Inventory
from chime_mock.defaults import CHIME, CHIME_SDK_VOICE


@dataclass(eq=False, repr=False)  # one per request: never compared or shown
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
        self,
        records: Mapping[str, Any] | Ordered[Any],
        params: dict[str, Any],
        default: int | None = None,
    ) -> tuple[list[Any], str | None]:
        """One page of `records` (by ID, oldest first, each with a `seq`; or a Listing's
        `where(...)`) for this list operation's MaxResults (else the `default` page size AWS
        documents for it) and NextToken; the token of the next page, if any."""
        tokens = self.inventory.pages.setdefault(self.operation.name, PageTokens())
        return tokens.page(
            # A Listing seeks to the token's place itself: the page costs the page.
            records if isinstance(records, Ordered) else list(records.values()),
            lambda record: int(record.seq),
            self.page_size(params, default),
            params.get("NextToken"),
        )

    def page_size(self, params: dict[str, Any], default: int | None = None) -> int:
        """MaxResults, else the `default` AWS documents for the operation, else the model's
        largest allowed value."""
        if params.get("MaxResults") is not None:
            return int(params["MaxResults"])
        if default is not None:
            return default
        limit = self.operation.input_shape.members["MaxResults"].metadata.get("max", 100)
        return int(limit)


Handler = Callable[[Call, dict[str, Any]], dict[str, Any]]
BOTH = (CHIME, CHIME_SDK_VOICE)
VOICE = (CHIME_SDK_VOICE,)
LEGACY = (CHIME,)  # what only legacy Chime has: its accounts, users, bots, rooms, ...
# service -> operation name -> its handler, as registered so far.
_REGISTERED: dict[str, dict[str, Handler]] = {CHIME: {}, CHIME_SDK_VOICE: {}}
# The operation modules of the resource families, imported at the first call none of the phone
# numbers' handlers answers: a process that only orders numbers never loads them.
_FAMILY_MODULES = (
    "configurations",
    "tags",
    "voice_connectors",
    "sip",
    "analytics",
    "legacy",
)
_families_loaded = False


def handles(
    operation_name: str, *, services: tuple[str, ...] = BOTH
) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of the model operation `operation_name`
    of each of `services`."""

    def register(handler: Handler) -> Handler:
        for service in services:
            _REGISTERED[service][operation_name] = handler
        return handler

    return register


def load_families() -> None:
    """Import every resource family's operations (and so its backend): idempotent."""
    global _families_loaded
    if not _families_loaded:
        for name in _FAMILY_MODULES:
            importlib.import_module(f"chime_mock.operations.{name}")
        families.load_all()
        _families_loaded = True


def handler(service: str, operation_name: str) -> Handler | None:
    """The handler of `operation_name` of `service`, or None when chime_mock has none."""
    found = _REGISTERED[service].get(operation_name)
    if found is None and not _families_loaded:
        load_families()
        found = _REGISTERED[service].get(operation_name)
    return found


def mocked(service: str) -> dict[str, Handler]:
    """Every operation of `service` chime_mock answers -> its handler, every family loaded."""
    load_families()
    return _REGISTERED[service]


class _Handlers(Mapping[str, dict[str, Handler]]):
    """Operation name -> the services that answer it -> their handlers, every family loaded:
    the whole registry at a glance (`"CreateVoiceConnector" in HANDLERS`), for tests, docs and
    tooling. The dispatcher asks `handler`; per service, `mocked(service)`."""

    def _all(self) -> dict[str, dict[str, Handler]]:
        load_families()
        found: dict[str, dict[str, Handler]] = {}
        for service, handlers in _REGISTERED.items():
            for name, registered in handlers.items():
                found.setdefault(name, {})[service] = registered
        return found

    def __getitem__(self, operation_name: str) -> dict[str, Handler]:
        return self._all()[operation_name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


HANDLERS: Mapping[str, dict[str, Handler]] = _Handlers()


# The phone numbers' handlers (operations/phone_numbers/), imported for their registrations.
from chime_mock.operations import phone_numbers  # noqa: E402, F401
