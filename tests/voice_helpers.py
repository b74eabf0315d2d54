"""Helpers for the tests of Chime SDK Voice's resource families: connectors, configured
connectors, ordered numbers of each product type."""

from __future__ import annotations

from typing import Any

from tests.conftest import order_numbers

CIDR = "203.0.113.0/27"


def connector(voice: Any, name: str = "trunk", **extra: Any) -> dict[str, Any]:
    created = voice.create_voice_connector(Name=name, RequireEncryption=True, **extra)
    return created["VoiceConnector"]  # type: ignore[no-any-return]


def group(voice: Any, *connector_ids: str, name: str = "failover") -> dict[str, Any]:
    items = [{"VoiceConnectorId": c, "Priority": p} for p, c in enumerate(connector_ids, 1)]
    created = voice.create_voice_connector_group(Name=name, VoiceConnectorItems=items)
    return created["VoiceConnectorGroup"]  # type: ignore[no-any-return]


def numbers(voice: Any, *e164s: str, product_type: str = "VoiceConnector") -> list[str]:
    """Order numbers (acquired at once with the default processing delay)."""
    order_numbers(voice, *e164s, ProductType=product_type)
    return list(e164s)


def terminate_and_originate(voice: Any, connector_id: str) -> None:
    """The termination and origination emergency calling needs, both enabled."""
    voice.put_voice_connector_termination(
        VoiceConnectorId=connector_id,
        Termination={"CallingRegions": ["US"], "CidrAllowedList": [CIDR], "Disabled": False},
    )
    voice.put_voice_connector_origination(
        VoiceConnectorId=connector_id,
        Origination={
            "Routes": [{"Host": "198.51.100.10", "Priority": 1, "Weight": 1}],
            "Disabled": False,
        },
    )


def phone_number(voice: Any, e164: str) -> dict[str, Any]:
    return voice.get_phone_number(PhoneNumberId=e164)["PhoneNumber"]  # type: ignore[no-any-return]
