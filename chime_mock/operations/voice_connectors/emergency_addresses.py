"""ValidateE911Address."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.voice_connectors import emergency_addresses
from chime_mock.operations import VOICE, Call, handles


@handles("ValidateE911Address", services=VOICE)
def validate_e911_address(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return emergency_addresses.validate(params)
