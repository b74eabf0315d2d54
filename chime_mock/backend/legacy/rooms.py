"""Chat rooms of Amazon Chime Enterprise accounts (legacy Chime): CreateRoom (idempotent by
ClientRequestToken), Get, List (by member), Update, Delete. docs/behaviour.md, "Legacy Amazon
Chime", has the rules AWS does not publish.

A room keeps its memberships (backend/legacy/memberships.py changes them), so they die with it;
the rooms are indexed by the IDs of their members, so ListRooms' member filter pages at the cost
of the page.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import ClassVar

from chime_mock.backend import ids
from chime_mock.backend.families import Family, family
from chime_mock.backend.legacy import accounts
from chime_mock.backend.paging import Indexes, Listing, Ordered
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request, not_found

# How long CreateRoom remembers a ClientRequestToken (AWS's usual idempotency window).
TOKEN_LIFETIME = _dt.timedelta(hours=24)


def caller_arn(aws_account_id: str) -> str:
    """Who created a room or invited a member: the caller's IAM ARN, which the fake does not
    know (requests are not authenticated), so a fixed user of the caller's AWS account."""
    return f"arn:aws:iam::{aws_account_id}:user/chime-mock"


@dataclass
class RoomMembership:
    member_id: str  # a user's or a bot's ID
    member_type: str  # MemberType: User, Bot (Webhook: only the Chime app adds those)
    role: str  # RoomMembershipRole: Administrator, Member
    invited_by: str
    updated: _dt.datetime
    seq: int
    # The member as it was last read: a user's or bot's email and name, shown with the
    # membership (refreshed whenever the membership is read through the API).
    email: str | None = None
    full_name: str | None = None


@dataclass
class Room:
    room_id: str
    account_id: str
    name: str
    created_by: str
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    # By member ID, in the order they were added.
    memberships: Listing[RoomMembership] = field(default_factory=Listing)


class Rooms(Listing[Room]):
    indexes: ClassVar[Indexes] = {
        "account_id": lambda account_id: (account_id,),
        # A room is filed under each member's ID: refile it (`reindex`) when they change.
        "memberships": lambda memberships: memberships.keys(),
    }


@dataclass
class RoomRequest:
    """A ClientRequestToken CreateRoom has seen: the room it made and the name it was for."""

    room_id: str
    name: str
    at: _dt.datetime


@family
@dataclass
class ChimeRooms(Family):
    key = "ChimeRooms"

    rooms: Rooms = field(default_factory=Rooms)
    # "<account ID> <ClientRequestToken>" -> what that request made.
    requests: dict[str, RoomRequest] = field(default_factory=dict)

    def records(self) -> dict[str, list[object]]:
        return {"Rooms": list(self.rooms.values())}


def of(inventory: Inventory, *, create: bool = False) -> ChimeRooms:
    return inventory.family(ChimeRooms, create=create)


def room(inventory: Inventory, account_id: str, room_id: str) -> Room:
    """The room of that Enterprise account, or NotFoundException."""
    accounts.enterprise_account(inventory, account_id)
    found = of(inventory).rooms.get(room_id)
    if found is None or found.account_id != account_id:
        raise not_found(f"Room {room_id} not found in account {account_id}")
    return found


def listed(inventory: Inventory, account_id: str, member_id: str | None) -> Ordered[Room]:
    """ListRooms' rooms, oldest first; only the rooms `member_id` is in when given (none for an
    ID that is nobody's)."""
    accounts.enterprise_account(inventory, account_id)
    return of(inventory).rooms.where(account_id=account_id, memberships=member_id)


def create_room(
    inventory: Inventory,
    account_id: str,
    name: str,
    token: str | None,
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> Room:
    """A new room with no members; the same ClientRequestToken and Name within 24 hours gives
    the room the first request made."""
    found = accounts.enterprise_account(inventory, account_id)
    if not name.strip():
        raise bad_request("Name must contain a character other than a space")
    family_ = of(inventory)
    key = f"{account_id} {token}"
    earlier = family_.requests.get(key) if token is not None else None
    if earlier is not None and now - earlier.at < TOKEN_LIFETIME:
        made = family_.rooms.get(earlier.room_id)
        if earlier.name != name:
            raise bad_request(
                f"ClientRequestToken {token} was used for a room named {earlier.name!r}; use a "
                "new token for another room"
            )
        if made is not None:
            return made
    used = family_.rooms.count("account_id", account_id)
    quotas.check("rooms", used, what=f"rooms in account {account_id}")
    record = Room(
        room_id=ids.guid(),
        account_id=account_id,
        name=name,
        created_by=caller_arn(found.aws_account_id),
        created=now,
        updated=now,
        seq=seq,
    )
    family_ = of(inventory, create=True)
    family_.rooms[record.room_id] = record
    if token is not None:
        _forget_old_requests(family_, now)
        family_.requests.pop(key, None)  # a token used again goes last, with the newest
        family_.requests[key] = RoomRequest(record.room_id, name, now)
    return record


def _forget_old_requests(family_: ChimeRooms, now: _dt.datetime) -> None:
    """Drop the tokens past their lifetime, so a long-running mock does not grow with them (the
    oldest come first: a dict keeps insertion order)."""
    requests = family_.requests
    for key, earlier in list(requests.items()):
        if now - earlier.at < TOKEN_LIFETIME:
            break
        del requests[key]


def update_room(
    inventory: Inventory, account_id: str, room_id: str, name: str | None, now: _dt.datetime
) -> Room:
    """Rename the room; without Name nothing changes."""
    found = room(inventory, account_id, room_id)
    if name is not None:
        if not name.strip():
            raise bad_request("Name must contain a character other than a space")
        found.name, found.updated = name, now
    return found


def delete_room(inventory: Inventory, account_id: str, room_id: str) -> None:
    """Delete the room with its memberships, members or not."""
    found = room(inventory, account_id, room_id)
    del of(inventory).rooms[found.room_id]


@accounts.remover
def _remove(inventory: Inventory, account_id: str, now: _dt.datetime) -> None:
    family_ = of(inventory)
    for found in list(family_.rooms.where(account_id=account_id).after(-1)):
        del family_.rooms[found.room_id]
    for key in [key for key in family_.requests if key.startswith(f"{account_id} ")]:
        del family_.requests[key]
