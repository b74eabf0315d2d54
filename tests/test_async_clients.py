"""aiobotocore and aioboto3 clients meet the same fake as boto3: state, errors, faults, journal."""

from __future__ import annotations

import asyncio
import unittest
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest

aiobotocore_session = pytest.importorskip("aiobotocore.session")

from chime_mock import ChimeMock, mock_chime  # noqa: E402
from tests.conftest import order_numbers  # noqa: E402

T = TypeVar("T")
NUMBERS = ["+12065550100", "+12065550101"]


def run(flow: Callable[[], Awaitable[T]]) -> T:
    return asyncio.run(flow())  # type: ignore[arg-type]


@pytest.fixture
def aioboto3_session() -> Any:
    return pytest.importorskip("aioboto3").Session()


@asynccontextmanager
async def voice_client(**options: Any) -> AsyncIterator[Any]:
    session = aiobotocore_session.get_session()
    async with session.create_client("chime-sdk-voice", region_name="us-east-1", **options) as c:
        yield c


def test_an_aiobotocore_client_runs_the_order_flow(handle: ChimeMock) -> None:
    async def flow() -> None:
        async with voice_client() as voice:
            created = await voice.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=NUMBERS, Name="front desk"
            )
            order = created["PhoneNumberOrder"]
            assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
            assert order["Status"] == "Processing"
            got = await voice.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
            assert got["PhoneNumberOrder"]["Status"] == "Successful"
            listed = await voice.list_phone_number_orders()
            assert [o["PhoneNumberOrderId"] for o in listed["PhoneNumberOrders"]] == [
                order["PhoneNumberOrderId"]
            ]
            number = (await voice.get_phone_number(PhoneNumberId=NUMBERS[0]))["PhoneNumber"]
            assert (number["Status"], number["Name"]) == ("Unassigned", "front desk")

    run(flow)


def test_an_aioboto3_client_sees_what_boto3_ordered(
    handle: ChimeMock, voice: Any, aioboto3_session: Any
) -> None:
    order_id = order_numbers(voice, NUMBERS[0])["PhoneNumberOrderId"]

    async def flow() -> str:
        async with aioboto3_session.client("chime-sdk-voice", region_name="us-east-1") as c:
            got = await c.get_phone_number_order(PhoneNumberOrderId=order_id)
            return str(got["PhoneNumberOrder"]["Status"])

    assert run(flow) == "Successful"


def test_boto3_sees_what_an_aioboto3_client_ordered(
    handle: ChimeMock, chime: Any, aioboto3_session: Any
) -> None:
    async def flow() -> None:
        async with aioboto3_session.client("chime", region_name="us-east-1") as c:
            await c.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=[NUMBERS[0]]
            )

    run(flow)
    assert chime.get_phone_number(PhoneNumberId=NUMBERS[0])["PhoneNumber"]["Status"] == (
        "Unassigned"
    )


def test_async_clients_get_the_modeled_errors(handle: ChimeMock) -> None:
    async def flow() -> None:
        async with voice_client() as voice:
            with pytest.raises(voice.exceptions.NotFoundException) as raised:
                await voice.get_phone_number(PhoneNumberId=NUMBERS[0])
            assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404

    run(flow)


def test_async_clients_retry_injected_faults(
    handle: ChimeMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_sleep(seconds: float) -> None:
        return None

    monkeypatch.setattr("aiobotocore.endpoint.asyncio.sleep", no_sleep)
    handle.inject_error("ListPhoneNumberOrders", "ServiceFailureException", times=2)

    async def flow() -> int:
        async with voice_client() as voice:
            response = await voice.list_phone_number_orders()
            return int(response["ResponseMetadata"]["RetryAttempts"])

    assert run(flow) == 2
    assert [call.status for call in handle.calls] == [500, 500, 200]


def test_async_calls_are_journaled(handle: ChimeMock) -> None:
    async def flow() -> None:
        async with voice_client() as voice:
            await voice.list_phone_number_orders(MaxResults=3)

    run(flow)
    assert [(c.service, c.operation, c.params) for c in handle.calls] == [
        ("chime-sdk-voice", "ListPhoneNumberOrders", {"MaxResults": 3})
    ]


def test_a_decorated_coroutine_is_mocked() -> None:
    @mock_chime
    async def flow() -> int:
        async with voice_client() as voice:
            await voice.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=[NUMBERS[0]]
            )
            return len((await voice.list_phone_number_orders())["PhoneNumberOrders"])

    assert run(flow) == 1


def test_a_client_made_without_credentials_before_the_mock_signs_with_the_fakes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")

    async def flow() -> list[Any]:
        async with voice_client() as voice:
            with mock_chime():
                return list((await voice.list_phone_number_orders())["PhoneNumberOrders"])

    assert run(flow) == []


@mock_chime
class AsyncTestCaseTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self) -> None:
        self.session = aiobotocore_session.get_session()

    async def test_orders_in_an_isolated_asyncio_test_case(self) -> None:
        async with self.session.create_client("chime-sdk-voice", region_name="us-east-1") as voice:
            await voice.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=[NUMBERS[0]]
            )
            orders = (await voice.list_phone_number_orders())["PhoneNumberOrders"]
        self.assertEqual(len(orders), 1)

    async def test_each_test_starts_empty(self) -> None:
        async with self.session.create_client("chime-sdk-voice", region_name="us-east-1") as voice:
            orders = (await voice.list_phone_number_orders())["PhoneNumberOrders"]
        self.assertEqual(orders, [])
