"""Legacy Chime's records survive a state file: accounts, users and their numbers, bots, rooms and
memberships, retention settings, redactions and dial-outs come back as they were, indexes and
all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3

from chime_mock import mock_chime
from tests.conftest import order_numbers
from tests.legacy_helpers import enterprise

LAMBDA = "arn:aws:lambda:us-east-1:111122223333:function:helper"


def _world(handle: Any, chime: Any) -> dict[str, str]:
    account_id = enterprise(handle)
    user_id = chime.create_user(AccountId=account_id, Email="jane@example.com")["User"]["UserId"]
    order_numbers(chime, "+12065550100", ProductType="BusinessCalling")
    chime.associate_phone_number_with_user(
        AccountId=account_id, UserId=user_id, E164PhoneNumber="+12065550100"
    )
    bot_id = chime.create_bot(AccountId=account_id, DisplayName="helper")["Bot"]["BotId"]
    chime.put_events_configuration(AccountId=account_id, BotId=bot_id, LambdaFunctionArn=LAMBDA)
    room_id = chime.create_room(AccountId=account_id, Name="support")["Room"]["RoomId"]
    chime.batch_create_room_membership(
        AccountId=account_id,
        RoomId=room_id,
        MembershipItemList=[{"MemberId": user_id, "Role": "Administrator"}, {"MemberId": bot_id}],
    )
    chime.put_retention_settings(
        AccountId=account_id, RetentionSettings={"RoomRetentionSettings": {"RetentionDays": 30}}
    )
    chime.redact_room_message(AccountId=account_id, RoomId=room_id, MessageId="m-1")
    return {"account": account_id, "user": user_id, "bot": bot_id, "room": room_id}


def _reads(chime: Any, ids: dict[str, str]) -> list[Any]:
    account_id = ids["account"]
    answers = [
        chime.get_account(AccountId=account_id),
        chime.get_user(AccountId=account_id, UserId=ids["user"]),
        chime.list_users(AccountId=account_id, UserEmail="jane@example.com"),
        chime.get_bot(AccountId=account_id, BotId=ids["bot"]),
        chime.get_events_configuration(AccountId=account_id, BotId=ids["bot"]),
        chime.list_rooms(AccountId=account_id, MemberId=ids["bot"]),
        chime.list_room_memberships(AccountId=account_id, RoomId=ids["room"]),
        chime.get_retention_settings(AccountId=account_id),
        chime.list_phone_numbers(FilterName="UserId", FilterValue=ids["user"]),
    ]
    for answer in answers:
        answer.pop("ResponseMetadata")
    return answers


def test_legacy_records_come_back_from_a_state_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with mock_chime() as handle:
        chime = boto3.client("chime", region_name="us-east-1")
        ids = _world(handle, chime)
        before = _reads(chime, ids)
        handle.save_state(path)
    with mock_chime(state=path):
        chime = boto3.client("chime", region_name="us-east-1")
        assert _reads(chime, ids) == before
        # What was loaded keeps its rules: the user still holds the number, the room its quota.
        code = None
        try:
            chime.create_room_membership(
                AccountId=ids["account"], RoomId=ids["room"], MemberId=ids["user"]
            )
        except chime.exceptions.ConflictException as error:
            code = error.response["Error"]["Code"]
        assert code == "ConflictException"
