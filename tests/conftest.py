from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from chime_mock import ChimeMock, mock_chime

pytest_plugins = ["pytester", "tests.hermetic", "tests.reporting"]

# A product type each service accepts for US local numbers.
PRODUCT_TYPE = {"chime": "VoiceConnector", "chime-sdk-voice": "VoiceConnector"}


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


@pytest.fixture(params=["chime", "chime-sdk-voice"])
def client(request: pytest.FixtureRequest, handle: ChimeMock) -> Any:
    """The same behaviour on both services."""
    return boto3.client(request.param, region_name="us-east-1")


def order_numbers(client: Any, *numbers: str, **extra: Any) -> dict[str, Any]:
    service = client.meta.service_model.service_name
    response = client.create_phone_number_order(
        ProductType=extra.pop("ProductType", PRODUCT_TYPE[service]),
        E164PhoneNumbers=list(numbers),
        **extra,
    )
    return response["PhoneNumberOrder"]  # type: ignore[no-any-return]
