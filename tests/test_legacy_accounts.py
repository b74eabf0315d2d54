"""Amazon Chime accounts through a real boto3 client: Create, Get, List, Update, Delete, the
account settings and the sign-in delegate groups (docs/behaviour.md, "Legacy Amazon Chime")."""

from __future__ import annotations

import re
from typing import Any

import pytest

from chime_mock import ChimeMock
from tests.inventory_helpers import client_as, error_of
from tests.legacy_helpers import UUID, controls, enterprise, invited, registered, team


def test_create_account_makes_an_active_team_account(chime: Any) -> None:
    created = chime.create_account(Name="MyChimeAccount")
    account = created["Account"]
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, account["AccountId"])
    assert account["AwsAccountId"] == "123456789012"
    assert (account["Name"], account["AccountType"], account["AccountStatus"]) == (
        "MyChimeAccount",
        "Team",
        "Active",
    )
    assert (account["DefaultLicense"], account["SupportedLicenses"]) == ("Pro", ["Basic", "Pro"])
    assert account["SigninDelegateGroups"] == []
    assert chime.get_account(AccountId=account["AccountId"])["Account"] == account


def test_an_account_name_needs_a_character_that_is_not_a_space(chime: Any) -> None:
    assert error_of(chime.create_account, Name="   ")[0] == "BadRequestException"
    assert error_of(chime.create_account, Name="x" * 101)[0] == "BadRequestException"
    assert chime.list_accounts()["Accounts"] == []


def test_an_unknown_account_is_not_found(chime: Any) -> None:
    code, message = error_of(chime.get_account, AccountId="a1b2c3d4-0000-0000-0000-000000000000")
    assert code == "NotFoundException"
    assert "a1b2c3d4-0000-0000-0000-000000000000" in message


def test_another_aws_accounts_chime_account_is_not_found(chime: Any) -> None:
    account_id = team(chime)
    other = client_as("chime", "210987654321")
    assert error_of(other.get_account, AccountId=account_id)[0] == "NotFoundException"
    assert error_of(other.delete_account, AccountId=account_id)[0] == "NotFoundException"
    assert chime.get_account(AccountId=account_id)["Account"]["AccountId"] == account_id
    assert other.list_accounts()["Accounts"] == []


def test_list_accounts_filters_by_name_prefix(chime: Any) -> None:
    first, _, third = team(chime, "Sales east"), team(chime, "Support"), team(chime, "Sales west")
    listed = chime.list_accounts(Name="Sales")["Accounts"]
    assert [account["AccountId"] for account in listed] == [first, third]


def test_list_accounts_filters_by_a_users_email(handle: ChimeMock, chime: Any) -> None:
    team(chime, "Without")
    account_id = team(chime, "With")
    invited(chime, account_id, "mateo@example.com")
    listed = chime.list_accounts(UserEmail="Mateo@example.com")["Accounts"]
    assert [account["AccountId"] for account in listed] == [account_id]
    assert chime.list_accounts(UserEmail="nobody@example.com")["Accounts"] == []


def test_list_accounts_pages_oldest_first(chime: Any) -> None:
    made = [team(chime, f"Account {n}") for n in range(5)]
    pages = chime.get_paginator("list_accounts").paginate(PaginationConfig={"PageSize": 2})
    listed = [[a["AccountId"] for a in page["Accounts"]] for page in pages]
    assert listed == [made[0:2], made[2:4], made[4:]]


def test_update_account_renames_and_sets_the_default_license(chime: Any) -> None:
    account_id = team(chime)
    updated = chime.update_account(AccountId=account_id, Name="Renamed", DefaultLicense="Basic")
    assert (updated["Account"]["Name"], updated["Account"]["DefaultLicense"]) == (
        "Renamed",
        "Basic",
    )
    assert chime.get_account(AccountId=account_id)["Account"]["Name"] == "Renamed"


def test_a_default_license_the_account_does_not_support_changes_nothing(chime: Any) -> None:
    account_id = team(chime)
    code, message = error_of(
        chime.update_account, AccountId=account_id, Name="Renamed", DefaultLicense="Plus"
    )
    assert code == "BadRequestException"
    assert "Basic, Pro" in message
    account = chime.get_account(AccountId=account_id)["Account"]
    assert (account["Name"], account["DefaultLicense"]) == ("Team", "Pro")


