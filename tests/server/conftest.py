from __future__ import annotations

import http.client
import json
import os
import re
import select
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import boto3
import pytest
from botocore.config import Config

from chime_mock.server import ChimeMockServer, running_server
from tests.server import installs

SAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE"  # not 12 digits: the default account 123456789012
NUMBER = "+12065550100"


def order(client: Any, *numbers: str) -> dict[str, Any]:
    response = client.create_phone_number_order(
        ProductType="VoiceConnector", E164PhoneNumbers=list(numbers or (NUMBER,))
    )
    return response["PhoneNumberOrder"]  # type: ignore[no-any-return]


def inventories(server: ChimeMockServer) -> list[dict[str, Any]]:
    return send(server.url, "GET", "/_chime_mock/state").json()["Inventories"]  # type: ignore[no-any-return]


@pytest.fixture(scope="session")
def aws_cli() -> Path:
    """The pinned AWS CLI, installed once per run (and kept in .cache/). Not optional: a failed
    install fails the tests that need it."""
    return installs.aws_cli()


@pytest.fixture(scope="session")
def js_sdk() -> tuple[str, Path]:
    """Node and the node_modules holding the pinned AWS SDK for JavaScript, installed once per
    run. Optional: without Node.js and npm the tests that need them are skipped, saying so."""
    node = installs.node()
    if node is None:
        pytest.skip("Node.js and npm are not installed here; the JS SDK test needs them")
    return node, installs.js_sdk()


@pytest.fixture
def server() -> Iterator[ChimeMockServer]:
    with running_server() as started:
        yield started


def make_client(
    url: str, service: str, *, region: str = "us-east-1", access_key: str = SAMPLE_KEY
) -> Any:
    """A boto3 client of the server; no retries, so an error answer is seen as sent."""
    return boto3.client(
        service,
        endpoint_url=url,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key="fake-secret",
        config=Config(retries={"max_attempts": 1}),
    )


@pytest.fixture
def client_of(server: ChimeMockServer) -> Callable[..., Any]:
    """`client_of("chime")`: a client of either service at the server's matching endpoint."""

    def make(service: str, **options: Any) -> Any:
        url = server.url + ("/chime" if service == "chime" else "")
        return make_client(url, service, **options)

    return make


@pytest.fixture
def remote_voice(client_of: Callable[..., Any]) -> Any:
    return client_of("chime-sdk-voice")


class Answer:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def error_type(self) -> str | None:
        return self.headers.get("x-amzn-errortype")


def send(
    url: str,
    method: str,
    path: str,
    body: bytes | Iterable[bytes] = b"",
    headers: dict[str, str] | None = None,
) -> Answer:
    """One raw HTTP request, for what no SDK would send."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        chunked = not isinstance(body, bytes)
        connection.request(method, path, body=body, headers=headers or {}, encode_chunked=chunked)
        response = connection.getresponse()
        return Answer(
            response.status,
            {key.lower(): value for key, value in response.getheaders()},
            response.read(),
        )
    finally:
        connection.close()


class ServerCommand(NamedTuple):
    process: Any  # the running subprocess.Popen
    url: str  # printed on its first line
    banner: str  # every line it printed at start, up to the dashboard's


def start_server_command(*options: str, command: tuple[str, ...] = ()) -> ServerCommand:
    """`chime-mock server --port 0 --quiet *options` as a process (by default `python -m
    chime_mock`), the URL it prints on its first line and what it printed at start, each line
    read within 30 seconds."""
    process = subprocess.Popen(
        [
            *(command or (sys.executable, "-m", "chime_mock")),
            "server",
            "--port",
            "0",
            "--quiet",
            *options,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONFAULTHANDLER": "1"},  # SIGABRT prints every thread's stack
    )
    assert process.stdout is not None
    # Wait for the first line with a bound; the server writes its URL lines at once, so the
    # readline after that does not block.
    readable, _, _ = select.select([process.stdout], [], [], 30)
    first = process.stdout.readline() if readable else "(nothing within 30 seconds)"
    found = re.search(r"http://\S+", first)
    if found is None:
        process.kill()
        pytest.fail(f"no URL on the first line: {first!r}; stderr: {process.communicate()[1]}")
    # Read here, not left for communicate(): it reads the pipe itself, past this file's buffer.
    banner = [first]
    while "dashboard at" not in banner[-1] and banner[-1]:
        banner.append(process.stdout.readline())
    return ServerCommand(process, found.group(0), "".join(banner))


def stop_server_command(process: Any, stop_with: int = signal.SIGTERM) -> tuple[str, str]:
    """Send `stop_with` and wait up to 30 seconds for the process to end: its stdout and stderr.
    A process still running is made to print where each thread is, and the test fails."""
    process.send_signal(stop_with)
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                signals = [line.strip() for line in status if line.startswith(("Sig", "ShdPnd"))]
        except OSError:
            signals = []
        process.send_signal(signal.SIGABRT)
        out, err = process.communicate(timeout=30)
        pytest.fail(f"still running 30 s after signal {stop_with}: {signals}\n{out}\n{err}")
    return out, err
