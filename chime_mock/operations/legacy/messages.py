"""Retention settings and message redaction (legacy Chime): what happens to an Enterprise
account's chat messages. The rules are in backend/legacy/retention.py and redaction.py."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.legacy import redaction, retention
from chime_mock.operations import LEGACY, Call, handles
from chime_mock.operations.legacy.views import retention_view


@handles("GetRetentionSettings", services=LEGACY)
def get_retention_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    found = retention.get(call.inventory, params["AccountId"])
    return {} if found is None else retention_view(found)


@handles("PutRetentionSettings", services=LEGACY)
def put_retention_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    found = retention.put(
        call.inventory, params["AccountId"], params["RetentionSettings"], call.now
    )
    # A 204: clients drop any body, but the model names these members.
    return retention_view(found)


@handles("RedactRoomMessage", services=LEGACY)
def redact_room_message(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    redaction.redact(
        call.inventory,
        params["AccountId"],
        redaction.ROOM,
        params["RoomId"],
        params["MessageId"],
        call.backend.next_seq(),
        call.now,
    )
    return {}


@handles("RedactConversationMessage", services=LEGACY)
def redact_conversation_message(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    redaction.redact(
        call.inventory,
        params["AccountId"],
        redaction.CONVERSATION,
        params["ConversationId"],
        params["MessageId"],
        call.backend.next_seq(),
        call.now,
    )
    return {}
