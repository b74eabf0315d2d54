"""Voice analytics is stateful like the rest of the fake everywhere it is reached: state files
(with the clock going on after a load), the server (API, state endpoint, dashboard) and
aiobotocore clients."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from chime_mock import mock_chime
from chime_mock.server import running_server
from tests.server.conftest import make_client, send
from tests.voice_analytics_helpers import (
    KMS_KEY,
    analysed_connector,
    domain,
    get_speaker_search,
    speaker_search,
    tone_analysis,
)

NOON = dt.datetime(2026, 3, 2, 12, tzinfo=dt.timezone.utc)


def _workflow(voice: Any) -> dict[str, str]:
    """A tagged domain, a connector streaming to media insights, a speaker search that ended by
    the clock and was enrolled, and a tone analysis still queued."""
    made = domain(voice, Tags=[{"Key": "team", "Value": "fraud"}])
    connector_id = analysed_connector(voice)
    task_id = speaker_search(voice, connector_id, made["VoiceProfileDomainId"], "call-1")[
        "SpeakerSearchTaskId"
    ]
    return {
        "domain": made["VoiceProfileDomainId"],
        "arn": made["VoiceProfileDomainArn"],
        "connector": connector_id,
        "search": task_id,
        "tone": tone_analysis(voice, connector_id, "call-1")["VoiceToneAnalysisTaskId"],
    }


def _assert_restored(voice: Any, made: dict[str, str]) -> None:
    assert voice.get_voice_profile_domain(VoiceProfileDomainId=made["domain"])
    tags = voice.list_tags_for_resource(ResourceARN=made["arn"])["Tags"]
    assert tags == [{"Key": "team", "Value": "fraud"}]
    task = get_speaker_search(voice, made["connector"], made["search"])
    assert task["CallDetails"]["TransactionId"] == "call-1"
    # A running speaker search still holds its domain.
    with pytest.raises(voice.exceptions.ConflictException):
        voice.delete_voice_profile_domain(VoiceProfileDomainId=made["domain"])


def test_everything_round_trips_through_a_state_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with mock_chime() as handle:
        made = _workflow(boto3.client("chime-sdk-voice", region_name="us-east-1"))
        handle.voice_analytics.start_task(made["search"])
        handle.save_state(path)
    with mock_chime(state=path):
        _assert_restored(boto3.client("chime-sdk-voice", region_name="us-east-1"), made)


def test_tasks_loaded_from_a_state_file_go_on_by_the_clock(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with freeze_time(NOON) as frozen:
        with mock_chime() as handle:
            made = _workflow(boto3.client("chime-sdk-voice", region_name="us-east-1"))
            handle.save_state(path)
        frozen.tick(dt.timedelta(minutes=1))
        with mock_chime(state=path):
            voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
            task = get_speaker_search(voice, made["connector"], made["search"])
            profile = voice.create_voice_profile(SpeakerSearchTaskId=made["search"])
    assert task["SpeakerSearchTaskStatus"] == "SUCCEEDED"
    assert profile["VoiceProfile"]["VoiceProfileDomainId"] == made["domain"]


def test_the_server_answers_the_workflow_and_shows_it_in_state_and_dashboard() -> None:
    with running_server() as server:
        voice = make_client(server.url, "chime-sdk-voice")
        made = _workflow(voice)
        _assert_restored(voice, made)
        [inventory] = send(server.url, "GET", "/_chime_mock/state").json()["Inventories"]
        assert [d["VoiceProfileDomainId"] for d in inventory["VoiceProfileDomains"]] == [
            made["domain"]
        ]
        assert [t["SpeakerSearchTaskId"] for t in inventory["SpeakerSearchTasks"]] == [
            made["search"]
        ]
        assert [t["VoiceToneAnalysisTaskId"] for t in inventory["VoiceToneAnalysisTasks"]] == [
            made["tone"]
        ]
        page = send(server.url, "GET", "/_chime_mock/").body.decode()
    assert made["domain"] in page and made["search"] in page and made["tone"] in page


def test_an_aiobotocore_client_meets_the_same_domains() -> None:
    session_module = pytest.importorskip("aiobotocore.session")

    async def flow() -> tuple[str, list[str]]:
        session = session_module.get_session()
        async with session.create_client("chime-sdk-voice", region_name="us-east-1") as voice:
            made = await voice.create_voice_profile_domain(
                Name="callers", ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY}
            )
            listed = await voice.list_voice_profile_domains()
        return made["VoiceProfileDomain"]["VoiceProfileDomainId"], [
            d["VoiceProfileDomainId"] for d in listed["VoiceProfileDomains"]
        ]

    with mock_chime():
        made, listed = asyncio.run(flow())
        assert listed == [made]
        seen = boto3.client("chime-sdk-voice", region_name="us-east-1")
        assert [
            d["VoiceProfileDomainId"]
            for d in seen.list_voice_profile_domains()["VoiceProfileDomains"]
        ] == [made]
