"""Outbound calls of SIP media applications: CreateSipMediaApplicationCall and
UpdateSipMediaApplicationCall (docs/behaviour.md, "SIP media applications, SIP rules, calls and
proxy sessions").

The fake has no Lambda and no phone network: a call is a record of what was asked (from, to,
SIP headers, arguments, and every update's arguments) that a test reads through
`handle.sip_media_applications.calls()`. A call stays active, counting against the quota of
active calls, until the test ends it (`handle.sip_media_applications.end_call`) or its
application is deleted.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from chime_mock.backend import ids
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.sip.phone_calls import active_calls
from chime_mock.backend.sip.pstn import delivery
from chime_mock.backend.sip.sip_media_applications import (
    CallUpdate,
    SipMediaApplicationCall,
    application,
    of,
)
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request, not_found

DIAL_IN = "SipMediaApplicationDialIn"
# Numbers on their way in or out of the inventory cannot place calls.
_USABLE = frozenset({"Unassigned", "Assigned"})


def _check_caller(inventory: Inventory, from_phone_number: str) -> str:
    """FromPhoneNumber: a SipMediaApplicationDialIn number of the account."""
    facts = describe(from_phone_number)
    number = (
        PhoneNumberInventory.of(inventory).numbers.get(facts.phone_number_id) if facts else None
    )
    if number is None or number.status not in _USABLE:
        raise bad_request(
            f"FromPhoneNumber {from_phone_number} is not a phone number of this account in "
            f"{inventory.scope.region}; order a {DIAL_IN} number and call from it"
        )
    if number.product_type != DIAL_IN:
        raise bad_request(
            f"FromPhoneNumber {number.e164} has product type {number.product_type}; SIP media "
            f"applications call from {DIAL_IN} numbers (UpdatePhoneNumber changes it)"
        )
    return number.e164


def create_call(
    inventory: Inventory,
    sip_media_application_id: str,
    params: Mapping[str, Any],
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> SipMediaApplicationCall:
    application(inventory, sip_media_application_id)
    caller = _check_caller(inventory, params["FromPhoneNumber"])
    callee = describe(params["ToPhoneNumber"])
    active = active_calls(inventory)
    quotas.check(
        "active_sip_media_application_calls",
        active,
        what=f"active SIP media application calls in {inventory.scope.region} (a test ends "
        "them with handle.sip_media_applications.end_call)",
    )
    record = SipMediaApplicationCall(
        transaction_id=ids.guid(),
        sip_media_application_id=sip_media_application_id,
        from_phone_number=caller,
        # Any E.164 number can be called; the model's pattern has already checked its form.
        to_phone_number=callee.e164 if callee else params["ToPhoneNumber"],
        sip_headers=dict(params.get("SipHeaders") or {}),
        arguments=dict(params.get("ArgumentsMap") or {}),
        placed=now,
        seq=seq,
    )
    of(inventory, create=True).calls[record.transaction_id] = record
    return record


def active_call(
    inventory: Inventory, sip_media_application_id: str, transaction_id: str
) -> SipMediaApplicationCall:
    """The application's call in progress with this TransactionId (NotFoundException)."""
    application(inventory, sip_media_application_id)
    found = of(inventory).calls.get(transaction_id)
    if found is None or found.sip_media_application_id != sip_media_application_id:
        raise not_found(
            f"SIP media application {sip_media_application_id} has no call with "
            f"TransactionId {transaction_id}"
        )
    if found.ended is not None:
        raise not_found(f"The call with TransactionId {transaction_id} has ended")
    return found


def update_call(
    inventory: Inventory,
    sip_media_application_id: str,
    transaction_id: str,
    arguments: Mapping[str, str],
    now: _dt.datetime,
) -> SipMediaApplicationCall:
    """Record the Arguments the application's Lambda would receive (CALL_UPDATE_REQUESTED)."""
    found = active_call(inventory, sip_media_application_id, transaction_id)
    found.updates.append(CallUpdate(dict(arguments), now))
    return found


def end_call(inventory: Inventory, transaction_id: str, now: _dt.datetime) -> None:
    """End a call in progress (a test's hang-up): it no longer counts as active."""
    found = of(inventory).calls.get(transaction_id)
    if found is None:
        raise not_found(f"No SIP media application call has TransactionId {transaction_id}")
    if found.ended is not None:
        raise bad_request(f"The call with TransactionId {transaction_id} has already ended")
    found.ended = now
    if found.pstn is not None:
        delivery.end(found.pstn, now, "Ended by the test (end_call)")
