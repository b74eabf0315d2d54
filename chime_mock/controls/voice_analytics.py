"""`handle.voice_analytics`: decide how a speaker search or voice tone analysis task ends, as
the call's audio would (the fake has no audio to analyse)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from chime_mock import clock
from chime_mock.controls import FamilyControls
from chime_mock.defaults import DEFAULT_ACCOUNT, DEFAULT_REGION


class VoiceAnalyticsControls(FamilyControls):
    """Each method raises ValueError when the task is unknown in that account and region, or has
    ended already (left alone, a task succeeds 21 seconds after it was started)."""

    def start_task(
        self, task_id: str, *, account: str = DEFAULT_ACCOUNT, region: str = DEFAULT_REGION
    ) -> None:
        """Move a task IN_PROGRESS now and hold it there until the test ends it (Stop, or one of
        the methods below): the clock no longer ends it."""
        from chime_mock.backend.analytics import voice_analytics_tasks

        self._run(
            lambda inventory: voice_analytics_tasks.take_over(inventory, task_id, clock.now()),
            account,
            region,
        )

    def complete_speaker_search(
        self,
        task_id: str,
        results: Iterable[Mapping[str, Any]] = (),
        *,
        voiceprint_generated: bool = True,
        partial: bool = False,
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
    ) -> None:
        """End a speaker search now: SUCCEEDED (PARTIAL_SUCCESS with `partial=True`) with
        `results`, the matching voice profiles of the task's domain in the model's words
        (`{"VoiceProfileId": ..., "ConfidenceScore": 0.93}`), and a voiceprint CreateVoiceProfile
        can enrol unless `voiceprint_generated=False`.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

            with mock_chime() as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                domain_id = voice.create_voice_profile_domain(
                    Name="callers", ServerSideEncryptionConfiguration={"KmsKeyArn": KEY}
                )["VoiceProfileDomain"]["VoiceProfileDomainId"]
                connector_id = voice.create_voice_connector(Name="trunk", RequireEncryption=True)[
                    "VoiceConnector"
                ]["VoiceConnectorId"]
                voice.put_voice_connector_streaming_configuration(
                    VoiceConnectorId=connector_id,
                    StreamingConfiguration={
                        "DataRetentionInHours": 1,
                        "Disabled": False,
                        "MediaInsightsConfiguration": {
                            "Disabled": False,
                            "ConfigurationArn": "arn:aws:chime:us-east-1:123456789012:"
                            "media-insights-pipeline-configuration/voice-analytics",
                        },
                    },
                )
                task_id = voice.start_speaker_search_task(
                    VoiceConnectorId=connector_id,
                    TransactionId="call-1",
                    VoiceProfileDomainId=domain_id,
                )["SpeakerSearchTask"]["SpeakerSearchTaskId"]
                handle.voice_analytics.complete_speaker_search(task_id)  # a new caller: no match
                task = voice.get_speaker_search_task(
                    VoiceConnectorId=connector_id, SpeakerSearchTaskId=task_id
                )["SpeakerSearchTask"]
                assert task["SpeakerSearchTaskStatus"] == "SUCCEEDED"
                assert task["SpeakerSearchDetails"]["Results"] == []
            ```
        """
        from chime_mock.backend.analytics import voice_analytics_tasks

        chosen = list(results)
        self._run(
            lambda inventory: voice_analytics_tasks.complete_speaker_search(
                inventory, task_id, chosen, voiceprint_generated, partial, clock.now()
            ),
            account,
            region,
        )

    def complete_voice_tone_analysis(
        self,
        task_id: str,
        *,
        partial: bool = False,
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
    ) -> None:
        """End a voice tone analysis now: SUCCEEDED (PARTIAL_SUCCESS with `partial=True`)."""
        from chime_mock.backend.analytics import voice_analytics_tasks

        self._run(
            lambda inventory: voice_analytics_tasks.complete_voice_tone_analysis(
                inventory, task_id, partial, clock.now()
            ),
            account,
            region,
        )

    def fail_task(
        self,
        task_id: str,
        status_message: str = "The caller did not talk for at least 10 seconds",
        *,
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
    ) -> None:
        """End a task of either kind now, FAILED with `status_message` (its StatusMessage)."""
        from chime_mock.backend.analytics import voice_analytics_tasks

        self._run(
            lambda inventory: voice_analytics_tasks.fail(
                inventory, task_id, status_message, clock.now()
            ),
            account,
            region,
        )
