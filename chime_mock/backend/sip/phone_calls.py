"""Calls that run: the PSTN audio simulator (backend/sip/pstn/) in its place in the fake.

Each fake has one switchboard (the Lambdas a test connected, the numbers that do not answer, the
action outcomes it set). A call a SIP rule routes, or one CreateSipMediaApplicationCall places
with the application's Lambda connected, is a record among the application's calls
(`SipMediaApplicationCall.pstn`), so it counts against the quota of active calls, is listed by
`handle.sip_media_applications.calls()`, and travels in state files like the other records.
"""

from __future__ import annotations

import datetime as _dt
import re
import weakref
from collections.abc import Mapping

from chime_mock.backend import ids
from chime_mock.backend.due import DueQueue
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.sip.pstn.engine import Switchboard, due
from chime_mock.backend.sip.pstn.lambdas import LambdaFunction
from chime_mock.backend.sip.pstn.outcomes import E164
from chime_mock.backend.sip.pstn.records import (
    INBOUND,
    LEG_A,
    OUTBOUND,
    Leg,
    PstnCall,
    Target,
)
from chime_mock.backend.sip.sip_media_applications import (
    SipMediaApplication,
    SipMediaApplicationCall,
    SipMediaApplications,
    of,
)
from chime_mock.backend.sip.sip_rules import REQUEST_URI_HOSTNAME, TO_PHONE_NUMBER
from chime_mock.backend.store import Backend, Inventory, Scope
from chime_mock.defaults import CHIME_SDK_VOICE
from chime_mock.errors import ServiceError
from chime_mock.options import remedied

_USABLE = frozenset({"Unassigned", "Assigned"})
QUOTA = "active_sip_media_application_calls"

# The Lambdas a test connected, by ARN: kept by reset() like the fake's options (a server
# started with --lambda keeps answering through every test it serves).
_LAMBDAS: weakref.WeakKeyDictionary[Backend, dict[str, LambdaFunction]] = (
    weakref.WeakKeyDictionary()
)


class PhoneNetwork:
    """The PSTN audio service of one fake (`backend.domain(PhoneNetwork)`): its switchboard,
    and the calls waiting for the clock, settled with every request. reset() forgets the calls,
    the numbers made silent and the outcomes set; the connected Lambdas stay."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.board = Switchboard(owns=self._owns, changed=self._changed)
        self.board.lambdas = _LAMBDAS.setdefault(backend, {})
        # The calls waiting for the clock (a pause, digits, ringing), by TransactionId, and
        # when each is due: a request settles the due ones, not every call that waits.
        self._waiting: dict[str, tuple[Scope, PstnCall]] = {}
        self._due = DueQueue()
        # Calls a state file brought back wait again (their Lambdas connected anew).
        for inventory in backend.inventories():
            family = inventory.families.get(SipMediaApplications.key)
            if isinstance(family, SipMediaApplications):
                for record in family.calls.where(ended=True).after(-1):
                    if record.pstn is not None:
                        self._changed(record.pstn)

    def settle(self, now: _dt.datetime) -> None:
        for transaction_id in self._due.pop_due(now, self._waiting):
            waiting = self._waiting.get(transaction_id)
            if waiting is None:  # ended by another call's settling
                continue
            at = self.board.settle(waiting[1], now)
            if at is None:
                self._waiting.pop(transaction_id, None)
            else:
                self._due.push(transaction_id, at)

    def _owns(self, call: PstnCall, phone_number: str) -> bool:
        """Whether the number is one of the account's (a CallAndBridge's caller ID)."""
        facts = describe(phone_number)
        if facts is None:
            return False
        numbers = PhoneNumberInventory.of(_inventory(self.backend, call.target)).numbers
        number = numbers.get(facts.phone_number_id)
        return number is not None and number.status in _USABLE

    def _changed(self, call: PstnCall) -> None:
        """After the switchboard worked on `call`: its record follows (ended, moved with a
        fail-over), and the call waits for the clock while it needs it."""
        found = _record(self.backend, call)
        if found is None:
            # The record is gone (reset(), or its application deleted) while a Lambda at a URL
            # answered: the server lets go of its lock meanwhile. Nothing is left to follow.
            self._waiting.pop(call.transaction_id, None)
            return
        inventory, record = found
        if record.sip_media_application_id != call.target.sip_media_application_id:
            # Another region's application took the call (fail-over): the record moves with it.
            del of(inventory).calls[record.transaction_id]
            inventory = _inventory(self.backend, call.target)
            record.sip_media_application_id = call.target.sip_media_application_id
            of(inventory, create=True).calls[record.transaction_id] = record
        if call.ended is not None and record.ended is None:
            record.ended = call.ended
        at = due(call)
        if at is not None:
            self._waiting[call.transaction_id] = (inventory.scope, call)
            self._due.push(call.transaction_id, at)
        else:
            self._waiting.pop(call.transaction_id, None)


def network(backend: Backend) -> PhoneNetwork:
    return backend.domain(PhoneNetwork)


def switchboard(backend: Backend) -> Switchboard:
    """The fake's switchboard, made at its first use."""
    return network(backend).board


