"""Requirements audit (AWS's rules as docs/behaviour.md records them): rules the other test files
did not prove on every operation or service they apply to."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import unquote

import boto3
import pytest
from botocore.config import Config

from chime_mock import ChimeMock, mock_chime
from tests.conftest import FrozenClock, get_number, order_numbers
from tests.inventory_helpers import error_of, statuses

LOCAL, TOLL_FREE, LONDON = "+12065550100", "+18005550100", "+442079460000"
LONE_SURROGATE = "\udcff"  # valid in a JSON string, not encodable as UTF-8


def _batch_update(client: Any, *items: dict[str, str]) -> list[tuple[str, str]]:
    errors = client.batch_update_phone_number(UpdatePhoneNumberRequestItems=list(items))
    # Errors name the number by its ID, as GetPhoneNumber does (`%2B...`).
    return [(unquote(e["PhoneNumberId"]), e["ErrorCode"]) for e in errors["PhoneNumberErrors"]]


# -- product-type rules on BatchUpdatePhoneNumber -----------------------------------------------


def test_chime_batch_update_refuses_business_calling_for_a_toll_free_number(chime: Any) -> None:
    order_numbers(chime, TOLL_FREE, LOCAL)
    errors = _batch_update(
        chime,
        {"PhoneNumberId": TOLL_FREE, "ProductType": "BusinessCalling"},
        {"PhoneNumberId": LOCAL, "ProductType": "BusinessCalling"},
    )
    assert errors == [(TOLL_FREE, "BadRequest")]
    assert get_number(chime, TOLL_FREE)["ProductType"] == "VoiceConnector"
    assert get_number(chime, LOCAL)["ProductType"] == "BusinessCalling"


def test_batch_update_keeps_a_number_outside_the_us_on_sip_media_application_dial_in(
    client: Any,
) -> None:
    order_numbers(client, LONDON, ProductType="SipMediaApplicationDialIn")
    errors = _batch_update(client, {"PhoneNumberId": LONDON, "ProductType": "VoiceConnector"})
    assert errors == [(LONDON, "BadRequest")]
    assert get_number(client, LONDON)["ProductType"] == "SipMediaApplicationDialIn"


# -- PhoneNumberId as `+1...` or `%2B1...` on every operation that takes one ---------------------


def test_update_accepts_the_encoded_id(client: Any) -> None:
    order_numbers(client, LOCAL)
    updated = client.update_phone_number(PhoneNumberId="%2B12065550100", CallingName="Acme")
    assert updated["PhoneNumber"]["E164PhoneNumber"] == LOCAL
    assert get_number(client, LOCAL)["CallingName"] == "Acme"


def test_delete_and_restore_accept_the_encoded_id(client: Any) -> None:
    order_numbers(client, LOCAL)
    client.delete_phone_number(PhoneNumberId="%2B12065550100")
    assert get_number(client, LOCAL)["Status"] == "DeleteInProgress"
    restored = client.restore_phone_number(PhoneNumberId="%2B12065550100")["PhoneNumber"]
    assert restored["Status"] == "Unassigned"


def test_batch_operations_accept_the_encoded_id(client: Any) -> None:
    order_numbers(client, LOCAL)
    assert _batch_update(client, {"PhoneNumberId": "%2B12065550100", "CallingName": "Acme"}) == []
    assert get_number(client, LOCAL)["CallingName"] == "Acme"
    deleted = client.batch_delete_phone_number(PhoneNumberIds=["%2B12065550100"])
    assert deleted["PhoneNumberErrors"] == []
    assert get_number(client, LOCAL)["Status"] == "DeleteInProgress"


@pytest.mark.parametrize("operation", ["update_phone_number", "delete_phone_number"])
def test_an_empty_id_is_a_bad_request_naming_it(client: Any, operation: str) -> None:
    extra = {"CallingName": "Acme"} if operation == "update_phone_number" else {}
    code, text = error_of(getattr(client, operation), PhoneNumberId="", **extra)
    assert code == "BadRequestException"
    assert "PhoneNumberId" in text


def test_restoring_an_empty_id_is_a_bad_request_naming_it(client: Any) -> None:
    code, text = error_of(client.restore_phone_number, PhoneNumberId="")
    assert code == "BadRequestException"
    assert "PhoneNumberId" in text


# -- IDs botocore carries in a JSON body: a lone surrogate once crashed canonical_id -------------


def test_a_batch_delete_id_with_a_lone_surrogate_is_a_not_found_item(client: Any) -> None:
    errors = client.batch_delete_phone_number(PhoneNumberIds=[LONE_SURROGATE])["PhoneNumberErrors"]
    assert [(e["PhoneNumberId"], e["ErrorCode"]) for e in errors] == [(LONE_SURROGATE, "NotFound")]


def test_a_batch_update_id_with_a_lone_surrogate_is_a_not_found_item(client: Any) -> None:
    item = {"PhoneNumberId": LONE_SURROGATE, "ProductType": "VoiceConnector"}
    assert _batch_update(client, item) == [(LONE_SURROGATE, "NotFound")]


# -- MaxResults: the model's range, enforced by the mock even when botocore does not check ------

LIST_OPERATIONS = ["list_phone_numbers", "list_phone_number_orders"]


def _unchecked(service: str) -> Any:
    """A client that sends what it is given: botocore's own min check switched off."""
    return boto3.client(service, region_name="us-east-1", config=Config(parameter_validation=False))


