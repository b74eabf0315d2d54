"""GetPhoneNumberSettings, UpdatePhoneNumberSettings: the account's default calling name."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory, update_settings
from chime_mock.operations import Call, handles


@handles("GetPhoneNumberSettings")
def get_phone_number_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    settings = PhoneNumberInventory.of(call.inventory).settings
    if settings is None:  # never set: nothing to show
        return {}
    return {
        "CallingName": settings.calling_name,
        "CallingNameUpdatedTimestamp": settings.updated,
    }


@handles("UpdatePhoneNumberSettings")
def update_phone_number_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    update_settings(call.backend, call.scope, params["CallingName"], call.now)
    return {}
