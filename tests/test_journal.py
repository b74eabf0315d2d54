"""handle.calls: every answered call, in order, with what was asked and how it was answered."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from chime_mock import ChimeMock, RecordedCall
from tests.conftest import order_numbers


def test_a_fresh_mock_has_answered_nothing(handle: ChimeMock) -> None:
    assert handle.calls == []


def test_a_call_is_recorded_with_who_asked_what_and_the_answer(
    handle: ChimeMock, voice: Any
) -> None:
    order_numbers(voice, "+12065550100", Name="front desk")
    assert handle.calls == [
        RecordedCall(
            service="chime-sdk-voice",
            region="us-east-1",
            account="123456789012",
            operation="CreatePhoneNumberOrder",
            params={
                "ProductType": "VoiceConnector",
                "E164PhoneNumbers": ["+12065550100"],
                "Name": "front desk",
            },
            status=201,
            error=None,
        )
    ]


def test_calls_are_recorded_in_the_order_they_were_answered(
    handle: ChimeMock, voice: Any, chime: Any
) -> None:
    order_id = order_numbers(voice, "+12065550100")["PhoneNumberOrderId"]
    chime.list_phone_number_orders()
    voice.get_phone_number_order(PhoneNumberOrderId=order_id)
    assert [(call.service, call.operation) for call in handle.calls] == [
        ("chime-sdk-voice", "CreatePhoneNumberOrder"),
        ("chime", "ListPhoneNumberOrders"),
        ("chime-sdk-voice", "GetPhoneNumberOrder"),
    ]


def test_uri_and_query_members_are_recorded_by_member_name(handle: ChimeMock, voice: Any) -> None:
    voice.list_phone_number_orders(MaxResults=5)
    with pytest.raises(voice.exceptions.NotFoundException):
        voice.get_phone_number(PhoneNumberId="+12065550100")
    assert [call.params for call in handle.calls] == [
        {"MaxResults": 5},
        {"PhoneNumberId": "+12065550100"},
    ]


def test_an_error_answer_is_recorded_with_its_status_and_code(
    handle: ChimeMock, voice: Any
) -> None:
    with pytest.raises(voice.exceptions.NotFoundException):
        voice.get_phone_number(PhoneNumberId="+12065550100")
    call = handle.calls[-1]
    assert (call.status, call.error, call.succeeded) == (404, "NotFoundException", False)


def test_a_rejected_request_is_recorded_with_its_parsed_parameters(
    handle: ChimeMock, voice: Any
) -> None:
    with pytest.raises(voice.exceptions.BadRequestException):
        voice.list_phone_number_orders(MaxResults=1000)
    assert handle.calls[-1].params == {"MaxResults": 1000}
    assert handle.calls[-1].status == 400


def test_an_injected_fault_and_its_retries_are_each_recorded(
    handle: ChimeMock, voice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("botocore.endpoint.time.sleep", lambda seconds: None)
    handle.inject_error("ListPhoneNumberOrders", "ServiceUnavailableException")
    voice.list_phone_number_orders()
    assert [(call.status, call.error) for call in handle.calls] == [
        (503, "ServiceUnavailableException"),
        (200, None),
    ]


def test_an_operation_not_mocked_is_recorded(
    handle: ChimeMock, chime: Any, unmocked: tuple[str, str]
) -> None:
    with pytest.raises(ClientError):
        chime.list_accounts()  # its handler taken away: as an operation a newer botocore adds
    assert (handle.calls[-1].operation, handle.calls[-1].status) == ("ListAccounts", 501)


def test_the_account_and_region_are_the_callers(handle: ChimeMock) -> None:
    voice = boto3.client(
        "chime-sdk-voice",
        region_name="eu-west-2",
        aws_access_key_id="111122223333",
        aws_secret_access_key="fake",
    )
    voice.list_phone_number_orders()
    assert (handle.calls[-1].account, handle.calls[-1].region) == ("111122223333", "eu-west-2")


def test_legacy_chime_calls_show_the_region_they_were_signed_for(
    handle: ChimeMock, chime: Any
) -> None:
    chime.list_phone_number_orders()
    assert handle.calls[-1].region == "us-east-1"


def test_reset_clears_the_journal(handle: ChimeMock, voice: Any) -> None:
    voice.list_phone_number_orders()
    handle.reset()
    assert handle.calls == []


def test_records_cannot_be_changed(handle: ChimeMock, voice: Any) -> None:
    voice.list_phone_number_orders()
    with pytest.raises(AttributeError):
        handle.calls[0].status = 500  # type: ignore[misc]


def test_calls_is_a_snapshot(handle: ChimeMock, voice: Any) -> None:
    before = handle.calls
    voice.list_phone_number_orders()
    assert (len(before), len(handle.calls)) == (0, 1)
