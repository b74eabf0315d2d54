"""Configuration documents: one mechanism for every Put/Get/Delete triple that stores one
document under a parent (the origination, termination, streaming, ... of a Voice Connector; the
logging of a SIP media application).

A parent record keeps its documents in `configurations: dict[str, Any]` by name (the member the
Get operation answers, e.g. "Origination"), so they die with it. What differs between triples is
declared in a `Configuration`: the operations, the parent, the rules a Put and a Delete must
pass, and what Get answers before any Put. operations/configurations.py serves every declared
triple from the model's shapes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.errors import not_found


class Configurable(Protocol):
    configurations: dict[str, Any]


@dataclass(frozen=True)
class Parent:
    """Where documents live: the request member naming the parent, and how to find it
    (NotFoundException when it does not exist)."""

    id_member: str  # e.g. "VoiceConnectorId"
    find: Callable[[Inventory, str], Configurable]


# A Put's rule: (the scope's inventory, the parent, the new document, the quotas) -> the document
# to store (with any defaults filled in); raises the modeled error of a broken rule.
PutRule = Callable[[Inventory, Any, dict[str, Any], Quotas], dict[str, Any]]
# A Delete's rule: raises when the document may not go now.
DeleteRule = Callable[[Inventory, Any], None]


@dataclass(frozen=True)
class Configuration:
    name: str  # the Get/Put output member, e.g. "Origination"
    parent: Parent
    put: str  # operation names
    get: str
    delete: str | None = None  # None: no Delete operation (logging)
    # What Get answers before any Put; None: NotFoundException.
    when_absent: Mapping[str, Any] | None = None
    # Members AWS answers whether a Put sent them or not, with the value they take when not
    # (docs/behaviour.md, "Wire habits of real code"); filled in after the Put's rule passed.
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # Put input members stored under another name (the proxy's PhoneNumberPoolCountries is
    # answered as PhoneNumberCountries).
    renames: Mapping[str, str] = field(default_factory=dict)
    check_put: PutRule | None = None
    check_delete: DeleteRule | None = None
    # What else under the parent goes with the document (a termination's credentials).
    deletes_with_it: tuple[str, ...] = ()


def put(
    configuration: Configuration,
    inventory: Inventory,
    parent_id: str,
    document: dict[str, Any],
    quotas: Quotas,
) -> dict[str, Any]:
    """Store `document` (a Put replaces the whole document) after its rule passed."""
    parent = configuration.parent.find(inventory, parent_id)
    if configuration.check_put is not None:
        document = configuration.check_put(inventory, parent, document, quotas)
    for member, value in configuration.defaults.items():
        document.setdefault(member, copy.deepcopy(value))
    parent.configurations[configuration.name] = copy.deepcopy(document)
    return document


def get(configuration: Configuration, inventory: Inventory, parent_id: str) -> dict[str, Any]:
    parent = configuration.parent.find(inventory, parent_id)
    found = parent.configurations.get(configuration.name)
    if found is not None:
        return copy.deepcopy(found)
    if configuration.when_absent is not None:
        return dict(configuration.when_absent)
    raise not_found(f"No {configuration.name} configuration exists for {parent_id}")


def delete(configuration: Configuration, inventory: Inventory, parent_id: str) -> None:
    parent = configuration.parent.find(inventory, parent_id)
    if configuration.name not in parent.configurations:
        raise not_found(f"No {configuration.name} configuration exists for {parent_id}")
    if configuration.check_delete is not None:
        configuration.check_delete(inventory, parent)
    for name in (configuration.name, *configuration.deletes_with_it):
        parent.configurations.pop(name, None)
