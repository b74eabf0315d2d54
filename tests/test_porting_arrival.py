"""Ported numbers enter the inventory one day before the FOC date (docs/behaviour.md, "Porting
orders").

Until then the porting order is visible but its numbers are not: every read answers as if they
did not exist, they take no place in the quota, and yet nobody can order them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
import time_machine
from freezegun import freeze_time

from chime_mock import ChimeMock, mock_chime
from chime_mock.backend import Scope
from chime_mock.backend.phone_numbers.orders import seed_porting_order
from chime_mock.server import running_server
from tests.conftest import FrozenClock, order_numbers
from tests.inventory_helpers import client_as, error_of, statuses
from tests.server.conftest import send

NOW = dt.datetime(2026, 4, 1, 9, tzinfo=dt.timezone.utc)
FOC = dt.datetime(2026, 4, 20, 14, tzinfo=dt.timezone.utc)
ARRIVAL = FOC - dt.timedelta(days=1)
JUST_BEFORE = ARRIVAL - dt.timedelta(seconds=1)
PORTED = "+12065550100"
PORT_IN_STATUS = {"chime-sdk-voice": "PortinInProgress", "chime": "AcquireInProgress"}
# A seeded port before its FOC date: voice has porting statuses, legacy Chime only Processing.
PORT_ORDER_STATUS = {"chime-sdk-voice": "FOC", "chime": "Processing"}

Mover = Callable[[dt.datetime], None]


@pytest.fixture
def seeded(frozen_clock: FrozenClock, service: str) -> Iterator[tuple[Any, Mover, ChimeMock]]:
    """A client of `service` at NOW, after a porting order of PORTED with FOC date FOC."""
    with frozen_clock(NOW) as clock, mock_chime() as handle:
        handle.seed_porting_order([PORTED], foc_date=FOC, service=service)
        yield boto3.client(service, region_name="us-east-1"), clock.move_to, handle


def _service(client: Any) -> str:
    return str(client.meta.service_model.service_name)


# -- when they appear ------------------------------------------------------------------------------


def test_ported_numbers_are_not_in_the_inventory_before_the_day_before_the_foc_date(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, move_to, _ = seeded
    assert statuses(client) == {}
    move_to(JUST_BEFORE)
    assert statuses(client) == {}


def test_the_porting_order_is_visible_while_its_numbers_are_not(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, _, _ = seeded
    [order] = client.list_phone_number_orders()["PhoneNumberOrders"]
    assert [line["E164PhoneNumber"] for line in order["OrderedPhoneNumbers"]] == [PORTED]
    got = client.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["Status"] == PORT_ORDER_STATUS[_service(client)]


def test_ported_numbers_appear_in_the_port_in_status_a_day_before_the_foc_date(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, move_to, _ = seeded
    move_to(ARRIVAL)
    number = client.get_phone_number(PhoneNumberId=PORTED)["PhoneNumber"]
    assert number["Status"] == PORT_IN_STATUS[_service(client)]
    assert number["CreatedTimestamp"] == ARRIVAL  # it entered the inventory then


def test_ported_numbers_become_unassigned_on_the_foc_date(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, move_to, _ = seeded
    move_to(FOC - dt.timedelta(seconds=1))
    assert statuses(client) == {PORTED: PORT_IN_STATUS[_service(client)]}
    move_to(FOC)
    assert statuses(client) == {PORTED: "Unassigned"}


def test_a_jump_past_the_foc_date_shows_them_unassigned_since_the_foc_date(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, move_to, _ = seeded
    move_to(FOC + dt.timedelta(days=3))
    number = client.get_phone_number(PhoneNumberId=PORTED)["PhoneNumber"]
    assert (number["Status"], number["CreatedTimestamp"]) == ("Unassigned", ARRIVAL)
    assert number["UpdatedTimestamp"] == FOC


@pytest.mark.parametrize(
    "foc_in",
    [dt.timedelta(hours=23, minutes=59), dt.timedelta(days=1)],
    ids=["within a day", "exactly a day"],
)
def test_numbers_of_a_port_due_within_a_day_appear_at_once(
    service: str, foc_in: dt.timedelta
) -> None:
    with freeze_time(NOW), mock_chime() as handle:
        handle.seed_porting_order([PORTED], foc_date=NOW + foc_in, service=service)
        client = boto3.client(service, region_name="us-east-1")
        number = client.get_phone_number(PhoneNumberId=PORTED)["PhoneNumber"]
    assert (number["Status"], number["CreatedTimestamp"]) == (PORT_IN_STATUS[service], NOW)


def test_numbers_of_a_port_whose_foc_date_is_past_appear_at_once_unassigned(
    service: str,
) -> None:
    with freeze_time(NOW), mock_chime() as handle:
        order_id = handle.seed_porting_order(
            [PORTED], foc_date=NOW - dt.timedelta(days=2), service=service
        )
        client = boto3.client(service, region_name="us-east-1")
        assert statuses(client) == {PORTED: "Unassigned"}
        order = client.get_phone_number_order(PhoneNumberOrderId=order_id)
    assert order["PhoneNumberOrder"]["Status"] == "Successful"


@pytest.mark.parametrize(
    ("status", "number_status"),
    [("CancelRequested", "PortinCancelRequested"), ("Cancelled", "Cancelled")],
)
def test_a_cancelling_ports_numbers_also_wait_for_the_day_before_the_foc_date(
    frozen_clock: FrozenClock, status: str, number_status: str
) -> None:
    with frozen_clock(NOW) as clock, mock_chime() as handle:
        handle.seed_porting_order([PORTED], foc_date=FOC, status=status)
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        clock.move_to(JUST_BEFORE)
        assert statuses(voice) == {}
        clock.move_to(ARRIVAL)
        assert statuses(voice) == {PORTED: number_status}


def test_a_ported_number_lists_after_the_numbers_already_there_when_it_appears(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, move_to, _ = seeded
    order_numbers(client, "+12065550101", "+12065550102")  # ordered after the port was seeded
    move_to(ARRIVAL)
    first = client.list_phone_numbers(MaxResults=2)
    second = client.list_phone_numbers(MaxResults=2, NextToken=first["NextToken"])
    assert [number["E164PhoneNumber"] for number in first["PhoneNumbers"]] == [
        "+12065550101",
        "+12065550102",
    ]
    assert [number["E164PhoneNumber"] for number in second["PhoneNumbers"]] == [PORTED]


def test_a_number_of_a_cancelled_port_ordered_meanwhile_keeps_its_new_record(
    frozen_clock: FrozenClock,
) -> None:
    with frozen_clock(NOW) as clock, mock_chime() as handle:
        handle.seed_porting_order([PORTED], foc_date=FOC, status="Cancelled")
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order_numbers(voice, PORTED)  # a cancelled port holds nothing: it can be ordered
        clock.move_to(ARRIVAL)
        assert statuses(voice) == {PORTED: "Unassigned"}


def test_completing_a_port_by_hand_before_its_numbers_appear_brings_them_in(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, _, handle = seeded
    [order] = client.list_phone_number_orders()["PhoneNumberOrders"]
    handle.complete_order(order["PhoneNumberOrderId"])
    number = client.get_phone_number(PhoneNumberId=PORTED)["PhoneNumber"]
    assert (number["Status"], number["CreatedTimestamp"]) == ("Unassigned", NOW)


# -- every read answers as if they did not exist ---------------------------------------------------

SINGLE_READS: dict[str, Callable[[Any], Any]] = {
    "GetPhoneNumber": lambda c: c.get_phone_number(PhoneNumberId=PORTED),
    "UpdatePhoneNumber": lambda c: c.update_phone_number(PhoneNumberId=PORTED, CallingName="Desk"),
    "DeletePhoneNumber": lambda c: c.delete_phone_number(PhoneNumberId=PORTED),
    "RestorePhoneNumber": lambda c: c.restore_phone_number(PhoneNumberId=PORTED),
}


@pytest.mark.parametrize("operation", sorted(SINGLE_READS))
def test_a_number_not_yet_ported_in_is_not_found(
    seeded: tuple[Any, Mover, ChimeMock], operation: str
) -> None:
    client, _, _ = seeded
    code, _ = error_of(SINGLE_READS[operation], c=client)
    assert code == "NotFoundException"


BATCHES: dict[str, Callable[[Any], Any]] = {
    "BatchDeletePhoneNumber": lambda c: c.batch_delete_phone_number(PhoneNumberIds=[PORTED]),
    "BatchUpdatePhoneNumber": lambda c: c.batch_update_phone_number(
        UpdatePhoneNumberRequestItems=[{"PhoneNumberId": PORTED, "CallingName": "Desk"}]
    ),
}


@pytest.mark.parametrize("operation", sorted(BATCHES))
def test_a_batch_reports_a_number_not_yet_ported_in_as_not_found(
    seeded: tuple[Any, Mover, ChimeMock], operation: str
) -> None:
    client, _, _ = seeded
    [error] = BATCHES[operation](client)["PhoneNumberErrors"]
    # Named by its ID, whichever form was sent (docs/behaviour.md, "Wire habits of real code").
    assert (error["PhoneNumberId"], error["ErrorCode"]) == (PORTED.replace("+", "%2B"), "NotFound")


def test_a_paged_listing_never_shows_a_number_not_yet_ported_in(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, _, _ = seeded
    ordered = ["+12065550101", "+12065550102", "+12065550103"]
    order_numbers(client, *ordered)
    seen, token = [], None
    while True:
        page = client.list_phone_numbers(MaxResults=1, **({"NextToken": token} if token else {}))
        seen += [number["E164PhoneNumber"] for number in page["PhoneNumbers"]]
        token = page.get("NextToken")
        if not token:
            break
    assert seen == ordered


def test_filtering_by_the_port_in_status_shows_nothing_before_they_appear(
    seeded: tuple[Any, Mover, ChimeMock],
) -> None:
    client, move_to, _ = seeded
    port_in = PORT_IN_STATUS[_service(client)]
    assert statuses(client, Status=port_in) == {}
    move_to(ARRIVAL)
    assert statuses(client, Status=port_in) == {PORTED: port_in}


# -- held all the same ---------------------------------------------------------------------------


@pytest.mark.parametrize("account", [None, "111111111111"], ids=["same account", "other account"])
def test_ordering_a_number_not_yet_ported_in_fails_that_number(
    seeded: tuple[Any, Mover, ChimeMock], account: str | None
) -> None:
    client, _, _ = seeded
    orderer = client if account is None else client_as(_service(client), account)
    order_id = order_numbers(orderer, PORTED, "+12065550101")["PhoneNumberOrderId"]
    order = orderer.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    lines = {line["E164PhoneNumber"]: line["Status"] for line in order["OrderedPhoneNumbers"]}
    assert lines == {PORTED: "Failed", "+12065550101": "Acquired"}
    assert statuses(orderer) == {"+12065550101": "Unassigned"}


def test_search_never_offers_a_number_not_yet_ported_in(
    frozen_clock: FrozenClock, service: str
) -> None:
    with frozen_clock(NOW), mock_chime() as handle:
        client = boto3.client(service, region_name="us-east-1")
        first = client.search_available_phone_numbers(AreaCode="206", MaxResults=5)
        offered = first["E164PhoneNumbers"][0]
        handle.seed_porting_order([offered], foc_date=FOC, service=service)
        again = client.search_available_phone_numbers(AreaCode="206", MaxResults=5)
    assert offered not in again["E164PhoneNumbers"]


def test_numbers_not_yet_ported_in_take_no_place_in_the_quota(service: str) -> None:
    with freeze_time(NOW), mock_chime(phone_number_limit=2) as handle:
        handle.seed_porting_order(["+12065550100", "+12065550101"], foc_date=FOC, service=service)
        client = boto3.client(service, region_name="us-east-1")
        order = order_numbers(client, "+12065550102", "+12065550103")
    assert order["Status"] == "Processing"  # accepted: the ported numbers are not counted yet


def test_ported_numbers_count_against_the_quota_once_they_appear(service: str) -> None:
    with freeze_time(NOW) as frozen, mock_chime(phone_number_limit=2) as handle:
        handle.seed_porting_order(["+12065550100", "+12065550101"], foc_date=FOC, service=service)
        client = boto3.client(service, region_name="us-east-1")
        frozen.move_to(ARRIVAL)
        code, _ = error_of(
            client.create_phone_number_order,
            ProductType="VoiceConnector",
            E164PhoneNumbers=["+12065550102"],
        )
    assert code == "ResourceLimitExceededException"


# -- the test tooling shows them, marked -----------------------------------------------------------


@pytest.fixture
def seeded_server() -> Iterator[str]:
    """A running server's URL, at NOW, holding a voice port of PORTED whose FOC date is FOC."""
    with time_machine.travel(NOW, tick=False), running_server() as server:
        scope = Scope.of("chime-sdk-voice", "123456789012", "us-east-1")
        with server.backend.lock:
            seed_porting_order(server.backend, scope, "VoiceConnector", [PORTED], FOC, "FOC", NOW)
        yield server.url


def test_the_server_state_lists_numbers_not_yet_ported_in_apart_with_when_they_appear(
    seeded_server: str,
) -> None:
    [inventory] = send(seeded_server, "GET", "/_chime_mock/state").json()["Inventories"]
    assert inventory["PhoneNumbers"] == []
    [arriving] = inventory["ArrivingPhoneNumbers"]
    assert (arriving["E164PhoneNumber"], arriving["Status"]) == (PORTED, "PortinInProgress")
    assert arriving["AppearsAt"] == "2026-04-19T14:00:00.000Z"


def test_the_dashboard_shows_numbers_not_yet_ported_in_in_their_own_table(
    seeded_server: str,
) -> None:
    page = send(seeded_server, "GET", "/_chime_mock/").body.decode()
    assert '<table class="arriving">' in page
    assert "not shown by the API yet" in page
    assert PORTED in page
