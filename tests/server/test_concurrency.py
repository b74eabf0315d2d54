"""Concurrent requests lose no order: the backend's lock is taken once per request."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from chime_mock.server import ChimeMockServer, running_server
from tests.server.conftest import inventories, make_client

THREADS = 8
ORDERS_PER_THREAD = 6


@pytest.fixture
def unlimited_server() -> Iterator[ChimeMockServer]:
    # More numbers than the default quota of 25, all in one account.
    with running_server(phone_number_limit=None) as started:
        yield started


def test_concurrent_orders_are_all_kept(unlimited_server: ChimeMockServer) -> None:
    server = unlimited_server
    # boto3 clients are thread-safe to use but not to create: make them all up front.
    clients = [make_client(server.url, "chime-sdk-voice") for _ in range(THREADS)]

    def order_many(worker: int) -> list[str]:
        ids = []
        for index in range(ORDERS_PER_THREAD):
            number = f"+1206555{worker:02d}{index:02d}"
            response = clients[worker].create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=[number]
            )
            ids.append(response["PhoneNumberOrder"]["PhoneNumberOrderId"])
        return ids

    with ThreadPoolExecutor(THREADS) as pool:
        created = {i for ids in pool.map(order_many, range(THREADS), timeout=60) for i in ids}

    listed: list[dict[str, Any]] = []
    token: dict[str, str] = {}
    while True:
        page = clients[0].list_phone_number_orders(MaxResults=10, **token)
        listed += page["PhoneNumberOrders"]
        if "NextToken" not in page:
            break
        token = {"NextToken": page["NextToken"]}
    assert len(created) == THREADS * ORDERS_PER_THREAD
    assert sorted(o["PhoneNumberOrderId"] for o in listed) == sorted(created)
    [inventory] = inventories(server)
    assert len(inventory["PhoneNumbers"]) == THREADS * ORDERS_PER_THREAD
