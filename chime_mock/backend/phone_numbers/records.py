"""The records the fake keeps: phone-number orders and phone numbers, in the service's own words.

A record is an entity, one of its kind by its ID: records compare by identity (`eq=False`), and
the few values inside them are NamedTuples. Each generated method is source code that Python
parses when the class is made, at every new process's first call, and a dataclass without a
docstring has one made from its signature (docs/architecture.md, "What a new process pays
for").
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import NamedTuple

from chime_mock.backend.paging import Listed


@dataclass(eq=False)
class OrderedPhoneNumber:
    """One number of an order and how far it got (an OrderedPhoneNumber of the API)."""

    e164: str
    status: str  # OrderedPhoneNumberStatus: Processing, Acquired, Failed


@dataclass(eq=False)
class PhoneNumberOrder:
    """A PhoneNumberOrder: numbers asked for together, made through the API or seeded."""

    order_id: str
    product_type: str
    order_type: str  # New (made through the API) or Porting (seeded by a test)
    status: str  # PhoneNumberOrderStatus
    ordered: list[OrderedPhoneNumber]
    created: _dt.datetime
    updated: _dt.datetime
    seq: int  # creation order, for paging
    # When a Processing order completes by the clock; None: only `complete_order` completes it.
    ready_at: _dt.datetime | None = None
    # Numbers that will end Failed (already owned when ordered, or refused by the carrier).
    doomed: set[str] = field(default_factory=set)
    foc_date: _dt.datetime | None = None
    name: str | None = None


class Association(NamedTuple):
    """A PhoneNumberAssociation: what a number is put to work for. A number has one at most."""

    name: str  # PhoneNumberAssociationName: VoiceConnectorId, VoiceConnectorGroupId, SipRuleId
    value: str  # the ID of the connector, group or rule
    associated: _dt.datetime


@dataclass(eq=False)
class PhoneNumber(Listed):
    """A PhoneNumber of the inventory. Assigning its status, product type or associations
    refiles it in its listing's indexes."""

    phone_number_id: str
    e164: str
    country: str
    type: str  # Local or TollFree
    product_type: str
    status: str  # PhoneNumberStatus
    capabilities: dict[str, bool]
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    order_id: str | None = None
    name: str | None = None
    calling_name: str | None = None
    calling_name_status: str | None = None
    # When a CallingName update (CallingNameStatus UpdateInProgress) succeeds.
    calling_name_ready_at: _dt.datetime | None = None
    deletion: _dt.datetime | None = None
    associations: list[Association] = field(default_factory=list)


@dataclass(eq=False)
class PhoneNumberSettings:
    """The account's default outbound calling name (Get/UpdatePhoneNumberSettings)."""

    calling_name: str | None
    updated: _dt.datetime
