"""Which countries and number types each product type can search and order.

AWS publishes the list on its "supported countries" pages, not in the API model; the mock keeps a
short choice of countries (docs/behaviour.md, "Supported countries"). Which number types a country
has comes from phonenumbers: a country has toll-free numbers when phonenumbers knows an example of
one."""

from __future__ import annotations

import functools

from chime_mock.backend.phone_numbers.product_types import (
    BUSINESS_CALLING,
    SIP_MEDIA_APPLICATION_DIAL_IN,
)

US = "US"
# Countries whose numbers SIP media application dial-in can order, besides the US.
DIAL_IN_COUNTRIES = (
    "AT", "AU", "BE", "CA", "CH", "DE", "DK", "ES", "FI", "FR",
    "GB", "IE", "IT", "JP", "NL", "NO", "NZ", "PT", "SE",
)  # fmt: skip


@functools.cache
def number_types(country: str) -> tuple[str, ...]:
    """The model's PhoneNumberType values a country has: Local, and TollFree when it exists."""
    import phonenumbers  # at the first search or country listing, not at every start

    toll_free = phonenumbers.example_number_for_type(
        country, phonenumbers.PhoneNumberType.TOLL_FREE
    )
    # North American toll-free numbers (+1 8xx) are shared by the plan's countries, and
    # phonenumbers places them in the US: a search for Canadian toll-free numbers finds none, so
    # Canada must not list TollFree.
    if toll_free is None or phonenumbers.region_code_for_number(toll_free) != country:
        return ("Local",)
    return ("Local", "TollFree")


def supported_countries(product_type: str) -> list[tuple[str, tuple[str, ...]]]:
    """(country, number types) pairs that `product_type` supports, US first."""
    if product_type == BUSINESS_CALLING:
        return [(US, ("Local",))]  # toll-free numbers cannot use Business Calling
    if product_type == SIP_MEDIA_APPLICATION_DIAL_IN:
        return [(country, number_types(country)) for country in (US, *DIAL_IN_COUNTRIES)]
    return [(US, number_types(US))]
