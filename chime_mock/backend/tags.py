"""Tags: one mechanism for every taggable resource, found by its ARN.

A taggable record keeps its tags in a `tags: dict[str, str]` field, so tags die with it. Each
family registers how to find its records by the ARN's resource type (`vc`, `sma`,
`voice-profile-domain`) with `@taggable`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory, Scope
from chime_mock.errors import bad_request, not_found


class Taggable(Protocol):
    tags: dict[str, str]


Finder = Callable[[Inventory, str], Taggable | None]
# ARN resource type -> how to find the scope's record with that ID.
FINDERS: dict[str, Finder] = {}


def taggable(resource_type: str) -> Callable[[Finder], Finder]:
    """Register how to find the records whose ARNs end `<resource_type>/<id>`."""

    def register(finder: Finder) -> Finder:
        FINDERS[resource_type] = finder
        return finder

    return register


def resource(inventory: Inventory, arn: str) -> Taggable:
    """The caller's taggable record named by `arn`; NotFoundException when there is none."""
    scope: Scope = inventory.scope
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[:3] != ["arn", "aws", "chime"] or "/" not in parts[5]:
        raise bad_request(
            f"{arn} is not an Amazon Chime SDK Voice ARN (arn:aws:chime:<region>:<account>:"
            "<type>/<id>)"
        )
    region, account, (kind, _, resource_id) = parts[3], parts[4], parts[5].partition("/")
    finder = FINDERS.get(kind)
    if region != scope.region or account != scope.account:
        raise not_found(
            f"Resource {arn} not found: it names account {account} in {region or 'no region'}, "
            f"and this call is account {scope.account} in {scope.region}"
        )
    found = finder(inventory, resource_id) if finder else None
    if found is None:
        kinds = ", ".join(sorted(FINDERS))
        raise not_found(f"Resource {arn} not found (taggable resource types: {kinds})")
    return found


def checked(tags: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """A request's Tags as a dict: no key twice, none reserved by AWS."""
    found: dict[str, str] = {}
    for tag in tags:
        key = tag["Key"]
        if key in found:
            raise bad_request(f"Tags lists the key {key!r} more than once")
        if key.lower().startswith("aws:"):
            raise bad_request(f"Tag keys starting with 'aws:' are reserved for AWS: {key!r}")
        found[key] = tag["Value"]
    return found


def tag(record: Taggable, tags: Iterable[Mapping[str, Any]], quotas: Quotas) -> None:
    """Add or replace tags by key, within the quota of tags per resource."""
    new = checked(tags)
    merged = {**record.tags, **new}
    quotas.check(
        "tags_per_resource",
        len(record.tags),
        len(merged) - len(record.tags),
        what="tags per resource",
    )
    record.tags = merged


def untag(record: Taggable, keys: Iterable[str]) -> None:
    """Remove tags by key; keys the resource does not have are ignored."""
    record.tags = {key: value for key, value in record.tags.items() if key not in set(keys)}


def tag_list(record: Taggable) -> list[dict[str, str]]:
    return [{"Key": key, "Value": value} for key, value in record.tags.items()]
