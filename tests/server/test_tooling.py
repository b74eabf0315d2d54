"""Fault injection and the call journal over HTTP: /_chime_mock/faults and /_chime_mock/calls."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest
from botocore.config import Config

from chime_mock.server import ChimeMockServer
from tests.conftest import authorization
from tests.server.conftest import NUMBER, SAMPLE_KEY, Answer, order, send


def _post_fault(server: ChimeMockServer, document: dict[str, Any]) -> Answer:
    return send(server.url, "POST", "/_chime_mock/faults", json.dumps(document).encode())


def _calls(server: ChimeMockServer) -> list[dict[str, Any]]:
    return send(server.url, "GET", "/_chime_mock/calls").json()["Calls"]  # type: ignore[no-any-return]


@pytest.fixture
def no_retries(server: ChimeMockServer) -> Any:
    """A client that sends each call once: legacy `max_attempts` counts retries, not attempts."""
    return boto3.client(
        "chime-sdk-voice",
        endpoint_url=server.url,
        region_name="us-east-1",
        aws_access_key_id=SAMPLE_KEY,
        aws_secret_access_key="fake-secret",
        config=Config(retries={"total_max_attempts": 1}),
    )


def test_an_injected_fault_answers_the_next_call(server: ChimeMockServer, no_retries: Any) -> None:
    remote_voice = no_retries
    answer = _post_fault(
        server, {"Operation": "CreatePhoneNumberOrder", "Code": "ThrottledClientException"}
    )
    assert answer.status == 200
    with pytest.raises(remote_voice.exceptions.ThrottledClientException) as raised:
        order(remote_voice)
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert order(remote_voice)["Status"] == "Processing"


def test_a_fault_takes_times_and_message(server: ChimeMockServer, remote_voice: Any) -> None:
    _post_fault(
        server, {"Operation": "*", "Code": "ForbiddenException", "Times": 2, "Message": "No."}
    )
    for _ in range(2):
        with pytest.raises(remote_voice.exceptions.ForbiddenException) as raised:
            remote_voice.list_phone_number_orders()
        assert raised.value.response["Error"]["Message"] == "No."
    assert remote_voice.list_phone_number_orders()["PhoneNumberOrders"] == []


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"Operation": "GetPhoneNumber", "Code": "Nope"}, "ThrottledClientException"),
        ({"Operation": "Order", "Code": "ForbiddenException"}, "GetPhoneNumber"),
        ({"Operation": "GetPhoneNumber", "Code": "ForbiddenException", "Times": 0}, "Times takes"),
        ({"Code": "ForbiddenException"}, "Operation"),
    ],
)
def test_a_fault_that_could_never_answer_is_a_bad_request(
    server: ChimeMockServer, document: dict[str, Any], problem: str
) -> None:
    answer = _post_fault(server, document)
    assert (answer.status, answer.error_type) == (400, "BadRequestException")
    assert problem in answer.json()["Message"]


def test_calls_lists_every_answered_call_in_order(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    order(remote_voice)
    with pytest.raises(remote_voice.exceptions.NotFoundException):
        remote_voice.get_phone_number(PhoneNumberId="+12065550199")
    assert _calls(server) == [
        {
            "Service": "chime-sdk-voice",
            "Region": "us-east-1",
            "Account": "123456789012",
            "Operation": "CreatePhoneNumberOrder",
            "Params": {"ProductType": "VoiceConnector", "E164PhoneNumbers": [NUMBER]},
            "Status": 201,
            "Error": None,
        },
        {
            "Service": "chime-sdk-voice",
            "Region": "us-east-1",
            "Account": "123456789012",
            "Operation": "GetPhoneNumber",
            "Params": {"PhoneNumberId": "+12065550199"},
            "Status": 404,
            "Error": "NotFoundException",
        },
    ]


def test_control_requests_are_not_journaled(server: ChimeMockServer) -> None:
    send(server.url, "GET", "/_chime_mock/state")
    assert _calls(server) == []


def test_a_fault_takes_a_boto3_method_name(server: ChimeMockServer, no_retries: Any) -> None:
    answer = _post_fault(
        server, {"Operation": "create_phone_number_order", "Code": "ThrottledClientException"}
    )
    assert answer.status == 200
    with pytest.raises(no_retries.exceptions.ThrottledClientException):
        order(no_retries)


def test_an_unknown_fault_operation_names_the_closest(server: ChimeMockServer) -> None:
    answer = _post_fault(
        server, {"Operation": "create_phone_numbr_order", "Code": "ThrottledClientException"}
    )
    assert answer.status == 400
    message = answer.json()["Message"]
    assert "did you mean 'create_phone_number_order'" in message
    assert len(message) < 400


def test_a_request_no_operation_routes_to_is_journaled_without_one(
    server: ChimeMockServer,
) -> None:
    send(server.url, "GET", "/no-such-resource", headers={"authorization": authorization()})
    [call] = _calls(server)
    assert (call["Operation"], call["Params"], call["Error"]) == (
        None,
        {},
        "UnknownOperationException",
    )


def test_a_request_whose_parameters_cannot_be_parsed_is_journaled_with_none(
    server: ChimeMockServer,
) -> None:
    headers = {"authorization": authorization()}
    send(server.url, "POST", "/phone-number-orders", b"{not json", headers)
    [call] = _calls(server)
    assert (call["Operation"], call["Params"], call["Error"]) == (
        "CreatePhoneNumberOrder",
        {},
        "BadRequestException",
    )
