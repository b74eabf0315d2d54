"""What a loaded state must satisfy beyond the types of its fields, so a hand-edited file cannot
smuggle in a value the service would then choke on or serve: a status or product type the model
does not have, a phone number that is no E.164 number or whose ID is another number's, a number of
an order that does not exist, a completed order still waiting for the clock. And how records
refer to each other (`_references`): an association names a connector, group or rule of its
scope that exists and names the number back; a number's status agrees with its associations;
the carrier's holder of each number is the scope whose inventory holds it.

The codec has checked every field's type; these checks run on the Backend built from the file,
before it is used, and name the value by its path in the file. The model's enums are asked of the
caller (`Enums`), so the backend stays free of botocore.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import quote

from chime_mock.backend.phone_numbers.carrier import Carrier
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.orders import find_order
from chime_mock.backend.phone_numbers.records import PhoneNumber, PhoneNumberOrder
from chime_mock.backend.state.codec import CodecError
from chime_mock.backend.state.tables import is_table
from chime_mock.backend.store import Backend, Inventory, Scope

# (service, enum shape name) -> the values the installed model allows; None: no such shape.
Enums = Callable[[str, str], "frozenset[str] | None"]

# Shapes an older model lacks, with the values the fake itself writes.
_OWN_VALUES = {"PhoneNumberOrderType": frozenset({"New", "Porting"})}
# Orders that no longer wait for the clock or for complete_order.
_FINAL = frozenset({"Successful", "Partial", "Failed", "Cancelled"})


def check(backend: Backend, raw: dict[str, Any], enums: Enums) -> None:
    """CodecError, at the path of the first value the service cannot serve."""
    inventories = backend.inventories()
    _same_count(inventories, raw["inventories"], "inventories", "a scope")
    for index, inventory in enumerate(inventories):
        where = f"inventories[{index}]"
        service = inventory.scope.service
        _same_count(
            PhoneNumberInventory.of(inventory).numbers,
            _rows(raw["inventories"][index]["numbers"]),
            where,
            "a number",
        )
        for position, order in enumerate(PhoneNumberInventory.of(inventory).orders.values()):
            _order(order, service, f"{where}.orders[{position}]", enums)
        for position, number in enumerate(PhoneNumberInventory.of(inventory).numbers.values()):
            at = f"{where}.numbers[{position}]"
            _number(number, service, at, enums)
            if (
                number.order_id is not None
                and number.order_id not in PhoneNumberInventory.of(inventory).orders
            ):
                raise CodecError(f"{at}.order_id", f"order {number.order_id} is not in its scope")
    for position, order_id in enumerate(Carrier.of(backend).pending):
        order = find_order(backend, order_id)
        if order.status in _FINAL:
            raise CodecError(
                f"pending_orders[{position}]", f"order {order_id} is {order.status}, not waiting"
            )
    for order_id, numbers in Carrier.of(backend).arriving.items():
        order = find_order(backend, order_id)
        if order.foc_date is None:
            raise CodecError(f"arriving.{order_id}", "the order has no foc_date to arrive by")
        service = Carrier.of(backend).order_scopes[order_id].service
        for position, number in enumerate(numbers):
            _number(number, service, f"arriving.{order_id}[{position}]", enums)
    _references(backend)


def _rows(raw: Any) -> Any:
    """The records of a part written as a list of objects or as a table."""
    return raw["rows"] if is_table(raw) else raw


def _same_count(decoded: Iterable[Any], raw: Sequence[Any], where: str, what: str) -> None:
    if len(list(decoded)) != len(raw):
        raise CodecError(where, f"{what} appears twice")


def _order(order: PhoneNumberOrder, service: str, where: str, enums: Enums) -> None:
    _one_of(order.product_type, "PhoneNumberProductType", service, f"{where}.product_type", enums)
    _one_of(order.status, "PhoneNumberOrderStatus", service, f"{where}.status", enums)
    _one_of(order.order_type, "PhoneNumberOrderType", service, f"{where}.order_type", enums)
    for position, entry in enumerate(order.ordered):
        at = f"{where}.ordered[{position}]"
        _e164(entry.e164, f"{at}.e164")
        _one_of(entry.status, "OrderedPhoneNumberStatus", service, f"{at}.status", enums)


def _number(number: PhoneNumber, service: str, where: str, enums: Enums) -> None:
    phone_number_id = _e164(number.e164, f"{where}.e164")
    if number.phone_number_id != phone_number_id:
        raise CodecError(
            f"{where}.phone_number_id",
            f"{number.phone_number_id!r} is not the ID of {number.e164} ({phone_number_id!r})",
        )
    _one_of(number.status, "PhoneNumberStatus", service, f"{where}.status", enums)
    _one_of(number.product_type, "PhoneNumberProductType", service, f"{where}.product_type", enums)
    _one_of(number.type, "PhoneNumberType", service, f"{where}.type", enums)
    if number.calling_name_status is not None:
        _one_of(
            number.calling_name_status,
            "CallingNameStatus",
            service,
            f"{where}.calling_name_status",
            enums,
        )
    for position, association in enumerate(number.associations):
        at = f"{where}.associations[{position}].name"
        _one_of(association.name, "PhoneNumberAssociationName", service, at, enums)


# The model's E164PhoneNumber, with the "+" the fake always stores. A pattern, not phonenumbers'
# parse: that costs ~0.1 ms a number, and a file of 10,000 numbers must load in well under 1 s.
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")


def _e164(text: str, where: str) -> str:
    """The phone number ID of `text`, a number in E.164 form."""
    if not _E164.fullmatch(text):
        raise CodecError(where, f"{text!r} is not a phone number in E.164 form (+12065550100)")
    return quote(text, safe="")


def _one_of(value: str, shape: str, service: str, where: str, enums: Enums) -> None:
    allowed = enums(service, shape) or _OWN_VALUES.get(shape)
    if allowed is not None and value not in allowed:
        raise CodecError(
            where,
            f"{value!r} is not a {shape} of {service}; use one of {', '.join(sorted(allowed))}",
        )


# -- how records refer to each other ------------------------------------------------------------

# Association name -> (family key, the family's dict of records it names). A SIP rule's number is
# also named back by the rule's trigger.
_TARGETS = {
    "VoiceConnectorId": ("VoiceConnectors", "connectors"),
    "VoiceConnectorGroupId": ("VoiceConnectors", "groups"),
    "SipRuleId": ("SipMediaApplications", "rules"),
}
_SDK_VOICE = "chime-sdk-voice"
# A number in these statuses stays listed but holds nothing: the carrier has let it go.
_LET_GO = frozenset({"AcquireFailed", "Cancelled"})


def _records(inventory: Inventory, key: str, kind: str) -> Any:
    """A family's records of one kind in the scope (empty when the scope never used it)."""
    state = inventory.families.get(key)
    return getattr(state, kind) if state is not None else {}


