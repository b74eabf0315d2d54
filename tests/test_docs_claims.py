"""What the docs say about installing, versions and clocks is what the code does."""

from __future__ import annotations

import re
from pathlib import Path

import boto3
import pytest

from chime_mock.backend.state.files import VERSION

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_no_page_installs_from_the_public_index(page: Path) -> None:
    # chime-mock is not published: `pip install chime-mock` and its extras fail.
    assert not re.search(r"pip install '?chime-mock", _text(page))


def test_the_install_section_says_how_to_install_from_a_checkout_or_a_wheel() -> None:
    install = _text(ROOT / "docs" / "index.md").split("## Install", 1)[1].split("\n## ", 1)[0]
    assert "pip install ." in install
    assert "python -m build" in install
    assert "'.[server]'" in install


def test_the_readme_keeps_exactly_two_set_up_commands_in_try_it() -> None:
    try_it = _text(ROOT / "README.md").split("## Try it", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"python3 -m venv \.venv", try_it)) == 2


def test_the_readme_server_example_says_the_aws_cli_must_be_installed() -> None:
    server = _text(ROOT / "README.md").split("## Server mode", 1)[1].split("\n## ", 1)[0]
    assert "AWS CLI" in server.split("```bash", 1)[0]
    assert "'.[server]'" in server


def test_the_state_file_version_the_docs_give_is_the_one_written() -> None:
    for page in ("behaviour.md", "tools.md"):
        versions = re.findall(r'"version": (\d+)', _text(ROOT / "docs" / page))
        assert versions, page
        assert {int(v) for v in versions if int(v) != 99} == {VERSION}, page


@pytest.mark.parametrize("service", ["chime", "chime-sdk-voice"])
def test_the_docs_are_right_that_no_list_operation_has_a_paginator(service: str) -> None:
    client = boto3.client(service, region_name="us-east-1")
    for operation in ("list_phone_number_orders", "list_phone_numbers"):
        assert not client.can_paginate(operation)
    assert "page by hand" in _text(ROOT / "docs" / "operations.md")


def test_the_polling_section_warns_about_time_monotonic_under_time_machine() -> None:
    time_page = _text(ROOT / "docs" / "time.md")
    assert "### A deadline on `time.monotonic` under time-machine" in time_page


def test_the_readme_says_how_long_the_suite_takes_and_it_runs_on_every_core() -> None:
    # A newcomer's first run of the README command once took 20 minutes, unannounced.
    found = re.search(r'^addopts = "(.*)"$', _text(ROOT / "pyproject.toml"), re.M)
    assert found, "pyproject.toml sets pytest's addopts on one line"
    addopts = found.group(1).split()
    assert addopts[addopts.index("-n") + 1] == "auto"
    try_it = _text(ROOT / "README.md").split("## Try it", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"about \d+ minutes on a 2-core machine", try_it)
    assert "`-n 0`" in try_it  # how to run it in one process
