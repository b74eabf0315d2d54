"""Speaker search and voice tone analysis tasks of a Voice Connector: Start, Get, Stop."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.analytics import voice_analytics, voice_analytics_tasks
from chime_mock.backend.analytics.voice_analytics_tasks import SPEAKER_SEARCH, VOICE_TONE_ANALYSIS
from chime_mock.operations import VOICE, Call, handles
from chime_mock.operations.analytics.views import (
    speaker_search_task_view,
    voice_tone_analysis_task_view,
)


def _start(call: Call, kind: str, params: dict[str, Any]) -> Any:
    task = voice_analytics_tasks.start(
        call.inventory, kind, params, call.backend.quotas, call.backend.next_seq(), call.now
    )
    voice_analytics.waits(call.inventory, call.backend.timed)  # it moves on by the clock
    return task


@handles("StartSpeakerSearchTask", services=VOICE)
def start_speaker_search_task(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    task = _start(call, SPEAKER_SEARCH, params)
    return {"SpeakerSearchTask": speaker_search_task_view(task)}


@handles("GetSpeakerSearchTask", services=VOICE)
def get_speaker_search_task(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    task = voice_analytics_tasks.task(
        call.inventory, SPEAKER_SEARCH, params["VoiceConnectorId"], params["SpeakerSearchTaskId"]
    )
    return {"SpeakerSearchTask": speaker_search_task_view(task)}


@handles("StopSpeakerSearchTask", services=VOICE)
def stop_speaker_search_task(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    voice_analytics_tasks.stop(
        call.inventory,
        SPEAKER_SEARCH,
        params["VoiceConnectorId"],
        params["SpeakerSearchTaskId"],
        call.now,
    )
    return {}


@handles("StartVoiceToneAnalysisTask", services=VOICE)
def start_voice_tone_analysis_task(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    task = _start(call, VOICE_TONE_ANALYSIS, params)
    return {"VoiceToneAnalysisTask": voice_tone_analysis_task_view(task)}


@handles("GetVoiceToneAnalysisTask", services=VOICE)
def get_voice_tone_analysis_task(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    task = voice_analytics_tasks.task(
        call.inventory,
        VOICE_TONE_ANALYSIS,
        params["VoiceConnectorId"],
        params["VoiceToneAnalysisTaskId"],
    )
    return {"VoiceToneAnalysisTask": voice_tone_analysis_task_view(task, params["IsCaller"])}


@handles("StopVoiceToneAnalysisTask", services=VOICE)
def stop_voice_tone_analysis_task(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    voice_analytics_tasks.stop(
        call.inventory,
        VOICE_TONE_ANALYSIS,
        params["VoiceConnectorId"],
        params["VoiceToneAnalysisTaskId"],
        call.now,
    )
    return {}
