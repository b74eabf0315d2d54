"""Opaque NextTokens: issued by the fake, remembered, and the only tokens it accepts."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from typing import TypeVar

from chime_mock.errors import bad_request

T = TypeVar("T")


class PageTokens:
    """Pages a sequence ordered by a growing `seq`; a token remembers the last `seq` served.

    Keying on `seq` rather than on a position keeps a listing stable while records are added or
    removed between pages.
    """

    def __init__(self) -> None:
        self._issued: dict[str, int] = {}

    def page(
        self,
        items: Sequence[T],
        seq: Callable[[T], int],
        max_results: int,
        next_token: str | None,
    ) -> tuple[list[T], str | None]:
        """The page after `next_token` (None: the first) and the token of the next, if any."""
        after = -1
        if next_token is not None:
            if next_token not in self._issued:
                raise bad_request(
                    "Invalid NextToken: it was not issued by this service or has expired"
                )
            after = self._issued[next_token]
        remaining = [item for item in items if seq(item) > after]
        page = remaining[:max_results]
        if len(remaining) <= max_results:
            return page, None
        token = secrets.token_urlsafe(24)
        self._issued[token] = seq(page[-1])
        return page, token
