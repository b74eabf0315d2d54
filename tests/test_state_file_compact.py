"""State files in their default, compact form (version 4), and the older versions' form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import time_machine

from chime_mock import StateFileError, mock_chime
from chime_mock.backend.phone_numbers.records import PhoneNumber
from chime_mock.backend.state.codec import CodecError
from chime_mock.backend.state.tables import from_table, table
from tests.test_state_file import START, _backend, _populate, _snapshot


@pytest.fixture
def compact(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A state file written by default, and a snapshot of the fake it was saved from."""
    path = tmp_path / "state.json"
    with time_machine.travel(START, tick=False), mock_chime(processing_delay=60) as handle:
        _populate(handle)
        handle.save_state(path)
        return path, _snapshot(_backend())


def test_a_compact_file_keeps_every_record_field(compact: tuple[Path, dict[str, Any]]) -> None:
    path, before = compact
    with mock_chime(state=path):
        assert _snapshot(_backend()) == before


def test_the_default_file_is_one_line_with_the_records_in_tables(
    compact: tuple[Path, dict[str, Any]],
) -> None:
    text = compact[0].read_text()
    assert text.count("\n") == 1 and ", " not in text and '": ' not in text
    state = json.loads(text)["state"]
    orders = state["inventories"][0]["orders"]
    assert set(orders) == {"fields", "rows"}
    assert orders["fields"][0] == "order_id"
    assert all(len(row) == len(orders["fields"]) for row in orders["rows"])
    # Who holds each number: runs of numbers under their scope, a scope written once a run.
    assert all(set(run) == {"scope", "numbers"} for run in state["owners"])
    assert "+12065550100" in state["owners"][0]["numbers"]


def test_pretty_writes_every_record_as_an_object(tmp_path: Path) -> None:
    with time_machine.travel(START, tick=False), mock_chime(processing_delay=60) as handle:
        _populate(handle)
        handle.save_state(tmp_path / "pretty.json", pretty=True)
        handle.save_state(tmp_path / "compact.json")
    pretty = (tmp_path / "pretty.json").read_text()
    assert pretty.startswith('{\n  "format"')
    [order, *_] = json.loads(pretty)["state"]["inventories"][0]["orders"]
    assert order["created"] == "2026-03-01T09:30:00Z"
    assert len(pretty) > len((tmp_path / "compact.json").read_text())


def _version_3(document: dict[str, Any]) -> str:
    """The document as version 3 wrote it: who holds a number as an object by number, and
    timestamps with "+00:00"."""
    state = document["state"]
    for key in ("owners", "deleting", "naming"):
        state[key] = {e164: run["scope"] for run in state[key] for e164 in run["numbers"]}
    document["version"] = 3
    return json.dumps(document, indent=2).replace('Z"', '+00:00"')


def test_a_version_3_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with time_machine.travel(START, tick=False), mock_chime(processing_delay=60) as handle:
        _populate(handle)
        handle.save_state(path, pretty=True)
        before = _snapshot(_backend())
    path.write_text(_version_3(json.loads(path.read_text())))
    assert '"owners": {' in path.read_text()
    with mock_chime(state=path):
        assert _snapshot(_backend()) == before


def _edited(path: Path, edit: Any) -> None:
    document = json.loads(path.read_text())
    edit(document["state"])
    path.write_text(json.dumps(document))


EDITS = {
    "a bad value in a row": (
        lambda s: s["inventories"][0]["orders"]["rows"][0].__setitem__(5, "yesterday"),
        r"state\.inventories\[0\]\.orders\.rows\[0\]\.created: expected an ISO 8601 timestamp",
    ),
    "a short row": (
        lambda s: s["inventories"][0]["numbers"]["rows"][1].pop(),
        r"numbers\.rows\[1\]: expected a list of \d+ values, one per field",
    ),
    "an unknown field": (
        lambda s: s["inventories"][0]["orders"]["fields"].__setitem__(0, "colour"),
        r"orders\.fields: unknown or repeated field 'colour'",
    ),
    "a table without rows": (
        lambda s: s["inventories"][0]["orders"].pop("rows"),
        r"orders: expected a list",
    ),
    "a number held twice": (
        lambda s: s["owners"].append(s["owners"][0]),
        r"state\.owners\[\d\]\.numbers: \+\d+ appears twice",
    ),
}


@pytest.mark.parametrize("case", sorted(EDITS))
def test_a_malformed_compact_file_is_refused_naming_where(
    compact: tuple[Path, dict[str, Any]], case: str
) -> None:
    path = compact[0]
    edit, problem = EDITS[case]
    _edited(path, edit)
    with pytest.raises(StateFileError, match=problem):
        mock_chime(state=path).start()


def test_a_table_may_lack_a_field_that_has_a_default() -> None:
    written = table([], PhoneNumber)
    number = {"fields": written["fields"][:-1], "rows": []}  # "associations" has a default
    assert from_table(number, PhoneNumber, "numbers") == []
    with pytest.raises(CodecError, match="repeated field 'e164'"):
        from_table({"fields": ["e164", "e164"], "rows": []}, PhoneNumber, "numbers")
