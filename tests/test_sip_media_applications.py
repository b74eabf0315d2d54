"""SIP media applications through real boto3 clients."""

from __future__ import annotations

import re
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import client_as, error_of
from tests.sip_helpers import application, declared, dial_in, disable, lambda_arn, number_rule

ACCOUNT = "123456789012"
UUID = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"


def test_an_application_is_formed_as_the_service_forms_it(voice: Any) -> None:
    created = voice.create_sip_media_application(
        AwsRegion="us-east-1", Name="ivr", Endpoints=[{"LambdaArn": lambda_arn()}]
    )
    made = created["SipMediaApplication"]
    application_id = made["SipMediaApplicationId"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, application_id)
    assert made["SipMediaApplicationArn"] == (
        f"arn:aws:chime:us-east-1:{ACCOUNT}:sma/{application_id}"
    )
    assert made["Endpoints"] == [{"LambdaArn": lambda_arn()}]
    assert (made["AwsRegion"], made["Name"]) == ("us-east-1", "ivr")
    assert made["CreatedTimestamp"] == made["UpdatedTimestamp"]
    got = voice.get_sip_media_application(SipMediaApplicationId=application_id)
    assert got["SipMediaApplication"] == made


def test_the_lambda_must_be_in_the_applications_region(voice: Any) -> None:
    code, message = error_of(
        voice.create_sip_media_application,
        AwsRegion="us-east-1",
        Name="ivr",
        Endpoints=[{"LambdaArn": lambda_arn("us-west-2")}],
    )
    assert code == "BadRequestException"
    assert "us-west-2" in message and "same region" in message
    assert voice.list_sip_media_applications()["SipMediaApplications"] == []


def test_an_application_is_made_in_the_region_of_the_endpoint_called(voice: Any) -> None:
    code, message = error_of(
        voice.create_sip_media_application,
        AwsRegion="us-west-2",
        Name="ivr",
        Endpoints=[{"LambdaArn": lambda_arn("us-west-2")}],
    )
    assert code == "BadRequestException"
    assert "client of region us-west-2" in message


def test_an_application_in_another_region_has_that_regions_arn(handle: ChimeMock) -> None:
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    made = application(west)
    assert made["AwsRegion"] == "us-west-2"
    assert made["SipMediaApplicationArn"].startswith(f"arn:aws:chime:us-west-2:{ACCOUNT}:sma/")
    east = boto3.client("chime-sdk-voice", region_name="us-east-1")
    assert east.list_sip_media_applications()["SipMediaApplications"] == []


def test_update_changes_name_and_lambda_but_never_the_region(voice: Any) -> None:
    made = application(voice)
    updated = voice.update_sip_media_application(
        SipMediaApplicationId=made["SipMediaApplicationId"],
        Name="ivr-v2",
        Endpoints=[{"LambdaArn": lambda_arn(name="ivr-v2")}],
    )
    assert updated["ResponseMetadata"]["HTTPStatusCode"] == 200
    after = updated["SipMediaApplication"]
    assert after["Name"] == "ivr-v2"
    assert after["Endpoints"] == [{"LambdaArn": lambda_arn(name="ivr-v2")}]
    assert after["AwsRegion"] == "us-east-1"
    assert after["CreatedTimestamp"] == made["CreatedTimestamp"]
    assert after["UpdatedTimestamp"] >= made["UpdatedTimestamp"]


def test_update_refuses_a_lambda_of_another_region(voice: Any) -> None:
    made = application(voice)
    code, _ = error_of(
        voice.update_sip_media_application,
        SipMediaApplicationId=made["SipMediaApplicationId"],
        Endpoints=[{"LambdaArn": lambda_arn("eu-west-1")}],
    )
    assert code == "BadRequestException"
    got = voice.get_sip_media_application(SipMediaApplicationId=made["SipMediaApplicationId"])
    assert got["SipMediaApplication"]["Endpoints"] == [{"LambdaArn": lambda_arn()}]


def test_update_with_a_name_only_keeps_the_lambda(voice: Any) -> None:
    made = application(voice)
    after = voice.update_sip_media_application(
        SipMediaApplicationId=made["SipMediaApplicationId"], Name="renamed"
    )["SipMediaApplication"]
    assert (after["Name"], after["Endpoints"]) == ("renamed", made["Endpoints"])


