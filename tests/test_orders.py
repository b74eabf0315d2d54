"""CreatePhoneNumberOrder, GetPhoneNumberOrder and ListPhoneNumberOrders through real clients."""

from __future__ import annotations

import re
import uuid
from typing import Any

import boto3
import pytest
from botocore.paginate import Paginator

from chime_mock import ChimeMock, mock_chime
from tests.conftest import order_numbers

GUID = re.compile(r"^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$")


def test_create_answers_201_with_every_number_processing(client: Any) -> None:
    response = client.create_phone_number_order(
        ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100", "+12065550101"]
    )
    order = response["PhoneNumberOrder"]
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert order["Status"] == "Processing"
    assert order["ProductType"] == "VoiceConnector"
    assert GUID.match(order["PhoneNumberOrderId"])
    assert order["OrderedPhoneNumbers"] == [
        {"E164PhoneNumber": "+12065550100", "Status": "Processing"},
        {"E164PhoneNumber": "+12065550101", "Status": "Processing"},
    ]
    assert order["CreatedTimestamp"] == order["UpdatedTimestamp"]


def test_order_ids_are_random_uuids(client: Any) -> None:
    first = order_numbers(client, "+12065550100")["PhoneNumberOrderId"]
    second = order_numbers(client, "+12065550101")["PhoneNumberOrderId"]
    assert first != second
    assert uuid.UUID(first).version == 4


def test_get_after_the_delay_shows_the_order_successful(client: Any) -> None:
    order = order_numbers(client, "+12065550100", "+12065550101")
    got = client.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["Status"] == "Successful"
    assert [n["Status"] for n in got["PhoneNumberOrder"]["OrderedPhoneNumbers"]] == [
        "Acquired",
        "Acquired",
    ]


def test_get_accepts_an_upper_case_order_id(client: Any) -> None:
    order_id = order_numbers(client, "+12065550100")["PhoneNumberOrderId"]
    got = client.get_phone_number_order(PhoneNumberOrderId=order_id.upper())
    assert got["PhoneNumberOrder"]["PhoneNumberOrderId"] == order_id


def test_voice_orders_carry_order_type_new_and_no_foc_date(voice: Any) -> None:
    order = order_numbers(voice, "+12065550100", Name="front desk")
    assert order["OrderType"] == "New"
    assert "FocDate" not in order


def test_legacy_chime_orders_have_only_the_members_of_its_model(chime: Any) -> None:
    order = order_numbers(chime, "+12065550100", ProductType="BusinessCalling")
    assert set(order) == {
        "PhoneNumberOrderId",
        "ProductType",
        "Status",
        "OrderedPhoneNumbers",
        "CreatedTimestamp",
        "UpdatedTimestamp",
    }


def test_unknown_order_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_phone_number_order(PhoneNumberOrderId=str(uuid.uuid4()))


def test_order_id_that_is_not_a_guid_is_a_bad_request(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="PhoneNumberOrderId"):
        client.get_phone_number_order(PhoneNumberOrderId="not-a-guid")


