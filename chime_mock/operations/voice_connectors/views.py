"""Voice Connectors, groups and global settings as output dicts (see operations/views.py)."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.voice_connectors.configurations import CREDENTIALS
from chime_mock.backend.voice_connectors.connectors import VoiceConnector, VoiceConnectorGroup
from chime_mock.backend.voice_connectors.global_settings import GlobalSettings
from chime_mock.operations.views import CONFIGURATION_VIEWS, registered

# The server's snapshot shows who may place calls, as ListVoiceConnectorTerminationCredentials
# does: user names, never passwords.
CONFIGURATION_VIEWS[CREDENTIALS] = lambda passwords: {"Usernames": sorted(passwords)}


@registered("VoiceConnector")
def voice_connector_view(connector: VoiceConnector) -> dict[str, Any]:
    return {
        "VoiceConnectorId": connector.voice_connector_id,
        "AwsRegion": connector.aws_region,
        "Name": connector.name,
        "OutboundHostName": connector.outbound_host_name,
        "RequireEncryption": connector.require_encryption,
        "CreatedTimestamp": connector.created,
        "UpdatedTimestamp": connector.updated,
        "VoiceConnectorArn": connector.arn,
        "IntegrationType": connector.integration_type,
        "NetworkType": connector.network_type,
    }


@registered("VoiceConnectorGroup")
def voice_connector_group_view(group: VoiceConnectorGroup) -> dict[str, Any]:
    return {
        "VoiceConnectorGroupId": group.group_id,
        "Name": group.name,
        "VoiceConnectorItems": [
            {"VoiceConnectorId": item.voice_connector_id, "Priority": item.priority}
            for item in group.items
        ],
        "CreatedTimestamp": group.created,
        "UpdatedTimestamp": group.updated,
        "VoiceConnectorGroupArn": group.arn,
    }


@registered("GlobalSettings")
def global_settings_view(settings: GlobalSettings) -> dict[str, Any]:
    return {
        "VoiceConnector": dict(settings.voice_connector),
        "BusinessCalling": dict(settings.business_calling) or None,  # legacy Chime's only
    }
