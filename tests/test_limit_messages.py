"""A request over a limit of the mock says what happened and how to raise the limit, in the words
of the interface the caller uses: `mock_chime(...)` in-process, the server's `/config` (or flag)
over HTTP. A rate quota is a rate, not a count of things that exist."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from chime_mock import mock_chime
from chime_mock.server import running_server
from tests.server.conftest import make_client
from tests.voice_helpers import CIDR, connector

TERMINATION = {"CallingRegions": ["US"], "CidrAllowedList": [CIDR], "CpsLimit": 5}


def refused(call: Any, **params: Any) -> str:
    with pytest.raises(ClientError) as raised:
        call(**params)
    message: str = raised.value.response["Error"]["Message"]
    return message


def test_the_calls_per_second_quota_speaks_of_a_rate() -> None:
    with mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id = connector(voice)["VoiceConnectorId"]
        message = refused(
            voice.put_voice_connector_termination,
            VoiceConnectorId=connector_id,
            Termination=TERMINATION,
        )
    assert message == (
        "The quota of calls per second of a Voice Connector is 1: this request asks for 5; ask "
        'AWS to raise it, or raise it in the mock with mock_chime(quotas={"calls_per_second": ...})'
    )


def test_a_count_quota_says_how_many_exist_and_how_many_the_request_adds() -> None:
    with mock_chime(quotas={"voice_connectors": 1}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector(voice)
        message = refused(voice.create_voice_connector, Name="second", RequireEncryption=True)
    assert message.startswith(
        "The quota of Voice Connectors in us-east-1 is 1: 1 exist and this request adds 1; ask "
        "AWS to raise it"
    )


def test_the_phone_number_limit_says_which_option_raises_it() -> None:
    with mock_chime(phone_number_limit=1):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        message = refused(
            voice.create_phone_number_order,
            ProductType="VoiceConnector",
            E164PhoneNumbers=["+12065550100", "+12065550101"],
        )
    assert message == (
        "The phone number limit of this account is 1: it holds 0 and this request adds 2; ask AWS "
        "to raise it, or raise it in the mock with mock_chime(phone_number_limit=...)"
    )


def test_over_http_the_limits_name_the_config_endpoint_and_the_server_flag() -> None:
    with running_server(phone_number_limit=0) as server:
        voice = make_client(server.url, "chime-sdk-voice")
        numbers = refused(
            voice.create_phone_number_order,
            ProductType="VoiceConnector",
            E164PhoneNumbers=["+12065550100"],
        )
        connector_id = connector(voice)["VoiceConnectorId"]
        rate = refused(
            voice.put_voice_connector_termination,
            VoiceConnectorId=connector_id,
            Termination=TERMINATION,
        )
    assert numbers.endswith(
        'raise it in the mock with POST /_chime_mock/config {"PhoneNumberLimit": N} '
        "(or chime-mock server --phone-number-limit N)"
    )
    assert rate.endswith(
        'raise it in the mock with POST /_chime_mock/config {"Quotas": {"calls_per_second": N}} '
        "(or chime-mock server --quotas calls_per_second=N)"
    )
    assert "mock_chime" not in numbers + rate
