"""SIP rules: which calls reach which SIP media applications (docs/behaviour.md, "SIP media
applications, SIP rules, calls and proxy sessions").

A rule's trigger is a phone number or a Voice Connector's host name, and never changes. A number
trigger is associated with the rule through backend/associations.py, the one place numbers are
associated: it is `Assigned` while the rule exists, and only deleting the rule frees it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any

from chime_mock.backend import associations, ids
from chime_mock.backend.paging import Ordered
from chime_mock.backend.phone_numbers.facts import describe
from chime_mock.backend.sip.sip_media_applications import (
    SipMediaApplication,
    SipRule,
    SipRuleTargetApplication,
    account_inventories,
    of,
)
from chime_mock.backend.store import Backend, Inventory
from chime_mock.backend.voice_connectors import connectors
from chime_mock.errors import bad_request, conflict, not_found

TO_PHONE_NUMBER = "ToPhoneNumber"
REQUEST_URI_HOSTNAME = "RequestUriHostname"


def rule(inventory: Inventory, sip_rule_id: str) -> SipRule:
    found = of(inventory).rules.get(sip_rule_id)
    if found is None:
        raise not_found(f"SIP rule {sip_rule_id} not found; ListSipRules shows the rules")
    return found


def _application_in(
    inventories: Iterable[Inventory], sip_media_application_id: str, region: str
) -> SipMediaApplication | None:
    for inventory in inventories:
        if inventory.scope.region == region:
            found = of(inventory).applications.get(sip_media_application_id)
            if found is not None:
                return found
    return None


def _targets(
    backend: Backend, inventory: Inventory, given: Iterable[Mapping[str, Any]] | None
) -> list[SipRuleTargetApplication]:
    """A request's TargetApplications, checked: 1 to 25, each an existing application
    in the region it names, one per region, priorities distinct."""
    listed = list(given or [])
    if not listed:
        raise bad_request("TargetApplications must list 1 to 25 SIP media applications")
    found = []
    for index, target in enumerate(listed, start=1):
        where = f"TargetApplications.{index}"
        missing = [
            member
            for member in ("SipMediaApplicationId", "Priority", "AwsRegion")
            if target.get(member) is None
        ]
        if missing:
            raise bad_request(f"{where} needs {', '.join(missing)}")
        found.append(
            SipRuleTargetApplication(
                target["SipMediaApplicationId"], target["Priority"], target["AwsRegion"]
            )
        )
    regions = [target.aws_region for target in found]
    if len(set(regions)) != len(regions):
        raise bad_request(
            "TargetApplications names a region more than once: a SIP rule takes one SIP media "
            "application per region (the others are its fail-over in other regions)"
        )
    priorities = [target.priority for target in found]
    if len(set(priorities)) != len(priorities):
        raise bad_request("TargetApplications gives a Priority more than once")
    inventories = account_inventories(backend, inventory)
    for index, checked in enumerate(found, start=1):
        application_id, region = checked.sip_media_application_id, checked.aws_region
        if _application_in(inventories, application_id, region) is None:
            raise bad_request(
                f"TargetApplications.{index} names SIP media application {application_id} in "
                f"{region}, which does not exist there; create it with a client of that region "
                "first"
            )
    return found


def _check_hostname(backend: Backend, inventory: Inventory, hostname: str) -> str:
    """A RequestUriHostname trigger: a Voice Connector's OutboundHostName, used by no other
    rule of this region."""
    host = hostname.lower()
    known = {
        connector.outbound_host_name
        for other in account_inventories(backend, inventory)
        for connector in connectors.of(other).connectors.values()
    }
    if host not in known:
        raise bad_request(
            f"TriggerValue {hostname} is not the OutboundHostName of a Voice Connector of this "
            "account (<VoiceConnectorId>.voiceconnector.chime.aws)"
        )
    for other in of(inventory).rules.values():
        if other.trigger_type == REQUEST_URI_HOSTNAME and other.trigger_value == host:
            raise conflict(
                f"SIP rule {other.sip_rule_id} already triggers on {host}; update or delete it",
            )
    return host


def _check_phone_number(inventory: Inventory, sip_rule_id: str, value: str) -> str:
    """A ToPhoneNumber trigger: a SipMediaApplicationDialIn number of the account, associated
    with nothing (a number held elsewhere is a ConflictException)."""
    facts = describe(value)
    if facts is None:
        raise bad_request(f"TriggerValue {value!r} is not an E.164 phone number")
    associations.check_attachable(inventory, (associations.SIP_RULE, sip_rule_id), facts.e164)
    return facts.e164


def create_rule(
    backend: Backend,
    inventory: Inventory,
    params: Mapping[str, Any],
    seq: int,
    now: _dt.datetime,
) -> SipRule:
    """Check everything, then create the rule (and associate its trigger number)."""
    sip_rule_id = ids.guid()
    trigger_type, value = params["TriggerType"], params["TriggerValue"]
    if trigger_type == TO_PHONE_NUMBER:
        value = _check_phone_number(inventory, sip_rule_id, value)
    else:
        value = _check_hostname(backend, inventory, value)
    found = _targets(backend, inventory, params.get("TargetApplications"))
    record = SipRule(
        sip_rule_id=sip_rule_id,
        name=params["Name"],
        # A rule is enabled unless created disabled, as the console's default.
        disabled=bool(params.get("Disabled")),
        trigger_type=trigger_type,
        trigger_value=value,
        targets=found,
        created=now,
        updated=now,
        seq=seq,
    )
    if trigger_type == TO_PHONE_NUMBER:
        associations.attach_one(inventory, (associations.SIP_RULE, sip_rule_id), value, now)
    of(inventory, create=True).rules[sip_rule_id] = record
    return record


def update_rule(
    backend: Backend,
    inventory: Inventory,
    sip_rule_id: str,
    params: Mapping[str, Any],
    now: _dt.datetime,
) -> SipRule:
    """A new name, and the Disabled flag and targets when given; the trigger never changes."""
    record = rule(inventory, sip_rule_id)
    found = record.targets
    if params.get("TargetApplications") is not None:
        found = _targets(backend, inventory, params["TargetApplications"])
    disabled = record.disabled if params.get("Disabled") is None else params["Disabled"]
    if not disabled and params.get("TargetApplications") is None:
        # Targets deleted while the rule was disabled leave it pointing nowhere.
        inventories = account_inventories(backend, inventory)
        gone = [
            target.sip_media_application_id
            for target in found
            if _application_in(inventories, target.sip_media_application_id, target.aws_region)
            is None
        ]
        if gone:
            raise conflict(
                f"SIP rule {sip_rule_id} targets deleted SIP media application(s) "
                f"{', '.join(gone)}; give new TargetApplications to enable it",
            )
    record.name, record.disabled, record.targets, record.updated = (
        params["Name"],
        disabled,
        found,
        now,
    )
    return record


def delete_rule(inventory: Inventory, sip_rule_id: str, now: _dt.datetime) -> None:
    """Delete a disabled rule and free its trigger number."""
    record = rule(inventory, sip_rule_id)
    if not record.disabled:
        raise conflict(
            f"SIP rule {sip_rule_id} is enabled; disable it first (UpdateSipRule with "
            "Disabled=True)",
        )
    associations.release(inventory, (associations.SIP_RULE, sip_rule_id), now)
    del of(inventory).rules[sip_rule_id]


def rules_of(
    backend: Backend, inventory: Inventory, sip_media_application_id: str | None
) -> Ordered[SipRule]:
    """The region's rules, oldest first; those targeting one application when given (an
    application of the account in any region; NotFoundException when there is none)."""
    if sip_media_application_id is not None and not any(
        sip_media_application_id in of(other).applications
        for other in account_inventories(backend, inventory)
    ):
        raise not_found(f"SIP media application {sip_media_application_id} not found")
    return of(inventory).rules.where(targets=sip_media_application_id)
