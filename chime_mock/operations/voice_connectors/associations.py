"""Associate/DisassociatePhoneNumbers with a Voice Connector or a Voice Connector group: one
handler of each kind per target, the rules in backend/associations.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chime_mock.backend import associations
from chime_mock.backend.store import Inventory
from chime_mock.backend.voice_connectors import connectors
from chime_mock.errors import bad_request
from chime_mock.operations import VOICE, Call, Handler, handles


def _numbers(params: dict[str, Any]) -> list[str]:
    if not params["E164PhoneNumbers"]:  # An empty batch is a mistake
        raise bad_request("E164PhoneNumbers must list at least one phone number")
    return list(params["E164PhoneNumbers"])


def _serve(
    kind: str,
    id_member: str,
    find: Callable[[Inventory, str], object],
    associate: str,
    disassociate: str,
) -> None:
    """Register the two handlers of one kind of target (`kind`, an association name), found by
    the request member `id_member` (NotFoundException for the whole call when absent)."""

    def target(call: Call, params: dict[str, Any]) -> associations.Target:
        find(call.inventory, params[id_member])
        return kind, params[id_member]

    def attach(call: Call, params: dict[str, Any]) -> dict[str, Any]:
        errors = associations.associate(
            call.inventory,
            target(call, params),
            _numbers(params),
            bool(params.get("ForceAssociate")),
            call.now,
        )
        return {"PhoneNumberErrors": errors}

    def detach(call: Call, params: dict[str, Any]) -> dict[str, Any]:
        errors = associations.disassociate(
            call.inventory, target(call, params), _numbers(params), call.now
        )
        return {"PhoneNumberErrors": errors}

    handler: Handler
    for name, handler in ((associate, attach), (disassociate, detach)):
        handles(name, services=VOICE)(handler)


_serve(
    associations.VOICE_CONNECTOR,
    "VoiceConnectorId",
    connectors.connector,
    "AssociatePhoneNumbersWithVoiceConnector",
    "DisassociatePhoneNumbersFromVoiceConnector",
)
_serve(
    associations.VOICE_CONNECTOR_GROUP,
    "VoiceConnectorGroupId",
    connectors.group,
    "AssociatePhoneNumbersWithVoiceConnectorGroup",
    "DisassociatePhoneNumbersFromVoiceConnectorGroup",
)
