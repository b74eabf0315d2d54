"""The addresses a Voice Connector's configurations name, checked as AWS documents them: the
countries termination may call, the hosts origination routes calls to, and the CIDR blocks allowed
to send calls (docs/behaviour.md, "Wire habits of real code").

Each check raises BadRequestException naming the member by its path in the request, the value,
and what would be accepted.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

import phonenumbers

from chime_mock.errors import bad_request

# One label of a host name (RFC 1123): letters, digits and inner hyphens, 1 to 63 characters.
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?", re.ASCII)
_DIGITS_AND_DOTS = re.compile(r"[0-9.]+", re.ASCII)
_HOST_NAME_MAX = 253


def calling_regions(regions: Iterable[str], where: str) -> None:
    """Each an upper-case ISO 3166-1 alpha-2 code of a country with a telephone calling code
    (the countries Voice Connectors can call are those of AWS's pricing page, all such codes);
    none twice."""
    seen: set[str] = set()
    for index, region in enumerate(regions, start=1):
        if region not in phonenumbers.SUPPORTED_REGIONS:
            hint = (
                f" (did you mean {region.upper()}?)"
                if region.upper() in phonenumbers.SUPPORTED_REGIONS
                else ""
            )
            raise bad_request(
                f"{where}.{index} is {region!r}, not the ISO 3166-1 alpha-2 code of a country "
                f"termination can call{hint}: use upper-case codes such as US, CA or GB"
            )
        if region in seen:
            raise bad_request(f"{where} lists {region} more than once; list each country once")
        seen.add(region)


def host(value: str, where: str) -> None:
    """A host name (letters, digits and hyphens in dot-separated labels, at least two labels,
    the last not all digits) or an IPv4 address in dotted-decimal form."""
    if _DIGITS_AND_DOTS.fullmatch(value):
        try:
            ipaddress.IPv4Address(value)
        except ValueError:
            raise bad_request(
                f"{where} is {value!r}, which is no IPv4 address (four numbers 0 to 255 "
                "separated by dots, without leading zeros); give an IPv4 address or a host name"
            ) from None
        return
    name = value[:-1] if value.endswith(".") else value  # a fully qualified name's root dot
    labels = name.split(".")
    if (
        len(name) > _HOST_NAME_MAX
        or len(labels) < 2
        or not all(_LABEL.fullmatch(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise bad_request(
            f"{where} is {value[:100]!r}, neither a host name (such as sip.example.com: "
            "letters, digits and hyphens in dot-separated labels) nor an IPv4 address "
            "(such as 198.51.100.10)"
        )


def cidr(value: str, where: str) -> None:
    """An IPv4 block in CIDR notation, written with its network address (`203.0.113.0/24`);
    one address is `/32`."""
    if "/" not in value:
        hint = f"; for this one address write {value}/32" if _is_ipv4(value) else ""
        raise bad_request(
            f"{where} is {value[:100]!r}, not in CIDR notation (address/prefix, such as "
            f"203.0.113.0/24){hint}"
        )
    try:
        ipaddress.IPv4Network(value, strict=True)
    except ValueError as error:
        network = _loose_network(value)
        hint = f"; the block's network address is {network}" if network else ""
        raise bad_request(
            f"{where} is {value[:100]!r}, not an IPv4 CIDR block ({error}){hint}"
        ) from None


def _is_ipv4(value: str) -> bool:
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return False
    return True


def _loose_network(value: str) -> str | None:
    try:
        return str(ipaddress.IPv4Network(value, strict=False))
    except ValueError:
        return None
