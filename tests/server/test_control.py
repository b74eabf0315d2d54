"""The control endpoints under /_chime_mock/: steering the fake over HTTP."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
import time_machine

from chime_mock import clock
from chime_mock.backend import Scope
from chime_mock.backend.phone_numbers.orders import seed_porting_order
from chime_mock.server import ChimeMockServer, control, running_server
from tests.server.conftest import NUMBER, inventories, make_client, order, send


def post(server: ChimeMockServer, path: str, document: Any = None) -> Any:
    body = b"" if document is None else json.dumps(document).encode()
    return send(server.url, "POST", "/_chime_mock" + path, body)


def test_reset_forgets_every_order(server: ChimeMockServer, remote_voice: Any) -> None:
    order(remote_voice)
    assert post(server, "/reset").status == 200
    assert remote_voice.list_phone_number_orders()["PhoneNumberOrders"] == []


def test_reset_drops_pending_faults_and_the_journal(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    fault = {"Operation": "ListPhoneNumberOrders", "Code": "ForbiddenException", "Times": 2}
    post(server, "/faults", fault)
    with pytest.raises(remote_voice.exceptions.ForbiddenException):
        remote_voice.list_phone_number_orders()
    post(server, "/reset")
    assert send(server.url, "GET", "/_chime_mock/calls").json() == {"Dropped": 0, "Calls": []}
    assert remote_voice.list_phone_number_orders()["PhoneNumberOrders"] == []  # no fault left


def test_state_completes_the_orders_due_by_the_clock_first() -> None:
    start = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)
    with (
        time_machine.travel(start, tick=False) as traveller,
        running_server(processing_delay=60) as server,
    ):
        order(make_client(server.url, "chime-sdk-voice"))
        [before] = inventories(server)
        traveller.shift(dt.timedelta(seconds=60))
        [after] = inventories(server)  # no API call in between
    assert [o["Status"] for o in before["PhoneNumberOrders"]] == ["Processing"]
    assert [o["Status"] for o in after["PhoneNumberOrders"]] == ["Successful"]
    assert [n["Status"] for n in after["PhoneNumbers"]] == ["Unassigned"]


def test_state_of_legacy_chime_has_no_region(server: ChimeMockServer) -> None:
    order(make_client(server.url + "/chime", "chime"))
    order(make_client(server.url, "chime-sdk-voice"), "+12065550101")
    regions = {inventory["Service"]: inventory.get("Region") for inventory in inventories(server)}
    assert regions == {"chime": None, "chime-sdk-voice": "us-east-1"}
    assert ["Region" in inventory for inventory in inventories(server)].count(False) == 1


def test_state_shows_orders_and_numbers_in_api_member_names(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    created = order(remote_voice)
    [inventory] = inventories(server)
    assert inventory["PhoneNumberOrders"][0]["PhoneNumberOrderId"] == created["PhoneNumberOrderId"]
    assert inventory["PhoneNumbers"][0]["E164PhoneNumber"] == NUMBER


def test_state_timestamps_have_milliseconds_like_the_api(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    created = order(remote_voice)
    [inventory] = inventories(server)
    [shown] = inventory["PhoneNumberOrders"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", shown["CreatedTimestamp"])
    assert shown["CreatedTimestamp"] == created["CreatedTimestamp"].isoformat(
        timespec="milliseconds"
    ).replace("+00:00", "Z")


def test_state_is_empty_before_any_order(server: ChimeMockServer, remote_voice: Any) -> None:
    remote_voice.list_phone_number_orders()
    assert inventories(server) == []


def test_complete_order_ends_a_processing_order(server: ChimeMockServer, remote_voice: Any) -> None:
    post(server, "/config", {"ProcessingDelay": None})
    created = order(remote_voice, NUMBER, "+12065550101")
    answer = post(
        server,
        f"/orders/{created['PhoneNumberOrderId']}/complete",
        {"FailedPhoneNumbers": ["+12065550101"]},
    )
    assert answer.json()["PhoneNumberOrder"]["Status"] == "Partial"
    got = remote_voice.get_phone_number_order(PhoneNumberOrderId=created["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["Status"] == "Partial"


def test_processing_delay_null_keeps_orders_processing(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    assert post(server, "/config", {"ProcessingDelay": None}).json()["ProcessingDelay"] is None
    created = order(remote_voice)
    got = remote_voice.get_phone_number_order(PhoneNumberOrderId=created["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["Status"] == "Processing"


def test_negative_processing_delay_is_bad_request(server: ChimeMockServer) -> None:
    answer = post(server, "/config", {"ProcessingDelay": -1})
    assert (answer.status, answer.error_type) == (400, "BadRequestException")


def test_completing_an_unknown_order_is_not_found(server: ChimeMockServer) -> None:
    answer = post(server, "/orders/5d6a4d0e-0000-4000-8000-000000000000/complete")
    assert (answer.status, answer.error_type) == (404, "NotFoundException")


def test_completing_a_finished_order_is_a_conflict(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    created = order(remote_voice)  # the default delay 0 completes it at the next request
    answer = post(server, f"/orders/{created['PhoneNumberOrderId']}/complete")
    assert (answer.status, answer.error_type) == (409, "ConflictException")


def test_failing_a_number_not_in_the_order_is_bad_request(
    server: ChimeMockServer, remote_voice: Any
) -> None:
    post(server, "/config", {"ProcessingDelay": None})
    created = order(remote_voice)
    answer = post(
        server,
        f"/orders/{created['PhoneNumberOrderId']}/complete",
        {"FailedPhoneNumbers": ["+12065550177"]},
    )
    assert (answer.status, answer.error_type) == (400, "BadRequestException")


def test_unknown_control_path_lists_the_endpoints(server: ChimeMockServer) -> None:
    answer = send(server.url, "GET", "/_chime_mock/nothing-here")
    assert (answer.status, answer.error_type) == (404, "NotFoundException")
    assert "POST /_chime_mock/reset" in answer.json()["Message"]


def test_wrong_method_on_a_control_endpoint_is_405_with_allow(server: ChimeMockServer) -> None:
    answer = send(server.url, "GET", "/_chime_mock/reset")
    assert (answer.status, answer.headers["allow"]) == (405, "POST")


def test_control_body_that_is_not_json_is_bad_request(server: ChimeMockServer) -> None:
    answer = send(server.url, "POST", "/_chime_mock/config", b"{not json")
    assert (answer.status, answer.error_type) == (400, "BadRequestException")


def test_a_failing_control_endpoint_answers_service_failure(
    server: ChimeMockServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(request: control.ControlRequest) -> Any:
        raise KeyError("bug")

    monkeypatch.setitem(control._CONTROLS, "state", broken)
    answer = send(server.url, "GET", "/_chime_mock/state")
    assert (answer.status, answer.error_type) == (500, "ServiceFailureException")
    assert "KeyError" in answer.json()["Message"]


def test_reading_the_config_changes_nothing(server: ChimeMockServer) -> None:
    answer = send(server.url, "GET", "/_chime_mock/config", b'{"ProcessingDelay": null}')
    assert answer.json() == {
        "ProcessingDelay": 0.0,
        "PhoneNumberLimit": 25,
        "JournalLimit": 10000,
        "Quotas": {},
    }


def test_the_config_sets_the_phone_number_limit(server: ChimeMockServer) -> None:
    answer = send(server.url, "POST", "/_chime_mock/config", b'{"PhoneNumberLimit": 1}')
    assert answer.json()["PhoneNumberLimit"] == 1
    voice = make_client(server.url, "chime-sdk-voice")
    voice.create_phone_number_order(ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"])
    with pytest.raises(voice.exceptions.ResourceLimitExceededException):
        voice.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550101"]
        )


def test_a_bad_config_changes_no_setting(server: ChimeMockServer) -> None:
    body = b'{"ProcessingDelay": 5, "PhoneNumberLimit": -1, "JournalLimit": 5}'
    answer = send(server.url, "POST", "/_chime_mock/config", body)
    assert (answer.status, answer.error_type) == (400, "BadRequestException")
    assert "PhoneNumberLimit takes a whole number" in answer.json()["Message"]
    settings = send(server.url, "GET", "/_chime_mock/config").json()
    assert settings == {
        "ProcessingDelay": 0.0,
        "PhoneNumberLimit": 25,
        "JournalLimit": 10000,
        "Quotas": {},
    }


def test_complete_finishes_a_porting_order_before_its_foc_date(server: ChimeMockServer) -> None:
    # The same rule as handle.complete_order: an order still under way completes now.
    with server.backend.lock:
        now = clock.now()
        ported = seed_porting_order(
            server.backend,
            Scope.of("chime-sdk-voice", "123456789012", "us-east-1"),
            "VoiceConnector",
            ["+12065550100"],
            now + dt.timedelta(days=30),
            "FOC",
            now,
        )
    answer = post(server, f"/orders/{ported.order_id}/complete", {})
    assert answer.status == 200
    assert answer.json()["PhoneNumberOrder"]["Status"] == "Successful"


def test_quotas_are_set_and_read_through_the_config(server: ChimeMockServer) -> None:
    answer = send(server.url, "POST", "/_chime_mock/config", b'{"Quotas": {"voice_connectors": 4}}')
    assert answer.json()["Quotas"] == {"voice_connectors": 4}
    voice = make_client(server.url, "chime-sdk-voice")
    for index in range(4):
        voice.create_voice_connector(Name=f"trunk{index}", RequireEncryption=True)
    refused = send(server.url, "POST", "/_chime_mock/config", b'{"Quotas": {"voice_conector": 4}}')
    assert refused.status == 400
    assert "voice_connectors" in refused.json()["Message"]
