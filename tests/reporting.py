"""Prints how many hostile-input cases ran, summed over tests and xdist workers.

Tests record `hostile_cases` (a number) and `hostile_tally` (outcome -> count) with
`record_property`; reports carry them to the controlling process, so `-n 4` counts them too.
"""

from __future__ import annotations

from collections import Counter

import pytest


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    cases = 0
    tests = 0
    tally: Counter[str] = Counter()
    for report in terminalreporter.stats.get("passed", []):
        properties = dict(getattr(report, "user_properties", []))
        if "hostile_cases" in properties:
            tests += 1
            cases += int(properties["hostile_cases"])
            tally.update(properties.get("hostile_tally", {}))
    if tests:
        outcomes = ", ".join(f"{count} {outcome}" for outcome, count in sorted(tally.items()))
        terminalreporter.write_line(
            f"chime_mock hostile input: {cases} cases over {tests} operations ({outcomes})"
        )
