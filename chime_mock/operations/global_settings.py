"""GetGlobalSettings, UpdateGlobalSettings of Chime SDK Voice (legacy Chime's operations of the
same names carry other settings, and stay unmocked there)."""

from __future__ import annotations

from typing import Any

from chime_mock.backend import global_settings
from chime_mock.backend.global_settings import GlobalSettings
from chime_mock.backend.store import Inventory, Scope
from chime_mock.operations import VOICE, Call, handles


def _settings(call: Call, *, create: bool = False) -> GlobalSettings:
    scope = call.scope
    account: Inventory = call.backend.inventory(Scope(scope.service, scope.account, None))
    return account.family(GlobalSettings, create=create)


@handles("GetGlobalSettings", services=VOICE)
def get_global_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {"VoiceConnector": dict(_settings(call).voice_connector)}


@handles("UpdateGlobalSettings", services=VOICE)
def update_global_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    document = global_settings.checked(params.get("VoiceConnector") or {})
    _settings(call, create=True).voice_connector = document
    return {}
