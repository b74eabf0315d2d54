"""Cold start: a new process's first mocked calls against the floor process.

A fresh interpreter imports boto3 and chime_mock, enters `mock_chime()`, makes a chime-sdk-voice
client and calls create_phone_number_order and get_phone_number once each. The floor process
makes the same client and the same two calls, answered with the same response bytes (recorded
from the mock first) by a plain `before-send` handler, and never imports chime_mock. Goals: wall
time at most 1.10x the floor's by the median of nine alternating rounds, peak RSS at most the
floor's + 10 MiB.

Run: python benchmarks/bench_cold.py [--rounds N] [--instructions]
Rounds alternate floor and mock (nine by default; which goes first alternates too). The goal
is read by the median of the rounds, what a new user sees on a typical start; the fastest of
each (as `timeit` advises) is reported beside it, and the median CPU time (user and system),
which moves less with a shared machine's load. Peak RSS is the child's own (os.wait4), the
smallest of the rounds. chime_mock's modules are byte-compiled first and the children may read
their bytecode (PYTHONDONTWRITEBYTECODE is lifted for them), as for a package installed from a
wheel: compiling the sources at every start would be measured instead. With --instructions,
each process also runs once under valgrind's callgrind: CPU instructions do not move with the
load of a shared machine as wall time does.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

NUMBER = "+12065550100"


def _calls(client: Any) -> None:
    client.create_phone_number_order(ProductType="VoiceConnector", E164PhoneNumbers=[NUMBER])
    client.get_phone_number(PhoneNumberId=NUMBER)


def mock_process() -> None:
    import boto3

    from chime_mock import mock_chime

    with mock_chime():
        _calls(boto3.client("chime-sdk-voice", region_name="us-east-1"))


def record_process(path: str) -> None:
    """The mock's answers to the two calls, saved for the floor to replay."""
    import boto3

    from chime_mock import mock_chime

    recorded: list[dict[str, Any]] = []

    def record(response_dict: dict[str, Any], **kwargs: Any) -> None:
        body = response_dict["body"]
        recorded.append(
            {
                "status": response_dict["status_code"],
                "headers": dict(response_dict["headers"]),
                "body": body.decode("utf-8"),
            }
        )

    with mock_chime():
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        client.meta.events.register("before-parse.chime-sdk-voice", record)
        _calls(client)
    Path(path).write_text(json.dumps(recorded), encoding="utf-8")


def floor_process(path: str) -> None:
    import boto3
    from botocore.awsrequest import AWSResponse

    answers = iter(json.loads(Path(path).read_text(encoding="utf-8")))

    class Body:
        def __init__(self, content: bytes) -> None:
            self._content = content

        def stream(self, **kwargs: Any) -> Any:
            yield self._content

    def answer(request: Any, **kwargs: Any) -> AWSResponse:
        recorded = next(answers)
        body = Body(recorded["body"].encode("utf-8"))
        return AWSResponse(request.url, recorded["status"], recorded["headers"], body)

    # What mock_chime sets while active, so both processes resolve credentials alike.
    os.environ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE"
    os.environ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    client = boto3.client("chime-sdk-voice", region_name="us-east-1")
    client.meta.events.register("before-send.chime-sdk-voice", answer)
    _calls(client)


def _environment() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _run(*arguments: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system) and peak RSS (MiB) of one fresh child
    process."""
    environment = _environment()
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, *arguments], env=environment)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{arguments} failed with exit code {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # Linux: kilobytes


def _instructions(*arguments: str) -> int:
    """CPU instructions of one fresh child process, counted by callgrind."""
    callgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    result = subprocess.run(
        [*callgrind, sys.executable, __file__, *arguments],
        capture_output=True,
        text=True,
        check=True,
        # String hashes are salted per process, which moves counts by ~1% from run to run.
        env={**_environment(), "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def measure(rounds: int, instructions: bool) -> dict[str, dict[str, float]]:
    """Median and fastest wall seconds, median CPU seconds, smallest peak RSS (MiB) and
    instructions (0 unless counted) of each kind of process."""
    import chime_mock

    compileall.compile_dir(Path(chime_mock.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        recording = str(Path(folder) / "answers.json")
        _run("--child", "record", recording)
        arguments = {"floor": ("--child", "floor", recording), "mock": ("--child", "mock")}
        runs: dict[str, list[tuple[float, float, float]]] = {"floor": [], "mock": []}
        for index in range(rounds):
            # Which process goes first alternates too: the first of a pair may find the machine
            # in another state (caches, clock speed) than the second.
            kinds = ["floor", "mock"] if index % 2 == 0 else ["mock", "floor"]
            for kind in kinds:
                runs[kind].append(_run(*arguments[kind]))
        counted = {kind: _instructions(*arguments[kind]) if instructions else 0 for kind in runs}
    return {
        kind: {
            "median": statistics.median(wall for wall, _, _ in found),
            "fastest": min(wall for wall, _, _ in found),
            "cpu": statistics.median(cpu for _, cpu, _ in found),
            "rss": min(rss for _, _, rss in found),
            "instructions": counted[kind],
        }
        for kind, found in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--instructions", action="store_true", help="also count instructions")
    parser.add_argument("--child", choices=["mock", "floor", "record"], help=argparse.SUPPRESS)
    parser.add_argument("recording", nargs="?", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child == "mock":
        mock_process()
        return
    if arguments.child == "record":
        record_process(arguments.recording)
        return
    if arguments.child == "floor":
        floor_process(arguments.recording)
        return
    if arguments.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (Debian: apt-get install valgrind)")
    found = measure(arguments.rounds, arguments.instructions)
    floor, mock = found["floor"], found["mock"]
    rounds = arguments.rounds
    for key, what, goal in (
        ("median", f"wall, median of {rounds}", " (goal <= 1.10)"),
        ("fastest", f"wall, fastest of {rounds}", ""),
        ("cpu", f"CPU (user + system), median of {rounds}", ""),
    ):
        print(
            f"cold start, {what}: floor {floor[key] * 1e3:.0f} ms, mock {mock[key] * 1e3:.0f} ms, "
            f"ratio {mock[key] / floor[key]:.3f}{goal}"
        )
    print(
        f"cold start, peak RSS: floor {floor['rss']:.1f} MiB, mock {mock['rss']:.1f} MiB, "
        f"+{mock['rss'] - floor['rss']:.1f} MiB (goal <= +10)"
    )
    if arguments.instructions:
        print(
            f"cold start, instructions: floor {floor['instructions'] / 1e6:,.0f} M, mock "
            f"{mock['instructions'] / 1e6:,.0f} M, ratio "
            f"{mock['instructions'] / floor['instructions']:.3f}"
        )


if __name__ == "__main__":
    main()
