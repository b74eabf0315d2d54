"""Cold start: a new process's first mocked calls against the floor process (issue 12).

A fresh interpreter imports boto3 and chime_mock, enters `mock_chime()`, makes a chime-sdk-voice
client and calls create_phone_number_order and get_phone_number once each. The floor process
makes the same client and the same two calls, answered with the same response bytes (recorded
from the mock first) by a plain `before-send` handler, and never imports chime_mock. Goals: wall
time at most 1.15x the floor's, peak RSS at most the floor's + 20 MiB.

Run: python benchmarks/bench_cold.py [--rounds N] [--instructions]
Rounds alternate floor and mock; like `timeit`, the fastest of each is reported. Peak RSS is the
child's own (os.wait4), the smallest of the rounds. chime_mock's modules are byte-compiled first
and the children may read their bytecode (PYTHONDONTWRITEBYTECODE is lifted for them), as for a
package installed from a wheel: compiling the sources at every start would be measured instead.
With --instructions, each process also runs once under valgrind's callgrind: CPU instructions
do not move with the load of a shared machine as wall time does.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
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


def _run(*arguments: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh child process."""
    environment = _environment()
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, __file__, *arguments], env=environment)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{arguments} failed with exit code {child.returncode}")
    return wall, usage.ru_maxrss / 1024  # Linux reports kilobytes


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


def measure(rounds: int, instructions: bool) -> dict[str, tuple[float, float, int]]:
    """(fastest wall seconds, smallest peak RSS MiB, instructions or 0) of each kind of
    process."""
    import chime_mock

    compileall.compile_dir(Path(chime_mock.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        recording = str(Path(folder) / "answers.json")
        _run("--child", "record", recording)
        arguments = {"floor": ("--child", "floor", recording), "mock": ("--child", "mock")}
        runs: dict[str, list[tuple[float, float]]] = {"floor": [], "mock": []}
        for _ in range(rounds):
            for kind, found in runs.items():
                found.append(_run(*arguments[kind]))
        counted = {kind: _instructions(*arguments[kind]) if instructions else 0 for kind in runs}
    return {
        kind: (min(wall for wall, _ in found), min(rss for _, rss in found), counted[kind])
        for kind, found in runs.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
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
    (floor_wall, floor_rss, floor_count), (mock_wall, mock_rss, mock_count) = (
        found["floor"],
        found["mock"],
    )
    print(
        f"cold start, wall: floor {floor_wall * 1e3:.0f} ms, mock {mock_wall * 1e3:.0f} ms, "
        f"ratio {mock_wall / floor_wall:.3f} (goal <= 1.15)"
    )
    print(
        f"cold start, peak RSS: floor {floor_rss:.1f} MiB, mock {mock_rss:.1f} MiB, "
        f"+{mock_rss - floor_rss:.1f} MiB (goal <= +20)"
    )
    if arguments.instructions:
        print(
            f"cold start, instructions: floor {floor_count / 1e6:,.0f} M, mock "
            f"{mock_count / 1e6:,.0f} M, ratio {mock_count / floor_count:.3f}"
        )


if __name__ == "__main__":
    main()
