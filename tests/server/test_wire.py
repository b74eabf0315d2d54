"""HTTP/1.1 on the server's socket: keep-alive connections, chunked bodies, HEAD, closing."""

from __future__ import annotations

import http.client
import json
import socket
from urllib.parse import urlsplit

import pytest

import chime_mock.server.app
from chime_mock.server import ChimeMockServer

ORDER = json.dumps({"ProductType": "VoiceConnector", "E164PhoneNumbers": ["+12065550100"]})


def _connection(server: ChimeMockServer) -> http.client.HTTPConnection:
    parts = urlsplit(server.url)
    return http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)


def test_a_connection_stays_open_for_the_next_request(server: ChimeMockServer) -> None:
    connection = _connection(server)
    connection.request("POST", "/phone-number-orders", body=ORDER)
    first = connection.getresponse()
    order = json.loads(first.read())["PhoneNumberOrder"]
    local = connection.sock.getsockname()
    connection.request("GET", f"/phone-number-orders/{order['PhoneNumberOrderId']}")
    second = connection.getresponse()
    assert (first.status, second.status) == (201, 200)
    assert (
        json.loads(second.read())["PhoneNumberOrder"]["PhoneNumberOrderId"]
        == (order["PhoneNumberOrderId"])
    )
    assert connection.sock.getsockname() == local  # the same connection
    assert first.getheader("Connection") is None and first.getheader("Date")
    connection.close()


def test_a_chunked_body_is_read_whole(server: ChimeMockServer) -> None:
    connection = _connection(server)
    chunks = iter([ORDER[:10].encode(), ORDER[10:].encode()])
    connection.request("POST", "/phone-number-orders", body=chunks, encode_chunked=True)
    answer = connection.getresponse()
    assert answer.status == 201, answer.read()
    answer.read()
    connection.request("GET", "/phone-numbers/%2B12065550100")  # the connection goes on
    assert connection.getresponse().status == 200
    connection.close()


def test_head_answers_the_headers_alone(server: ChimeMockServer) -> None:
    connection = _connection(server)
    connection.request("HEAD", "/_chime_mock/config")
    answer = connection.getresponse()
    assert answer.read() == b""
    assert int(answer.getheader("Content-Length") or 0) > 0
    connection.close()


def _raw(server: ChimeMockServer, request: bytes) -> bytes:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(request)
        return b"".join(iter(lambda: connection.recv(4096), b""))  # until the server closes


def test_connection_close_and_http_1_0_close_after_the_answer(server: ChimeMockServer) -> None:
    closing = _raw(server, b"GET /_chime_mock/config HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert closing.startswith(b"HTTP/1.1 200 OK\r\n") and b"Connection: close\r\n" in closing
    old = _raw(server, b"GET /_chime_mock/config HTTP/1.0\r\n\r\n")
    assert old.startswith(b"HTTP/1.1 200 OK\r\n") and b"Connection: close\r\n" in old


def test_a_request_that_is_not_http_1_is_answered_400_and_closed(
    server: ChimeMockServer,
) -> None:
    assert _raw(server, b"GET / HTTP/2.0\r\n\r\n").startswith(b"HTTP/1.1 400 Bad Request")
    assert _raw(server, b"GET / HTTP/1.1\r\nno colon\r\n\r\n").startswith(b"HTTP/1.1 400")
    assert _raw(server, b"GET /\r\n\r\n").startswith(b"HTTP/1.1 400")  # HTTP/0.9
    bad_chunk = b"POST /phone-number-orders HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
    assert _raw(server, bad_chunk).startswith(b"HTTP/1.1 400")


def test_errors_before_the_application_are_short_texts(server: ChimeMockServer) -> None:
    answers = {
        "version": _raw(server, b"GET / HTTP/2.0\r\n\r\n"),
        "syntax": _raw(server, b"GET / HTTP/x\r\n\r\n"),
        "headers": _raw(server, b"GET / HTTP/1.1\r\n" + b"A: b\r\n" * 101 + b"\r\n"),
        "line": _raw(server, b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n"),
    }
    for problem, answer in answers.items():
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 400 Bad Request\r\n"), problem
        assert b"Content-Type: text/plain\r\n" in head, problem
        assert body.startswith(b"chime_mock: ") and b"<" not in body, (problem, body)


def test_expect_100_continue_is_answered_before_the_body(server: ChimeMockServer) -> None:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(
            b"POST /phone-number-orders HTTP/1.1\r\nExpect: 100-continue\r\n"
            + f"Content-Length: {len(ORDER)}\r\n\r\n".encode()
        )
        assert connection.recv(4096) == b"HTTP/1.1 100 Continue\r\n\r\n"
        connection.sendall(ORDER.encode())
        assert connection.recv(4096).startswith(b"HTTP/1.1 201 Created\r\n")


def test_a_body_left_unread_closes_the_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    # Past what the server drains, a body is left unread: it must not be read as requests.
    monkeypatch.setattr(chime_mock.server.app, "_DRAIN_BYTES", 100)
    with ChimeMockServer(max_body_bytes=10) as server:
        body = b"GET /_chime_mock/config HTTP/1.1\r\n\r\n" * 100
        head = b"POST /phone-number-orders HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % len(body)
        answer = _raw(server, head + body)
    assert answer.startswith(b"HTTP/1.1 400") and b"Connection: close\r\n" in answer
    assert answer.count(b"HTTP/1.1 ") == 1


def test_a_stopped_server_closes_the_connections_it_kept_open() -> None:
    with ChimeMockServer() as server:
        connection = _connection(server)
        connection.request("GET", "/_chime_mock/config")
        assert connection.getresponse().read()
    connection.request("GET", "/_chime_mock/config")  # over the connection it still holds
    try:
        answered = connection.getresponse().status
    except (http.client.HTTPException, OSError):
        answered = None
    assert answered is None
    connection.close()
