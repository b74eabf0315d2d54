"""Voice profiles through real boto3 clients: enrolled from a speaker search task's voiceprint
within 24 hours, expiring 3 years later unless updated."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import boto3
import time_machine
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import error_of
from tests.voice_analytics_helpers import analysed_connector, domain, enrolled, speaker_search

ACCOUNT = "123456789012"
NOON = dt.datetime(2026, 3, 2, 12, tzinfo=dt.timezone.utc)


def _searched(voice: Any, handle: ChimeMock, call: str = "call-1", **outcome: Any) -> str:
    """A connector, a domain and a speaker search of `call` ended as `outcome` says."""
    domains = voice.list_voice_profile_domains()["VoiceProfileDomains"]
    domain_id = (
        domains[0]["VoiceProfileDomainId"] if domains else domain(voice)["VoiceProfileDomainId"]
    )
    connectors = voice.list_voice_connectors()["VoiceConnectors"]
    connector_id = connectors[0]["VoiceConnectorId"] if connectors else analysed_connector(voice)
    task_id: str = speaker_search(voice, connector_id, domain_id, call)["SpeakerSearchTaskId"]
    handle.voice_analytics.complete_speaker_search(task_id, **outcome)
    return task_id


def test_a_profile_is_enrolled_from_a_speaker_searchs_voiceprint(
    voice: Any, handle: ChimeMock
) -> None:
    task_id = _searched(voice, handle)
    created = voice.create_voice_profile(SpeakerSearchTaskId=task_id)
    made = created["VoiceProfile"]
    profile_id = made["VoiceProfileId"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(r"[0-9a-f-]{36}", profile_id)
    assert (
        made["VoiceProfileArn"] == f"arn:aws:chime:us-east-1:{ACCOUNT}:voice-profile/{profile_id}"
    )
    domain_id = voice.list_voice_profile_domains()["VoiceProfileDomains"][0]["VoiceProfileDomainId"]
    assert made["VoiceProfileDomainId"] == domain_id
    assert voice.get_voice_profile(VoiceProfileId=profile_id)["VoiceProfile"] == made


def test_a_profile_expires_three_years_after_enrolment() -> None:
    with freeze_time(NOON), mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = voice.create_voice_profile(SpeakerSearchTaskId=_searched(voice, handle))
    assert made["VoiceProfile"]["CreatedTimestamp"] == NOON
    assert made["VoiceProfile"]["ExpirationTimestamp"] == NOON.replace(year=2029)


def test_an_unknown_task_is_not_found(voice: Any) -> None:
    code, _ = error_of(voice.create_voice_profile, SpeakerSearchTaskId="no-such-task")
    assert code == "NotFoundException"


def test_a_task_without_a_voiceprint_cannot_be_enrolled(voice: Any, handle: ChimeMock) -> None:
    task_id = _searched(voice, handle, voiceprint_generated=False)
    code, message = error_of(voice.create_voice_profile, SpeakerSearchTaskId=task_id)
    assert code == "BadRequestException"
    assert "VoiceprintGenerationSuccess" in message


def test_a_running_task_cannot_be_enrolled_yet(voice: Any) -> None:
    domain_id = domain(voice)["VoiceProfileDomainId"]
    connector_id = analysed_connector(voice)
    task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    assert error_of(voice.create_voice_profile, SpeakerSearchTaskId=task_id)[0] == (
        "BadRequestException"
    )


def test_a_voiceprint_is_enrolled_once(voice: Any, handle: ChimeMock) -> None:
    task_id = _searched(voice, handle)
    profile_id = voice.create_voice_profile(SpeakerSearchTaskId=task_id)["VoiceProfile"][
        "VoiceProfileId"
    ]
    code, message = error_of(voice.create_voice_profile, SpeakerSearchTaskId=task_id)
    assert code == "ConflictException"
    assert profile_id in message


def test_a_voiceprint_is_gone_24_hours_after_the_call_under_freezegun() -> None:
    with freeze_time(NOON) as frozen, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        late, in_time = _searched(voice, handle, "call-1"), _searched(voice, handle, "call-2")
        frozen.tick(dt.timedelta(hours=24) - dt.timedelta(seconds=1))
        voice.create_voice_profile(SpeakerSearchTaskId=in_time)
        frozen.tick(dt.timedelta(seconds=1))
        code, message = error_of(voice.create_voice_profile, SpeakerSearchTaskId=late)
    assert code == "GoneException"
    assert "24 hours" in message


def test_a_voiceprint_is_gone_24_hours_after_the_call_under_time_machine() -> None:
    with time_machine.travel(NOON, tick=False) as traveller, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        task_id = _searched(voice, handle)
        traveller.shift(dt.timedelta(hours=24))
        assert error_of(voice.create_voice_profile, SpeakerSearchTaskId=task_id)[0] == (
            "GoneException"
        )


def test_the_twenty_first_profile_of_a_domain_exceeds_the_quota() -> None:
    with mock_chime(quotas={"voice_profiles_per_domain": 2}) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        for call in ("call-1", "call-2"):
            voice.create_voice_profile(SpeakerSearchTaskId=_searched(voice, handle, call))
        code, message = error_of(
            voice.create_voice_profile, SpeakerSearchTaskId=_searched(voice, handle, "call-3")
        )
    assert code == "ResourceLimitExceededException"
    assert "voice_profiles_per_domain" in message


def test_the_default_quota_is_twenty_profiles_per_domain(voice: Any, handle: ChimeMock) -> None:
    for index in range(20):
        voice.create_voice_profile(SpeakerSearchTaskId=_searched(voice, handle, f"call-{index}"))
    code, _ = error_of(
        voice.create_voice_profile, SpeakerSearchTaskId=_searched(voice, handle, "call-20")
    )
    assert code == "ResourceLimitExceededException"


def test_profiles_are_listed_by_domain_and_paged(voice: Any, handle: ChimeMock) -> None:
    connector_id = analysed_connector(voice)
    first_domain = domain(voice, "first")["VoiceProfileDomainId"]
    other_domain = domain(voice, "other")["VoiceProfileDomainId"]
    made = [
        enrolled(voice, handle, connector_id, first_domain, f"call-{index}") for index in range(3)
    ]
    enrolled(voice, handle, connector_id, other_domain, "call-9")
    first = voice.list_voice_profiles(VoiceProfileDomainId=first_domain, MaxResults=2)
    second = voice.list_voice_profiles(
        VoiceProfileDomainId=first_domain, MaxResults=2, NextToken=first["NextToken"]
    )
    listed = [p["VoiceProfileId"] for page in (first, second) for p in page["VoiceProfiles"]]
    assert listed == made
    assert "NextToken" not in second


def test_update_takes_a_newer_voiceprint_and_renews_the_expiry() -> None:
    with freeze_time(NOON) as frozen, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        profile_id = voice.create_voice_profile(SpeakerSearchTaskId=_searched(voice, handle))[
            "VoiceProfile"
        ]["VoiceProfileId"]
        frozen.tick(dt.timedelta(days=400))
        updated = voice.update_voice_profile(
            VoiceProfileId=profile_id, SpeakerSearchTaskId=_searched(voice, handle, "call-2")
        )["VoiceProfile"]
    later = NOON + dt.timedelta(days=400)
    assert updated["CreatedTimestamp"] == NOON
    assert updated["UpdatedTimestamp"] == later
    assert updated["ExpirationTimestamp"] == later.replace(year=later.year + 3)


def test_update_with_a_task_of_another_domain_is_refused(voice: Any, handle: ChimeMock) -> None:
    connector_id = analysed_connector(voice)
    mine, other = (
        domain(voice, "mine")["VoiceProfileDomainId"],
        domain(voice, "other")["VoiceProfileDomainId"],
    )
    profile_id = enrolled(voice, handle, connector_id, mine, "call-1")
    foreign = speaker_search(voice, connector_id, other, "call-2")["SpeakerSearchTaskId"]
    handle.voice_analytics.complete_speaker_search(foreign)
    code, _ = error_of(
        voice.update_voice_profile, VoiceProfileId=profile_id, SpeakerSearchTaskId=foreign
    )
    assert code == "BadRequestException"


def test_an_expired_profile_is_gone_under_freezegun() -> None:
    with freeze_time(NOON) as frozen, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        profile_id = voice.create_voice_profile(SpeakerSearchTaskId=_searched(voice, handle))[
            "VoiceProfile"
        ]["VoiceProfileId"]
        frozen.move_to(NOON.replace(year=2029) - dt.timedelta(seconds=1))
        assert voice.get_voice_profile(VoiceProfileId=profile_id)
        frozen.tick(dt.timedelta(seconds=1))
        code, _ = error_of(voice.get_voice_profile, VoiceProfileId=profile_id)
        domain_id = voice.list_voice_profile_domains()["VoiceProfileDomains"][0][
            "VoiceProfileDomainId"
        ]
        listed = voice.list_voice_profiles(VoiceProfileDomainId=domain_id)["VoiceProfiles"]
    assert code == "NotFoundException"
    assert listed == []


def test_an_expired_profile_is_gone_under_time_machine() -> None:
    with time_machine.travel(NOON, tick=False) as traveller, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        profile_id = voice.create_voice_profile(SpeakerSearchTaskId=_searched(voice, handle))[
            "VoiceProfile"
        ]["VoiceProfileId"]
        traveller.move_to(NOON.replace(year=2029))
        assert error_of(voice.get_voice_profile, VoiceProfileId=profile_id)[0] == (
            "NotFoundException"
        )


def test_delete_removes_the_profile(voice: Any, handle: ChimeMock) -> None:
    profile_id = voice.create_voice_profile(SpeakerSearchTaskId=_searched(voice, handle))[
        "VoiceProfile"
    ]["VoiceProfileId"]
    deleted = voice.delete_voice_profile(VoiceProfileId=profile_id)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    for call in (voice.get_voice_profile, voice.delete_voice_profile):
        assert error_of(call, VoiceProfileId=profile_id)[0] == "NotFoundException"
