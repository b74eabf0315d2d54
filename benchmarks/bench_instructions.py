"""The mocked call against the floor in CPU instructions, counted by valgrind's callgrind.

Wall-clock ratios on a shared 2-core machine move with its load and caches; instruction counts
do not (the same script gives the same count, whatever else runs). This runs one script three
times under callgrind -- setup only, then setup plus N floor calls, then setup plus N mocked
calls -- and reports the instructions of one call each way. The floor is the same client answered
by a plain `before-send` handler with the mock's own response bytes, as in bench_core.py.

Run: python benchmarks/bench_instructions.py [--calls N]   (needs `valgrind` on PATH)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

# Run as a script (python benchmarks/NAME.py): its folder is on sys.path.
from floor import Floor  # type: ignore[import-not-found]

from chime_mock import mock_chime


def workload(mode: str, calls: int) -> None:
    floor = Floor()
    with mock_chime():
        order_id = floor.order()
        for _ in range(20 + (calls if mode == "mock" else 0)):  # 20 warm both paths alike
            floor.call(order_id)
    floor.install()
    for _ in range(20 + (calls if mode == "floor" else 0)):
        floor.call(order_id)


def _instructions(mode: str, calls: int) -> int:
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--workload",
            mode,
            "--calls",
            str(calls),
        ],
        capture_output=True,
        text=True,
        check=True,
        # String hashes are salted per process, which moves counts by ~1% from run to run.
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--workload", choices=["floor", "mock"], help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.workload:
        workload(arguments.workload, arguments.calls)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("bench_instructions needs valgrind (Debian: apt-get install valgrind)")
    setup = _instructions("floor", 0)
    floor = (_instructions("floor", arguments.calls) - setup) / arguments.calls
    mocked = (_instructions("mock", arguments.calls) - setup) / arguments.calls
    print(f"get_phone_number_order  floor {floor:,.0f}  mocked {mocked:,.0f} instructions a call")
    print(f"                        ratio {mocked / floor:.3f} (goal <= 1.10)")


if __name__ == "__main__":
    main()
