"""Every update AWS stamps moves the resource's UpdatedTimestamp to the time of the update and
leaves its CreatedTimestamp; the answer and the Get after it agree. One row per operation, under
freezegun. Puts of a Voice Connector's configurations stamp nothing (their documents have no
timestamps, and the connector is not updated by them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from freezegun import freeze_time

from chime_mock import mock_chime
from tests.conftest import order_numbers
from tests.sip_helpers import application, dial_in, number_rule, proxied
from tests.voice_analytics_helpers import analysed_connector, domain, speaker_search
from tests.voice_helpers import CIDR, connector, group, numbers

CREATED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
UPDATED = CREATED + dt.timedelta(hours=1, seconds=7)

# A row: (voice client, chime client, handle) -> (update, read), where update() makes the change
# and answers the resource (or None when the answer has none) and read() answers it by Get.
Update = Callable[[], "dict[str, Any] | None"]
Row = Callable[[Any, Any, Any], "tuple[Update, Callable[[], dict[str, Any]]]"]


def _voice_connector(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    made = connector(voice)["VoiceConnectorId"]
    return (
        lambda: voice.update_voice_connector(
            VoiceConnectorId=made, Name="renamed", RequireEncryption=False
        )["VoiceConnector"],
        lambda: voice.get_voice_connector(VoiceConnectorId=made)["VoiceConnector"],
    )


def _group(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    made = group(voice)["VoiceConnectorGroupId"]
    return (
        lambda: voice.update_voice_connector_group(
            VoiceConnectorGroupId=made, Name="renamed", VoiceConnectorItems=[]
        )["VoiceConnectorGroup"],
        lambda: voice.get_voice_connector_group(VoiceConnectorGroupId=made)["VoiceConnectorGroup"],
    )


def _application(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    made = application(voice)["SipMediaApplicationId"]
    return (
        lambda: voice.update_sip_media_application(SipMediaApplicationId=made, Name="renamed")[
            "SipMediaApplication"
        ],
        lambda: voice.get_sip_media_application(SipMediaApplicationId=made)["SipMediaApplication"],
    )


def _rule(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    (e164,) = dial_in(voice, "+12065550170")
    made = number_rule(voice, e164, application(voice))["SipRuleId"]
    return (
        lambda: voice.update_sip_rule(SipRuleId=made, Name="renamed")["SipRule"],
        lambda: voice.get_sip_rule(SipRuleId=made)["SipRule"],
    )


def _proxy_session(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    connector_id = proxied(voice, "+12065550180")
    session = voice.create_proxy_session(
        VoiceConnectorId=connector_id,
        ParticipantPhoneNumbers=["+12065550101", "+14015550101"],
        Capabilities=["Voice"],
        ExpiryMinutes=600,  # open still at the update, an hour later
    )["ProxySession"]["ProxySessionId"]
    ids = {"VoiceConnectorId": connector_id, "ProxySessionId": session}
    return (
        lambda: voice.update_proxy_session(**ids, Capabilities=["Voice", "SMS"])["ProxySession"],
        lambda: voice.get_proxy_session(**ids)["ProxySession"],
    )


def _profile_domain(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    made = domain(voice)["VoiceProfileDomainId"]
    return (
        lambda: voice.update_voice_profile_domain(VoiceProfileDomainId=made, Name="renamed")[
            "VoiceProfileDomain"
        ],
        lambda: voice.get_voice_profile_domain(VoiceProfileDomainId=made)["VoiceProfileDomain"],
    )


def _profile(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    connector_id = analysed_connector(voice)
    domain_id = domain(voice)["VoiceProfileDomainId"]
    first = speaker_search(voice, connector_id, domain_id, "call-1")["SpeakerSearchTaskId"]
    handle.voice_analytics.complete_speaker_search(first)
    made = voice.create_voice_profile(SpeakerSearchTaskId=first)["VoiceProfile"]["VoiceProfileId"]

    def update() -> dict[str, Any]:
        again = speaker_search(voice, connector_id, domain_id, "call-2")["SpeakerSearchTaskId"]
        handle.voice_analytics.complete_speaker_search(again)
        answer = voice.update_voice_profile(VoiceProfileId=made, SpeakerSearchTaskId=again)
        return answer["VoiceProfile"]  # type: ignore[no-any-return]

    return update, lambda: voice.get_voice_profile(VoiceProfileId=made)["VoiceProfile"]


def _number_of(client: Any, e164: str) -> Callable[[], dict[str, Any]]:
    return lambda: client.get_phone_number(PhoneNumberId=e164)["PhoneNumber"]


def _voice_number_update(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    (e164,) = numbers(voice, "+12065550190")
    return (
        lambda: voice.update_phone_number(PhoneNumberId=e164, Name="front desk")["PhoneNumber"],
        _number_of(voice, e164),
    )


def _chime_number_update(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    order_numbers(chime, "+12065550191")
    return (
        lambda: chime.update_phone_number(
            PhoneNumberId="+12065550191", ProductType="BusinessCalling"
        )["PhoneNumber"],
        _number_of(chime, "+12065550191"),
    )


def _batch_update(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    (e164,) = numbers(voice, "+12065550192")

    def update() -> None:
        items = [{"PhoneNumberId": e164, "Name": "front desk"}]
        assert (
            voice.batch_update_phone_number(UpdatePhoneNumberRequestItems=items)[
                "PhoneNumberErrors"
            ]
            == []
        )

    return update, _number_of(voice, e164)


def _association(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    (e164,) = numbers(voice, "+12065550193")
    connector_id = connector(voice)["VoiceConnectorId"]

    def update() -> None:
        voice.associate_phone_numbers_with_voice_connector(
            VoiceConnectorId=connector_id, E164PhoneNumbers=[e164]
        )

    return update, _number_of(voice, e164)


def _disassociation(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    (e164,) = numbers(voice, "+12065550194")
    connector_id = connector(voice)["VoiceConnectorId"]
    voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=connector_id, E164PhoneNumbers=[e164]
    )

    def update() -> None:
        voice.disassociate_phone_numbers_from_voice_connector(
            VoiceConnectorId=connector_id, E164PhoneNumbers=[e164]
        )

    return update, _number_of(voice, e164)


def _restore(voice: Any, chime: Any, handle: Any) -> tuple[Update, Any]:
    (e164,) = numbers(voice, "+12065550195")
    voice.delete_phone_number(PhoneNumberId=e164)
    return (
        lambda: voice.restore_phone_number(PhoneNumberId=e164)["PhoneNumber"],
        _number_of(voice, e164),
    )


STAMPED: dict[str, Row] = {
    "UpdateVoiceConnector": _voice_connector,
    "UpdateVoiceConnectorGroup": _group,
    "UpdateSipMediaApplication": _application,
    "UpdateSipRule": _rule,
    "UpdateProxySession": _proxy_session,
    "UpdateVoiceProfileDomain": _profile_domain,
    "UpdateVoiceProfile": _profile,
    "UpdatePhoneNumber (Chime SDK Voice)": _voice_number_update,
    "UpdatePhoneNumber (Chime)": _chime_number_update,
    "BatchUpdatePhoneNumber": _batch_update,
    "AssociatePhoneNumbersWithVoiceConnector": _association,
    "DisassociatePhoneNumbersFromVoiceConnector": _disassociation,
    "RestorePhoneNumber": _restore,
}


@pytest.mark.parametrize("row", list(STAMPED.values()), ids=list(STAMPED))
def test_an_update_moves_updated_timestamp_and_keeps_created(row: Row) -> None:
    with freeze_time(CREATED) as frozen, mock_chime(processing_delay=0) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        chime = boto3.client("chime", region_name="us-east-1")
        update, read = row(voice, chime, handle)
        before = read()
        frozen.move_to(UPDATED)
        answered = update()
        after = read()
    assert before["UpdatedTimestamp"] < UPDATED
    assert after["UpdatedTimestamp"] == UPDATED
    assert after["CreatedTimestamp"] == before["CreatedTimestamp"]
    if answered is not None:
        assert answered["UpdatedTimestamp"] == UPDATED


PUTS = {
    "PutVoiceConnectorTermination": lambda voice, made: voice.put_voice_connector_termination(
        VoiceConnectorId=made, Termination={"CallingRegions": ["US"], "CidrAllowedList": [CIDR]}
    ),
    "PutVoiceConnectorLoggingConfiguration": (
        lambda voice, made: voice.put_voice_connector_logging_configuration(
            VoiceConnectorId=made, LoggingConfiguration={"EnableSIPLogs": True}
        )
    ),
    "TagResource": lambda voice, made: voice.tag_resource(
        ResourceARN=voice.get_voice_connector(VoiceConnectorId=made)["VoiceConnector"][
            "VoiceConnectorArn"
        ],
        Tags=[{"Key": "team", "Value": "voice"}],
    ),
}


@pytest.mark.parametrize("put", list(PUTS.values()), ids=list(PUTS))
def test_a_put_under_a_connector_leaves_its_updated_timestamp(put: Any) -> None:
    with freeze_time(CREATED) as frozen, mock_chime() as handle:
        del handle
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = connector(voice)["VoiceConnectorId"]
        frozen.move_to(UPDATED)
        put(voice, made)
        after = voice.get_voice_connector(VoiceConnectorId=made)["VoiceConnector"]
    assert after["UpdatedTimestamp"] == CREATED
