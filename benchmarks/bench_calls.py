"""Calls that run: chime_mock's own time per event of a simulated call, and 1,000 calls in one
process.

A call of 10 events (NEW_INBOUND_CALL, eight ACTION_SUCCESSFUL, HANGUP) runs through a trivial
handler with `handle.sip_media_applications.receive_call`. chime_mock's own time per event is
the call's wall time minus the time the same handler takes on the same 10 events called
directly (the same event dicts, no copies), divided by 10. Goal: at most 1 ms per event. Then
1,000 calls run in one mock: the median time per call of the last hundred is compared with the
first hundred's (goal: no slowdown); in a second run under tracemalloc, the memory they hold per
call (after a garbage collection) is compared with the size of one call's events as JSON, and
what is left once `reset()` forgot the calls (goal: nothing: their records are all they hold).
Last, the clock: a GetPhoneNumber with `--calls` calls waiting for it (each in a ten-minute
Pause) against the same with none, the fastest of alternating rounds (goal: at most 1.2x: a
request settles what is due, not what waits).

Run: python benchmarks/bench_calls.py [--rounds N] [--calls N]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
import tracemalloc
from typing import Any

import boto3

from chime_mock import mock_chime

LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:bench"
NUMBER = "+12065550100"
CALLER = "+12065550123"


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Speak until the ninth event, then hang up: ten events in all."""
    call_id = event["CallDetails"]["Participants"][0]["CallId"]
    if event["InvocationEventType"] == "HANGUP":
        return {"SchemaVersion": "1.0", "Actions": []}
    if event["Sequence"] < 9:
        action = {"Type": "Speak", "Parameters": {"Text": "Hello", "CallId": call_id}}
    else:
        action = {"Type": "Hangup", "Parameters": {}}
    return {"SchemaVersion": "1.0", "Actions": [action]}


def _routed(handle: Any) -> None:
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    voice.create_phone_number_order(
        ProductType="SipMediaApplicationDialIn", E164PhoneNumbers=[NUMBER]
    )
    application_id = voice.create_sip_media_application(
        AwsRegion="us-east-1", Name="bench", Endpoints=[{"LambdaArn": LAMBDA_ARN}]
    )["SipMediaApplication"]["SipMediaApplicationId"]
    voice.create_sip_rule(
        Name="bench",
        TriggerType="ToPhoneNumber",
        TriggerValue=NUMBER,
        TargetApplications=[
            {"SipMediaApplicationId": application_id, "Priority": 1, "AwsRegion": "us-east-1"}
        ],
    )
    handle.sip_media_applications.connect_lambda(LAMBDA_ARN, handler)


def _one_call(handle: Any) -> Any:
    return handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )


def per_event(rounds: int) -> dict[str, float]:
    with mock_chime() as handle:
        _routed(handle)
        events = _one_call(handle).events
        assert len(events) == 10, [event["InvocationEventType"] for event in events]
        mock_times, direct_times = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            _one_call(handle)
            mock_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            for event in events:
                handler(event, None)
            direct_times.append(time.perf_counter() - started)
    mock, direct = min(mock_times), min(direct_times)
    median = statistics.median(mock_times) - statistics.median(direct_times)
    return {
        "call_ms": mock * 1000,
        "handler_ms": direct * 1000,
        "own_ms_per_event": (mock - direct) / 10 * 1000,
        "median_own_ms_per_event": median / 10 * 1000,
    }


def many(calls: int) -> dict[str, float]:
    """Time per call over `calls` calls, then (a second run, under tracemalloc) the memory they
    hold per call and what is left once reset() forgot them."""
    with mock_chime() as handle:
        _routed(handle)
        times = []
        for _ in range(calls):
            started = time.perf_counter()
            _one_call(handle)
            times.append(time.perf_counter() - started)
    hundred = max(1, min(100, calls // 10))
    with mock_chime() as handle:
        _routed(handle)
        record_bytes = len(json.dumps(_one_call(handle).events))
        gc.collect()
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        for _ in range(calls):
            _one_call(handle)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - base
        handle.reset()
        gc.collect()
        left = tracemalloc.get_traced_memory()[0] - base
        tracemalloc.stop()
    return {
        "first_ms_per_call": statistics.median(times[:hundred]) * 1000,
        "last_ms_per_call": statistics.median(times[-hundred:]) * 1000,
        "held_bytes_per_call": held / calls,
        "left_bytes_after_reset": left,
        "events_json_bytes_per_call": record_bytes,
    }


def _pausing(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """Answer the call, then wait ten minutes."""
    if event["InvocationEventType"] != "NEW_INBOUND_CALL":
        return {"SchemaVersion": "1.0", "Actions": []}
    call_id = event["CallDetails"]["Participants"][0]["CallId"]
    pause = {"CallId": call_id, "DurationInMilliseconds": 600_000}
    return {"SchemaVersion": "1.0", "Actions": [{"Type": "Pause", "Parameters": pause}]}


def waiting(calls: int, rounds: int) -> dict[str, float]:
    """A GetPhoneNumber's time with `calls` calls waiting for the clock, and with none."""
    found: dict[int, list[float]] = {0: [], calls: []}
    for _ in range(rounds):
        for count in found:
            with mock_chime(quotas={"active_sip_media_application_calls": None}) as handle:
                _routed(handle)
                handle.sip_media_applications.connect_lambda(LAMBDA_ARN, _pausing)
                for _ in range(count):
                    _one_call(handle)
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                voice.get_phone_number(PhoneNumberId=NUMBER)
                started = time.perf_counter()
                for _ in range(100):
                    voice.get_phone_number(PhoneNumberId=NUMBER)
                found[count].append((time.perf_counter() - started) / 100)
    return {"none_us": min(found[0]) * 1e6, "waiting_us": min(found[calls]) * 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--calls", type=int, default=1000)
    arguments = parser.parse_args()
    figures = per_event(arguments.rounds)
    print(
        f"one 10-event call: {figures['call_ms']:.2f} ms, the handler alone "
        f"{figures['handler_ms']:.3f} ms: chime_mock's own time "
        f"{figures['own_ms_per_event']:.3f} ms per event (median "
        f"{figures['median_own_ms_per_event']:.3f}; goal <= 1 ms)"
    )
    figures = many(arguments.calls)
    print(
        f"{arguments.calls} calls: {figures['first_ms_per_call']:.2f} ms per call at first, "
        f"{figures['last_ms_per_call']:.2f} ms at the end; memory held "
        f"{figures['held_bytes_per_call']:.0f} bytes per call (its events as JSON: "
        f"{figures['events_json_bytes_per_call']:.0f} bytes), "
        f"{figures['left_bytes_after_reset']:.0f} bytes left once reset() forgot them"
    )
    figures = waiting(arguments.calls, rounds=5)
    print(
        f"GetPhoneNumber with {arguments.calls} calls waiting for the clock: "
        f"{figures['waiting_us']:.0f} us, with none {figures['none_us']:.0f} us: ratio "
        f"{figures['waiting_us'] / figures['none_us']:.3f} (goal <= 1.2)"
    )


if __name__ == "__main__":
    main()
