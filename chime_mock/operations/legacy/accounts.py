"""Amazon Chime accounts (legacy Chime): Create, Get, List, Update, Delete, the account settings
and the sign-in delegate groups. The rules are in backend/legacy/accounts.py."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.legacy import accounts, users
from chime_mock.errors import bad_request
from chime_mock.operations import LEGACY, Call, handles
from chime_mock.operations.legacy.views import account_settings_view, account_view


@handles("CreateAccount", services=LEGACY)
def create_account(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    account = accounts.create_account(
        call.inventory, params["Name"], call.backend.next_seq(), call.now
    )
    return {"Account": account_view(account)}


@handles("GetAccount", services=LEGACY)
def get_account(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {"Account": account_view(accounts.account(call.inventory, params["AccountId"]))}


@handles("ListAccounts", services=LEGACY)
def list_accounts(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    email = params.get("UserEmail")
    among = None if email is None else users.accounts_of_email(call.inventory, email)
    # ListAccounts' documented default page is 100 accounts.
    found, token = call.page(
        accounts.listed(call.inventory, params.get("Name"), among), params, 100
    )
    return {"Accounts": [account_view(account) for account in found], "NextToken": token}


@handles("UpdateAccount", services=LEGACY)
def update_account(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    account = accounts.update_account(
        call.inventory, params["AccountId"], params.get("Name"), params.get("DefaultLicense")
    )
    return {"Account": account_view(account)}


@handles("DeleteAccount", services=LEGACY)
def delete_account(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    accounts.delete_account(call.inventory, params["AccountId"], call.now)
    return {}


@handles("GetAccountSettings", services=LEGACY)
def get_account_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    account = accounts.account(call.inventory, params["AccountId"])
    return {"AccountSettings": account_settings_view(account)}


@handles("UpdateAccountSettings", services=LEGACY)
def update_account_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    settings = params["AccountSettings"]
    accounts.update_settings(
        call.inventory,
        params["AccountId"],
        settings.get("DisableRemoteControl"),
        settings.get("EnableDialOut"),
    )
    return {}


@handles("AssociateSigninDelegateGroupsWithAccount", services=LEGACY)
def associate_signin_delegate_groups(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    groups = params["SigninDelegateGroups"]
    if any(group.get("GroupName") is None for group in groups):
        raise bad_request("Every SigninDelegateGroups item needs a GroupName")
    names = [group["GroupName"] for group in groups]
    accounts.associate_delegate_groups(call.inventory, params["AccountId"], names)
    return {}


@handles("DisassociateSigninDelegateGroupsFromAccount", services=LEGACY)
def disassociate_signin_delegate_groups(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    accounts.disassociate_delegate_groups(call.inventory, params["AccountId"], params["GroupNames"])
    return {}
