"""CreateSipMediaApplicationCall and UpdateSipMediaApplicationCall."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.sip import sip_media_application_calls
from chime_mock.operations import VOICE, Call, handles


@handles("CreateSipMediaApplicationCall", services=VOICE)
def create_sip_media_application_call(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    placed = sip_media_application_calls.create_call(
        call.inventory,
        params["SipMediaApplicationId"],
        params,
        call.backend.quotas,
        call.backend.next_seq(),
        call.now,
    )
    return {"SipMediaApplicationCall": {"TransactionId": placed.transaction_id}}


@handles("UpdateSipMediaApplicationCall", services=VOICE)
def update_sip_media_application_call(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    placed = sip_media_application_calls.update_call(
        call.inventory,
        params["SipMediaApplicationId"],
        params["TransactionId"],
        params["Arguments"],
        call.now,
    )
    return {"SipMediaApplicationCall": {"TransactionId": placed.transaction_id}}
