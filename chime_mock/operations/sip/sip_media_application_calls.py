"""CreateSipMediaApplicationCall and UpdateSipMediaApplicationCall."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.sip import phone_calls, sip_media_application_calls
from chime_mock.backend.sip.sip_media_applications import application
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
    # With the application's Lambda connected, the call runs before the 202 is answered.
    phone_calls.place(
        call.backend,
        call.inventory,
        placed,
        application(call.inventory, placed.sip_media_application_id),
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
    phone_calls.update(call.backend, placed, params["Arguments"], call.now)
    return {"SipMediaApplicationCall": {"TransactionId": placed.transaction_id}}