def _max_results_range(client: Any, operation: str) -> tuple[int, int]:
    name = client.meta.method_to_api_mapping[operation]
    member = client.meta.service_model.operation_model(name).input_shape.members["MaxResults"]
    return member.metadata["min"], member.metadata["max"]


@pytest.mark.parametrize(("service", "limit"), [("chime", 99), ("chime-sdk-voice", 100)])
@pytest.mark.parametrize("operation", LIST_OPERATIONS)
def test_list_max_results_is_one_to_the_service_limit(
    handle: ChimeMock, service: str, limit: int, operation: str
) -> None:
    client = _unchecked(service)
    assert _max_results_range(client, operation) == (1, limit)
    getattr(client, operation)(MaxResults=limit)
    for outside in (limit + 1, 0):
        code, text = error_of(getattr(client, operation), MaxResults=outside)
        assert code == "BadRequestException"
        assert "MaxResults" in text


@pytest.mark.parametrize("service", ["chime", "chime-sdk-voice"])
def test_search_max_results_is_one_to_five_hundred(handle: ChimeMock, service: str) -> None:
    client = _unchecked(service)
    assert _max_results_range(client, "search_available_phone_numbers") == (1, 500)
    found = client.search_available_phone_numbers(AreaCode="206", MaxResults=500)
    assert len(found["E164PhoneNumbers"]) == 500
    for outside in (501, 0):
        code, text = error_of(
            client.search_available_phone_numbers, AreaCode="206", MaxResults=outside
        )
        assert code == "BadRequestException"
        assert "MaxResults" in text


# -- ListPhoneNumbers Status: a free string on voice, an enum on chime ---------------------------


def test_voice_filters_by_a_port_in_status_chime_does_not_know(handle: ChimeMock) -> None:
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    chime = boto3.client("chime", region_name="us-east-1")
    # Less than a day before its FOC date: the ported number is in the inventory at once.
    soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=12)
    handle.seed_porting_order([LOCAL], foc_date=soon)
    assert statuses(voice, Status="PortinInProgress") == {LOCAL: "PortinInProgress"}
    code, text = error_of(chime.list_phone_numbers, Status="PortinInProgress")
    assert code == "BadRequestException"
    assert "Status" in text


# -- search rules outside the US, and model patterns the facts name ------------------------------


@pytest.mark.parametrize(
    "extra", [{"City": "London"}, {"State": "WA"}, {"TollFreePrefix": "800"}, {"AreaCode": "20"}]
)
def test_outside_the_us_only_phone_number_type_may_be_given(
    client: Any, extra: dict[str, str]
) -> None:
    code, text = error_of(
        client.search_available_phone_numbers, Country="GB", PhoneNumberType="Local", **extra
    )
    assert code == "BadRequestException"
    assert "can only be used in the US" in text


def test_a_lower_case_country_breaks_its_pattern(client: Any) -> None:
    code, text = error_of(
        client.search_available_phone_numbers, Country="gb", PhoneNumberType="Local"
    )
    assert code == "BadRequestException"
    assert "Country" in text


def test_the_documentations_own_sample_order_id_is_not_a_guid(client: Any) -> None:
    code, text = error_of(
        client.get_phone_number_order, PhoneNumberOrderId="abc12345-de67-89f0-123g-h45i678j9012"
    )
    assert code == "BadRequestException"
    assert "PhoneNumberOrderId" in text


# -- clock-driven transitions, under freezegun and time-machine alike ---------------

NOON = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)


def test_a_fractional_processing_delay_completes_the_order(frozen_clock: FrozenClock) -> None:
    with frozen_clock(NOON) as clock, mock_chime(processing_delay=2.5):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = order_numbers(voice, LOCAL)["PhoneNumberOrderId"]
        clock.shift(dt.timedelta(seconds=2.4))
        get = voice.get_phone_number_order
        assert get(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]["Status"] == "Processing"
        clock.shift(dt.timedelta(seconds=0.1))
        assert get(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]["Status"] == "Successful"


def test_a_calling_name_update_succeeds_when_the_clock_moves(frozen_clock: FrozenClock) -> None:
    with frozen_clock(NOON) as clock, mock_chime(processing_delay=30):
        chime = boto3.client("chime", region_name="us-east-1")
        order_numbers(chime, LOCAL)
        clock.shift(dt.timedelta(seconds=30))
        chime.update_phone_number(PhoneNumberId=LOCAL, CallingName="Acme")
        assert get_number(chime, LOCAL)["CallingNameStatus"] == "UpdateInProgress"
        clock.shift(dt.timedelta(seconds=30))
        assert get_number(chime, LOCAL)["CallingNameStatus"] == "UpdateSucceeded"
