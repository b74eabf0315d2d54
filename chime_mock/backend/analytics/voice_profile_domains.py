"""Voice profile domains: the collections of voice profiles speaker search looks in
(docs/behaviour.md, "Voice analytics")."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping
from typing import Any

from chime_mock.backend import ids, tags
from chime_mock.backend.analytics import voice_analytics
from chime_mock.backend.analytics.voice_analytics import VoiceProfileDomain
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.errors import ServiceError, bad_request, not_found

# There is no KMS here: a key ARN is checked for its shape only (a key, not an alias).
_KMS_KEY_ARN = re.compile(r"arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key/[A-Za-z0-9-]+")


@tags.taggable("voice-profile-domain")
def _find(inventory: Inventory, domain_id: str) -> VoiceProfileDomain | None:
    return voice_analytics.of(inventory).domains.get(domain_id)


def domain(inventory: Inventory, domain_id: str) -> VoiceProfileDomain:
    found = voice_analytics.offered(inventory).domains.get(domain_id)
    if found is None:
        raise not_found(f"Voice profile domain {domain_id} not found")
    return found


def create_domain(
    inventory: Inventory,
    params: Mapping[str, Any],
    quotas: Quotas,
    seq: int,
    now: _dt.datetime,
) -> VoiceProfileDomain:
    """A new domain; the one made before when the request repeats its ClientRequestToken."""
    family = voice_analytics.offered(inventory)
    earlier = voice_analytics.replayed(family.domains.values(), params, "voice profile domain")
    if earlier is not None:
        return earlier  # type: ignore[no-any-return]
    kms_key_arn = params["ServerSideEncryptionConfiguration"]["KmsKeyArn"]
    if not _KMS_KEY_ARN.fullmatch(kms_key_arn):
        raise bad_request(
            f"ServerSideEncryptionConfiguration.KmsKeyArn must be a KMS key ARN "
            f"(arn:aws:kms:<region>:<account>:key/<key-id>); got {kms_key_arn}"
        )
    region = inventory.scope.region
    quotas.check(
        "voice_profile_domains", len(family.domains), what=f"voice profile domains in {region}"
    )
    domain_tags = tags.checked(params.get("Tags") or [])
    quotas.check("tags_per_resource", 0, len(domain_tags), what="tags per resource")
    domain_id = ids.guid()
    record = VoiceProfileDomain(
        voice_profile_domain_id=domain_id,
        name=params["Name"],
        arn=ids.arn(region, inventory.scope.account, f"voice-profile-domain/{domain_id}"),
        kms_key_arn=kms_key_arn,
        created=now,
        updated=now,
        seq=seq,
        description=params.get("Description"),
        tags=domain_tags,
        client_request_token=params.get("ClientRequestToken"),
        request=voice_analytics.body_of(params),
    )
    voice_analytics.of(inventory, create=True).domains[domain_id] = record
    return record


def update_domain(
    inventory: Inventory, domain_id: str, params: Mapping[str, Any], now: _dt.datetime
) -> VoiceProfileDomain:
    record = domain(inventory, domain_id)
    if params.get("Name") is None and params.get("Description") is None:
        raise bad_request("UpdateVoiceProfileDomain needs a Name, a Description, or both")
    if params.get("Name") is not None:
        record.name = params["Name"]
    if params.get("Description") is not None:
        record.description = params["Description"]
    record.updated = now
    return record


def delete_domain(inventory: Inventory, domain_id: str) -> None:
    """Delete a domain and, irreversibly, every voice profile in it."""
    record = domain(inventory, domain_id)
    family = voice_analytics.of(inventory)
    running = [
        task.task_id
        for task in family.speaker_search_tasks.values()
        if task.voice_profile_domain_id == domain_id and task.active
    ]
    if running:
        raise ServiceError(
            "ConflictException",
            f"Voice profile domain {domain_id} has speaker search tasks running "
            f"({', '.join(running)}); stop them (StopSpeakerSearchTask) or let them finish first",
        )
    del family.domains[record.voice_profile_domain_id]
    for profile in list(family.profiles.values()):
        if profile.voice_profile_domain_id == domain_id:
            del family.profiles[profile.voice_profile_id]
