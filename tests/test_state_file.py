"""handle.save_state and mock_chime(state=...): the whole fake to a JSON file and back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import boto3
import pytest
import time_machine
from freezegun import freeze_time

from chime_mock import ChimeMock, StateFileError, mock_chime
from chime_mock.backend import Backend
from chime_mock.backend.phone_numbers.carrier import Carrier
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.records import (
    OrderedPhoneNumber,
    PhoneNumber,
    PhoneNumberOrder,
    PhoneNumberSettings,
)
from chime_mock.backend.state.files import VERSION
from chime_mock.mock import _ACTIVE
from tests.conftest import order_numbers

START = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)
OTHER_ACCOUNT = "111122223333"


def _backend() -> Backend:
    assert _ACTIVE.backend is not None
    return _ACTIVE.backend


def _client(service: str, region: str = "us-east-1", account: str | None = None) -> Any:
    keys = {} if account is None else {"aws_access_key_id": account, "aws_secret_access_key": "x"}
    return boto3.client(service, region_name=region, **keys)


def _populate(handle: ChimeMock) -> None:
    """Orders and numbers in every state and several scopes, with every record field set."""
    voice = _client("chime-sdk-voice")
    done = order_numbers(voice, "+12065550100", "+12065550101", "+12065550102", Name="desk")
    handle.complete_order(done["PhoneNumberOrderId"], failed=["+12065550101"])
    connector_id = voice.create_voice_connector(Name="trunk", RequireEncryption=True)[
        "VoiceConnector"
    ]["VoiceConnectorId"]
    voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=connector_id, E164PhoneNumbers=["+12065550100"]
    )
    order_numbers(voice, "+12065550100")  # already held: doomed to fail
    voice.update_phone_number(PhoneNumberId="+12065550100", CallingName="Front Desk")  # pending
    voice.delete_phone_number(PhoneNumberId="+12065550102")  # into the deletion queue
    handle.make_unavailable("+12065550199")
    order_numbers(
        _client("chime-sdk-voice", "eu-west-2"),
        "+442071838750",
        ProductType="SipMediaApplicationDialIn",
    )
    handle.seed_porting_order(
        ["+12065550103"], foc_date=START + dt.timedelta(days=14), account=OTHER_ACCOUNT
    )
    legacy = _client("chime", account=OTHER_ACCOUNT)
    order_numbers(legacy, "+18005550100")
    legacy.update_phone_number_settings(CallingName="Example Corp")


def _records(backend: Backend) -> list[Any]:
    return [
        record
        for inventory in backend.inventories()
        for record in [
            *PhoneNumberInventory.of(inventory).orders.values(),
            *PhoneNumberInventory.of(inventory).numbers.values(),
            PhoneNumberInventory.of(inventory).settings,
        ]
        if record is not None
    ] + [number for numbers in Carrier.of(backend).arriving.values() for number in numbers]


def _plain(value: Any) -> Any:
    """`value` with every record in it replaced by its class name and its fields' values:
    records compare by identity, a round trip makes new ones."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type(value).__name__, dataclasses.asdict(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if type(value) is tuple:  # a NamedTuple is a value already
        return tuple(_plain(item) for item in value)
    return value


def _snapshot(backend: Backend) -> dict[str, Any]:
    return _plain(
        {
            "inventories": {
                inventory.scope: (
                    dict(PhoneNumberInventory.of(inventory).orders),
                    dict(PhoneNumberInventory.of(inventory).numbers),
                    PhoneNumberInventory.of(inventory).settings,
                )
                for inventory in backend.inventories()
            },
            "owners": dict(Carrier.of(backend).owners),
            "order_scopes": dict(Carrier.of(backend).order_scopes),
            "pending": sorted(Carrier.of(backend).pending),
            "unavailable": set(Carrier.of(backend).unavailable),
            "deleting": dict(Carrier.of(backend).deleting),
            "naming": dict(Carrier.of(backend).naming),
            "arriving": dict(Carrier.of(backend).arriving),
        }
    )


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """A state file, and a snapshot of the fake it was saved from (no longer active). Written
    pretty, every record an object, for the tests below to edit by field name (the compact
    form: tests/test_state_file_compact.py)."""
    path = tmp_path / "state.json"
    with time_machine.travel(START, tick=False), mock_chime(processing_delay=60) as handle:
        _populate(handle)
        handle.save_state(path, pretty=True)
        return path, _snapshot(_backend())


