"""Which numbers SearchAvailablePhoneNumbers offers: a deterministic pool per query.

Each query has a fixed pool of candidate numbers drawn from a random generator seeded by the query
itself, so the same query always sees the same numbers in the same order (across processes too).
Every candidate is valid for its country and type according to phonenumbers; US cities and
states come from phonenumbers' geocoding data. The store removes the numbers that are owned or
unavailable when it answers, so a pool position (the page token) stays meaningful while numbers
come and go.
"""

from __future__ import annotations

import functools
import random
import re
from collections import defaultdict
from dataclasses import dataclass

import phonenumbers

from chime_mock.backend.phone_numbers.countries import US, supported_countries
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.phone_numbers.product_types import SIP_MEDIA_APPLICATION_DIAL_IN
from chime_mock.errors import bad_request

# Draws per query: enough for two full pages of the largest MaxResults (500).
POOL_DRAWS = 1200
_LINE_DIGITS = 4  # outside the US: how many trailing digits of phonenumbers' example vary


@dataclass(frozen=True)
class SearchQuery:
    country: str = US
    area_code: str | None = None
    city: str | None = None
    state: str | None = None
    toll_free_prefix: str | None = None
    number_type: str | None = None

    @property
    def wants_toll_free(self) -> bool:
        return self.toll_free_prefix is not None or self.number_type == "TollFree"


def check_query(query: SearchQuery) -> None:
    """Raise BadRequestException unless the query follows the documented search rules."""
    details = {
        "AreaCode": query.area_code,
        "City": query.city,
        "State": query.state,
        "TollFreePrefix": query.toll_free_prefix,
    }
    given = [name for name, value in details.items() if value is not None]
    if query.country != US:
        types = dict(supported_countries(SIP_MEDIA_APPLICATION_DIAL_IN))
        if query.country not in types:
            raise bad_request(
                f"Country {query.country} is not supported; ListSupportedPhoneNumberCountries "
                "lists the supported ones"
            )
        if given:
            raise bad_request(
                f"{', '.join(given)} can only be used in the US; outside the US give only "
                "PhoneNumberType"
            )
        if query.number_type is None:
            raise bad_request("PhoneNumberType is required when Country is not US")
        if query.number_type not in types[query.country]:
            raise bad_request(f"Country {query.country} has no {query.number_type} numbers")
        return
    if not given:
        raise bad_request("In the US give AreaCode, City and State, State, or TollFreePrefix")
    if query.toll_free_prefix is not None and len(given) > 1:
        raise bad_request("TollFreePrefix cannot be combined with AreaCode, City or State")
    if query.city is not None and query.state is None:
        raise bad_request("City requires State")
    if query.area_code is not None and not re.fullmatch(r"[2-9]\d\d", query.area_code):
        raise bad_request(f"AreaCode must be a three-digit US area code; got {query.area_code!r}")
    if query.state is not None and not re.fullmatch(r"[A-Za-z]{2}", query.state):
        raise bad_request(f"State must be a two-letter US state code; got {query.state!r}")
    if query.number_type is not None and (query.number_type == "TollFree") != (
        query.toll_free_prefix is not None
    ):
        raise bad_request(
            "In the US, PhoneNumberType TollFree goes with TollFreePrefix, and Local with "
            "AreaCode, City or State"
        )


@functools.lru_cache(maxsize=256)
def pool(query: SearchQuery) -> tuple[str, ...]:
    """The query's candidates in order, each valid for the query's country, type and place."""
    templates = _templates(query)
    if not templates:
        return ()
    rng = random.Random(repr(query))  # a str seed is hashed with SHA-512: stable everywhere
    wanted_type = "TollFree" if query.wants_toll_free else "Local"
    found: dict[str, None] = {}  # ordered set
    for _ in range(POOL_DRAWS):
        prefix, free_digits = templates[rng.randrange(len(templates))]
        digits = "".join(str(rng.randrange(10)) for _ in range(free_digits))
        facts = describe(f"+{prefix}{digits}")
        if facts is not None and facts.country == query.country and facts.type == wanted_type:
            found[facts.e164] = None
    return tuple(found)


def _templates(query: SearchQuery) -> list[tuple[str, int]]:
    """(leading digits with the country calling code, how many digits follow) to draw from."""
    if query.country != US:
        kind = (
            phonenumbers.PhoneNumberType.TOLL_FREE
            if query.wants_toll_free
            else phonenumbers.PhoneNumberType.FIXED_LINE
        )
        example = phonenumbers.example_number_for_type(query.country, kind)
        if example is None:
            return []
        digits = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)[1:]
        return [(digits[:-_LINE_DIGITS], _LINE_DIGITS)]
    if query.toll_free_prefix is not None:
        return [(f"1{query.toll_free_prefix}", 7)]
    if query.area_code is not None:
        return [(f"1{query.area_code}", 7)]
    assert query.state is not None  # check_query made sure
    places = _us_exchanges()
    state = query.state.upper()
    if query.city is not None:
        exchanges = places.get((query.city.strip().lower(), state), [])
    else:
        exchanges = [code for (_, st), codes in places.items() if st == state for code in codes]
    return [(exchange, 4) for exchange in sorted(exchanges)]


@functools.cache
def _us_exchanges() -> dict[tuple[str, str], list[str]]:
    """(city in lower case, state code) -> the NPA-NXX prefixes ("1206215") phonenumbers places
    there.

    Imported here, at the first City or State search: phonenumbers' geocoding data takes about
    half a second and 100 MiB, which no other call needs (every process would pay it at its
    first activation otherwise).
    """
    import phonenumbers.geodata

    places: dict[tuple[str, str], list[str]] = defaultdict(list)
    for prefix, names in phonenumbers.geodata.GEOCODE_DATA.items():
        if len(prefix) != 7 or not prefix.startswith("1"):
            continue
        city, _, state = names.get("en", "").rpartition(", ")
        if city and len(state) == 2:
            places[(city.lower(), state)].append(prefix)
    return dict(places)
