"""Porting orders: created by an AWS support case, so the mock seeds them from the handle.

Legacy Chime models no porting statuses; its porting orders look like Processing orders whose
numbers are AcquireInProgress. Chime SDK Voice shows the porting statuses of the order and the
port-in statuses of its numbers.
"""

from __future__ import annotations

import datetime as _dt

from chime_mock.defaults import CHIME_SDK_VOICE

# AWS: "ported numbers appear in inventory one day before the FOC date" (docs/behaviour.md,
# "Porting orders"). Until then
# they are held (nobody can order them, search never offers them) but no read shows them and they
# take no place in the inventory quota.
LEAD_TIME = _dt.timedelta(days=1)

# Order statuses of a porting order still under way: it completes on its FOC date.
IN_FLIGHT = ("Submitted", "PendingDocuments", "FOC", "ChangeRequested", "Exception")
# Order statuses of a porting order being cancelled, and the status its numbers show.
CANCELLING = {"CancelRequested": "PortinCancelRequested", "Cancelled": "Cancelled"}


def statuses(service: str) -> tuple[str, ...]:
    """The order statuses a seeded porting order of `service` may have."""
    if service == CHIME_SDK_VOICE:
        return (*IN_FLIGHT, *CANCELLING)
    return ("Processing",)


def default_status(service: str) -> str:
    return "FOC" if service == CHIME_SDK_VOICE else "Processing"


def number_status(service: str, order_status: str) -> str:
    """The status the numbers of a porting order show while it is under way."""
    if service != CHIME_SDK_VOICE:
        return "AcquireInProgress"
    return CANCELLING.get(order_status, "PortinInProgress")


def appears_at(foc_date: _dt.datetime) -> _dt.datetime:
    """When the numbers of a porting order with this FOC date enter the inventory."""
    return foc_date - LEAD_TIME


def completes_on_foc_date(order_status: str) -> bool:
    return order_status not in CANCELLING
