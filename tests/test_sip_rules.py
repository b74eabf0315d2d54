"""SIP rules through real boto3 clients."""

from __future__ import annotations

import re
from typing import Any

import boto3

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import error_of
from tests.sip_helpers import (
    application,
    declared,
    dial_in,
    disable,
    host_rule,
    number_rule,
    target,
)
from tests.voice_helpers import connector, numbers, phone_number

UUID = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"


def _refused(
    voice: Any, trigger_type: str, value: str, *targets: dict[str, Any]
) -> tuple[str, str]:
    """The error code and message of a CreateSipRule that must fail."""
    return error_of(
        voice.create_sip_rule,
        Name="refused",
        TriggerType=trigger_type,
        TriggerValue=value,
        TargetApplications=list(targets),
    )


def test_a_rule_on_a_number_is_formed_as_the_service_forms_it(voice: Any) -> None:
    made = application(voice)
    dial_in(voice, "+12065550100")
    created = voice.create_sip_rule(
        Name="inbound",
        TriggerType="ToPhoneNumber",
        TriggerValue="+12065550100",
        TargetApplications=[target(made)],
    )
    rule = created["SipRule"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, rule["SipRuleId"])
    assert rule["Disabled"] is False  # enabled unless created disabled
    assert (rule["TriggerType"], rule["TriggerValue"]) == ("ToPhoneNumber", "+12065550100")
    assert rule["TargetApplications"] == [target(made)]
    assert rule["CreatedTimestamp"] == rule["UpdatedTimestamp"]
    assert voice.get_sip_rule(SipRuleId=rule["SipRuleId"])["SipRule"] == rule


