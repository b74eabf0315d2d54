"""Voice Connectors are stateful like the numbers everywhere the fake is reached: state files,
the server (API, state endpoint, dashboard) and aiobotocore clients."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import boto3
import pytest

from chime_mock import mock_chime
from chime_mock.server import running_server
from tests.server.conftest import make_client, send
from tests.voice_helpers import connector, group, numbers


def _workflow(voice: Any) -> dict[str, str]:
    """Order, create a connector and a group, configure, associate, tag: the issue's workflow."""
    numbers(voice, "+12065550100", "+12065550101")
    made = connector(voice, Tags=[{"Key": "team", "Value": "voice"}])
    connector_id = made["VoiceConnectorId"]
    grouped = group(voice, connector_id)
    voice.put_voice_connector_termination(
        VoiceConnectorId=connector_id,
        Termination={"CallingRegions": ["US"], "CidrAllowedList": ["203.0.113.0/27"]},
    )
    voice.put_voice_connector_termination_credentials(
        VoiceConnectorId=connector_id, Credentials=[{"Username": "alice", "Password": "s3cret"}]
    )
    voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=connector_id, E164PhoneNumbers=["+12065550100"]
    )
    return {
        "connector": connector_id,
        "arn": made["VoiceConnectorArn"],
        "group": grouped["VoiceConnectorGroupId"],
    }


def _assert_restored(voice: Any, made: dict[str, str]) -> None:
    assert voice.get_voice_connector(VoiceConnectorId=made["connector"])["VoiceConnector"]
    assert voice.get_voice_connector_group(VoiceConnectorGroupId=made["group"])
    tags = voice.list_tags_for_resource(ResourceARN=made["arn"])["Tags"]
    assert tags == [{"Key": "team", "Value": "voice"}]
    termination = voice.get_voice_connector_termination(VoiceConnectorId=made["connector"])
    assert termination["Termination"]["CallingRegions"] == ["US"]
    usernames = voice.list_voice_connector_termination_credentials(
        VoiceConnectorId=made["connector"]
    )["Usernames"]
    assert usernames == ["alice"]
    listed = voice.list_phone_numbers(FilterName="VoiceConnectorId", FilterValue=made["connector"])
    assert [n["E164PhoneNumber"] for n in listed["PhoneNumbers"]] == ["+12065550100"]
    # The association still holds the connector: it cannot be deleted.
    with pytest.raises(voice.exceptions.ConflictException):
        voice.delete_voice_connector(VoiceConnectorId=made["connector"])


def test_everything_round_trips_through_a_state_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with mock_chime() as handle:
        made = _workflow(boto3.client("chime-sdk-voice", region_name="us-east-1"))
        handle.save_state(path)
    with mock_chime(state=path):
        _assert_restored(boto3.client("chime-sdk-voice", region_name="us-east-1"), made)


def test_the_server_answers_the_workflow_and_shows_it_in_state_and_dashboard() -> None:
    with running_server() as server:
        voice = make_client(server.url, "chime-sdk-voice")
        made = _workflow(voice)
        _assert_restored(voice, made)
        [inventory] = send(server.url, "GET", "/_chime_mock/state").json()["Inventories"]
        assert [c["VoiceConnectorId"] for c in inventory["VoiceConnectors"]] == [made["connector"]]
        assert [g["VoiceConnectorGroupId"] for g in inventory["VoiceConnectorGroups"]] == [
            made["group"]
        ]
        page = send(server.url, "GET", "/_chime_mock/").body.decode()
    assert made["connector"] in page and made["group"] in page
    assert "s3cret" not in page  # passwords are never shown


def test_an_aiobotocore_client_meets_the_same_connectors() -> None:
    session_module = pytest.importorskip("aiobotocore.session")

    async def flow() -> tuple[str, list[str]]:
        session = session_module.get_session()
        async with session.create_client("chime-sdk-voice", region_name="us-east-1") as voice:
            made = await voice.create_voice_connector(Name="trunk", RequireEncryption=False)
            listed = await voice.list_voice_connectors()
        return made["VoiceConnector"]["VoiceConnectorId"], [
            c["VoiceConnectorId"] for c in listed["VoiceConnectors"]
        ]

    with mock_chime():
        made, listed = asyncio.run(flow())
        assert listed == [made]
        seen = boto3.client("chime-sdk-voice", region_name="us-east-1").list_voice_connectors()
    assert [c["VoiceConnectorId"] for c in seen["VoiceConnectors"]] == [made]
