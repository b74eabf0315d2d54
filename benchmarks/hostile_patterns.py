"""Worst case of the validator's pattern checks on huge hostile strings.

For every string pattern in the input shapes of the mocked operations (both services, read from
the installed models), times one search of `smithy_pattern(...)` against strings of LENGTH
characters built to make backtracking regexes slow (blanks, repeats, separators). Goal: every
pattern well under 50 ms at 100 000 characters, so hostile input cannot stall a test run or the
server. `--all` also times the patterns of operations that are not mocked (not tuned; reported).

Run: python benchmarks/hostile_patterns.py [--length N] [--all]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator

import botocore.model

from chime_mock.operations import mocked
from chime_mock.protocol.models import MOCKED_SERVICES, service_model
from chime_mock.protocol.validation import smithy_pattern

GOAL_SECONDS = 0.05


def _hostile(length: int) -> dict[str, str]:
    return {
        "blanks": " " * length,
        "tabs": "\t" * length,
        "letters": "a" * length,
        "words": "a " * (length // 2),
        "digits": "9" * length + "x",
        "at-signs": "a@" * (length // 2),
        "mixed": "aA0-_. ,/:+@=" * (length // 13),
    }


def _patterns(shape: botocore.model.Shape, seen: set[str]) -> Iterator[str]:
    if shape.name in seen:
        return
    seen.add(shape.name)
    if "pattern" in shape.metadata:
        yield shape.metadata["pattern"]
    if shape.type_name == "structure":
        for member in shape.members.values():
            yield from _patterns(member, seen)
    elif shape.type_name == "list":
        yield from _patterns(shape.member, seen)
    elif shape.type_name == "map":
        yield from _patterns(shape.key, seen)
        yield from _patterns(shape.value, seen)


def patterns(every_operation: bool) -> set[str]:
    found: set[str] = set()
    for service in MOCKED_SERVICES:
        model = service_model(service)
        for name in model.operation_names:
            shape = model.operation_model(name).input_shape
            if shape is not None and (every_operation or name in mocked(service)):
                found.update(_patterns(shape, set()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=100_000)
    parser.add_argument("--all", action="store_true", help="also operations not mocked")
    options = parser.parse_args()
    slowest_overall = 0.0
    for pattern in sorted(patterns(options.all)):
        try:
            regex = smithy_pattern(pattern)
        except Exception as error:  # reported, as the validator skips it
            print(f"  unreadable  {pattern!r}: {error}")
            continue
        timings = {}
        for label, text in _hostile(options.length).items():
            started = time.perf_counter()
            regex.search(text)
            timings[label] = time.perf_counter() - started
        label = max(timings, key=timings.__getitem__)
        slowest_overall = max(slowest_overall, timings[label])
        print(f"{timings[label] * 1000:10.2f} ms  {label:9}  {pattern!r}")
    verdict = "meets" if slowest_overall < GOAL_SECONDS else "MISSES"
    print(
        f"slowest {slowest_overall * 1000:.2f} ms: {verdict} the {GOAL_SECONDS * 1000:.0f} ms goal"
    )


if __name__ == "__main__":
    main()