def test_a_team_account_with_users_not_suspended_cannot_be_deleted(chime: Any) -> None:
    account_id = team(chime)
    user_id = invited(chime, account_id)
    code, message = error_of(chime.delete_account, AccountId=account_id)
    assert code == "UnprocessableEntityException"
    assert "BatchSuspendUser" in message and user_id in message
    assert chime.get_account(AccountId=account_id)["Account"]["AccountId"] == account_id


def test_a_deleted_account_is_gone_with_its_users(chime: Any) -> None:
    account_id = team(chime)
    user_id = invited(chime, account_id)
    chime.batch_suspend_user(AccountId=account_id, UserIdList=[user_id])
    deleted = chime.delete_account(AccountId=account_id)
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 204
    assert error_of(chime.get_account, AccountId=account_id)[0] == "NotFoundException"
    assert chime.list_accounts()["Accounts"] == []
    assert chime.list_accounts(UserEmail="jane@example.com")["Accounts"] == []
    assert error_of(chime.list_users, AccountId=account_id)[0] == "NotFoundException"


def test_an_enterprise_account_with_claimed_domains_cannot_be_deleted(
    handle: ChimeMock, chime: Any
) -> None:
    account_id = enterprise(handle)
    code, message = error_of(chime.delete_account, AccountId=account_id)
    assert code == "UnprocessableEntityException"
    assert "example.com" in message


def test_an_enterprise_account_without_domains_is_deleted_with_everything_it_holds(
    handle: ChimeMock, chime: Any
) -> None:
    account_id = enterprise(handle, domains=())
    registered(handle, chime, account_id)
    chime.delete_account(AccountId=account_id)
    assert error_of(chime.get_account, AccountId=account_id)[0] == "NotFoundException"


def test_account_settings_start_off_and_an_update_changes_only_what_it_names(
    chime: Any,
) -> None:
    account_id = team(chime)
    settings = chime.get_account_settings(AccountId=account_id)["AccountSettings"]
    assert settings == {"DisableRemoteControl": False, "EnableDialOut": False}
    answer = chime.update_account_settings(
        AccountId=account_id, AccountSettings={"DisableRemoteControl": True}
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 204
    chime.update_account_settings(AccountId=account_id, AccountSettings={"EnableDialOut": True})
    settings = chime.get_account_settings(AccountId=account_id)["AccountSettings"]
    assert settings == {"DisableRemoteControl": True, "EnableDialOut": True}


def test_delegate_groups_are_an_enterprise_feature(chime: Any) -> None:
    account_id = team(chime)
    code, message = error_of(
        chime.associate_signin_delegate_groups_with_account,
        AccountId=account_id,
        SigninDelegateGroups=[{"GroupName": "admins"}],
    )
    assert code == "ForbiddenException"
    assert "not an Enterprise Chime Account" in message and account_id in message


def test_delegate_groups_are_associated_once_and_shown_with_the_account(
    handle: ChimeMock, chime: Any
) -> None:
    account_id = enterprise(handle, "EnterpriseDirectory")
    for names in (["admins", "desk"], ["admins"]):
        chime.associate_signin_delegate_groups_with_account(
            AccountId=account_id, SigninDelegateGroups=[{"GroupName": n} for n in names]
        )
    groups = chime.get_account(AccountId=account_id)["Account"]["SigninDelegateGroups"]
    assert groups == [{"GroupName": "admins"}, {"GroupName": "desk"}]
    chime.disassociate_signin_delegate_groups_from_account(
        AccountId=account_id, GroupNames=["admins", "unknown"]
    )
    groups = chime.get_account(AccountId=account_id)["Account"]["SigninDelegateGroups"]
    assert groups == [{"GroupName": "desk"}]


def test_the_control_makes_accounts_of_any_type_of_the_model(handle: ChimeMock, chime: Any) -> None:
    for account_type in ("Team", "EnterpriseDirectory", "EnterpriseLWA", "EnterpriseOIDC"):
        account_id = controls(handle).create_account("Made", account_type)
        account = chime.get_account(AccountId=account_id)["Account"]
        assert account["AccountType"] == account_type


def test_the_control_refuses_an_account_type_the_model_does_not_have(handle: ChimeMock) -> None:
    with pytest.raises(ValueError, match="chime_mock: account_type must be one of"):
        controls(handle).create_account("Made", "EnterpriseLOA")