def _references(backend: Backend) -> None:
    carrier = Carrier.of(backend)
    held: dict[str, Scope] = {}  # every number an inventory holds or a porting order brings
    for index, inventory in enumerate(backend.inventories()):
        where = f"inventories[{index}]"
        numbers = PhoneNumberInventory.of(inventory).numbers
        for position, number in enumerate(numbers.values()):
            at = f"{where}.numbers[{position}]"
            _associations(inventory, number, at)
            if number.status in _LET_GO:
                continue
            held[number.e164] = inventory.scope
            if carrier.owners.get(number.e164) != inventory.scope:
                raise CodecError(
                    at,
                    f"owners does not name this scope as the holder of {number.e164}, so another "
                    "account could order it; add it to owners with this scope",
                )
        _named_back(inventory, where)
        _children(inventory, where)
    for order_id, arriving in carrier.arriving.items():
        for coming in arriving:
            if coming.status not in _LET_GO:
                held[coming.e164] = carrier.order_scopes[order_id]
    for e164, scope in carrier.owners.items():
        if held.get(e164) != scope:
            raise CodecError(
                f"owners.{e164}",
                f"{e164} is in no inventory of {scope.service} {scope.account} {scope.region} "
                "(nor arriving there with a porting order); remove it from owners, or add the "
                "number to that inventory",
            )
    for name in ("deleting", "naming"):
        for e164, scope in getattr(carrier, name).items():
            if held.get(e164) != scope:
                raise CodecError(
                    f"{name}.{e164}", f"{e164} is not in the inventory this entry names"
                )


