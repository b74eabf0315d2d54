"""ListPhoneNumbers, UpdatePhoneNumber and BatchUpdatePhoneNumber."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import phonenumbers
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from tests.conftest import get_number, order_numbers
from tests.inventory_helpers import associate, error_of, service_of, statuses

# -- ListPhoneNumbers ---------------------------------------------------------------------------


def test_list_shows_every_number_of_the_account(client: Any) -> None:
    order_numbers(client, "+12065550100", "+12065550101")
    assert statuses(client) == {"+12065550100": "Unassigned", "+12065550101": "Unassigned"}


def test_list_filters_by_status() -> None:
    with mock_chime(processing_delay=None):
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_numbers(client, "+12065550100")
        assert statuses(client, Status="AcquireInProgress") == {"+12065550100": "AcquireInProgress"}
        assert statuses(client, Status="Unassigned") == {}


def test_list_filters_by_product_type(client: Any) -> None:
    order_numbers(client, "+12065550100")
    order_numbers(client, "+12065550101", ProductType="SipMediaApplicationDialIn")
    assert list(statuses(client, ProductType="SipMediaApplicationDialIn")) == ["+12065550101"]


def test_list_filters_by_association(client: Any, handle: ChimeMock) -> None:
    order_numbers(client, "+12065550100", "+12065550101")
    associate(handle, service_of(client), "+12065550101", "VoiceConnectorId", "abcdef1234")
    found = statuses(client, FilterName="VoiceConnectorId", FilterValue="abcdef1234")
    assert found == {"+12065550101": "Assigned"}
    assert statuses(client, FilterName="VoiceConnectorId", FilterValue="other") == {}


def test_a_filter_name_without_a_value_is_a_bad_request(client: Any) -> None:
    code, text = error_of(client.list_phone_numbers, FilterName="VoiceConnectorId")
    assert code == "BadRequestException"
    assert "FilterName and FilterValue" in text


def test_voice_takes_any_status_string_and_matches_nothing_unknown(voice: Any) -> None:
    order_numbers(voice, "+12065550100")
    assert statuses(voice, Status="NoSuchStatus") == {}


def test_chime_rejects_a_status_outside_its_enum(chime: Any) -> None:
    code, _ = error_of(chime.list_phone_numbers, Status="NoSuchStatus")
    assert code == "BadRequestException"


def test_list_pages_through_every_number_once(client: Any) -> None:
    ordered = [f"+1206555010{i}" for i in range(7)]
    order_numbers(client, *ordered)
    pages = [client.list_phone_numbers(MaxResults=3)]
    while pages[-1].get("NextToken"):
        pages.append(client.list_phone_numbers(MaxResults=3, NextToken=pages[-1]["NextToken"]))
    assert [len(page["PhoneNumbers"]) for page in pages] == [3, 3, 1]
    assert [n["E164PhoneNumber"] for page in pages for n in page["PhoneNumbers"]] == ordered


def test_list_max_results_above_the_model_limit_is_a_bad_request(client: Any) -> None:
    code, _ = error_of(client.list_phone_numbers, MaxResults=101)
    assert code == "BadRequestException"


# -- UpdatePhoneNumber --------------------------------------------------------------------------


def test_update_changes_the_product_type_and_its_capabilities(client: Any) -> None:
    order_numbers(client, "+12065550100")
    updated = client.update_phone_number(
        PhoneNumberId="+12065550100", ProductType="SipMediaApplicationDialIn"
    )["PhoneNumber"]
    assert updated["ProductType"] == "SipMediaApplicationDialIn"
    assert updated["Capabilities"]["InboundMMS"] is False
    assert get_number(client, "+12065550100")["ProductType"] == "SipMediaApplicationDialIn"


def test_a_toll_free_number_cannot_become_business_calling(chime: Any) -> None:
    order_numbers(chime, "+18005550100")
    code, text = error_of(
        chime.update_phone_number, PhoneNumberId="+18005550100", ProductType="BusinessCalling"
    )
    assert code == "BadRequestException"
    assert "toll-free" in text
    assert get_number(chime, "+18005550100")["ProductType"] == "VoiceConnector"


def test_a_number_outside_the_us_must_stay_sip_media_application_dial_in(client: Any) -> None:
    order_numbers(client, "+442079460000", ProductType="SipMediaApplicationDialIn")
    code, text = error_of(
        client.update_phone_number, PhoneNumberId="+442079460000", ProductType="VoiceConnector"
    )
    assert code == "BadRequestException"
    assert "outside the US" in text


def test_update_changes_one_detail_at_a_time(client: Any) -> None:
    order_numbers(client, "+12065550100")
    code, text = error_of(
        client.update_phone_number,
        PhoneNumberId="+12065550100",
        ProductType="SipMediaApplicationDialIn",
        CallingName="Acme",
    )
    assert code == "BadRequestException"
    assert "one phone number detail at a time" in text
    assert get_number(client, "+12065550100")["ProductType"] == "VoiceConnector"


def test_update_without_a_detail_is_a_bad_request(client: Any) -> None:
    order_numbers(client, "+12065550100")
    code, _ = error_of(client.update_phone_number, PhoneNumberId="+12065550100")
    assert code == "BadRequestException"


def test_update_of_an_unknown_number_is_not_found(client: Any) -> None:
    code, _ = error_of(client.update_phone_number, PhoneNumberId="+12065550100", CallingName="Acme")
    assert code == "NotFoundException"


def test_a_calling_name_update_is_in_progress_then_succeeds() -> None:
    with freeze_time("2026-01-01") as frozen, mock_chime(processing_delay=30):
        client = boto3.client("chime", region_name="us-east-1")
        order_numbers(client, "+12065550100")
        frozen.tick(dt.timedelta(seconds=30))
        updated = client.update_phone_number(PhoneNumberId="+12065550100", CallingName="Acme")
        assert updated["PhoneNumber"]["CallingName"] == "Acme"
        assert updated["PhoneNumber"]["CallingNameStatus"] == "UpdateInProgress"
        frozen.tick(dt.timedelta(seconds=30))
        assert get_number(client, "+12065550100")["CallingNameStatus"] == "UpdateSucceeded"


def test_a_second_calling_name_update_while_one_is_pending_conflicts() -> None:
    with freeze_time("2026-01-01") as frozen, mock_chime(processing_delay=30):
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_numbers(client, "+12065550100")
        frozen.tick(dt.timedelta(seconds=30))
        client.update_phone_number(PhoneNumberId="+12065550100", CallingName="Acme")
        code, _ = error_of(
            client.update_phone_number, PhoneNumberId="+12065550100", CallingName="Other"
        )
        assert code == "ConflictException"
        frozen.tick(dt.timedelta(seconds=30))
        client.update_phone_number(PhoneNumberId="+12065550100", CallingName="Other")


def test_an_empty_calling_name_removes_it(client: Any) -> None:
    order_numbers(client, "+12065550100")
    client.update_phone_number(PhoneNumberId="+12065550100", CallingName="Acme")
    client.update_phone_number(PhoneNumberId="+12065550100", CallingName="")
    number = get_number(client, "+12065550100")
    assert "CallingName" not in number
    assert number["CallingNameStatus"] == "Unassigned"


def test_a_toll_free_number_takes_no_calling_name(client: Any) -> None:
    order_numbers(client, "+18005550100")
    code, text = error_of(
        client.update_phone_number, PhoneNumberId="+18005550100", CallingName="Acme"
    )
    assert code == "BadRequestException"
    assert "US local numbers only" in text


def test_a_calling_name_breaking_the_model_pattern_is_a_bad_request(client: Any) -> None:
    order_numbers(client, "+12065550100")
    code, _ = error_of(
        client.update_phone_number, PhoneNumberId="+12065550100", CallingName="Acme & Co!"
    )
    assert code == "BadRequestException"


def test_voice_update_sets_the_name(voice: Any) -> None:
    order_numbers(voice, "+12065550100")
    updated = voice.update_phone_number(PhoneNumberId="+12065550100", Name="front desk")
    assert updated["PhoneNumber"]["Name"] == "front desk"


def test_a_number_still_being_acquired_cannot_be_updated() -> None:
    with mock_chime(processing_delay=None):
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_numbers(client, "+12065550100")
        code, _ = error_of(client.update_phone_number, PhoneNumberId="+12065550100", Name="x")
        assert code == "ConflictException"


# -- BatchUpdatePhoneNumber ---------------------------------------------------------------------


def test_batch_update_applies_the_good_items_and_reports_the_bad(client: Any) -> None:
    order_numbers(client, "+12065550100", "+18005550100")
    errors = client.batch_update_phone_number(
        UpdatePhoneNumberRequestItems=[
            {"PhoneNumberId": "+12065550100", "ProductType": "SipMediaApplicationDialIn"},
            {"PhoneNumberId": "+12065550199", "CallingName": "Acme"},
            {"PhoneNumberId": "+18005550100", "CallingName": "Acme"},
        ]
    )["PhoneNumberErrors"]
    assert [(e["PhoneNumberId"], e["ErrorCode"]) for e in errors] == [
        ("%2B12065550199", "NotFound"),  # the number's ID, whichever form was sent
        ("%2B18005550100", "BadRequest"),
    ]
    assert all(e["ErrorMessage"] for e in errors)
    assert get_number(client, "+12065550100")["ProductType"] == "SipMediaApplicationDialIn"


def test_batch_update_reports_a_pending_calling_name_as_a_conflict() -> None:
    with freeze_time("2026-01-01") as frozen, mock_chime(processing_delay=30):
        client = boto3.client("chime", region_name="us-east-1")
        order_numbers(client, "+12065550100")
        frozen.tick(dt.timedelta(seconds=30))
        client.update_phone_number(PhoneNumberId="+12065550100", CallingName="Acme")
        errors = client.batch_update_phone_number(
            UpdatePhoneNumberRequestItems=[{"PhoneNumberId": "+12065550100", "CallingName": "B2"}]
        )["PhoneNumberErrors"]
        assert [e["ErrorCode"] for e in errors] == ["Conflict"]


def test_voice_batch_update_rejects_duplicate_ids(voice: Any) -> None:
    order_numbers(voice, "+12065550100")
    code, text = error_of(
        voice.batch_update_phone_number,
        UpdatePhoneNumberRequestItems=[
            {"PhoneNumberId": "+12065550100", "Name": "one"},
            {"PhoneNumberId": "%2B12065550100", "Name": "two"},
        ],
    )
    assert code == "BadRequestException"
    assert "more than once" in text
    assert "Name" not in get_number(voice, "+12065550100")


def test_chime_batch_update_applies_repeated_ids_in_turn(chime: Any) -> None:
    order_numbers(chime, "+12065550100")
    errors = chime.batch_update_phone_number(
        UpdatePhoneNumberRequestItems=[
            {"PhoneNumberId": "+12065550100", "ProductType": "SipMediaApplicationDialIn"},
            {"PhoneNumberId": "+12065550100", "ProductType": "BusinessCalling"},
        ]
    )["PhoneNumberErrors"]
    assert errors == []
    assert get_number(chime, "+12065550100")["ProductType"] == "BusinessCalling"


def test_batch_update_item_with_two_details_is_a_bad_request_item(client: Any) -> None:
    order_numbers(client, "+12065550100")
    errors = client.batch_update_phone_number(
        UpdatePhoneNumberRequestItems=[
            {
                "PhoneNumberId": "+12065550100",
                "ProductType": "SipMediaApplicationDialIn",
                "CallingName": "Acme",
            }
        ]
    )["PhoneNumberErrors"]
    assert [e["ErrorCode"] for e in errors] == ["BadRequest"]


# -- settings and countries ---------------------------------------------------------------------


def test_settings_show_nothing_until_a_calling_name_is_set(client: Any) -> None:
    settings = client.get_phone_number_settings()
    assert "CallingName" not in settings
    assert "CallingNameUpdatedTimestamp" not in settings


@freeze_time("2026-02-03T04:05:06Z")
def test_update_settings_sets_the_default_calling_name(client: Any) -> None:
    response = client.update_phone_number_settings(CallingName="Acme Corp")
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 204
    settings = client.get_phone_number_settings()
    assert settings["CallingName"] == "Acme Corp"
    assert settings["CallingNameUpdatedTimestamp"] == dt.datetime(
        2026, 2, 3, 4, 5, 6, tzinfo=dt.timezone.utc
    )


def test_settings_are_per_service(handle: ChimeMock) -> None:
    boto3.client("chime", region_name="us-east-1").update_phone_number_settings(CallingName="A1")
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    assert "CallingName" not in voice.get_phone_number_settings()


def test_a_settings_calling_name_breaking_the_pattern_is_a_bad_request(client: Any) -> None:
    code, _ = error_of(client.update_phone_number_settings, CallingName="x")
    assert code == "BadRequestException"


def test_voice_connector_numbers_are_us_local_and_toll_free(client: Any) -> None:
    countries = client.list_supported_phone_number_countries(ProductType="VoiceConnector")
    assert countries["PhoneNumberCountries"] == [
        {"CountryCode": "US", "SupportedPhoneNumberTypes": ["Local", "TollFree"]}
    ]


def test_business_calling_numbers_are_us_local_only(chime: Any) -> None:
    countries = chime.list_supported_phone_number_countries(ProductType="BusinessCalling")
    assert countries["PhoneNumberCountries"] == [
        {"CountryCode": "US", "SupportedPhoneNumberTypes": ["Local"]}
    ]


def test_sip_media_application_dial_in_reaches_beyond_the_us(client: Any) -> None:
    countries = client.list_supported_phone_number_countries(
        ProductType="SipMediaApplicationDialIn"
    )["PhoneNumberCountries"]
    codes = [country["CountryCode"] for country in countries]
    assert codes[0] == "US"
    assert {"GB", "DE", "CA"} <= set(codes)


def test_voice_has_no_business_calling_product_type(voice: Any) -> None:
    code, _ = error_of(voice.list_supported_phone_number_countries, ProductType="BusinessCalling")
    assert code == "BadRequestException"


def test_every_country_and_number_type_listed_beyond_the_us_can_be_searched(voice: Any) -> None:
    countries = voice.list_supported_phone_number_countries(
        ProductType="SipMediaApplicationDialIn"
    )["PhoneNumberCountries"]
    found = {}
    for country in countries[1:]:  # the US first: searched by area code, city or state instead
        assert country["CountryCode"] != "US"
        for number_type in country["SupportedPhoneNumberTypes"]:
            numbers = voice.search_available_phone_numbers(
                Country=country["CountryCode"], PhoneNumberType=number_type, MaxResults=1
            )["E164PhoneNumbers"]
            found[country["CountryCode"], number_type] = [
                phonenumbers.region_code_for_number(phonenumbers.parse(e164)) for e164 in numbers
            ]
    assert found == {key: [key[0]] for key in found}
    assert len(found) > len(countries)  # some have toll-free numbers too


def test_a_calling_name_succeeds_at_once_when_orders_wait_for_the_handle() -> None:
    with mock_chime(processing_delay=None) as handle:
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_id = order_numbers(client, "+12065550100")["PhoneNumberOrderId"]
        handle.complete_order(order_id)
        client.update_phone_number(PhoneNumberId="+12065550100", CallingName="Acme")
        assert get_number(client, "+12065550100")["CallingNameStatus"] == "UpdateSucceeded"
