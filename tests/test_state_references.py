"""A state file whose records contradict each other is refused on load, naming the record by its
path in the file and the rule it breaks: associations name records of their scope that name the
number back, statuses agree with associations, the holders of numbers agree with the
inventories, and children name a parent of their scope."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import boto3
import pytest

from chime_mock import StateFileError, mock_chime
from tests.sip_helpers import application, dial_in, number_rule
from tests.voice_analytics_helpers import analysed_connector, domain, enrolled
from tests.voice_helpers import connector, group, numbers

VOICE = "+12065550100"  # associated with the connector
DIAL_IN = "+12065550101"  # the SIP rule's trigger
FREE = "+12065550102"  # Unassigned


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The content of a state file in which every kind of reference occurs once."""
    path = tmp_path_factory.mktemp("state") / "state.json"
    with mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        numbers(voice, VOICE, FREE)
        connector_id = connector(voice)["VoiceConnectorId"]
        group(voice, connector_id)
        voice.associate_phone_numbers_with_voice_connector(
            VoiceConnectorId=connector_id, E164PhoneNumbers=[VOICE]
        )
        dial_in(voice, DIAL_IN)
        number_rule(voice, DIAL_IN, application(voice))
        voice.put_voice_connector_proxy(
            VoiceConnectorId=connector_id,
            DefaultSessionExpiryMinutes=600,
            PhoneNumberPoolCountries=["US"],
        )
        voice.create_proxy_session(
            VoiceConnectorId=connector_id,
            ParticipantPhoneNumbers=["+12065550150", "+14015550101"],
            Capabilities=["Voice"],
        )
        analysed = analysed_connector(voice, "analysed")
        enrolled(voice, handle, analysed, domain(voice)["VoiceProfileDomainId"], "call-1")
        handle.save_state(path, pretty=True)  # every record an object, to edit by field name
    document: dict[str, Any] = json.loads(path.read_text())
    # Who holds each number as an object by number (the form versions 1 to 3 wrote, still
    # read), so an edit names the number.
    for key in ("owners", "deleting", "naming"):
        document["state"][key] = {
            e164: run["scope"] for run in document["state"][key] for e164 in run["numbers"]
        }
    return document


def _scope(document: dict[str, Any]) -> dict[str, Any]:
    return document["state"]["inventories"][0]  # type: ignore[no-any-return]


def _number(document: dict[str, Any], e164: str) -> dict[str, Any]:
    return next(n for n in _scope(document)["numbers"] if n["e164"] == e164)


def _family(document: dict[str, Any], key: str, kind: str) -> dict[str, Any]:
    return _scope(document)["families"][key][kind]  # type: ignore[no-any-return]


def _first(records: dict[str, Any]) -> dict[str, Any]:
    return next(iter(records.values()))  # type: ignore[no-any-return]


def _drop_connector_of_number(document: dict[str, Any]) -> None:
    connectors = _family(document, "VoiceConnectors", "connectors")
    del connectors[_number(document, VOICE)["associations"][0]["value"]]


def _unassign(document: dict[str, Any]) -> None:
    _number(document, VOICE)["associations"] = []


def _assign_without_target(document: dict[str, Any]) -> None:
    _number(document, FREE)["status"] = "Assigned"


def _associate_free_number(document: dict[str, Any]) -> None:
    _number(document, FREE)["associations"] = list(_number(document, VOICE)["associations"])


def _two_associations(document: dict[str, Any]) -> None:
    number = _number(document, VOICE)
    number["associations"] = number["associations"] * 2


def _rule_of_another_number(document: dict[str, Any]) -> None:
    _first(_family(document, "SipMediaApplications", "rules"))["trigger_value"] = FREE


def _rule_whose_number_is_free(document: dict[str, Any]) -> None:
    number = _number(document, DIAL_IN)
    number["associations"], number["status"] = [], "Unassigned"


def _empty_owners(document: dict[str, Any]) -> None:
    document["state"]["owners"] = {}


def _owner_without_number(document: dict[str, Any]) -> None:
    owners = document["state"]["owners"]
    owners["+12065550199"] = owners[VOICE]


