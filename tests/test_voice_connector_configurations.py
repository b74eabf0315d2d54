"""The configurations of a Voice Connector through real boto3 clients: one mechanism, each triple's
own rules."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import error_of
from tests.voice_helpers import CIDR, connector, numbers, terminate_and_originate

# Each configuration triple: (Put, Get, Delete or None, the Put's parameters, the Get's member).
TRIPLES = {
    "Origination": (
        "put_voice_connector_origination",
        "get_voice_connector_origination",
        "delete_voice_connector_origination",
        {
            "Origination": {
                "Routes": [
                    {
                        "Host": "198.51.100.10",
                        "Port": 5061,
                        "Protocol": "TCP",
                        "Priority": 1,
                        "Weight": 5,
                    }
                ],
                "Disabled": False,
            }
        },
    ),
    "Termination": (
        "put_voice_connector_termination",
        "get_voice_connector_termination",
        "delete_voice_connector_termination",
        {
            "Termination": {
                "CpsLimit": 1,
                "CallingRegions": ["US", "CA"],
                "CidrAllowedList": [CIDR],
                "Disabled": False,
            }
        },
    ),
    "StreamingConfiguration": (
        "put_voice_connector_streaming_configuration",
        "get_voice_connector_streaming_configuration",
        "delete_voice_connector_streaming_configuration",
        {
            "StreamingConfiguration": {
                "DataRetentionInHours": 24,
                "Disabled": False,
                "StreamingNotificationTargets": [{"NotificationTarget": "EventBridge"}],
            }
        },
    ),
    "ExternalSystemsConfiguration": (
        "put_voice_connector_external_systems_configuration",
        "get_voice_connector_external_systems_configuration",
        "delete_voice_connector_external_systems_configuration",
        {
            "SessionBorderControllerTypes": ["RIBBON_SBC"],
            "ContactCenterSystemTypes": ["AVAYA_AURA_CONTACT_CENTER"],
        },
    ),
    "Proxy": (
        "put_voice_connector_proxy",
        "get_voice_connector_proxy",
        "delete_voice_connector_proxy",
        {"DefaultSessionExpiryMinutes": 60, "PhoneNumberPoolCountries": ["US"], "Disabled": False},
    ),
}


def _expected(member: str, params: dict[str, Any]) -> dict[str, Any]:
    if member in params:
        return params[member]  # type: ignore[no-any-return]
    renamed = {"PhoneNumberPoolCountries": "PhoneNumberCountries"}
    return {renamed.get(key, key): value for key, value in params.items()}


@pytest.mark.parametrize("member", TRIPLES)
def test_a_configuration_is_put_read_and_deleted(voice: Any, member: str) -> None:
    put, get, delete, params = TRIPLES[member]
    made = connector(voice)["VoiceConnectorId"]
    with pytest.raises(voice.exceptions.NotFoundException):
        getattr(voice, get)(VoiceConnectorId=made)  # never put
    answered = getattr(voice, put)(VoiceConnectorId=made, **params)
    assert answered[member] == _expected(member, params)
    assert getattr(voice, get)(VoiceConnectorId=made)[member] == _expected(member, params)
    deleted = getattr(voice, delete)(VoiceConnectorId=made)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    with pytest.raises(voice.exceptions.NotFoundException):
        getattr(voice, get)(VoiceConnectorId=made)
    with pytest.raises(voice.exceptions.NotFoundException):
        getattr(voice, delete)(VoiceConnectorId=made)


@pytest.mark.parametrize("member", TRIPLES)
def test_a_configuration_of_an_unknown_connector_is_not_found(voice: Any, member: str) -> None:
    put, get, _, params = TRIPLES[member]
    for call, extra in ((put, params), (get, {})):
        code, _ = error_of(getattr(voice, call), VoiceConnectorId="abcdef1ghij2klmno3pqr4", **extra)
        assert code == "NotFoundException"


def test_logging_reads_all_off_before_any_put_and_keeps_what_was_put(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    logging = voice.get_voice_connector_logging_configuration(VoiceConnectorId=made)
    assert logging["LoggingConfiguration"] == {
        "EnableSIPLogs": False,
        "EnableMediaMetricLogs": False,
    }
    voice.put_voice_connector_logging_configuration(
        VoiceConnectorId=made,
        LoggingConfiguration={"EnableSIPLogs": True, "EnableMediaMetricLogs": False},
    )
    logging = voice.get_voice_connector_logging_configuration(VoiceConnectorId=made)
    assert logging["LoggingConfiguration"]["EnableSIPLogs"] is True


def test_a_put_replaces_the_whole_document(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    put = voice.put_voice_connector_origination
    put(
        VoiceConnectorId=made,
        Origination={"Routes": [{"Host": "198.51.100.10", "Priority": 1, "Weight": 1}]},
    )
    put(VoiceConnectorId=made, Origination={"Disabled": True})
    assert voice.get_voice_connector_origination(VoiceConnectorId=made)["Origination"] == {
        "Disabled": True
    }


def test_origination_routes_default_to_tls_over_tcp_on_an_encrypted_connector(voice: Any) -> None:
    encrypted = connector(voice)["VoiceConnectorId"]
    plain = voice.create_voice_connector(Name="plain", RequireEncryption=False)["VoiceConnector"][
        "VoiceConnectorId"
    ]
    route = {"Host": "198.51.100.10", "Priority": 1, "Weight": 1}
    for connector_id, protocol in ((encrypted, "TCP"), (plain, "UDP")):
        answered = voice.put_voice_connector_origination(
            VoiceConnectorId=connector_id, Origination={"Routes": [route]}
        )["Origination"]["Routes"][0]
        assert (answered["Protocol"], answered["Port"]) == (protocol, 5060)
    code, message = error_of(
        voice.put_voice_connector_origination,
        VoiceConnectorId=encrypted,
        Origination={"Routes": [{**route, "Protocol": "UDP"}]},
    )
    assert code == "BadRequestException" and "encryption" in message


def test_origination_needs_routes_or_disabled_and_at_most_twenty_routes(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    put = voice.put_voice_connector_origination
    assert error_of(put, VoiceConnectorId=made, Origination={})[0] == "BadRequestException"
    routes = [{"Host": f"198.51.100.{i}", "Priority": 1, "Weight": 1} for i in range(21)]
    assert error_of(put, VoiceConnectorId=made, Origination={"Routes": routes})[0] == (
        "BadRequestException"
    )


@pytest.mark.parametrize(
    "termination",
    [
        {"CallingRegions": ["US"], "CidrAllowedList": ["10.24.35.0/23"]},  # host bits set
        {"CallingRegions": ["US"], "CidrAllowedList": ["not-a-cidr"]},
        {"CallingRegions": [], "CidrAllowedList": [CIDR]},
        {"CallingRegions": ["US"], "CpsLimit": 2},  # above the calls-per-second quota of 1
        {"CallingRegions": ["US"], "DefaultPhoneNumber": "+12065550100"},  # not in the inventory
    ],
)
def test_a_termination_breaking_a_rule_is_refused(voice: Any, termination: dict[str, Any]) -> None:
    made = connector(voice)["VoiceConnectorId"]
    code, _ = error_of(
        voice.put_voice_connector_termination, VoiceConnectorId=made, Termination=termination
    )
    assert code == "BadRequestException"
    with pytest.raises(voice.exceptions.NotFoundException):
        voice.get_voice_connector_termination(VoiceConnectorId=made)


def test_a_termination_defaults_to_one_call_per_second_and_takes_an_owned_number(
    voice: Any,
) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, "+12065550100")
    answered = voice.put_voice_connector_termination(
        VoiceConnectorId=made,
        Termination={"CallingRegions": ["US"], "DefaultPhoneNumber": "+12065550100"},
    )["Termination"]
    assert answered["CpsLimit"] == 1
    assert answered["DefaultPhoneNumber"] == "+12065550100"


def test_credentials_need_a_termination_and_never_show_passwords(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    credentials = [{"Username": "alice", "Password": "s3cret"}]
    code, _ = error_of(
        voice.put_voice_connector_termination_credentials,
        VoiceConnectorId=made,
        Credentials=credentials,
    )
    assert code == "BadRequestException"
    voice.put_voice_connector_termination(
        VoiceConnectorId=made, Termination={"CallingRegions": ["US"]}
    )
    put = voice.put_voice_connector_termination_credentials(
        VoiceConnectorId=made, Credentials=credentials
    )
    assert put["ResponseMetadata"]["HTTPStatusCode"] == 204
    voice.put_voice_connector_termination_credentials(
        VoiceConnectorId=made,
        Credentials=[
            {"Username": "bob", "Password": "x"},
            {"Username": "alice", "Password": "new"},
        ],
    )
    listed = voice.list_voice_connector_termination_credentials(VoiceConnectorId=made)
    assert listed["Usernames"] == ["alice", "bob"]
    assert "s3cret" not in str(listed)
    voice.delete_voice_connector_termination_credentials(
        VoiceConnectorId=made, Usernames=["alice", "nobody"]
    )
    assert voice.list_voice_connector_termination_credentials(VoiceConnectorId=made)[
        "Usernames"
    ] == ["bob"]


def test_credentials_go_with_their_termination(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    voice.put_voice_connector_termination(
        VoiceConnectorId=made, Termination={"CallingRegions": ["US"]}
    )
    voice.put_voice_connector_termination_credentials(
        VoiceConnectorId=made, Credentials=[{"Username": "a", "Password": "b"}]
    )
    voice.delete_voice_connector_termination(VoiceConnectorId=made)
    assert (
        voice.list_voice_connector_termination_credentials(VoiceConnectorId=made)["Usernames"] == []
    )


def test_a_connector_holds_ten_credentials_at_most(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    voice.put_voice_connector_termination(
        VoiceConnectorId=made, Termination={"CallingRegions": ["US"]}
    )
    many = [{"Username": f"user{i}", "Password": "p"} for i in range(11)]
    code, _ = error_of(
        voice.put_voice_connector_termination_credentials, VoiceConnectorId=made, Credentials=many
    )
    assert code == "BadRequestException"
    assert (
        voice.list_voice_connector_termination_credentials(VoiceConnectorId=made)["Usernames"] == []
    )


def test_termination_health_needs_a_termination_and_shows_the_recorded_ping(
    handle: ChimeMock, voice: Any
) -> None:
    made = connector(voice)["VoiceConnectorId"]
    with pytest.raises(voice.exceptions.NotFoundException):
        voice.get_voice_connector_termination_health(VoiceConnectorId=made)
    voice.put_voice_connector_termination(
        VoiceConnectorId=made, Termination={"CallingRegions": ["US"]}
    )
    assert (
        voice.get_voice_connector_termination_health(VoiceConnectorId=made)["TerminationHealth"]
        == {}
    )
    handle.voice_connectors.record_termination_health(made, "203.0.113.5")
    health = voice.get_voice_connector_termination_health(VoiceConnectorId=made)[
        "TerminationHealth"
    ]
    assert health["Source"] == "203.0.113.5"
    assert "Timestamp" in health


def test_recording_health_of_an_unknown_connector_says_so(handle: ChimeMock) -> None:
    with pytest.raises(ValueError, match="chime_mock: Voice Connector nope not found"):
        handle.voice_connectors.record_termination_health("nope", "203.0.113.5")


EMERGENCY = {
    "DNIS": [
        {
            "EmergencyPhoneNumber": "+12065550911",
            "TestPhoneNumber": "+12065550912",
            "CallingCountry": "US",
        }
    ]
}


def test_emergency_calling_needs_termination_and_origination_enabled(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    put = voice.put_voice_connector_emergency_calling_configuration
    assert (
        error_of(put, VoiceConnectorId=made, EmergencyCallingConfiguration=EMERGENCY)[0]
        == "BadRequestException"
    )
    terminate_and_originate(voice, made)
    answered = put(VoiceConnectorId=made, EmergencyCallingConfiguration=EMERGENCY)
    assert answered["EmergencyCallingConfiguration"] == EMERGENCY


def test_emergency_calling_is_us_only(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    terminate_and_originate(voice, made)
    for dnis in (
        {"EmergencyPhoneNumber": "+12065550911", "CallingCountry": "CA"},
        {"EmergencyPhoneNumber": "+442071838750", "CallingCountry": "US"},
    ):
        code, _ = error_of(
            voice.put_voice_connector_emergency_calling_configuration,
            VoiceConnectorId=made,
            EmergencyCallingConfiguration={"DNIS": [dnis]},
        )
        assert code == "BadRequestException"


def test_while_emergency_calling_exists_termination_and_origination_stay(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    terminate_and_originate(voice, made)
    voice.put_voice_connector_emergency_calling_configuration(
        VoiceConnectorId=made, EmergencyCallingConfiguration=EMERGENCY
    )
    for call, params in (
        (voice.delete_voice_connector_termination, {}),
        (voice.delete_voice_connector_origination, {}),
        (
            voice.put_voice_connector_termination,
            {"Termination": {"CallingRegions": ["US"], "Disabled": True}},
        ),
        (voice.put_voice_connector_origination, {"Origination": {"Disabled": True}}),
    ):
        code, message = error_of(call, VoiceConnectorId=made, **params)
        assert code == "BadRequestException"
        assert "emergency calling" in message
    assert (
        voice.get_voice_connector_termination(VoiceConnectorId=made)["Termination"]["Disabled"]
        is False
    )
    voice.delete_voice_connector_emergency_calling_configuration(VoiceConnectorId=made)
    voice.delete_voice_connector_termination(VoiceConnectorId=made)


def test_streaming_notification_targets_are_unique(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    twice = [{"NotificationTarget": "SQS"}, {"NotificationTarget": "SQS"}]
    code, _ = error_of(
        voice.put_voice_connector_streaming_configuration,
        VoiceConnectorId=made,
        StreamingConfiguration={
            "DataRetentionInHours": 0,
            "Disabled": False,
            "StreamingNotificationTargets": twice,
        },
    )
    assert code == "BadRequestException"


def test_a_configuration_belongs_to_its_connector_only(voice: Any) -> None:
    first, second = (
        connector(voice, "a")["VoiceConnectorId"],
        connector(voice, "b")["VoiceConnectorId"],
    )
    voice.put_voice_connector_termination(
        VoiceConnectorId=first, Termination={"CallingRegions": ["US"]}
    )
    with pytest.raises(voice.exceptions.NotFoundException):
        voice.get_voice_connector_termination(VoiceConnectorId=second)


def test_global_settings_start_empty_and_hold_the_cdr_bucket_per_account() -> None:
    with mock_chime():
        east = boto3.client("chime-sdk-voice", region_name="us-east-1")
        west = boto3.client("chime-sdk-voice", region_name="us-west-2")
        assert east.get_global_settings()["VoiceConnector"] == {}
        updated = east.update_global_settings(VoiceConnector={"CdrBucket": "cdr-bucket"})
        assert updated["ResponseMetadata"]["HTTPStatusCode"] == 204
        assert west.get_global_settings()["VoiceConnector"] == {"CdrBucket": "cdr-bucket"}
        east.update_global_settings(VoiceConnector={})
        assert east.get_global_settings()["VoiceConnector"] == {}


@pytest.mark.parametrize(
    "bucket", ["Not_A_Bucket", "ab", "xn--bucket", "bucket-s3alias", "-bucket"]
)
def test_the_cdr_bucket_must_be_an_s3_bucket_name(voice: Any, bucket: str) -> None:
    code, _ = error_of(voice.update_global_settings, VoiceConnector={"CdrBucket": bucket})
    assert code == "BadRequestException"
    assert voice.get_global_settings()["VoiceConnector"] == {}


def test_a_us_address_validates_as_given_and_another_country_fails(voice: Any) -> None:
    address = {
        "AwsAccountId": "123456789012",
        "StreetNumber": "410",
        "StreetInfo": "Terry Ave N",
        "City": "Seattle",
        "State": "WA",
        "PostalCode": "98109",
    }
    valid = voice.validate_e911_address(Country="US", **address)
    assert valid["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert valid["ValidationResult"] == 0
    assert (valid["Address"]["streetNumber"], valid["Address"]["city"]) == ("410", "Seattle")
    failed = voice.validate_e911_address(Country="CA", **address)
    assert (failed["ValidationResult"], failed["CandidateAddressList"]) == (2, [])
    assert "AddressExternalId" not in failed
