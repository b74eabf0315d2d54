"""Orders move from Processing by the clock (freezegun, time-machine) or by complete_order()."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from chime_mock import mock_chime
from tests.conftest import FrozenClock, order_numbers


def _status(client: Any, order_id: str) -> str:
    return client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]["Status"]


NOON = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("delay", [11, dt.timedelta(seconds=11)], ids=["seconds", "timedelta"])
def test_an_order_stays_processing_until_the_delay_passes(
    service: str, frozen_clock: FrozenClock, delay: float | dt.timedelta
) -> None:
    with frozen_clock(NOON) as clock, mock_chime(processing_delay=delay):
        client = boto3.client(service, region_name="us-east-1")
        order_id = order_numbers(client, "+12065550100")["PhoneNumberOrderId"]
        clock.shift(dt.timedelta(seconds=10.9))
        assert _status(client, order_id) == "Processing"
        clock.shift(dt.timedelta(seconds=0.1))
        order = client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    assert order["Status"] == "Successful"
    assert order["CreatedTimestamp"] == NOON
    assert order["UpdatedTimestamp"] == NOON + dt.timedelta(seconds=11)


def test_processing_delay_none_waits_for_complete_order() -> None:
    with freeze_time("2026-01-01") as frozen, mock_chime(processing_delay=None) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = order_numbers(voice, "+12065550100", "+12065550101")["PhoneNumberOrderId"]
        frozen.tick(dt.timedelta(days=365))
        assert _status(voice, order_id) == "Processing"
        handle.complete_order(order_id, failed=["+12065550101"])
        order = voice.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
        assert order["Status"] == "Partial"
        assert [n["Status"] for n in order["OrderedPhoneNumbers"]] == ["Acquired", "Failed"]
        failed = voice.get_phone_number(PhoneNumberId="+12065550101")["PhoneNumber"]
        assert failed["Status"] == "AcquireFailed"


def test_complete_order_with_every_number_failed_fails_the_order() -> None:
    with mock_chime(processing_delay=None) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = order_numbers(voice, "+12065550100")["PhoneNumberOrderId"]
        handle.complete_order(order_id, failed="+12065550100")
        assert _status(voice, order_id) == "Failed"
        # A failed number is free again: a new order acquires it.
        again = order_numbers(voice, "+12065550100")["PhoneNumberOrderId"]
        handle.complete_order(again)
        assert _status(voice, again) == "Successful"


def test_the_create_answer_is_processing_even_without_delay(client: Any) -> None:
    assert order_numbers(client, "+12065550100")["Status"] == "Processing"


def test_complete_order_refuses_unknown_orders_numbers_and_finished_orders() -> None:
    with mock_chime(processing_delay=None) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = order_numbers(voice, "+12065550100")["PhoneNumberOrderId"]
        with pytest.raises(ValueError, match="chime_mock: no phone-number order"):
            handle.complete_order("00000000-0000-0000-0000-000000000000")
        with pytest.raises(ValueError, match=r"\+12065550199.* is not in order"):
            handle.complete_order(order_id, failed=["+12065550199"])
        handle.complete_order(order_id)
        with pytest.raises(ValueError, match="Successful, not Processing"):
            handle.complete_order(order_id)


@pytest.mark.parametrize("bad", ["soon", True, [1]])
def test_processing_delay_of_the_wrong_type_is_a_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match="chime_mock: processing_delay"):
        mock_chime(processing_delay=bad)


def test_negative_processing_delay_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        mock_chime(processing_delay=-1)


def test_the_innermost_activation_sets_the_delay_of_new_orders() -> None:
    with mock_chime(processing_delay=None) as outer:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        with mock_chime(processing_delay=0):
            quick = order_numbers(voice, "+12065550100")["PhoneNumberOrderId"]
        slow = order_numbers(voice, "+12065550101")["PhoneNumberOrderId"]
        assert _status(voice, quick) == "Successful"
        assert _status(voice, slow) == "Processing"
        assert outer.order(slow).status == "Processing"
