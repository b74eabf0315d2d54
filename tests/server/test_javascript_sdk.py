"""The AWS SDK for JavaScript v3 (`@aws-sdk/client-chime-sdk-voice`, run by Node) drives the
server through the order flow; tests/server/js/order_flow.cjs runs it and prints what it saw."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from chime_mock.server import running_server

SCRIPT = Path(__file__).with_name("js") / "order_flow.cjs"


@pytest.fixture(scope="module")
def flow(js_sdk: tuple[str, Path]) -> Any:
    """What the JS SDK saw through the whole flow, run once against a fresh server."""
    node, modules = js_sdk
    environment = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    environment["NODE_PATH"] = str(modules)
    with running_server() as server:
        result = subprocess.run(
            [node, str(SCRIPT), server.url],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_js_sdk_creates_orders(flow: Any) -> None:
    assert [o["OrderedPhoneNumbers"][0]["E164PhoneNumber"] for o in flow["created"]] == [
        "+12065550100",
        "+12065550101",
        "+12065550102",
    ]
    assert flow["createdTimestampIsDate"]  # the SDK parsed the timestamp by the model


def test_js_sdk_gets_an_order(flow: Any) -> None:
    assert flow["got"]["PhoneNumberOrderId"] == flow["created"][0]["PhoneNumberOrderId"]


def test_js_sdk_lists_orders_page_by_page(flow: Any) -> None:
    ids = [o["PhoneNumberOrderId"] for o in flow["created"]]
    assert flow["pages"] == [ids[:2], ids[2:]]


def test_js_sdk_gets_a_number(flow: Any) -> None:
    assert flow["number"]["E164PhoneNumber"] == "+12065550100"
    assert flow["number"]["Status"] == "Unassigned"


def test_js_sdk_recognises_not_found(flow: Any) -> None:
    assert flow["notFound"]["name"] == "NotFoundException"
    assert flow["notFound"]["isNotFoundException"] is True
    assert flow["notFound"]["httpStatusCode"] == 404