def test_a_number_already_owned_fails_in_the_new_order(client: Any) -> None:
    order_numbers(client, "+12065550100")
    second = order_numbers(client, "+12065550100", "+12065550101")
    got = client.get_phone_number_order(PhoneNumberOrderId=second["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["Status"] == "Partial"
    assert got["PhoneNumberOrder"]["OrderedPhoneNumbers"] == [
        {"E164PhoneNumber": "+12065550100", "Status": "Failed"},
        {"E164PhoneNumber": "+12065550101", "Status": "Acquired"},
    ]


def test_an_order_of_only_owned_numbers_fails(client: Any) -> None:
    order_numbers(client, "+12065550100")
    second = order_numbers(client, "+12065550100")
    got = client.get_phone_number_order(PhoneNumberOrderId=second["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["Status"] == "Failed"


def test_numbers_without_plus_are_accepted_and_answered_in_e164(client: Any) -> None:
    order = order_numbers(client, "12065550100")
    assert order["OrderedPhoneNumbers"][0]["E164PhoneNumber"] == "+12065550100"


@pytest.mark.parametrize(
    ("numbers", "message"),
    [
        ([], "at least one"),
        (["+12065550100", "+12065550100"], "more than once"),
        (["+12065550100", "12065550100"], "more than once"),
        (["abc"], "regular expression pattern"),
        (["+1800555"], "not a valid E.164"),
        (["+10005550100"], "regular expression pattern|not a valid"),
    ],
)
def test_bad_number_lists_are_rejected_and_create_nothing(
    client: Any, numbers: list[str], message: str
) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match=message):
        client.create_phone_number_order(ProductType="VoiceConnector", E164PhoneNumbers=numbers)
    assert client.list_phone_number_orders()["PhoneNumberOrders"] == []


def test_unknown_product_type_is_rejected(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="enum value set"):
        client.create_phone_number_order(ProductType="Bogus", E164PhoneNumbers=["+12065550100"])


def test_numbers_outside_the_us_need_sip_media_application_dial_in(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="outside the US"):
        order_numbers(client, "+442071838750", ProductType="VoiceConnector")
    order = order_numbers(client, "+442071838750", ProductType="SipMediaApplicationDialIn")
    assert order["Status"] == "Processing"


def test_a_rejected_order_acquires_none_of_its_valid_numbers(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException):
        order_numbers(client, "+12065550100", "+442071838750", ProductType="VoiceConnector")
    order = order_numbers(client, "+12065550100")
    got = client.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["Status"] == "Successful"


def test_legacy_chime_refuses_business_calling_for_toll_free_numbers(chime: Any) -> None:
    with pytest.raises(chime.exceptions.BadRequestException, match="toll-free"):
        order_numbers(chime, "+18005550100", ProductType="BusinessCalling")
    order = order_numbers(chime, "+18005550100", ProductType="VoiceConnector")
    assert (order["ProductType"], order["Status"]) == ("VoiceConnector", "Processing")


def test_voice_rejects_business_calling_by_its_model(voice: Any) -> None:
    with pytest.raises(voice.exceptions.BadRequestException, match="enum value set"):
        order_numbers(voice, "+12065550100", ProductType="BusinessCalling")


def test_voice_name_longer_than_256_is_rejected(voice: Any) -> None:
    with pytest.raises(voice.exceptions.BadRequestException, match="less than or equal to 256"):
        order_numbers(voice, "+12065550100", Name="x" * 300)


def test_voice_name_must_match_its_pattern(voice: Any) -> None:
    with pytest.raises(voice.exceptions.BadRequestException, match="Name"):
        order_numbers(voice, "+12065550100", Name="bad/name")


def test_list_pages_in_creation_order(client: Any) -> None:
    created = [order_numbers(client, f"+1206555010{i}")["PhoneNumberOrderId"] for i in range(5)]
    seen: list[str] = []
    kwargs: dict[str, Any] = {"MaxResults": 2}
    pages = 0
    while True:
        page = client.list_phone_number_orders(**kwargs)
        pages += 1
        seen += [order["PhoneNumberOrderId"] for order in page["PhoneNumberOrders"]]
        if "NextToken" not in page:
            break
        kwargs["NextToken"] = page["NextToken"]
    assert seen == created
    assert pages == 3


def test_list_pages_through_a_botocore_paginator(client: Any) -> None:
    # Neither model ships a paginator for ListPhoneNumberOrders; one built from the same
    # NextToken/MaxResults config as botocore's own pages through the mock like through AWS.
    created = [order_numbers(client, f"+1206555011{i}")["PhoneNumberOrderId"] for i in range(5)]
    paginator = Paginator(
        client.list_phone_number_orders,
        {
            "input_token": "NextToken",
            "output_token": "NextToken",
            "limit_key": "MaxResults",
            "result_key": "PhoneNumberOrders",
        },
        client.meta.service_model.operation_model("ListPhoneNumberOrders"),
    )
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 2}))
    assert [len(page["PhoneNumberOrders"]) for page in pages] == [2, 2, 1]
    listed = paginator.paginate(PaginationConfig={"PageSize": 2}).build_full_result()
    assert [order["PhoneNumberOrderId"] for order in listed["PhoneNumberOrders"]] == created


