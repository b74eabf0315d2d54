"""Isolation from the real world: no socket, no real credentials, no state across tests.

Builds on tests/test_activation.py (which covers the environment with env credentials); here:
a credentials file, config file, env keys and AWS_PROFILE at once, the exact restoration of all
of it for every way out of the mock, and the network guard the whole suite runs under.
"""

from __future__ import annotations

import contextlib
import os
import socket
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import boto3
import boto3.session
import botocore.exceptions
import pytest
from botocore.endpoint import Endpoint
from pytest_socket import SocketBlockedError, SocketConnectBlockedError

from chime_mock import mock_chime
from chime_mock.environment import FAKE_ACCESS_KEY_ID
from tests.conftest import UNSAFE
from tests.model_inputs import operations_under_test

REAL_KEY = "AKIAREALPROFILEKEY01"
REAL_ENV_KEY = "AKIAREALENVKEY000001"

# -- the network guard -------------------------------------------------------------------------


@pytest.mark.disable_socket
@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_a_disable_socket_test_cannot_open_any_socket() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_every_test_is_refused_any_host_but_loopback() -> None:
    # pyproject.toml's `--allow-hosts`: reaching AWS (here a documentation address) fails at once.
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("192.0.2.1", 443), timeout=1)


def _dummy(shape: Any) -> Any:
    """The plainest value of a shape's type: enough for botocore to build a request."""
    if shape.type_name == "structure":
        return {name: _dummy(shape.members[name]) for name in shape.required_members}
    if shape.type_name == "list":
        return [_dummy(shape.member)]
    if shape.type_name == "map":
        return {}
    if shape.type_name in ("integer", "long"):
        return shape.metadata.get("min", 1)
    if shape.type_name == "boolean":
        return True
    return (getattr(shape, "enum", None) or ["x"])[0]


@pytest.mark.disable_socket
@pytest.mark.parametrize(("service", "operation_name"), operations_under_test())
def test_every_mocked_operation_is_answered_without_a_socket(
    service: str, operation_name: str
) -> None:
    with mock_chime():
        client = boto3.client(service, region_name="us-east-1", config=UNSAFE)
        operation = client.meta.service_model.operation_model(operation_name)
        params = _dummy(operation.input_shape) if operation.input_shape else {}
        try:
            getattr(client, botocore.xform_name(operation_name))(**params)
        except botocore.exceptions.ClientError as error:  # an answer: what matters is no socket
            assert error.response["Error"]["Code"] in {s.name for s in operation.error_shapes}


