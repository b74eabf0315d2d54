"""Every declared configuration triple (backend/configurations.py) served from the model: a Put
stores its input (the member named like the Get's answer, or else every member but the
parent's ID), a Get answers it under that member, a Delete removes it. Also the termination
credentials and health of a Voice Connector, which are not plain documents."""

from __future__ import annotations

from typing import Any

from chime_mock.backend import configurations
from chime_mock.backend.configurations import Configuration
from chime_mock.backend.sip import sip_media_applications
from chime_mock.backend.voice_connectors import configurations as voice_connector_configurations
from chime_mock.operations import VOICE, Call, Handler, handles


def _document(configuration: Configuration, call: Call, params: dict[str, Any]) -> dict[str, Any]:
    if configuration.name in call.operation.input_shape.members:
        # Optional in some models (PutSipMediaApplicationLoggingConfiguration's document).
        return dict(params.get(configuration.name) or {})
    return {
        configuration.renames.get(member, member): value
        for member, value in params.items()
        if member != configuration.parent.id_member
    }


def _put(configuration: Configuration) -> Handler:
    def put(call: Call, params: dict[str, Any]) -> dict[str, Any]:
        document = configurations.put(
            configuration,
            call.inventory,
            params[configuration.parent.id_member],
            _document(configuration, call, params),
            call.backend.quotas,
        )
        return {configuration.name: document}

    return put


def _get(configuration: Configuration) -> Handler:
    def get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
        parent_id = params[configuration.parent.id_member]
        return {configuration.name: configurations.get(configuration, call.inventory, parent_id)}

    return get


def _delete(configuration: Configuration) -> Handler:
    def delete(call: Call, params: dict[str, Any]) -> dict[str, Any]:
        parent_id = params[configuration.parent.id_member]
        configurations.delete(configuration, call.inventory, parent_id)
        return {}

    return delete


def serve(configuration: Configuration, services: tuple[str, ...]) -> None:
    """Register the handlers of one declared configuration triple."""
    handles(configuration.put, services=services)(_put(configuration))
    handles(configuration.get, services=services)(_get(configuration))
    if configuration.delete is not None:
        handles(configuration.delete, services=services)(_delete(configuration))


for _configuration in voice_connector_configurations.CONFIGURATIONS:
    serve(_configuration, VOICE)
serve(sip_media_applications.LOGGING_CONFIGURATION, VOICE)


@handles("PutVoiceConnectorTerminationCredentials", services=VOICE)
def put_termination_credentials(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    voice_connector_configurations.put_credentials(
        call.inventory,
        params["VoiceConnectorId"],
        params.get("Credentials") or [],
        call.backend.quotas,
    )
    return {}


@handles("ListVoiceConnectorTerminationCredentials", services=VOICE)
def list_termination_credentials(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    names = voice_connector_configurations.usernames(call.inventory, params["VoiceConnectorId"])
    return {"Usernames": names}


@handles("DeleteVoiceConnectorTerminationCredentials", services=VOICE)
def delete_termination_credentials(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    voice_connector_configurations.delete_credentials(
        call.inventory, params["VoiceConnectorId"], params["Usernames"]
    )
    return {}


@handles("GetVoiceConnectorTerminationHealth", services=VOICE)
def get_termination_health(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    health = voice_connector_configurations.health(call.inventory, params["VoiceConnectorId"])
    return {"TerminationHealth": health}