@pytest.mark.parametrize(("service", "page_size"), [("chime", 99), ("chime-sdk-voice", 100)])
def test_without_max_results_a_page_holds_as_many_orders_as_the_model_allows(
    service: str, page_size: int
) -> None:
    with mock_chime(phone_number_limit=None):
        client = boto3.client(service, region_name="us-east-1")
        for index in range(page_size + 1):
            order_numbers(client, f"+1206555{index:04d}")
        first = client.list_phone_number_orders()
        second = client.list_phone_number_orders(NextToken=first["NextToken"])
    assert (len(first["PhoneNumberOrders"]), len(second["PhoneNumberOrders"])) == (page_size, 1)
    assert "NextToken" not in second


def test_list_of_no_orders_is_empty_and_has_no_token(client: Any) -> None:
    page = client.list_phone_number_orders()
    assert page["PhoneNumberOrders"] == []
    assert "NextToken" not in page


def test_a_next_token_not_issued_by_the_mock_is_a_bad_request(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="NextToken"):
        client.list_phone_number_orders(NextToken="made-up")


def test_max_results_follows_the_model_limits(client: Any) -> None:
    limit = (
        client.meta.service_model.operation_model("ListPhoneNumberOrders")
        .input_shape.members["MaxResults"]
        .metadata["max"]
    )
    client.list_phone_number_orders(MaxResults=limit)
    with pytest.raises(
        client.exceptions.BadRequestException, match=f"less than or equal to {limit}"
    ):
        client.list_phone_number_orders(MaxResults=limit + 1)


def test_orders_are_kept_per_region_on_voice(handle: ChimeMock) -> None:
    east = boto3.client("chime-sdk-voice", region_name="us-east-1")
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    order_id = order_numbers(east, "+12065550100")["PhoneNumberOrderId"]
    with pytest.raises(west.exceptions.NotFoundException):
        west.get_phone_number_order(PhoneNumberOrderId=order_id)
    assert west.list_phone_number_orders()["PhoneNumberOrders"] == []


def test_legacy_chime_is_global_per_account(handle: ChimeMock) -> None:
    east = boto3.client("chime", region_name="us-east-1")
    west = boto3.client("chime", region_name="eu-west-1")
    order_id = order_numbers(east, "+12065550100")["PhoneNumberOrderId"]
    got = west.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    assert got["PhoneNumberOrderId"] == order_id
    assert [
        order["PhoneNumberOrderId"]
        for order in west.list_phone_number_orders()["PhoneNumberOrders"]
    ] == [order_id]


def test_accounts_are_the_access_key_when_it_is_twelve_digits(handle: ChimeMock) -> None:
    def client_for(key: str) -> Any:
        return boto3.client(
            "chime-sdk-voice",
            region_name="us-east-1",
            aws_access_key_id=key,
            aws_secret_access_key="secret",
        )

    first, second = client_for("111111111111"), client_for("222222222222")
    default, other_default = client_for("AKIAEXAMPLE"), client_for("not-an-account")
    order_numbers(first, "+12065550100")
    order_numbers(default, "+12065550101")
    assert len(first.list_phone_number_orders()["PhoneNumberOrders"]) == 1
    assert second.list_phone_number_orders()["PhoneNumberOrders"] == []
    assert len(other_default.list_phone_number_orders()["PhoneNumberOrders"]) == 1


def test_a_number_held_by_another_account_fails(handle: ChimeMock) -> None:
    other = boto3.client(
        "chime-sdk-voice",
        region_name="us-east-1",
        aws_access_key_id="111111111111",
        aws_secret_access_key="secret",
    )
    mine = boto3.client("chime-sdk-voice", region_name="us-east-1")
    order_numbers(other, "+12065550100")
    order_id = order_numbers(mine, "+12065550100")["PhoneNumberOrderId"]
    got = mine.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    assert got["Status"] == "Failed"