def test_a_round_trip_keeps_every_record_field(saved: tuple[Path, dict[str, Any]]) -> None:
    path, before = saved
    with mock_chime(state=path):
        after = _snapshot(_backend())
    assert after == before  # every field of every order and number


def test_the_round_trip_sets_every_field_of_every_record(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    """Guards the test above: a new record field must be given a value in `_populate`."""
    path, _ = saved
    with mock_chime(state=path):
        records = _records(_backend())
    for cls in (PhoneNumberOrder, PhoneNumber, OrderedPhoneNumber, PhoneNumberSettings):
        instances = [r for r in records if isinstance(r, cls)]
        if cls is OrderedPhoneNumber:
            instances = [e for r in records if isinstance(r, PhoneNumberOrder) for e in r.ordered]
        for field in dataclasses.fields(cls):
            values = [getattr(instance, field.name) for instance in instances]
            assert any(value not in (None, [], set(), {}) for value in values), field.name


def test_processing_orders_stay_pending_and_complete_by_the_clock(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path, _ = saved
    later = START + dt.timedelta(seconds=61)
    with time_machine.travel(later, tick=False), mock_chime(state=path):
        voice = _client("chime-sdk-voice", "eu-west-2")
        order = voice.list_phone_number_orders()["PhoneNumberOrders"][0]
    assert order["Status"] == "Successful"
    assert order["UpdatedTimestamp"] == START + dt.timedelta(seconds=60)


def test_queued_deletions_and_calling_names_finish_by_the_clock_after_loading(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path, _ = saved
    later = START + dt.timedelta(days=8)
    with time_machine.travel(later, tick=False), mock_chime(state=path):
        voice = _client("chime-sdk-voice")
        number = voice.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
        assert (number["CallingName"], number["CallingNameStatus"]) == (
            "Front Desk",
            "UpdateSucceeded",
        )
        with pytest.raises(voice.exceptions.NotFoundException):
            voice.get_phone_number(PhoneNumberId="+12065550102")


def test_ported_numbers_still_to_appear_appear_by_the_clock_after_loading(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path, _ = saved
    arrival = START + dt.timedelta(days=13)  # the seeded FOC date is START + 14 days
    before = arrival - dt.timedelta(seconds=1)
    with time_machine.travel(before, tick=False) as traveller, mock_chime(state=path):
        voice = _client("chime-sdk-voice", account=OTHER_ACCOUNT)
        with pytest.raises(voice.exceptions.NotFoundException):
            voice.get_phone_number(PhoneNumberId="+12065550103")
        traveller.move_to(arrival)
        number = voice.get_phone_number(PhoneNumberId="+12065550103")["PhoneNumber"]
    assert number["Status"] == "PortinInProgress"


def test_a_version_1_file_without_arriving_numbers_still_loads(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path = saved[0]
    document = _valid_document(saved)
    # Version 1 put ported numbers in the inventory at once: a file of it has none arriving (and
    # none held that no inventory lists).
    arriving = {n["e164"] for listed in document["state"].pop("arriving").values() for n in listed}
    document["state"]["owners"] = {  # an object by number, as version 1 wrote it
        e164: run["scope"]
        for run in document["state"]["owners"]
        for e164 in run["numbers"]
        if e164 not in arriving
    }
    document["version"] = 1
    path.write_text(json.dumps(document))
    foc = START + dt.timedelta(days=14)
    with time_machine.travel(foc, tick=False), mock_chime(state=path):
        voice = _client("chime-sdk-voice")
        assert len(voice.list_phone_number_orders()["PhoneNumberOrders"]) == 2
        ported = _client("chime-sdk-voice", account=OTHER_ACCOUNT)
        with pytest.raises(ported.exceptions.NotFoundException):  # nothing arrives on the day
            ported.get_phone_number(PhoneNumberId="+12065550103")


def test_a_version_2_file_with_associations_in_the_api_form_still_loads(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path = saved[0]
    document = _valid_document(saved)
    document["version"] = 2
    connector_id = document["state"]["inventories"][0]["numbers"][0]["associations"][0]["value"]
    for inventory in document["state"]["inventories"]:
        for number in inventory["numbers"]:
            number["associations"] = [
                {
                    "Name": entry["name"],
                    "Value": entry["value"],
                    "AssociatedTimestamp": {"$datetime": entry["associated"]},
                }
                for entry in number["associations"]
            ]
    path.write_text(json.dumps(document))
    with mock_chime(state=path):
        number = _client("chime-sdk-voice").get_phone_number(PhoneNumberId="+12065550100")
    [association] = number["PhoneNumber"]["Associations"]
    assert association == {
        "Name": "VoiceConnectorId",
        "Value": connector_id,
        "AssociatedTimestamp": START,
    }


def test_a_loaded_processing_order_can_be_completed_by_hand(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path, before = saved
    with time_machine.travel(START, tick=False), mock_chime(state=path) as handle:
        for order_id in before["pending"]:
            handle.complete_order(order_id)
        statuses = {handle.order(order_id).status for order_id in before["pending"]}
    assert statuses and "Processing" not in statuses


def test_new_records_list_after_the_loaded_ones(saved: tuple[Path, dict[str, Any]]) -> None:
    path, _ = saved
    with mock_chime(state=path):
        voice = _client("chime-sdk-voice")
        new = order_numbers(voice, "+12065550102")["PhoneNumberOrderId"]
        listed = voice.list_phone_number_orders()["PhoneNumberOrders"]
    assert len(listed) == 3
    assert listed[-1]["PhoneNumberOrderId"] == new


def test_numbers_held_in_the_file_stay_held(saved: tuple[Path, dict[str, Any]]) -> None:
    path, _ = saved
    with time_machine.travel(START, tick=False), mock_chime(state=path) as handle:
        voice = _client("chime-sdk-voice", account=OTHER_ACCOUNT)
        order_id = order_numbers(voice, "+12065550100")["PhoneNumberOrderId"]
        assert handle.order(order_id).status == "Failed"


def test_the_file_is_readable_versioned_json(saved: tuple[Path, dict[str, Any]]) -> None:
    path, _ = saved
    content = json.loads(path.read_text())
    assert (content["format"], content["version"]) == ("chime_mock state", VERSION)
    order = content["state"]["inventories"][0]["orders"][0]
    assert order["created"] == "2026-03-01T09:30:00Z"
    assert path.read_text().startswith('{\n  "format"')


def test_state_is_saved_and_loaded_under_freezegun(tmp_path: Path) -> None:
    # freezegun swaps datetime.datetime for a subclass: the codec still knows the timestamps,
    # whichever of the two classes was in place when it first read the records' types.
    path = tmp_path / "state.json"
    with mock_chime() as handle:
        order_numbers(_client("chime-sdk-voice"), "+12065550101")
        handle.save_state(path)
    with freeze_time(START), mock_chime() as handle:
        order_numbers(_client("chime-sdk-voice"), "+12065550100")
        handle.save_state(path)
        with mock_chime(state=path):
            number = _client("chime-sdk-voice").get_phone_number(PhoneNumberId="+12065550100")
    assert number["PhoneNumber"]["CreatedTimestamp"] == START


def test_saving_overwrites_the_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("old")
    with mock_chime() as handle:
        handle.save_state(path)
    assert json.loads(path.read_text())["state"]["inventories"] == []
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_a_state_file_replaces_the_state_of_an_outer_mock(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path, _ = saved
    with mock_chime():
        voice = _client("chime-sdk-voice")
        order_numbers(voice, "+12065550199")
        with mock_chime(state=path):
            assert len(voice.list_phone_number_orders()["PhoneNumberOrders"]) == 2


def test_the_marker_of_the_pytest_plugin_takes_a_state_file(
    pytester: pytest.Pytester, saved: tuple[Path, dict[str, Any]]
) -> None:
    path, _ = saved
    pytester.makepyfile(
        f"""
        import boto3, pytest

        @pytest.mark.chime_mock(state={str(path)!r})
        def test_loaded(chime_mock):
            voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
            assert len(voice.list_phone_number_orders()["PhoneNumberOrders"]) == 2
        """
    )
    pytester.runpytest_subprocess(timeout=120).assert_outcomes(passed=1)


# -- files that are refused ----------------------------------------------------------------------


def _valid_document(saved: tuple[Path, dict[str, Any]]) -> dict[str, Any]:
    return json.loads(saved[0].read_text())  # type: ignore[no-any-return]


def _corrupt(document: dict[str, Any]) -> None:
    document["state"]["inventories"][0]["orders"][0]["created"] = "yesterday"


CORRUPTIONS = {
    "not JSON": (lambda path: path.write_text("{not json"), "is not valid JSON"),
    "not a state file": (lambda path: path.write_text("[1, 2]"), "not a chime_mock state file"),
    "missing": (lambda path: path.unlink(), "there is no such file"),
}


@pytest.mark.parametrize("case", sorted(CORRUPTIONS))
def test_an_unreadable_file_is_refused_naming_it_and_the_problem(
    saved: tuple[Path, dict[str, Any]], case: str
) -> None:
    path = saved[0]
    damage, problem = CORRUPTIONS[case]
    damage(path)
    with pytest.raises(StateFileError, match=problem) as raised:
        mock_chime(state=path).start()
    assert str(path) in str(raised.value)


EDITS = {
    "another version": (
        lambda d: d.update(version=VERSION + 1),
        f"format version {VERSION + 1}, and this chime_mock reads versions 1, 2, 3, {VERSION}",
    ),
    "a bad timestamp": (
        _corrupt,
        r"state\.inventories\[0\]\.orders\[0\]\.created: expected an ISO 8601 timestamp",
    ),
    "a naive timestamp": (
        lambda d: d["state"]["inventories"][0]["numbers"][0].update(created="2026-03-01T09:30:00"),
        "has no time zone",
    ),
    "an unknown field": (
        lambda d: d["state"]["inventories"][0]["orders"][0].update(colour="red"),
        "unknown field 'colour'",
    ),
    "a missing field": (
        lambda d: d["state"]["inventories"][0]["numbers"][0].pop("e164"),
        r"numbers\[0\]: missing field\(s\) e164",
    ),
    "a wrong type": (
        lambda d: d["state"].update(next_seq="7"),
        "next_seq: expected a whole number",
    ),
    "a missing part": (lambda d: d["state"].pop("owners"), "its state has the parts"),
    "arriving numbers of an order nowhere": (
        lambda d: d["state"]["arriving"].update({"0000": []}),
        "arriving: order 0000 is in no inventory",
    ),
    "a pending order nowhere": (
        lambda d: d["state"]["pending_orders"].append("0000"),
        "order 0000 is in no inventory",
    ),
    # Values that decode by type but that the service would choke on or serve as they are.
    "an association timestamp that is not ISO 8601": (
        lambda d: _first_number(d)["associations"][0].update(associated="last Tuesday"),
        r"state\.inventories\[0\]\.numbers\[0\]\.associations\[0\]\.associated: expected an "
        "ISO 8601 timestamp",
    ),
    "an association of unknown fields": (
        lambda d: _first_number(d).update(associations=[{"Bogus": 1}]),
        r"numbers\[0\]\.associations\[0\]: unknown field 'Bogus'",
    ),
    "an association name the service does not have": (
        lambda d: _first_number(d)["associations"][0].update(name="UserId"),
        r"associations\[0\]\.name: 'UserId' is not a PhoneNumberAssociationName of "
        "chime-sdk-voice; use one of SipRuleId, VoiceConnectorGroupId, VoiceConnectorId",
    ),
    "a number status the model does not have": (
        lambda d: _first_number(d).update(status="Active"),
        r"numbers\[0\]\.status: 'Active' is not a PhoneNumberStatus of chime-sdk-voice",
    ),
    "a product type of the other service": (
        lambda d: d["state"]["inventories"][0]["orders"][0].update(product_type="BusinessCalling"),
        r"orders\[0\]\.product_type: 'BusinessCalling' is not a PhoneNumberProductType",
    ),
    "an ordered number status the model does not have": (
        lambda d: d["state"]["inventories"][0]["orders"][0]["ordered"][0].update(status="Done"),
        r"orders\[0\]\.ordered\[0\]\.status: 'Done' is not an? OrderedPhoneNumberStatus",
    ),
    "a number that is not E.164": (
        lambda d: _first_number(d).update(e164="2065550100"),
        r"numbers\[0\]\.e164: '2065550100' is not a phone number in E\.164 form",
    ),
    "a phone number ID of another number": (
        lambda d: _first_number(d).update(phone_number_id="%2B12065550199"),
        r"numbers\[0\]\.phone_number_id: '%2B12065550199' is not the ID of \+12065550100",
    ),
    "a number of an order nowhere": (
        lambda d: _first_number(d).update(order_id="0000"),
        r"numbers\[0\]\.order_id: order 0000 is not in its scope",
    ),
    "a number twice": (
        lambda d: d["state"]["inventories"][0]["numbers"].append(_first_number(d)),
        r"inventories\[0\]: a number appears twice",
    ),
    "a completed order still waiting": (
        lambda d: d["state"]["pending_orders"].append(
            d["state"]["inventories"][0]["orders"][0]["order_id"]
        ),
        r"pending_orders\[\d\]: order .* is Partial, not waiting",
    ),
}


def _first_number(document: dict[str, Any]) -> dict[str, Any]:
    number: dict[str, Any] = document["state"]["inventories"][0]["numbers"][0]
    assert number["associations"], "the first number is the one with an association"
    return number


@pytest.mark.parametrize("case", sorted(EDITS))
def test_a_malformed_file_is_refused_naming_it_and_the_problem(
    saved: tuple[Path, dict[str, Any]], case: str
) -> None:
    path = saved[0]
    document = _valid_document(saved)
    edit, problem = EDITS[case]
    edit(document)
    path.write_text(json.dumps(document))
    with pytest.raises(StateFileError, match=problem) as raised:
        mock_chime(state=path).start()
    assert str(path) in str(raised.value)


def test_a_refused_file_leaves_no_mock_active(saved: tuple[Path, dict[str, Any]]) -> None:
    path = saved[0]
    path.write_text("{}")
    mock = mock_chime(state=path)
    with pytest.raises(StateFileError):
        mock.start()
    assert not mock.active


def test_a_refused_file_leaves_the_outer_mock_as_it_was(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    path = saved[0]
    document = _valid_document(saved)
    _corrupt(document)  # everything before the bad timestamp would load
    path.write_text(json.dumps(document))
    with mock_chime() as handle:
        voice = _client("chime-sdk-voice")
        order_numbers(voice, "+12065550199")
        before = _snapshot(_backend())
        with pytest.raises(StateFileError):
            mock_chime(state=path).start()
        assert _snapshot(_backend()) == before
        assert len(handle.calls) == 1


def test_saving_into_a_missing_directory_names_the_path_given(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "x.json"
    with mock_chime() as handle, pytest.raises(FileNotFoundError) as raised:
        handle.save_state(path)
    message = str(raised.value)
    assert message.startswith(f"chime_mock: cannot write the state file {path}: ")
    assert f"the directory {path.parent} must exist" in message
    assert ".x.json." not in message  # not the temporary file
