"""The records the fake keeps: phone-number orders and phone numbers, in the service's own words."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from chime_mock.backend.paging import Listed


@dataclass
class OrderedPhoneNumber:
    e164: str
    status: str  # OrderedPhoneNumberStatus: Processing, Acquired, Failed


@dataclass
class PhoneNumberOrder:
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


@dataclass(frozen=True)
class Association:
    """A PhoneNumberAssociation: what a number is put to work for. A number has one at most."""

    name: str  # PhoneNumberAssociationName: VoiceConnectorId, VoiceConnectorGroupId, SipRuleId
    value: str  # the ID of the connector, group or rule
    associated: _dt.datetime


@dataclass
class PhoneNumber(Listed):  # assigning status, product type or associations refiles its indexes
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


@dataclass
class PhoneNumberSettings:
    """The account's default outbound calling name (Get/UpdatePhoneNumberSettings)."""

    calling_name: str | None
    updated: _dt.datetime
