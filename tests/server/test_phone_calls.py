"""The server's phone-call control endpoints: a Lambda at a URL that fails, errs or is not there
is a failed invocation (the call ends as AWS ends it) and never hangs the server; bad requests
answer 400 or 404 and change nothing."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from chime_mock.server import ChimeMockServer
from tests.server.conftest import make_client, send, start_server_command, stop_server_command
from tests.sip_helpers import application, dial_in, host_rule, number_rule

LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:ivr"
NUMBER = "+12065550100"
CALLER = "+12065550123"


class _Lambda(BaseHTTPRequestHandler):
    """Answers by path: /ok a Speak, /error HTTP 500, /garbage not JSON, /slow after 2 s."""

    def do_POST(self) -> None:
        event = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.path == "/slow":
            time.sleep(2)
        status, body = 200, b"not json"
        if self.path == "/ok":
            call_id = event["CallDetails"]["Participants"][0]["CallId"]
            actions = [{"Type": "Speak", "Parameters": {"CallId": call_id, "Text": "Hi"}}]
            if event["InvocationEventType"] != "NEW_INBOUND_CALL":
                actions = []
            body = json.dumps({"SchemaVersion": "1.0", "Actions": actions}).encode()
        elif self.path == "/error":
            status = 500
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def lambda_url() -> Iterator[str]:
    listener = ThreadingHTTPServer(("127.0.0.1", 0), _Lambda)
    thread = threading.Thread(target=listener.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.server_address[1]}"
    finally:
        listener.shutdown()
        listener.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(server: ChimeMockServer, path: str, document: Any) -> Any:
    return send(server.url, "POST", path, json.dumps(document).encode())


@pytest.fixture
def routed(server: ChimeMockServer) -> ChimeMockServer:
    _route(server)
    return server


def _route(server: Any) -> None:
    voice = make_client(server.url, "chime-sdk-voice")
    dial_in(voice, NUMBER)
    number_rule(voice, NUMBER, application(voice))


def _dial(server: Any) -> dict[str, Any]:
    dialled = _post(
        server, "/_chime_mock/phone-calls", {"ToPhoneNumber": NUMBER, "FromPhoneNumber": CALLER}
    )
    assert dialled.status == 201, dialled.body
    transaction_id = dialled.json()["TransactionId"]
    return send(server.url, "GET", f"/_chime_mock/phone-calls/{transaction_id}").json()  # type: ignore[no-any-return]


def _connect(server: ChimeMockServer, url: str, **extra: Any) -> None:
    answer = _post(server, "/_chime_mock/lambdas", {"LambdaArn": LAMBDA_ARN, "Url": url, **extra})
    assert answer.status == 200, answer.body


def test_a_lambda_at_a_url_answers_the_call(routed: ChimeMockServer, lambda_url: str) -> None:
    _connect(routed, f"{lambda_url}/ok")
    call = _dial(routed)
    assert [e["InvocationEventType"] for e in call["Events"]] == [
        "NEW_INBOUND_CALL",
        "ACTION_SUCCESSFUL",
    ]
    assert call["Actions"][0]["Outcome"] == "Succeeded"
    assert call["Ended"] is False


@pytest.mark.parametrize("path", ["/error", "/garbage"])
def test_an_erring_url_is_a_failed_invocation(
    routed: ChimeMockServer, lambda_url: str, path: str
) -> None:
    _connect(routed, f"{lambda_url}{path}")
    call = _dial(routed)
    assert [e["InvocationEventType"] for e in call["Events"]] == ["NEW_INBOUND_CALL"] * 2
    assert call["Ended"] is True
    assert "failed twice" in call["EndReason"]


def test_an_unreachable_url_is_a_failed_invocation(routed: ChimeMockServer) -> None:
    _connect(routed, f"http://127.0.0.1:{_closed_port()}/")
    call = _dial(routed)
    assert call["Ended"] is True
    assert "could not be reached" in call["EndReason"]


def test_a_url_answering_too_late_is_a_failed_invocation(
    routed: ChimeMockServer, lambda_url: str
) -> None:
    _connect(routed, f"{lambda_url}/slow", TimeoutSeconds=0.2)
    call = _dial(routed)
    assert call["Ended"] is True
    assert send(routed.url, "GET", "/_chime_mock/state").status == 200


@pytest.mark.parametrize(
    "document",
    [
        {"LambdaArn": LAMBDA_ARN},
        {"LambdaArn": LAMBDA_ARN, "Url": "ftp://x/"},
        {"LambdaArn": LAMBDA_ARN, "Url": "http://127.0.0.1:1/", "TimeoutSeconds": 0},
    ],
)
def test_connecting_a_bad_url_is_a_bad_request(server: ChimeMockServer, document: Any) -> None:
    answer = _post(server, "/_chime_mock/lambdas", document)
    assert answer.status == 400
    assert answer.json()["Message"].startswith("chime_mock:")


def test_dialling_a_number_nothing_routes_is_a_bad_request(server: ChimeMockServer) -> None:
    answer = _post(
        server, "/_chime_mock/phone-calls", {"ToPhoneNumber": NUMBER, "FromPhoneNumber": CALLER}
    )
    assert answer.status == 400
    assert NUMBER in answer.json()["Message"]


def test_bad_digits_and_unknown_calls(routed: ChimeMockServer, lambda_url: str) -> None:
    _connect(routed, f"{lambda_url}/ok")
    transaction_id = _dial(routed)["TransactionId"]
    bad = _post(routed, f"/_chime_mock/phone-calls/{transaction_id}/digits", {"Digits": "1x"})
    assert bad.status == 400
    missing = _post(routed, f"/_chime_mock/phone-calls/{transaction_id}/digits", {})
    assert missing.status == 400
    unknown = send(routed.url, "GET", "/_chime_mock/phone-calls/nope")
    assert unknown.status == 404
    after = send(routed.url, "GET", f"/_chime_mock/phone-calls/{transaction_id}").json()
    assert len(after["Events"]) == 2


def test_the_lambda_option_of_the_command(lambda_url: str) -> None:
    started = start_server_command("--lambda", f"{LAMBDA_ARN}={lambda_url}/ok")
    try:
        _route(started)
        call = _dial(started)
        assert [e["InvocationEventType"] for e in call["Events"]][-1] == "ACTION_SUCCESSFUL"
    finally:
        stop_server_command(started.process)


def test_a_bad_lambda_option_stops_the_command() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "chime_mock", "server", "--port", "0", "--lambda", "nonsense"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--lambda takes ARN=URL" in result.stderr


def test_a_call_sent_to_a_voice_connector_host_is_routed_by_its_hostname_rule(
    server: ChimeMockServer, lambda_url: str
) -> None:
    voice = make_client(server.url, "chime-sdk-voice")
    host = voice.create_voice_connector(Name="pbx", RequireEncryption=True)["VoiceConnector"][
        "OutboundHostName"
    ]
    created = application(voice)
    host_rule(voice, host, created)
    _connect(server, f"{lambda_url}/ok")
    dialled = _post(
        server,
        "/_chime_mock/phone-calls",
        {"ToPhoneNumber": NUMBER, "FromPhoneNumber": CALLER, "RequestUriHostname": host},
    )
    assert dialled.status == 201, dialled.body
    not_text = _post(
        server,
        "/_chime_mock/phone-calls",
        {"ToPhoneNumber": NUMBER, "FromPhoneNumber": CALLER, "RequestUriHostname": 7},
    )
    assert not_text.status == 400
    assert "RequestUriHostname must be" in not_text.json()["Message"]


def _calling_back(act: Callable[[dict[str, Any]], Any], answers: list[Any]) -> type[_Lambda]:
    """A Lambda that, handling NEW_INBOUND_CALL, calls the server itself (`act`, whose answers
    it keeps), then speaks."""

    class CallingBack(_Lambda):
        def do_POST(self) -> None:
            event = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            actions: list[dict[str, Any]] = []
            if event["InvocationEventType"] == "NEW_INBOUND_CALL":
                answers.append(act(event))
                call_id = event["CallDetails"]["Participants"][0]["CallId"]
                actions = [{"Type": "Speak", "Parameters": {"CallId": call_id, "Text": "Hi"}}]
            body = json.dumps({"SchemaVersion": "1.0", "Actions": actions}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return CallingBack


def _dial_through(server: ChimeMockServer, handler: type[_Lambda]) -> Any:
    """Dial the routed number with `handler` answering as the Lambda; the dial's answer."""
    listener = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=listener.serve_forever, daemon=True).start()
    try:
        # A timeout long enough that a server still holding its lock would show as a failure
        # to answer, not as a slow test: the Lambda's own calls are answered at once.
        _connect(server, f"http://127.0.0.1:{listener.server_address[1]}/", TimeoutSeconds=30)
        return _post(
            server, "/_chime_mock/phone-calls", {"ToPhoneNumber": NUMBER, "FromPhoneNumber": CALLER}
        )
    finally:
        listener.shutdown()
        listener.server_close()


