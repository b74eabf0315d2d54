"""Legacy Amazon Chime: what one call costs, and what a page of a listing costs at scale.

1. A mocked `get_user` against its floor: the same `chime` client answered with the mock's own
   response bytes by a plain `before-send` handler, so everything botocore does is in both and
   the difference is what chime_mock adds. Goal: at most 1.10x, as for the phone numbers.
2. One page (10) of ListAccounts, ListUsers, ListRooms and ListBots, first and later, in a fake
   of 10,000 records against one of 100 (quotas lifted), filled through the API. Goal: the large
   fake's page at most 1.2x the small one's.

Rounds alternate floor and mock (small and large) so drift of the machine hits both alike; like
`timeit`, the fastest round of each is kept, with the garbage collector off while timing.

Run: python benchmarks/bench_legacy.py [--rounds N] [--calls N]
"""

from __future__ import annotations

import argparse
import functools
from typing import Any

import boto3

# Timed and paged as every listing at scale is.
from bench_scale import LARGE, PAGE, SMALL, _per_call, listed, page_times
from botocore.awsrequest import AWSResponse

from chime_mock import mock_chime
from chime_mock.interception import INTERCEPTOR, ResponseBody

UNLIMITED = {"rooms": None, "bots": None}


def _client() -> Any:
    return boto3.client(
        "chime",
        region_name="us-east-1",
        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
        aws_secret_access_key="secret",
    )


def bench_call(rounds: int, calls: int) -> tuple[float, float]:
    """Fastest seconds per `get_user`: (floor, mocked)."""
    client = _client()
    recorded: dict[str, Any] = {}

    def record(response_dict: dict[str, Any], **kwargs: Any) -> None:
        recorded.update(response_dict)

    def answer(request: Any, **kwargs: Any) -> AWSResponse:
        return AWSResponse(
            request.url,
            recorded["status_code"],
            recorded["headers"],
            ResponseBody(recorded["body"]),
        )

    floor_times, mock_times = [], []
    with mock_chime() as handle:
        account_id = handle.chime_accounts.create_account("Example Corp")
        user_id = client.create_user(AccountId=account_id, Email="jane@example.com")["User"][
            "UserId"
        ]
        call = functools.partial(client.get_user, AccountId=account_id, UserId=user_id)
        client.meta.events.register("before-parse.chime.GetUser", record)
        call()
        client.meta.events.unregister("before-parse.chime.GetUser", record)
        backend = INTERCEPTOR.backend
    for _ in range(rounds):
        with mock_chime():
            INTERCEPTOR.backend = backend
            mock_times.append(_per_call(call, calls))
        client.meta.events.register("before-send.chime", answer)
        floor_times.append(_per_call(call, calls))
        client.meta.events.unregister("before-send.chime", answer)
    return min(floor_times), min(mock_times)


def _filled(size: int) -> tuple[Any, dict[str, str]]:
    """A fake with `size` accounts, and `size` users, rooms and bots in the first one."""
    client = _client()
    with mock_chime(quotas=UNLIMITED) as handle:
        account_id = handle.chime_accounts.create_account("Example Corp")
        for index in range(size - 1):
            client.create_account(Name=f"team{index}")
        for index in range(size):
            client.create_user(AccountId=account_id, Email=f"user{index}@example.com")
            client.create_room(AccountId=account_id, Name=f"room{index}")
            client.create_bot(AccountId=account_id, DisplayName=f"bot{index}")
        return INTERCEPTOR.backend, {"AccountId": account_id}


LISTINGS = {
    "ListAccounts": listed("list_accounts"),
    "ListUsers": listed("list_users", AccountId="@AccountId"),
    "ListRooms": listed("list_rooms", AccountId="@AccountId"),
    "ListBots": listed("list_bots", AccountId="@AccountId"),
}


def bench_listings(rounds: int, calls: int) -> list[tuple[str, str, float, float]]:
    """(listing, which page, small seconds, large seconds) for every listing."""
    fakes = {size: _filled(size) for size in (SMALL, LARGE)}
    with mock_chime(quotas=UNLIMITED):
        return page_times(_client(), fakes, LISTINGS, rounds, calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--calls", type=int, default=200)
    arguments = parser.parse_args()
    floor, mocked = bench_call(arguments.rounds, arguments.calls)
    print(
        f"get_user: floor {floor * 1e6:.1f} us, mocked {mocked * 1e6:.1f} us, "
        f"ratio {mocked / floor:.3f} (goal <= 1.10)"
    )
    print(f"one page of {PAGE}, {SMALL:,} vs {LARGE:,} records (goal: ratio <= 1.2)")
    for name, page, small, large in bench_listings(arguments.rounds, arguments.calls // 10):
        print(
            f"  {name:<14} {page:<5} {small * 1e6:7.0f} us  {large * 1e6:7.0f} us  "
            f"ratio {large / small:.3f}"
        )


if __name__ == "__main__":
    main()
