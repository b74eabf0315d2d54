"""CreateMeetingDialOut (legacy Chime). The rules are in backend/legacy/dial_outs.py."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.legacy import dial_outs
from chime_mock.operations import LEGACY, Call, handles


@handles("CreateMeetingDialOut", services=LEGACY)
def create_meeting_dial_out(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    account = call.scope.account
    # The caller's numbers: legacy Chime's inventory, then Chime SDK Voice's in every Region.
    callers = [call.inventory] + [
        inventory
        for inventory in call.backend.inventories()
        if inventory.scope.account == account and inventory is not call.inventory
    ]
    record = dial_outs.dial_out(
        call.inventory,
        callers,
        params["MeetingId"],
        params["FromPhoneNumber"],
        params["ToPhoneNumber"],
        call.backend.next_seq(),
        call.now,
    )
    return {"TransactionId": record.transaction_id}
