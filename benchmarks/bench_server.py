"""Speed of server mode (issue 5): boto3 calls over real HTTP to `running_server()`.

1. One client, `get_phone_number_order` in a loop: the latency a test sees per call.
2. 8 threads, each with its own client, creating orders at once: the throughput the lock allows.

Run: python benchmarks/bench_server.py [--calls N]
"""

from __future__ import annotations

import argparse
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import boto3
from botocore.config import Config

from chime_mock.server import running_server

THREADS = 8


def _client(url: str) -> Any:
    return boto3.client(
        "chime-sdk-voice",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
        aws_secret_access_key="secret",
        config=Config(retries={"max_attempts": 1}),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    calls = parser.parse_args().calls
    with running_server(phone_number_limit=None) as server:
        client = _client(server.url)
        order_id = client.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
        )["PhoneNumberOrder"]["PhoneNumberOrderId"]
        start = time.perf_counter()
        for _ in range(calls):
            client.get_phone_number_order(PhoneNumberOrderId=order_id)
        per_call = (time.perf_counter() - start) / calls
        print(f"get_phone_number_order over HTTP: {per_call * 1e3:.2f} ms per call")

        clients = [_client(server.url) for _ in range(THREADS)]
        per_thread = calls // THREADS

        def create(worker: int) -> None:
            for index in range(per_thread):
                clients[worker].create_phone_number_order(
                    ProductType="VoiceConnector",
                    E164PhoneNumbers=[f"+1206555{worker + 1:02d}{index % 100:02d}"],
                )

        start = time.perf_counter()
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(create, range(THREADS)))
        elapsed = time.perf_counter() - start
        print(
            f"create_phone_number_order, {THREADS} threads: "
            f"{THREADS * per_thread / elapsed:.0f} orders/s"
        )


if __name__ == "__main__":
    main()
