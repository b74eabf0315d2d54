"""Retention settings, message redaction and meeting dial-outs through a real boto3 client
(docs/behaviour.md, "Legacy Amazon Chime")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from chime_mock import ChimeMock
from tests.conftest import FrozenClock, order_numbers
from tests.inventory_helpers import error_of
from tests.legacy_helpers import UUID, enterprise, team

MEETING = "a1b2c3d4-5678-90ab-cdef-111110000000"


@pytest.fixture
def account_id(handle: ChimeMock) -> str:
    return enterprise(handle)


def test_retention_settings_are_empty_until_put(chime: Any, account_id: str) -> None:
    answer = chime.get_retention_settings(AccountId=account_id)
    assert {k for k in answer if k != "ResponseMetadata"} == set()


def test_retention_settings_are_an_enterprise_feature(chime: Any) -> None:
    account_id = team(chime)
    assert error_of(chime.get_retention_settings, AccountId=account_id)[0] == "ForbiddenException"


def test_put_retention_settings_sets_each_kind_and_the_deletion_time(
    frozen_clock: FrozenClock, handle: ChimeMock, chime: Any
) -> None:
    start = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.timezone.utc)
    with frozen_clock(start):
        account_id = enterprise(handle)
        answer = chime.put_retention_settings(
            AccountId=account_id,
            RetentionSettings={"RoomRetentionSettings": {"RetentionDays": 30}},
        )
        assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
        chime.put_retention_settings(
            AccountId=account_id,
            RetentionSettings={"ConversationRetentionSettings": {"RetentionDays": 90}},
        )
        read = chime.get_retention_settings(AccountId=account_id)
    assert read["RetentionSettings"] == {
        "RoomRetentionSettings": {"RetentionDays": 30},
        "ConversationRetentionSettings": {"RetentionDays": 90},
    }
    assert read["InitiateDeletionTimestamp"] == start + dt.timedelta(days=30)


def test_a_kind_sent_without_days_is_turned_off(chime: Any, account_id: str) -> None:
    chime.put_retention_settings(
        AccountId=account_id,
        RetentionSettings={
            "RoomRetentionSettings": {"RetentionDays": 30},
            "ConversationRetentionSettings": {"RetentionDays": 30},
        },
    )
    chime.put_retention_settings(
        AccountId=account_id, RetentionSettings={"RoomRetentionSettings": {}}
    )
    settings = chime.get_retention_settings(AccountId=account_id)["RetentionSettings"]
    assert settings == {"ConversationRetentionSettings": {"RetentionDays": 30}}


@pytest.mark.parametrize(
    "settings",
    [{}, {"RoomRetentionSettings": {"RetentionDays": 5476}}],
)
def test_retention_settings_with_nothing_valid_to_do_are_refused(
    chime: Any, account_id: str, settings: dict[str, Any]
) -> None:
    code, _ = error_of(
        chime.put_retention_settings, AccountId=account_id, RetentionSettings=settings
    )
    assert code == "BadRequestException"
    assert "RetentionSettings" not in chime.get_retention_settings(AccountId=account_id)


def test_a_room_message_is_redacted_once_the_room_exists(
    handle: ChimeMock, chime: Any, account_id: str
) -> None:
    room_id = chime.create_room(AccountId=account_id, Name="chatRoom")["Room"]["RoomId"]
    for _ in range(2):  # idempotent
        answer = chime.redact_room_message(AccountId=account_id, RoomId=room_id, MessageId="m-1")
        assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    code, _ = error_of(
        chime.redact_room_message, AccountId=account_id, RoomId="no-room", MessageId="m-1"
    )
    assert code == "NotFoundException"


def test_a_conversation_message_is_redacted_in_an_existing_account(chime: Any) -> None:
    account_id = team(chime)
    answer = chime.redact_conversation_message(
        AccountId=account_id, ConversationId="c-1", MessageId="m-1"
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    code, _ = error_of(
        chime.redact_conversation_message, AccountId="nobody", ConversationId="c", MessageId="m"
    )
    assert code == "NotFoundException"


def test_a_dial_out_from_a_number_of_the_inventory_gets_a_transaction(chime: Any) -> None:
    order_numbers(chime, "+12065550100", ProductType="BusinessCalling")
    answer = chime.create_meeting_dial_out(
        MeetingId=MEETING,
        FromPhoneNumber="+12065550100",
        ToPhoneNumber="+12065550199",
        JoinToken="dGVzdA",
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, answer["TransactionId"])


def test_a_dial_out_from_a_number_of_chime_sdk_voice_is_accepted(chime: Any, voice: Any) -> None:
    order_numbers(voice, "+12065550100")
    answer = chime.create_meeting_dial_out(
        MeetingId=MEETING,
        FromPhoneNumber="+12065550100",
        ToPhoneNumber="+12065550199",
        JoinToken="dGVzdA",
    )
    assert re.fullmatch(UUID, answer["TransactionId"])


def test_a_dial_out_from_a_number_the_customer_does_not_hold_is_refused(chime: Any) -> None:
    code, message = error_of(
        chime.create_meeting_dial_out,
        MeetingId=MEETING,
        FromPhoneNumber="+12065550100",
        ToPhoneNumber="+12065550199",
        JoinToken="dGVzdA",
    )
    assert code == "BadRequestException"
    assert "does not belong to the customer" in message


@pytest.mark.parametrize(
    "wrong",
    [{"MeetingId": f"x{MEETING}"}, {"JoinToken": "dGVzdA=="}, {"ToPhoneNumber": "abc"}],
)
def test_a_malformed_dial_out_is_refused(chime: Any, wrong: dict[str, str]) -> None:
    order_numbers(chime, "+12065550100", ProductType="BusinessCalling")
    params = {
        "MeetingId": MEETING,
        "FromPhoneNumber": "+12065550100",
        "ToPhoneNumber": "+12065550199",
        "JoinToken": "dGVzdA",
        **wrong,
    }
    assert error_of(chime.create_meeting_dial_out, **params)[0] == "BadRequestException"
