"""handle.inject_error: modeled errors that botocore's retry modes meet as they would from AWS."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import boto3
import botocore
import botocore.endpoint
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from chime_mock import ChimeMock
from tests.conftest import order_numbers

MAX_ATTEMPTS = 4  # per mode: the first attempt plus up to three retries


@pytest.fixture(autouse=True)
def no_backoff(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record botocore's retry delays instead of sleeping them (every mode sleeps here)."""
    delays: list[float] = []
    monkeypatch.setattr(botocore.endpoint, "time", SimpleNamespace(sleep=delays.append))
    return delays


@pytest.fixture
def make_client(handle: ChimeMock) -> Callable[..., Any]:
    def make(mode: str, attempts: int = MAX_ATTEMPTS) -> Any:
        config = Config(retries={"mode": mode, "total_max_attempts": attempts})
        return boto3.client("chime-sdk-voice", region_name="us-east-1", config=config)

    return make


def _code(error: ClientError) -> str:
    return str(error.response["Error"]["Code"])


def _get_number_fails_with(client: Any, code: str) -> None:
    with pytest.raises(ClientError) as raised:
        client.get_phone_number(PhoneNumberId="+12065550100")
    assert _code(raised.value) == code


@pytest.mark.parametrize("mode", ["legacy", "standard", "adaptive"])
@pytest.mark.parametrize("code", ["ServiceFailureException", "ServiceUnavailableException"])
def test_server_errors_are_retried_by_every_mode(
    handle: ChimeMock, make_client: Callable[..., Any], mode: str, code: str
) -> None:
    client = make_client(mode)
    handle.inject_error("ListPhoneNumberOrders", code, times=2)
    response = client.list_phone_number_orders()
    assert response["ResponseMetadata"]["RetryAttempts"] == 2
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_throttling_is_retried_by_legacy_mode(
    handle: ChimeMock, make_client: Callable[..., Any]
) -> None:
    client = make_client("legacy")
    handle.inject_error("ListPhoneNumberOrders", "ThrottledClientException", times=3)
    response = client.list_phone_number_orders()
    assert response["ResponseMetadata"]["RetryAttempts"] == 3


@pytest.mark.parametrize("mode", ["standard", "adaptive"])
def test_chime_throttling_is_not_retried_by_standard_or_adaptive_mode(
    handle: ChimeMock, make_client: Callable[..., Any], mode: str
) -> None:
    client = make_client(mode)
    handle.inject_error("ListPhoneNumberOrders", "ThrottledClientException")
    with pytest.raises(client.exceptions.ThrottledClientException) as raised:
        client.list_phone_number_orders()
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert raised.value.response["ResponseMetadata"]["RetryAttempts"] == 0


@pytest.mark.parametrize("mode", ["legacy", "standard", "adaptive"])
def test_a_fault_outlasting_the_retries_reaches_the_caller(
    handle: ChimeMock, make_client: Callable[..., Any], mode: str
) -> None:
    client = make_client(mode)
    handle.inject_error("ListPhoneNumberOrders", "ServiceUnavailableException", times=10)
    with pytest.raises(client.exceptions.ServiceUnavailableException) as raised:
        client.list_phone_number_orders()
    assert raised.value.response["ResponseMetadata"]["RetryAttempts"] == MAX_ATTEMPTS - 1
    assert len(handle.calls) == MAX_ATTEMPTS


def test_retries_back_off_as_botocore_decides(
    handle: ChimeMock, make_client: Callable[..., Any], no_backoff: list[float]
) -> None:
    client = make_client("standard")
    handle.inject_error("ListPhoneNumberOrders", "ServiceFailureException", times=2)
    client.list_phone_number_orders()
    assert len(no_backoff) == 2


