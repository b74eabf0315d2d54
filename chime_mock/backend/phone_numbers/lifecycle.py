"""How a phone number's record moves with time: the deletion queue and calling-name updates.

These functions change one record; the store decides which records, and keeps the indexes of
the numbers waiting for the clock.
"""

from __future__ import annotations

import datetime as _dt
from typing import TypeGuard

from chime_mock.backend.phone_numbers.records import PhoneNumber

# How long a deleted number stays in the deletion queue, restorable (AWS documents 7 days).
DELETION_QUEUE_TIME = _dt.timedelta(days=7)


def queue_for_deletion(number: PhoneNumber, now: _dt.datetime) -> None:
    number.status, number.deletion, number.updated = "DeleteInProgress", now, now


def restore(number: PhoneNumber, now: _dt.datetime) -> None:
    number.status, number.deletion, number.updated = "Unassigned", None, now


def is_queued(number: PhoneNumber | None) -> TypeGuard[PhoneNumber]:
    return number is not None and number.status == "DeleteInProgress" and bool(number.deletion)


def leaves_queue(number: PhoneNumber, now: _dt.datetime) -> bool:
    """Whether the number's 7 days in the deletion queue are over."""
    return number.deletion is not None and number.deletion + DELETION_QUEUE_TIME <= now


def set_calling_name(
    number: PhoneNumber, calling_name: str, now: _dt.datetime, delay: _dt.timedelta
) -> bool:
    """Start a calling-name update; True when it waits for the clock. The model allows "", which
    removes the calling name at once."""
    number.updated = now
    if not calling_name:
        number.calling_name, number.calling_name_status = None, "Unassigned"
        number.calling_name_ready_at = None
        return False
    number.calling_name, number.calling_name_status = calling_name, "UpdateInProgress"
    number.calling_name_ready_at = now + delay
    return True


def is_naming(number: PhoneNumber | None) -> TypeGuard[PhoneNumber]:
    return (
        number is not None
        and number.calling_name_status == "UpdateInProgress"
        and number.calling_name_ready_at is not None
    )


def settle_calling_name(number: PhoneNumber, now: _dt.datetime) -> bool:
    """Finish the number's calling-name update if its time has come; True when it did."""
    ready = number.calling_name_ready_at
    if ready is None or ready > now:
        return False
    number.calling_name_status, number.updated = "UpdateSucceeded", ready
    number.calling_name_ready_at = None
    return True
