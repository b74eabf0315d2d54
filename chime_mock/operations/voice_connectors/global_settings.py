"""GetGlobalSettings, UpdateGlobalSettings: the account's CDR buckets, per service. The two
models give the operations other members (legacy Chime adds BusinessCalling); each is answered
with the members of the calling service's model."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.store import Inventory, Scope
from chime_mock.backend.voice_connectors import global_settings
from chime_mock.backend.voice_connectors.global_settings import GlobalSettings
from chime_mock.operations import Call, handles

# Model member -> the GlobalSettings field that keeps it.
_MEMBERS = {"VoiceConnector": "voice_connector", "BusinessCalling": "business_calling"}


def _settings(call: Call, *, create: bool = False) -> GlobalSettings:
    scope = call.scope
    account: Inventory = call.backend.inventory(Scope(scope.service, scope.account, None))
    return account.family(GlobalSettings, create=create)


@handles("GetGlobalSettings")
def get_global_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    settings = _settings(call)
    return {
        member: dict(getattr(settings, name))
        for member, name in _MEMBERS.items()
        if member in call.operation.output_shape.members
    }


@handles("UpdateGlobalSettings")
def update_global_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    """Each member given replaces its settings (`{}` clears them); the others stay."""
    given = {
        name: global_settings.checked(member, params[member])
        for member, name in _MEMBERS.items()
        if params.get(member) is not None
    }  # all checked before any is kept: a rejected request changes nothing
    settings = _settings(call, create=bool(given))
    for name, document in given.items():
        setattr(settings, name, document)
    return {}
