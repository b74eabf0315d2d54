"""The users of Amazon Chime accounts (legacy Chime): invitations, CreateUser, reading, updates,
personal PINs and telephony settings (docs/behaviour.md, "Legacy Amazon Chime"); the batches,
suspension among them, are in user_batches.py.

A Team account invites its users (they stay Unregistered until they accept in the Chime app,
which tests do with `handle.chime_accounts.register_user`); an Enterprise account creates them.
Users are kept in one listing for every account of the scope, indexed by account, email and
user type, so ListUsers pages at the cost of the page.
"""

from __future__ import annotations

import datetime as _dt
import secrets
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from chime_mock.backend import ids
from chime_mock.backend.families import Family, family
from chime_mock.backend.legacy import accounts
from chime_mock.backend.legacy.accounts import ChimeAccount
from chime_mock.backend.paging import Indexes, Listed, Listing, Ordered
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request, conflict, not_found

REGISTERED = "Registered"
UNREGISTERED = "Unregistered"
SUSPENDED = "Suspended"
PRIVATE_USER = "PrivateUser"


@dataclass
class User(Listed):  # assigning account_id, email or user_type refiles its indexes
    user_id: str
    account_id: str
    email: str | None
    user_type: str  # UserType: PrivateUser, SharedDevice
    license_type: str  # License: Basic, Plus, Pro, ProTrial
    registration_status: str  # UserRegistrationStatus: Unregistered, Registered, Suspended
    seq: int
    invitation_status: str | None = None  # InviteStatus: Pending, Accepted, Failed
    invite_id: str | None = None
    invited_on: _dt.datetime | None = None
    registered_on: _dt.datetime | None = None
    display_name: str | None = None
    personal_pin: str | None = None
    # The one Business Calling number the user holds (backend/associations.py keeps the
    # number's side).
    primary_provisioned_number: str | None = None
    alexa_for_business_enabled: bool = False
    alexa_for_business_room_arn: str | None = None
    # UserSettings.Telephony: off until an administrator turns them on.
    inbound_calling: bool = False
    outbound_calling: bool = False
    sms: bool = False


def _email_key(email: str | None) -> Iterable[Hashable]:
    return () if email is None else (email.lower(),)


class Users(Listing[User]):
    indexes: ClassVar[Indexes] = {
        "account_id": lambda account_id: (account_id,),
        "email": _email_key,  # lower-cased: addresses are not case-sensitive
        "user_type": lambda user_type: (user_type,),
    }


@family
@dataclass
class ChimeUsers(Family):
    key = "ChimeUsers"

    users: Users = field(default_factory=Users)

    def records(self) -> dict[str, list[object]]:
        return {"Users": list(self.users.values())}


def of(inventory: Inventory, *, create: bool = False) -> ChimeUsers:
    return inventory.family(ChimeUsers, create=create)


@dataclass(frozen=True)
class Invite:
    """One address of an InviteUsers call, as the response lists it."""

    invite_id: str
    email: str
    status: str  # InviteStatus
    email_status: str  # EmailStatus: NotSent, Sent, Failed


# -- reading ---------------------------------------------------------------------------------------


def user(inventory: Inventory, account_id: str, user_id: str) -> User:
    """The user of that account, or NotFoundException (for the account first)."""
    accounts.account(inventory, account_id)
    found = of(inventory).users.get(user_id)
    if found is None or found.account_id != account_id:
        raise not_found(f"User {user_id} not found in account {account_id}")
    return found


def listed(
    inventory: Inventory, account_id: str, email: str | None, user_type: str | None
) -> Ordered[User]:
    """ListUsers' users of the account, oldest first, by email and user type when given."""
    accounts.account(inventory, account_id)
    return of(inventory).users.where(
        account_id=account_id,
        email=None if email is None else email.lower(),
        user_type=user_type,
    )


def accounts_of_email(inventory: Inventory, email: str) -> set[str]:
    """The IDs of the accounts that have a user with this address (ListAccounts' filter)."""
    return {found.account_id for found in of(inventory).users.where(email=email.lower()).after(-1)}


def _in_account(inventory: Inventory, account_id: str, email: str) -> User | None:
    """The account's user with this address, if any."""
    found = of(inventory).users.where(account_id=account_id, email=email.lower()).after(-1)
    return next(iter(found), None)


def _pin() -> str:
    """A personal meeting PIN: 10 digits, as the Chime app shows them."""
    return "".join(secrets.choice("0123456789") for _ in range(10))


# -- creating --------------------------------------------------------------------------------------


def invite(
    inventory: Inventory,
    account_id: str,
    emails: list[str],
    user_type: str | None,
    seq: Callable[[], int],
    now: _dt.datetime,
) -> list[Invite]:
    """InviteUsers (Team accounts only): each new address becomes an Unregistered user with a
    Pending invitation; an Unregistered or Suspended user is invited again; a Registered one is
    left as it is (Accepted, no email sent)."""
    found = accounts.account(inventory, account_id)
    if found.account_type != accounts.TEAM:
        raise bad_request(
            f"InviteUsers supports Team accounts only; account {account_id} is "
            f"{found.account_type}: its users join by signing in with a claimed domain"
        )
    if not emails:
        raise bad_request("UserEmailList must list at least one email address")
    users = of(inventory, create=True).users
    invites = []
    for email in dict.fromkeys(emails):  # an address listed twice is invited once
        existing = _in_account(inventory, account_id, email)
        if existing is not None and existing.registration_status == REGISTERED:
            invites.append(Invite(existing.invite_id or ids.guid(), email, "Accepted", "NotSent"))
            continue
        if existing is None:
            existing = User(
                user_id=ids.guid(),
                account_id=account_id,
                email=email,
                user_type=user_type or PRIVATE_USER,
                license_type=found.default_license,
                registration_status=UNREGISTERED,
                seq=seq(),
            )
            users[existing.user_id] = existing
        elif user_type is not None:
            existing.user_type = user_type
        existing.registration_status = UNREGISTERED
        existing.invitation_status = "Pending"
        existing.invite_id = ids.guid()
        existing.invited_on = now
        invites.append(Invite(existing.invite_id, email, "Pending", "Sent"))
    return invites


