"""Tags on Chime SDK Voice resources, by ARN."""

from __future__ import annotations

from typing import Any

import pytest

from tests.inventory_helpers import client_as, error_of
from tests.voice_helpers import connector, group


def _tags(voice: Any, arn: str) -> dict[str, str]:
    listed = voice.list_tags_for_resource(ResourceARN=arn)["Tags"]
    return {tag["Key"]: tag["Value"] for tag in listed}


def test_tags_given_at_creation_are_listed(voice: Any) -> None:
    made = connector(voice, Tags=[{"Key": "team", "Value": "voice"}])
    assert _tags(voice, made["VoiceConnectorArn"]) == {"team": "voice"}


def test_tagging_adds_and_replaces_by_key_and_untagging_removes(voice: Any) -> None:
    arn = connector(voice, Tags=[{"Key": "team", "Value": "voice"}])["VoiceConnectorArn"]
    tagged = voice.tag_resource(
        ResourceARN=arn, Tags=[{"Key": "team", "Value": "ivr"}, {"Key": "env", "Value": "test"}]
    )
    assert tagged["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert _tags(voice, arn) == {"team": "ivr", "env": "test"}
    voice.untag_resource(ResourceARN=arn, TagKeys=["team", "absent"])
    assert _tags(voice, arn) == {"env": "test"}


def test_fifty_tags_at_most(voice: Any) -> None:
    arn = connector(voice)["VoiceConnectorArn"]
    voice.tag_resource(ResourceARN=arn, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    code, _ = error_of(
        voice.tag_resource, ResourceARN=arn, Tags=[{"Key": "one-more", "Value": "v"}]
    )
    assert code == "ResourceLimitExceededException"
    assert len(_tags(voice, arn)) == 50


@pytest.mark.parametrize(
    "tags",
    [
        [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}],
        [{"Key": "aws:reserved", "Value": "1"}],
    ],
)
def test_repeated_or_reserved_keys_are_refused(voice: Any, tags: list[dict[str, str]]) -> None:
    arn = connector(voice)["VoiceConnectorArn"]
    assert error_of(voice.tag_resource, ResourceARN=arn, Tags=tags)[0] == "BadRequestException"
    assert _tags(voice, arn) == {}


def test_an_unknown_arn_is_not_found(voice: Any) -> None:
    made = connector(voice)
    unknown = made["VoiceConnectorArn"][:-1] + (
        "x" if made["VoiceConnectorArn"][-1] != "x" else "y"
    )
    for arn in (
        unknown,
        group(voice)["VoiceConnectorGroupArn"],  # groups are not taggable
    ):
        assert error_of(voice.list_tags_for_resource, ResourceARN=arn)[0] == "NotFoundException"


def test_an_arn_of_another_account_or_region_is_not_found(voice: Any) -> None:
    arn = connector(voice)["VoiceConnectorArn"]
    other = client_as("chime-sdk-voice", "210987654321")
    assert error_of(other.list_tags_for_resource, ResourceARN=arn)[0] == "NotFoundException"
    west_arn = arn.replace("us-east-1", "us-west-2")
    assert error_of(voice.list_tags_for_resource, ResourceARN=west_arn)[0] == "NotFoundException"


def test_a_malformed_arn_is_a_bad_request(voice: Any) -> None:
    code, _ = error_of(voice.list_tags_for_resource, ResourceARN="arn:aws:s3:::bucket")
    assert code == "BadRequestException"
