"""SearchAvailablePhoneNumbers: deterministic, valid, really available numbers."""

from __future__ import annotations

from typing import Any

import phonenumbers
import pytest
from phonenumbers import geocoder

from chime_mock import ChimeMock
from tests.conftest import order_numbers
from tests.inventory_helpers import client_as, error_of, service_of


def _search(client: Any, **query: Any) -> list[str]:
    return list(client.search_available_phone_numbers(**query)["E164PhoneNumbers"])


def _parsed(numbers: list[str]) -> list[phonenumbers.PhoneNumber]:
    return [phonenumbers.parse(number) for number in numbers]


def test_the_same_query_finds_the_same_numbers(client: Any) -> None:
    first = _search(client, AreaCode="206", MaxResults=20)
    assert len(first) == 20
    assert _search(client, AreaCode="206", MaxResults=20) == first


def test_different_area_codes_find_different_numbers(client: Any) -> None:
    assert set(_search(client, AreaCode="206", MaxResults=5)).isdisjoint(
        _search(client, AreaCode="425", MaxResults=5)
    )


def test_an_area_code_search_finds_valid_us_numbers_in_that_area_code(client: Any) -> None:
    numbers = _search(client, AreaCode="312", MaxResults=50)
    for parsed in _parsed(numbers):
        assert phonenumbers.is_valid_number(parsed)
        assert phonenumbers.region_code_for_number(parsed) == "US"
        assert str(parsed.national_number).startswith("312")


def test_a_state_search_finds_numbers_placed_in_that_state(client: Any) -> None:
    numbers = _search(client, State="WA", MaxResults=30)
    assert len(numbers) == 30
    for parsed in _parsed(numbers):
        assert geocoder.description_for_number(parsed, "en").endswith(", WA")


def test_a_city_and_state_search_finds_numbers_in_that_city(client: Any) -> None:
    numbers = _search(client, City="Seattle", State="WA", MaxResults=30)
    assert len(numbers) == 30
    for parsed in _parsed(numbers):
        assert geocoder.description_for_number(parsed, "en") == "Seattle, WA"


@pytest.mark.parametrize("city", ["seattle", "SEATTLE", "sEaTtLe"])
def test_a_city_matches_whatever_its_case(client: Any, city: str) -> None:
    numbers = _search(client, City=city, State="WA", MaxResults=5)
    assert len(numbers) == 5
    for parsed in _parsed(numbers):
        assert geocoder.description_for_number(parsed, "en") == "Seattle, WA"


def test_a_toll_free_prefix_finds_toll_free_numbers_with_that_prefix(client: Any) -> None:
    numbers = _search(client, TollFreePrefix="844", MaxResults=30)
    assert len(numbers) == 30
    for number, parsed in zip(numbers, _parsed(numbers), strict=True):
        assert number.startswith("+1844")
        assert phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.TOLL_FREE


@pytest.mark.parametrize(("number_type", "kind"), [("Local", "Local"), ("TollFree", "TollFree")])
def test_outside_the_us_the_phone_number_type_chooses_the_numbers(
    voice: Any, number_type: str, kind: str
) -> None:
    numbers = _search(voice, Country="GB", PhoneNumberType=number_type, MaxResults=20)
    assert len(numbers) == 20
    for parsed in _parsed(numbers):
        assert phonenumbers.region_code_for_number(parsed) == "GB"
        toll_free = phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.TOLL_FREE
        assert toll_free == (kind == "TollFree")


def test_an_unknown_city_finds_nothing(client: Any) -> None:
    assert _search(client, City="Atlantis", State="WA") == []


def test_a_number_held_in_the_account_is_never_offered(client: Any) -> None:
    first = _search(client, AreaCode="206", MaxResults=3)
    order_numbers(client, first[0])
    again = _search(client, AreaCode="206", MaxResults=3)
    assert first[0] not in again
    assert again[:2] == first[1:]


def test_a_number_held_by_another_account_or_service_is_never_offered(client: Any) -> None:
    offered = _search(client, AreaCode="206", MaxResults=2)
    other_service = "chime" if service_of(client) == "chime-sdk-voice" else "chime-sdk-voice"
    order_numbers(client_as(other_service, "111111111111"), offered[0])
    assert offered[0] not in _search(client, AreaCode="206", MaxResults=2)


