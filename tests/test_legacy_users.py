"""The users of Amazon Chime accounts through a real boto3 client: invitations, CreateUser,
reading, updates, suspension, sign-out, PINs and telephony settings (docs/behaviour.md, "Legacy
Amazon Chime")."""

from __future__ import annotations

import re
from typing import Any

import pytest

from chime_mock import ChimeMock
from tests.inventory_helpers import error_of
from tests.legacy_helpers import UUID, controls, enterprise, invited, registered, team


def test_invited_users_are_pending_and_unregistered(chime: Any) -> None:
    account_id = team(chime)
    answer = chime.invite_users(
        AccountId=account_id, UserEmailList=["alejandror@example.com", "janed@example.com"]
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    invites = answer["Invites"]
    assert [(i["EmailAddress"], i["Status"], i["EmailStatus"]) for i in invites] == [
        ("alejandror@example.com", "Pending", "Sent"),
        ("janed@example.com", "Pending", "Sent"),
    ]
    assert all(re.fullmatch(UUID, invite["InviteId"]) for invite in invites)
    listed = chime.list_users(AccountId=account_id)["Users"]
    assert [u["PrimaryEmail"] for u in listed] == ["alejandror@example.com", "janed@example.com"]
    user = listed[0]
    assert (user["UserRegistrationStatus"], user["UserInvitationStatus"]) == (
        "Unregistered",
        "Pending",
    )
    assert (user["LicenseType"], user["UserType"]) == ("Pro", "PrivateUser")
    assert "InvitedOn" in user and "RegisteredOn" not in user and "PersonalPIN" not in user


def test_invitations_are_for_team_accounts_only(handle: ChimeMock, chime: Any) -> None:
    account_id = enterprise(handle)
    code, message = error_of(
        chime.invite_users, AccountId=account_id, UserEmailList=["jane@example.com"]
    )
    assert code == "BadRequestException"
    assert "Team accounts" in message
    assert chime.list_users(AccountId=account_id)["Users"] == []


def test_more_than_fifty_invitations_are_refused_whole(chime: Any) -> None:
    account_id = team(chime)
    emails = [f"user{n}@example.com" for n in range(51)]
    assert error_of(chime.invite_users, AccountId=account_id, UserEmailList=emails)[0] == (
        "BadRequestException"
    )
    assert chime.list_users(AccountId=account_id)["Users"] == []


def test_a_registered_user_has_a_pin_that_only_get_user_shows(
    handle: ChimeMock, chime: Any
) -> None:
    account_id = team(chime)
    user_id = invited(chime, account_id)
    controls(handle).register_user(account_id, user_id)
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert (user["UserRegistrationStatus"], user["UserInvitationStatus"]) == (
        "Registered",
        "Accepted",
    )
    assert re.fullmatch(r"\d{10}", user["PersonalPIN"])
    assert user["DisplayName"] == "jane"
    assert "RegisteredOn" in user
    assert "PersonalPIN" not in chime.list_users(AccountId=account_id)["Users"][0]


def test_reset_personal_pin_gives_a_new_pin(handle: ChimeMock, chime: Any) -> None:
    account_id = team(chime)
    user_id = registered(handle, chime, account_id)
    old = chime.get_user(AccountId=account_id, UserId=user_id)["User"]["PersonalPIN"]
    pins = {
        chime.reset_personal_pin(AccountId=account_id, UserId=user_id)["User"]["PersonalPIN"]
        for _ in range(3)
    }
    assert all(re.fullmatch(r"\d{10}", pin) for pin in pins)
    assert pins != {old}
    assert chime.get_user(AccountId=account_id, UserId=user_id)["User"]["PersonalPIN"] in pins


def test_create_user_is_refused_on_a_team_account(chime: Any) -> None:
    account_id = team(chime)
    code, message = error_of(chime.create_user, AccountId=account_id, Email="jane@example.com")
    assert code == "BadRequestException"
    assert "InviteUsers" in message


def test_create_user_on_an_enterprise_account_registers_the_user(
    handle: ChimeMock, chime: Any
) -> None:
    account_id = enterprise(handle, "EnterpriseDirectory")
    created = chime.create_user(
        AccountId=account_id, Email="roomdevice@example.com", UserType="SharedDevice"
    )
    user = created["User"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert (user["UserType"], user["UserRegistrationStatus"], user["LicenseType"]) == (
        "SharedDevice",
        "Registered",
        "Pro",
    )
    assert user["AlexaForBusinessMetadata"] == {"IsAlexaForBusinessEnabled": False}
    assert "UserInvitationStatus" not in user


def test_create_user_with_an_email_the_account_has_is_a_conflict(
    handle: ChimeMock, chime: Any
) -> None:
    account_id = enterprise(handle)
    chime.create_user(AccountId=account_id, Email="jane@example.com")
    code, _ = error_of(chime.create_user, AccountId=account_id, Email="JANE@example.com")
    assert code == "ConflictException"
    assert len(chime.list_users(AccountId=account_id)["Users"]) == 1


def test_list_users_filters_by_email_and_type(handle: ChimeMock, chime: Any) -> None:
    account_id = enterprise(handle)
    chime.create_user(AccountId=account_id, Email="jane@example.com")
    desk = chime.create_user(
        AccountId=account_id, Email="desk@example.com", UserType="SharedDevice"
    )
    by_type = chime.list_users(AccountId=account_id, UserType="SharedDevice")["Users"]
    assert [u["UserId"] for u in by_type] == [desk["User"]["UserId"]]
    by_email = chime.list_users(AccountId=account_id, UserEmail="Desk@Example.com")["Users"]
    assert [u["UserId"] for u in by_email] == [desk["User"]["UserId"]]


def test_list_users_pages(handle: ChimeMock, chime: Any) -> None:
    account_id = enterprise(handle)
    made = [
        chime.create_user(AccountId=account_id, Email=f"u{n}@example.com")["User"]["UserId"]
        for n in range(5)
    ]
    pages = chime.get_paginator("list_users").paginate(
        AccountId=account_id, PaginationConfig={"PageSize": 2}
    )
    assert [u["UserId"] for page in pages for u in page["Users"]] == made


def test_a_user_of_another_account_is_not_found(handle: ChimeMock, chime: Any) -> None:
    first, second = team(chime, "First"), team(chime, "Second")
    user_id = invited(chime, first)
    assert error_of(chime.get_user, AccountId=second, UserId=user_id)[0] == "NotFoundException"
    code, _ = error_of(chime.update_user, AccountId=second, UserId=user_id, LicenseType="Basic")
    assert code == "NotFoundException"
    assert chime.get_user(AccountId=first, UserId=user_id)["User"]["LicenseType"] == "Pro"


def test_update_user_changes_the_license_among_the_supported_ones(chime: Any) -> None:
    account_id = team(chime)
    user_id = invited(chime, account_id)
    updated = chime.update_user(AccountId=account_id, UserId=user_id, LicenseType="Basic")
    assert updated["User"]["LicenseType"] == "Basic"
    code, _ = error_of(chime.update_user, AccountId=account_id, UserId=user_id, LicenseType="Plus")
    assert code == "BadRequestException"
    assert chime.get_user(AccountId=account_id, UserId=user_id)["User"]["LicenseType"] == "Basic"


def test_batch_update_user_reports_each_failure(chime: Any) -> None:
    account_id = team(chime)
    first = invited(chime, account_id, "a@example.com")
    second = invited(chime, account_id, "b@example.com")
    errors = chime.batch_update_user(
        AccountId=account_id,
        UpdateUserRequestItems=[
            {"UserId": first, "LicenseType": "Basic"},
            {"UserId": second, "LicenseType": "ProTrial"},
            {"UserId": "no-such-user", "LicenseType": "Basic"},
        ],
    )["UserErrors"]
    assert [(e["UserId"], e["ErrorCode"]) for e in errors] == [
        (second, "BadRequest"),
        ("no-such-user", "NotFound"),
    ]
    licenses = {
        u["UserId"]: u["LicenseType"] for u in chime.list_users(AccountId=account_id)["Users"]
    }
    assert licenses == {first: "Basic", second: "Pro"}


def test_suspending_users_reports_unknown_ones(chime: Any) -> None:
    account_id = team(chime)
    user_id = invited(chime, account_id)
    errors = chime.batch_suspend_user(AccountId=account_id, UserIdList=[user_id, "nobody"])
    assert [(e["UserId"], e["ErrorCode"]) for e in errors["UserErrors"]] == [("nobody", "NotFound")]
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert user["UserRegistrationStatus"] == "Suspended"


def test_a_suspended_team_user_can_be_invited_again(chime: Any) -> None:
    account_id = team(chime)
    user_id = invited(chime, account_id)
    chime.batch_suspend_user(AccountId=account_id, UserIdList=[user_id])
    invites = chime.invite_users(AccountId=account_id, UserEmailList=["jane@example.com"])
    assert invites["Invites"][0]["Status"] == "Pending"
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert (user["UserRegistrationStatus"], user["UserInvitationStatus"]) == (
        "Unregistered",
        "Pending",
    )


@pytest.mark.parametrize("account_type", ["EnterpriseDirectory", "EnterpriseOIDC"])
def test_directory_accounts_suspend_in_their_directory(
    handle: ChimeMock, chime: Any, account_type: str
) -> None:
    account_id = enterprise(handle, account_type)
    user_id = registered(handle, chime, account_id)
    code, _ = error_of(chime.batch_suspend_user, AccountId=account_id, UserIdList=[user_id])
    assert code == "BadRequestException"
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert user["UserRegistrationStatus"] == "Registered"


def test_unsuspending_is_for_enterprise_lwa_accounts(handle: ChimeMock, chime: Any) -> None:
    account_id = team(chime)
    user_id = invited(chime, account_id)
    chime.batch_suspend_user(AccountId=account_id, UserIdList=[user_id])
    code, _ = error_of(chime.batch_unsuspend_user, AccountId=account_id, UserIdList=[user_id])
    assert code == "BadRequestException"


def test_an_unsuspended_lwa_user_is_registered_again_and_others_are_ignored(
    handle: ChimeMock, chime: Any
) -> None:
    account_id = enterprise(handle)
    suspended = registered(handle, chime, account_id, "a@example.com")
    active = registered(handle, chime, account_id, "b@example.com")
    chime.batch_suspend_user(AccountId=account_id, UserIdList=[suspended])
    errors = chime.batch_unsuspend_user(AccountId=account_id, UserIdList=[suspended, active])
    assert errors["UserErrors"] == []
    statuses = {
        u["UserId"]: u["UserRegistrationStatus"]
        for u in chime.list_users(AccountId=account_id)["Users"]
    }
    assert statuses == {suspended: "Registered", active: "Registered"}


def test_logout_user_answers_no_content(handle: ChimeMock, chime: Any) -> None:
    account_id = team(chime)
    user_id = registered(handle, chime, account_id)
    answer = chime.logout_user(AccountId=account_id, UserId=user_id)
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert error_of(chime.logout_user, AccountId=account_id, UserId="nobody")[0] == (
        "NotFoundException"
    )


def test_telephony_settings_start_off_and_are_kept(handle: ChimeMock, chime: Any) -> None:
    account_id = team(chime)
    user_id = registered(handle, chime, account_id)
    settings = chime.get_user_settings(AccountId=account_id, UserId=user_id)["UserSettings"]
    assert settings == {
        "Telephony": {"InboundCalling": False, "OutboundCalling": False, "SMS": False}
    }
    telephony = {"InboundCalling": True, "OutboundCalling": True, "SMS": False}
    answer = chime.update_user_settings(
        AccountId=account_id, UserId=user_id, UserSettings={"Telephony": telephony}
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    settings = chime.get_user_settings(AccountId=account_id, UserId=user_id)["UserSettings"]
    assert settings == {"Telephony": telephony}


def test_register_user_refuses_an_unknown_user(handle: ChimeMock, chime: Any) -> None:
    account_id = team(chime)
    with pytest.raises(ValueError, match="chime_mock: User nobody not found"):
        controls(handle).register_user(account_id, "nobody")
