"""The control endpoints of legacy Chime accounts, and legacy Chime's records in the server's
state and dashboard."""

from __future__ import annotations

import json
from typing import Any

from chime_mock.server import ChimeMockServer
from tests.server.conftest import inventories, make_client, send


def post(server: ChimeMockServer, path: str, document: Any = None) -> Any:
    body = b"" if document is None else json.dumps(document).encode()
    return send(server.url, "POST", "/_chime_mock" + path, body)


def _chime(server: ChimeMockServer) -> Any:
    return make_client(server.url + "/chime", "chime")


def test_an_enterprise_account_is_made_over_http(server: ChimeMockServer) -> None:
    answer = post(server, "/chime/accounts", {"Name": "Example Corp"})
    assert answer.status == 201
    account_id = answer.json()["AccountId"]
    account = _chime(server).get_account(AccountId=account_id)["Account"]
    assert (account["Name"], account["AccountType"]) == ("Example Corp", "EnterpriseLWA")


def test_an_account_of_an_unknown_type_is_refused(server: ChimeMockServer) -> None:
    answer = post(server, "/chime/accounts", {"Name": "X", "AccountType": "EnterpriseLOA"})
    assert answer.status == 400
    assert answer.headers["x-amzn-errortype"] == "BadRequestException"
    assert "account_type must be one of" in answer.json()["Message"]
    assert _chime(server).list_accounts()["Accounts"] == []


def test_an_account_needs_a_name_and_an_aws_account_of_twelve_digits(
    server: ChimeMockServer,
) -> None:
    assert post(server, "/chime/accounts", {}).status == 400
    assert post(server, "/chime/accounts", {"Name": "X", "Account": "12"}).status == 400


def test_an_account_is_made_in_the_aws_account_named(server: ChimeMockServer) -> None:
    answer = post(server, "/chime/accounts", {"Name": "X", "Account": "210987654321"})
    other = make_client(server.url + "/chime", "chime", access_key="210987654321")
    assert other.get_account(AccountId=answer.json()["AccountId"])["Account"]["AwsAccountId"] == (
        "210987654321"
    )
    assert _chime(server).list_accounts()["Accounts"] == []


def test_a_user_registers_over_http(server: ChimeMockServer) -> None:
    chime = _chime(server)
    account_id = chime.create_account(Name="Team")["Account"]["AccountId"]
    chime.invite_users(AccountId=account_id, UserEmailList=["jane@example.com"])
    user_id = chime.list_users(AccountId=account_id)["Users"][0]["UserId"]
    answer = post(
        server,
        f"/chime/accounts/{account_id}/users/{user_id}/register",
        {"DisplayName": "Jane Doe"},
    )
    assert (answer.status, answer.json()) == (200, {})
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert (user["UserRegistrationStatus"], user["UserInvitationStatus"]) == (
        "Registered",
        "Accepted",
    )
    assert user["DisplayName"] == "Jane Doe"


def test_registering_an_unknown_user_is_not_found(server: ChimeMockServer) -> None:
    account_id = _chime(server).create_account(Name="Team")["Account"]["AccountId"]
    answer = post(server, f"/chime/accounts/{account_id}/users/nobody/register")
    assert answer.status == 404
    assert answer.headers["x-amzn-errortype"] == "NotFoundException"


def test_the_state_and_the_dashboard_show_legacy_records(server: ChimeMockServer) -> None:
    chime = _chime(server)
    account_id = post(server, "/chime/accounts", {"Name": "Example Corp"}).json()["AccountId"]
    user_id = chime.create_user(AccountId=account_id, Email="jane@example.com")["User"]["UserId"]
    room_id = chime.create_room(AccountId=account_id, Name="support")["Room"]["RoomId"]
    chime.create_room_membership(AccountId=account_id, RoomId=room_id, MemberId=user_id)
    chime.create_bot(AccountId=account_id, DisplayName="helper")
    (legacy,) = [i for i in inventories(server) if i["Service"] == "chime"]
    assert [a["AccountId"] for a in legacy["Accounts"]] == [account_id]
    assert [u["UserId"] for u in legacy["Users"]] == [user_id]
    assert legacy["Rooms"][0]["RoomMemberships"][0]["Member"]["MemberId"] == user_id
    assert legacy["Bots"][0]["DisplayName"] == "helper (Bot)"
    page = send(server.url, "GET", "/_chime_mock/").body.decode()
    assert account_id in page and "helper (Bot)" in page
