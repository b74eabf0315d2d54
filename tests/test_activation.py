"""Every way of turning the mock on, and what it touches while on."""

from __future__ import annotations

import asyncio
import os
import subprocess
import textwrap
import unittest
from typing import Any

import boto3
import botocore
import botocore.config
import botocore.exceptions
import pytest
from botocore.stub import Stubber

from chime_mock import ChimeMock, mock_chime
from tests.conftest import guarded_python, order_numbers

LIFTED = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE")


def _orders() -> list[Any]:
    client = boto3.client("chime-sdk-voice", region_name="us-east-1")
    return client.list_phone_number_orders()["PhoneNumberOrders"]  # type: ignore[no-any-return]


def _order_one() -> str:
    client = boto3.client("chime-sdk-voice", region_name="us-east-1")
    return order_numbers(client, "+12065550100")["PhoneNumberOrderId"]  # type: ignore[no-any-return]


@mock_chime
def test_bare_decorator() -> None:
    _order_one()
    assert len(_orders()) == 1


@mock_chime()
def test_decorator_with_no_options() -> None:
    assert _orders() == []


@mock_chime(processing_delay=None)
def test_decorator_with_options() -> None:
    client = boto3.client("chime-sdk-voice", region_name="us-east-1")
    order_id = _order_one()
    assert (
        client.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]["Status"]
        == "Processing"
    )


@mock_chime
def test_decorated_test_keeps_its_fixtures(tmp_path: Any) -> None:
    assert tmp_path.exists()
    assert _orders() == []


def test_decorated_coroutine_stays_mocked_across_awaits() -> None:
    @mock_chime
    async def flow() -> int:
        _order_one()
        await asyncio.sleep(0)
        await asyncio.sleep(0.01)
        return len(_orders())

    assert asyncio.iscoroutinefunction(flow)
    assert asyncio.run(flow()) == 1
    assert not _mock_is_active()


def test_decorated_method_gets_its_instance() -> None:
    class Service:
        def __init__(self) -> None:
            self.client = boto3.client("chime-sdk-voice", region_name="us-east-1")

        @mock_chime
        def count_orders(self) -> int:
            order_numbers(self.client, "+12065550100")
            return len(self.client.list_phone_number_orders()["PhoneNumberOrders"])

    assert Service().count_orders() == 1


@mock_chime
class TestPlainClassDecorated:
    def test_first_starts_empty(self) -> None:
        assert _orders() == []
        _order_one()

    def test_second_starts_empty(self) -> None:
        assert _orders() == []
        _order_one()

    def helper(self) -> None:
        """Not a test: left as it is."""

    def test_only_test_methods_are_wrapped(self) -> None:
        assert hasattr(type(self).test_first_starts_empty, "__wrapped__")
        assert not hasattr(type(self).helper, "__wrapped__")


@mock_chime
class TestUnittestCaseDecorated(unittest.TestCase):
    def setUp(self) -> None:
        self.client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        self.order_id = order_numbers(self.client, "+12065550100")["PhoneNumberOrderId"]

    def test_setup_ran_mocked(self) -> None:
        assert len(self.client.list_phone_number_orders()["PhoneNumberOrders"]) == 1

    def test_each_test_has_fresh_state(self) -> None:
        orders = self.client.list_phone_number_orders()["PhoneNumberOrders"]
        assert [order["PhoneNumberOrderId"] for order in orders] == [self.order_id]


@mock_chime(processing_delay=None)
class TestAsyncUnittestCaseDecorated(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        self.order_id = _order_one()

    async def test_async_test_is_mocked(self) -> None:
        await asyncio.sleep(0)
        assert [order["PhoneNumberOrderId"] for order in _orders()] == [self.order_id]


def _mock_is_active() -> bool:
    from chime_mock.mock import _ACTIVE

    return bool(_ACTIVE.stack)


def test_start_and_stop_by_hand() -> None:
    handle = mock_chime()
    handle.start()
    try:
        _order_one()
        assert len(_orders()) == 1
    finally:
        handle.stop()
    assert not handle.active


def test_stop_without_start_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="chime_mock: stop"):
        mock_chime().stop()


def test_handle_methods_need_an_active_mock() -> None:
    with pytest.raises(RuntimeError, match="not active"):
        mock_chime().reset()


