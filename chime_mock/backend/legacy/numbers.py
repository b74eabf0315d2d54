"""The Business Calling numbers users hold (legacy Chime): AssociatePhoneNumberWithUser and
DisassociatePhoneNumberFromUser, with the user's side of the rules (docs/behaviour.md, "Legacy
Amazon Chime"): only a registered user, one number per user. The number's side (a Business
Calling number nobody holds; Assigned with AccountId and UserId associations) is
backend/associations.py's, like every association of a number.
"""

from __future__ import annotations

import datetime as _dt

from chime_mock.backend import associations
from chime_mock.backend.legacy import users
from chime_mock.backend.legacy.users import User
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request, not_found


def associate(
    inventory: Inventory, account_id: str, user_id: str, e164: str, now: _dt.datetime
) -> None:
    """Give the user the number; the same number again changes nothing."""
    found = users.user(inventory, account_id, user_id)
    if found.registration_status != users.REGISTERED:
        raise bad_request(
            f"User {user_id} is {found.registration_status}: only a registered user can be "
            "given a phone number"
        )
    held = found.primary_provisioned_number
    if held is not None:
        facts = describe(e164)
        if facts is not None and facts.e164 == held:
            return
        raise bad_request(f"User {user_id} already has phone number {held}; disassociate it first")
    number = associations.assign_to_user(inventory, (account_id, user_id), e164, now)
    found.primary_provisioned_number = number.e164


def disassociate(inventory: Inventory, account_id: str, user_id: str, now: _dt.datetime) -> None:
    """Take the user's number back: it is Unassigned again."""
    found = users.user(inventory, account_id, user_id)
    if found.primary_provisioned_number is None:
        raise not_found(f"User {user_id} has no phone number")
    _release(inventory, found, now)


@users.on_leaving
def _release(inventory: Inventory, found: User, now: _dt.datetime) -> None:
    """A user leaving its account (or losing its number) frees the number it holds."""
    associations.release(inventory, (associations.USER, found.user_id), now)
    found.primary_provisioned_number = None
