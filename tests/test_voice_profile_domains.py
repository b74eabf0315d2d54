"""Voice profile domains through real boto3 clients."""

from __future__ import annotations

import re
from typing import Any

import boto3
import pytest

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import client_as, error_of
from tests.voice_analytics_helpers import (
    KMS_KEY,
    analysed_connector,
    domain,
    enrolled,
    speaker_search,
)

ACCOUNT = "123456789012"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


def test_a_domain_is_formed_as_the_service_forms_it(voice: Any) -> None:
    created = voice.create_voice_profile_domain(
        Name="callers",
        Description="Known callers",
        ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY},
    )
    made = created["VoiceProfileDomain"]
    domain_id = made["VoiceProfileDomainId"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, domain_id)
    assert made["VoiceProfileDomainArn"] == (
        f"arn:aws:chime:us-east-1:{ACCOUNT}:voice-profile-domain/{domain_id}"
    )
    assert made["ServerSideEncryptionConfiguration"] == {"KmsKeyArn": KMS_KEY}
    assert (made["Name"], made["Description"]) == ("callers", "Known callers")
    assert made["CreatedTimestamp"] == made["UpdatedTimestamp"]
    got = voice.get_voice_profile_domain(VoiceProfileDomainId=domain_id)["VoiceProfileDomain"]
    assert got == made


def test_the_listing_shows_summaries_without_the_encryption_configuration(voice: Any) -> None:
    made = domain(voice)
    [listed] = voice.list_voice_profile_domains()["VoiceProfileDomains"]
    assert "ServerSideEncryptionConfiguration" not in listed
    assert listed == {k: v for k, v in made.items() if k != "ServerSideEncryptionConfiguration"}


def test_the_listing_pages_in_creation_order() -> None:
    with mock_chime(quotas={"voice_profile_domains": 5}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = [domain(voice, f"d{index}")["VoiceProfileDomainId"] for index in range(5)]
        first = voice.list_voice_profile_domains(MaxResults=2)
        second = voice.list_voice_profile_domains(MaxResults=2, NextToken=first["NextToken"])
        third = voice.list_voice_profile_domains(MaxResults=2, NextToken=second["NextToken"])
        paginated = [
            d["VoiceProfileDomainId"]
            for page in (first, second, third)
            for d in page["VoiceProfileDomains"]
        ]
    assert paginated == made
    assert "NextToken" not in third


def test_a_key_that_is_not_a_kms_key_arn_is_refused(voice: Any) -> None:
    for arn in ("arn:aws:s3:::bucket", "arn:aws:kms:us-east-1:123456789012:alias/voice"):
        code, message = error_of(
            voice.create_voice_profile_domain,
            Name="callers",
            ServerSideEncryptionConfiguration={"KmsKeyArn": arn},
        )
        assert code == "BadRequestException"
        assert "KMS key ARN" in message
    assert voice.list_voice_profile_domains()["VoiceProfileDomains"] == []


def test_tags_given_at_creation_are_the_domains(voice: Any) -> None:
    made = domain(voice, Tags=[{"Key": "team", "Value": "fraud"}])
    arn = made["VoiceProfileDomainArn"]
    assert voice.list_tags_for_resource(ResourceARN=arn)["Tags"] == [
        {"Key": "team", "Value": "fraud"}
    ]
    voice.tag_resource(ResourceARN=arn, Tags=[{"Key": "tier", "Value": "gold"}])
    voice.untag_resource(ResourceARN=arn, TagKeys=["team"])
    assert voice.list_tags_for_resource(ResourceARN=arn)["Tags"] == [
        {"Key": "tier", "Value": "gold"}
    ]


def test_tags_die_with_the_domain(voice: Any) -> None:
    made = domain(voice, Tags=[{"Key": "team", "Value": "fraud"}])
    voice.delete_voice_profile_domain(VoiceProfileDomainId=made["VoiceProfileDomainId"])
    code, _ = error_of(voice.list_tags_for_resource, ResourceARN=made["VoiceProfileDomainArn"])
    assert code == "NotFoundException"


def test_a_repeated_client_request_token_returns_the_same_domain(voice: Any) -> None:
    first = voice.create_voice_profile_domain(
        Name="callers",
        ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY},
        ClientRequestToken="create-callers-1",
    )
    again = voice.create_voice_profile_domain(
        Name="callers",
        ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY},
        ClientRequestToken="create-callers-1",
    )
    assert again["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert again["VoiceProfileDomain"] == first["VoiceProfileDomain"]
    assert len(voice.list_voice_profile_domains()["VoiceProfileDomains"]) == 1


def test_a_client_request_token_with_other_parameters_is_a_conflict(voice: Any) -> None:
    domain(voice, ClientRequestToken="create-callers-1")
    code, message = error_of(
        voice.create_voice_profile_domain,
        Name="other",
        ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY},
        ClientRequestToken="create-callers-1",
    )
    assert code == "ConflictException"
    assert "new token" in message


