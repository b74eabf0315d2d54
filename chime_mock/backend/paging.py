"""Opaque NextTokens: issued by the fake, remembered, and the only tokens it accepts.

Only the newest `TOKENS_KEPT` of each listing are remembered, so a mock left running does not
grow with every page it served; an older token is refused like one never issued.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TypeVar

from chime_mock.errors import bad_request

T = TypeVar("T")

# Per listing of an inventory: far more than any client pages through at once.
TOKENS_KEPT = 1_000


class PageTokens:
    """Pages a sequence ordered by a growing `seq`; a token remembers the last `seq` served.

    Keying on `seq` rather than on a position keeps a listing stable while records are added or
    removed between pages.
    """

    # How many tokens are remembered. A class attribute, not state of each instance: an
    # inventory only read from stays as empty as a new one. A unit test may lower it on one.
    kept = TOKENS_KEPT

    def __init__(self) -> None:
        # Oldest first: popitem(last=False) evicts in O(1) where a dict's first key may not be.
        self._issued: OrderedDict[str, int] = OrderedDict()

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
                    "Invalid NextToken: the token is unknown or expired; start the listing again "
                    "without NextToken"
                )
            after = self._issued[next_token]
        remaining = [item for item in items if seq(item) > after]
        page = remaining[:max_results]
        if len(remaining) <= max_results:
            return page, None
        # Hex, so a token never starts with "-": the AWS CLI would read `--next-token -x...`
        # as an option, and a shell script pasting tokens would fail one time in 64.
        token = secrets.token_hex(24)
        self._issued[token] = seq(page[-1])
        if len(self._issued) > self.kept:
            self._issued.popitem(last=False)
        return page, token
