"""NextTokens: each listing remembers its newest 1,000, and refuses older ones like forged ones."""

from __future__ import annotations

from typing import Any

import pytest

from chime_mock.backend.paging import TOKENS_KEPT, PageTokens
from chime_mock.errors import ServiceError
from tests.conftest import order_numbers

ITEMS = list(range(10))


def _issue(tokens: PageTokens, count: int) -> list[str]:
    """`count` new tokens, each of the first page of ITEMS one at a time."""
    issued = []
    for _ in range(count):
        _, token = tokens.page(ITEMS, lambda item: item, 1, None)
        assert token is not None
        issued.append(token)
    return issued


def _next(tokens: PageTokens, token: str) -> list[int]:
    return tokens.page(ITEMS, lambda item: item, 1, token)[0]


# -- the store ---------------------------------------------------------------------------------


def test_a_token_never_starts_with_a_dash_so_the_aws_cli_takes_it_as_a_value() -> None:
    # `aws ... --next-token -x...` fails: argparse reads "-x..." as an option.
    tokens = _issue(PageTokens(), 500)
    assert len(set(tokens)) == 500
    assert not [token for token in tokens if not token[0].isalnum()]


def test_a_token_is_kept_while_fewer_newer_ones_than_the_limit_were_issued() -> None:
    tokens = PageTokens()
    first, *_ = _issue(tokens, TOKENS_KEPT)
    assert _next(tokens, first) == [1]


def _keeping(kept: int) -> PageTokens:
    tokens = PageTokens()
    tokens.kept = kept
    return tokens


def test_the_oldest_token_is_forgotten_first() -> None:
    tokens = _keeping(2)
    first, second, third = _issue(tokens, 3)
    with pytest.raises(ServiceError, match="unknown or expired"):
        _next(tokens, first)
    assert (_next(tokens, second), _next(tokens, third)) == ([1], [1])


def test_paging_through_more_pages_than_tokens_are_kept_reaches_the_end() -> None:
    tokens = _keeping(3)
    items = list(range(50))
    seen, token = tokens.page(items, lambda item: item, 1, None)
    while token is not None:
        page, token = tokens.page(items, lambda item: item, 1, token)
        seen += page
    assert seen == items


# -- through boto3 -----------------------------------------------------------------------------

DOCUMENTED_KEPT = 1_000  # docs/operations.md: "more than 1,000 issued since" is refused


def _first_page(client: Any) -> str:
    token: str = client.list_phone_number_orders(MaxResults=1)["NextToken"]
    return token


def test_a_token_with_999_newer_ones_still_pages(client: Any) -> None:
    order_numbers(client, "+12065550100", "+12065550101")
    order_numbers(client, "+12065550102")
    oldest = _first_page(client)
    for _ in range(DOCUMENTED_KEPT - 1):
        _first_page(client)
    page = client.list_phone_number_orders(MaxResults=1, NextToken=oldest)
    assert len(page["PhoneNumberOrders"]) == 1


def test_a_token_with_a_thousand_newer_ones_is_a_bad_request(client: Any) -> None:
    order_numbers(client, "+12065550100", "+12065550101")
    order_numbers(client, "+12065550102")
    oldest = _first_page(client)
    for _ in range(DOCUMENTED_KEPT):
        _first_page(client)
    with pytest.raises(client.exceptions.BadRequestException) as refused:
        client.list_phone_number_orders(MaxResults=1, NextToken=oldest)
    assert refused.value.response["Error"]["Message"] == (
        "Invalid NextToken: the token is unknown or expired; start the listing again without "
        "NextToken"
    )


def test_a_forged_token_gets_the_same_answer_as_an_expired_one(client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="unknown or expired"):
        client.list_phone_numbers(NextToken="made-up")


def test_each_listing_keeps_its_own_tokens(client: Any) -> None:
    order_numbers(client, "+12065550100", "+12065550101")
    order_numbers(client, "+12065550102")
    orders_token = _first_page(client)
    for _ in range(DOCUMENTED_KEPT):
        client.list_phone_numbers(MaxResults=1)
    page = client.list_phone_number_orders(MaxResults=1, NextToken=orders_token)
    assert len(page["PhoneNumberOrders"]) == 1
