"""The inventory quota: ResourceLimitExceededException on Create and Restore."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest

from chime_mock import mock_chime
from tests.conftest import order_numbers
from tests.inventory_helpers import client_as, error_of, statuses


def _numbers(count: int, start: int = 0) -> list[str]:
    return [f"+1206555{index:04d}" for index in range(start, start + count)]


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
        assert statuses(client) == {
            "+12065550100": "DeleteInProgress",
            "+12065550101": "Unassigned",
        }


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
        assert statuses(client) == {"+12065550100": "AcquireFailed", "+12065550101": "Unassigned"}


def test_cancelled_ports_do_not_count() -> None:
    # Only Chime SDK Voice has porting statuses; a legacy port is always Processing.
    with mock_chime(phone_number_limit=1) as handle:
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        # A FOC date a day away or less: the cancelled number is in the inventory at once.
        soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
        handle.seed_porting_order(["+12065550100"], foc_date=soon, status="Cancelled")
        order_numbers(client, "+12065550101")
        assert statuses(client) == {"+12065550100": "Cancelled", "+12065550101": "Unassigned"}


def test_each_account_has_its_own_limit(service: str) -> None:
    with mock_chime(phone_number_limit=1):
        mine, other = (
            boto3.client(service, region_name="us-east-1"),
            client_as(service, "111111111111"),
        )
        order_numbers(mine, "+12065550100")
        order_numbers(other, "+12065550101")
        assert (statuses(mine), statuses(other)) == (
            {"+12065550100": "Unassigned"},
            {"+12065550101": "Unassigned"},
        )


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
        assert statuses(client) == dict.fromkeys(_numbers(2), "Unassigned")


@pytest.mark.parametrize(
    ("value", "error"), [(-1, ValueError), ("10", TypeError), (True, TypeError), (2.5, TypeError)]
)
def test_a_bad_limit_is_refused_with_a_hint(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="chime_mock: phone_number_limit"):
        mock_chime(phone_number_limit=value)
