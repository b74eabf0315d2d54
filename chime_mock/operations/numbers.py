"""GetPhoneNumber."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.phone_numbers import canonical_id
from chime_mock.errors import not_found
from chime_mock.operations import Call, handles
from chime_mock.operations.views import number_view


@handles("GetPhoneNumber")
def get_phone_number(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    number = call.inventory.numbers.get(canonical_id(params["PhoneNumberId"]))
    if number is not None:
        return {"PhoneNumber": number_view(number)}
    raise not_found(f"Phone number {params['PhoneNumberId']} not found")
