"""Which product type a number may be ordered with, and what it can do under it.

The rules are the ones AWS documents for CreatePhoneNumberOrder (see docs/behaviour.md); the
capability flags are the mock's choice where AWS publishes nothing.
"""

from __future__ import annotations

from chime_mock.backend.phone_numbers.facts import NumberFacts
from chime_mock.errors import bad_request

SIP_MEDIA_APPLICATION_DIAL_IN = "SipMediaApplicationDialIn"
BUSINESS_CALLING = "BusinessCalling"


def check_product_type(product_type: str, facts: NumberFacts, position: str) -> None:
    """Raise BadRequestException when `facts` may not be ordered with `product_type`."""
    if facts.country != "US" and product_type != SIP_MEDIA_APPLICATION_DIAL_IN:
        raise bad_request(
            f"{position} ({facts.e164}) is outside the US ({facts.country}): numbers outside "
            f"the US must use the {SIP_MEDIA_APPLICATION_DIAL_IN} product type"
        )
    if facts.type == "TollFree" and product_type == BUSINESS_CALLING:
        raise bad_request(
            f"{position} ({facts.e164}) is a toll-free number: toll-free numbers cannot use the "
            f"{BUSINESS_CALLING} product type"
        )


def capabilities(facts: NumberFacts, product_type: str) -> dict[str, bool]:
    """US local numbers can do everything (as the AWS samples show); toll-free and dial-in
    numbers take calls and texts but no MMS; numbers outside the US are voice only."""
    voice_only = facts.country != "US"
    messaging = not voice_only
    mms = messaging and facts.type == "Local" and product_type != SIP_MEDIA_APPLICATION_DIAL_IN
    return {
        "InboundCall": True,
        "OutboundCall": True,
        "InboundSMS": messaging,
        "OutboundSMS": messaging,
        "InboundMMS": mms,
        "OutboundMMS": mms,
    }


def takes_calling_name(facts: NumberFacts) -> bool:
    """Outbound calling names (CNAM) exist for US local numbers only: the mock's choice."""
    return facts.country == "US" and facts.type == "Local"