def _associations(inventory: Inventory, number: PhoneNumber, where: str) -> None:
    """The number's status agrees with its associations, which name records of its scope that
    name it back."""
    if (number.status == "Assigned") != bool(number.associations):
        has = "has associations" if number.associations else "has none"
        raise CodecError(
            f"{where}.status",
            f"{number.e164} is {number.status} but {has}: a number is Assigned exactly while "
            "something holds it",
        )
    if inventory.scope.service == _SDK_VOICE and len(number.associations) > 1:
        raise CodecError(f"{where}.associations", "a number has one association at most")
    for position, association in enumerate(number.associations):
        target = _TARGETS.get(association.name)
        if target is None:
            continue  # legacy Chime's account and user associations name no record of the fake
        at = f"{where}.associations[{position}].value"
        record = _records(inventory, *target).get(association.value)
        if record is None:
            raise CodecError(
                at,
                f"{association.name} {association.value} is not in this scope's "
                f"families.{target[0]}.{target[1]}; remove the association (and make the "
                "number Unassigned) or add the record",
            )
        if association.name == "SipRuleId" and (
            record.trigger_type != "ToPhoneNumber" or record.trigger_value != number.e164
        ):
            raise CodecError(
                at,
                f"SIP rule {association.value} is triggered by {record.trigger_value}, not by "
                f"{number.e164}",
            )


def _named_back(inventory: Inventory, where: str) -> None:
    """Each SIP rule on a phone number holds that number; each group lists connectors of its
    scope."""
    numbers = PhoneNumberInventory.of(inventory).numbers
    family_at = f"{where}.families"
    for rule_id, rule in _records(inventory, "SipMediaApplications", "rules").items():
        if rule.trigger_type != "ToPhoneNumber":
            continue
        number = numbers.get(quote(rule.trigger_value, safe=""))
        if number is None or [(a.name, a.value) for a in number.associations] != [
            ("SipRuleId", rule_id)
        ]:
            raise CodecError(
                f"{family_at}.SipMediaApplications.rules.{rule_id}.trigger_value",
                f"{rule.trigger_value} is not a number of this scope associated with the rule "
                "(a SipRuleId association); add the number, or the association",
            )
    connectors = _records(inventory, "VoiceConnectors", "connectors")
    for group_id, group in _records(inventory, "VoiceConnectors", "groups").items():
        for position, item in enumerate(group.items):
            if item.voice_connector_id not in connectors:
                raise CodecError(
                    f"{family_at}.VoiceConnectors.groups.{group_id}.items[{position}]",
                    f"Voice Connector {item.voice_connector_id} is not in this scope",
                )


# Records that are children of a connector or a domain: (family key, kind, the parent's member,
# the parent's family key and kind).
_CHILDREN = (
    ("ProxySessions", "sessions", "voice_connector_id", "VoiceConnectors", "connectors"),
    ("VoiceAnalytics", "speaker_search_tasks", "voice_connector_id", "VoiceConnectors",
     "connectors"),
    ("VoiceAnalytics", "voice_tone_analysis_tasks", "voice_connector_id", "VoiceConnectors",
     "connectors"),
    ("VoiceAnalytics", "profiles", "voice_profile_domain_id", "VoiceAnalytics", "domains"),
)  # fmt: skip


def _children(inventory: Inventory, where: str) -> None:
    """Every child names a parent of its scope: they die together."""
    for key, kind, member, parent_key, parent_kind in _CHILDREN:
        parents = _records(inventory, parent_key, parent_kind)
        for record_id, record in _records(inventory, key, kind).items():
            parent = getattr(record, member)
            if parent not in parents:
                raise CodecError(
                    f"{where}.families.{key}.{kind}.{record_id}.{member}",
                    f"{parent} is not in this scope's families.{parent_key}.{parent_kind}",
                )
