"""A SIP media application's Lambda written in JavaScript (tests/server/js/sma_handler.cjs, plain
Node.js, no packages) handles a whole call through the server: the caller dials, presses 1, is
bridged to sales, and hangs up."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chime_mock.server import ChimeMockServer
from tests.server.conftest import make_client, send
from tests.sip_helpers import application, dial_in, number_rule

SCRIPT = Path(__file__).with_name("js") / "sma_handler.cjs"
LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:ivr"
NUMBER = "+12065550100"
CALLER = "+12065550123"


@pytest.fixture
def handler_url() -> Iterator[str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed here; the JavaScript handler test needs it")
    process = subprocess.Popen(
        [node, str(SCRIPT)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        port = process.stdout.readline().strip()
        assert port.isdigit(), process.stderr.read() if process.stderr else port
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.kill()
        process.wait(timeout=10)


def _routed(server: ChimeMockServer) -> None:
    voice = make_client(server.url, "chime-sdk-voice")
    dial_in(voice, NUMBER)
    number_rule(voice, NUMBER, application(voice))


def _post(server: ChimeMockServer, path: str, document: dict[str, Any]) -> Any:
    return send(server.url, "POST", path, json.dumps(document).encode())


def test_a_javascript_handler_runs_a_whole_call(server: ChimeMockServer, handler_url: str) -> None:
    _routed(server)
    connected = _post(server, "/_chime_mock/lambdas", {"LambdaArn": LAMBDA_ARN, "Url": handler_url})
    assert connected.status == 200
    dialled = _post(
        server, "/_chime_mock/phone-calls", {"ToPhoneNumber": NUMBER, "FromPhoneNumber": CALLER}
    )
    assert dialled.status == 201
    transaction_id = dialled.json()["TransactionId"]
    pressed = _post(server, f"/_chime_mock/phone-calls/{transaction_id}/digits", {"Digits": "1"})
    assert pressed.status == 200
    events = pressed.json()["Events"]
    assert [event["InvocationEventType"] for event in events] == [
        "NEW_INBOUND_CALL",
        "ACTION_SUCCESSFUL",
        "ACTION_SUCCESSFUL",
    ]
    assert events[1]["ActionData"]["ReceivedDigits"] == "1"
    assert events[2]["CallDetails"]["TransactionAttributes"] == {"caller": CALLER, "choice": "1"}
    assert [leg["To"] for leg in events[2]["CallDetails"]["Participants"]] == [
        NUMBER,
        "+12065550177",
    ]
    hung_up = _post(server, f"/_chime_mock/phone-calls/{transaction_id}/hang-up", {})
    assert hung_up.status == 200
    call = send(server.url, "GET", f"/_chime_mock/phone-calls/{transaction_id}").json()
    assert [event["InvocationEventType"] for event in call["Events"]][-2:] == ["HANGUP", "HANGUP"]
    assert call["Ended"] is True
    again = _post(server, f"/_chime_mock/phone-calls/{transaction_id}/hang-up", {})
    assert again.status == 400
    assert "has ended" in again.json()["Message"]
