"""DeletePhoneNumber, BatchDeletePhoneNumber and RestorePhoneNumber: the 7-day deletion queue on
the mock's clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from tests.conftest import FrozenClock, get_number, order_numbers
from tests.inventory_helpers import associate, error_of, service_of

NOON = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
WEEK = dt.timedelta(days=7)


def test_delete_answers_204_and_queues_the_number(service: str) -> None:
    with freeze_time(NOON), mock_chime():
        client = boto3.client(service, region_name="us-east-1")
        order_numbers(client, "+12065550100")
        response = client.delete_phone_number(PhoneNumberId="+12065550100")
        assert response["ResponseMetadata"]["HTTPStatusCode"] == 204
        number = get_number(client, "+12065550100")
        assert number["Status"] == "DeleteInProgress"
        assert number["DeletionTimestamp"] == NOON
        assert number["UpdatedTimestamp"] == NOON


def test_a_deleted_number_can_be_restored_within_seven_days(service: str) -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        client = boto3.client(service, region_name="us-east-1")
        order_numbers(client, "+12065550100")
        client.delete_phone_number(PhoneNumberId="+12065550100")
        frozen.tick(WEEK - dt.timedelta(seconds=1))
        restored = client.restore_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
        assert restored["Status"] == "Unassigned"
        assert "DeletionTimestamp" not in restored


def test_after_seven_days_the_number_is_gone_and_orderable_again(
    service: str, frozen_clock: FrozenClock
) -> None:
    with frozen_clock(NOON) as clock, mock_chime():
        client = boto3.client(service, region_name="us-east-1")
        order_numbers(client, "+12065550100")
        client.delete_phone_number(PhoneNumberId="+12065550100")
        clock.shift(WEEK - dt.timedelta(seconds=1))
        assert get_number(client, "+12065550100")["Status"] == "DeleteInProgress"
        clock.shift(dt.timedelta(seconds=1))
        assert error_of(client.get_phone_number, PhoneNumberId="+12065550100")[0] == (
            "NotFoundException"
        )
        code, _ = error_of(client.restore_phone_number, PhoneNumberId="+12065550100")
        assert code == "NotFoundException"
        assert client.list_phone_numbers()["PhoneNumbers"] == []
        order_id = order_numbers(client, "+12065550100")["PhoneNumberOrderId"]
        order = client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
        assert order["Status"] == "Successful"


def test_a_queued_number_is_held_and_not_offered_by_search(client: Any) -> None:
    number = client.search_available_phone_numbers(AreaCode="206", MaxResults=1)[
        "E164PhoneNumbers"
    ][0]
    order_numbers(client, number)
    client.delete_phone_number(PhoneNumberId=number)
    offered = client.search_available_phone_numbers(AreaCode="206", MaxResults=5)
    assert number not in offered["E164PhoneNumbers"]


def test_a_gone_number_is_offered_by_search_again(service: str) -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        client = boto3.client(service, region_name="us-east-1")
        first = client.search_available_phone_numbers(AreaCode="206", MaxResults=1)
        number = first["E164PhoneNumbers"][0]
        order_numbers(client, number)
        client.delete_phone_number(PhoneNumberId=number)
        frozen.tick(WEEK)
        again = client.search_available_phone_numbers(AreaCode="206", MaxResults=1)
        assert again["E164PhoneNumbers"] == [number]


def test_deleting_an_unknown_number_is_not_found(client: Any) -> None:
    code, _ = error_of(client.delete_phone_number, PhoneNumberId="+12065550100")
    assert code == "NotFoundException"


def test_deleting_a_queued_number_again_is_a_bad_request(client: Any) -> None:
    order_numbers(client, "+12065550100")
    client.delete_phone_number(PhoneNumberId="+12065550100")
    code, text = error_of(client.delete_phone_number, PhoneNumberId="+12065550100")
    assert code == "BadRequestException"
    assert "DeleteInProgress" in text


def test_a_number_still_being_acquired_cannot_be_deleted() -> None:
    with mock_chime(processing_delay=None):
        client = boto3.client("chime", region_name="us-east-1")
        order_numbers(client, "+12065550100")
        code, _ = error_of(client.delete_phone_number, PhoneNumberId="+12065550100")
        assert code == "BadRequestException"


def test_an_associated_number_must_be_disassociated_first(client: Any, handle: ChimeMock) -> None:
    order_numbers(client, "+12065550100")
    associate(handle, service_of(client), "+12065550100", "VoiceConnectorId", "abcdef1234")
    code, text = error_of(client.delete_phone_number, PhoneNumberId="+12065550100")
    assert code == "BadRequestException"
    assert "disassociate" in text


def test_deleting_an_acquire_failed_number_removes_it_at_once(
    client: Any, handle: ChimeMock
) -> None:
    handle.make_unavailable("+12065550100")
    order_numbers(client, "+12065550100")
    assert get_number(client, "+12065550100")["Status"] == "AcquireFailed"
    client.delete_phone_number(PhoneNumberId="+12065550100")
    code, _ = error_of(client.get_phone_number, PhoneNumberId="+12065550100")
    assert code == "NotFoundException"


def test_restoring_a_number_not_in_the_queue_is_a_bad_request(client: Any) -> None:
    order_numbers(client, "+12065550100")
    code, text = error_of(client.restore_phone_number, PhoneNumberId="+12065550100")
    assert code == "BadRequestException"
    assert "not DeleteInProgress" in text


def test_restoring_an_unknown_number_is_not_found(client: Any) -> None:
    code, _ = error_of(client.restore_phone_number, PhoneNumberId="%2B12065550100")
    assert code == "NotFoundException"


def test_batch_delete_queues_the_good_and_reports_each_bad_item(
    client: Any, handle: ChimeMock
) -> None:
    order_numbers(client, "+12065550100", "+12065550101", "+12065550102")
    associate(handle, service_of(client), "+12065550102", "VoiceConnectorId", "abcdef1234")
    client.delete_phone_number(PhoneNumberId="+12065550101")
    errors = client.batch_delete_phone_number(
        PhoneNumberIds=["+12065550100", "+12065550101", "+12065550102", "+12065550199"]
    )["PhoneNumberErrors"]
    assert [(e["PhoneNumberId"], e["ErrorCode"]) for e in errors] == [
        ("%2B12065550101", "BadRequest"),  # the number's ID, whichever form was sent
        ("%2B12065550102", "PhoneNumberAssociationsExist"),
        ("%2B12065550199", "NotFound"),
    ]
    assert get_number(client, "+12065550100")["Status"] == "DeleteInProgress"


def test_batch_delete_of_good_numbers_reports_no_errors(client: Any) -> None:
    order_numbers(client, "+12065550100", "+12065550101")
    response = client.batch_delete_phone_number(PhoneNumberIds=["+12065550100", "+12065550101"])
    assert response["PhoneNumberErrors"] == []
    statuses = {n["Status"] for n in client.list_phone_numbers()["PhoneNumbers"]}
    assert statuses == {"DeleteInProgress"}
