"""Many threads sharing one mock: create, list and read orders at once.

Every order created is listed exactly once, every number is acquired by exactly one order (also
when all threads race for the same numbers, across both services), and no call fails.
"""

from __future__ import annotations

import sys
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import boto3
import boto3.session
import pytest

from chime_mock import mock_chime
from tests.conftest import SERVICES

pytestmark = pytest.mark.disable_socket

THREADS = 8
ORDERS_PER_THREAD = 12
# Then every thread orders the same numbers at the same moment, round after round.
ROUNDS = 20
CONTESTED = [f"+12065559{round_:02d}{index}" for round_ in range(ROUNDS) for index in range(3)]
# The longest any thread waits for the others: far more than the whole test takes.
WAIT = 60


def _numbers_of(thread: int, order: int) -> list[str]:
    return [f"+1206555{thread:02d}{order:02d}"]


def _every_order(client: Any) -> list[dict[str, Any]]:
    """A full paginated listing, three orders a page so pages are turned while others write."""
    orders: list[dict[str, Any]] = []
    token = None
    while True:
        page = client.list_phone_number_orders(
            MaxResults=3, **({"NextToken": token} if token else {})
        )
        orders += page["PhoneNumberOrders"]
        token = page.get("NextToken")
        if not token:
            return orders


def _work(thread: int, client: Any, start: threading.Barrier) -> list[str]:
    try:
        return _orders_of(thread, client, start)
    except BaseException:
        start.abort()  # the others stop waiting for this thread at once
        raise


def _orders_of(thread: int, client: Any, start: threading.Barrier) -> list[str]:
    start.wait()
    created = []
    for index in range(ORDERS_PER_THREAD):
        order = client.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=_numbers_of(thread, index)
        )["PhoneNumberOrder"]
        created.append(order["PhoneNumberOrderId"])
        listed = [entry["PhoneNumberOrderId"] for entry in _every_order(client)]
        assert len(listed) == len(set(listed)), "a listing showed an order twice"
        assert set(created) <= set(listed), "a listing missed an order this thread made"
        read = client.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
        assert read["PhoneNumberOrder"]["OrderedPhoneNumbers"][0]["E164PhoneNumber"] in (
            _numbers_of(thread, index)
        )
    for round_ in range(ROUNDS):
        start.wait()
        contested = client.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=CONTESTED[round_ * 3 : round_ * 3 + 3]
        )["PhoneNumberOrder"]
        created.append(contested["PhoneNumberOrderId"])
    return created


@pytest.fixture
def switch_often() -> Iterator[None]:
    """Let the interpreter switch threads every microsecond, so unlocked races do show."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


@pytest.fixture
def clients(switch_often: None) -> Iterator[list[Any]]:
    """One client per thread; per service, two threads share one client as production code does."""
    # No inventory quota: the threads order far more than the default 25 numbers of an account.
    with mock_chime(processing_delay=0, phone_number_limit=None):
        shared = {service: boto3.client(service, region_name="us-east-1") for service in SERVICES}
        made = []
        for thread in range(THREADS):
            service = SERVICES[thread % 2]
            if thread < 4:
                made.append(shared[service])
            else:
                made.append(boto3.session.Session().client(service, region_name="us-east-1"))
        yield made


def test_threads_sharing_one_mock_create_list_and_read_without_a_lost_or_doubled_order(
    clients: list[Any],
) -> None:
    start = threading.Barrier(THREADS, timeout=WAIT)
    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(_work, thread, clients[thread], start) for thread in range(THREADS)]
        created = {t: future.result(timeout=WAIT) for t, future in enumerate(futures)}

    acquired: Counter[str] = Counter()
    for service, client in zip(SERVICES, clients[:2], strict=True):
        made_here = [i for t, ids in created.items() if SERVICES[t % 2] == service for i in ids]
        listed = _every_order(client)
        ids = [order["PhoneNumberOrderId"] for order in listed]
        assert sorted(ids) == sorted(made_here)  # each order exactly once, none foreign
        for order in listed:
            for entry in order["OrderedPhoneNumbers"]:
                acquired[entry["E164PhoneNumber"]] += entry["Status"] == "Acquired"

    own = {
        number
        for t in range(THREADS)
        for o in range(ORDERS_PER_THREAD)
        for number in _numbers_of(t, o)
    }
    assert {number: acquired[number] for number in own} == dict.fromkeys(own, 1)
    assert {number: acquired[number] for number in CONTESTED} == dict.fromkeys(CONTESTED, 1)
