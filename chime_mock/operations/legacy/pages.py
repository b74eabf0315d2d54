"""Paging of legacy Chime's listings, whose MaxResults defaults AWS documents (ListAccounts and
ListUsers 100, ListBots 10) or leaves unsaid (ListRooms, ListRoomMemberships: the model's
largest, 99)."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.paging import Ordered
from chime_mock.operations import Call


def page(
    call: Call, records: Ordered[Any], params: dict[str, Any], default: int | None = None
) -> tuple[list[Any], str | None]:
    """One page of `records` for this list operation: MaxResults, else `default`, else the
    model's largest; and the token of the next page, if any."""
    if params.get("MaxResults") is None and default is not None:
        params = {**params, "MaxResults": default}
    return call.page(records, params)
