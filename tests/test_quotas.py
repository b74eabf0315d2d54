"""The inventory quota: ResourceLimitExceededException on Create and Restore (issue 3)."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from chime_mock import mock_chime
from tests.conftest import order_numbers
from tests.inventory_helpers import client_as, error_of


def _numbers(count: int, start: int = 0) -> list[str]:
    return [f"+1206555{index:04d}" for index in range(start, start + count)]


@pytest.fixture(params=["chime", "chime-sdk-voice"])
def service(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_default_limit_is_twenty_five_numbers(client: Any) -> None:
    order_numbers(client, *_numbers(25))
    code, text = error_of(
        client.create_phone_number_order,
        ProductType="VoiceConnector",
        E164PhoneNumbers=_numbers(1, 25),
    )
    assert code == "ResourceLimitExceededException"
    assert "limit of this account is 25" in text


def test_an_order_over_the_limit_leaves_no_trace(service: str) -> None:
    with mock_chime(phone_number_limit=2):
        client = boto3.client(service, region_name="us-east-1")
        code, _ = error_of(
            client.create_phone_number_order,
            ProductType="VoiceConnector",
            E164PhoneNumbers=_numbers(3),
        )
        assert code == "ResourceLimitExceededException"
        assert client.list_phone_number_orders()["PhoneNumberOrders"] == []
        assert client.list_phone_numbers()["PhoneNumbers"] == []


def test_deleted_numbers_free_their_place(service: str) -> None:
    with mock_chime(phone_number_limit=1):
        client = boto3.client(service, region_name="us-east-1")
        order_numbers(client, "+12065550100")
        client.delete_phone_number(PhoneNumberId="+12065550100")
        order_numbers(client, "+12065550101")


def test_restore_over_the_limit_is_refused(service: str) -> None:
    with mock_chime(phone_number_limit=1):
        client = boto3.client(service, region_name="us-east-1")
        order_numbers(client, "+12065550100")
        client.delete_phone_number(PhoneNumberId="+12065550100")
        order_numbers(client, "+12065550101")
        code, _ = error_of(client.restore_phone_number, PhoneNumberId="+12065550100")
        assert code == "ResourceLimitExceededException"
        number = client.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
        assert number["Status"] == "DeleteInProgress"


def test_failed_numbers_do_not_count(service: str) -> None:
    with mock_chime(phone_number_limit=1) as handle:
        client = boto3.client(service, region_name="us-east-1")
        handle.make_unavailable("+12065550100")
        order_numbers(client, "+12065550100")
        order_numbers(client, "+12065550101")


def test_each_account_has_its_own_limit(service: str) -> None:
    with mock_chime(phone_number_limit=1):
        order_numbers(boto3.client(service, region_name="us-east-1"), "+12065550100")
        order_numbers(client_as(service, "111111111111"), "+12065550101")


def test_none_means_no_limit(service: str) -> None:
    with mock_chime(phone_number_limit=None):
        client = boto3.client(service, region_name="us-east-1")
        order_numbers(client, *_numbers(30))
        assert len(client.list_phone_numbers(MaxResults=99)["PhoneNumbers"]) == 30


def test_the_innermost_mock_sets_the_limit() -> None:
    with mock_chime(phone_number_limit=5):
        with mock_chime(phone_number_limit=1):
            client = boto3.client("chime", region_name="us-east-1")
            code, _ = error_of(
                client.create_phone_number_order,
                ProductType="VoiceConnector",
                E164PhoneNumbers=_numbers(2),
            )
            assert code == "ResourceLimitExceededException"
        order_numbers(client, *_numbers(2))


@pytest.mark.parametrize(
    ("value", "error"), [(-1, ValueError), ("10", TypeError), (True, TypeError), (2.5, TypeError)]
)
def test_a_bad_limit_is_refused_with_a_hint(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="chime_mock: phone_number_limit"):
        mock_chime(phone_number_limit=value)
