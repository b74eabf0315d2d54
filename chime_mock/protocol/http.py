"""Plain HTTP request and response values: what crosses the wire, in either mode.

Named tuples rather than dataclasses: one of each is made per mocked call, and a tuple is the
cheapest value Python builds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class HttpRequest(NamedTuple):
    method: str
    path: str  # still percent-encoded, as on the wire
    query: str  # the raw query string, without "?"
    headers: Mapping[str, str]  # `get` by lower-case name must work (case-insensitive maps do)
    body: bytes


class HttpResponse(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes = b""