def test_an_injected_failure_changes_no_state(
    handle: ChimeMock, make_client: Callable[..., Any]
) -> None:
    voice = make_client("standard", attempts=1)
    handle.inject_error("CreatePhoneNumberOrder", "ServiceFailureException")
    with pytest.raises(ClientError):
        order_numbers(voice, "+12065550100")
    assert voice.list_phone_number_orders()["PhoneNumberOrders"] == []
    _get_number_fails_with(voice, "NotFoundException")


def test_the_call_after_the_fault_is_served(handle: ChimeMock, client: Any) -> None:
    handle.inject_error("GetPhoneNumber", "ForbiddenException")
    _get_number_fails_with(client, "ForbiddenException")
    _get_number_fails_with(client, "NotFoundException")


def test_the_error_carries_the_given_message(handle: ChimeMock, client: Any) -> None:
    handle.inject_error("GetPhoneNumber", "ForbiddenException", message="Account suspended")
    with pytest.raises(client.exceptions.ForbiddenException) as raised:
        client.get_phone_number(PhoneNumberId="+12065550100")
    assert raised.value.response["Error"]["Message"] == "Account suspended"


def test_the_error_has_the_status_of_its_shape(handle: ChimeMock, client: Any) -> None:
    handle.inject_error("GetPhoneNumber", "UnauthorizedClientException")
    with pytest.raises(client.exceptions.UnauthorizedClientException) as raised:
        client.get_phone_number(PhoneNumberId="+12065550100")
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 401


def test_legacy_chime_errors_carry_the_modeled_code_member(handle: ChimeMock, chime: Any) -> None:
    handle.inject_error("GetPhoneNumber", "ForbiddenException")
    with pytest.raises(chime.exceptions.ForbiddenException) as raised:
        chime.get_phone_number(PhoneNumberId="+12065550100")
    assert raised.value.response["Code"] == "Forbidden"


def test_faults_answer_in_the_order_they_were_injected(handle: ChimeMock, voice: Any) -> None:
    handle.inject_error("GetPhoneNumber", "ForbiddenException")
    handle.inject_error("*", "BadRequestException")
    codes = []
    for _ in range(3):
        with pytest.raises(ClientError) as raised:
            voice.get_phone_number(PhoneNumberId="+12065550100")
        codes.append(_code(raised.value))
    assert codes == ["ForbiddenException", "BadRequestException", "NotFoundException"]


def test_a_fault_for_one_operation_leaves_the_others_alone(handle: ChimeMock, voice: Any) -> None:
    handle.inject_error("GetPhoneNumberOrder", "ForbiddenException")
    assert voice.list_phone_number_orders()["PhoneNumberOrders"] == []
    assert [call.error for call in handle.calls] == [None]


def test_a_wildcard_fault_answers_any_operation(
    handle: ChimeMock, make_client: Callable[..., Any]
) -> None:
    voice = make_client("standard", attempts=1)
    handle.inject_error("*", "ServiceFailureException", times=2)
    for call in (voice.list_phone_number_orders, voice.list_phone_numbers):
        with pytest.raises(voice.exceptions.ServiceFailureException):
            call()


def test_a_wildcard_fault_skips_operations_that_do_not_model_its_error(
    handle: ChimeMock, make_client: Callable[..., Any]
) -> None:
    # ListTagsForResource models no ThrottledClientException, so the fault waits for GetPhoneNumber.
    voice = make_client("standard", attempts=1)
    handle.inject_error("*", "ThrottledClientException")
    with pytest.raises(ClientError) as raised:
        voice.list_tags_for_resource(ResourceARN="arn:aws:chime:us-east-1:123456789012:x")
    assert _code(raised.value) != "ThrottledClientException"
    _get_number_fails_with(voice, "ThrottledClientException")


