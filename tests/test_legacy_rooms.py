"""Chat rooms and their memberships through a real boto3 client (docs/behaviour.md, "Legacy
Amazon Chime")."""

from __future__ import annotations

import re
from typing import Any

import boto3
import pytest

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import error_of
from tests.legacy_helpers import UUID, enterprise, registered, team

LAMBDA = "arn:aws:lambda:us-east-1:111122223333:function:function-name"


@pytest.fixture
def account_id(handle: ChimeMock) -> str:
    return enterprise(handle)


def _room(chime: Any, account_id: str, name: str = "chatRoom") -> dict[str, Any]:
    return chime.create_room(AccountId=account_id, Name=name)["Room"]  # type: ignore[no-any-return]


def _ready_bot(chime: Any, account_id: str, name: str = "helper") -> str:
    bot_id = chime.create_bot(AccountId=account_id, DisplayName=name)["Bot"]["BotId"]
    chime.put_events_configuration(AccountId=account_id, BotId=bot_id, LambdaFunctionArn=LAMBDA)
    return str(bot_id)


def _members(chime: Any, account_id: str, room_id: str) -> dict[str, str]:
    listed = chime.list_room_memberships(AccountId=account_id, RoomId=room_id)
    return {m["Member"]["MemberId"]: m["Role"] for m in listed["RoomMemberships"]}


def test_a_room_is_formed_as_aws_forms_it(chime: Any, account_id: str) -> None:
    created = chime.create_room(AccountId=account_id, Name="chatRoom")
    room = created["Room"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, room["RoomId"])
    assert (room["Name"], room["AccountId"]) == ("chatRoom", account_id)
    assert room["CreatedBy"] == "arn:aws:iam::123456789012:user/chime-mock"
    assert room["CreatedTimestamp"] == room["UpdatedTimestamp"]
    assert chime.get_room(AccountId=account_id, RoomId=room["RoomId"])["Room"] == room
    assert _members(chime, account_id, room["RoomId"]) == {}


def test_rooms_are_an_enterprise_feature(chime: Any) -> None:
    account_id = team(chime)
    assert error_of(chime.list_rooms, AccountId=account_id)[0] == "ForbiddenException"
    assert error_of(chime.create_room, AccountId=account_id, Name="r")[0] == "ForbiddenException"


def test_a_client_request_token_gives_the_first_room_again(chime: Any, account_id: str) -> None:
    first = chime.create_room(AccountId=account_id, Name="chatRoom", ClientRequestToken="token-1")
    again = chime.create_room(AccountId=account_id, Name="chatRoom", ClientRequestToken="token-1")
    assert again["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert again["Room"] == first["Room"]
    code, _ = error_of(
        chime.create_room, AccountId=account_id, Name="other", ClientRequestToken="token-1"
    )
    assert code == "BadRequestException"
    assert len(chime.list_rooms(AccountId=account_id)["Rooms"]) == 1


def test_a_room_name_needs_a_character_that_is_not_a_space(chime: Any, account_id: str) -> None:
    assert error_of(chime.create_room, AccountId=account_id, Name="  ")[0] == "BadRequestException"


def test_update_room_renames_it(chime: Any, account_id: str) -> None:
    room = _room(chime, account_id)
    unchanged = chime.update_room(AccountId=account_id, RoomId=room["RoomId"])["Room"]
    assert unchanged == room
    renamed = chime.update_room(AccountId=account_id, RoomId=room["RoomId"], Name="teamRoom")
    assert renamed["Room"]["Name"] == "teamRoom"
    assert renamed["Room"]["CreatedTimestamp"] == room["CreatedTimestamp"]


def test_a_deleted_room_goes_with_its_memberships(
    handle: ChimeMock, chime: Any, account_id: str
) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    user_id = registered(handle, chime, account_id)
    chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=user_id)
    answer = chime.delete_room(AccountId=account_id, RoomId=room_id)
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert error_of(chime.get_room, AccountId=account_id, RoomId=room_id)[0] == "NotFoundException"
    assert chime.list_rooms(AccountId=account_id, MemberId=user_id)["Rooms"] == []
    assert error_of(chime.list_room_memberships, AccountId=account_id, RoomId=room_id)[0] == (
        "NotFoundException"
    )


def test_a_room_of_another_account_is_not_found(handle: ChimeMock, chime: Any) -> None:
    mine, other = enterprise(handle), enterprise(handle)
    room_id = _room(chime, mine)["RoomId"]
    assert error_of(chime.get_room, AccountId=other, RoomId=room_id)[0] == "NotFoundException"
    assert error_of(chime.delete_room, AccountId=other, RoomId=room_id)[0] == "NotFoundException"
    assert chime.get_room(AccountId=mine, RoomId=room_id)["Room"]["RoomId"] == room_id


def test_list_rooms_filters_by_member(handle: ChimeMock, chime: Any, account_id: str) -> None:
    rooms = [_room(chime, account_id, f"room{n}")["RoomId"] for n in range(3)]
    user_id = registered(handle, chime, account_id)
    for room_id in (rooms[2], rooms[0]):
        chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=user_id)
    listed = chime.list_rooms(AccountId=account_id, MemberId=user_id)["Rooms"]
    assert [room["RoomId"] for room in listed] == [rooms[0], rooms[2]]
    assert chime.list_rooms(AccountId=account_id, MemberId="nobody")["Rooms"] == []
    page = chime.list_rooms(AccountId=account_id, MaxResults=2)
    assert [room["RoomId"] for room in page["Rooms"]] == rooms[:2] and page["NextToken"]


