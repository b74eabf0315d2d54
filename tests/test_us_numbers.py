"""US numbers read without importing phonenumbers are read exactly as phonenumbers reads them."""

from __future__ import annotations

import pytest

from chime_mock.backend.phone_numbers import us_numbers
from chime_mock.backend.phone_numbers.facts import describe, read_by_phonenumbers

# Every area code with a few exchanges and lines: valid, invalid, toll-free, premium-rate,
# personal (5XX), Canadian and Caribbean numbers (valid for +1 but not for the US).
SAMPLES = [
    f"+1{area}{exchange}{line}"
    for area in range(200, 1000)
    for exchange, line in (("555", "0100"), ("234", "5678"), ("911", "0000"), ("200", "1234"))
]


def test_every_sampled_number_is_described_as_phonenumbers_describes_it() -> None:
    different = [n for n in SAMPLES if describe.__wrapped__(n) != read_by_phonenumbers(n)]
    assert different == []


def test_the_fast_reading_answers_for_us_numbers_and_leaves_the_rest_to_phonenumbers() -> None:
    assert us_numbers.us_type("+12065550100") == "Local"
    assert us_numbers.us_type("+18005550100") == "TollFree"
    assert us_numbers.us_type("+14165550100") is None  # Toronto: phonenumbers places it
    assert us_numbers.us_type("+19005550100") == "Local"  # premium rate is valid, not toll-free


@pytest.mark.parametrize(
    "number",
    [
        "12065550100",  # no "+": describe adds it
        "+1 206 555 0100",
        "+1206555010",
        "+120655501000",
        "+11065550100",
        "+1\u0662065550100",  # a non-ASCII digit
        "+12065550100\n",
        "+442071838750",
        "+8613800138000",
        "+1",
        "",
    ],
)
def test_other_forms_read_as_phonenumbers_reads_them(number: str) -> None:
    text = number if number.startswith("+") else f"+{number}"
    assert describe.__wrapped__(number) == read_by_phonenumbers(text)


def test_a_data_file_of_an_unknown_shape_leaves_every_number_to_phonenumbers() -> None:
    assert us_numbers._descriptions("PHONE_METADATA_US = None") is None
    leading = "PhoneMetadata(id='US', country_code=1, leading_digits='2', general_desc=None)"
    assert us_numbers._descriptions(leading) is None
    canada = (
        "PhoneMetadata(id='CA', country_code=1, general_desc=PhoneNumberDesc("
        "national_number_pattern='[2-9]\\\\d{9}', possible_length=(10,)))"
    )
    assert us_numbers._descriptions(canada) is None
