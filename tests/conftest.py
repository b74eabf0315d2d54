"""Fixtures and helpers every test file shares: write a new test with these, not a copy.

Hypothesis runs under the `ci` profile unless `HYPOTHESIS_PROFILE` names another: derandomized, so
a failure replays on the next run and no outcome depends on the seed. `HYPOTHESIS_PROFILE=hunt`
is the long random search (README, "Development").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import sys
import textwrap
from collections.abc import Callable, Iterator
from typing import Any, Protocol

import boto3
import pytest
import time_machine
from botocore.config import Config
from freezegun import freeze_time
from hypothesis import HealthCheck, settings

from chime_mock import ChimeMock, mock_chime
from chime_mock.operations import load_families

pytest_plugins = ["pytester", "tests.hermetic", "tests.reporting"]

# pytester takes a snapshot of sys.modules and, when its test ends, removes every module imported
# meanwhile: a family module of chime_mock first imported inside such a test would be imported
# again later and register its family a second time ("two resource families are named ...").
# Loaded here, before any test, they are in every snapshot.
load_families()

# -- hypothesis ----------------------------------------------------------------------------------

_QUIET = {"deadline": None, "print_blob": True, "suppress_health_check": list(HealthCheck)}
settings.register_profile("ci", derandomize=True, database=None, **_QUIET)
# Random, and ten times the examples (see `examples`); failures are kept in .hypothesis/ and
# replayed first on the next hunt.
settings.register_profile("hunt", derandomize=False, **_QUIET)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(ci: int) -> int:
    """How many examples a property test runs: `ci` in CI, ten times as many in the hunt."""
    return ci * 10 if HYPOTHESIS_PROFILE == "hunt" else ci


# -- clients and requests --------------------------------------------------------------------------

SERVICES = ("chime", "chime-sdk-voice")
# A product type each service accepts for US local numbers.
PRODUCT_TYPE = {"chime": "VoiceConnector", "chime-sdk-voice": "VoiceConnector"}
# botocore lets wrong types through and never retries: every answer the mock gives is seen.
UNSAFE = Config(parameter_validation=False, retries={"max_attempts": 0})
# The operation that stands for one a newer botocore adds (every operation of the installed models
# is mocked): the `unmocked` fixture takes its handler away for one test.
UNMOCKED = ("chime", "ListAccounts")


def authorization(region: str = "us-east-1") -> str:
    """A SigV4 Authorization header as the mock reads it (the signature is never checked)."""
    return (
        f"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/{region}/chime/aws4_request, "
        "SignedHeaders=host, Signature=0"
    )


@pytest.fixture
def refused_url() -> Iterator[str]:
    """An http URL on loopback where a connection is refused at once: the port is bound (so no
    one else can take it) but not listening."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


# The suite's network guard for a Python subprocess, which pytest-socket does not reach: only
# loopback may be resolved or connected to, so a broken interception there cannot reach AWS.
_SUBPROCESS_GUARD = textwrap.dedent(
    """
    import socket as _socket

    _LOOPBACK = {"127.0.0.1", "::1", "localhost"}

    def _refuse(what):
        raise OSError("tests: the network guard refused " + repr(what))

    def _connect(self, address, _connect=_socket.socket.connect):
        if isinstance(address, tuple) and address[0] not in _LOOPBACK:
            _refuse(address)
        return _connect(self, address)

    def _connect_ex(self, address, _connect_ex=_socket.socket.connect_ex):
        if isinstance(address, tuple) and address[0] not in _LOOPBACK:
            _refuse(address)
        return _connect_ex(self, address)

    def _getaddrinfo(host, *rest, _getaddrinfo=_socket.getaddrinfo):
        if host not in _LOOPBACK and host is not None:
            _refuse(host)
        return _getaddrinfo(host, *rest)

    _socket.socket.connect = _connect
    _socket.socket.connect_ex = _connect_ex
    _socket.getaddrinfo = _getaddrinfo
    del _socket
    """
)


def guarded_python(script: str) -> list[str]:
    """The command that runs `script` in a new interpreter under the suite's network guard."""
    return [sys.executable, "-c", _SUBPROCESS_GUARD + textwrap.dedent(script)]


@pytest.fixture
def unmocked(monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """(service, operation) of an operation of the installed model that no handler serves for
    this test, as one a newer botocore adds would be."""
    from chime_mock.operations import mocked

    service, operation = UNMOCKED
    monkeypatch.delitem(mocked(service), operation)
    return UNMOCKED


@pytest.fixture
def handle() -> Iterator[ChimeMock]:
    with mock_chime() as active:
        yield active


@pytest.fixture
def voice(handle: ChimeMock) -> Any:
    return boto3.client("chime-sdk-voice", region_name="us-east-1")


@pytest.fixture
def chime(handle: ChimeMock) -> Any:
    return boto3.client("chime", region_name="us-east-1")


@pytest.fixture(params=SERVICES)
def client(request: pytest.FixtureRequest, handle: ChimeMock) -> Any:
    """The same behaviour on both services."""
    return boto3.client(request.param, region_name="us-east-1")


@pytest.fixture(params=SERVICES)
def service(request: pytest.FixtureRequest) -> str:
    """Each service's name, for tests that make their clients inside their own mock."""
    return str(request.param)


def order_numbers(client: Any, *numbers: str, **extra: Any) -> dict[str, Any]:
    service = client.meta.service_model.service_name
    response = client.create_phone_number_order(
        ProductType=extra.pop("ProductType", PRODUCT_TYPE[service]),
        E164PhoneNumbers=list(numbers),
        **extra,
    )
    return response["PhoneNumberOrder"]  # type: ignore[no-any-return]


def get_number(client: Any, e164: str) -> dict[str, Any]:
    """The number as GetPhoneNumber answers it."""
    return client.get_phone_number(PhoneNumberId=e164)["PhoneNumber"]  # type: ignore[no-any-return]


# -- the clock -----------------------------------------------------------------------------------


class Clock(Protocol):
    def move_to(self, destination: dt.datetime) -> None: ...

    def shift(self, delta: dt.timedelta) -> None: ...


# The `frozen_clock` fixture's type: `with frozen_clock(start) as clock: ...`.
FrozenClock = Callable[[dt.datetime], contextlib.AbstractContextManager[Clock]]


class _FrozenGun:
    """freezegun's frozen clock with time-machine's two verbs."""

    def __init__(self, frozen: Any) -> None:
        self._frozen = frozen

    def move_to(self, destination: dt.datetime) -> None:
        self._frozen.move_to(destination)

    def shift(self, delta: dt.timedelta) -> None:
        self._frozen.tick(delta)


@pytest.fixture(params=["freezegun", "time-machine"])
def frozen_clock(request: pytest.FixtureRequest) -> FrozenClock:
    """`with frozen_clock(start) as clock:` the clock stopped at `start` by freezegun or by
    time-machine (each test runs under both), moved with `clock.move_to` or `clock.shift`."""

    @contextlib.contextmanager
    def stopped_at(start: dt.datetime) -> Iterator[Clock]:
        if request.param == "freezegun":
            with freeze_time(start) as frozen:
                yield _FrozenGun(frozen)
        else:
            with time_machine.travel(start, tick=False) as traveller:
                yield traveller

    return stopped_at
