"""ListSupportedPhoneNumberCountries."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.phone_numbers.countries import supported_countries
from chime_mock.operations import Call, handles


@handles("ListSupportedPhoneNumberCountries")
def list_supported_phone_number_countries(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {
        "PhoneNumberCountries": [
            {"CountryCode": country, "SupportedPhoneNumberTypes": list(types)}
            for country, types in supported_countries(params["ProductType"])
        ]
    }