def _owner_of_another_account(document: dict[str, Any]) -> None:
    owners = document["state"]["owners"]
    owners[FREE] = {**owners[FREE], "account": "111122223333"}


def _group_of_unknown_connector(document: dict[str, Any]) -> None:
    _first(_family(document, "VoiceConnectors", "groups"))["items"][0]["voice_connector_id"] = (
        "a" * 22
    )


def _session_of_unknown_connector(document: dict[str, Any]) -> None:
    _first(_family(document, "ProxySessions", "sessions"))["voice_connector_id"] = "a" * 22


def _profile_of_unknown_domain(document: dict[str, Any]) -> None:
    _first(_family(document, "VoiceAnalytics", "profiles"))["voice_profile_domain_id"] = "gone"


def _deleting_elsewhere(document: dict[str, Any]) -> None:
    document["state"]["deleting"] = {"+12065550199": document["state"]["owners"][VOICE]}


BROKEN: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "a number associated with a connector not in the file": (
        _drop_connector_of_number,
        r"numbers\[0\]\.associations\[0\]\.value: VoiceConnectorId \w+ is not in this scope",
    ),
    "an Assigned number without associations": (
        _unassign,
        r"numbers\[0\]\.status: \+12065550100 is Assigned but has none",
    ),
    "an Assigned number nothing holds": (
        _assign_without_target,
        r"numbers\[1\]\.status: \+12065550102 is Assigned but has none",
    ),
    "an Unassigned number with an association": (
        _associate_free_number,
        r"numbers\[1\]\.status: \+12065550102 is Unassigned but has associations",
    ),
    "a number with two associations": (
        _two_associations,
        r"numbers\[0\]\.associations: a number has one association at most",
    ),
    "a rule association whose rule is triggered by another number": (
        _rule_of_another_number,
        r"numbers\[2\]\.associations\[0\]\.value: SIP rule [-\w]+ is triggered by \+12065550102",
    ),
    "a rule whose number does not name it": (
        _rule_whose_number_is_free,
        r"SipMediaApplications\.rules\.[-\w]+\.trigger_value: \+12065550101 is not a number "
        r"of this scope associated with the rule",
    ),
    "numbers no owner holds": (
        _empty_owners,
        r"numbers\[0\]: owners does not name this scope as the holder of \+12065550100",
    ),
    "an owner of a number no inventory holds": (
        _owner_without_number,
        r"owners\.\+12065550199: \+12065550199 is in no inventory of chime-sdk-voice",
    ),
    "an owner in another account than the inventory": (
        _owner_of_another_account,
        r"numbers\[1\]: owners does not name this scope as the holder of \+12065550102",
    ),
    "a group listing a connector not in its scope": (
        _group_of_unknown_connector,
        r"VoiceConnectors\.groups\.[-\w]+\.items\[0\]: Voice Connector a{22} is not in this scope",
    ),
    "a proxy session of a connector not in its scope": (
        _session_of_unknown_connector,
        r"ProxySessions\.sessions\.[-\w]+\.voice_connector_id: a{22} is not in this scope's "
        r"families\.VoiceConnectors\.connectors",
    ),
    "a voice profile of a domain not in its scope": (
        _profile_of_unknown_domain,
        r"VoiceAnalytics\.profiles\.[-\w]+\.voice_profile_domain_id: gone is not in this scope",
    ),
    "a deletion queued for a number its scope does not hold": (
        _deleting_elsewhere,
        r"deleting\.\+12065550199: \+12065550199 is not in the inventory this entry names",
    ),
}


def test_the_saved_file_loads(saved: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text(json.dumps(saved))
    with mock_chime(state=path):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        assert voice.get_phone_number(PhoneNumberId=VOICE)["PhoneNumber"]["Status"] == "Assigned"


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_file_that_contradicts_itself_is_refused_with_the_path_and_the_rule(
    saved: dict[str, Any], tmp_path: Path, case: str
) -> None:
    breaks, said = BROKEN[case]
    document = json.loads(json.dumps(saved))
    breaks(document)
    path = tmp_path / "state.json"
    path.write_text(json.dumps(document))
    where = r"state\.(inventories\[0\]\.(families\.)?)?"
    with pytest.raises(StateFileError, match=where + said), mock_chime(state=path):
        pass