def test_an_operation_not_mocked_yet_can_fail_on_purpose(
    handle: ChimeMock, unmocked: tuple[str, str]
) -> None:
    service, operation = unmocked
    client = boto3.client(service, region_name="us-east-1")
    call = getattr(client, botocore.xform_name(operation))
    handle.inject_error(operation, "ForbiddenException")
    with pytest.raises(client.exceptions.ForbiddenException):
        call()
    with pytest.raises(ClientError) as raised:  # the fault is spent: not mocked, as before it
        call()
    assert (_code(raised.value), raised.value.response["ResponseMetadata"]["HTTPStatusCode"]) == (
        "NotImplemented",
        501,
    )


def test_without_a_message_the_error_says_it_was_injected(handle: ChimeMock, voice: Any) -> None:
    handle.inject_error("GetPhoneNumber", "ForbiddenException")
    with pytest.raises(voice.exceptions.ForbiddenException) as raised:
        voice.get_phone_number(PhoneNumberId="+12065550100")
    assert raised.value.response["Error"]["Message"] == (
        "chime_mock: ForbiddenException injected by inject_error('GetPhoneNumber', ...)"
    )


def test_a_fault_answers_before_validation(handle: ChimeMock, voice: Any) -> None:
    handle.inject_error("ListPhoneNumberOrders", "ForbiddenException")
    with pytest.raises(voice.exceptions.ForbiddenException):
        voice.list_phone_number_orders(MaxResults=1000)


def test_reset_drops_pending_faults(handle: ChimeMock, voice: Any) -> None:
    handle.inject_error("ListPhoneNumberOrders", "ForbiddenException")
    handle.reset()
    assert voice.list_phone_number_orders()["PhoneNumberOrders"] == []


def test_an_unknown_operation_is_refused_naming_the_closest_few(handle: ChimeMock) -> None:
    with pytest.raises(ValueError) as raised:
        handle.inject_error("CreatePhoneNumberOrdr", "ServiceFailureException")
    message = str(raised.value)
    assert message.startswith(
        "chime_mock: 'CreatePhoneNumberOrdr' is not an operation of chime or chime-sdk-voice; "
        "did you mean 'CreatePhoneNumberOrder'"
    )
    assert len(message) < 400, "the closest few, not the whole catalogue"


def test_boto3_method_names_are_taken_as_well_as_api_names(handle: ChimeMock, voice: Any) -> None:
    handle.inject_error("create_phone_number_order", "ForbiddenException")
    with pytest.raises(voice.exceptions.ForbiddenException):
        voice.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
        )


def test_a_misspelled_method_name_is_answered_with_method_names(handle: ChimeMock) -> None:
    with pytest.raises(ValueError, match=r"did you mean 'create_phone_number_order'"):
        handle.inject_error("create_phone_numbr_order", "ServiceFailureException")


def test_an_unknown_error_code_is_refused_naming_the_valid_ones(handle: ChimeMock) -> None:
    with pytest.raises(ValueError, match=r"'Throttled' is not an error.*ThrottledClientException"):
        handle.inject_error("GetPhoneNumber", "Throttled")


def test_an_error_the_operation_does_not_model_is_refused(handle: ChimeMock) -> None:
    with pytest.raises(ValueError, match="GetPhoneNumber can answer") as raised:
        handle.inject_error("GetPhoneNumber", "GoneException")
    assert "GoneException" not in str(raised.value).split("use one of:")[1]


def test_a_wildcard_takes_an_error_of_any_operation(handle: ChimeMock) -> None:
    handle.inject_error("*", "GoneException")
    with pytest.raises(ValueError, match="any operation"):
        handle.inject_error("*", "NoSuchException")


@pytest.mark.parametrize("times", [0, -1, 1.5, True])
def test_times_must_be_a_positive_whole_number(handle: ChimeMock, times: Any) -> None:
    with pytest.raises(ValueError, match="times must be"):
        handle.inject_error("GetPhoneNumber", "ForbiddenException", times=times)


def test_injecting_needs_an_active_mock() -> None:
    with pytest.raises(RuntimeError, match="not active"):
        ChimeMock().inject_error("GetPhoneNumber", "ForbiddenException")
