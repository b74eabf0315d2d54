"""journal_limit in server mode: the config endpoint, the calls answer and `--journal-limit`."""

from __future__ import annotations

import json
from typing import Any

import pytest

from chime_mock.cli import main
from chime_mock.server import ChimeMockServer, running_server
from tests.server.conftest import Answer, send


def _configure(server: ChimeMockServer, document: dict[str, Any]) -> Answer:
    return send(server.url, "POST", "/_chime_mock/config", json.dumps(document).encode())


def _calls(server: ChimeMockServer) -> Any:
    return send(server.url, "GET", "/_chime_mock/calls").json()


def _list(voice: Any, *max_results: int) -> None:
    for value in max_results:
        voice.list_phone_number_orders(MaxResults=value)


def test_the_calls_answer_keeps_the_newest_calls_and_counts_the_dropped(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    assert _configure(server, {"JournalLimit": 2}).json()["JournalLimit"] == 2
    _list(remote_voice, 1, 2, 3)
    answer = _calls(server)
    assert [call["Params"]["MaxResults"] for call in answer["Calls"]] == [2, 3]
    assert answer["Dropped"] == 1


def test_the_calls_answer_drops_nothing_under_the_limit(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    _list(remote_voice, 1)
    assert _calls(server)["Dropped"] == 0


def test_lowering_the_journal_limit_keeps_the_newest_calls(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    _list(remote_voice, 1, 2, 3)
    _configure(server, {"JournalLimit": 1})
    answer = _calls(server)
    assert ([call["Params"] for call in answer["Calls"]], answer["Dropped"]) == (
        [{"MaxResults": 3}],
        2,
    )


def test_a_null_journal_limit_keeps_every_call(server: ChimeMockServer, remote_voice: Any) -> None:
    _configure(server, {"JournalLimit": 1})
    _list(remote_voice, 1, 2)
    assert _configure(server, {"JournalLimit": None}).json()["JournalLimit"] is None
    _list(remote_voice, 3, 4, 5)
    answer = _calls(server)
    assert [call["Params"]["MaxResults"] for call in answer["Calls"]] == [2, 3, 4, 5]
    assert answer["Dropped"] == 1


@pytest.mark.parametrize("value", [0, -1, "x", True])
def test_a_bad_journal_limit_is_a_bad_request_that_changes_nothing(
    server: ChimeMockServer, value: Any
) -> None:
    answer = _configure(server, {"JournalLimit": value, "ProcessingDelay": 5})
    assert (answer.status, answer.error_type) == (400, "BadRequestException")
    assert "chime_mock: JournalLimit takes" in answer.json()["Message"]
    settings = send(server.url, "GET", "/_chime_mock/config").json()
    assert (settings["JournalLimit"], settings["ProcessingDelay"]) == (10_000, 0.0)


def test_the_server_takes_a_journal_limit() -> None:
    with running_server(journal_limit=3) as server:
        assert send(server.url, "GET", "/_chime_mock/config").json()["JournalLimit"] == 3


def _served(monkeypatch: pytest.MonkeyPatch, *arguments: str) -> ChimeMockServer:
    """The server `chime-mock server ...` would serve, without serving it."""
    served: list[ChimeMockServer] = []
    monkeypatch.setattr("chime_mock.server.serve", served.append)
    assert main(["server", "--port", "0", *arguments]) == 0
    return served[0]


@pytest.mark.parametrize(("text", "limit"), [("5", 5), ("none", None)])
def test_the_server_command_takes_a_journal_limit(
    monkeypatch: pytest.MonkeyPatch, text: str, limit: int | None
) -> None:
    assert _served(monkeypatch, "--journal-limit", text).backend.journal_limit == limit


def test_the_server_command_keeps_ten_thousand_calls_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _served(monkeypatch).backend.journal_limit == 10_000


@pytest.mark.parametrize("text", ["0", "-1", "x"])
def test_the_server_command_refuses_a_bad_journal_limit(
    capsys: pytest.CaptureFixture[str], text: str
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["server", "--journal-limit", text])
    assert stopped.value.code == 2
    assert "--journal-limit" in capsys.readouterr().err