def test_a_lambda_at_a_url_may_call_the_server_while_it_handles_an_event(
    routed: ChimeMockServer,
) -> None:
    voice = make_client(routed.url, "chime-sdk-voice")

    def read_and_update(event: dict[str, Any]) -> tuple[Any, Any]:
        details = event["CallDetails"]
        application_id = details["SipMediaApplicationId"]
        read = voice.get_sip_media_application(SipMediaApplicationId=application_id)
        updated = voice.update_sip_media_application_call(
            SipMediaApplicationId=application_id,
            TransactionId=details["TransactionId"],
            Arguments={"step": "two"},
        )
        return read, updated

    answers: list[Any] = []
    dialled = _dial_through(routed, _calling_back(read_and_update, answers))
    assert dialled.status == 201, dialled.body
    [(read, updated)] = answers
    assert read["SipMediaApplication"]["Name"] == "ivr"
    assert updated["ResponseMetadata"]["HTTPStatusCode"] == 202
    transaction_id = dialled.json()["TransactionId"]
    call = send(routed.url, "GET", f"/_chime_mock/phone-calls/{transaction_id}").json()
    # The update's event comes once the event in hand is answered, as AWS runs it later.
    assert [e["InvocationEventType"] for e in call["Events"]] == [
        "NEW_INBOUND_CALL",
        "ACTION_SUCCESSFUL",
        "CALL_UPDATE_REQUESTED",
    ]
    assert call["Events"][2]["ActionData"]["Parameters"]["Arguments"] == {"step": "two"}


def test_a_reset_while_a_lambda_answers_leaves_the_server_serving(
    routed: ChimeMockServer,
) -> None:
    answers: list[Any] = []
    reset = _calling_back(
        lambda event: send(routed.url, "POST", "/_chime_mock/reset").status, answers
    )
    dialled = _dial_through(routed, reset)
    assert answers == [200]
    assert dialled.status == 201, dialled.body  # the call it was handling is simply forgotten
    voice = make_client(routed.url, "chime-sdk-voice")
    assert voice.list_sip_media_applications()["SipMediaApplications"] == []
