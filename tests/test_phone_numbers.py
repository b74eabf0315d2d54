"""GetPhoneNumber: what an ordered number looks like, and how it is addressed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import order_numbers


def test_an_acquired_number_is_unassigned_with_its_facts(client: Any) -> None:
    order = order_numbers(client, "+12065550100")
    number = client.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
    assert number["PhoneNumberId"] == "%2B12065550100"
    assert number["E164PhoneNumber"] == "+12065550100"
    assert number["Country"] == "US"
    assert number["Type"] == "Local"
    assert number["ProductType"] == "VoiceConnector"
    assert number["Status"] == "Unassigned"
    assert number["Capabilities"] == dict.fromkeys(
        ["InboundCall", "OutboundCall", "InboundSMS", "OutboundSMS", "InboundMMS", "OutboundMMS"],
        True,
    )
    assert number["CreatedTimestamp"] == order["CreatedTimestamp"]
    assert isinstance(number["UpdatedTimestamp"], dt.datetime)


@pytest.mark.parametrize("phone_number_id", ["+12065550100", "%2B12065550100", "%2b12065550100"])
def test_the_id_is_accepted_encoded_or_not(client: Any, phone_number_id: str) -> None:
    order_numbers(client, "+12065550100")
    number = client.get_phone_number(PhoneNumberId=phone_number_id)["PhoneNumber"]
    assert number["E164PhoneNumber"] == "+12065550100"


def test_a_toll_free_number_is_typed_toll_free(client: Any) -> None:
    order_numbers(client, "+18005550100")
    number = client.get_phone_number(PhoneNumberId="+18005550100")["PhoneNumber"]
    assert number["Type"] == "TollFree"
    assert number["Capabilities"]["InboundMMS"] is False


def test_a_number_outside_the_us_takes_its_country(client: Any) -> None:
    order_numbers(client, "+442071838750", ProductType="SipMediaApplicationDialIn")
    number = client.get_phone_number(PhoneNumberId="+442071838750")["PhoneNumber"]
    assert number["Country"] == "GB"
    assert number["Capabilities"]["InboundCall"] is True
    assert number["Capabilities"]["InboundSMS"] is False


def test_voice_numbers_carry_their_order_and_name(voice: Any) -> None:
    order = order_numbers(voice, "+12065550100", Name="front desk")
    number = voice.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
    assert number["OrderId"] == order["PhoneNumberOrderId"]
    assert number["Name"] == "front desk"


def test_legacy_chime_numbers_have_no_voice_only_members(chime: Any) -> None:
    order_numbers(chime, "+12065550100")
    number = chime.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
    assert "OrderId" not in number and "Name" not in number


def test_unknown_number_is_not_found(client: Any) -> None:
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_phone_number(PhoneNumberId="+12065550100")


def test_an_empty_id_is_a_bad_request(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="PhoneNumberId"):
        client.get_phone_number(PhoneNumberId="")


def test_numbers_of_a_processing_order_are_acquire_in_progress(handle: Any) -> None:
    import boto3

    handle.reset()
    from chime_mock import mock_chime

    with mock_chime(processing_delay=None):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_numbers(voice, "+12065550100")
        number = voice.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
        assert number["Status"] == "AcquireInProgress"
