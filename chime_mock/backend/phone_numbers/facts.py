"""What a phone number is, as far as the fake needs to know: read from phonenumbers.

phonenumbers is imported at the first number `us_numbers` cannot tell apart by itself: a strict
E.164 US number is read from phonenumbers' US metadata without importing the whole library.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import quote

from chime_mock.backend.phone_numbers.us_numbers import us_type


class NumberFacts(NamedTuple):
    e164: str  # always with the leading "+"
    country: str  # ISO 3166 alpha-2
    type: str  # "Local" or "TollFree", the model's PhoneNumberType

    @property
    def phone_number_id(self) -> str:
        # Legacy Chime samples show the ID as the URL-encoded E.164 number ("%2B12065550100");
        # chime-sdk-voice publishes nothing, so the mock uses the same form for both.
        return quote(self.e164, safe="")


@functools.lru_cache(maxsize=4096)
def describe(number: str) -> NumberFacts | None:
    """Facts about a number in E.164 form (the "+" may be missing), or None when it is not valid."""
    text = number if number.startswith("+") else f"+{number}"
    known = us_type(text)
    if known is not None:
        return NumberFacts(e164=text, country="US", type=known)
    return read_by_phonenumbers(text)


def read_by_phonenumbers(text: str) -> NumberFacts | None:
    """`describe`'s answer from phonenumbers itself, for any number `us_numbers` cannot read."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    country = phonenumbers.region_code_for_number(parsed)
    if not country or country == "001":  # "001": non-geographic (satellite, UIFN): no country
        return None
    toll_free = phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.TOLL_FREE
    return NumberFacts(
        e164=phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164),
        country=country,
        type="TollFree" if toll_free else "Local",
    )


def canonical_id(phone_number_id: str) -> str:
    """The stored form of an ID given as `+12065550100`, `%2B12065550100` or `12065550100`.

    Legacy Chime users send both of the first two (botocore encodes `+` as `%2B` and `%2B` as
    `%252B`, so both arrive here decoded once); the bare digits are accepted for symmetry.
    """
    text = phone_number_id
    if text[:3].upper() == "%2B":
        text = "+" + text[3:]
    elif not text.startswith("+"):
        text = "+" + text
    # JSON bodies may carry lone surrogates ("\udcff"), which UTF-8 cannot encode; such an ID
    # names no number, so it only has to be quoted without raising.
    return quote(text, safe="", errors="surrogatepass")


def reported_id(sent: str) -> str:
    """The PhoneNumberId a PhoneNumberErrors entry names for a number sent as `sent`: the number's
    ID (`%2B12065550100`, as GetPhoneNumber answers and AWS's batch examples send it) when `sent`
    is a phone number in either form, else `sent` as it came (docs/behaviour.md, "Wire habits of
    real code")."""
    facts = describe("+" + sent[3:] if sent[:3].upper() == "%2B" else sent)
    return facts.phone_number_id if facts is not None else sent


def repeated(numbers: Iterable[str]) -> list[str]:
    """The numbers (or IDs) listed more than once, sorted: what a duplicate-refusing request
    names."""
    return sorted(number for number, count in Counter(numbers).items() if count > 1)