def test_an_unknown_application_is_not_found(voice: Any) -> None:
    missing = "d95bf7c0-6ae3-436f-9831-c5c362884b97"
    for call in (
        voice.get_sip_media_application,
        voice.delete_sip_media_application,
        voice.update_sip_media_application,
        voice.get_sip_media_application_logging_configuration,
        voice.put_sip_media_application_logging_configuration,
        voice.get_sip_media_application_alexa_skill_configuration,
    ):
        code, message = error_of(call, SipMediaApplicationId=missing)
        assert code == "NotFoundException"
        assert missing in message


def test_the_thirty_first_application_in_a_region_exceeds_the_quota(voice: Any) -> None:
    for index in range(30):
        application(voice, f"ivr{index}")
    code, message = error_of(
        voice.create_sip_media_application,
        AwsRegion="us-east-1",
        Name="one-too-many",
        Endpoints=[{"LambdaArn": lambda_arn()}],
    )
    assert code == "ResourceLimitExceededException"
    assert "sip_media_applications" in message  # says how to raise it in the mock


def test_the_application_quota_can_be_raised() -> None:
    with mock_chime(quotas={"sip_media_applications": 1}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        application(voice)
        code, _ = error_of(
            voice.create_sip_media_application,
            AwsRegion="us-east-1",
            Name="second",
            Endpoints=[{"LambdaArn": lambda_arn()}],
        )
        assert code == "ResourceLimitExceededException"


def test_listing_pages_and_the_botocore_paginator_agree(voice: Any) -> None:
    made = [application(voice, f"ivr{index}")["SipMediaApplicationId"] for index in range(5)]
    first = voice.list_sip_media_applications(MaxResults=2)
    second = voice.list_sip_media_applications(MaxResults=2, NextToken=first["NextToken"])
    third = voice.list_sip_media_applications(MaxResults=2, NextToken=second["NextToken"])
    paged = [
        a["SipMediaApplicationId"]
        for page in (first, second, third)
        for a in page["SipMediaApplications"]
    ]
    assert paged == made
    assert "NextToken" not in third
    paginator = voice.get_paginator("list_sip_media_applications")
    pages = list(paginator.paginate(PaginationConfig={"PageSize": 2}))
    assert len(pages) == 3
    assert [a["SipMediaApplicationId"] for p in pages for a in p["SipMediaApplications"]] == made


def test_an_application_is_per_account(voice: Any) -> None:
    made = application(voice)
    other = client_as("chime-sdk-voice", "210987654321")
    assert other.list_sip_media_applications()["SipMediaApplications"] == []
    code, _ = error_of(
        other.get_sip_media_application, SipMediaApplicationId=made["SipMediaApplicationId"]
    )
    assert code == "NotFoundException"


def test_an_application_is_taggable_by_its_arn(voice: Any) -> None:
    made = application(voice, Tags=[{"Key": "team", "Value": "ivr"}])
    arn = made["SipMediaApplicationArn"]
    voice.tag_resource(ResourceARN=arn, Tags=[{"Key": "stage", "Value": "test"}])
    assert voice.list_tags_for_resource(ResourceARN=arn)["Tags"] == [
        {"Key": "team", "Value": "ivr"},
        {"Key": "stage", "Value": "test"},
    ]
    voice.untag_resource(ResourceARN=arn, TagKeys=["team"])
    assert voice.list_tags_for_resource(ResourceARN=arn)["Tags"] == [
        {"Key": "stage", "Value": "test"}
    ]


def test_deleting_an_application_deletes_its_tags_and_logging(voice: Any) -> None:
    made = application(voice, Tags=[{"Key": "team", "Value": "ivr"}])
    application_id = made["SipMediaApplicationId"]
    voice.put_sip_media_application_logging_configuration(
        SipMediaApplicationId=application_id,
        SipMediaApplicationLoggingConfiguration={"EnableSipMediaApplicationMessageLogs": True},
    )
    deleted = voice.delete_sip_media_application(SipMediaApplicationId=application_id)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert error_of(voice.list_tags_for_resource, ResourceARN=made["SipMediaApplicationArn"])[
        0
    ] == ("NotFoundException")
    code, _ = error_of(
        voice.get_sip_media_application_logging_configuration,
        SipMediaApplicationId=application_id,
    )
    assert code == "NotFoundException"


# -- logging and the retired Alexa skill configuration ---------------------------------------------


def test_logging_reads_off_until_put_and_then_what_was_put(voice: Any) -> None:
    application_id = application(voice)["SipMediaApplicationId"]
    get = voice.get_sip_media_application_logging_configuration
    off = {"EnableSipMediaApplicationMessageLogs": False}
    assert get(SipMediaApplicationId=application_id)["SipMediaApplicationLoggingConfiguration"] == (
        off
    )
    put = voice.put_sip_media_application_logging_configuration(
        SipMediaApplicationId=application_id,
        SipMediaApplicationLoggingConfiguration={"EnableSipMediaApplicationMessageLogs": True},
    )
    on = {"EnableSipMediaApplicationMessageLogs": True}
    assert put["SipMediaApplicationLoggingConfiguration"] == on
    assert (
        get(SipMediaApplicationId=application_id)["SipMediaApplicationLoggingConfiguration"] == on
    )


def test_a_logging_put_without_a_document_turns_logging_off(voice: Any) -> None:
    application_id = application(voice)["SipMediaApplicationId"]
    put = voice.put_sip_media_application_logging_configuration
    put(
        SipMediaApplicationId=application_id,
        SipMediaApplicationLoggingConfiguration={"EnableSipMediaApplicationMessageLogs": True},
    )
    answer = put(SipMediaApplicationId=application_id)
    assert answer["SipMediaApplicationLoggingConfiguration"] == {
        "EnableSipMediaApplicationMessageLogs": False
    }


@pytest.mark.parametrize("operation", ["get", "put"])
def test_the_alexa_skill_configuration_is_gone(voice: Any, operation: str) -> None:
    application_id = application(voice)["SipMediaApplicationId"]
    name = f"{operation.capitalize()}SipMediaApplicationAlexaSkillConfiguration"
    extra: dict[str, Any] = {}
    if operation == "put":
        extra["SipMediaApplicationAlexaSkillConfiguration"] = {
            "AlexaSkillStatus": "ACTIVE",
            "AlexaSkillIds": ["amzn1.application-oa2-client." + "0" * 32],
        }
    method = getattr(voice, f"{operation}_sip_media_application_alexa_skill_configuration")
    with pytest.raises(ClientError) as caught:
        method(SipMediaApplicationId=application_id, **extra)
    error = caught.value.response
    gone = declared(voice, name, "GoneException") == "GoneException"
    assert error["Error"]["Code"] == ("GoneException" if gone else "BadRequestException")
    assert error["ResponseMetadata"]["HTTPStatusCode"] == (410 if gone else 400)
    assert "no longer available" in error["Error"]["Message"]


# -- deleting, and the SIP rules that target an application ------------------------------------


def test_an_application_targeted_by_an_enabled_rule_cannot_be_deleted(voice: Any) -> None:
    made = application(voice)
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", made)
    code, message = error_of(
        voice.delete_sip_media_application, SipMediaApplicationId=made["SipMediaApplicationId"]
    )
    assert code == "ConflictException"
    assert rule["SipRuleId"] in message and "disable" in message
    assert voice.get_sip_media_application(SipMediaApplicationId=made["SipMediaApplicationId"])


def test_an_enabled_rule_of_another_region_also_holds_an_application(handle: ChimeMock) -> None:
    east = boto3.client("chime-sdk-voice", region_name="us-east-1")
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    primary, failover = application(east), application(west)
    dial_in(east, "+12065550100")
    number_rule(east, "+12065550100", primary, failover)
    code, _ = error_of(
        west.delete_sip_media_application, SipMediaApplicationId=failover["SipMediaApplicationId"]
    )
    assert code == "ConflictException"


def test_deleting_an_application_leaves_its_disabled_rules_and_numbers(voice: Any) -> None:
    made = application(voice)
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", made)
    disable(voice, rule)
    voice.delete_sip_media_application(SipMediaApplicationId=made["SipMediaApplicationId"])
    kept = voice.get_sip_rule(SipRuleId=rule["SipRuleId"])["SipRule"]
    assert kept["TargetApplications"] == rule["TargetApplications"]
    number = voice.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
    assert number["Status"] == "Assigned"
    assert number["Associations"][0]["Value"] == rule["SipRuleId"]