def create_user(
    inventory: Inventory,
    account_id: str,
    username: str | None,
    email: str | None,
    user_type: str | None,
    seq: int,
    now: _dt.datetime,
) -> User:
    """CreateUser: Enterprise accounts only (a Team account invites its users); the user is
    Registered at once, as AWS's example shows."""
    found = accounts.account(inventory, account_id)
    if not found.enterprise:
        raise bad_request(
            f"CreateUser is for Enterprise accounts; account {account_id} is a Team account: "
            "invite its users with InviteUsers"
        )
    if email is not None and _in_account(inventory, account_id, email) is not None:
        raise conflict(f"Account {account_id} already has a user with email {email}")
    record = User(
        user_id=ids.guid(),
        account_id=account_id,
        email=email,
        user_type=user_type or PRIVATE_USER,
        license_type=found.default_license,
        registration_status=REGISTERED,
        seq=seq,
        registered_on=now,
        # AWS's example shows a display name for a user created without a Username.
        display_name=username or (email.partition("@")[0] if email else None),
        personal_pin=_pin(),
    )
    of(inventory, create=True).users[record.user_id] = record
    return record


def register(
    inventory: Inventory,
    account_id: str,
    user_id: str,
    now: _dt.datetime,
    display_name: str | None = None,
) -> User:
    """What accepting the invitation in the Chime app does: Registered, Accepted, a PIN."""
    found = user(inventory, account_id, user_id)
    if found.registration_status == SUSPENDED:
        raise bad_request(
            f"User {user_id} is suspended; unsuspend or invite them again before registering"
        )
    if found.registration_status != REGISTERED:
        found.registration_status = REGISTERED
        found.registered_on = now
        if found.invitation_status is not None:
            found.invitation_status = "Accepted"
        found.personal_pin = found.personal_pin or _pin()
    if display_name is not None:
        found.display_name = display_name
    elif found.display_name is None and found.email is not None:
        found.display_name = found.email.partition("@")[0]
    return found


# -- updating --------------------------------------------------------------------------------------


def updated(found_account: ChimeAccount, found: User, changes: dict[str, Any]) -> None:
    """Apply UpdateUser's members (an UpdateUserRequestItem's), after every check passed."""
    license_type = changes.get("LicenseType")
    if license_type is not None:
        accounts.check_license(found_account, license_type, "LicenseType")
    if changes.get("UserType") is not None:
        found.user_type = changes["UserType"]
    if license_type is not None:
        found.license_type = license_type
    alexa = changes.get("AlexaForBusinessMetadata")
    if alexa is not None:
        if alexa.get("IsAlexaForBusinessEnabled") is not None:
            found.alexa_for_business_enabled = alexa["IsAlexaForBusinessEnabled"]
        if alexa.get("AlexaForBusinessRoomArn") is not None:
            found.alexa_for_business_room_arn = alexa["AlexaForBusinessRoomArn"]


def update_user(
    inventory: Inventory, account_id: str, user_id: str, changes: dict[str, Any]
) -> User:
    found = user(inventory, account_id, user_id)
    updated(accounts.account(inventory, account_id), found, changes)
    return found


# What suspending a Team account's user also does (free the number it holds): set by the
# module that keeps numbers' associations, so this one needs no phone-number code.
Released = Callable[[Inventory, User, _dt.datetime], None]
_ON_LEAVING: list[Released] = []


def on_leaving(release: Released) -> Released:
    """Register what happens when a user leaves its account (suspended from a Team account, or
    deleted with the account): `release(inventory, user, now)`."""
    _ON_LEAVING.append(release)
    return release


def leave(inventory: Inventory, found: User, now: _dt.datetime) -> None:
    """What a user leaving its account lets go of (the number it holds)."""
    for release in _ON_LEAVING:
        release(inventory, found, now)


def reset_pin(inventory: Inventory, account_id: str, user_id: str) -> User:
    found = user(inventory, account_id, user_id)
    found.personal_pin = _pin()
    return found


def update_telephony(
    inventory: Inventory, account_id: str, user_id: str, telephony: dict[str, bool]
) -> None:
    found = user(inventory, account_id, user_id)
    found.inbound_calling = telephony["InboundCalling"]
    found.outbound_calling = telephony["OutboundCalling"]
    found.sms = telephony["SMS"]


# -- with the account ------------------------------------------------------------------------------


@accounts.blocker
def _unsuspended(inventory: Inventory, found: ChimeAccount) -> str | None:
    if found.account_type != accounts.TEAM:
        return None
    active = [
        u.user_id
        for u in of(inventory).users.where(account_id=found.account_id).after(-1)
        if u.registration_status != SUSPENDED
    ]
    if not active:
        return None
    shown = ", ".join(active[:5]) + (f" and {len(active) - 5} more" if len(active) > 5 else "")
    return f"suspend its users first (BatchSuspendUser): {shown}"


@accounts.remover
def _remove(inventory: Inventory, account_id: str, now: _dt.datetime) -> None:
    users = of(inventory).users
    for found in list(users.where(account_id=account_id).after(-1)):
        leave(inventory, found, now)
        del users[found.user_id]
