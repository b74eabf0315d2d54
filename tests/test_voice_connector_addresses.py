"""The addresses a Voice Connector's configurations name, checked as AWS documents them: calling
regions are ISO 3166-1 alpha-2 codes of countries termination calls, once each; an origination
host is a host name or an IPv4 address; an allowed block is IPv4 CIDR notation, of any prefix
(AWS's own example allows 10.24.34.0/23). And a connector's AwsRegion is the region of the
endpoint called, as an application's is (docs/behaviour.md, "Wire habits of real code")."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from chime_mock import mock_chime
from tests.voice_helpers import CIDR, connector


def _terminate(voice: Any, **termination: Any) -> dict[str, Any]:
    connector_id = connector(voice)["VoiceConnectorId"]
    answer = voice.put_voice_connector_termination(
        VoiceConnectorId=connector_id,
        Termination={"CallingRegions": ["US"], "CidrAllowedList": [CIDR], **termination},
    )
    return answer["Termination"]  # type: ignore[no-any-return]


def _originate(voice: Any, host: str) -> dict[str, Any]:
    connector_id = connector(voice)["VoiceConnectorId"]
    route = {"Host": host, "Priority": 1, "Weight": 1}
    answer = voice.put_voice_connector_origination(
        VoiceConnectorId=connector_id, Origination={"Routes": [route]}
    )
    return answer["Origination"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("regions", [["US"], ["US", "CA", "GB", "JP"], ["DE"]])
def test_calling_regions_are_country_codes(voice: Any, regions: list[str]) -> None:
    assert _terminate(voice, CallingRegions=regions)["CallingRegions"] == regions


@pytest.mark.parametrize(
    ("regions", "said"),
    [
        (["Narnia"], "'Narnia', not the ISO 3166-1 alpha-2 code"),
        (["us"], "did you mean US?"),
        (["USA"], "'USA', not the ISO 3166-1 alpha-2 code"),
        (["ZZ"], "'ZZ', not the ISO 3166-1 alpha-2 code"),
        (["US", "CA", "US"], "lists US more than once"),
    ],
)
def test_calling_regions_that_are_not_countries_or_repeat_are_refused(
    voice: Any, regions: list[str], said: str
) -> None:
    with pytest.raises(voice.exceptions.BadRequestException, match=said):
        _terminate(voice, CallingRegions=regions)


@pytest.mark.parametrize(
    "host", ["198.51.100.10", "10.24.34.0", "sip.example.com", "pbx-1.office.example.org."]
)
def test_an_origination_host_is_a_host_name_or_an_ipv4_address(voice: Any, host: str) -> None:
    assert _originate(voice, host)["Routes"][0]["Host"] == host


@pytest.mark.parametrize(
    "host",
    ["", "not a host!", "198.51.100.300", "10.0.0", "010.0.0.1", "localhost", "-a.example.com",
     "a..example.com", "example.123", "http://sip.example.com", "sip.example.com:5060"],
)  # fmt: skip
def test_other_origination_hosts_are_refused(voice: Any, host: str) -> None:
    with pytest.raises(voice.exceptions.BadRequestException, match=r"Origination\.Routes\.1\.Host"):
        _originate(voice, host)


@pytest.mark.parametrize(
    "block", ["10.24.34.0/23", "203.0.113.0/27", "203.0.113.7/32", "0.0.0.0/0"]
)
def test_an_allowed_block_is_any_ipv4_cidr_block(voice: Any, block: str) -> None:
    assert _terminate(voice, CidrAllowedList=[block])["CidrAllowedList"] == [block]


@pytest.mark.parametrize(
    ("block", "said"),
    [
        ("10.0.0.1", "not in CIDR notation .*write 10.0.0.1/32"),
        ("10.24.35.0/23", "network address is 10.24.34.0/23"),
        ("10.0.0.0/33", "not an IPv4 CIDR block"),
        ("2001:db8::/32", "not an IPv4 CIDR block"),
        ("", "not in CIDR notation"),
    ],
)
def test_other_allowed_blocks_are_refused(voice: Any, block: str, said: str) -> None:
    with pytest.raises(voice.exceptions.BadRequestException, match=said):
        _terminate(voice, CidrAllowedList=[block])


def test_a_refused_address_changes_nothing(voice: Any) -> None:
    connector_id = connector(voice)["VoiceConnectorId"]
    good = {"CallingRegions": ["US"], "CidrAllowedList": [CIDR]}
    voice.put_voice_connector_termination(VoiceConnectorId=connector_id, Termination=good)
    with pytest.raises(voice.exceptions.BadRequestException):
        voice.put_voice_connector_termination(
            VoiceConnectorId=connector_id,
            Termination={"CallingRegions": ["US", "Narnia"], "CidrAllowedList": [CIDR]},
        )
    kept = voice.get_voice_connector_termination(VoiceConnectorId=connector_id)["Termination"]
    assert kept["CallingRegions"] == ["US"]


# -- a connector's AwsRegion ------------------------------------------------------------------


def test_a_connector_in_another_region_than_the_endpoint_is_refused() -> None:
    with mock_chime():
        east = boto3.client("chime-sdk-voice", region_name="us-east-1")
        with pytest.raises(east.exceptions.BadRequestException, match=r"us-west-2.*us-east-1"):
            east.create_voice_connector(Name="trunk", RequireEncryption=True, AwsRegion="us-west-2")
        assert east.list_voice_connectors()["VoiceConnectors"] == []


def test_a_connector_names_the_region_of_its_endpoint() -> None:
    with mock_chime():
        west = boto3.client("chime-sdk-voice", region_name="us-west-2")
        made = west.create_voice_connector(
            Name="trunk", RequireEncryption=True, AwsRegion="us-west-2"
        )["VoiceConnector"]
        defaulted = west.create_voice_connector(Name="other", RequireEncryption=True)
    assert made["AwsRegion"] == "us-west-2"
    assert made["VoiceConnectorArn"].startswith("arn:aws:chime:us-west-2:")
    assert defaulted["VoiceConnector"]["AwsRegion"] == "us-west-2"