def test_nested_activations_share_state_until_the_outermost_ends() -> None:
    with mock_chime():
        _order_one()
        with mock_chime():
            assert len(_orders()) == 1
            _order_one_more = boto3.client("chime-sdk-voice", region_name="us-east-1")
            order_numbers(_order_one_more, "+12065550101")
        assert len(_orders()) == 2
    with mock_chime():
        assert _orders() == []


def test_reset_clears_the_state_but_stays_active(handle: ChimeMock) -> None:
    _order_one()
    handle.reset()
    assert _orders() == []


def test_a_client_made_before_the_mock_is_mocked_while_it_is_active() -> None:
    early = boto3.client("chime-sdk-voice", region_name="us-east-1")
    with mock_chime():
        order_numbers(early, "+12065550100")
        assert len(early.list_phone_number_orders()["PhoneNumberOrders"]) == 1


def test_a_client_made_before_import_is_mocked(tmp_path: Any) -> None:
    script = textwrap.dedent(
        """
        import boto3
        early = boto3.client("chime-sdk-voice", region_name="us-east-1")
        from chime_mock import mock_chime
        with mock_chime():
            order = early.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )["PhoneNumberOrder"]
            print(order["Status"])
        """
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment["AWS_CONFIG_FILE"] = environment["AWS_SHARED_CREDENTIALS_FILE"] = str(
        tmp_path / "none"
    )
    result = subprocess.run(
        guarded_python(script),
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Processing"


def test_outside_the_mock_nothing_is_answered_by_it(refused_url: str) -> None:
    early = boto3.client(
        "chime-sdk-voice",
        region_name="us-east-1",
        aws_access_key_id="x",
        aws_secret_access_key="y",
        endpoint_url=refused_url,  # a real send is refused at once
        config=botocore.config.Config(retries={"max_attempts": 0}, connect_timeout=1),
    )
    with mock_chime():
        early.list_phone_number_orders()
    with pytest.raises(botocore.exceptions.EndpointConnectionError):
        early.list_phone_number_orders()


def test_a_client_hooked_by_one_mock_is_answered_by_the_next_from_its_own_state() -> None:
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    with mock_chime():
        order_numbers(voice, "+12065550100")
    with mock_chime():
        assert voice.list_phone_number_orders()["PhoneNumberOrders"] == []
        order_numbers(voice, "+12065550100")  # the first mock's number is not held any more
        assert len(voice.list_phone_number_orders()["PhoneNumberOrders"]) == 1


def test_a_hooked_endpoint_calls_botocore_directly_unless_its_class_has_its_own() -> None:
    from botocore.endpoint import Endpoint

    botocore_own = Endpoint.make_request

    class Custom(Endpoint):
        seen = 0

        def make_request(self, operation_model: Any, request_dict: Any) -> Any:
            self.seen += 1
            return super().make_request(operation_model, request_dict)

    with mock_chime():
        plain = boto3.client("chime-sdk-voice", region_name="us-east-1")
        custom = boto3.client("chime-sdk-voice", region_name="us-east-1")
        custom._endpoint.__class__ = Custom
        for _ in range(2):
            plain.list_phone_number_orders()
            custom.list_phone_number_orders()
        assert plain._endpoint.make_request.__func__ is botocore_own
        assert "make_request" not in vars(custom._endpoint)
        assert custom._endpoint.seen == 2


def test_other_services_are_not_answered_by_the_mock(refused_url: str) -> None:
    with mock_chime():
        sts = boto3.client(
            "sts",
            region_name="us-east-1",
            endpoint_url=refused_url,
            config=botocore.config.Config(retries={"max_attempts": 0}, connect_timeout=1),
        )
        with pytest.raises(botocore.exceptions.EndpointConnectionError):
            sts.get_caller_identity()


def test_an_unmocked_operation_never_leaves_and_says_so(
    handle: ChimeMock, unmocked: tuple[str, str]
) -> None:
    service, operation = unmocked
    client = boto3.client(service, region_name="us-east-1")
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        getattr(client, botocore.xform_name(operation))()
    error = caught.value.response["Error"]
    assert error["Code"] == "NotImplemented"
    assert operation in error["Message"]
    assert "not mocked yet" in error["Message"]


def test_the_unmocked_answer_points_at_the_stubber_and_the_list_not_every_name(
    chime: Any, unmocked: tuple[str, str]
) -> None:
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        chime.list_accounts()
    message = caught.value.response["Error"]["Message"]
    assert 'Stubber on this client: stubber.add_response("list_accounts"' in message
    assert "docs/operations.md" in message
    assert "GetPhoneNumberOrder" not in message
    assert len(message) < 400


def test_a_stubber_answers_what_the_mock_does_not(chime: Any, unmocked: tuple[str, str]) -> None:
    with Stubber(chime) as stubber:
        stubber.add_response("list_accounts", {"Accounts": []}, {})
        assert chime.list_accounts()["Accounts"] == []
    assert chime.list_phone_number_orders()["PhoneNumberOrders"] == []


def test_fake_credentials_are_set_and_restored_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "real-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "real-token")
    monkeypatch.setenv("AWS_PROFILE", "does-not-exist")
    before = dict(os.environ)
    with mock_chime():
        assert os.environ["AWS_ACCESS_KEY_ID"] == "AKIAIOSFODNN7EXAMPLE"
        assert "AWS_SESSION_TOKEN" not in os.environ
        assert "AWS_PROFILE" not in os.environ
        client = boto3.client("chime-sdk-voice", region_name="us-east-1")
        assert client._request_signer._credentials.access_key == "AKIAIOSFODNN7EXAMPLE"
        order_numbers(client, "+12065550100")
    assert dict(os.environ) == before


def test_every_session_token_and_profile_variable_is_lifted_and_the_region_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"):
        monkeypatch.setenv(name, "real-token")
    for name in ("AWS_PROFILE", "AWS_DEFAULT_PROFILE"):
        monkeypatch.setenv(name, "does-not-exist")
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    with mock_chime():
        lifted = [name for name in LIFTED if name in os.environ]
        region = (os.environ.get("AWS_REGION"), os.environ.get("AWS_DEFAULT_REGION"))
        # A profile left set that does not exist would fail the client before any call.
        client = boto3.client("chime-sdk-voice", region_name="eu-west-1")
        client.list_phone_number_orders()
    assert lifted == []
    assert region == ("eu-west-1", None)  # a region is set: no us-east-1 default is added
    assert client._request_signer._credentials.token is None


def test_environment_is_restored_when_the_body_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_ACCESS_KEY_ID", raising=False)
    before = dict(os.environ)
    with pytest.raises(ZeroDivisionError), mock_chime():
        1 / 0  # noqa: B018
    assert dict(os.environ) == before
    assert not _mock_is_active()


def test_a_machine_without_aws_configuration_works(tmp_path: Any) -> None:
    script = textwrap.dedent(
        """
        import boto3
        from chime_mock import mock_chime
        with mock_chime():
            client = boto3.client("chime-sdk-voice")
            print(len(client.list_phone_number_orders()["PhoneNumberOrders"]))
        """
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    environment["HOME"] = str(tmp_path)
    environment["AWS_PROFILE"] = "missing-profile"
    result = subprocess.run(
        guarded_python(script),
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_the_subprocess_network_guard_refuses_all_but_loopback() -> None:
    script = """
        import socket
        for connect in [
            lambda: socket.socket().connect(("192.0.2.1", 443)),
            lambda: socket.create_connection(("chime.us-east-1.amazonaws.com", 443), timeout=1),
        ]:
            try:
                connect()
            except OSError as error:
                print(error)
        """
    result = subprocess.run(
        guarded_python(script), capture_output=True, text=True, check=False, timeout=60
    )
    assert result.stdout.splitlines() == [
        "tests: the network guard refused ('192.0.2.1', 443)",
        "tests: the network guard refused 'chime.us-east-1.amazonaws.com'",
    ], result.stderr


def test_import_leaves_phonenumbers_and_the_backend_unimported() -> None:
    script = """
        import sys
        import chime_mock
        print(sorted(m for m in sys.modules if m == "phonenumbers" or m.startswith(
            ("phonenumbers.", "chime_mock.backend"))))
        """
    result = subprocess.run(
        guarded_python(script), capture_output=True, text=True, check=False, timeout=60
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr
