"""Speed of the core, measured in one run.

1. A mocked `get_phone_number_order` against the floor: the same client answering the same
   response bytes from a plain `before-send` handler (everything botocore does -- serializing,
   signing, parsing -- is in both; the difference is what chime_mock adds). Goal: <= 1.10x.
   Measured twice: polling one order (as the issue asks, and as tests poll an order), and
   alternating between two orders, where no answer equals the one before it, so the mock
   never reuses the bytes of its last answer and the whole serializer runs every call.
2. Entering and leaving `mock_chime` (goal: < 50 us).
3. What `import chime_mock` adds to `import boto3` (goal: < 30 ms), in fresh interpreters.

Run: python benchmarks/bench_core.py [--rounds N]
Rounds alternate floor and mock so drift of the machine hits both alike. Like `timeit`, the
fastest round of each is reported: slower rounds measure other processes, not the code.
"""

from __future__ import annotations

import argparse
import itertools
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

# Run as a script (python benchmarks/NAME.py): its folder is on sys.path.
from floor import Floor  # type: ignore[import-not-found]

from chime_mock import mock_chime


def _per_call(function: Callable[[], object], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


def bench_calls(rounds: int, calls: int, orders: int) -> tuple[float, float]:
    """Floor and mocked time a call, cycling through `orders` orders."""
    floor = Floor()
    floor_times, mock_times = [], []
    for _ in range(rounds):
        with mock_chime():
            order_ids = itertools.cycle([floor.order() for _ in range(orders)])

            def call(order_ids: Iterator[str] = order_ids) -> object:
                return floor.call(next(order_ids))

            mock_times.append(_per_call(call, calls))
        floor.install()  # outside the mock: the plain handler answers the same bytes
        floor_times.append(_per_call(call, calls))
        floor.uninstall()
    return min(floor_times), min(mock_times)


def bench_enter_exit(rounds: int, cycles: int) -> float:
    def cycle() -> None:
        with mock_chime():
            pass

    return min(_per_call(cycle, cycles) for _ in range(rounds))


def bench_import(runs: int) -> tuple[float, float]:
    def fresh(statement: str) -> float:
        code = f"import time; s = time.perf_counter(); {statement}; print(time.perf_counter() - s)"
        output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        return float(output.stdout)

    boto3_only, both = [], []
    for _ in range(runs):
        boto3_only.append(fresh("import boto3"))
        both.append(fresh("import boto3; import chime_mock"))
    return min(boto3_only), min(both)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--calls", type=int, default=200)
    arguments = parser.parse_args()

    for orders, label in ((1, "one order"), (2, "two orders, alternating")):
        floor, mocked = bench_calls(arguments.rounds, arguments.calls, orders)
        print(
            f"get_phone_number_order, {label}: floor {floor * 1e6:.1f} us, "
            f"mocked {mocked * 1e6:.1f} us, ratio {mocked / floor:.3f} (goal <= 1.10)"
        )
    enter_exit = bench_enter_exit(arguments.rounds, 2000)
    print(f"enter + leave mock_chime      {enter_exit * 1e6:8.1f} us (goal < 50)")
    boto3_only, both = bench_import(max(5, arguments.rounds // 2))
    print(
        f"import boto3 {boto3_only * 1e3:.1f} ms, + chime_mock {both * 1e3:.1f} ms: "
        f"adds {(both - boto3_only) * 1e3:.1f} ms (goal < 30)"
    )


if __name__ == "__main__":
    main()
