"""Voice Connectors and Voice Connector groups: Create, Get, List, Update, Delete;
ListAvailableVoiceConnectorRegions."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.voice_connectors import connectors
from chime_mock.operations import VOICE, Call, handles
from chime_mock.operations.voice_connectors.views import (
    voice_connector_group_view,
    voice_connector_view,
)


@handles("CreateVoiceConnector", services=VOICE)
def create_voice_connector(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    connector = connectors.create_connector(
        call.inventory, params, call.backend.quotas, call.backend.next_seq(), call.now
    )
    return {"VoiceConnector": voice_connector_view(connector)}


@handles("GetVoiceConnector", services=VOICE)
def get_voice_connector(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    connector = connectors.connector(call.inventory, params["VoiceConnectorId"])
    return {"VoiceConnector": voice_connector_view(connector)}


@handles("ListVoiceConnectors", services=VOICE)
def list_voice_connectors(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    page, token = call.page(connectors.of(call.inventory).connectors, params)
    return {"VoiceConnectors": [voice_connector_view(c) for c in page], "NextToken": token}


@handles("UpdateVoiceConnector", services=VOICE)
def update_voice_connector(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    connector = connectors.update_connector(
        call.inventory,
        params["VoiceConnectorId"],
        params["Name"],
        params["RequireEncryption"],
        call.now,
    )
    return {"VoiceConnector": voice_connector_view(connector)}


@handles("DeleteVoiceConnector", services=VOICE)
def delete_voice_connector(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    connectors.delete_connector(call.inventory, params["VoiceConnectorId"])
    return {}


@handles("ListAvailableVoiceConnectorRegions", services=VOICE)
def list_available_voice_connector_regions(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    # The model's enum of Voice Connector Regions is the published list (AWS's list of Voice
    # Connector Regions).
    shape = call.operation.output_shape.members["VoiceConnectorRegions"].member
    return {"VoiceConnectorRegions": list(shape.enum)}


@handles("CreateVoiceConnectorGroup", services=VOICE)
def create_voice_connector_group(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    group = connectors.create_group(
        call.inventory, params, call.backend.quotas, call.backend.next_seq(), call.now
    )
    return {"VoiceConnectorGroup": voice_connector_group_view(group)}


@handles("GetVoiceConnectorGroup", services=VOICE)
def get_voice_connector_group(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    group = connectors.group(call.inventory, params["VoiceConnectorGroupId"])
    return {"VoiceConnectorGroup": voice_connector_group_view(group)}


@handles("ListVoiceConnectorGroups", services=VOICE)
def list_voice_connector_groups(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    page, token = call.page(connectors.of(call.inventory).groups, params)
    return {
        "VoiceConnectorGroups": [voice_connector_group_view(g) for g in page],
        "NextToken": token,
    }


@handles("UpdateVoiceConnectorGroup", services=VOICE)
def update_voice_connector_group(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    group = connectors.update_group(
        call.inventory, params["VoiceConnectorGroupId"], params, call.backend.quotas, call.now
    )
    return {"VoiceConnectorGroup": voice_connector_group_view(group)}


@handles("DeleteVoiceConnectorGroup", services=VOICE)
def delete_voice_connector_group(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    connectors.delete_group(call.inventory, params["VoiceConnectorGroupId"])
    return {}
