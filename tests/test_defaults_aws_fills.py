"""Members AWS answers whether a request sent them or not, with their default: a Put's answer and
the Get after it carry them (docs/behaviour.md, "Wire habits of real code"). One row per
document; each row puts the least the model allows."""

from __future__ import annotations

from typing import Any

import pytest

from tests.sip_helpers import application
from tests.voice_helpers import CIDR, connector

# (Put operation, its least input, the answer's member, the defaults it must carry, Get operation)
VOICE_CONNECTOR_DOCUMENTS = [
    (
        "put_voice_connector_proxy",
        {"DefaultSessionExpiryMinutes": 60, "PhoneNumberPoolCountries": ["US"]},
        "Proxy",
        {"Disabled": False},
        "get_voice_connector_proxy",
    ),
    (
        "put_voice_connector_termination",
        {"Termination": {"CallingRegions": ["US"], "CidrAllowedList": [CIDR]}},
        "Termination",
        {"CpsLimit": 1, "Disabled": False},
        "get_voice_connector_termination",
    ),
    (
        "put_voice_connector_origination",
        {"Origination": {"Routes": [{"Host": "198.51.100.10", "Priority": 1, "Weight": 1}]}},
        "Origination",
        {"Disabled": False},
        "get_voice_connector_origination",
    ),
    (
        "put_voice_connector_logging_configuration",
        {"LoggingConfiguration": {"EnableSIPLogs": True}},
        "LoggingConfiguration",
        {"EnableSIPLogs": True, "EnableMediaMetricLogs": False},
        "get_voice_connector_logging_configuration",
    ),
    (
        "put_voice_connector_logging_configuration",
        {"LoggingConfiguration": {}},
        "LoggingConfiguration",
        {"EnableSIPLogs": False, "EnableMediaMetricLogs": False},
        "get_voice_connector_logging_configuration",
    ),
]


@pytest.mark.parametrize(("put", "least", "member", "defaults", "get"), VOICE_CONNECTOR_DOCUMENTS)
def test_a_voice_connector_document_answers_its_defaults(
    voice: Any, put: str, least: dict[str, Any], member: str, defaults: dict[str, Any], get: str
) -> None:
    connector_id = connector(voice)["VoiceConnectorId"]
    answered = getattr(voice, put)(VoiceConnectorId=connector_id, **least)[member]
    read = getattr(voice, get)(VoiceConnectorId=connector_id)[member]
    assert {name: answered.get(name) for name in defaults} == defaults
    assert read == answered


@pytest.mark.parametrize(
    ("route", "port", "protocol"),
    [
        ({}, 5060, "TCP"),  # the connector requires encryption
        ({"Port": 5061}, 5061, "TCP"),
        ({"Protocol": "TCP", "Port": 0}, 0, "TCP"),
    ],
)
def test_each_origination_route_answers_its_port_and_protocol(
    voice: Any, route: dict[str, Any], port: int, protocol: str
) -> None:
    connector_id = connector(voice)["VoiceConnectorId"]
    sent = {"Host": "198.51.100.10", "Priority": 1, "Weight": 1, **route}
    answered = voice.put_voice_connector_origination(
        VoiceConnectorId=connector_id, Origination={"Routes": [sent]}
    )["Origination"]["Routes"][0]
    assert (answered["Port"], answered["Protocol"]) == (port, protocol)


def test_an_unencrypted_connectors_routes_default_to_udp(voice: Any) -> None:
    made = voice.create_voice_connector(Name="trunk", RequireEncryption=False)
    connector_id = made["VoiceConnector"]["VoiceConnectorId"]
    route = {"Host": "198.51.100.10", "Priority": 1, "Weight": 1}
    answered = voice.put_voice_connector_origination(
        VoiceConnectorId=connector_id, Origination={"Routes": [route]}
    )["Origination"]["Routes"][0]
    assert answered["Protocol"] == "UDP"


def test_a_sip_media_application_logging_put_without_the_flag_answers_it_off(voice: Any) -> None:
    application_id = application(voice)["SipMediaApplicationId"]
    answered = voice.put_sip_media_application_logging_configuration(
        SipMediaApplicationId=application_id
    )["SipMediaApplicationLoggingConfiguration"]
    assert answered == {"EnableSipMediaApplicationMessageLogs": False}


def test_a_group_without_items_answers_an_empty_list(voice: Any) -> None:
    created = voice.create_voice_connector_group(Name="failover")["VoiceConnectorGroup"]
    assert created["VoiceConnectorItems"] == []


def test_members_without_a_documented_default_stay_absent(voice: Any) -> None:
    connector_id = connector(voice)["VoiceConnectorId"]
    streaming = voice.put_voice_connector_streaming_configuration(
        VoiceConnectorId=connector_id,
        StreamingConfiguration={"DataRetentionInHours": 24, "Disabled": False},
    )["StreamingConfiguration"]
    assert streaming == {"DataRetentionInHours": 24, "Disabled": False}
