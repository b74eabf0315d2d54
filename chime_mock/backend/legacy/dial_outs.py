"""CreateMeetingDialOut (legacy Chime): call a phone number into an Amazon Chime SDK meeting,
from a number of the caller's inventory. docs/behaviour.md, "Legacy Amazon Chime".

The fake does not keep meetings (they belong to the Chime SDK meetings API), so any well-formed
meeting ID is accepted; each dial-out is recorded for tests to read.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from chime_mock.backend import ids
from chime_mock.backend.families import Family, family
from chime_mock.backend.paging import Listing
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request

# The model's GuidString, whole (the model's pattern is searched, not anchored).
_GUID = re.compile(r"[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}")
# Where a number can place a call: not on its way into or out of the inventory.
_USABLE = frozenset({"Unassigned", "Assigned"})


@dataclass
class MeetingDialOut:
    transaction_id: str
    meeting_id: str
    from_phone_number: str
    to_phone_number: str
    placed: _dt.datetime
    seq: int


@family
@dataclass
class ChimeMeetingDialOuts(Family):
    key = "ChimeMeetingDialOuts"

    # By TransactionId, oldest first.
    dial_outs: Listing[MeetingDialOut] = field(default_factory=Listing)

    def records(self) -> dict[str, list[object]]:
        return {"MeetingDialOuts": list(self.dial_outs.values())}


def of(inventory: Inventory, *, create: bool = False) -> ChimeMeetingDialOuts:
    return inventory.family(ChimeMeetingDialOuts, create=create)


def _held(e164: str, inventories: Iterable[Inventory]) -> bool:
    """Whether one of the caller's inventories has the number in a usable status."""
    facts = describe(e164)
    if facts is None:
        return False
    for inventory in inventories:
        number = PhoneNumberInventory.of(inventory).numbers.get(facts.phone_number_id)
        if number is not None and number.status in _USABLE:
            return True
    return False


def dial_out(
    inventory: Inventory,
    callers: Iterable[Inventory],
    meeting_id: str,
    from_number: str,
    to_number: str,
    seq: int,
    now: _dt.datetime,
) -> MeetingDialOut:
    """Record a dial-out from `from_number`, which one of `callers` (the caller's inventories
    of phone numbers, legacy Chime's and Chime SDK Voice's) must hold."""
    if not _GUID.fullmatch(meeting_id):
        raise bad_request(f"MeetingId {meeting_id!r} is not a meeting ID (a GUID)")
    if not _held(from_number, callers):
        raise bad_request(
            "From number does not belong to the customer: FromPhoneNumber must be a number of "
            "this account's phone number inventory (Unassigned or Assigned)"
        )
    record = MeetingDialOut(
        transaction_id=ids.guid(),
        meeting_id=meeting_id,
        from_phone_number=from_number,
        to_phone_number=to_number,
        placed=now,
        seq=seq,
    )
    of(inventory, create=True).dial_outs[record.transaction_id] = record
    return record
