"""`handle.voice_connectors`: what tests of Voice Connectors need and the API cannot do."""

from __future__ import annotations

from chime_mock import clock
from chime_mock.controls import FamilyControls
from chime_mock.defaults import DEFAULT_ACCOUNT, DEFAULT_REGION


class VoiceConnectorControls(FamilyControls):
    def record_termination_health(
        self,
        voice_connector_id: str,
        source: str,
        *,
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
    ) -> None:
        """Record a SIP OPTIONS ping from `source` (an IP address) now, as the customer's SIP
        infrastructure sends them: GetVoiceConnectorTerminationHealth answers it.

        Raises:
            ValueError: no such Voice Connector in that account and region.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                connector_id = voice.create_voice_connector(
                    Name="trunk", RequireEncryption=True
                )["VoiceConnector"]["VoiceConnectorId"]
                voice.put_voice_connector_termination(
                    VoiceConnectorId=connector_id,
                    Termination={"CallingRegions": ["US"], "CidrAllowedList": ["203.0.113.0/27"]},
                )
                handle.voice_connectors.record_termination_health(connector_id, "203.0.113.5")
                health = voice.get_voice_connector_termination_health(
                    VoiceConnectorId=connector_id
                )["TerminationHealth"]
                assert health["Source"] == "203.0.113.5"
            ```
        """
        from chime_mock.backend.voice_connectors import (
            configurations as voice_connector_configurations,
        )

        self._run(
            lambda inventory: voice_connector_configurations.record_health(
                inventory, voice_connector_id, source, clock.now()
            ),
            account,
            region,
        )
