"""Every documented count limit holds at exactly the limit and refuses one over: the service
quotas at their published defaults (backend/quotas.py), the limits the fake documents where the
model has none (20 origination routes), and every list and map bound of both models' inputs.
Table-driven: a row says how to make N of a thing and what one over answers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import boto3
import botocore.model
import pytest

from chime_mock import mock_chime
from chime_mock.backend.quotas import DEFAULT_QUOTAS
from chime_mock.protocol.models import MOCKED_SERVICES, service_model
from chime_mock.protocol.validation import _Compiler
from tests.conftest import order_numbers
from tests.legacy_helpers import enterprise
from tests.sip_helpers import application, dial_in
from tests.voice_analytics_helpers import analysed_connector, domain, speaker_search
from tests.voice_helpers import CIDR, connector

RL = "ResourceLimitExceededException"
BR = "BadRequestException"


def _refused_with(code: str, make: Callable[[], Any]) -> None:
    with pytest.raises(Exception) as caught:
        make()
    assert getattr(caught.value, "response", {}).get("Error", {}).get("Code") == code, caught.value


# -- the quotas: a row makes the limit's count of things one call at a time ----------------------
# (voice, handle) -> a function that adds the n-th thing (n from 1).
Adder = Callable[[Any, Any], Callable[[int], Any]]


def _connectors(voice: Any, handle: Any) -> Callable[[int], Any]:
    return lambda n: connector(voice, f"trunk{n}")


def _groups(voice: Any, handle: Any) -> Callable[[int], Any]:
    return lambda n: voice.create_voice_connector_group(Name=f"group{n}")


def _group_items(voice: Any, handle: Any) -> Callable[[int], Any]:
    # One group holding n connectors: CreateVoiceConnectorGroup with n items.
    made = [connector(voice, f"trunk{n}")["VoiceConnectorId"] for n in range(1, 5)]
    return lambda n: voice.create_voice_connector_group(
        Name=f"group{n}",
        VoiceConnectorItems=[
            {"VoiceConnectorId": c, "Priority": p} for p, c in enumerate(made[:n], start=1)
        ],
    )


def _credentials(voice: Any, handle: Any) -> Callable[[int], Any]:
    made = connector(voice)["VoiceConnectorId"]
    voice.put_voice_connector_termination(
        VoiceConnectorId=made, Termination={"CallingRegions": ["US"], "CidrAllowedList": [CIDR]}
    )
    return lambda n: voice.put_voice_connector_termination_credentials(
        VoiceConnectorId=made, Credentials=[{"Username": f"user{n}", "Password": "secret"}]
    )


def _tags(voice: Any, handle: Any) -> Callable[[int], Any]:
    arn = connector(voice)["VoiceConnectorArn"]
    return lambda n: voice.tag_resource(ResourceARN=arn, Tags=[{"Key": f"k{n}", "Value": "v"}])


def _applications(voice: Any, handle: Any) -> Callable[[int], Any]:
    return lambda n: application(voice, f"ivr{n}")


def _calls(voice: Any, handle: Any) -> Callable[[int], Any]:
    dial_in(voice, "+12065550100")
    made = application(voice)["SipMediaApplicationId"]
    return lambda n: voice.create_sip_media_application_call(
        SipMediaApplicationId=made, FromPhoneNumber="+12065550100", ToPhoneNumber="+12065550199"
    )


def _domains(voice: Any, handle: Any) -> Callable[[int], Any]:
    return lambda n: domain(voice, f"callers{n}")


def _profiles(voice: Any, handle: Any) -> Callable[[int], Any]:
    connector_id = analysed_connector(voice)
    domain_id = domain(voice)["VoiceProfileDomainId"]

    def enrol(n: int) -> Any:
        task = speaker_search(voice, connector_id, domain_id, f"call-{n}")["SpeakerSearchTaskId"]
        handle.voice_analytics.complete_speaker_search(task)
        return voice.create_voice_profile(SpeakerSearchTaskId=task)

    return enrol


def _tasks(voice: Any, handle: Any) -> Callable[[int], Any]:
    connector_id = analysed_connector(voice)
    domain_id = domain(voice)["VoiceProfileDomainId"]
    return lambda n: speaker_search(voice, connector_id, domain_id, f"call-{n}")


def _numbers(voice: Any, handle: Any) -> Callable[[int], Any]:
    return lambda n: order_numbers(voice, f"+1206555{n:04d}")


def _calls_per_second(voice: Any, handle: Any) -> Callable[[int], Any]:
    # Not a count of things: the CpsLimit itself, at the quota and one over.
    made = connector(voice)["VoiceConnectorId"]
    return lambda n: voice.put_voice_connector_termination(
        VoiceConnectorId=made,
        Termination={"CallingRegions": ["US"], "CidrAllowedList": [CIDR], "CpsLimit": n},
    )


def _chime() -> Any:
    return boto3.client("chime", region_name="us-east-1")


def _bots(voice: Any, handle: Any) -> Callable[[int], Any]:
    chime, account_id = _chime(), enterprise(handle)
    return lambda n: chime.create_bot(AccountId=account_id, DisplayName=f"bot{n}")


def _rooms(voice: Any, handle: Any) -> Callable[[int], Any]:
    chime, account_id = _chime(), enterprise(handle)
    return lambda n: chime.create_room(AccountId=account_id, Name=f"room{n}")


def _members_of_a_room(voice: Any, handle: Any) -> Callable[[int], Any]:
    chime, account_id = _chime(), enterprise(handle)
    room_id = chime.create_room(AccountId=account_id, Name="all hands")["Room"]["RoomId"]

    def add(n: int) -> Any:
        user = chime.create_user(AccountId=account_id, Email=f"user{n}@example.com")["User"]
        return chime.create_room_membership(
            AccountId=account_id, RoomId=room_id, MemberId=user["UserId"]
        )

    return add


def _rooms_of_a_member(voice: Any, handle: Any) -> Callable[[int], Any]:
    chime, account_id = _chime(), enterprise(handle)
    member = chime.create_user(AccountId=account_id, Email="busy@example.com")["User"]["UserId"]

    def add(n: int) -> Any:
        room_id = chime.create_room(AccountId=account_id, Name=f"room{n}")["Room"]["RoomId"]
        return chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=member)

    return add


# quota name -> (how to add the n-th thing, what one over answers)
QUOTA_ROWS: dict[str, tuple[Adder, str]] = {
    "voice_connectors": (_connectors, RL),
    "voice_connector_groups": (_groups, RL),
    "voice_connectors_per_group": (_group_items, RL),
    "calls_per_second": (_calls_per_second, BR),
    "termination_credentials": (_credentials, BR),
    "tags_per_resource": (_tags, RL),
    "sip_media_applications": (_applications, RL),
    "active_sip_media_application_calls": (_calls, RL),
    "voice_profile_domains": (_domains, RL),
    "voice_profiles_per_domain": (_profiles, RL),
    "active_voice_analytics_tasks": (_tasks, RL),
    "bots": (_bots, RL),
    "rooms": (_rooms, RL),
    "memberships_per_room": (_members_of_a_room, RL),
    "rooms_per_member": (_rooms_of_a_member, RL),
}
# Rows whose making needs another quota out of the way.
RAISED = {"voice_connectors_per_group": {"voice_connectors": 10}}


def test_every_quota_has_a_row() -> None:
    assert set(QUOTA_ROWS) == set(DEFAULT_QUOTAS)


@pytest.mark.parametrize("name", list(QUOTA_ROWS))
def test_a_quota_holds_at_its_default_and_refuses_one_more(name: str) -> None:
    adder, code = QUOTA_ROWS[name]
    limit = DEFAULT_QUOTAS[name]
    with mock_chime(quotas=RAISED.get(name, {})) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        add = adder(voice, handle)
        for n in range(1, limit + 1):
            add(n)  # exactly the limit: every one accepted
        _refused_with(code, lambda: add(limit + 1))


def test_the_inventory_holds_twenty_five_numbers_and_refuses_the_twenty_sixth() -> None:
    with mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        add = _numbers(voice, handle)
        for n in range(1, 26):
            add(n)
        _refused_with(RL, lambda: add(26))


# -- limits the fake documents where the model has none ------------------------------------------


def _routes(count: int) -> list[dict[str, Any]]:
    return [{"Host": f"198.51.100.{i}", "Priority": 1, "Weight": 1} for i in range(1, count + 1)]


def test_origination_takes_twenty_routes_and_refuses_twenty_one(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    answered = voice.put_voice_connector_origination(
        VoiceConnectorId=made, Origination={"Routes": _routes(20)}
    )
    assert len(answered["Origination"]["Routes"]) == 20
    _refused_with(
        BR,
        lambda: voice.put_voice_connector_origination(
            VoiceConnectorId=made, Origination={"Routes": _routes(21)}
        ),
    )


# -- every list and map bound of the models' inputs -----------------------------------------------


def _bounded_shapes() -> Iterator[tuple[str, str]]:
    for service in MOCKED_SERVICES:
        model = service_model(service)
        seen: set[str] = set()
        for name in model.operation_names:
            shape = model.operation_model(name).input_shape
            stack = [shape] if shape is not None else []
            while stack:
                current = stack.pop()
                if current.name in seen:
                    continue
                seen.add(current.name)
                if current.type_name in ("list", "map") and "max" in current.metadata:
                    yield service, current.name
                if current.type_name == "structure":
                    stack.extend(current.members.values())
                elif current.type_name == "list":
                    stack.append(current.member)
                elif current.type_name == "map":
                    stack.append(current.value)


def _length_errors(shape: botocore.model.Shape, size: int) -> list[str]:
    if shape.type_name == "list":
        value: Any = ["x"] * size
    else:
        value = {f"k{i}": "x" for i in range(size)}
    errors: list[str] = []
    _Compiler().checker(shape)(value, "Member", errors)
    return [error for error in errors if "Member must have length" in error]


@pytest.mark.parametrize(("service", "shape_name"), sorted(set(_bounded_shapes())))
def test_a_model_list_bound_holds_at_its_max_and_refuses_one_more(
    service: str, shape_name: str
) -> None:
    shape = service_model(service).shape_for(shape_name)
    high = int(shape.metadata["max"])
    assert _length_errors(shape, high) == []
    (refused,) = _length_errors(shape, high + 1)
    assert f"Member must have length less than or equal to {high}" in refused
