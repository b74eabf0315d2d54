"""Proxy sessions of a Voice Connector through real boto3 clients: Open until they expire on the
mock's clock, then Closed."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import boto3
import pytest
import time_machine
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from chime_mock.backend.sip import proxy_sessions
from tests.inventory_helpers import error_of
from tests.sip_helpers import proxied
from tests.voice_helpers import connector, numbers

NOON = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
UUID = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
PARTICIPANTS = ["+12065550111", "+12065550112"]


def _session(voice: Any, connector_id: str, **extra: Any) -> dict[str, Any]:
    created = voice.create_proxy_session(
        VoiceConnectorId=connector_id,
        ParticipantPhoneNumbers=extra.pop("ParticipantPhoneNumbers", PARTICIPANTS),
        Capabilities=extra.pop("Capabilities", ["Voice", "SMS"]),
        **extra,
    )
    return created["ProxySession"]  # type: ignore[no-any-return]


def _refused(voice: Any, connector_id: str, **extra: Any) -> tuple[str, str]:
    """The error code and message of a CreateProxySession that must fail."""
    return error_of(
        voice.create_proxy_session,
        VoiceConnectorId=connector_id,
        ParticipantPhoneNumbers=extra.pop("ParticipantPhoneNumbers", PARTICIPANTS),
        Capabilities=extra.pop("Capabilities", ["Voice"]),
        **extra,
    )


def _status(voice: Any, session: dict[str, Any]) -> dict[str, Any]:
    return voice.get_proxy_session(  # type: ignore[no-any-return]
        VoiceConnectorId=session["VoiceConnectorId"], ProxySessionId=session["ProxySessionId"]
    )["ProxySession"]


def test_a_session_is_open_with_one_proxy_number_for_both_participants(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100")
    created = voice.create_proxy_session(
        VoiceConnectorId=connector_id,
        ParticipantPhoneNumbers=PARTICIPANTS,
        Capabilities=["Voice"],
        Name="ride 42",
    )
    session = created["ProxySession"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, session["ProxySessionId"])
    assert (session["Status"], session["ExpiryMinutes"]) == ("Open", 60)  # the default
    assert session["Participants"] == [
        {"PhoneNumber": "+12065550111", "ProxyPhoneNumber": "+12065550100"},
        {"PhoneNumber": "+12065550112", "ProxyPhoneNumber": "+12065550100"},
    ]
    assert (session["Name"], session["Capabilities"]) == ("ride 42", ["Voice"])
    assert "EndedTimestamp" not in session
    assert _status(voice, session) == session


def test_a_connector_without_a_proxy_configuration_has_no_sessions(voice: Any) -> None:
    connector_id = connector(voice)["VoiceConnectorId"]
    code, message = _refused(voice, connector_id)
    assert code == "BadRequestException"
    assert "PutVoiceConnectorProxy" in message


def test_a_disabled_proxy_opens_no_session(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100")
    voice.put_voice_connector_proxy(
        VoiceConnectorId=connector_id,
        DefaultSessionExpiryMinutes=60,
        PhoneNumberPoolCountries=["US"],
        Disabled=True,
    )
    code, message = _refused(voice, connector_id)
    assert code == "BadRequestException"
    assert "disabled" in message


def test_the_proxy_number_must_be_associated_with_the_connector(voice: Any) -> None:
    connector_id = proxied(voice)
    numbers(voice, "+12065550100")  # in the inventory, not associated
    code, message = _refused(voice, connector_id)
    assert code == "BadRequestException"
    assert "associate" in message


def test_the_proxy_number_must_be_in_a_pool_country(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100", countries=("CA",))
    code, message = _refused(voice, connector_id)
    assert code == "BadRequestException"
    assert "CA" in message


def test_a_session_takes_two_different_participants(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100")
    code, _ = _refused(
        voice, connector_id, ParticipantPhoneNumbers=["+12065550111", "+12065550111"]
    )
    assert code == "BadRequestException"


def test_a_session_needs_a_capability(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100")
    code, _ = _refused(voice, connector_id, Capabilities=[])
    assert code == "BadRequestException"


def test_the_area_code_preference_picks_a_matching_proxy_number(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100", "+13125550100")
    session = _session(
        voice,
        connector_id,
        GeoMatchLevel="AreaCode",
        GeoMatchParams={"Country": "US", "AreaCode": "312"},
    )
    assert {p["ProxyPhoneNumber"] for p in session["Participants"]} == {"+13125550100"}
    assert session["GeoMatchParams"] == {"Country": "US", "AreaCode": "312"}


def test_expiry_minutes_given_replace_the_default(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100")
    assert _session(voice, connector_id, ExpiryMinutes=5)["ExpiryMinutes"] == 5


def test_the_default_expiry_must_be_at_least_a_minute(voice: Any) -> None:
    connector_id = connector(voice)["VoiceConnectorId"]
    code, _ = error_of(
        voice.put_voice_connector_proxy,
        VoiceConnectorId=connector_id,
        DefaultSessionExpiryMinutes=0,
        PhoneNumberPoolCountries=["US"],
    )
    assert code == "BadRequestException"


def test_a_session_closes_when_it_expires_under_freezegun() -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        session = _session(voice, proxied(voice, "+12065550100"), ExpiryMinutes=30)
        frozen.tick(dt.timedelta(minutes=29))
        assert _status(voice, session)["Status"] == "Open"
        frozen.tick(dt.timedelta(minutes=2))
        closed = _status(voice, session)
    assert closed["Status"] == "Closed"
    assert closed["EndedTimestamp"] == NOON + dt.timedelta(minutes=30)


def test_a_session_closes_when_it_expires_under_time_machine() -> None:
    with time_machine.travel(NOON, tick=False) as traveller, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        session = _session(voice, proxied(voice, "+12065550100"))
        traveller.shift(dt.timedelta(minutes=60))
        closed = _status(voice, session)
    assert closed["Status"] == "Closed"
    assert closed["EndedTimestamp"] == NOON + dt.timedelta(minutes=60)


def test_listing_filters_by_status() -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        connector_id = proxied(voice, "+12065550100")
        short = _session(voice, connector_id, ExpiryMinutes=1)
        long = _session(voice, connector_id, ExpiryMinutes=90)
        frozen.tick(dt.timedelta(minutes=5))
        listed = voice.list_proxy_sessions
        closed = listed(VoiceConnectorId=connector_id, Status="Closed")["ProxySessions"]
        open_ = listed(VoiceConnectorId=connector_id, Status="Open")["ProxySessions"]
        every = listed(VoiceConnectorId=connector_id)["ProxySessions"]
    assert [s["ProxySessionId"] for s in closed] == [short["ProxySessionId"]]
    assert [s["ProxySessionId"] for s in open_] == [long["ProxySessionId"]]
    assert len(every) == 2


def test_listing_pages(voice: Any) -> None:
    connector_id = proxied(voice, "+12065550100")
    made = [_session(voice, connector_id)["ProxySessionId"] for _ in range(3)]
    first = voice.list_proxy_sessions(VoiceConnectorId=connector_id, MaxResults=2)
    second = voice.list_proxy_sessions(
        VoiceConnectorId=connector_id, MaxResults=2, NextToken=first["NextToken"]
    )
    paged = [s["ProxySessionId"] for page in (first, second) for s in page["ProxySessions"]]
    assert paged == made
    assert "NextToken" not in second


def test_update_changes_capabilities_and_expiry() -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        session = _session(voice, proxied(voice, "+12065550100"), ExpiryMinutes=10)
        updated = voice.update_proxy_session(
            VoiceConnectorId=session["VoiceConnectorId"],
            ProxySessionId=session["ProxySessionId"],
            Capabilities=["SMS"],
            ExpiryMinutes=120,
        )
        frozen.tick(dt.timedelta(minutes=30))
        later = _status(voice, session)
    assert updated["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert (updated["ProxySession"]["Capabilities"], later["ExpiryMinutes"]) == (["SMS"], 120)
    assert later["Status"] == "Open"


def test_a_closed_session_cannot_be_updated() -> None:
    with freeze_time(NOON) as frozen, mock_chime():
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        session = _session(voice, proxied(voice, "+12065550100"), ExpiryMinutes=1)
        frozen.tick(dt.timedelta(minutes=2))
        code, message = error_of(
            voice.update_proxy_session,
            VoiceConnectorId=session["VoiceConnectorId"],
            ProxySessionId=session["ProxySessionId"],
            Capabilities=["Voice"],
        )
    assert code == "BadRequestException"
    assert "closed" in message


def test_delete_answers_204_and_the_session_is_gone(voice: Any) -> None:
    session = _session(voice, proxied(voice, "+12065550100"))
    ids = {"VoiceConnectorId": session["VoiceConnectorId"]}
    deleted = voice.delete_proxy_session(ProxySessionId=session["ProxySessionId"], **ids)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    code, _ = error_of(voice.get_proxy_session, ProxySessionId=session["ProxySessionId"], **ids)
    assert code == "NotFoundException"


@pytest.mark.parametrize("operation", ["get_proxy_session", "delete_proxy_session"])
def test_an_unknown_session_or_connector_is_not_found(voice: Any, operation: str) -> None:
    connector_id = proxied(voice, "+12065550100")
    session = _session(voice, connector_id)
    other = connector(voice, "other")["VoiceConnectorId"]
    call = getattr(voice, operation)
    for voice_connector_id, proxy_session_id in (
        (connector_id, "123a4bc5-67d8-901e-2f3g-h4ghjk56789l"),
        (other, session["ProxySessionId"]),  # a session is found through its own connector
        ("abcdef1ghij2klmno3pqr4", session["ProxySessionId"]),
    ):
        code, _ = error_of(
            call, VoiceConnectorId=voice_connector_id, ProxySessionId=proxy_session_id
        )
        assert code == "NotFoundException"


def test_deleting_the_connector_deletes_its_sessions(voice: Any, handle: ChimeMock) -> None:
    connector_id = proxied(voice, "+12065550100")
    _session(voice, connector_id)
    kept = _session(voice, proxied(voice, "+12065550101"))
    voice.disassociate_phone_numbers_from_voice_connector(
        VoiceConnectorId=connector_id, E164PhoneNumbers=["+12065550100"]
    )
    voice.delete_voice_connector(VoiceConnectorId=connector_id)
    code, _ = error_of(voice.list_proxy_sessions, VoiceConnectorId=connector_id)
    assert code == "NotFoundException"
    backend = handle._backend()
    with backend.lock:
        [inventory] = [i for i in backend.inventories() if i.scope.region == "us-east-1"]
        left = list(proxy_sessions.of(inventory).sessions)
    assert left == [kept["ProxySessionId"]]
