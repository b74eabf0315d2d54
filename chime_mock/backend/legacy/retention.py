"""Retention settings of Amazon Chime Enterprise accounts (legacy Chime): how many days room and
conversation messages are kept (Get/PutRetentionSettings). docs/behaviour.md, "Legacy Amazon
Chime", has the rules AWS does not publish.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chime_mock.backend.families import Family, family
from chime_mock.backend.legacy import accounts
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request

# After a change, an administrator can still undo it for 30 days; then messages past the period
# are deleted for good (the admin guide): InitiateDeletionTimestamp.
GRACE_PERIOD = _dt.timedelta(days=30)
# RetentionSettings' members -> the field that keeps each kind's period.
KINDS = {
    "RoomRetentionSettings": "room_days",
    "ConversationRetentionSettings": "conversation_days",
}


@dataclass
class Retention:
    """One account's retention periods, in days; None: that kind is off."""

    account_id: str
    put: _dt.datetime  # the last PutRetentionSettings
    room_days: int | None = None
    conversation_days: int | None = None

    @property
    def on(self) -> bool:
        return self.room_days is not None or self.conversation_days is not None

    @property
    def initiate_deletion(self) -> _dt.datetime:
        return self.put + GRACE_PERIOD


@family
@dataclass
class ChimeRetention(Family):
    key = "ChimeRetentionSettings"

    # By account ID.
    settings: dict[str, Retention] = field(default_factory=dict)

    def records(self) -> dict[str, list[object]]:
        return {"RetentionSettings": list(self.settings.values())}


def of(inventory: Inventory, *, create: bool = False) -> ChimeRetention:
    return inventory.family(ChimeRetention, create=create)


def get(inventory: Inventory, account_id: str) -> Retention | None:
    """The account's settings, None when no kind has ever been set."""
    accounts.enterprise_account(inventory, account_id)
    return of(inventory).settings.get(account_id)


def put(
    inventory: Inventory, account_id: str, settings: Mapping[str, Any], now: _dt.datetime
) -> Retention:
    """Per kind: RetentionDays sets its period, a sub-object without it turns the kind off, an
    absent sub-object leaves it as it is."""
    accounts.enterprise_account(inventory, account_id)
    given = {member: settings[member] for member in KINDS if settings.get(member) is not None}
    if not given:
        raise bad_request(
            "RetentionSettings must have RoomRetentionSettings or ConversationRetentionSettings"
        )
    family_ = of(inventory, create=True)
    found = family_.settings.get(account_id)
    if found is None:
        found = family_.settings[account_id] = Retention(account_id, now)
    for member, kind in given.items():
        setattr(found, KINDS[member], kind.get("RetentionDays"))
    found.put = now
    return found


@accounts.remover
def _remove(inventory: Inventory, account_id: str, now: _dt.datetime) -> None:
    of(inventory).settings.pop(account_id, None)