def test_a_malformed_client_request_token_is_refused(voice: Any) -> None:
    for token in ("x", "has space", "y" * 65):
        code, _ = error_of(
            voice.create_voice_profile_domain,
            Name="callers",
            ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY},
            ClientRequestToken=token,
        )
        assert code == "BadRequestException"


def test_the_fourth_domain_in_a_region_exceeds_the_quota(voice: Any) -> None:
    for index in range(3):
        domain(voice, f"d{index}")
    code, message = error_of(
        voice.create_voice_profile_domain,
        Name="fourth",
        ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY},
    )
    assert code == "ResourceLimitExceededException"
    assert "voice_profile_domains" in message


def test_the_domain_quota_is_per_region(handle: ChimeMock) -> None:
    east = boto3.client("chime-sdk-voice", region_name="us-east-1")
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    for index in range(3):
        domain(east, f"d{index}")
    assert domain(west)["VoiceProfileDomainArn"].startswith("arn:aws:chime:us-west-2:")
    assert len(west.list_voice_profile_domains()["VoiceProfileDomains"]) == 1


def test_regions_without_voice_analytics_refuse_its_operations() -> None:
    with mock_chime():
        frankfurt = boto3.client("chime-sdk-voice", region_name="eu-central-1")
        code, message = error_of(
            frankfurt.create_voice_profile_domain,
            Name="callers",
            ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY},
        )
        assert code == "BadRequestException"
        assert "us-east-1 and us-west-2" in message
        assert error_of(frankfurt.list_voice_profile_domains)[0] == "BadRequestException"


def test_update_changes_name_and_description_and_moves_the_updated_timestamp(voice: Any) -> None:
    made = domain(voice)
    domain_id = made["VoiceProfileDomainId"]
    renamed = voice.update_voice_profile_domain(VoiceProfileDomainId=domain_id, Name="vip")
    described = voice.update_voice_profile_domain(
        VoiceProfileDomainId=domain_id, Description="Very important callers"
    )["VoiceProfileDomain"]
    assert renamed["VoiceProfileDomain"]["Name"] == "vip"
    assert (described["Name"], described["Description"]) == ("vip", "Very important callers")
    assert described["UpdatedTimestamp"] >= made["UpdatedTimestamp"]
    assert described["CreatedTimestamp"] == made["CreatedTimestamp"]


def test_update_without_a_name_or_description_is_refused(voice: Any) -> None:
    made = domain(voice)
    code, _ = error_of(
        voice.update_voice_profile_domain, VoiceProfileDomainId=made["VoiceProfileDomainId"]
    )
    assert code == "BadRequestException"


def test_an_unknown_domain_is_not_found(voice: Any) -> None:
    unknown = "0f0e0d0c-0b0a-4909-8807-060504030201"
    for call in (
        voice.get_voice_profile_domain,
        voice.delete_voice_profile_domain,
        voice.list_voice_profiles,
    ):
        code, message = error_of(call, VoiceProfileDomainId=unknown)
        assert code == "NotFoundException"
        assert unknown in message


def test_deleting_a_domain_deletes_its_profiles(voice: Any, handle: ChimeMock) -> None:
    domain_id = domain(voice)["VoiceProfileDomainId"]
    connector_id = analysed_connector(voice)
    profile_id = enrolled(voice, handle, connector_id, domain_id, "call-1")
    delete = voice.delete_voice_profile_domain(VoiceProfileDomainId=domain_id)
    assert delete["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert error_of(voice.get_voice_profile, VoiceProfileId=profile_id)[0] == "NotFoundException"
    assert voice.list_voice_profile_domains()["VoiceProfileDomains"] == []


def test_a_domain_with_a_running_speaker_search_cannot_be_deleted(voice: Any) -> None:
    domain_id = domain(voice)["VoiceProfileDomainId"]
    connector_id = analysed_connector(voice)
    task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    code, message = error_of(voice.delete_voice_profile_domain, VoiceProfileDomainId=domain_id)
    assert code == "ConflictException"
    assert task_id in message
    voice.stop_speaker_search_task(VoiceConnectorId=connector_id, SpeakerSearchTaskId=task_id)
    voice.delete_voice_profile_domain(VoiceProfileDomainId=domain_id)


@pytest.mark.parametrize("account", ["111111111111", "222222222222"])
def test_domains_are_per_account(handle: ChimeMock, account: str) -> None:
    mine = client_as("chime-sdk-voice", account)
    theirs = boto3.client("chime-sdk-voice", region_name="us-east-1")
    made = domain(mine)
    assert made["VoiceProfileDomainArn"].split(":")[4] == account
    assert theirs.list_voice_profile_domains()["VoiceProfileDomains"] == []
