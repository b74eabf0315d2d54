"""Who is in a chat room (legacy Chime): Create, BatchCreate, List, Update and Delete room
memberships. A member is a user or a bot of the room's own account; docs/behaviour.md, "Legacy
Amazon Chime", has the rules AWS does not publish.

Memberships are kept by their room (backend/legacy/rooms.py), which is refiled under its
members' IDs whenever they change.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from chime_mock.backend.legacy import bots, rooms, users
from chime_mock.backend.legacy.rooms import Room, RoomMembership
from chime_mock.backend.paging import Ordered
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.errors import ServiceError, bad_request, conflict, not_found

USER = "User"
BOT = "Bot"
MEMBER = "Member"


def _member(
    inventory: Inventory, account_id: str, member_id: str
) -> tuple[str, str | None, str | None]:
    """(MemberType, Email, FullName) of a user or bot of the account that may join a room, or
    the error why it may not."""
    user = users.of(inventory).users.get(member_id)
    if user is not None and user.account_id == account_id:
        if user.registration_status == users.SUSPENDED:
            raise bad_request(f"User {member_id} is suspended and cannot join a room")
        return USER, user.email, user.display_name
    bot = bots.of(inventory).bots.get(member_id)
    if bot is not None and bot.account_id == account_id:
        if bot.disabled:
            raise bad_request(
                f"Bot {member_id} is stopped; start it (UpdateBot Disabled=false) to add it"
            )
        if bot.events_configuration is None:
            raise bad_request(
                f"Bot {member_id} has no events configuration; put one "
                "(PutEventsConfiguration) before adding it to a room"
            )
        return BOT, bot.bot_email, bot.display_name
    raise not_found(f"Member {member_id} is not a user or bot of account {account_id}")


def refreshed(inventory: Inventory, membership: RoomMembership) -> RoomMembership:
    """The membership with its member's current email and name (a user may have registered,
    giving a name, since being added)."""
    if membership.member_type == USER:
        user = users.of(inventory).users.get(membership.member_id)
        if user is not None:
            membership.email, membership.full_name = user.email, user.display_name
    return membership


def _add(
    inventory: Inventory,
    found: Room,
    member_id: str,
    role: str | None,
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
    *,
    again: str,
) -> RoomMembership:
    """Add `member_id` to the room. A member already there: `again` says what happens,
    "conflict" (CreateRoomMembership) or "update" (BatchCreateRoomMembership sets the role)."""
    member_type, email, full_name = _member(inventory, found.account_id, member_id)
    existing = found.memberships.get(member_id)
    if existing is not None:
        if again == "conflict":
            raise conflict(f"{member_id} is already a member of room {found.room_id}")
        if role is not None:
            existing.role = role
        existing.updated = now
        return existing
    family_ = rooms.of(inventory)
    quotas.check(
        "memberships_per_room",
        len(found.memberships),
        what=f"members of room {found.room_id}",
    )
    quotas.check(
        "rooms_per_member",
        family_.rooms.count("memberships", member_id),
        what=f"rooms of member {member_id}",
    )
    membership = RoomMembership(
        member_id=member_id,
        member_type=member_type,
        role=role or MEMBER,
        invited_by=rooms.caller_arn(inventory.scope.account),
        updated=now,
        seq=seq,
        email=email,
        full_name=full_name,
    )
    found.memberships[member_id] = membership
    family_.rooms.reindex(found)
    return membership


def create(
    inventory: Inventory,
    account_id: str,
    room_id: str,
    member_id: str,
    role: str | None,
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> RoomMembership:
    found = rooms.room(inventory, account_id, room_id)
    return _add(inventory, found, member_id, role, quotas, seq, now, again="conflict")


def batch_create(
    inventory: Inventory,
    account_id: str,
    room_id: str,
    items: list[dict[str, Any]],
    quotas: Quotas,
    seq: Callable[[], int],
    now: _dt.datetime,
) -> list[dict[str, Any]]:
    """Add each item's member in turn; the MemberErrors of the ones that could not be added.
    A member already in the room takes the item's role, without an error."""
    found = rooms.room(inventory, account_id, room_id)
    errors: list[dict[str, Any]] = []
    for item in items:
        member_id = item.get("MemberId")
        try:
            if member_id is None:
                raise bad_request("MemberId is required in every MembershipItemList item")
            _add(inventory, found, member_id, item.get("Role"), quotas, seq(), now, again="update")
        except ServiceError as error:
            errors.append(
                {
                    "MemberId": member_id,
                    "ErrorCode": error.code.removesuffix("Exception"),
                    "ErrorMessage": error.message,
                }
            )
    return errors


def membership(inventory: Inventory, found: Room, member_id: str) -> RoomMembership:
    existing = found.memberships.get(member_id)
    if existing is None:
        raise not_found(f"{member_id} is not a member of room {found.room_id}")
    return existing


def listed(inventory: Inventory, account_id: str, room_id: str) -> Ordered[RoomMembership]:
    """The room's memberships, in the order the members were added."""
    return rooms.room(inventory, account_id, room_id).memberships


def update(
    inventory: Inventory,
    account_id: str,
    room_id: str,
    member_id: str,
    role: str | None,
    now: _dt.datetime,
) -> RoomMembership:
    """Change a user's role (a bot's cannot be changed); without Role nothing changes."""
    existing = membership(inventory, rooms.room(inventory, account_id, room_id), member_id)
    if existing.member_type != USER:
        raise bad_request(f"{member_id} is a {existing.member_type}: only a user's role can change")
    if role is not None:
        existing.role, existing.updated = role, now
    return existing


def delete(inventory: Inventory, account_id: str, room_id: str, member_id: str) -> None:
    """Remove the member (the last Administrator too: that rule is the Chime app's)."""
    found = rooms.room(inventory, account_id, room_id)
    membership(inventory, found, member_id)
    del found.memberships[member_id]
    rooms.of(inventory).rooms.reindex(found)
