"""Malformed HTTP answers a modeled 4xx error, and the server goes on serving."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from chime_mock.server import ChimeMockServer, running_server
from tests.server.conftest import send


@pytest.fixture
def small_server() -> Iterator[ChimeMockServer]:
    with running_server(max_body_bytes=1000) as started:
        yield started


def still_serving(server: ChimeMockServer) -> bool:
    return send(server.url, "GET", "/phone-number-orders").status == 200


def test_body_that_is_not_json_is_bad_request(server: ChimeMockServer) -> None:
    answer = send(server.url, "POST", "/phone-number-orders", b'{"ProductType": ')
    assert (answer.status, answer.error_type) == (400, "BadRequestException")
    assert still_serving(server)


def test_wrong_method_is_an_unknown_operation(server: ChimeMockServer) -> None:
    answer = send(server.url, "PATCH", "/phone-number-orders")
    assert (answer.status, answer.error_type) == (404, "UnknownOperationException")
    assert "takes GET, POST" in answer.json()["Message"]
    assert still_serving(server)


def test_unknown_path_is_an_unknown_operation(server: ChimeMockServer) -> None:
    answer = send(server.url, "GET", "/no/such/thing")
    assert (answer.status, answer.error_type) == (404, "UnknownOperationException")
    assert still_serving(server)


def test_body_over_the_cap_is_bad_request(small_server: ChimeMockServer) -> None:
    answer = send(small_server.url, "POST", "/phone-number-orders", b"x" * 5000)
    assert (answer.status, answer.error_type) == (400, "BadRequestException")
    assert "larger than 1000 bytes" in answer.json()["Message"]
    assert still_serving(small_server)


def test_chunked_body_over_the_cap_is_bad_request(small_server: ChimeMockServer) -> None:
    answer = send(small_server.url, "POST", "/phone-number-orders", iter([b"x" * 800] * 4))
    assert (answer.status, answer.error_type) == (400, "BadRequestException")
    assert still_serving(small_server)


def test_legacy_chime_errors_carry_its_error_code(server: ChimeMockServer) -> None:
    answer: Any = send(server.url, "POST", "/chime/phone-number-orders", b"[]")
    assert answer.status == 400
    assert answer.json()["Code"] == "BadRequest"


def test_garbage_instead_of_http_does_not_stop_the_server(server: ChimeMockServer) -> None:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(b"\x16\x03\x01 not http at all\r\n\r\n")
        assert b"400" in connection.recv(4096)  # http.server's own error page
    assert still_serving(server)


def test_body_shorter_than_its_content_length_is_bad_request(server: ChimeMockServer) -> None:
    parts = urlsplit(server.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as connection:
        connection.sendall(
            b"POST /phone-number-orders HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Length: 500\r\n\r\n"
            b'{"ProductType":"VoiceConnector","E164PhoneNumbers":["+12065550100"]}'
        )
        connection.shutdown(socket.SHUT_WR)
        answer = b"".join(iter(lambda: connection.recv(4096), b""))
    assert answer.startswith(b"HTTP/1.1 400")
    assert b"x-amzn-ErrorType: BadRequestException" in answer
    assert still_serving(server)
