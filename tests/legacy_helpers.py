"""Helpers shared by the legacy Amazon Chime tests: accounts of each type, users in each state."""

from __future__ import annotations

from collections.abc import Callable
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


def legacy_successes(chime: Any, handle: ChimeMock) -> dict[str, Callable[[], Any]]:
    """One successful call of every legacy Chime operation beyond the phone numbers, in an
    order that makes each one succeed (the calls run in the dict's order)."""
    made: dict[str, str] = {}
    lambda_arn = "arn:aws:lambda:us-east-1:111122223333:function:helper"

    def create_team() -> Any:
        answer = chime.create_account(Name="Team")
        made["team"] = answer["Account"]["AccountId"]
        made["ent"] = enterprise(handle)
        return answer

    def create_user() -> Any:
        answer = chime.create_user(AccountId=made["ent"], Email="jane@example.com")
        made["user"] = answer["User"]["UserId"]
        chime.create_phone_number_order(
            ProductType="BusinessCalling", E164PhoneNumbers=["+12065550188"]
        )
        return answer

    def create_bot() -> Any:
        answer = chime.create_bot(AccountId=made["ent"], DisplayName="helper")
        made["bot"] = answer["Bot"]["BotId"]
        return answer

    def create_room() -> Any:
        answer = chime.create_room(AccountId=made["ent"], Name="support")
        made["room"] = answer["Room"]["RoomId"]
        return answer

    def ent(**params: Any) -> dict[str, Any]:
        return {"AccountId": made["ent"], **params}

    def user(**params: Any) -> dict[str, Any]:
        return ent(UserId=made["user"], **params)

    def bot(**params: Any) -> dict[str, Any]:
        return ent(BotId=made["bot"], **params)

    def room(**params: Any) -> dict[str, Any]:
        return ent(RoomId=made["room"], **params)

    telephony = {"InboundCalling": True, "OutboundCalling": True, "SMS": False}
    return {
        "CreateAccount": create_team,
        "GetAccount": lambda: chime.get_account(AccountId=made["team"]),
        "ListAccounts": lambda: chime.list_accounts(),
        "UpdateAccount": lambda: chime.update_account(AccountId=made["team"], Name="Renamed"),
        "GetAccountSettings": lambda: chime.get_account_settings(AccountId=made["team"]),
        "UpdateAccountSettings": lambda: chime.update_account_settings(
            AccountId=made["team"], AccountSettings={"EnableDialOut": True}
        ),
        "InviteUsers": lambda: chime.invite_users(
            AccountId=made["team"], UserEmailList=["new@example.com"]
        ),
        "AssociateSigninDelegateGroupsWithAccount": lambda: (
            chime.associate_signin_delegate_groups_with_account(
                **ent(SigninDelegateGroups=[{"GroupName": "admins"}])
            )
        ),
        "DisassociateSigninDelegateGroupsFromAccount": lambda: (
            chime.disassociate_signin_delegate_groups_from_account(**ent(GroupNames=["admins"]))
        ),
        "CreateUser": create_user,
        "GetUser": lambda: chime.get_user(**user()),
        "ListUsers": lambda: chime.list_users(**ent()),
        "UpdateUser": lambda: chime.update_user(**user(LicenseType="Basic")),
        "BatchUpdateUser": lambda: chime.batch_update_user(
            **ent(UpdateUserRequestItems=[{"UserId": made["user"], "LicenseType": "Pro"}])
        ),
        "ResetPersonalPIN": lambda: chime.reset_personal_pin(**user()),
        "LogoutUser": lambda: chime.logout_user(**user()),
        "GetUserSettings": lambda: chime.get_user_settings(**user()),
        "UpdateUserSettings": lambda: chime.update_user_settings(
            **user(UserSettings={"Telephony": telephony})
        ),
        "AssociatePhoneNumberWithUser": lambda: chime.associate_phone_number_with_user(
            **user(E164PhoneNumber="+12065550188")
        ),
        "DisassociatePhoneNumberFromUser": lambda: chime.disassociate_phone_number_from_user(
            **user()
        ),
        "CreateBot": create_bot,
        "GetBot": lambda: chime.get_bot(**bot()),
        "ListBots": lambda: chime.list_bots(**ent()),
        "UpdateBot": lambda: chime.update_bot(**bot(Disabled=False)),
        "RegenerateSecurityToken": lambda: chime.regenerate_security_token(**bot()),
        "PutEventsConfiguration": lambda: chime.put_events_configuration(
            **bot(LambdaFunctionArn=lambda_arn)
        ),
        "GetEventsConfiguration": lambda: chime.get_events_configuration(**bot()),
        "CreateRoom": create_room,
        "GetRoom": lambda: chime.get_room(**room()),
        "ListRooms": lambda: chime.list_rooms(**ent()),
        "UpdateRoom": lambda: chime.update_room(**room(Name="help")),
        "CreateRoomMembership": lambda: chime.create_room_membership(**room(MemberId=made["user"])),
        "BatchCreateRoomMembership": lambda: chime.batch_create_room_membership(
            **room(MembershipItemList=[{"MemberId": made["bot"]}])
        ),
        "ListRoomMemberships": lambda: chime.list_room_memberships(**room()),
        "UpdateRoomMembership": lambda: chime.update_room_membership(
            **room(MemberId=made["user"], Role="Administrator")
        ),
        "DeleteRoomMembership": lambda: chime.delete_room_membership(**room(MemberId=made["bot"])),
        "RedactRoomMessage": lambda: chime.redact_room_message(**room(MessageId="m-1")),
        "RedactConversationMessage": lambda: chime.redact_conversation_message(
            **ent(ConversationId="c-1", MessageId="m-1")
        ),
        "DeleteRoom": lambda: chime.delete_room(**room()),
        "DeleteEventsConfiguration": lambda: chime.delete_events_configuration(**bot()),
        "PutRetentionSettings": lambda: chime.put_retention_settings(
            **ent(RetentionSettings={"RoomRetentionSettings": {"RetentionDays": 30}})
        ),
        "GetRetentionSettings": lambda: chime.get_retention_settings(**ent()),
        "BatchSuspendUser": lambda: chime.batch_suspend_user(**ent(UserIdList=[made["user"]])),
        "BatchUnsuspendUser": lambda: chime.batch_unsuspend_user(**ent(UserIdList=[made["user"]])),
        "CreateMeetingDialOut": lambda: chime.create_meeting_dial_out(
            MeetingId="a1b2c3d4-5678-90ab-cdef-111110000000",
            FromPhoneNumber="+12065550188",
            ToPhoneNumber="+12065550100",
            JoinToken="dGVzdA",
        ),
        "DeleteAccount": lambda: chime.delete_account(
            AccountId=chime.create_account(Name="Leaving")["Account"]["AccountId"]
        ),
    }
