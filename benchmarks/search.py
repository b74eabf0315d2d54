"""How long SearchAvailablePhoneNumbers takes through a real boto3 client.

Run: .venv/bin/python -m benchmarks.search
The first search of a query builds its pool (and, for a State or City, phonenumbers' place index);
later searches of the same query only filter the pool.
"""

from __future__ import annotations

import time

import boto3

from chime_mock import mock_chime

QUERIES = (
    {"AreaCode": "206"},
    {"State": "CA"},
    {"City": "Seattle", "State": "WA"},
    {"TollFreePrefix": "888"},
    {"Country": "GB", "PhoneNumberType": "Local"},
)


def main() -> None:
    with mock_chime():
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        for query in QUERIES:
            timings = []
            for _ in range(5):
                start = time.perf_counter()
                client.search_available_phone_numbers(MaxResults=500, **query)
                timings.append(time.perf_counter() - start)
            print(
                f"{query}: first {timings[0] * 1000:.1f} ms, then {min(timings[1:]) * 1000:.1f} ms"
            )


if __name__ == "__main__":
    main()
