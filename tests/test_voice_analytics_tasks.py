"""Speaker search and voice tone analysis tasks through real boto3 clients: started on a
connector that streams to media insights, moved on by the clock or by the test, stopped, kept
7 days."""

from __future__ import annotations

import datetime as dt
from typing import Any

import boto3
import pytest
import time_machine
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import error_of
from tests.voice_analytics_helpers import (
    analysed_connector,
    domain,
    enrolled,
    get_speaker_search,
    get_tone_analysis,
    speaker_search,
    streaming,
    tone_analysis,
)
from tests.voice_helpers import connector

NOON = dt.datetime(2026, 3, 2, 12, tzinfo=dt.timezone.utc)
SECOND = dt.timedelta(seconds=1)


def _setup(voice: Any) -> tuple[str, str]:
    """A connector voice analytics can analyse, and a domain."""
    return analysed_connector(voice), domain(voice)["VoiceProfileDomainId"]


# -- starting -------------------------------------------------------------------------------------


def test_a_speaker_search_starts_in_queue(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    started = voice.start_speaker_search_task(
        VoiceConnectorId=connector_id, TransactionId="call-1", VoiceProfileDomainId=domain_id
    )
    task = started["SpeakerSearchTask"]
    assert started["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert task["SpeakerSearchTaskStatus"] == "IN_QUEUE"
    assert task["CallDetails"] == {
        "VoiceConnectorId": connector_id,
        "TransactionId": "call-1",
        "IsCaller": True,
    }
    assert "StartedTimestamp" not in task
    assert "SpeakerSearchDetails" not in task


def test_a_speaker_search_of_the_callee_leg_is_not_the_callers(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    task = speaker_search(voice, connector_id, domain_id, CallLeg="Callee")
    assert task["CallDetails"]["IsCaller"] is False


def test_a_voice_tone_analysis_starts_in_queue(voice: Any) -> None:
    connector_id = analysed_connector(voice)
    started = voice.start_voice_tone_analysis_task(
        VoiceConnectorId=connector_id, TransactionId="call-1", LanguageCode="en-US"
    )
    task = started["VoiceToneAnalysisTask"]
    assert started["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert task["VoiceToneAnalysisTaskStatus"] == "IN_QUEUE"
    assert task["CallDetails"] == {"VoiceConnectorId": connector_id, "TransactionId": "call-1"}


def test_get_voice_tone_analysis_echoes_is_caller(voice: Any) -> None:
    connector_id = analysed_connector(voice)
    task_id = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
    for is_caller in (True, False):
        got = get_tone_analysis(voice, connector_id, task_id, is_caller)
        assert got["CallDetails"]["IsCaller"] is is_caller


@pytest.mark.parametrize(
    "configure",
    [
        pytest.param(lambda voice, connector_id: None, id="no streaming"),
        pytest.param(
            lambda voice, connector_id: voice.put_voice_connector_streaming_configuration(
                VoiceConnectorId=connector_id,
                StreamingConfiguration={"DataRetentionInHours": 1, "Disabled": False},
            ),
            id="streaming without media insights",
        ),
        pytest.param(
            lambda voice, connector_id: streaming(voice, connector_id, Disabled=True),
            id="media insights disabled",
        ),
        pytest.param(
            lambda voice, connector_id: voice.put_voice_connector_streaming_configuration(
                VoiceConnectorId=connector_id,
                StreamingConfiguration={"DataRetentionInHours": 1, "Disabled": True},
            ),
            id="streaming disabled",
        ),
    ],
)
def test_a_task_needs_streaming_to_media_insights(voice: Any, configure: Any) -> None:
    connector_id = connector(voice)["VoiceConnectorId"]
    configure(voice, connector_id)
    domain_id = domain(voice)["VoiceProfileDomainId"]
    code, message = error_of(
        voice.start_speaker_search_task,
        VoiceConnectorId=connector_id,
        TransactionId="call-1",
        VoiceProfileDomainId=domain_id,
    )
    assert code == "UnprocessableEntityException"
    assert "MediaInsightsConfiguration" in message
    code, _ = error_of(
        voice.start_voice_tone_analysis_task,
        VoiceConnectorId=connector_id,
        TransactionId="call-1",
        LanguageCode="en-US",
    )
    assert code == "UnprocessableEntityException"


def test_a_task_on_an_unknown_connector_or_domain_is_not_found(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    code, _ = error_of(
        voice.start_speaker_search_task,
        VoiceConnectorId="abcdef1ghij2klmno3pqr4",
        TransactionId="call-1",
        VoiceProfileDomainId=domain_id,
    )
    assert code == "NotFoundException"
    code, message = error_of(
        voice.start_speaker_search_task,
        VoiceConnectorId=connector_id,
        TransactionId="call-1",
        VoiceProfileDomainId="0f0e0d0c-0b0a-4909-8807-060504030201",
    )
    assert code == "NotFoundException"
    assert "0f0e0d0c-0b0a-4909-8807-060504030201" in message


def test_one_active_task_of_each_kind_per_call(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    first = speaker_search(voice, connector_id, domain_id, "call-1")["SpeakerSearchTaskId"]
    tone_analysis(voice, connector_id, "call-1")  # the other kind may run beside it
    speaker_search(voice, connector_id, domain_id, "call-2")  # and another call may have one
    code, message = error_of(
        voice.start_speaker_search_task,
        VoiceConnectorId=connector_id,
        TransactionId="call-1",
        VoiceProfileDomainId=domain_id,
    )
    assert code == "ConflictException"
    assert first in message
    assert error_of(
        voice.start_voice_tone_analysis_task,
        VoiceConnectorId=connector_id,
        TransactionId="call-1",
        LanguageCode="en-US",
    )[0] == ("ConflictException")
    voice.stop_speaker_search_task(VoiceConnectorId=connector_id, SpeakerSearchTaskId=first)
    speaker_search(voice, connector_id, domain_id, "call-1")  # a new one once it ended


def test_the_twenty_sixth_active_task_in_a_region_exceeds_the_quota(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    for index in range(13):
        speaker_search(voice, connector_id, domain_id, f"call-{index}")
    for index in range(12):
        tone_analysis(voice, connector_id, f"call-{index}")
    code, message = error_of(
        voice.start_voice_tone_analysis_task,
        VoiceConnectorId=connector_id,
        TransactionId="call-99",
        LanguageCode="en-US",
    )
    assert code == "ResourceLimitExceededException"
    assert "active_voice_analytics_tasks" in message


def test_the_active_task_quota_can_be_raised() -> None:
    with mock_chime(quotas={"active_voice_analytics_tasks": 1}):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id = analysed_connector(voice)
        tone_analysis(voice, connector_id, "call-1")
        code, _ = error_of(
            voice.start_voice_tone_analysis_task,
            VoiceConnectorId=connector_id,
            TransactionId="call-2",
            LanguageCode="en-US",
        )
    assert code == "ResourceLimitExceededException"


def test_a_repeated_client_request_token_returns_the_same_task(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    first = speaker_search(voice, connector_id, domain_id, ClientRequestToken="search-call-1")
    again = voice.start_speaker_search_task(
        VoiceConnectorId=connector_id,
        TransactionId="call-1",
        VoiceProfileDomainId=domain_id,
        ClientRequestToken="search-call-1",
    )
    assert again["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert again["SpeakerSearchTask"] == first


def test_a_client_request_token_with_other_parameters_is_a_conflict(voice: Any) -> None:
    connector_id = analysed_connector(voice)
    tone_analysis(voice, connector_id, "call-1", ClientRequestToken="tone-1")
    code, _ = error_of(
        voice.start_voice_tone_analysis_task,
        VoiceConnectorId=connector_id,
        TransactionId="call-2",
        LanguageCode="en-US",
        ClientRequestToken="tone-1",
    )
    assert code == "ConflictException"


# -- the clock ------------------------------------------------------------------------------------


def test_a_task_left_alone_runs_and_succeeds_under_freezegun() -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id, domain_id = _setup(voice)
        task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
        queued = get_speaker_search(voice, connector_id, task_id)
        frozen.tick(SECOND)
        running = get_speaker_search(voice, connector_id, task_id)
        frozen.tick(dt.timedelta(seconds=20))
        done = get_speaker_search(voice, connector_id, task_id)
    assert queued["SpeakerSearchTaskStatus"] == "IN_QUEUE"
    assert running["SpeakerSearchTaskStatus"] == "IN_PROGRESS"
    assert running["StartedTimestamp"] == NOON + SECOND
    assert done["SpeakerSearchTaskStatus"] == "SUCCEEDED"
    assert done["UpdatedTimestamp"] == NOON + dt.timedelta(seconds=21)
    assert done["SpeakerSearchDetails"] == {
        "Results": [],
        "VoiceprintGenerationStatus": "VoiceprintGenerationSuccess",
    }


def test_a_task_left_alone_runs_and_succeeds_under_time_machine() -> None:
    with time_machine.travel(NOON, tick=False) as traveller, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id = analysed_connector(voice)
        task_id = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
        traveller.shift(dt.timedelta(seconds=21) - SECOND)
        running = get_tone_analysis(voice, connector_id, task_id)
        traveller.shift(SECOND)
        done = get_tone_analysis(voice, connector_id, task_id)
    assert running["VoiceToneAnalysisTaskStatus"] == "IN_PROGRESS"
    assert done["VoiceToneAnalysisTaskStatus"] == "SUCCEEDED"
    assert done["StartedTimestamp"] == NOON + SECOND


def test_a_speaker_search_left_alone_can_be_enrolled() -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id, domain_id = _setup(voice)
        task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
        frozen.tick(dt.timedelta(minutes=1))
        made = voice.create_voice_profile(SpeakerSearchTaskId=task_id)["VoiceProfile"]
    assert made["VoiceProfileDomainId"] == domain_id


def test_task_results_are_kept_seven_days_under_freezegun() -> None:
    with freeze_time(NOON) as frozen, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id, domain_id = _setup(voice)
        task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
        handle.voice_analytics.fail_task(task_id)
        frozen.tick(dt.timedelta(days=7) - SECOND)
        assert get_speaker_search(voice, connector_id, task_id)["SpeakerSearchTaskStatus"] == (
            "FAILED"
        )
        frozen.tick(SECOND)
        code, message = error_of(
            voice.get_speaker_search_task,
            VoiceConnectorId=connector_id,
            SpeakerSearchTaskId=task_id,
        )
    assert code == "NotFoundException"
    assert "7 days" in message


def test_task_results_are_kept_seven_days_under_time_machine() -> None:
    with time_machine.travel(NOON, tick=False) as traveller, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id = analysed_connector(voice)
        task_id = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
        voice.stop_voice_tone_analysis_task(
            VoiceConnectorId=connector_id, VoiceToneAnalysisTaskId=task_id
        )
        traveller.shift(dt.timedelta(days=7))
        code, _ = error_of(
            voice.get_voice_tone_analysis_task,
            VoiceConnectorId=connector_id,
            VoiceToneAnalysisTaskId=task_id,
            IsCaller=True,
        )
    assert code == "NotFoundException"


# -- the test decides -----------------------------------------------------------------------------


def test_the_test_decides_a_speaker_searchs_matches(voice: Any, handle: ChimeMock) -> None:
    connector_id, domain_id = _setup(voice)
    known = enrolled(voice, handle, connector_id, domain_id, "call-1")
    task_id = speaker_search(voice, connector_id, domain_id, "call-2")["SpeakerSearchTaskId"]
    handle.voice_analytics.complete_speaker_search(
        task_id, [{"VoiceProfileId": known, "ConfidenceScore": 0.93}], voiceprint_generated=False
    )
    task = get_speaker_search(voice, connector_id, task_id)
    assert task["SpeakerSearchTaskStatus"] == "SUCCEEDED"
    assert task["SpeakerSearchDetails"] == {
        "Results": [{"ConfidenceScore": 0.93, "VoiceProfileId": known}],
        "VoiceprintGenerationStatus": "VoiceprintGenerationFailure",
    }
    assert task["StartedTimestamp"] == task["UpdatedTimestamp"]


def test_the_test_decides_a_partial_success(voice: Any, handle: ChimeMock) -> None:
    connector_id, domain_id = _setup(voice)
    search = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    tone = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
    handle.voice_analytics.complete_speaker_search(search, partial=True)
    handle.voice_analytics.complete_voice_tone_analysis(tone, partial=True)
    assert get_speaker_search(voice, connector_id, search)["SpeakerSearchTaskStatus"] == (
        "PARTIAL_SUCCESS"
    )
    assert get_tone_analysis(voice, connector_id, tone)["VoiceToneAnalysisTaskStatus"] == (
        "PARTIAL_SUCCESS"
    )


def test_the_test_fails_a_task_with_a_status_message(voice: Any, handle: ChimeMock) -> None:
    connector_id = analysed_connector(voice)
    task_id = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
    handle.voice_analytics.fail_task(task_id, "Poor audio quality")
    task = get_tone_analysis(voice, connector_id, task_id)
    assert (task["VoiceToneAnalysisTaskStatus"], task["StatusMessage"]) == (
        "FAILED",
        "Poor audio quality",
    )


def test_a_task_the_test_started_runs_until_the_test_ends_it() -> None:
    with freeze_time(NOON) as frozen, mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id, domain_id = _setup(voice)
        task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
        handle.voice_analytics.start_task(task_id)
        frozen.tick(dt.timedelta(hours=1))
        task = get_speaker_search(voice, connector_id, task_id)
    assert task["SpeakerSearchTaskStatus"] == "IN_PROGRESS"
    assert task["StartedTimestamp"] == NOON


def test_an_ended_task_cannot_be_decided_again(voice: Any, handle: ChimeMock) -> None:
    connector_id = analysed_connector(voice)
    task_id = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
    handle.voice_analytics.complete_voice_tone_analysis(task_id)
    with pytest.raises(ValueError, match="SUCCEEDED already"):
        handle.voice_analytics.fail_task(task_id)


def test_the_test_is_told_of_unknown_tasks_and_profiles(voice: Any, handle: ChimeMock) -> None:
    connector_id, domain_id = _setup(voice)
    tone = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
    search = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    with pytest.raises(ValueError, match="no voice analytics task 'nope'"):
        handle.voice_analytics.start_task("nope")
    with pytest.raises(ValueError, match="no speaker search task"):
        handle.voice_analytics.complete_speaker_search(tone)
    with pytest.raises(ValueError, match="no voice profile of domain"):
        handle.voice_analytics.complete_speaker_search(
            search, [{"VoiceProfileId": "ghost", "ConfidenceScore": 0.5}]
        )
    profile = enrolled(voice, handle, connector_id, domain_id, "call-2")
    with pytest.raises(ValueError, match="ConfidenceScore from 0 to 1"):
        handle.voice_analytics.complete_speaker_search(
            search, [{"VoiceProfileId": profile, "ConfidenceScore": 1.5}]
        )


# -- stopping, reading ----------------------------------------------------------------------------


def test_stop_ends_a_running_task(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    stopped = voice.stop_speaker_search_task(
        VoiceConnectorId=connector_id, SpeakerSearchTaskId=task_id
    )
    assert stopped["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert get_speaker_search(voice, connector_id, task_id)["SpeakerSearchTaskStatus"] == (
        "STOPPED"
    )


def test_a_finished_task_cannot_be_stopped(voice: Any, handle: ChimeMock) -> None:
    connector_id = analysed_connector(voice)
    task_id = tone_analysis(voice, connector_id)["VoiceToneAnalysisTaskId"]
    handle.voice_analytics.complete_voice_tone_analysis(task_id)
    code, message = error_of(
        voice.stop_voice_tone_analysis_task,
        VoiceConnectorId=connector_id,
        VoiceToneAnalysisTaskId=task_id,
    )
    assert code == "ConflictException"
    assert "SUCCEEDED" in message


def test_a_task_is_read_only_through_its_own_connector_and_kind(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    other_id = analysed_connector(voice, "other")
    task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    code, _ = error_of(
        voice.get_speaker_search_task, VoiceConnectorId=other_id, SpeakerSearchTaskId=task_id
    )
    assert code == "NotFoundException"
    code, _ = error_of(
        voice.get_voice_tone_analysis_task,
        VoiceConnectorId=connector_id,
        VoiceToneAnalysisTaskId=task_id,
        IsCaller=True,
    )
    assert code == "NotFoundException"


def test_a_connectors_tasks_die_with_it(voice: Any) -> None:
    connector_id, domain_id = _setup(voice)
    task_id = speaker_search(voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    voice.delete_voice_connector(VoiceConnectorId=connector_id)
    code, _ = error_of(voice.create_voice_profile, SpeakerSearchTaskId=task_id)
    assert code == "NotFoundException"
    # The running task no longer holds the domain.
    voice.delete_voice_profile_domain(VoiceProfileDomainId=domain_id)


def test_tasks_are_only_offered_where_voice_analytics_runs() -> None:
    with mock_chime():
        london = boto3.client("chime-sdk-voice", region_name="eu-west-2")
        connector_id = analysed_connector(london)
        code, message = error_of(
            london.start_voice_tone_analysis_task,
            VoiceConnectorId=connector_id,
            TransactionId="call-1",
            LanguageCode="en-US",
        )
    assert code == "BadRequestException"
    assert "eu-west-2" in message
