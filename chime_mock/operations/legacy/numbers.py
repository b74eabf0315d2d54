"""AssociatePhoneNumberWithUser and DisassociatePhoneNumberFromUser (legacy Chime): the Business
Calling numbers users hold. The rules are in backend/legacy/numbers.py and
backend/associations.py."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.legacy import numbers
from chime_mock.operations import LEGACY, Call, handles


@handles("AssociatePhoneNumberWithUser", services=LEGACY)
def associate_phone_number_with_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    numbers.associate(
        call.inventory, params["AccountId"], params["UserId"], params["E164PhoneNumber"], call.now
    )
    return {}


@handles("DisassociatePhoneNumberFromUser", services=LEGACY)
def disassociate_phone_number_from_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    numbers.disassociate(call.inventory, params["AccountId"], params["UserId"], call.now)
    return {}
