"""SIP media applications, rules, calls and proxy sessions are stateful everywhere the fake is
reached: state files, the server (API, state endpoint, dashboard) and aiobotocore clients."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from chime_mock.server import running_server
from tests.server.conftest import make_client, send
from tests.sip_helpers import application, dial_in, number_rule
from tests.voice_helpers import connector, numbers

NOON = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)


def _workflow(voice: Any) -> dict[str, str]:
    """Order a dial-in number, create an application and its rule, place and update a call, open
    a proxy session: the issue's workflow."""
    dial_in(voice, "+12065550100")
    made = application(voice, Tags=[{"Key": "team", "Value": "ivr"}])
    application_id = made["SipMediaApplicationId"]
    rule = number_rule(voice, "+12065550100", made)
    transaction_id = voice.create_sip_media_application_call(
        SipMediaApplicationId=application_id,
        FromPhoneNumber="+12065550100",
        ToPhoneNumber="+12065550199",
        ArgumentsMap={"greeting": "hello"},
    )["SipMediaApplicationCall"]["TransactionId"]
    voice.update_sip_media_application_call(
        SipMediaApplicationId=application_id, TransactionId=transaction_id, Arguments={"a": "b"}
    )
    connector_id = connector(voice)["VoiceConnectorId"]
    numbers(voice, "+12065550101")
    voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=connector_id, E164PhoneNumbers=["+12065550101"]
    )
    voice.put_voice_connector_proxy(
        VoiceConnectorId=connector_id,
        DefaultSessionExpiryMinutes=30,
        PhoneNumberPoolCountries=["US"],
    )
    session = voice.create_proxy_session(
        VoiceConnectorId=connector_id,
        ParticipantPhoneNumbers=["+12065550111", "+12065550112"],
        Capabilities=["Voice"],
    )["ProxySession"]
    return {
        "application": application_id,
        "arn": made["SipMediaApplicationArn"],
        "rule": rule["SipRuleId"],
        "transaction": transaction_id,
        "connector": connector_id,
        "session": session["ProxySessionId"],
    }


def _assert_restored(voice: Any, made: dict[str, str]) -> None:
    got = voice.get_sip_media_application(SipMediaApplicationId=made["application"])
    assert got["SipMediaApplication"]["SipMediaApplicationArn"] == made["arn"]
    assert voice.list_tags_for_resource(ResourceARN=made["arn"])["Tags"] == [
        {"Key": "team", "Value": "ivr"}
    ]
    assert voice.get_sip_rule(SipRuleId=made["rule"])["SipRule"]["TriggerValue"] == "+12065550100"
    listed = voice.list_phone_numbers(FilterName="SipRuleId", FilterValue=made["rule"])
    assert [n["E164PhoneNumber"] for n in listed["PhoneNumbers"]] == ["+12065550100"]
    # The call is still active: it can be updated.
    voice.update_sip_media_application_call(
        SipMediaApplicationId=made["application"], TransactionId=made["transaction"], Arguments={}
    )
    session = voice.get_proxy_session(
        VoiceConnectorId=made["connector"], ProxySessionId=made["session"]
    )["ProxySession"]
    assert session["Status"] == "Open"


def test_everything_round_trips_through_a_state_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with mock_chime() as handle:
        made = _workflow(boto3.client("chime-sdk-voice", region_name="us-east-1"))
        handle.save_state(path)
    with mock_chime(state=path) as restored:
        _assert_restored(boto3.client("chime-sdk-voice", region_name="us-east-1"), made)
        [call] = restored.sip_media_applications.calls()
    assert call.transaction_id == made["transaction"]
    assert [update.arguments for update in call.updates] == [{"a": "b"}, {}]


def test_a_session_loaded_from_a_state_file_still_expires(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    with freeze_time(NOON) as frozen:
        with mock_chime() as handle:
            made = _workflow(boto3.client("chime-sdk-voice", region_name="us-east-1"))
            handle.save_state(path)
        frozen.tick(dt.timedelta(minutes=31))
        with mock_chime(state=path):
            voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
            session = voice.get_proxy_session(
                VoiceConnectorId=made["connector"], ProxySessionId=made["session"]
            )["ProxySession"]
    assert session["Status"] == "Closed"
    assert session["EndedTimestamp"] == NOON + dt.timedelta(minutes=30)


def test_the_server_answers_the_workflow_and_shows_it_in_state_and_dashboard() -> None:
    with running_server() as server:
        voice = make_client(server.url, "chime-sdk-voice")
        made = _workflow(voice)
        _assert_restored(voice, made)
        [inventory] = send(server.url, "GET", "/_chime_mock/state").json()["Inventories"]
        assert [a["SipMediaApplicationId"] for a in inventory["SipMediaApplications"]] == [
            made["application"]
        ]
        assert [r["SipRuleId"] for r in inventory["SipRules"]] == [made["rule"]]
        [call] = inventory["SipMediaApplicationCalls"]
        assert (call["TransactionId"], call["ArgumentsMap"]) == (
            made["transaction"],
            {"greeting": "hello"},
        )
        assert [s["ProxySessionId"] for s in inventory["ProxySessions"]] == [made["session"]]
        page = send(server.url, "GET", "/_chime_mock/").body.decode()
    for shown in ("application", "rule", "transaction", "session"):
        assert made[shown] in page


def test_an_aiobotocore_client_meets_the_same_applications(handle: ChimeMock) -> None:
    session_module = pytest.importorskip("aiobotocore.session")

    async def flow() -> tuple[str, list[str]]:
        session = session_module.get_session()
        async with session.create_client("chime-sdk-voice", region_name="us-east-1") as voice:
            made = await voice.create_sip_media_application(
                AwsRegion="us-east-1",
                Name="ivr",
                Endpoints=[{"LambdaArn": "arn:aws:lambda:us-east-1:123456789012:function:ivr"}],
            )
            listed = await voice.list_sip_media_applications()
        return made["SipMediaApplication"]["SipMediaApplicationId"], [
            a["SipMediaApplicationId"] for a in listed["SipMediaApplications"]
        ]

    made, listed = asyncio.run(flow())
    assert listed == [made]
    seen = boto3.client("chime-sdk-voice", region_name="us-east-1").list_sip_media_applications()
    assert [a["SipMediaApplicationId"] for a in seen["SipMediaApplications"]] == [made]