def _inventory(backend: Backend, target: Target) -> Inventory:
    return backend.inventory(Scope.of(CHIME_SDK_VOICE, target.account, target.aws_region))


def _record(backend: Backend, call: PstnCall) -> tuple[Inventory, SipMediaApplicationCall] | None:
    for inventory in backend.inventories():
        family = inventory.families.get(SipMediaApplications.key)
        if isinstance(family, SipMediaApplications):
            found = family.calls.get(call.transaction_id)
            if found is not None and found.pstn is call:
                return inventory, found
    return None


def active_calls(inventory: Inventory) -> int:
    """What the scope's calls count against the quota: one per leg on the line (a bridged call
    counts two), one per call without a Lambda."""
    return sum(
        record.pstn.active_legs if record.pstn is not None else 1
        for record in of(inventory).calls.where(ended=True).after(-1)
    )


def _checked_number(value: object, name: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(E164, value):
        raise ValueError(
            f"chime_mock: {name} must be an E.164 phone number such as +12065550100; got {value!r}"
        )
    return value


def _targets(
    backend: Backend, account: str, trigger_type: str, trigger_value: str
) -> tuple[str, list[Target]]:
    """The enabled SIP rule with this trigger, and its target applications by priority (those
    that exist, in their regions)."""
    inventories = [
        inventory
        for inventory in backend.inventories()
        if (inventory.scope.service, inventory.scope.account) == (CHIME_SDK_VOICE, account)
    ]
    rules = [
        rule
        for other in inventories
        for rule in of(other).rules.values()
        if not rule.disabled
        and rule.trigger_type == trigger_type
        and rule.trigger_value == trigger_value
    ]
    if not rules:
        routed = "calls to" if trigger_type == TO_PHONE_NUMBER else "calls sent to host"
        raise ValueError(
            f"chime_mock: no enabled SIP rule of account {account} routes {routed} "
            f"{trigger_value}; create one with CreateSipRule (TriggerType {trigger_type}, "
            f"TriggerValue {trigger_value}), or enable it with UpdateSipRule"
        )
    rule = rules[0]
    found: list[Target] = []
    for target in sorted(rule.targets, key=lambda target: target.priority):
        application: SipMediaApplication | None = None
        for other in inventories:
            if other.scope.region == target.aws_region:
                application = of(other).applications.get(target.sip_media_application_id)
        if application is not None:
            found.append(
                Target(
                    application.sip_media_application_id,
                    application.aws_region,
                    account,
                    application.lambda_arn,
                )
            )
    return rule.sip_rule_id, found


def receive_call(
    backend: Backend,
    account: str,
    to_phone_number: str,
    from_phone_number: str,
    sip_headers: Mapping[str, str] | None,
    now: _dt.datetime,
    request_uri_hostname: str | None = None,
) -> PstnCall:
    """A caller dials `to_phone_number`: routed by the account's enabled SIP rule with that
    ToPhoneNumber trigger, or, for a call a SIP trunk (a PBX) sends to a Voice Connector's
    `request_uri_hostname`, by the rule with that RequestUriHostname trigger; to the rule's
    target applications by priority."""
    to_phone_number = _checked_number(to_phone_number, "to_phone_number")
    from_phone_number = _checked_number(from_phone_number, "from_phone_number")
    if request_uri_hostname is None:
        trigger = (TO_PHONE_NUMBER, to_phone_number)
    elif isinstance(request_uri_hostname, str) and request_uri_hostname:
        trigger = (REQUEST_URI_HOSTNAME, request_uri_hostname.lower())  # hosts have no case
    else:
        raise ValueError(
            "chime_mock: request_uri_hostname must be a Voice Connector's OutboundHostName such "
            f"as abcdef1ghij2klmno3pqr4.voiceconnector.chime.aws; got {request_uri_hostname!r}"
        )
    sip_rule_id, targets = _targets(backend, account, *trigger)
    board = switchboard(backend)
    ready = [target for target in targets if target.lambda_arn in board.lambdas]
    if not ready:
        named = ", ".join(f"{t.sip_media_application_id} ({t.lambda_arn})" for t in targets)
        raise ValueError(
            f"chime_mock: the SIP rule routing {trigger[1]} targets no application whose "
            f"Lambda is connected (targets: {named or 'none that exist'}); connect one with "
            "handle.sip_media_applications.connect_lambda(lambda_arn, handler)"
        )
    first = ready[0]
    inventory = _inventory(backend, first)
    try:
        backend.quotas.check(
            QUOTA,
            active_calls(inventory),
            what=f"active SIP media application calls in {first.aws_region}",
        )
    except ServiceError as error:
        message = remedied(error.message, error.raised_by, served=backend.served)
        raise ValueError(f"chime_mock: the call is refused: {message}") from None
    call = PstnCall(
        transaction_id=ids.guid(),
        direction=INBOUND,
        target=first,
        legs=[
            Leg(
                ids.guid(),
                LEG_A,
                to_phone_number,
                from_phone_number,
                INBOUND,
                now,
                sip_headers=dict(sip_headers) if sip_headers else None,
            )
        ],
        started=now,
        sip_rule_id=sip_rule_id,
        fallbacks=ready[1:],
    )
    of(inventory, create=True).calls[call.transaction_id] = SipMediaApplicationCall(
        transaction_id=call.transaction_id,
        sip_media_application_id=first.sip_media_application_id,
        from_phone_number=from_phone_number,
        to_phone_number=to_phone_number,
        sip_headers=dict(sip_headers or {}),
        arguments={},
        placed=now,
        seq=backend.next_seq(),
        direction=INBOUND,
        pstn=call,
    )
    board.start_inbound(call, now)
    return call


def place(
    backend: Backend,
    inventory: Inventory,
    record: SipMediaApplicationCall,
    application: SipMediaApplication,
    now: _dt.datetime,
) -> None:
    """CreateSipMediaApplicationCall's call runs when the application's Lambda is connected."""
    board = switchboard(backend)
    if application.lambda_arn not in board.lambdas:
        return  # recorded only, as before any Lambda was connected
    call = PstnCall(
        transaction_id=record.transaction_id,
        direction=OUTBOUND,
        target=Target(
            application.sip_media_application_id,
            application.aws_region,
            inventory.scope.account,
            application.lambda_arn,
        ),
        legs=[
            Leg(ids.guid(), LEG_A, record.to_phone_number, record.from_phone_number, OUTBOUND, now)
        ],
        started=now,
    )
    record.pstn = call
    board.start_outbound(call, record.arguments, now)


def update(
    backend: Backend,
    record: SipMediaApplicationCall,
    arguments: Mapping[str, str],
    now: _dt.datetime,
) -> None:
    """UpdateSipMediaApplicationCall on a call that runs: CALL_UPDATE_REQUESTED."""
    if record.pstn is not None and record.pstn.ended is None:
        switchboard(backend).update(record.pstn, arguments, now)


def find(backend: Backend, transaction_id: str) -> tuple[Switchboard, PstnCall]:
    """The running call with that TransactionId, in any account and region."""
    for inventory in backend.inventories():
        family = inventory.families.get(SipMediaApplications.key)
        if isinstance(family, SipMediaApplications):
            record = family.calls.get(transaction_id)
            if record is not None and record.pstn is not None:
                return switchboard(backend), record.pstn
    raise ValueError(
        f"chime_mock: no call with TransactionId {transaction_id} ran through a connected "
        "Lambda; handle.sip_media_applications.calls() lists the calls"
    )
