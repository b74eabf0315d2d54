"""GetPhoneNumber."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.phone_numbers.inventory import get_number
from chime_mock.operations import Call, handles
from chime_mock.operations.phone_numbers.views import number_view


@handles("GetPhoneNumber")
def get_phone_number(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {
        "PhoneNumber": number_view(get_number(call.backend, call.scope, params["PhoneNumberId"]))
    }
