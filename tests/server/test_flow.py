"""boto3 clients through the HTTP server reach the same fake as in-process ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import boto3
import pytest

from chime_mock import mock_chime
from chime_mock.server import ChimeMockServer
from tests.server.conftest import inventories, make_client, order, send


def test_root_endpoint_is_chime_sdk_voice(server: ChimeMockServer, remote_voice: Any) -> None:
    created = order(remote_voice)
    got = remote_voice.get_phone_number_order(PhoneNumberOrderId=created["PhoneNumberOrderId"])
    assert got["PhoneNumberOrder"]["OrderType"] == "New"  # a member only Chime SDK Voice has
    assert [i["Service"] for i in inventories(server)] == ["chime-sdk-voice"]


def test_chime_path_prefix_reaches_legacy_chime(
    server: ChimeMockServer, client_of: Callable[..., Any]
) -> None:
    order(client_of("chime"))
    assert [i["Service"] for i in inventories(server)] == ["chime"]


def test_chime_sdk_voice_path_prefix_is_accepted(server: ChimeMockServer) -> None:
    order(make_client(server.url + "/chime-sdk-voice", "chime-sdk-voice"))
    assert [i["Service"] for i in inventories(server)] == ["chime-sdk-voice"]


def test_chime_host_name_reaches_legacy_chime(
    server: ChimeMockServer, client_of: Callable[..., Any]
) -> None:
    created = order(client_of("chime"))
    listed = send(
        server.url, "GET", "/phone-number-orders", headers={"Host": "service.chime.localhost"}
    ).json()
    assert [o["PhoneNumberOrderId"] for o in listed["PhoneNumberOrders"]] == [
        created["PhoneNumberOrderId"]
    ]


def test_region_comes_from_the_signature(
    server: ChimeMockServer, client_of: Callable[..., Any]
) -> None:
    order(client_of("chime-sdk-voice", region="eu-west-1"))
    elsewhere = client_of("chime-sdk-voice", region="us-west-2")
    assert elsewhere.list_phone_number_orders()["PhoneNumberOrders"] == []
    assert [i["Region"] for i in inventories(server)] == ["eu-west-1"]


def test_twelve_digit_access_key_is_the_account(
    server: ChimeMockServer, client_of: Callable[..., Any]
) -> None:
    order(client_of("chime-sdk-voice", access_key="111122223333"))
    assert [i["AccountId"] for i in inventories(server)] == ["111122223333"]


def test_not_found_reaches_boto3_as_its_modeled_exception(remote_voice: Any) -> None:
    with pytest.raises(remote_voice.exceptions.NotFoundException):
        remote_voice.get_phone_number(PhoneNumberId="+12065550199")


def test_listing_pages_through_the_server(remote_voice: Any) -> None:
    ids = {order(remote_voice, f"+1206555010{i}")["PhoneNumberOrderId"] for i in range(3)}
    first = remote_voice.list_phone_number_orders(MaxResults=2)
    second = remote_voice.list_phone_number_orders(MaxResults=2, NextToken=first["NextToken"])
    seen = first["PhoneNumberOrders"] + second["PhoneNumberOrders"]
    assert {o["PhoneNumberOrderId"] for o in seen} == ids
    assert "NextToken" not in second


def test_server_state_is_its_own_not_the_in_process_mocks(remote_voice: Any) -> None:
    order(remote_voice)
    with mock_chime():
        local = boto3.client("chime-sdk-voice", region_name="us-east-1")
        assert local.list_phone_number_orders()["PhoneNumberOrders"] == []
