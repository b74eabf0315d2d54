"""Porting orders seeded from the handle: port-in statuses until the FOC date.

Their numbers enter the inventory one day before the FOC date (docs/behaviour.md, "Porting orders");
what happens before that is tested in test_porting_arrival.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from tests.conftest import FrozenClock, order_numbers
from tests.inventory_helpers import client_as, statuses

NOW = dt.datetime(2026, 4, 1, 9, tzinfo=dt.timezone.utc)
FOC = dt.datetime(2026, 4, 20, 14, tzinfo=dt.timezone.utc)
ARRIVAL = FOC - dt.timedelta(days=1)  # when the ported numbers enter the inventory
FAR = dt.datetime(2099, 1, 1, tzinfo=dt.timezone.utc)  # for tests on the real clock


def _order(client: Any, order_id: str) -> dict[str, Any]:
    return client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]  # type: ignore[no-any-return]


def test_a_seeded_voice_porting_order_shows_its_porting_details() -> None:
    with freeze_time(NOW) as frozen, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = handle.seed_porting_order(["+12065550100", "+12065550101"], foc_date=FOC)
        order = _order(voice, order_id)
        assert order["OrderType"] == "Porting"
        assert order["Status"] == "FOC"
        # botocore releases differ: FocDate is a timestamp in some models and a string in others.
        assert order["FocDate"] in (FOC, "2026-04-20T14:00:00.000Z")
        assert order["CreatedTimestamp"] == NOW
        frozen.move_to(ARRIVAL)
        assert statuses(voice) == {
            "+12065550100": "PortinInProgress",
            "+12065550101": "PortinInProgress",
        }


def test_ported_numbers_become_unassigned_on_the_foc_date(frozen_clock: FrozenClock) -> None:
    with frozen_clock(NOW) as clock, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = handle.seed_porting_order(["+12065550100"], foc_date=FOC)
        clock.move_to(FOC - dt.timedelta(seconds=1))
        assert statuses(voice) == {"+12065550100": "PortinInProgress"}
        clock.move_to(FOC)
        assert statuses(voice) == {"+12065550100": "Unassigned"}
        order = _order(voice, order_id)
        assert order["Status"] == "Successful"
        assert order["UpdatedTimestamp"] == FOC
        assert [n["Status"] for n in order["OrderedPhoneNumbers"]] == ["Acquired"]


def test_a_porting_order_can_be_seeded_in_a_chosen_porting_status(handle: ChimeMock) -> None:
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    order_id = handle.seed_porting_order(["+12065550100"], foc_date=FAR, status="PendingDocuments")
    assert _order(voice, order_id)["Status"] == "PendingDocuments"


@pytest.mark.parametrize(
    ("status", "number_status"),
    [("CancelRequested", "PortinCancelRequested"), ("Cancelled", "Cancelled")],
)
def test_a_cancelled_port_never_completes(status: str, number_status: str) -> None:
    with freeze_time(NOW) as frozen, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = handle.seed_porting_order(["+12065550100"], foc_date=FOC, status=status)
        frozen.move_to(FOC + dt.timedelta(days=1))
        assert statuses(voice) == {"+12065550100": number_status}
        assert _order(voice, order_id)["Status"] == status


def test_a_chime_porting_order_is_processing_until_the_foc_date() -> None:
    with freeze_time(NOW) as frozen, mock_chime() as handle:
        chime = boto3.client("chime", region_name="us-east-1")
        order_id = handle.seed_porting_order(["+12065550100"], foc_date=FOC, service="chime")
        assert _order(chime, order_id)["Status"] == "Processing"
        frozen.move_to(ARRIVAL)
        assert statuses(chime) == {"+12065550100": "AcquireInProgress"}
        frozen.move_to(FOC)
        assert _order(chime, order_id)["Status"] == "Successful"
        assert statuses(chime) == {"+12065550100": "Unassigned"}


def test_a_porting_order_belongs_to_the_account_it_was_seeded_in() -> None:
    with freeze_time(ARRIVAL), mock_chime() as handle:
        handle.seed_porting_order(["+12065550100"], foc_date=FOC, account="111111111111")
        assert statuses(client_as("chime-sdk-voice", "111111111111")) == {
            "+12065550100": "PortinInProgress"
        }
        assert statuses(boto3.client("chime-sdk-voice", region_name="us-east-1")) == {}


def test_a_number_being_ported_in_cannot_be_ordered(handle: ChimeMock) -> None:
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    handle.seed_porting_order(["+12065550100"], foc_date=FAR, account="111111111111")
    order_id = order_numbers(voice, "+12065550100")["PhoneNumberOrderId"]
    assert _order(voice, order_id)["Status"] == "Failed"


def test_a_porting_order_lists_among_the_orders(handle: ChimeMock) -> None:
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    order_id = handle.seed_porting_order(["+12065550100"], foc_date=FAR)
    listed = voice.list_phone_number_orders()["PhoneNumberOrders"]
    assert [order["PhoneNumberOrderId"] for order in listed] == [order_id]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"status": "Successful"}, ValueError, "can have status"),
        ({"service": "chime", "status": "FOC"}, ValueError, "can have status"),
        ({"service": "s3"}, ValueError, "service is one of"),
        ({"foc_date": dt.datetime(2026, 4, 20)}, TypeError, "timezone-aware"),
        ({"numbers": ["abc"]}, ValueError, "not a valid E.164"),
        ({"numbers": []}, ValueError, "at least one phone number"),
        ({"numbers": ["+442079460000"]}, ValueError, "outside the US"),
    ],
)
def test_a_bad_porting_order_is_refused_with_a_hint(
    handle: ChimeMock, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    arguments: dict[str, Any] = {"numbers": ["+12065550100"], "foc_date": FOC, **kwargs}
    with pytest.raises(error, match=f"chime_mock: .*{message}"):
        handle.seed_porting_order(**arguments)


def test_a_number_already_held_cannot_be_ported_in(handle: ChimeMock) -> None:
    order_numbers(boto3.client("chime", region_name="us-east-1"), "+12065550100")
    with pytest.raises(ValueError, match="already held"):
        handle.seed_porting_order(["+12065550100"], foc_date=FAR)
