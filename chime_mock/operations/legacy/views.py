"""Legacy Amazon Chime's records (accounts, users, bots, rooms, ...) as output dicts (see
operations/views.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from chime_mock.operations.views import registered

if TYPE_CHECKING:  # the families load at their first call, not with the phone numbers
    from chime_mock.backend.legacy.accounts import ChimeAccount
    from chime_mock.backend.legacy.bots import Bot
    from chime_mock.backend.legacy.dial_outs import MeetingDialOut
    from chime_mock.backend.legacy.redaction import RedactedMessage
    from chime_mock.backend.legacy.retention import Retention
    from chime_mock.backend.legacy.rooms import Room, RoomMembership
    from chime_mock.backend.legacy.users import User


@registered("ChimeAccount")
def account_view(account: ChimeAccount) -> dict[str, Any]:
    return {
        "AwsAccountId": account.aws_account_id,
        "AccountId": account.account_id,
        "Name": account.name,
        "AccountType": account.account_type,
        "CreatedTimestamp": account.created,
        "DefaultLicense": account.default_license,
        "SupportedLicenses": list(account.supported_licenses),
        "AccountStatus": account.status,
        "SigninDelegateGroups": [{"GroupName": name} for name in account.signin_delegate_groups],
    }


def account_settings_view(account: ChimeAccount) -> dict[str, Any]:
    return {
        "DisableRemoteControl": account.disable_remote_control,
        "EnableDialOut": account.enable_dial_out,
    }


@registered("User")
def user_view(user: User, *, with_pin: bool = True) -> dict[str, Any]:
    """`with_pin=False` for listings: AWS shows a personal PIN only for one user at a time."""
    return {
        "UserId": user.user_id,
        "AccountId": user.account_id,
        "PrimaryEmail": user.email,
        "PrimaryProvisionedNumber": user.primary_provisioned_number,
        "DisplayName": user.display_name,
        "LicenseType": user.license_type,
        "UserType": user.user_type,
        "UserRegistrationStatus": user.registration_status,
        "UserInvitationStatus": user.invitation_status,
        "RegisteredOn": user.registered_on,
        "InvitedOn": user.invited_on,
        "AlexaForBusinessMetadata": {
            "IsAlexaForBusinessEnabled": user.alexa_for_business_enabled,
            "AlexaForBusinessRoomArn": user.alexa_for_business_room_arn,
        },
        "PersonalPIN": user.personal_pin if with_pin else None,
    }


def user_settings_view(user: User) -> dict[str, Any]:
    return {
        "Telephony": {
            "InboundCalling": user.inbound_calling,
            "OutboundCalling": user.outbound_calling,
            "SMS": user.sms,
        }
    }


def bot_view(bot: Bot) -> dict[str, Any]:
    return {
        "BotId": bot.bot_id,
        "UserId": bot.bot_id,
        "DisplayName": bot.display_name,
        "BotType": "ChatBot",
        "Disabled": bot.disabled,
        "CreatedTimestamp": bot.created,
        "UpdatedTimestamp": bot.updated,
        "BotEmail": bot.bot_email,
        "SecurityToken": bot.security_token,
    }


def events_configuration_view(bot: Bot) -> dict[str, Any]:
    configuration = bot.events_configuration
    assert configuration is not None  # the backend answers NotFoundException first
    return {
        "BotId": bot.bot_id,
        "OutboundEventsHTTPSEndpoint": configuration.outbound_events_https_endpoint,
        "LambdaFunctionArn": configuration.lambda_function_arn,
    }


@registered("Bot")
def _bot_record_view(bot: Bot) -> dict[str, Any]:
    """The snapshot's and dashboard's form: the bot with its events configuration."""
    view = bot_view(bot)
    if bot.events_configuration is not None:
        view["EventsConfiguration"] = events_configuration_view(bot)
    return view


def room_view(room: Room) -> dict[str, Any]:
    return {
        "RoomId": room.room_id,
        "Name": room.name,
        "AccountId": room.account_id,
        "CreatedBy": room.created_by,
        "CreatedTimestamp": room.created,
        "UpdatedTimestamp": room.updated,
    }


def room_membership_view(room: Room, membership: RoomMembership) -> dict[str, Any]:
    return {
        "RoomId": room.room_id,
        "Member": {
            "MemberId": membership.member_id,
            "MemberType": membership.member_type,
            "Email": membership.email,
            "FullName": membership.full_name,
            "AccountId": room.account_id,
        },
        "Role": membership.role,
        "InvitedBy": membership.invited_by,
        "UpdatedTimestamp": membership.updated,
    }


@registered("Room")
def _room_record_view(room: Room) -> dict[str, Any]:
    """The snapshot's and dashboard's form: the room with its memberships."""
    return {
        **room_view(room),
        "RoomMemberships": [room_membership_view(room, m) for m in room.memberships.values()],
    }


def retention_view(retention: Retention) -> dict[str, Any]:
    """GetRetentionSettings' output: only the kinds that are on."""
    settings = {}
    if retention.room_days is not None:
        settings["RoomRetentionSettings"] = {"RetentionDays": retention.room_days}
    if retention.conversation_days is not None:
        settings["ConversationRetentionSettings"] = {"RetentionDays": retention.conversation_days}
    if not settings:
        return {}
    return {"RetentionSettings": settings, "InitiateDeletionTimestamp": retention.initiate_deletion}


@registered("Retention")
def _retention_record_view(retention: Retention) -> dict[str, Any]:
    return {"AccountId": retention.account_id, **retention_view(retention)}


@registered("RedactedMessage")
def redacted_message_view(message: RedactedMessage) -> dict[str, Any]:
    # No API reads redactions: the snapshot's and dashboard's form.
    return {
        "AccountId": message.account_id,
        f"{message.kind}Id": message.container_id,
        "MessageId": message.message_id,
        "RedactedTimestamp": message.redacted,
    }


@registered("MeetingDialOut")
def meeting_dial_out_view(dial_out: MeetingDialOut) -> dict[str, Any]:
    # No API reads dial-outs: the snapshot's and dashboard's form.
    return {
        "TransactionId": dial_out.transaction_id,
        "MeetingId": dial_out.meeting_id,
        "FromPhoneNumber": dial_out.from_phone_number,
        "ToPhoneNumber": dial_out.to_phone_number,
        "PlacedTimestamp": dial_out.placed,
    }
