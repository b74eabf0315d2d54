"""Voice Connectors and groups through real boto3 clients."""

from __future__ import annotations

import re
from typing import Any

import boto3
import pytest

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import client_as, error_of
from tests.voice_helpers import connector, group, numbers

ACCOUNT = "123456789012"


def test_a_voice_connector_is_formed_as_the_service_forms_it(voice: Any) -> None:
    created = voice.create_voice_connector(Name="trunk", RequireEncryption=True)
    made = created["VoiceConnector"]
    connector_id = made["VoiceConnectorId"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(r"[a-z0-9]{22}", connector_id)
    assert made["OutboundHostName"] == f"{connector_id}.voiceconnector.chime.aws"
    assert made["VoiceConnectorArn"] == f"arn:aws:chime:us-east-1:{ACCOUNT}:vc/{connector_id}"
    assert made["AwsRegion"] == "us-east-1"
    assert made["CreatedTimestamp"] == made["UpdatedTimestamp"]
    assert voice.get_voice_connector(VoiceConnectorId=connector_id)["VoiceConnector"] == made


def test_the_aws_region_defaults_to_the_endpoints_region() -> None:
    with mock_chime():
        west = boto3.client("chime-sdk-voice", region_name="us-west-2")
        made = connector(west)
    assert made["AwsRegion"] == "us-west-2"
    assert made["VoiceConnectorArn"].startswith("arn:aws:chime:us-west-2:")


def test_update_replaces_name_and_encryption_and_moves_the_updated_timestamp(voice: Any) -> None:
    made = connector(voice)
    updated = voice.update_voice_connector(
        VoiceConnectorId=made["VoiceConnectorId"], Name="renamed", RequireEncryption=False
    )["VoiceConnector"]
    assert (updated["Name"], updated["RequireEncryption"]) == ("renamed", False)
    assert updated["UpdatedTimestamp"] >= made["UpdatedTimestamp"]
    assert updated["CreatedTimestamp"] == made["CreatedTimestamp"]


def test_an_unknown_voice_connector_is_not_found(voice: Any) -> None:
    for call in (voice.get_voice_connector, voice.delete_voice_connector):
        code, message = error_of(call, VoiceConnectorId="abcdef1ghij2klmno3pqr4")
        assert code == "NotFoundException"
        assert "abcdef1ghij2klmno3pqr4" in message


def test_the_fourth_voice_connector_in_a_region_exceeds_the_quota(voice: Any) -> None:
    for index in range(3):
        connector(voice, f"trunk{index}")
    code, message = error_of(voice.create_voice_connector, Name="fourth", RequireEncryption=True)
    assert code == "ResourceLimitExceededException"
    assert "quotas" in message  # says how to raise it in the mock
    assert len(voice.list_voice_connectors()["VoiceConnectors"]) == 3


def test_quotas_can_be_raised_as_aws_raises_them() -> None:
    with mock_chime(quotas={"voice_connectors": 5}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        for index in range(5):
            connector(voice, f"trunk{index}")
        assert error_of(voice.create_voice_connector, Name="x", RequireEncryption=True)[0] == (
            "ResourceLimitExceededException"
        )


def test_an_unknown_quota_name_is_refused_with_the_closest_one() -> None:
    with pytest.raises(ValueError, match="did you mean 'voice_connectors'"):
        mock_chime(quotas={"voice_connector": 5})


def test_the_quota_is_per_region(handle: ChimeMock) -> None:
    for region in ("us-east-1", "us-west-2"):
        regional = boto3.client("chime-sdk-voice", region_name=region)
        for index in range(3):
            connector(regional, f"trunk{index}")


def test_listing_pages_over_more_than_one_page(handle: ChimeMock) -> None:
    with mock_chime(quotas={"voice_connectors": None}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = [connector(voice, f"trunk{index}")["VoiceConnectorId"] for index in range(5)]
        first = voice.list_voice_connectors(MaxResults=2)
        second = voice.list_voice_connectors(MaxResults=2, NextToken=first["NextToken"])
        third = voice.list_voice_connectors(MaxResults=2, NextToken=second["NextToken"])
    listed = [
        c["VoiceConnectorId"] for page in (first, second, third) for c in page["VoiceConnectors"]
    ]
    assert listed == made
    assert "NextToken" not in third


def test_a_voice_connector_is_per_account(voice: Any) -> None:
    made = connector(voice)
    other = client_as("chime-sdk-voice", "210987654321")
    assert other.list_voice_connectors()["VoiceConnectors"] == []
    assert error_of(other.get_voice_connector, VoiceConnectorId=made["VoiceConnectorId"])[0] == (
        "NotFoundException"
    )


def test_the_available_regions_are_the_models(voice: Any) -> None:
    regions = voice.list_available_voice_connector_regions()["VoiceConnectorRegions"]
    model = voice.meta.service_model.shape_for("VoiceConnectorAwsRegion")
    assert regions == list(model.enum)
    assert "us-east-1" in regions and len(regions) == 10


def test_a_connector_with_numbers_cannot_be_deleted(voice: Any) -> None:
    made = connector(voice)
    numbers(voice, "+12065550100")
    voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=made["VoiceConnectorId"], E164PhoneNumbers=["+12065550100"]
    )
    code, message = error_of(
        voice.delete_voice_connector, VoiceConnectorId=made["VoiceConnectorId"]
    )
    assert code == "ConflictException"
    assert "disassociate" in message
    assert voice.get_voice_connector(VoiceConnectorId=made["VoiceConnectorId"])


def test_a_connector_in_a_group_cannot_be_deleted(voice: Any) -> None:
    made = connector(voice)
    grouped = group(voice, made["VoiceConnectorId"])
    code, message = error_of(
        voice.delete_voice_connector, VoiceConnectorId=made["VoiceConnectorId"]
    )
    assert code == "ConflictException"
    assert grouped["VoiceConnectorGroupId"] in message


def test_deleting_a_connector_deletes_its_configurations_and_tags(voice: Any) -> None:
    made = connector(voice, Tags=[{"Key": "team", "Value": "voice"}])
    connector_id = made["VoiceConnectorId"]
    voice.put_voice_connector_logging_configuration(
        VoiceConnectorId=connector_id, LoggingConfiguration={"EnableSIPLogs": True}
    )
    deleted = voice.delete_voice_connector(VoiceConnectorId=connector_id)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert error_of(voice.get_voice_connector, VoiceConnectorId=connector_id)[0] == (
        "NotFoundException"
    )
    get_logging = voice.get_voice_connector_logging_configuration
    assert error_of(get_logging, VoiceConnectorId=connector_id)[0] == "NotFoundException"
    assert error_of(voice.list_tags_for_resource, ResourceARN=made["VoiceConnectorArn"])[0] == (
        "NotFoundException"
    )


# -- groups ---------------------------------------------------------------------------------------


def test_a_group_lists_its_connectors_with_priorities(voice: Any) -> None:
    first, second = (
        connector(voice, "a")["VoiceConnectorId"],
        connector(voice, "b")["VoiceConnectorId"],
    )
    created = voice.create_voice_connector_group(
        Name="failover",
        VoiceConnectorItems=[
            {"VoiceConnectorId": first, "Priority": 1},
            {"VoiceConnectorId": second, "Priority": 2},
        ],
    )
    made = created["VoiceConnectorGroup"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", made["VoiceConnectorGroupId"])
    assert made["VoiceConnectorGroupArn"].endswith(f":vcg/{made['VoiceConnectorGroupId']}")
    assert made["VoiceConnectorItems"] == [
        {"VoiceConnectorId": first, "Priority": 1},
        {"VoiceConnectorId": second, "Priority": 2},
    ]
    got = voice.get_voice_connector_group(VoiceConnectorGroupId=made["VoiceConnectorGroupId"])
    assert got["VoiceConnectorGroup"] == made


def test_a_group_item_must_name_an_existing_connector(voice: Any) -> None:
    code, message = error_of(
        voice.create_voice_connector_group,
        Name="g",
        VoiceConnectorItems=[{"VoiceConnectorId": "abcdef1ghij2klmno3pqr4", "Priority": 1}],
    )
    declared = {
        s.name
        for s in voice.meta.service_model.operation_model("CreateVoiceConnectorGroup").error_shapes
    }
    # NotFoundException where the installed model declares it on this operation (newer ones).
    assert code == (
        "NotFoundException" if "NotFoundException" in declared else "BadRequestException"
    )
    assert "abcdef1ghij2klmno3pqr4" in message
    assert voice.list_voice_connector_groups()["VoiceConnectorGroups"] == []


def test_a_group_lists_a_connector_once(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    items = [{"VoiceConnectorId": made, "Priority": 1}, {"VoiceConnectorId": made, "Priority": 2}]
    code, _ = error_of(voice.create_voice_connector_group, Name="g", VoiceConnectorItems=items)
    assert code == "BadRequestException"


def test_a_group_holds_three_connectors_at_most() -> None:
    with mock_chime(quotas={"voice_connectors": 4}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = [connector(voice, f"t{index}")["VoiceConnectorId"] for index in range(4)]
        items = [{"VoiceConnectorId": c, "Priority": 1} for c in made]
        code, _ = error_of(voice.create_voice_connector_group, Name="g", VoiceConnectorItems=items)
        assert code == "ResourceLimitExceededException"
        grouped = group(voice, *made[:3])
        code, _ = error_of(
            voice.update_voice_connector_group,
            VoiceConnectorGroupId=grouped["VoiceConnectorGroupId"],
            Name="g",
            VoiceConnectorItems=items,
        )
        assert code == "BadRequestException"  # RL is not modeled on UpdateVoiceConnectorGroup


def test_the_fourth_group_exceeds_the_quota(voice: Any) -> None:
    for index in range(3):
        group(voice, name=f"g{index}")
    assert error_of(voice.create_voice_connector_group, Name="g4")[0] == (
        "ResourceLimitExceededException"
    )


def test_a_group_update_replaces_name_and_items_and_answers_202(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    grouped = group(voice, made)
    updated = voice.update_voice_connector_group(
        VoiceConnectorGroupId=grouped["VoiceConnectorGroupId"], Name="empty", VoiceConnectorItems=[]
    )
    assert updated["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert (
        updated["VoiceConnectorGroup"]["Name"],
        updated["VoiceConnectorGroup"]["VoiceConnectorItems"],
    ) == ("empty", [])


def test_a_group_with_items_or_numbers_cannot_be_deleted(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    grouped = group(voice, made)
    group_id = grouped["VoiceConnectorGroupId"]
    assert error_of(voice.delete_voice_connector_group, VoiceConnectorGroupId=group_id)[0] == (
        "ConflictException"
    )
    voice.update_voice_connector_group(
        VoiceConnectorGroupId=group_id, Name="g", VoiceConnectorItems=[]
    )
    numbers(voice, "+12065550100")
    voice.associate_phone_numbers_with_voice_connector_group(
        VoiceConnectorGroupId=group_id, E164PhoneNumbers=["+12065550100"]
    )
    assert error_of(voice.delete_voice_connector_group, VoiceConnectorGroupId=group_id)[0] == (
        "ConflictException"
    )
    voice.disassociate_phone_numbers_from_voice_connector_group(
        VoiceConnectorGroupId=group_id, E164PhoneNumbers=["+12065550100"]
    )
    deleted = voice.delete_voice_connector_group(VoiceConnectorGroupId=group_id)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert voice.list_voice_connector_groups()["VoiceConnectorGroups"] == []


def test_groups_page(handle: ChimeMock) -> None:
    with mock_chime(quotas={"voice_connector_groups": None}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = [group(voice, name=f"g{index}")["VoiceConnectorGroupId"] for index in range(3)]
        first = voice.list_voice_connector_groups(MaxResults=2)
        second = voice.list_voice_connector_groups(NextToken=first["NextToken"])
    listed = [
        g["VoiceConnectorGroupId"] for page in (first, second) for g in page["VoiceConnectorGroups"]
    ]
    assert listed == made


def test_legacy_chime_keeps_its_own_global_settings_with_business_calling(
    handle: ChimeMock,
) -> None:
    # GetGlobalSettings exists in both models with other members: each service has its own.
    legacy = boto3.client("chime", region_name="us-east-1")
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    legacy.update_global_settings(BusinessCalling={"CdrBucket": "business-cdrs"})
    legacy.update_global_settings(VoiceConnector={"CdrBucket": "legacy-cdrs"})
    settings = legacy.get_global_settings()
    assert (settings["BusinessCalling"], settings["VoiceConnector"]) == (
        {"CdrBucket": "business-cdrs"},
        {"CdrBucket": "legacy-cdrs"},
    )
    assert voice.get_global_settings()["VoiceConnector"] == {}
    code, _ = error_of(legacy.update_global_settings, BusinessCalling={"CdrBucket": "Bad_Bucket"})
    assert code == "BadRequestException"
