"""Helpers shared by the legacy Amazon Chime tests: accounts of each type, users in each state."""

from __future__ import annotations

from typing import Any

from chime_mock import ChimeMock
from chime_mock.controls.chime_accounts import ChimeAccountControls

UUID = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"


def controls(handle: ChimeMock) -> ChimeAccountControls:
    return handle.chime_accounts


def team(chime: Any, name: str = "Team") -> str:
    """A new Team account (what CreateAccount makes)."""
    return str(chime.create_account(Name=name)["Account"]["AccountId"])


def enterprise(handle: ChimeMock, account_type: str = "EnterpriseLWA", **options: Any) -> str:
    """A new Enterprise account (claimed domain example.com)."""
    return controls(handle).create_account("Example Corp", account_type, **options)


def invited(chime: Any, account_id: str, email: str = "jane@example.com") -> str:
    """The UserId of a user just invited to a Team account (Unregistered, Pending)."""
    chime.invite_users(AccountId=account_id, UserEmailList=[email])
    found = chime.list_users(AccountId=account_id, UserEmail=email)["Users"]
    return str(found[0]["UserId"])


def registered(
    handle: ChimeMock, chime: Any, account_id: str, email: str = "jane@example.com"
) -> str:
    """The UserId of a registered user of the account: invited and registered on a Team account,
    created on an Enterprise one."""
    account_type = chime.get_account(AccountId=account_id)["Account"]["AccountType"]
    if account_type == "Team":
        user_id = invited(chime, account_id, email)
        controls(handle).register_user(account_id, user_id)
        return user_id
    return str(chime.create_user(AccountId=account_id, Email=email)["User"]["UserId"])