@pytest.mark.disable_socket
def test_a_client_made_before_the_mock_without_any_credentials_is_answered(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    early = boto3.session.Session().client("chime-sdk-voice", region_name="us-east-1")
    with mock_chime():
        assert early.list_phone_number_orders()["PhoneNumberOrders"] == []


# -- credentials -------------------------------------------------------------------------------


@pytest.fixture
def real_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A machine set up for real AWS: a credentials file, a config file, env keys, a profile."""
    credentials = tmp_path / "credentials"
    credentials.write_text(
        textwrap.dedent(
            f"""
            [real]
            aws_access_key_id = {REAL_KEY}
            aws_secret_access_key = real-profile-secret
            aws_session_token = real-profile-token
            """
        )
    )
    config = tmp_path / "config"
    config.write_text("[profile real]\nregion = eu-west-1\n")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(credentials))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_PROFILE", "real")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", REAL_ENV_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-env-secret")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-env-token")
    boto3.setup_default_session()  # a default session that already resolved the real setup
    return credentials


def _signed_headers(client: Any) -> list[dict[str, str]]:
    """The headers of every request the client signs from now on."""
    seen: list[dict[str, str]] = []
    service_id = client.meta.service_model.service_id.hyphenize()
    client.meta.events.register(
        f"request-created.{service_id}",  # after botocore's signer, registered at creation
        lambda request, **kwargs: seen.append(dict(request.headers)),
    )
    return seen


@pytest.mark.usefixtures("real_configuration")
def test_the_mock_signs_with_its_fakes_while_real_credentials_are_everywhere() -> None:
    with mock_chime():
        client = boto3.client("chime-sdk-voice")
        by_default_session = _signed_headers(client)
        client.list_phone_number_orders()
        fresh = boto3.session.Session().client("chime")
        by_new_session = _signed_headers(fresh)
        fresh.list_phone_number_orders()
    assert len(by_default_session) == len(by_new_session) == 1
    for headers in by_default_session + by_new_session:
        text = repr(headers)
        assert f"Credential={FAKE_ACCESS_KEY_ID}/" in str(headers["Authorization"])
        assert "X-Amz-Security-Token" not in headers
        assert REAL_KEY not in text and REAL_ENV_KEY not in text and "real-" not in text


def _exit_normally() -> None:
    with mock_chime():
        boto3.client("chime").list_phone_number_orders()


def _exit_raising() -> None:
    with mock_chime():
        boto3.client("chime").list_phone_number_orders()
        raise KeyError("the body failed")


@mock_chime
def _decorated_raising() -> None:
    boto3.client("chime").list_phone_number_orders()
    raise KeyError("the body failed")


def _started_and_stopped_raising() -> None:
    handle = mock_chime().start()
    try:
        boto3.client("chime").list_phone_number_orders()
        raise KeyError("the body failed")
    finally:
        handle.stop()


def _nested_raising() -> None:
    with mock_chime(), mock_chime(processing_delay=None):
        raise KeyError("the body failed")


@pytest.mark.parametrize(
    "leave",
    [
        _exit_normally,
        _exit_raising,
        _decorated_raising,
        _started_and_stopped_raising,
        _nested_raising,
    ],
)
def test_everything_real_is_back_exactly_however_the_mock_ends(
    real_configuration: Path, leave: Callable[[], None]
) -> None:
    environment = dict(os.environ)
    default_session = boto3.DEFAULT_SESSION
    make_request = Endpoint.make_request
    credentials_file = real_configuration.read_bytes()
    with contextlib.suppress(KeyError):  # the body's own failure; what is left is the point
        leave()
    assert dict(os.environ) == environment
    assert boto3.DEFAULT_SESSION is default_session
    assert Endpoint.make_request is make_request
    assert real_configuration.read_bytes() == credentials_file
    # A client made now resolves the real configuration again: env keys first, as botocore does.
    credentials = boto3.client("chime")._request_signer._credentials
    assert credentials.access_key == REAL_ENV_KEY
    assert boto3.session.Session().region_name == "eu-west-1"


# -- state between tests -----------------------------------------------------------------------

# Each test starts empty in every style and fills the fake in the same way, so any state left
# from one test breaks the next: the numbers would be taken (orders end Failed) and lists not empty.
STYLES = """
import unittest

import boto3
import pytest

from chime_mock import mock_chime

NUMBERS = {"chime": "+12065550100", "chime-sdk-voice": "+12065550101"}


def assert_empty_then_fill():
    for service, region in (("chime", "us-east-1"), ("chime-sdk-voice", "us-east-1"),
                            ("chime-sdk-voice", "eu-west-1")):
        client = boto3.client(service, region_name=region)
        assert client.list_phone_number_orders()["PhoneNumberOrders"] == []
    for service, number in NUMBERS.items():
        client = boto3.client(service, region_name="us-east-1")
        order = client.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=[number]
        )["PhoneNumberOrder"]
        got = client.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
        assert got["PhoneNumberOrder"]["Status"] == "Successful"


@mock_chime
def test_decorated_1():
    assert_empty_then_fill()


@mock_chime()
def test_decorated_2():
    assert_empty_then_fill()


def test_fixture_1(chime_mock):
    assert_empty_then_fill()


@pytest.mark.chime_mock(processing_delay=0)
def test_fixture_2(chime_mock):
    assert_empty_then_fill()


def test_context_manager():
    with mock_chime():
        assert_empty_then_fill()


def test_fixture_that_fails_midway(chime_mock):
    assert_empty_then_fill()
    raise KeyError("a failing test must not leave its state behind")


@mock_chime
class TestPlainClass:
    def test_1(self):
        assert_empty_then_fill()

    def test_2(self):
        assert_empty_then_fill()


@mock_chime
class TestUnittestCase(unittest.TestCase):
    def test_1(self):
        assert_empty_then_fill()

    def test_2(self):
        assert_empty_then_fill()
"""
STYLE_TESTS = 10


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_style_of_test_starts_empty_in_any_order(
    pytester: pytest.Pytester, seed: int
) -> None:
    pytester.makepyfile(test_styles=STYLES)
    result = pytester.runpytest("-p", "randomly", f"--randomly-seed={seed}", "-p", "tests.hermetic")
    result.assert_outcomes(passed=STYLE_TESTS - 1, failed=1)
    result.stdout.fnmatch_lines(["*test_fixture_that_fails_midway*KeyError*"])


def test_four_xdist_workers_each_keep_their_own_state(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_styles=STYLES)
    result = pytester.runpytest_subprocess("-n", "4", "-p", "no:randomly", timeout=240)
    result.assert_outcomes(passed=STYLE_TESTS - 1, failed=1)


def test_a_test_that_leaves_a_mock_active_fails_and_is_cleaned_up(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        test_leaky="""
        from chime_mock import mock_chime

        def test_forgets_to_stop():
            mock_chime().start()
        """
    )
    result = pytester.runpytest("-p", "tests.hermetic")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*leaked chime_mock state: 1 mock(s) still active*"])