def test_a_membership_is_formed_as_aws_forms_it(
    handle: ChimeMock, chime: Any, account_id: str
) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    user_id = chime.create_user(AccountId=account_id, Email="janed@example.com", Username="Jane")[
        "User"
    ]["UserId"]
    created = chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=user_id)
    membership = created["RoomMembership"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert membership["Member"] == {
        "MemberId": user_id,
        "MemberType": "User",
        "Email": "janed@example.com",
        "FullName": "Jane",
        "AccountId": account_id,
    }
    assert (membership["RoomId"], membership["Role"]) == (room_id, "Member")
    assert membership["InvitedBy"] == "arn:aws:iam::123456789012:user/chime-mock"


def test_adding_a_member_twice_is_a_conflict(
    handle: ChimeMock, chime: Any, account_id: str
) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    user_id = registered(handle, chime, account_id)
    chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=user_id)
    code, _ = error_of(
        chime.create_room_membership,
        AccountId=account_id,
        RoomId=room_id,
        MemberId=user_id,
        Role="Administrator",
    )
    assert code == "ConflictException"
    assert _members(chime, account_id, room_id) == {user_id: "Member"}


def test_a_member_of_another_account_is_not_found(handle: ChimeMock, chime: Any) -> None:
    mine, other = enterprise(handle), enterprise(handle)
    room_id = _room(chime, mine)["RoomId"]
    stranger = registered(handle, chime, other)
    code, _ = error_of(
        chime.create_room_membership, AccountId=mine, RoomId=room_id, MemberId=stranger
    )
    assert code == "NotFoundException"


def test_a_suspended_user_cannot_join(handle: ChimeMock, chime: Any, account_id: str) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    user_id = registered(handle, chime, account_id)
    chime.batch_suspend_user(AccountId=account_id, UserIdList=[user_id])
    code, _ = error_of(
        chime.create_room_membership, AccountId=account_id, RoomId=room_id, MemberId=user_id
    )
    assert code == "BadRequestException"


def test_a_bot_joins_only_running_and_configured(chime: Any, account_id: str) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    bare = chime.create_bot(AccountId=account_id, DisplayName="bare")["Bot"]["BotId"]
    stopped = _ready_bot(chime, account_id, "stopped")
    chime.update_bot(AccountId=account_id, BotId=stopped, Disabled=True)
    ready = _ready_bot(chime, account_id)
    for bot_id in (bare, stopped):
        code, _ = error_of(
            chime.create_room_membership, AccountId=account_id, RoomId=room_id, MemberId=bot_id
        )
        assert code == "BadRequestException"
    membership = chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=ready)[
        "RoomMembership"
    ]
    assert (membership["Member"]["MemberType"], membership["Member"]["FullName"]) == (
        "Bot",
        "helper (Bot)",
    )
    code, _ = error_of(
        chime.update_room_membership,
        AccountId=account_id,
        RoomId=room_id,
        MemberId=ready,
        Role="Administrator",
    )
    assert code == "BadRequestException"


def test_batch_create_reports_each_failure_and_updates_existing_members(
    handle: ChimeMock, chime: Any, account_id: str
) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    jane = registered(handle, chime, account_id, "jane@example.com")
    zhang = registered(handle, chime, account_id, "zhang@example.com")
    chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=jane)
    answer = chime.batch_create_room_membership(
        AccountId=account_id,
        RoomId=room_id,
        MembershipItemList=[
            {"MemberId": jane, "Role": "Administrator"},
            {"MemberId": zhang},
            {"MemberId": "nobody"},
        ],
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert [(e["MemberId"], e["ErrorCode"]) for e in answer["Errors"]] == [("nobody", "NotFound")]
    assert _members(chime, account_id, room_id) == {jane: "Administrator", zhang: "Member"}


def test_batch_create_with_nothing_to_add_answers_no_errors(chime: Any, account_id: str) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    answer = chime.batch_create_room_membership(
        AccountId=account_id, RoomId=room_id, MembershipItemList=[]
    )
    assert answer["Errors"] == []


def test_update_and_delete_a_membership(handle: ChimeMock, chime: Any, account_id: str) -> None:
    room_id = _room(chime, account_id)["RoomId"]
    user_id = registered(handle, chime, account_id)
    chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=user_id)
    updated = chime.update_room_membership(
        AccountId=account_id, RoomId=room_id, MemberId=user_id, Role="Administrator"
    )
    assert updated["RoomMembership"]["Role"] == "Administrator"
    answer = chime.delete_room_membership(AccountId=account_id, RoomId=room_id, MemberId=user_id)
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert _members(chime, account_id, room_id) == {}
    for call in (chime.delete_room_membership, chime.update_room_membership):
        code, _ = error_of(call, AccountId=account_id, RoomId=room_id, MemberId=user_id)
        assert code == "NotFoundException"


def test_a_room_past_the_quota_is_refused() -> None:
    with mock_chime(quotas={"rooms": 1}) as handle:
        chime = boto3.client("chime", region_name="us-east-1")
        account_id = enterprise(handle)
        _room(chime, account_id)
        code, _ = error_of(chime.create_room, AccountId=account_id, Name="second")
    assert code == "ResourceLimitExceededException"


def test_a_member_past_the_room_quota_is_an_item_error() -> None:
    with mock_chime(quotas={"memberships_per_room": 1}) as handle:
        chime = boto3.client("chime", region_name="us-east-1")
        account_id = enterprise(handle)
        room_id = _room(chime, account_id)["RoomId"]
        users = [registered(handle, chime, account_id, f"u{n}@example.com") for n in range(2)]
        errors = chime.batch_create_room_membership(
            AccountId=account_id,
            RoomId=room_id,
            MembershipItemList=[{"MemberId": user_id} for user_id in users],
        )["Errors"]
    assert [(e["MemberId"], e["ErrorCode"]) for e in errors] == [
        (users[1], "ResourceLimitExceeded")
    ]