def test_the_trigger_number_becomes_assigned_to_the_rule(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", application(voice))
    number = phone_number(voice, "+12065550100")
    assert number["Status"] == "Assigned"
    assert [(a["Name"], a["Value"]) for a in number["Associations"]] == [
        ("SipRuleId", rule["SipRuleId"])
    ]
    listed = voice.list_phone_numbers(FilterName="SipRuleId", FilterValue=rule["SipRuleId"])
    assert [n["E164PhoneNumber"] for n in listed["PhoneNumbers"]] == ["+12065550100"]


def test_the_trigger_number_must_be_a_dial_in_number(voice: Any) -> None:
    numbers(voice, "+12065550100")  # a VoiceConnector number
    code, message = _refused(voice, "ToPhoneNumber", "+12065550100", target(application(voice)))
    assert code == "BadRequestException"
    assert "SipMediaApplicationDialIn" in message
    assert phone_number(voice, "+12065550100")["Status"] == "Unassigned"


def test_the_trigger_number_must_be_the_accounts(voice: Any) -> None:
    code, message = _refused(voice, "ToPhoneNumber", "+12065550100", target(application(voice)))
    assert code == "BadRequestException"  # NotFoundException is not modeled on CreateSipRule
    assert "+12065550100" in message


def test_a_number_used_elsewhere_cannot_trigger_a_rule(voice: Any) -> None:
    made = application(voice)
    dial_in(voice, "+12065550100")
    first = number_rule(voice, "+12065550100", made)
    code, message = _refused(voice, "ToPhoneNumber", "+12065550100", target(made))
    assert code == "ConflictException"
    assert first["SipRuleId"] in message
    assert len(voice.list_sip_rules()["SipRules"]) == 1


def test_a_trigger_number_cannot_be_disassociated_deleted_or_retyped(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    number_rule(voice, "+12065550100", application(voice))
    made = connector(voice)
    errors = voice.disassociate_phone_numbers_from_voice_connector(
        VoiceConnectorId=made["VoiceConnectorId"], E164PhoneNumbers=["+12065550100"]
    )["PhoneNumberErrors"]
    assert [error["PhoneNumberId"] for error in errors] == ["%2B12065550100"]
    assert error_of(voice.delete_phone_number, PhoneNumberId="+12065550100")[0] == (
        "BadRequestException"
    )
    code, _ = error_of(
        voice.update_phone_number, PhoneNumberId="+12065550100", ProductType="VoiceConnector"
    )
    assert code == "ConflictException"
    assert phone_number(voice, "+12065550100")["Status"] == "Assigned"


def test_a_trigger_number_cannot_be_associated_with_a_connector(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", application(voice))
    made = connector(voice)
    [error] = voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=made["VoiceConnectorId"],
        E164PhoneNumbers=["+12065550100"],
        ForceAssociate=True,
    )["PhoneNumberErrors"]
    assert error["PhoneNumberId"] == "%2B12065550100"
    number = phone_number(voice, "+12065550100")
    assert number["Associations"][0]["Value"] == rule["SipRuleId"]


def test_deleting_the_rule_frees_its_number(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", application(voice))
    disable(voice, rule)
    deleted = voice.delete_sip_rule(SipRuleId=rule["SipRuleId"])
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    number = phone_number(voice, "+12065550100")
    assert (number["Status"], number["Associations"]) == ("Unassigned", [])
    assert error_of(voice.get_sip_rule, SipRuleId=rule["SipRuleId"])[0] == "NotFoundException"


def test_disabling_a_rule_keeps_its_number(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", application(voice))
    disable(voice, rule)
    assert phone_number(voice, "+12065550100")["Status"] == "Assigned"


def test_an_enabled_rule_cannot_be_deleted(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", application(voice))
    code, message = error_of(voice.delete_sip_rule, SipRuleId=rule["SipRuleId"])
    assert code == "ConflictException"
    assert "disable it first" in message
    assert voice.get_sip_rule(SipRuleId=rule["SipRuleId"])
    assert phone_number(voice, "+12065550100")["Status"] == "Assigned"


# -- host name triggers ---------------------------------------------------------------------------


def test_a_rule_on_a_connectors_host_name(voice: Any) -> None:
    host = connector(voice)["OutboundHostName"]
    rule = host_rule(voice, host, application(voice))
    assert (rule["TriggerType"], rule["TriggerValue"]) == ("RequestUriHostname", host)


def test_a_host_name_must_be_one_of_the_accounts_connectors(voice: Any) -> None:
    code, message = _refused(
        voice,
        "RequestUriHostname",
        "abcdef1ghij2klmno3pqr4.voiceconnector.chime.aws",
        target(application(voice)),
    )
    assert code == "BadRequestException"
    assert "OutboundHostName" in message


def test_a_host_name_triggers_one_rule_only(voice: Any) -> None:
    host = connector(voice)["OutboundHostName"]
    made = application(voice)
    first = host_rule(voice, host, made)
    code, message = _refused(voice, "RequestUriHostname", host, target(made))
    assert code == "ConflictException"
    assert first["SipRuleId"] in message


def test_deleting_the_connector_leaves_a_host_name_rule(voice: Any) -> None:
    made = connector(voice)
    rule = host_rule(voice, made["OutboundHostName"], application(voice))
    voice.delete_voice_connector(VoiceConnectorId=made["VoiceConnectorId"])  # not blocked
    assert (
        voice.get_sip_rule(SipRuleId=rule["SipRuleId"])["SipRule"]["TriggerValue"]
        == (made["OutboundHostName"])
    )


# -- targets --------------------------------------------------------------------------------------


def _create_with_targets(voice: Any, targets: list[dict[str, Any]]) -> tuple[str, str]:
    host = connector(voice)["OutboundHostName"]
    return error_of(
        voice.create_sip_rule,
        Name="r",
        TriggerType="RequestUriHostname",
        TriggerValue=host,
        TargetApplications=targets,
    )


def test_a_target_must_be_an_existing_application_in_its_region(voice: Any) -> None:
    made = application(voice)
    code, message = _create_with_targets(voice, [{**target(made), "AwsRegion": "us-west-2"}])
    assert code == "BadRequestException"
    assert made["SipMediaApplicationId"] in message and "us-west-2" in message


def test_a_rule_takes_one_target_per_region(voice: Any) -> None:
    made, other = application(voice), application(voice, "other")
    code, message = _create_with_targets(voice, [target(made, 1), target(other, 2)])
    assert code == "BadRequestException"
    assert "one SIP media application per region" in message


def test_target_priorities_are_distinct(handle: ChimeMock) -> None:
    east = boto3.client("chime-sdk-voice", region_name="us-east-1")
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    code, _ = _create_with_targets(east, [target(application(east)), target(application(west))])
    assert code == "BadRequestException"


def test_a_target_needs_its_priority(voice: Any) -> None:
    made = application(voice)
    code, message = _create_with_targets(
        voice,
        [{"SipMediaApplicationId": made["SipMediaApplicationId"], "AwsRegion": "us-east-1"}],
    )
    assert code == "BadRequestException"
    assert "Priority" in message


def test_a_rule_needs_a_target(voice: Any) -> None:
    host = connector(voice)["OutboundHostName"]
    code, _ = error_of(
        voice.create_sip_rule, Name="r", TriggerType="RequestUriHostname", TriggerValue=host
    )
    assert code == "BadRequestException"


def test_a_rule_fails_over_to_an_application_of_another_region(handle: ChimeMock) -> None:
    east = boto3.client("chime-sdk-voice", region_name="us-east-1")
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    primary, failover = application(east), application(west)
    dial_in(east, "+12065550100")
    rule = number_rule(east, "+12065550100", primary, failover)
    assert rule["TargetApplications"] == [target(primary, 1), target(failover, 2)]


def test_a_rejected_rule_leaves_its_number_free(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    code, _ = error_of(
        voice.create_sip_rule,
        Name="r",
        TriggerType="ToPhoneNumber",
        TriggerValue="+12065550100",
        TargetApplications=[
            {"SipMediaApplicationId": "nope", "Priority": 1, "AwsRegion": "us-east-1"}
        ],
    )
    assert code == "BadRequestException"
    assert phone_number(voice, "+12065550100")["Status"] == "Unassigned"


# -- update ---------------------------------------------------------------------------------------


def test_update_changes_name_disabled_and_targets_but_never_the_trigger(voice: Any) -> None:
    first, second = application(voice), application(voice, "v2")
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", first)
    updated = voice.update_sip_rule(
        SipRuleId=rule["SipRuleId"],
        Name="renamed",
        Disabled=True,
        TargetApplications=[target(second)],
    )
    assert updated["ResponseMetadata"]["HTTPStatusCode"] == 202
    after = updated["SipRule"]
    assert (after["Name"], after["Disabled"]) == ("renamed", True)
    assert after["TargetApplications"] == [target(second)]
    assert (after["TriggerType"], after["TriggerValue"]) == ("ToPhoneNumber", "+12065550100")
    assert after["CreatedTimestamp"] == rule["CreatedTimestamp"]


def test_update_with_a_name_only_keeps_the_rest(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", application(voice))
    after = voice.update_sip_rule(SipRuleId=rule["SipRuleId"], Name="renamed")["SipRule"]
    assert after["Disabled"] is False
    assert after["TargetApplications"] == rule["TargetApplications"]


def test_update_checks_new_targets(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", application(voice))
    code, _ = error_of(
        voice.update_sip_rule,
        SipRuleId=rule["SipRuleId"],
        Name="r",
        TargetApplications=[
            {"SipMediaApplicationId": "nope", "Priority": 1, "AwsRegion": "us-east-1"}
        ],
    )
    assert code == "BadRequestException"
    assert voice.get_sip_rule(SipRuleId=rule["SipRuleId"])["SipRule"] == rule


def test_a_rule_whose_application_was_deleted_is_enabled_only_with_new_targets(
    voice: Any,
) -> None:
    made, replacement = application(voice), application(voice, "v2")
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", made)
    disable(voice, rule)
    voice.delete_sip_media_application(SipMediaApplicationId=made["SipMediaApplicationId"])
    code, message = error_of(
        voice.update_sip_rule, SipRuleId=rule["SipRuleId"], Name="r", Disabled=False
    )
    assert code == "ConflictException"
    assert made["SipMediaApplicationId"] in message
    enabled = voice.update_sip_rule(
        SipRuleId=rule["SipRuleId"],
        Name="r",
        Disabled=False,
        TargetApplications=[target(replacement)],
    )["SipRule"]
    assert enabled["Disabled"] is False


def test_an_unknown_rule_is_not_found(voice: Any) -> None:
    missing = "3f5f6ec1-6004-494a-b514-1673d62cb8c5"
    assert error_of(voice.get_sip_rule, SipRuleId=missing)[0] == "NotFoundException"
    assert error_of(voice.delete_sip_rule, SipRuleId=missing)[0] == "NotFoundException"
    assert error_of(voice.update_sip_rule, SipRuleId=missing, Name="r")[0] == "NotFoundException"


# -- listing --------------------------------------------------------------------------------------


def test_listing_filters_by_target_application(voice: Any) -> None:
    first, second = application(voice), application(voice, "other")
    dial_in(voice, "+12065550100", "+12065550101")
    kept = number_rule(voice, "+12065550100", first)
    number_rule(voice, "+12065550101", second)
    listed = voice.list_sip_rules(SipMediaApplicationId=first["SipMediaApplicationId"])
    assert [rule["SipRuleId"] for rule in listed["SipRules"]] == [kept["SipRuleId"]]
    assert len(voice.list_sip_rules()["SipRules"]) == 2


def test_listing_by_an_unknown_application_is_not_found(voice: Any) -> None:
    code, _ = error_of(voice.list_sip_rules, SipMediaApplicationId="nope")
    assert code == declared(voice, "ListSipRules", "NotFoundException")


def test_listing_pages_and_the_botocore_paginator_agree() -> None:
    with mock_chime(quotas={"voice_connectors": None}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = application(voice)
        hosts = [connector(voice, f"pbx{index}")["OutboundHostName"] for index in range(5)]
        rules = [host_rule(voice, host, made)["SipRuleId"] for host in hosts]
        first = voice.list_sip_rules(MaxResults=2)
        second = voice.list_sip_rules(MaxResults=2, NextToken=first["NextToken"])
        third = voice.list_sip_rules(MaxResults=2, NextToken=second["NextToken"])
        paged = [r["SipRuleId"] for page in (first, second, third) for r in page["SipRules"]]
        assert paged == rules
        assert "NextToken" not in third
        pages = list(
            voice.get_paginator("list_sip_rules").paginate(
                SipMediaApplicationId=made["SipMediaApplicationId"],
                PaginationConfig={"PageSize": 2},
            )
        )
    assert len(pages) == 3
    assert [r["SipRuleId"] for page in pages for r in page["SipRules"]] == rules


def test_a_rule_is_per_region(handle: ChimeMock) -> None:
    east = boto3.client("chime-sdk-voice", region_name="us-east-1")
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    dial_in(east, "+12065550100")
    rule = number_rule(east, "+12065550100", application(east))
    assert west.list_sip_rules()["SipRules"] == []
    assert error_of(west.get_sip_rule, SipRuleId=rule["SipRuleId"])[0] == "NotFoundException"


def test_listing_by_application_follows_a_rules_new_targets(voice: Any) -> None:
    first, second = application(voice), application(voice, "other")
    dial_in(voice, "+12065550100")
    rule = number_rule(voice, "+12065550100", first)
    voice.update_sip_rule(
        SipRuleId=rule["SipRuleId"], Name="r", TargetApplications=[target(second)]
    )
    by_first = voice.list_sip_rules(SipMediaApplicationId=first["SipMediaApplicationId"])
    by_second = voice.list_sip_rules(SipMediaApplicationId=second["SipMediaApplicationId"])
    assert by_first["SipRules"] == []
    assert [r["SipRuleId"] for r in by_second["SipRules"]] == [rule["SipRuleId"]]
