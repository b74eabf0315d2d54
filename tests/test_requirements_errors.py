"""Requirements audit (AWS's errors on the wire, as docs/behaviour.md records them): every error
path of every mocked operation answers an error that operation models, raised by botocore as
`client.exceptions.<Name>`, with the HTTP status of the model's error shape; every success answers
the operation's modeled `responseCode`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

import boto3
import pytest
from botocore.exceptions import ClientError

from chime_mock import ChimeMock, mock_chime
from tests.conftest import order_numbers
from tests.legacy_helpers import legacy_successes

SERVICES = ("chime", "chime-sdk-voice")
LOCAL, TOLL_FREE, OTHER = "+12065550100", "+18005550100", "+12065550101"
UNKNOWN_GUID = "6f1b9e0a-2c3d-4e5f-8a9b-0c1d2e3f4a5b"

# A scenario prepares the mock through `client` and returns the call that must fail.
Scenario = Callable[[Any], Callable[[], Any]]


def _owned(client: Any) -> None:
    order_numbers(client, LOCAL)


def _deleted(client: Any) -> None:
    _owned(client)
    client.delete_phone_number(PhoneNumberId=LOCAL)


def _create_duplicate(client: Any) -> Callable[[], Any]:
    return lambda: order_numbers(client, LOCAL, LOCAL)


def _create_over_limit(client: Any) -> Callable[[], Any]:
    _owned(client)  # the scenario runs with phone_number_limit=1
    return lambda: order_numbers(client, OTHER)


def _update_acquiring(client: Any) -> Callable[[], Any]:
    _owned(client)  # the scenario runs with processing_delay=None: the number is being acquired
    return lambda: client.update_phone_number(PhoneNumberId=LOCAL, CallingName="Acme")


def _update_two_details(client: Any) -> Callable[[], Any]:
    _owned(client)
    return lambda: client.update_phone_number(
        PhoneNumberId=LOCAL, CallingName="Acme", ProductType="SipMediaApplicationDialIn"
    )


def _delete_twice(client: Any) -> Callable[[], Any]:
    _deleted(client)
    return lambda: client.delete_phone_number(PhoneNumberId=LOCAL)


def _restore_unassigned(client: Any) -> Callable[[], Any]:
    _owned(client)
    return lambda: client.restore_phone_number(PhoneNumberId=LOCAL)


def _restore_over_limit(client: Any) -> Callable[[], Any]:
    _deleted(client)  # the scenario runs with phone_number_limit=1: the queue frees the place
    order_numbers(client, OTHER)
    return lambda: client.restore_phone_number(PhoneNumberId=LOCAL)


def _nothing(call: Callable[[Any], Any]) -> Scenario:
    """A scenario that needs no preparation."""
    return lambda client: lambda: call(client)


class ErrorPath(NamedTuple):
    operation: str
    code: str  # the error the call must answer
    scenario: Scenario
    options: Mapping[str, Any] = MappingProxyType({})  # mock_chime options
    services: tuple[str, ...] = SERVICES


ERROR_PATHS: dict[str, ErrorPath] = {
    "create-duplicate-number": ErrorPath(
        "CreatePhoneNumberOrder", "BadRequestException", _create_duplicate
    ),
    "create-over-the-inventory-limit": ErrorPath(
        "CreatePhoneNumberOrder",
        "ResourceLimitExceededException",
        _create_over_limit,
        options={"phone_number_limit": 1},
    ),
    "get-order-unknown": ErrorPath(
        "GetPhoneNumberOrder",
        "NotFoundException",
        _nothing(lambda c: c.get_phone_number_order(PhoneNumberOrderId=UNKNOWN_GUID)),
    ),
    "get-order-not-a-guid": ErrorPath(
        "GetPhoneNumberOrder",
        "BadRequestException",
        _nothing(lambda c: c.get_phone_number_order(PhoneNumberOrderId="not-a-guid")),
    ),
    "list-orders-foreign-token": ErrorPath(
        "ListPhoneNumberOrders",
        "BadRequestException",
        _nothing(lambda c: c.list_phone_number_orders(NextToken="made-up")),
    ),
    "get-number-unknown": ErrorPath(
        "GetPhoneNumber",
        "NotFoundException",
        _nothing(lambda c: c.get_phone_number(PhoneNumberId=LOCAL)),
    ),
    "get-number-empty-id": ErrorPath(
        "GetPhoneNumber",
        "BadRequestException",
        _nothing(lambda c: c.get_phone_number(PhoneNumberId="")),
    ),
    "list-numbers-foreign-token": ErrorPath(
        "ListPhoneNumbers",
        "BadRequestException",
        _nothing(lambda c: c.list_phone_numbers(NextToken="made-up")),
    ),
    "search-breaking-the-rules": ErrorPath(
        "SearchAvailablePhoneNumbers",
        "BadRequestException",
        _nothing(lambda c: c.search_available_phone_numbers(City="Seattle")),
    ),
    "update-unknown": ErrorPath(
        "UpdatePhoneNumber",
        "NotFoundException",
        _nothing(lambda c: c.update_phone_number(PhoneNumberId=LOCAL, CallingName="Acme")),
    ),
    "update-two-details": ErrorPath(
        "UpdatePhoneNumber", "BadRequestException", _update_two_details
    ),
    "update-while-acquiring": ErrorPath(
        "UpdatePhoneNumber",
        "ConflictException",
        _update_acquiring,
        options={"processing_delay": None},
    ),
    "delete-unknown": ErrorPath(
        "DeletePhoneNumber",
        "NotFoundException",
        _nothing(lambda c: c.delete_phone_number(PhoneNumberId=LOCAL)),
    ),
    "delete-twice": ErrorPath("DeletePhoneNumber", "BadRequestException", _delete_twice),
    "restore-unknown": ErrorPath(
        "RestorePhoneNumber",
        "NotFoundException",
        _nothing(lambda c: c.restore_phone_number(PhoneNumberId=LOCAL)),
    ),
    "restore-not-deleted": ErrorPath(
        "RestorePhoneNumber", "BadRequestException", _restore_unassigned
    ),
    "restore-over-the-inventory-limit": ErrorPath(
        "RestorePhoneNumber",
        "ResourceLimitExceededException",
        _restore_over_limit,
        options={"phone_number_limit": 1},
    ),
    "batch-update-duplicate-ids": ErrorPath(
        "BatchUpdatePhoneNumber",
        "BadRequestException",
        _nothing(
            lambda c: c.batch_update_phone_number(
                UpdatePhoneNumberRequestItems=[
                    {"PhoneNumberId": LOCAL, "Name": "one"},
                    {"PhoneNumberId": LOCAL, "Name": "two"},
                ]
            )
        ),
        services=("chime-sdk-voice",),
    ),
    "update-settings-bad-calling-name": ErrorPath(
        "UpdatePhoneNumberSettings",
        "BadRequestException",
        _nothing(lambda c: c.update_phone_number_settings(CallingName="x")),
    ),
    "countries-product-type-outside-the-enum": ErrorPath(
        "ListSupportedPhoneNumberCountries",
        "BadRequestException",
        _nothing(lambda c: c.list_supported_phone_number_countries(ProductType="Bogus")),
    ),
}

CASES = [
    pytest.param(service, path, id=f"{service}-{name}")
    for name, path in ERROR_PATHS.items()
    for service in path.services
]


@pytest.mark.parametrize(("service", "path"), CASES)
def test_each_error_path_answers_a_modeled_error_with_the_models_status(
    service: str, path: ErrorPath
) -> None:
    operation, code = path.operation, path.code
    with mock_chime(**path.options):
        client = boto3.client(service, region_name="us-east-1")
        call = path.scenario(client)
        with pytest.raises(ClientError) as caught:
            call()
    error = caught.value
    assert error.operation_name == operation
    assert error.response["Error"]["Code"] == code
    assert isinstance(error, getattr(client.exceptions, code))
    modeled = {
        shape.name: shape
        for shape in client.meta.service_model.operation_model(operation).error_shapes
    }
    assert code in modeled, f"{operation} of {service} does not model {code}"
    status = modeled[code].metadata["error"]["httpStatusCode"]
    assert error.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert error.response["Error"]["Message"]
    # Legacy Chime error shapes model a Code member (the ErrorCode enum); voice shapes have none.
    if "Code" in modeled[code].members:
        assert error.response["Code"] in client.meta.service_model.shape_for("ErrorCode").enum
    else:
        assert "Code" not in error.response


def _successes(client: Any) -> dict[str, Callable[[], Any]]:
    """One successful call of every mocked operation, in an order that makes each one succeed."""
    order_id = order_numbers(client, LOCAL, OTHER)["PhoneNumberOrderId"]
    return {
        "GetPhoneNumberOrder": lambda: client.get_phone_number_order(PhoneNumberOrderId=order_id),
        "ListPhoneNumberOrders": lambda: client.list_phone_number_orders(),
        "GetPhoneNumber": lambda: client.get_phone_number(PhoneNumberId=LOCAL),
        "ListPhoneNumbers": lambda: client.list_phone_numbers(),
        "SearchAvailablePhoneNumbers": lambda: client.search_available_phone_numbers(
            AreaCode="206"
        ),
        "UpdatePhoneNumber": lambda: client.update_phone_number(
            PhoneNumberId=LOCAL, ProductType="SipMediaApplicationDialIn"
        ),
        "BatchUpdatePhoneNumber": lambda: client.batch_update_phone_number(
            UpdatePhoneNumberRequestItems=[
                {"PhoneNumberId": LOCAL, "ProductType": "VoiceConnector"}
            ]
        ),
        "GetPhoneNumberSettings": lambda: client.get_phone_number_settings(),
        "UpdatePhoneNumberSettings": lambda: client.update_phone_number_settings(
            CallingName="Acme"
        ),
        "GetGlobalSettings": client.get_global_settings,
        "UpdateGlobalSettings": lambda: client.update_global_settings(
            VoiceConnector={"CdrBucket": "cdr-bucket"}
        ),
        "ListSupportedPhoneNumberCountries": lambda: client.list_supported_phone_number_countries(
            ProductType="VoiceConnector"
        ),
        "DeletePhoneNumber": lambda: client.delete_phone_number(PhoneNumberId=LOCAL),
        "RestorePhoneNumber": lambda: client.restore_phone_number(PhoneNumberId=LOCAL),
        "BatchDeletePhoneNumber": lambda: client.batch_delete_phone_number(PhoneNumberIds=[OTHER]),
    }


def _voice_successes(voice: Any) -> dict[str, Callable[[], Any]]:
    """One successful call of every Chime SDK Voice operation beyond phone numbers, in an order
    that makes each one succeed (a Voice Connector, its group, its configurations...)."""
    made: dict[str, str] = {}

    def connector() -> Any:
        answer = voice.create_voice_connector(Name="trunk", RequireEncryption=True)
        made["vc"] = answer["VoiceConnector"]["VoiceConnectorId"]
        made["arn"] = answer["VoiceConnector"]["VoiceConnectorArn"]
        return answer

    def group() -> Any:
        answer = voice.create_voice_connector_group(Name="failover")
        made["group"] = answer["VoiceConnectorGroup"]["VoiceConnectorGroupId"]
        return answer

    termination = {"CallingRegions": ["US"], "CidrAllowedList": ["203.0.113.0/27"]}
    route = {"Host": "198.51.100.10", "Priority": 1, "Weight": 1}
    emergency = {"DNIS": [{"EmergencyPhoneNumber": "+12065550911", "CallingCountry": "US"}]}
    streaming = {"DataRetentionInHours": 1, "Disabled": False}
    address = {
        "AwsAccountId": "123456789012",
        **dict.fromkeys(("StreetNumber", "StreetInfo", "City", "State", "PostalCode"), "1"),
        "Country": "US",
    }
    calls: dict[str, Callable[[], Any]] = {
        "CreateVoiceConnector": connector,
        "GetVoiceConnector": lambda: voice.get_voice_connector(VoiceConnectorId=made["vc"]),
        "ListVoiceConnectors": lambda: voice.list_voice_connectors(),
        "UpdateVoiceConnector": lambda: voice.update_voice_connector(
            VoiceConnectorId=made["vc"], Name="trunk", RequireEncryption=True
        ),
        "ListAvailableVoiceConnectorRegions": voice.list_available_voice_connector_regions,
        "CreateVoiceConnectorGroup": group,
        "GetVoiceConnectorGroup": lambda: voice.get_voice_connector_group(
            VoiceConnectorGroupId=made["group"]
        ),
        "ListVoiceConnectorGroups": lambda: voice.list_voice_connector_groups(),
        "UpdateVoiceConnectorGroup": lambda: voice.update_voice_connector_group(
            VoiceConnectorGroupId=made["group"], Name="g", VoiceConnectorItems=[]
        ),
        "AssociatePhoneNumbersWithVoiceConnector": lambda: (
            voice.associate_phone_numbers_with_voice_connector(
                VoiceConnectorId=made["vc"], E164PhoneNumbers=["+12065550199"]
            )
        ),
        "DisassociatePhoneNumbersFromVoiceConnector": lambda: (
            voice.disassociate_phone_numbers_from_voice_connector(
                VoiceConnectorId=made["vc"], E164PhoneNumbers=["+12065550199"]
            )
        ),
        "AssociatePhoneNumbersWithVoiceConnectorGroup": lambda: (
            voice.associate_phone_numbers_with_voice_connector_group(
                VoiceConnectorGroupId=made["group"], E164PhoneNumbers=["+12065550199"]
            )
        ),
        "DisassociatePhoneNumbersFromVoiceConnectorGroup": lambda: (
            voice.disassociate_phone_numbers_from_voice_connector_group(
                VoiceConnectorGroupId=made["group"], E164PhoneNumbers=["+12065550199"]
            )
        ),
        "PutVoiceConnectorTermination": lambda: voice.put_voice_connector_termination(
            VoiceConnectorId=made["vc"], Termination=termination
        ),
        "GetVoiceConnectorTermination": lambda: voice.get_voice_connector_termination(
            VoiceConnectorId=made["vc"]
        ),
        "PutVoiceConnectorTerminationCredentials": lambda: (
            voice.put_voice_connector_termination_credentials(
                VoiceConnectorId=made["vc"], Credentials=[{"Username": "u", "Password": "p"}]
            )
        ),
        "ListVoiceConnectorTerminationCredentials": lambda: (
            voice.list_voice_connector_termination_credentials(VoiceConnectorId=made["vc"])
        ),
        "DeleteVoiceConnectorTerminationCredentials": lambda: (
            voice.delete_voice_connector_termination_credentials(
                VoiceConnectorId=made["vc"], Usernames=["u"]
            )
        ),
        "GetVoiceConnectorTerminationHealth": lambda: voice.get_voice_connector_termination_health(
            VoiceConnectorId=made["vc"]
        ),
        "PutVoiceConnectorOrigination": lambda: voice.put_voice_connector_origination(
            VoiceConnectorId=made["vc"], Origination={"Routes": [route]}
        ),
        "GetVoiceConnectorOrigination": lambda: voice.get_voice_connector_origination(
            VoiceConnectorId=made["vc"]
        ),
        "PutVoiceConnectorEmergencyCallingConfiguration": lambda: (
            voice.put_voice_connector_emergency_calling_configuration(
                VoiceConnectorId=made["vc"], EmergencyCallingConfiguration=emergency
            )
        ),
        "GetVoiceConnectorEmergencyCallingConfiguration": lambda: (
            voice.get_voice_connector_emergency_calling_configuration(VoiceConnectorId=made["vc"])
        ),
        "DeleteVoiceConnectorEmergencyCallingConfiguration": lambda: (
            voice.delete_voice_connector_emergency_calling_configuration(
                VoiceConnectorId=made["vc"]
            )
        ),
        "DeleteVoiceConnectorTermination": lambda: voice.delete_voice_connector_termination(
            VoiceConnectorId=made["vc"]
        ),
        "DeleteVoiceConnectorOrigination": lambda: voice.delete_voice_connector_origination(
            VoiceConnectorId=made["vc"]
        ),
        "PutVoiceConnectorStreamingConfiguration": lambda: (
            voice.put_voice_connector_streaming_configuration(
                VoiceConnectorId=made["vc"], StreamingConfiguration=streaming
            )
        ),
        "GetVoiceConnectorStreamingConfiguration": lambda: (
            voice.get_voice_connector_streaming_configuration(VoiceConnectorId=made["vc"])
        ),
        "DeleteVoiceConnectorStreamingConfiguration": lambda: (
            voice.delete_voice_connector_streaming_configuration(VoiceConnectorId=made["vc"])
        ),
        "PutVoiceConnectorLoggingConfiguration": lambda: (
            voice.put_voice_connector_logging_configuration(
                VoiceConnectorId=made["vc"], LoggingConfiguration={"EnableSIPLogs": True}
            )
        ),
        "GetVoiceConnectorLoggingConfiguration": lambda: (
            voice.get_voice_connector_logging_configuration(VoiceConnectorId=made["vc"])
        ),
        "PutVoiceConnectorExternalSystemsConfiguration": lambda: (
            voice.put_voice_connector_external_systems_configuration(
                VoiceConnectorId=made["vc"], SessionBorderControllerTypes=["RIBBON_SBC"]
            )
        ),
        "GetVoiceConnectorExternalSystemsConfiguration": lambda: (
            voice.get_voice_connector_external_systems_configuration(VoiceConnectorId=made["vc"])
        ),
        "DeleteVoiceConnectorExternalSystemsConfiguration": lambda: (
            voice.delete_voice_connector_external_systems_configuration(VoiceConnectorId=made["vc"])
        ),
        "PutVoiceConnectorProxy": lambda: voice.put_voice_connector_proxy(
            VoiceConnectorId=made["vc"],
            DefaultSessionExpiryMinutes=60,
            PhoneNumberPoolCountries=["US"],
        ),
        "GetVoiceConnectorProxy": lambda: voice.get_voice_connector_proxy(
            VoiceConnectorId=made["vc"]
        ),
        "DeleteVoiceConnectorProxy": lambda: voice.delete_voice_connector_proxy(
            VoiceConnectorId=made["vc"]
        ),
        "TagResource": lambda: voice.tag_resource(
            ResourceARN=made["arn"], Tags=[{"Key": "k", "Value": "v"}]
        ),
        "ListTagsForResource": lambda: voice.list_tags_for_resource(ResourceARN=made["arn"]),
        "UntagResource": lambda: voice.untag_resource(ResourceARN=made["arn"], TagKeys=["k"]),
        "ValidateE911Address": lambda: voice.validate_e911_address(**address),
        "DeleteVoiceConnectorGroup": lambda: voice.delete_voice_connector_group(
            VoiceConnectorGroupId=made["group"]
        ),
        "DeleteVoiceConnector": lambda: voice.delete_voice_connector(VoiceConnectorId=made["vc"]),
    }
    return calls


def _voice_analytics_successes(voice: Any, handle: ChimeMock) -> dict[str, Callable[[], Any]]:
    """One successful call of every voice analytics operation, in an order that makes
    each one succeed: a domain, a connector streaming to media insights, tasks, profiles."""
    made: dict[str, str] = {}
    kms_key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    insights = {
        "Disabled": False,
        "ConfigurationArn": "arn:aws:chime:us-east-1:123456789012:"
        "media-insights-pipeline-configuration/voice-analytics",
    }

    def domain() -> Any:
        answer = voice.create_voice_profile_domain(
            Name="callers", ServerSideEncryptionConfiguration={"KmsKeyArn": kms_key}
        )
        made["domain"] = answer["VoiceProfileDomain"]["VoiceProfileDomainId"]
        made["vc"] = voice.create_voice_connector(Name="analysed", RequireEncryption=True)[
            "VoiceConnector"
        ]["VoiceConnectorId"]
        voice.put_voice_connector_streaming_configuration(
            VoiceConnectorId=made["vc"],
            StreamingConfiguration={
                "DataRetentionInHours": 1,
                "Disabled": False,
                "MediaInsightsConfiguration": insights,
            },
        )
        return answer

    def search(call: str) -> Any:
        answer = voice.start_speaker_search_task(
            VoiceConnectorId=made["vc"], TransactionId=call, VoiceProfileDomainId=made["domain"]
        )
        made["search"] = answer["SpeakerSearchTask"]["SpeakerSearchTaskId"]
        return answer

    def enrolled_search(call: str) -> str:
        search(call)
        handle.voice_analytics.complete_speaker_search(made["search"])
        return made["search"]

    def tone() -> Any:
        answer = voice.start_voice_tone_analysis_task(
            VoiceConnectorId=made["vc"], TransactionId="call-1", LanguageCode="en-US"
        )
        made["tone"] = answer["VoiceToneAnalysisTask"]["VoiceToneAnalysisTaskId"]
        return answer

    def profile() -> Any:
        answer = voice.create_voice_profile(SpeakerSearchTaskId=enrolled_search("call-2"))
        made["profile"] = answer["VoiceProfile"]["VoiceProfileId"]
        return answer

    return {
        "CreateVoiceProfileDomain": domain,
        "GetVoiceProfileDomain": lambda: voice.get_voice_profile_domain(
            VoiceProfileDomainId=made["domain"]
        ),
        "ListVoiceProfileDomains": voice.list_voice_profile_domains,
        "UpdateVoiceProfileDomain": lambda: voice.update_voice_profile_domain(
            VoiceProfileDomainId=made["domain"], Name="vip"
        ),
        "StartSpeakerSearchTask": lambda: search("call-1"),
        "GetSpeakerSearchTask": lambda: voice.get_speaker_search_task(
            VoiceConnectorId=made["vc"], SpeakerSearchTaskId=made["search"]
        ),
        "StopSpeakerSearchTask": lambda: voice.stop_speaker_search_task(
            VoiceConnectorId=made["vc"], SpeakerSearchTaskId=made["search"]
        ),
        "StartVoiceToneAnalysisTask": tone,
        "GetVoiceToneAnalysisTask": lambda: voice.get_voice_tone_analysis_task(
            VoiceConnectorId=made["vc"], VoiceToneAnalysisTaskId=made["tone"], IsCaller=True
        ),
        "StopVoiceToneAnalysisTask": lambda: voice.stop_voice_tone_analysis_task(
            VoiceConnectorId=made["vc"], VoiceToneAnalysisTaskId=made["tone"]
        ),
        "CreateVoiceProfile": profile,
        "GetVoiceProfile": lambda: voice.get_voice_profile(VoiceProfileId=made["profile"]),
        "ListVoiceProfiles": lambda: voice.list_voice_profiles(VoiceProfileDomainId=made["domain"]),
        "UpdateVoiceProfile": lambda: voice.update_voice_profile(
            VoiceProfileId=made["profile"], SpeakerSearchTaskId=enrolled_search("call-3")
        ),
        "DeleteVoiceProfile": lambda: voice.delete_voice_profile(VoiceProfileId=made["profile"]),
        "DeleteVoiceProfileDomain": lambda: voice.delete_voice_profile_domain(
            VoiceProfileDomainId=made["domain"]
        ),
    }


# -- SIP media applications, SIP rules, calls and proxy sessions ----------------------

# Retired by AWS: they answer GoneException (BadRequestException where the model has no Gone) for
# every existing application, never a success (tests/test_sip_media_applications.py).
RETIRED = frozenset(
    {
        "GetSipMediaApplicationAlexaSkillConfiguration",
        "PutSipMediaApplicationAlexaSkillConfiguration",
    }
)


def _sip_successes(voice: Any) -> dict[str, Callable[[], Any]]:
    """One successful call of every SIP and proxy-session operation, in an order that makes each
    succeed (a dial-in number, an application, its rule, a call; a proxied connector, a session)."""
    made: dict[str, str] = {}
    region, lambda_arn = "us-east-1", "arn:aws:lambda:us-east-1:123456789012:function:ivr"
    voice.create_phone_number_order(
        ProductType="SipMediaApplicationDialIn", E164PhoneNumbers=["+12065550150"]
    )
    voice.create_phone_number_order(ProductType="VoiceConnector", E164PhoneNumbers=["+12065550151"])

    def application() -> Any:
        answer = voice.create_sip_media_application(
            AwsRegion=region, Name="ivr", Endpoints=[{"LambdaArn": lambda_arn}]
        )
        made["sma"] = answer["SipMediaApplication"]["SipMediaApplicationId"]
        return answer

    def rule() -> Any:
        answer = voice.create_sip_rule(
            Name="inbound",
            TriggerType="ToPhoneNumber",
            TriggerValue="+12065550150",
            TargetApplications=[
                {"SipMediaApplicationId": made["sma"], "Priority": 1, "AwsRegion": region}
            ],
        )
        made["rule"] = answer["SipRule"]["SipRuleId"]
        return answer

    def call() -> Any:
        answer = voice.create_sip_media_application_call(
            SipMediaApplicationId=made["sma"],
            FromPhoneNumber="+12065550150",
            ToPhoneNumber="+12065550199",
        )
        made["call"] = answer["SipMediaApplicationCall"]["TransactionId"]
        return answer

    def session() -> Any:
        connector = voice.create_voice_connector(Name="proxy", RequireEncryption=True)
        made["vc"] = connector["VoiceConnector"]["VoiceConnectorId"]
        voice.associate_phone_numbers_with_voice_connector(
            VoiceConnectorId=made["vc"], E164PhoneNumbers=["+12065550151"]
        )
        voice.put_voice_connector_proxy(
            VoiceConnectorId=made["vc"],
            DefaultSessionExpiryMinutes=60,
            PhoneNumberPoolCountries=["US"],
        )
        answer = voice.create_proxy_session(
            VoiceConnectorId=made["vc"],
            ParticipantPhoneNumbers=["+12065550111", "+12065550112"],
            Capabilities=["Voice"],
        )
        made["session"] = answer["ProxySession"]["ProxySessionId"]
        return answer

    def of_session() -> dict[str, str]:
        return {"VoiceConnectorId": made["vc"], "ProxySessionId": made["session"]}

    return {
        "CreateSipMediaApplication": application,
        "GetSipMediaApplication": lambda: voice.get_sip_media_application(
            SipMediaApplicationId=made["sma"]
        ),
        "ListSipMediaApplications": lambda: voice.list_sip_media_applications(),
        "UpdateSipMediaApplication": lambda: voice.update_sip_media_application(
            SipMediaApplicationId=made["sma"], Name="ivr-v2"
        ),
        "PutSipMediaApplicationLoggingConfiguration": lambda: (
            voice.put_sip_media_application_logging_configuration(
                SipMediaApplicationId=made["sma"],
                SipMediaApplicationLoggingConfiguration={
                    "EnableSipMediaApplicationMessageLogs": True
                },
            )
        ),
        "GetSipMediaApplicationLoggingConfiguration": lambda: (
            voice.get_sip_media_application_logging_configuration(SipMediaApplicationId=made["sma"])
        ),
        "CreateSipRule": rule,
        "GetSipRule": lambda: voice.get_sip_rule(SipRuleId=made["rule"]),
        "ListSipRules": lambda: voice.list_sip_rules(SipMediaApplicationId=made["sma"]),
        "UpdateSipRule": lambda: voice.update_sip_rule(
            SipRuleId=made["rule"], Name="inbound", Disabled=True
        ),
        "CreateSipMediaApplicationCall": call,
        "UpdateSipMediaApplicationCall": lambda: voice.update_sip_media_application_call(
            SipMediaApplicationId=made["sma"], TransactionId=made["call"], Arguments={"a": "b"}
        ),
        "DeleteSipRule": lambda: voice.delete_sip_rule(SipRuleId=made["rule"]),
        "DeleteSipMediaApplication": lambda: voice.delete_sip_media_application(
            SipMediaApplicationId=made["sma"]
        ),
        "CreateProxySession": session,
        "GetProxySession": lambda: voice.get_proxy_session(**of_session()),
        "ListProxySessions": lambda: voice.list_proxy_sessions(VoiceConnectorId=made["vc"]),
        "UpdateProxySession": lambda: voice.update_proxy_session(
            **of_session(), Capabilities=["SMS"]
        ),
        "DeleteProxySession": lambda: voice.delete_proxy_session(**of_session()),
    }


@pytest.mark.parametrize("service", SERVICES)
def test_every_mocked_operation_answers_its_modeled_response_code(service: str) -> None:
    with mock_chime() as handle:
        client = boto3.client(service, region_name="us-east-1")
        model = client.meta.service_model
        created = client.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550199"]
        )
        statuses = {"CreatePhoneNumberOrder": created["ResponseMetadata"]["HTTPStatusCode"]}
        successes = _successes(client)
        if service == "chime-sdk-voice":
            successes.update(_voice_successes(client))
            successes.update(_voice_analytics_successes(client, handle))
            successes.update(_sip_successes(client))
        else:
            successes.update(legacy_successes(client, handle))
        for operation, call in successes.items():
            statuses[operation] = call()["ResponseMetadata"]["HTTPStatusCode"]
    from chime_mock.operations import mocked

    assert set(statuses) == set(mocked(model.service_name)) - RETIRED
    expected = {
        name: model.operation_model(name).http.get("responseCode", 200) for name in statuses
    }
    assert statuses == expected
    assert expected["CreatePhoneNumberOrder"] == 201 and expected["DeletePhoneNumber"] == 204
