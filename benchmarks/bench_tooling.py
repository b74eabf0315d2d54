"""What the always-on call journal and the fault check cost per call.

Run: python benchmarks/bench_tooling.py. Goal: well under 5% of a boto3 call to the mock.
"""

from __future__ import annotations

import timeit

import boto3

from chime_mock import mock_chime
from chime_mock.backend import Backend
from chime_mock.defaults import DEFAULT_JOURNAL_LIMIT
from chime_mock.faults import Fault

CALLS = 2000


def main() -> None:
    with mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        voice.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
        )
        call = timeit.timeit(
            lambda: voice.get_phone_number(PhoneNumberId="+12065550100"), number=CALLS
        )
        recorded = handle.calls[-1]

    backend = Backend()

    def record() -> None:
        backend.journal.record(
            service=recorded.service,
            region=recorded.region,
            account=recorded.account,
            operation=recorded.operation,
            params=recorded.params,
            status=recorded.status,
            error=recorded.error,
        )

    appended = timeit.timeit(record, number=CALLS)
    # A journal at its limit drops its oldest record on each append: that must cost no more.
    for _ in range(DEFAULT_JOURNAL_LIMIT):
        record()
    full = timeit.timeit(record, number=CALLS)
    backend.faults.add(Fault("CreatePhoneNumberOrder", "ServiceFailureException", 1))
    check = timeit.timeit(
        lambda: backend.faults.take("GetPhoneNumber", lambda code: True), number=CALLS
    )
    per_call = call / CALLS * 1e6
    print(f"boto3 GetPhoneNumber through the mock: {per_call:8.1f} us per call")
    for name, seconds in (
        ("journal record", appended),
        ("journal record, at its limit", full),
        ("fault check (1 pending)", check),
    ):
        cost = seconds / CALLS * 1e6
        print(f"{name:>37}: {cost:8.1f} us per call ({cost / per_call:.1%})")


if __name__ == "__main__":
    main()
