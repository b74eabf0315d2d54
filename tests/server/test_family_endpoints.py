"""The family test controls over HTTP: every control of `handle.voice_connectors`,
`handle.voice_analytics` and `handle.chime_accounts` has a control endpoint, listed in
docs/server.md, doing what the handle does; a refused control answers the modeled error."""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from chime_mock.controls import FamilyControls
from chime_mock.controls.chime_accounts import ChimeAccountControls
from chime_mock.controls.voice_analytics import VoiceAnalyticsControls
from chime_mock.controls.voice_connectors import VoiceConnectorControls
from chime_mock.server import ChimeMockServer
from tests.server.conftest import Answer, send
from tests.voice_analytics_helpers import analysed_connector, domain, speaker_search, tone_analysis
from tests.voice_helpers import CIDR, connector

SERVER_DOCS = Path(__file__).resolve().parents[2] / "docs" / "server.md"
FAMILIES: dict[str, type[FamilyControls]] = {
    "voice_connectors": VoiceConnectorControls,
    "voice_analytics": VoiceAnalyticsControls,
    "chime_accounts": ChimeAccountControls,
}


def post(server: ChimeMockServer, path: str, document: Any = None) -> Answer:
    body = b"" if document is None else json.dumps(document).encode()
    return send(server.url, "POST", "/_chime_mock" + path, body)


@pytest.mark.parametrize(
    ("family", "method"),
    [
        (family, name)
        for family, controls in FAMILIES.items()
        for name, _ in inspect.getmembers(controls, inspect.isfunction)
        if not name.startswith("_")
    ],
)
def test_every_family_control_is_listed_with_its_endpoint(family: str, method: str) -> None:
    listed = [line for line in SERVER_DOCS.read_text().splitlines() if "/_chime_mock/" in line]
    assert any(f"handle.{family}.{method}" in line for line in listed)


def test_termination_health_is_recorded_over_http(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    made = connector(remote_voice)["VoiceConnectorId"]
    remote_voice.put_voice_connector_termination(
        VoiceConnectorId=made, Termination={"CallingRegions": ["US"], "CidrAllowedList": [CIDR]}
    )
    answer = post(server, f"/voice-connectors/{made}/termination-health", {"Source": "10.24.34.0"})
    assert (answer.status, answer.json()) == (200, {})
    health = remote_voice.get_voice_connector_termination_health(VoiceConnectorId=made)
    assert health["TerminationHealth"]["Source"] == "10.24.34.0"


@pytest.mark.parametrize(
    ("document", "status", "code"),
    [
        ({"Source": "10.24.34.0"}, 404, "NotFoundException"),  # no such connector
        ({}, 400, "BadRequestException"),  # no Source
        ({"Source": 10}, 400, "BadRequestException"),
        ({"Source": "10.24.34.0", "Region": 5}, 400, "BadRequestException"),
    ],
)
def test_a_refused_health_ping_answers_the_modeled_error(
    server: ChimeMockServer, document: dict[str, Any], status: int, code: str
) -> None:
    answer = post(server, f"/voice-connectors/{'a' * 22}/termination-health", document)
    assert (answer.status, answer.error_type) == (status, code)
    assert "chime_mock" in answer.json()["Message"] or status == 404


def test_a_speaker_search_is_started_and_completed_over_http(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    connector_id = analysed_connector(remote_voice)
    domain_id = domain(remote_voice)["VoiceProfileDomainId"]
    task_id = speaker_search(remote_voice, connector_id, domain_id)["SpeakerSearchTaskId"]
    assert post(server, f"/voice-analytics/tasks/{task_id}/start").status == 200
    ids = {"VoiceConnectorId": connector_id, "SpeakerSearchTaskId": task_id}
    task = remote_voice.get_speaker_search_task(**ids)["SpeakerSearchTask"]
    assert task["SpeakerSearchTaskStatus"] == "IN_PROGRESS"
    done = post(
        server,
        f"/voice-analytics/speaker-search-tasks/{task_id}/complete",
        {"Results": [], "VoiceprintGenerated": True, "Partial": True},
    )
    assert done.status == 200
    task = remote_voice.get_speaker_search_task(**ids)["SpeakerSearchTask"]
    assert task["SpeakerSearchTaskStatus"] == "PARTIAL_SUCCESS"
    ended = post(server, f"/voice-analytics/tasks/{task_id}/fail")  # it has ended already
    assert ended.status in (400, 409) and ended.error_type in (
        "BadRequestException",
        "ConflictException",
    )


def test_a_tone_analysis_is_completed_or_failed_over_http(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    connector_id = analysed_connector(remote_voice)
    first = tone_analysis(remote_voice, connector_id, "call-1")["VoiceToneAnalysisTaskId"]
    second = tone_analysis(remote_voice, connector_id, "call-2")["VoiceToneAnalysisTaskId"]
    path = f"/voice-analytics/voice-tone-analysis-tasks/{first}/complete"
    assert post(server, path).status == 200
    assert (
        post(server, f"/voice-analytics/tasks/{second}/fail", {"StatusMessage": "silence"}).status
        == 200
    )

    def status(task_id: str) -> tuple[str, str | None]:
        task = remote_voice.get_voice_tone_analysis_task(
            VoiceConnectorId=connector_id, VoiceToneAnalysisTaskId=task_id, IsCaller=True
        )["VoiceToneAnalysisTask"]
        return task["VoiceToneAnalysisTaskStatus"], task.get("StatusMessage")

    assert status(first)[0] == "SUCCEEDED"
    assert status(second) == ("FAILED", "silence")


def test_an_unknown_task_is_not_found(server: ChimeMockServer) -> None:
    answer = post(server, "/voice-analytics/tasks/no-such-task/start")
    assert (answer.status, answer.error_type) == (404, "NotFoundException")
