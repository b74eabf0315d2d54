"""Proxy sessions wait for their expiry in a queue: a settle reads what is due, never every open
session, and the queue follows updates and state files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import boto3
import pytest
import time_machine

from chime_mock import mock_chime
from chime_mock.backend.sip import proxy_sessions
from chime_mock.mock import _ACTIVE
from tests.sip_helpers import proxied as _proxied
from tests.test_proxy_sessions import NOON, _session, _status


def _family() -> proxy_sessions.ProxySessions:
    assert _ACTIVE.backend is not None
    [inventory] = [i for i in _ACTIVE.backend.inventories() if i.families]
    return proxy_sessions.of(inventory)


def _voice() -> Any:
    return boto3.client("chime-sdk-voice", region_name="us-east-1")


def test_a_settle_before_any_expiry_reads_no_session(monkeypatch: pytest.MonkeyPatch) -> None:
    with time_machine.travel(NOON, tick=False) as traveller, mock_chime():
        voice = _voice()
        connector_id = _proxied(voice, "+12065550100")
        sessions = [_session(voice, connector_id, ExpiryMinutes=60 + 10 * i) for i in range(3)]
        family = _family()
        monkeypatch.setattr(family.sessions, "where", None)  # a walk of the sessions would fail
        monkeypatch.setattr(family.sessions, "values", None)
        traveller.shift(dt.timedelta(minutes=30))
        assert family.settle(dt.datetime.now(dt.timezone.utc)) is True
        traveller.shift(dt.timedelta(minutes=31))  # the first one is due
        monkeypatch.undo()
        assert [_status(voice, s)["Status"] for s in sessions] == ["Closed", "Open", "Open"]


def test_a_later_expiry_keeps_the_session_open_and_a_shorter_one_closes_it() -> None:
    with time_machine.travel(NOON, tick=False) as traveller, mock_chime():
        voice = _voice()
        connector_id = _proxied(voice, "+12065550100")
        longer, shorter = _session(voice, connector_id), _session(voice, connector_id)
        for session, minutes in ((longer, 120), (shorter, 10)):
            voice.update_proxy_session(
                VoiceConnectorId=connector_id,
                ProxySessionId=session["ProxySessionId"],
                Capabilities=["Voice"],
                ExpiryMinutes=minutes,
            )
        traveller.shift(dt.timedelta(minutes=61))
        assert _status(voice, shorter)["Status"] == "Closed"
        assert _status(voice, longer)["Status"] == "Open"
        traveller.shift(dt.timedelta(minutes=60))
        assert _status(voice, longer)["Status"] == "Closed"


def test_sessions_loaded_from_a_state_file_close_at_their_expiry(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with time_machine.travel(NOON, tick=False) as traveller:
        with mock_chime() as handle:
            voice = _voice()
            session = _session(voice, _proxied(voice, "+12065550100"))
            handle.save_state(path)
        with mock_chime(state=path):
            assert _status(_voice(), session)["Status"] == "Open"
            traveller.shift(dt.timedelta(minutes=61))
            closed = _status(_voice(), session)
    assert closed["Status"] == "Closed"
    assert closed["EndedTimestamp"] == NOON + dt.timedelta(minutes=60)
