"""The dashboard at /_chime_mock/, as a person's browser shows it (headless Chromium)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.server import ChimeMockServer
from chime_mock.server.dashboard import render
from tests.server.conftest import NUMBER, order, send


@pytest.fixture(scope="session")
def chromium() -> str:
    """Headless Chromium: optional here, installed by .ci/run (with apt-get) so CI runs these."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium is not installed here (.ci/run installs it with apt-get)")


@pytest.fixture
def dump_dom(chromium: str, tmp_path: Path) -> Callable[[str], str]:
    """The DOM Chromium builds from a page, serialized back to HTML."""

    def dump(url: str) -> str:
        result = subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                f"--user-data-dir={tmp_path / 'profile'}",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    return dump


def test_dashboard_lists_orders_and_numbers_per_account_and_region(
    server: ChimeMockServer, client_of: Callable[..., Any], dump_dom: Callable[[str], str]
) -> None:
    created = order(client_of("chime-sdk-voice", region="eu-west-1"))
    order(client_of("chime", access_key="111122223333"), "+12065550111")
    dom = dump_dom(server.url + "/_chime_mock/")
    assert "chime-sdk-voice · account 123456789012 · eu-west-1" in dom
    assert "chime · account 111122223333 · global" in dom
    assert created["PhoneNumberOrderId"] in dom
    assert NUMBER in dom and "+12065550111" in dom


def test_dashboard_shows_names_as_text_not_markup(
    server: ChimeMockServer, remote_voice: Any, dump_dom: Callable[[str], str]
) -> None:
    order(remote_voice)
    with server.backend.lock:  # the API refuses such names; a seeded record need not
        [inventory] = server.backend.inventories()
        next(
            iter(PhoneNumberInventory.of(inventory).numbers.values())
        ).name = "<b id=injected>x</b>"
    dom = dump_dom(server.url + "/_chime_mock/")
    assert "&lt;b id=injected&gt;x&lt;/b&gt;" in dom
    assert "<b id" not in dom


def test_dashboard_says_when_there_is_nothing_yet(server: ChimeMockServer) -> None:
    answer = send(server.url, "GET", "/_chime_mock/")
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    assert "No orders or numbers yet." in answer.body.decode()


def test_render_escapes_every_value() -> None:
    page = render(
        {
            "Inventories": [
                {
                    "Service": "chime-sdk-voice",
                    "AccountId": "<script>",
                    "Region": "us-east-1",
                    "PhoneNumberOrders": [],
                    "PhoneNumbers": [{"E164PhoneNumber": "+1&2", "Name": '"quoted"'}],
                }
            ]
        }
    )
    assert "<script>" not in page
    assert "+1&amp;2" in page and "&quot;quoted&quot;" in page


def test_dashboard_answers_without_the_trailing_slash(server: ChimeMockServer) -> None:
    assert send(server.url, "GET", "/_chime_mock").body.startswith(b"<!DOCTYPE html>")
