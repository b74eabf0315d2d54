"""What each phone number is put to work for: the one place that associates numbers with Voice
Connectors, Voice Connector groups, SIP rules and legacy Chime's users, and that every other
operation asks.

A number is put to work for one thing at most (docs/behaviour.md, "Voice Connectors, groups and
their configurations"): associated it is `Assigned` with one `Associations` entry (two for a
legacy Chime user's number, which also names the user's account, docs/behaviour.md, "Legacy
Amazon Chime"); freed it is `Unassigned` with none. The inventory's index of numbers by
association (phone_numbers.inventory.PhoneNumbers, kept as `associations` is assigned) answers
"does anything hold this connector?" and ListPhoneNumbers' filter without walking the inventory.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable

from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.number_rules import ItemError, bad_item, missing, run_batch
from chime_mock.backend.phone_numbers.records import Association, PhoneNumber
from chime_mock.backend.store import Inventory

VOICE_CONNECTOR = "VoiceConnectorId"
VOICE_CONNECTOR_GROUP = "VoiceConnectorGroupId"
SIP_RULE = "SipRuleId"
# A legacy Chime user's Business Calling number (docs/behaviour.md, "Legacy Amazon Chime").
ACCOUNT = "AccountId"
USER = "UserId"
BUSINESS_CALLING = "BusinessCalling"

Target = tuple[str, str]  # (association name, the connector's, group's or rule's ID)

# The product type each kind of target takes (AG: assign-to-cvc, use-sip-rules).
_PRODUCT_TYPE = {
    VOICE_CONNECTOR: "VoiceConnector",
    VOICE_CONNECTOR_GROUP: "VoiceConnector",
    SIP_RULE: "SipMediaApplicationDialIn",
}
# Statuses a number passes through on its way in or out: it cannot be put to work meanwhile.
_SETTLED = frozenset({"Unassigned", "Assigned"})


def numbers_of(inventory: Inventory, target: Target) -> list[PhoneNumber]:
    """The numbers associated with `target`, oldest first."""
    return list(PhoneNumberInventory.of(inventory).numbers.where(associations=target).after(-1))


def holds_numbers(inventory: Inventory, target: Target) -> bool:
    return PhoneNumberInventory.of(inventory).numbers.count("associations", target) > 0


def association_of(number: PhoneNumber) -> Association | None:
    """What holds the number: its association (a user's number: the UserId one)."""
    return number.associations[-1] if number.associations else None


# Associations are assigned, never changed in place: assigning refiles the number in the index.


def _attach(inventory: Inventory, number: PhoneNumber, target: Target, now: _dt.datetime) -> None:
    number.associations = [Association(target[0], target[1], now)]
    number.status, number.updated = "Assigned", now


def _detach(inventory: Inventory, number: PhoneNumber, now: _dt.datetime) -> None:
    if number.associations:
        number.associations = []
        number.status, number.updated = "Unassigned", now


def _number(inventory: Inventory, e164: str) -> PhoneNumber:
    facts = describe(e164)
    number = (
        PhoneNumberInventory.of(inventory).numbers.get(facts.phone_number_id) if facts else None
    )
    # A number in the deletion queue is on its way out of the inventory.
    if number is None or number.status == "DeleteInProgress":
        raise missing(e164)
    return number


def _check_attachable(number: PhoneNumber, target: Target, force: bool) -> None:
    wanted = _PRODUCT_TYPE[target[0]]
    if number.product_type != wanted:
        kind = "a SIP rule" if target[0] == SIP_RULE else "a Voice Connector or group"
        raise bad_item(
            f"Phone number {number.e164} has product type {number.product_type}; only "
            f"{wanted} numbers can be associated with {kind}; change its product type first"
        )
    if number.status not in _SETTLED:
        raise ItemError(
            "BadRequestException",
            f"Phone number {number.e164} is {number.status}; only Unassigned or Assigned "
            "numbers can be associated",
            "PreconditionFailed",
        )
    held = association_of(number)
    if held is None or (held.name, held.value) == target:
        return
    if target[0] == SIP_RULE:
        # A rule's trigger must be free: the number is in use, which CreateSipRule answers with
        # its ConflictException; there is no ForceAssociate to move it.
        raise ItemError(
            "ConflictException",
            f"Phone number {number.e164} is associated with {held.name} {held.value}; "
            + ("delete that rule to free it" if held.name == SIP_RULE else "disassociate it first"),
            "PhoneNumberAssociationsExist",
        )
    if held.name == SIP_RULE:  # only deleting the rule frees its number (AG: unassign-numbers)
        raise bad_item(
            f"Phone number {number.e164} is the trigger of SIP rule {held.value}; delete the "
            "rule to free it",
            "PhoneNumberAssociationsExist",
        )
    if not force:
        code = (
            "VoiceConnectorGroupAssociationsExist"
            if held.name == VOICE_CONNECTOR_GROUP
            else "PhoneNumberAssociationsExist"
        )
        raise bad_item(
            f"Phone number {number.e164} is associated with {held.name} {held.value}; "
            "disassociate it first, or pass ForceAssociate=True to move it",
            code,
        )


def associate(
    inventory: Inventory,
    target: Target,
    e164s: Iterable[str],
    force: bool,
    now: _dt.datetime,
) -> list[dict[str, str]]:
    """Associate each number with `target`; the PhoneNumberErrors of the ones that could not be.

    One bad number never fails the batch (AWS's API reference: errors are reported per number)."""

    def attach(e164: str) -> None:
        number = _number(inventory, e164)
        _check_attachable(number, target, force)
        _attach(inventory, number, target, now)

    return run_batch([(e164, functools.partial(attach, e164)) for e164 in dict.fromkeys(e164s)])


def disassociate(
    inventory: Inventory, target: Target, e164s: Iterable[str], now: _dt.datetime
) -> list[dict[str, str]]:
    """Free each number from `target`; the PhoneNumberErrors of the ones that could not be."""

    def detach(e164: str) -> None:
        number = _number(inventory, e164)
        held = association_of(number)
        if held is None or (held.name, held.value) != target:
            raise bad_item(f"Phone number {e164} is not associated with {target[0]} {target[1]}")
        _detach(inventory, number, now)

    return run_batch([(e164, functools.partial(detach, e164)) for e164 in dict.fromkeys(e164s)])


def attach_one(inventory: Inventory, target: Target, e164: str, now: _dt.datetime) -> PhoneNumber:
    """Associate one number with `target` (a SIP rule's trigger) or raise its ItemError."""
    number = _number(inventory, e164)
    _check_attachable(number, target, force=False)
    _attach(inventory, number, target, now)
    return number


def check_attachable(inventory: Inventory, target: Target, e164: str) -> None:
    """Raise the ItemError `attach_one` would, changing nothing."""
    _check_attachable(_number(inventory, e164), target, force=False)


def assign_to_user(
    inventory: Inventory, holder: tuple[str, str], e164: str, now: _dt.datetime
) -> PhoneNumber:
    """Give a Business Calling number nobody holds to a legacy Chime user (`holder`: the IDs of
    its account and of the user): `Assigned`, with an AccountId and a UserId association of the
    same time, so ListPhoneNumbers finds it by either."""
    number = _number(inventory, e164)
    if number.product_type != BUSINESS_CALLING:
        raise bad_item(
            f"Phone number {number.e164} has product type {number.product_type}; only "
            f"{BUSINESS_CALLING} numbers can be given to users; change its product type first"
        )
    held = association_of(number)
    if held is not None:
        raise bad_item(
            f"Phone number {number.e164} is associated with {held.name} {held.value}; "
            "disassociate it first",
            "PhoneNumberAssociationsExist",
        )
    if number.status != "Unassigned":
        raise bad_item(
            f"Phone number {number.e164} is {number.status}; only an Unassigned number can be "
            "given to a user"
        )
    account_id, user_id = holder
    number.associations = [Association(ACCOUNT, account_id, now), Association(USER, user_id, now)]
    number.status, number.updated = "Assigned", now
    return number


def release(inventory: Inventory, target: Target, now: _dt.datetime) -> None:
    """Free every number of `target` (a deleted SIP rule's, a user's)."""
    for number in numbers_of(inventory, target):
        _detach(inventory, number, now)
