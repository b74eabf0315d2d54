"""Voice profile domains, voice profiles and analytics tasks as output dicts (see
operations/views.py)."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.analytics.voice_analytics import (
    AnalyticsTask,
    SpeakerSearchTask,
    VoiceProfile,
    VoiceProfileDomain,
    VoiceToneAnalysisTask,
)
from chime_mock.operations.views import registered


@registered("VoiceProfileDomain")
def voice_profile_domain_view(domain: VoiceProfileDomain) -> dict[str, Any]:
    # ListVoiceProfileDomains' summaries have no ServerSideEncryptionConfiguration: the
    # serializer leaves it out by their shape.
    return {
        "VoiceProfileDomainId": domain.voice_profile_domain_id,
        "VoiceProfileDomainArn": domain.arn,
        "Name": domain.name,
        "Description": domain.description,
        "ServerSideEncryptionConfiguration": {"KmsKeyArn": domain.kms_key_arn},
        "CreatedTimestamp": domain.created,
        "UpdatedTimestamp": domain.updated,
    }


@registered("VoiceProfile")
def voice_profile_view(profile: VoiceProfile) -> dict[str, Any]:
    return {
        "VoiceProfileId": profile.voice_profile_id,
        "VoiceProfileArn": profile.arn,
        "VoiceProfileDomainId": profile.voice_profile_domain_id,
        "CreatedTimestamp": profile.created,
        "UpdatedTimestamp": profile.updated,
        "ExpirationTimestamp": profile.expires,
    }


def _task_view(task: AnalyticsTask, is_caller: bool | None) -> dict[str, Any]:
    return {
        "CallDetails": {
            "VoiceConnectorId": task.voice_connector_id,
            "TransactionId": task.transaction_id,
            "IsCaller": is_caller,
        },
        "CreatedTimestamp": task.created,
        "UpdatedTimestamp": task.updated,
        "StartedTimestamp": task.started,
        "StatusMessage": task.status_message,
    }


@registered("SpeakerSearchTask")
def speaker_search_task_view(task: SpeakerSearchTask) -> dict[str, Any]:
    details = None
    if task.results or task.voiceprint_generation_status:
        details = {
            "Results": [
                {"ConfidenceScore": r.confidence_score, "VoiceProfileId": r.voice_profile_id}
                for r in task.results
            ],
            "VoiceprintGenerationStatus": task.voiceprint_generation_status,
        }
    return {
        "SpeakerSearchTaskId": task.task_id,
        "SpeakerSearchTaskStatus": task.status,
        "SpeakerSearchDetails": details,
        **_task_view(task, task.is_caller),
    }


@registered("VoiceToneAnalysisTask")
def voice_tone_analysis_task_view(
    task: VoiceToneAnalysisTask, is_caller: bool | None = None
) -> dict[str, Any]:
    """`is_caller`: GetVoiceToneAnalysisTask's isCaller, echoed."""
    return {
        "VoiceToneAnalysisTaskId": task.task_id,
        "VoiceToneAnalysisTaskStatus": task.status,
        **_task_view(task, is_caller),
    }
