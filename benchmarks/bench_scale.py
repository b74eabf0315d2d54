"""Scale: one page of every list operation at 10,000 records against one page at 100 (issue 12).

Two fakes, a small one (100 orders and numbers) and a large one (10,000), alike in every other
way (the active mock answers from one, then the other): a fifth of the numbers
SipMediaApplicationDialIn, a fifth in the deletion queue, a fifth associated with a Voice
Connector; as many Voice Connectors and groups (quotas lifted), so every filter and family
listing fills two pages in both. Each list operation is called through boto3
with the same page size in both, for its first page and for a later one (NextToken), alternating
small and large; like `timeit`, the fastest of the rounds is kept, with the garbage collector
off while timing. Goal: large <= 1.2x small.

Run: python benchmarks/bench_scale.py [--rounds N] [--large N]
"""

from __future__ import annotations

import argparse
import datetime as _dt
import functools
import gc
import time
from collections.abc import Callable
from typing import Any

import boto3

from chime_mock import mock_chime
from chime_mock.backend import Backend, Scope, associations
from chime_mock.backend.phone_numbers.inventory import delete_number
from chime_mock.backend.phone_numbers.orders import create_order
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.voice_connectors import connectors
from chime_mock.interception import INTERCEPTOR

PAGE = 10
SMALL, LARGE = 100, 10_000
SCOPE = Scope.of("chime-sdk-voice", "123456789012", "us-east-1")
VOICE_CONNECTOR = ("VoiceConnectorId", "abcdef1ghij2klmno3pqr4")


def filled(size: int, now: _dt.datetime) -> Backend:
    """A fake holding `size` completed orders of one number each, and `size` Voice Connectors
    and groups."""
    backend = Backend(phone_number_limit=None)
    backend.quotas = Quotas({"voice_connectors": None, "voice_connector_groups": None})
    scope = SCOPE
    inventory = backend.inventory(scope)
    with backend.lock:
        for _ in range(size):
            params = {"Name": "trunk", "RequireEncryption": True}
            connectors.create_connector(inventory, params, backend.quotas, backend.next_seq(), now)
            connectors.create_group(
                inventory, {"Name": "g"}, backend.quotas, backend.next_seq(), now
            )
        for index in range(size):
            product_type = "SipMediaApplicationDialIn" if index % 5 == 4 else "VoiceConnector"
            e164 = f"+1206555{index:04d}"
            create_order(backend, scope, product_type, [e164], now)
        backend.settle(now)
        for index, number in enumerate(list(backend.inventory(scope).numbers.values())):
            if index % 5 == 1:
                delete_number(backend, scope, number.phone_number_id, now)
            elif index % 5 == 2:
                associations.associate(inventory, VOICE_CONNECTOR, [number.e164], False, now)
    return backend


def listings() -> dict[str, Callable[[Any, str | None], dict[str, Any]]]:
    """Each list operation and filter: (client, NextToken) -> the answer."""

    def numbers(**filters: Any) -> Callable[[Any, str | None], dict[str, Any]]:
        def call(client: Any, token: str | None) -> dict[str, Any]:
            extra = {"NextToken": token} if token else {}
            answer: dict[str, Any] = client.list_phone_numbers(MaxResults=PAGE, **filters, **extra)
            return answer

        return call

    def orders(client: Any, token: str | None) -> dict[str, Any]:
        extra = {"NextToken": token} if token else {}
        answer: dict[str, Any] = client.list_phone_number_orders(MaxResults=PAGE, **extra)
        return answer

    def search(client: Any, token: str | None) -> dict[str, Any]:
        extra = {"NextToken": token} if token else {}
        answer: dict[str, Any] = client.search_available_phone_numbers(
            AreaCode="312", MaxResults=PAGE, **extra
        )
        return answer

    def family(list_operation: str) -> Callable[[Any, str | None], dict[str, Any]]:
        def call(client: Any, token: str | None) -> dict[str, Any]:
            extra = {"NextToken": token} if token else {}
            answer: dict[str, Any] = getattr(client, list_operation)(MaxResults=PAGE, **extra)
            return answer

        return call

    name, value = VOICE_CONNECTOR
    return {
        "ListVoiceConnectors": family("list_voice_connectors"),
        "ListVoiceConnectorGroups": family("list_voice_connector_groups"),
        "ListPhoneNumberOrders": orders,
        "ListPhoneNumbers": numbers(),
        "ListPhoneNumbers Status=Unassigned": numbers(Status="Unassigned"),
        "ListPhoneNumbers Status=DeleteInProgress": numbers(Status="DeleteInProgress"),
        "ListPhoneNumbers ProductType=SipMediaApplicationDialIn": numbers(
            ProductType="SipMediaApplicationDialIn"
        ),
        "ListPhoneNumbers FilterName=VoiceConnectorId": numbers(FilterName=name, FilterValue=value),
        "SearchAvailablePhoneNumbers AreaCode=312": search,
    }


def _per_call(call: Callable[[], object], calls: int) -> float:
    # As timeit does: a garbage collection pass walks every object, so the large fake's would
    # be charged to whichever call it happens to interrupt.
    gc.disable()
    try:
        start = time.perf_counter()
        for _ in range(calls):
            call()
        return (time.perf_counter() - start) / calls
    finally:
        gc.enable()


def measure(rounds: int, calls: int) -> list[tuple[str, str, float, float]]:
    """(listing, which page, small seconds, large seconds) for every listing."""
    found = []
    now = _dt.datetime.now(_dt.timezone.utc)
    backends = {size: filled(size, now) for size in (SMALL, LARGE)}
    with mock_chime():
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        active = INTERCEPTOR.backend
        for name, listing in listings().items():
            for page in ("first", "later"):
                times: dict[int, list[float]] = {SMALL: [], LARGE: []}
                for _ in range(rounds):
                    for size, backend in backends.items():
                        INTERCEPTOR.backend = backend
                        # A later page follows the token of the first (fetched anew: a listing
                        # keeps only its newest tokens).
                        token = listing(client, None)["NextToken"] if page == "later" else None
                        call = functools.partial(listing, client, token)
                        times[size].append(_per_call(call, calls))
                found.append((name, page, min(times[SMALL]), min(times[LARGE])))
        INTERCEPTOR.backend = active
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--calls", type=int, default=20)
    arguments = parser.parse_args()
    results = measure(arguments.rounds, arguments.calls)
    print(f"one page of {PAGE}, {SMALL:,} vs {LARGE:,} records (goal: ratio <= 1.2)")
    for name, page, small, large in results:
        print(
            f"  {name:<46} {page:<5} {small * 1e6:7.0f} us  {large * 1e6:7.0f} us  "
            f"ratio {large / small:.3f}"
        )
    print(f"  worst ratio {max(large / small for _, _, small, large in results):.3f}")


if __name__ == "__main__":
    main()
