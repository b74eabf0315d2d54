"""Chat bots and their events configuration through a real boto3 client (docs/behaviour.md,
"Legacy Amazon Chime")."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from typing import Any

import pytest

from chime_mock import ChimeMock, mock_chime
from chime_mock.backend.legacy.bots import signature
from tests.inventory_helpers import error_of
from tests.legacy_helpers import UUID, enterprise, team

LAMBDA = "arn:aws:lambda:us-east-1:111122223333:function:function-name"


@pytest.fixture
def account_id(handle: ChimeMock) -> str:
    return enterprise(handle)


def _bot(chime: Any, account_id: str, name: str = "myBot", **extra: Any) -> dict[str, Any]:
    return chime.create_bot(AccountId=account_id, DisplayName=name, **extra)["Bot"]  # type: ignore[no-any-return]


def test_a_bot_is_formed_as_aws_forms_it(chime: Any, account_id: str) -> None:
    created = chime.create_bot(AccountId=account_id, DisplayName="myBot", Domain="example.com")
    bot = created["Bot"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, bot["BotId"]) and bot["UserId"] == bot["BotId"]
    assert (bot["DisplayName"], bot["BotEmail"], bot["BotType"]) == (
        "myBot (Bot)",
        "myBot-chimebot@example.com",
        "ChatBot",
    )
    assert bot["Disabled"] is False
    assert bot["CreatedTimestamp"] == bot["UpdatedTimestamp"]
    assert re.fullmatch(r"[A-Za-z0-9+/]{40}", bot["SecurityToken"])
    assert chime.get_bot(AccountId=account_id, BotId=bot["BotId"])["Bot"] == bot


def test_bots_are_an_enterprise_feature(chime: Any) -> None:
    account_id = team(chime)
    code, message = error_of(chime.create_bot, AccountId=account_id, DisplayName="myBot")
    assert code == "ForbiddenException"
    assert f"[Chime Account ID: {account_id}]" in message
    assert error_of(chime.list_bots, AccountId=account_id)[0] == "ForbiddenException"


def test_a_domain_must_be_one_the_account_claimed(chime: Any, account_id: str) -> None:
    code, message = error_of(
        chime.create_bot, AccountId=account_id, DisplayName="myBot", Domain="other.com"
    )
    assert code == "BadRequestException"
    assert "example.com" in message


def test_a_display_name_is_at_most_55_characters(chime: Any, account_id: str) -> None:
    assert error_of(chime.create_bot, AccountId=account_id, DisplayName="b" * 56)[0] == (
        "BadRequestException"
    )
    assert error_of(chime.create_bot, AccountId=account_id, DisplayName=" ")[0] == (
        "BadRequestException"
    )
    assert chime.list_bots(AccountId=account_id)["Bots"] == []


def test_two_bots_cannot_share_an_email(chime: Any, account_id: str) -> None:
    _bot(chime, account_id, "helper")
    assert error_of(chime.create_bot, AccountId=account_id, DisplayName="helper")[0] == (
        "BadRequestException"
    )


def test_a_bot_past_the_quota_is_refused() -> None:
    with mock_chime(quotas={"bots": 2}) as handle:
        import boto3

        chime = boto3.client("chime", region_name="us-east-1")
        account_id = enterprise(handle)
        _bot(chime, account_id, "one")
        _bot(chime, account_id, "two")
        code, message = error_of(chime.create_bot, AccountId=account_id, DisplayName="three")
    assert code == "ResourceLimitExceededException"
    assert "quota" in message


def test_list_bots_pages_ten_at_a_time_by_default(handle: ChimeMock, chime: Any) -> None:
    account_id = enterprise(handle)
    made = [_bot(chime, account_id, f"bot{n}")["BotId"] for n in range(10)]
    first = chime.list_bots(AccountId=account_id, MaxResults=4)
    second = chime.list_bots(AccountId=account_id, MaxResults=99, NextToken=first["NextToken"])
    assert [b["BotId"] for b in first["Bots"] + second["Bots"]] == made
    assert "NextToken" not in second
    assert [b["BotId"] for b in chime.list_bots(AccountId=account_id)["Bots"]] == made


def test_a_bot_of_another_account_is_not_found(handle: ChimeMock, chime: Any) -> None:
    mine, other = enterprise(handle), enterprise(handle)
    bot = _bot(chime, mine)
    assert error_of(chime.get_bot, AccountId=other, BotId=bot["BotId"])[0] == "NotFoundException"
    code, _ = error_of(chime.update_bot, AccountId=other, BotId=bot["BotId"], Disabled=True)
    assert code == "NotFoundException"
    assert chime.get_bot(AccountId=mine, BotId=bot["BotId"])["Bot"]["Disabled"] is False


def test_a_bot_is_not_a_user(chime: Any, account_id: str) -> None:
    bot = _bot(chime, account_id)
    assert error_of(chime.get_user, AccountId=account_id, UserId=bot["UserId"])[0] == (
        "NotFoundException"
    )
    assert chime.list_users(AccountId=account_id)["Users"] == []


def test_update_bot_stops_it_and_without_disabled_changes_nothing(
    chime: Any, account_id: str
) -> None:
    bot = _bot(chime, account_id)
    unchanged = chime.update_bot(AccountId=account_id, BotId=bot["BotId"])["Bot"]
    assert unchanged == bot
    stopped = chime.update_bot(AccountId=account_id, BotId=bot["BotId"], Disabled=True)["Bot"]
    assert stopped["Disabled"] is True
    assert stopped["SecurityToken"] == bot["SecurityToken"]


def test_regenerating_the_security_token_replaces_it(chime: Any, account_id: str) -> None:
    bot = _bot(chime, account_id)
    renewed = chime.regenerate_security_token(AccountId=account_id, BotId=bot["BotId"])["Bot"]
    assert renewed["SecurityToken"] != bot["SecurityToken"]
    assert {k: v for k, v in renewed.items() if k not in ("SecurityToken", "UpdatedTimestamp")} == {
        k: v for k, v in bot.items() if k not in ("SecurityToken", "UpdatedTimestamp")
    }


def test_the_signature_is_the_documented_hmac() -> None:
    expected = base64.b64encode(
        hmac.new(b"token", b"2019-04-04T21:30:43.181Z|{}", hashlib.sha256).digest()
    ).decode()
    assert signature("token", "2019-04-04T21:30:43.181Z", "{}") == expected


def test_an_events_configuration_is_put_read_and_replaced(chime: Any, account_id: str) -> None:
    bot_id = _bot(chime, account_id)["BotId"]
    put = chime.put_events_configuration(
        AccountId=account_id, BotId=bot_id, OutboundEventsHTTPSEndpoint="https://example.com:8000"
    )
    assert put["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert put["EventsConfiguration"] == {
        "BotId": bot_id,
        "OutboundEventsHTTPSEndpoint": "https://example.com:8000",
    }
    chime.put_events_configuration(AccountId=account_id, BotId=bot_id, LambdaFunctionArn=LAMBDA)
    read = chime.get_events_configuration(AccountId=account_id, BotId=bot_id)
    assert read["EventsConfiguration"] == {"BotId": bot_id, "LambdaFunctionArn": LAMBDA}


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"OutboundEventsHTTPSEndpoint": "https://example.com", "LambdaFunctionArn": LAMBDA},
        {"OutboundEventsHTTPSEndpoint": "http://example.com"},
        {"OutboundEventsHTTPSEndpoint": "https://"},
        {"LambdaFunctionArn": "arn:aws:sqs:us-east-1:111122223333:queue"},
    ],
)
def test_an_events_configuration_is_one_https_endpoint_or_one_lambda(
    chime: Any, account_id: str, given: dict[str, str]
) -> None:
    bot_id = _bot(chime, account_id)["BotId"]
    code, _ = error_of(chime.put_events_configuration, AccountId=account_id, BotId=bot_id, **given)
    assert code == "BadRequestException"
    assert error_of(chime.get_events_configuration, AccountId=account_id, BotId=bot_id)[0] == (
        "NotFoundException"
    )


def test_deleting_an_events_configuration_is_idempotent(chime: Any, account_id: str) -> None:
    bot_id = _bot(chime, account_id)["BotId"]
    chime.put_events_configuration(AccountId=account_id, BotId=bot_id, LambdaFunctionArn=LAMBDA)
    for _ in range(2):
        answer = chime.delete_events_configuration(AccountId=account_id, BotId=bot_id)
        assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert error_of(chime.get_events_configuration, AccountId=account_id, BotId=bot_id)[0] == (
        "NotFoundException"
    )


def test_deleting_the_events_configuration_of_an_unknown_bot_is_refused(
    chime: Any, account_id: str
) -> None:
    # DeleteEventsConfiguration models no NotFoundException: the closest modeled answer.
    code, message = error_of(chime.delete_events_configuration, AccountId=account_id, BotId="x")
    assert code == "BadRequestException"
    assert "Bot x not found" in message
