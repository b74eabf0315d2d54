"""Voice Connectors and Voice Connector groups (docs/behaviour.md, "Voice Connectors, groups and
their configurations").

Each connector keeps its configuration documents (origination, termination, ...) and its tags,
so they die with it. Numbers are associated through backend/associations.py, which the
integrity checks here ask.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from chime_mock.backend import associations, ids, tags
from chime_mock.backend.families import Family, family
from chime_mock.backend.paging import Listing
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.errors import bad_request, conflict, not_found

OUTBOUND_HOST_SUFFIX = ".voiceconnector.chime.aws"


@dataclass
class VoiceConnector:
    voice_connector_id: str
    name: str
    aws_region: str
    require_encryption: bool
    arn: str
    created: _dt.datetime
    updated: _dt.datetime
    seq: int
    integration_type: str | None = None
    network_type: str | None = None
    tags: dict[str, str] = field(default_factory=dict)
    # Configuration name (the Get operation's output member, e.g. "Origination") -> document.
    configurations: dict[str, Any] = field(default_factory=dict)

    @property
    def outbound_host_name(self) -> str:
        return self.voice_connector_id + OUTBOUND_HOST_SUFFIX


@dataclass
class VoiceConnectorItem:
    voice_connector_id: str
    priority: int


@dataclass
class VoiceConnectorGroup:
    group_id: str
    name: str
    items: list[VoiceConnectorItem]
    arn: str
    created: _dt.datetime
    updated: _dt.datetime
    seq: int


@family
@dataclass
class VoiceConnectors(Family):
    key = "VoiceConnectors"

    # Listings: dicts by ID in creation order, paged by seeking to a token's place.
    connectors: Listing[VoiceConnector] = field(default_factory=Listing)
    groups: Listing[VoiceConnectorGroup] = field(default_factory=Listing)

    def records(self) -> dict[str, list[object]]:
        return {
            "VoiceConnectors": list(self.connectors.values()),
            "VoiceConnectorGroups": list(self.groups.values()),
        }


def of(inventory: Inventory, *, create: bool = False) -> VoiceConnectors:
    """The scope's Voice Connectors and groups (`create=True` to add one)."""
    return inventory.family(VoiceConnectors, create=create)


# How each family deletes the records it keeps as children of a connector (voice analytics
# tasks, proxy sessions): they die with it without this module knowing every family.
ChildRemover = Callable[[Inventory, str], None]
_CHILDREN: list[ChildRemover] = []


def child(remove: ChildRemover) -> ChildRemover:
    """Register how a family deletes a connector's children: `remove(inventory, connector_id)`."""
    _CHILDREN.append(remove)
    return remove


@tags.taggable("vc")
def _find(inventory: Inventory, voice_connector_id: str) -> VoiceConnector | None:
    return of(inventory).connectors.get(voice_connector_id)


# -- Voice Connectors -----------------------------------------------------------------------------


def connector(inventory: Inventory, voice_connector_id: str) -> VoiceConnector:
    found = of(inventory).connectors.get(voice_connector_id)
    if found is None:
        raise not_found(f"Voice Connector {voice_connector_id} not found")
    return found


