"""Plain HTTP request and response values: what crosses the wire, in either mode."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str  # still percent-encoded, as on the wire
    query: str  # the raw query string, without "?"
    headers: Mapping[str, str]  # `get` by lower-case name must work (case-insensitive maps do)
    body: bytes


@dataclass
class HttpResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
