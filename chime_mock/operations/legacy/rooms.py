"""Chat rooms of Amazon Chime Enterprise accounts (legacy Chime) and their memberships. The
rules are in backend/legacy/rooms.py and backend/legacy/memberships.py."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.legacy import memberships, rooms
from chime_mock.backend.legacy.rooms import Room, RoomMembership
from chime_mock.operations import LEGACY, Call, handles
from chime_mock.operations.legacy.views import room_membership_view, room_view


@handles("CreateRoom", services=LEGACY)
def create_room(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    room = rooms.create_room(
        call.inventory,
        params["AccountId"],
        params["Name"],
        params.get("ClientRequestToken"),
        call.backend.quotas,
        call.backend.next_seq(),
        call.now,
    )
    return {"Room": room_view(room)}


@handles("GetRoom", services=LEGACY)
def get_room(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {"Room": room_view(rooms.room(call.inventory, params["AccountId"], params["RoomId"]))}


@handles("ListRooms", services=LEGACY)
def list_rooms(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    listed = rooms.listed(call.inventory, params["AccountId"], params.get("MemberId"))
    found, token = call.page(listed, params)  # AWS documents no default: the model's largest
    return {"Rooms": [room_view(room) for room in found], "NextToken": token}


@handles("UpdateRoom", services=LEGACY)
def update_room(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    room = rooms.update_room(
        call.inventory, params["AccountId"], params["RoomId"], params.get("Name"), call.now
    )
    return {"Room": room_view(room)}


@handles("DeleteRoom", services=LEGACY)
def delete_room(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    rooms.delete_room(call.inventory, params["AccountId"], params["RoomId"])
    return {}


def _membership(call: Call, params: dict[str, Any], membership: RoomMembership) -> dict[str, Any]:
    room: Room = rooms.room(call.inventory, params["AccountId"], params["RoomId"])
    refreshed = memberships.refreshed(call.inventory, membership)
    return {"RoomMembership": room_membership_view(room, refreshed)}


@handles("CreateRoomMembership", services=LEGACY)
def create_room_membership(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    membership = memberships.create(
        call.inventory,
        params["AccountId"],
        params["RoomId"],
        params["MemberId"],
        params.get("Role"),
        call.backend.quotas,
        call.backend.next_seq(),
        call.now,
    )
    return _membership(call, params, membership)


@handles("BatchCreateRoomMembership", services=LEGACY)
def batch_create_room_membership(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    errors = memberships.batch_create(
        call.inventory,
        params["AccountId"],
        params["RoomId"],
        params["MembershipItemList"],
        call.backend.quotas,
        call.backend.next_seq,
        call.now,
    )
    return {"Errors": errors}


@handles("ListRoomMemberships", services=LEGACY)
def list_room_memberships(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    room = rooms.room(call.inventory, params["AccountId"], params["RoomId"])
    found, token = call.page(room.memberships, params)
    return {
        "RoomMemberships": [
            room_membership_view(room, memberships.refreshed(call.inventory, membership))
            for membership in found
        ],
        "NextToken": token,
    }


@handles("UpdateRoomMembership", services=LEGACY)
def update_room_membership(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    membership = memberships.update(
        call.inventory,
        params["AccountId"],
        params["RoomId"],
        params["MemberId"],
        params.get("Role"),
        call.now,
    )
    return _membership(call, params, membership)


@handles("DeleteRoomMembership", services=LEGACY)
def delete_room_membership(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    memberships.delete(call.inventory, params["AccountId"], params["RoomId"], params["MemberId"])
    return {}
