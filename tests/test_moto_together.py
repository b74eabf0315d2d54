"""moto answers the services it mocks while chime_mock answers Chime, in either nesting."""

from __future__ import annotations

import boto3
import pytest

moto = pytest.importorskip("moto")

from chime_mock import mock_chime  # noqa: E402
from tests.conftest import order_numbers  # noqa: E402


def _use_both() -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="numbers")
    s3.put_object(Bucket="numbers", Key="list.txt", Body=b"+12065550100")
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    order = order_numbers(voice, "+12065550100")
    assert order["Status"] == "Processing"
    assert (
        voice.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]["Status"]
        == "Unassigned"
    )
    assert s3.get_object(Bucket="numbers", Key="list.txt")["Body"].read() == b"+12065550100"


def test_chime_mock_inside_moto() -> None:
    with moto.mock_aws(), mock_chime():
        _use_both()


def test_moto_inside_chime_mock() -> None:
    with mock_chime(), moto.mock_aws():
        _use_both()
