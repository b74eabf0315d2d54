"""Helpers for the voice analytics tests: a domain, a connector that streams to a
media insights pipeline, tasks."""

from __future__ import annotations

from typing import Any

from tests.voice_helpers import connector

KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
INSIGHTS = (
    "arn:aws:chime:us-east-1:123456789012:media-insights-pipeline-configuration/voice-analytics"
)


def domain(voice: Any, name: str = "callers", **extra: Any) -> dict[str, Any]:
    created = voice.create_voice_profile_domain(
        Name=name, ServerSideEncryptionConfiguration={"KmsKeyArn": KMS_KEY}, **extra
    )
    return created["VoiceProfileDomain"]  # type: ignore[no-any-return]


def streaming(voice: Any, connector_id: str, **insights: Any) -> None:
    """Stream the connector's calls to a media insights pipeline (what tasks need)."""
    voice.put_voice_connector_streaming_configuration(
        VoiceConnectorId=connector_id,
        StreamingConfiguration={
            "DataRetentionInHours": 1,
            "Disabled": False,
            "MediaInsightsConfiguration": {
                "Disabled": False,
                "ConfigurationArn": INSIGHTS,
                **insights,
            },
        },
    )


def analysed_connector(voice: Any, name: str = "trunk") -> str:
    """A connector whose calls voice analytics can analyse."""
    connector_id: str = connector(voice, name)["VoiceConnectorId"]
    streaming(voice, connector_id)
    return connector_id


def speaker_search(
    voice: Any, connector_id: str, domain_id: str, transaction: str = "call-1", **extra: Any
) -> dict[str, Any]:
    started = voice.start_speaker_search_task(
        VoiceConnectorId=connector_id,
        TransactionId=transaction,
        VoiceProfileDomainId=domain_id,
        **extra,
    )
    return started["SpeakerSearchTask"]  # type: ignore[no-any-return]


def tone_analysis(
    voice: Any, connector_id: str, transaction: str = "call-1", **extra: Any
) -> dict[str, Any]:
    started = voice.start_voice_tone_analysis_task(
        VoiceConnectorId=connector_id, TransactionId=transaction, LanguageCode="en-US", **extra
    )
    return started["VoiceToneAnalysisTask"]  # type: ignore[no-any-return]


def get_speaker_search(voice: Any, connector_id: str, task_id: str) -> dict[str, Any]:
    found = voice.get_speaker_search_task(
        VoiceConnectorId=connector_id, SpeakerSearchTaskId=task_id
    )
    return found["SpeakerSearchTask"]  # type: ignore[no-any-return]


def get_tone_analysis(
    voice: Any, connector_id: str, task_id: str, is_caller: bool = True
) -> dict[str, Any]:
    found = voice.get_voice_tone_analysis_task(
        VoiceConnectorId=connector_id, VoiceToneAnalysisTaskId=task_id, IsCaller=is_caller
    )
    return found["VoiceToneAnalysisTask"]  # type: ignore[no-any-return]


def enrolled(voice: Any, handle: Any, connector_id: str, domain_id: str, call: str) -> str:
    """A voice profile enrolled from a speaker search of `call`; its ID."""
    task_id = speaker_search(voice, connector_id, domain_id, call)["SpeakerSearchTaskId"]
    handle.voice_analytics.complete_speaker_search(task_id)
    made = voice.create_voice_profile(SpeakerSearchTaskId=task_id)
    return made["VoiceProfile"]["VoiceProfileId"]  # type: ignore[no-any-return]