def create_connector(
    inventory: Inventory,
    params: Mapping[str, Any],
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> VoiceConnector:
    family_ = of(inventory)
    region = ids.home_region(
        inventory.scope.region or "", params.get("AwsRegion"), "Voice Connector"
    )
    quotas.check("voice_connectors", len(family_.connectors), what=f"Voice Connectors in {region}")
    connector_tags = tags.checked(params.get("Tags") or [])
    quotas.check("tags_per_resource", 0, len(connector_tags), what="tags per resource")
    voice_connector_id = ids.voice_connector_id()
    record = VoiceConnector(
        voice_connector_id=voice_connector_id,
        name=params["Name"],
        # The endpoint's region (the documented us-east-1 default was the legacy single
        # endpoint's).
        aws_region=region or "us-east-1",
        require_encryption=params["RequireEncryption"],
        arn=ids.arn(region, inventory.scope.account, f"vc/{voice_connector_id}"),
        created=now,
        updated=now,
        seq=seq,
        integration_type=params.get("IntegrationType"),
        network_type=params.get("NetworkType") or "IPV4_ONLY",
        tags=connector_tags,
    )
    of(inventory, create=True).connectors[voice_connector_id] = record
    return record


def update_connector(
    inventory: Inventory, voice_connector_id: str, name: str, encrypted: bool, now: _dt.datetime
) -> VoiceConnector:
    record = connector(inventory, voice_connector_id)
    record.name, record.require_encryption, record.updated = name, encrypted, now
    return record


def delete_connector(inventory: Inventory, voice_connector_id: str) -> None:
    record = connector(inventory, voice_connector_id)
    if associations.holds_numbers(inventory, (associations.VOICE_CONNECTOR, voice_connector_id)):
        raise conflict(
            f"Voice Connector {voice_connector_id} has phone numbers associated; disassociate "
            "them first (ListPhoneNumbers with FilterName=VoiceConnectorId finds them)",
        )
    groups = [g.group_id for g in of(inventory).groups.values() if _lists(g, voice_connector_id)]
    if groups:
        raise conflict(
            f"Voice Connector {voice_connector_id} is an item of Voice Connector group(s) "
            f"{', '.join(groups)}; remove it from them first",
        )
    del of(inventory).connectors[record.voice_connector_id]
    for remove in _CHILDREN:
        remove(inventory, voice_connector_id)


def _lists(group: VoiceConnectorGroup, voice_connector_id: str) -> bool:
    return any(item.voice_connector_id == voice_connector_id for item in group.items)


# -- Voice Connector groups -----------------------------------------------------------------------


def group(inventory: Inventory, group_id: str) -> VoiceConnectorGroup:
    found = of(inventory).groups.get(group_id)
    if found is None:
        raise not_found(f"Voice Connector group {group_id} not found")
    return found


def _items(
    inventory: Inventory, items: Iterable[Mapping[str, Any]], quotas: Quotas, code: str
) -> list[VoiceConnectorItem]:
    """A request's VoiceConnectorItems, checked: existing connectors, each once, within the
    quota (`code` is the error past it: RL is modeled on Create only)."""
    found = [
        VoiceConnectorItem(item["VoiceConnectorId"], item.get("Priority") or 1) for item in items
    ]
    ids_ = [item.voice_connector_id for item in found]
    if len(set(ids_)) != len(ids_):
        raise bad_request("VoiceConnectorItems lists a Voice Connector more than once")
    quotas.check(
        "voice_connectors_per_group", 0, len(found), what="Voice Connectors per group", code=code
    )
    for voice_connector_id in ids_:
        connector(inventory, voice_connector_id)
    return found


def create_group(
    inventory: Inventory,
    params: Mapping[str, Any],
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> VoiceConnectorGroup:
    family_ = of(inventory)
    quotas.check(
        "voice_connector_groups",
        len(family_.groups),
        what=f"Voice Connector groups in {inventory.scope.region}",
    )
    items = _items(
        inventory, params.get("VoiceConnectorItems") or [], quotas, "ResourceLimitExceededException"
    )
    group_id = ids.guid()
    record = VoiceConnectorGroup(
        group_id=group_id,
        name=params["Name"],
        items=items,
        arn=ids.arn(inventory.scope.region, inventory.scope.account, f"vcg/{group_id}"),
        created=now,
        updated=now,
        seq=seq,
    )
    of(inventory, create=True).groups[group_id] = record
    return record


def update_group(
    inventory: Inventory,
    group_id: str,
    params: Mapping[str, Any],
    quotas: Quotas,
    now: _dt.datetime,
) -> VoiceConnectorGroup:
    record = group(inventory, group_id)
    items = _items(inventory, params["VoiceConnectorItems"], quotas, "BadRequestException")
    record.name, record.items, record.updated = params["Name"], items, now
    return record


def delete_group(inventory: Inventory, group_id: str) -> None:
    record = group(inventory, group_id)
    if record.items:
        raise conflict(
            f"Voice Connector group {group_id} still has Voice Connector items; update it with "
            "VoiceConnectorItems=[] first",
        )
    if associations.holds_numbers(inventory, (associations.VOICE_CONNECTOR_GROUP, group_id)):
        raise conflict(
            f"Voice Connector group {group_id} has phone numbers associated; disassociate them "
            "first",
        )
    del of(inventory).groups[group_id]