def test_a_number_made_unavailable_is_never_offered(client: Any, handle: ChimeMock) -> None:
    offered = _search(client, TollFreePrefix="800", MaxResults=2)
    handle.make_unavailable(offered[0])
    assert offered[0] not in _search(client, TollFreePrefix="800", MaxResults=2)


def test_a_searched_number_can_be_ordered_and_is_acquired(client: Any) -> None:
    number = _search(client, AreaCode="206", MaxResults=1)[0]
    order_id = order_numbers(client, number)["PhoneNumberOrderId"]
    order = client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    assert order["Status"] == "Successful"
    assert client.get_phone_number(PhoneNumberId=number)["PhoneNumber"]["Status"] == "Unassigned"


def test_ordering_an_unavailable_number_fails_that_number(client: Any, handle: ChimeMock) -> None:
    good, refused = _search(client, AreaCode="206", MaxResults=2)
    handle.make_unavailable(refused)
    order_id = order_numbers(client, good, refused)["PhoneNumberOrderId"]
    order = client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    assert order["Status"] == "Partial"
    assert {n["E164PhoneNumber"]: n["Status"] for n in order["OrderedPhoneNumbers"]} == {
        good: "Acquired",
        refused: "Failed",
    }


def test_an_order_of_only_unavailable_numbers_fails(client: Any, handle: ChimeMock) -> None:
    handle.make_unavailable("+12065550100", "+12065550101")
    order_id = order_numbers(client, "+12065550100", "+12065550101")["PhoneNumberOrderId"]
    order = client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    assert order["Status"] == "Failed"


def test_make_unavailable_rejects_an_invalid_number(handle: ChimeMock) -> None:
    with pytest.raises(ValueError, match="chime_mock: 'abc' is not a valid"):
        handle.make_unavailable("abc")


def test_search_pages_through_the_whole_pool_without_repeats(client: Any) -> None:
    pages = [client.search_available_phone_numbers(AreaCode="206", MaxResults=500)]
    while pages[-1].get("NextToken"):
        pages.append(
            client.search_available_phone_numbers(
                AreaCode="206", MaxResults=500, NextToken=pages[-1]["NextToken"]
            )
        )
    numbers = [number for page in pages for number in page["E164PhoneNumbers"]]
    assert len(pages) == 2
    assert len(pages[0]["E164PhoneNumbers"]) == 500
    assert len(numbers) == len(set(numbers)) > 500


def test_an_unknown_next_token_is_a_bad_request(client: Any) -> None:
    code, _ = error_of(client.search_available_phone_numbers, AreaCode="206", NextToken="made-up")
    assert code == "BadRequestException"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({}, "In the US give AreaCode"),
        ({"PhoneNumberType": "Local"}, "In the US give AreaCode"),
        ({"City": "Seattle"}, "City requires State"),
        ({"TollFreePrefix": "800", "AreaCode": "206"}, "TollFreePrefix cannot be combined"),
        ({"AreaCode": "20"}, "three-digit US area code"),
        ({"State": "Washington"}, "two-letter US state code"),
        ({"AreaCode": "206", "PhoneNumberType": "TollFree"}, "PhoneNumberType TollFree goes"),
        ({"Country": "GB"}, "PhoneNumberType is required"),
        (
            {"Country": "GB", "PhoneNumberType": "Local", "AreaCode": "20"},
            "can only be used in the US",
        ),
        ({"Country": "ZZ", "PhoneNumberType": "Local"}, "Country ZZ is not supported"),
        ({"AreaCode": "206", "MaxResults": 501}, "less than or equal to 500"),
        ({"TollFreePrefix": "801"}, "TollFreePrefix"),
    ],
)
def test_a_query_breaking_the_search_rules_is_a_bad_request(
    client: Any, query: dict[str, Any], message: str
) -> None:
    code, text = error_of(client.search_available_phone_numbers, **query)
    assert code == "BadRequestException"
    assert message in text
