"""The users of Amazon Chime accounts (legacy Chime): InviteUsers, CreateUser, Get, List, Update,
the batches (update, suspend, unsuspend), LogoutUser, ResetPersonalPIN and the user settings.
The rules are in backend/legacy/users.py."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.legacy import user_batches, users
from chime_mock.operations import LEGACY, Call, handles
from chime_mock.operations.legacy.views import user_settings_view, user_view


@handles("InviteUsers", services=LEGACY)
def invite_users(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    invites = users.invite(
        call.inventory,
        params["AccountId"],
        params["UserEmailList"],
        params.get("UserType"),
        call.backend.next_seq,
        call.now,
    )
    return {
        "Invites": [
            {
                "InviteId": invite.invite_id,
                "Status": invite.status,
                "EmailAddress": invite.email,
                "EmailStatus": invite.email_status,
            }
            for invite in invites
        ]
    }


@handles("CreateUser", services=LEGACY)
def create_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    user = users.create_user(
        call.inventory,
        params["AccountId"],
        params.get("Username"),
        params.get("Email"),
        params.get("UserType"),
        call.backend.next_seq(),
        call.now,
    )
    # AWS's example shows no PIN here: GetUser shows it.
    return {"User": user_view(user, with_pin=False)}


@handles("GetUser", services=LEGACY)
def get_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    return {"User": user_view(users.user(call.inventory, params["AccountId"], params["UserId"]))}


@handles("ListUsers", services=LEGACY)
def list_users(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    listed = users.listed(
        call.inventory, params["AccountId"], params.get("UserEmail"), params.get("UserType")
    )
    found, token = call.page(listed, params, 100)  # ListUsers' documented default page
    return {"Users": [user_view(user, with_pin=False) for user in found], "NextToken": token}


@handles("UpdateUser", services=LEGACY)
def update_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    user = users.update_user(call.inventory, params["AccountId"], params["UserId"], params)
    return {"User": user_view(user)}


@handles("BatchUpdateUser", services=LEGACY)
def batch_update_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    errors = user_batches.batch_update(
        call.inventory, params["AccountId"], params["UpdateUserRequestItems"]
    )
    return {"UserErrors": errors}


@handles("BatchSuspendUser", services=LEGACY)
def batch_suspend_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    errors = user_batches.suspend(
        call.inventory, params["AccountId"], params["UserIdList"], call.now
    )
    return {"UserErrors": errors}


@handles("BatchUnsuspendUser", services=LEGACY)
def batch_unsuspend_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    errors = user_batches.unsuspend(call.inventory, params["AccountId"], params["UserIdList"])
    return {"UserErrors": errors}


@handles("LogoutUser", services=LEGACY)
def logout_user(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    # Signs the user out of the Chime app's sessions, which the fake does not keep.
    users.user(call.inventory, params["AccountId"], params["UserId"])
    return {}


@handles("ResetPersonalPIN", services=LEGACY)
def reset_personal_pin(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    user = users.reset_pin(call.inventory, params["AccountId"], params["UserId"])
    return {"User": user_view(user)}


@handles("GetUserSettings", services=LEGACY)
def get_user_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    user = users.user(call.inventory, params["AccountId"], params["UserId"])
    return {"UserSettings": user_settings_view(user)}


@handles("UpdateUserSettings", services=LEGACY)
def update_user_settings(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    users.update_telephony(
        call.inventory,
        params["AccountId"],
        params["UserId"],
        params["UserSettings"]["Telephony"],
    )
    return {}
