"""Message redaction (legacy Chime): RedactConversationMessage and RedactRoomMessage.

No operation of the API creates or reads messages, so the fake keeps no messages: it accepts any
message ID of an existing room (any conversation ID: nothing creates conversations either) and
records what was redacted, once, for tests to read. docs/behaviour.md, "Legacy Amazon Chime".
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import ClassVar

from chime_mock.backend.families import Family, family
from chime_mock.backend.legacy import accounts, rooms
from chime_mock.backend.paging import Indexes, Listing
from chime_mock.backend.store import Inventory

ROOM = "Room"
CONVERSATION = "Conversation"


@dataclass
class RedactedMessage:
    account_id: str
    kind: str  # Room or Conversation
    container_id: str  # the room's or the conversation's ID
    message_id: str
    redacted: _dt.datetime
    seq: int


class RedactedMessages(Listing[RedactedMessage]):
    indexes: ClassVar[Indexes] = {"account_id": lambda account_id: (account_id,)}


@family
@dataclass
class ChimeRedactions(Family):
    key = "ChimeRedactedMessages"

    # By "<account> <kind> <room or conversation> <message>": redacting twice records once.
    messages: RedactedMessages = field(default_factory=RedactedMessages)

    def records(self) -> dict[str, list[object]]:
        return {"RedactedMessages": list(self.messages.values())}


def of(inventory: Inventory, *, create: bool = False) -> ChimeRedactions:
    return inventory.family(ChimeRedactions, create=create)


def redact(
    inventory: Inventory,
    account_id: str,
    kind: str,
    container_id: str,
    message_id: str,
    seq: int,
    now: _dt.datetime,
) -> None:
    """Record the redaction; the room must exist in the account (a conversation need not)."""
    if kind == ROOM:
        rooms.room(inventory, account_id, container_id)
    else:
        accounts.account(inventory, account_id)
    key = f"{account_id} {kind} {container_id} {message_id}"
    messages = of(inventory, create=True).messages
    if key not in messages:
        messages[key] = RedactedMessage(account_id, kind, container_id, message_id, now, seq)


@accounts.remover
def _remove(inventory: Inventory, account_id: str, now: _dt.datetime) -> None:
    messages = of(inventory).messages
    for found in list(messages.where(account_id=account_id).after(-1)):
        del messages[f"{account_id} {found.kind} {found.container_id} {found.message_id}"]
