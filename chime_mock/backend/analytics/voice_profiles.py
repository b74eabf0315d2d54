"""Voice profiles: a caller's voiceprint from a speaker search task, enrolled in that task's
domain (docs/behaviour.md, "Voice analytics")."""

from __future__ import annotations

import datetime as _dt

from chime_mock.backend import ids
from chime_mock.backend.analytics import voice_analytics, voice_profile_domains
from chime_mock.backend.analytics.voice_analytics import SpeakerSearchTask, VoiceProfile
from chime_mock.backend.paging import Ordered
from chime_mock.backend.quotas import Quotas
from chime_mock.backend.store import Inventory
from chime_mock.errors import ServiceError, bad_request, not_found


def profile(inventory: Inventory, profile_id: str) -> VoiceProfile:
    # Expired profiles are gone already: the clock deletes them (VoiceAnalytics.settle).
    found = voice_analytics.offered(inventory).profiles.get(profile_id)
    if found is None:
        raise not_found(f"Voice profile {profile_id} not found (profiles expire after 3 years)")
    return found


def profiles_of(inventory: Inventory, domain_id: str) -> Ordered[VoiceProfile]:
    """The domain's profiles, oldest first (from the index: a page costs the page)."""
    voice_profile_domains.domain(inventory, domain_id)
    return voice_analytics.of(inventory).profiles.where(voice_profile_domain_id=domain_id)


def _voiceprint(inventory: Inventory, task_id: str, now: _dt.datetime) -> SpeakerSearchTask:
    """The speaker search task whose voiceprint a profile is to take, checked."""
    task = voice_analytics.offered(inventory).speaker_search_tasks.get(task_id)
    if task is None:
        raise not_found(
            f"Speaker search task {task_id} not found (task results are kept 7 days after the "
            "task ends)"
        )
    if task.voiceprint_generation_status != voice_analytics.VOICEPRINT_SUCCESS:
        raise bad_request(
            f"Speaker search task {task_id} generated no voiceprint (it is {task.status}); a "
            "voice profile needs a task whose VoiceprintGenerationStatus is "
            f"{voice_analytics.VOICEPRINT_SUCCESS}"
        )
    assert task.ended is not None  # a voiceprint is generated as the task ends
    if task.ended + voice_analytics.VOICEPRINT_WINDOW <= now:
        raise ServiceError(
            "GoneException",
            f"The voiceprint of speaker search task {task_id} was deleted 24 hours after the "
            "call; start a new speaker search to enrol the caller",
        )
    if task.voice_profile_id is not None:
        raise ServiceError(
            "ConflictException",
            f"The voiceprint of speaker search task {task_id} is already enrolled, in voice "
            f"profile {task.voice_profile_id}",
        )
    return task


def create_profile(
    inventory: Inventory, task_id: str, quotas: Quotas, seq: int, now: _dt.datetime
) -> VoiceProfile:
    task = _voiceprint(inventory, task_id, now)
    domain_id = task.voice_profile_domain_id
    if domain_id not in voice_analytics.of(inventory).domains:
        raise not_found(
            f"Voice profile domain {domain_id} of speaker search task {task_id} was deleted"
        )
    quotas.check(
        "voice_profiles_per_domain",
        voice_analytics.of(inventory).profiles.count("voice_profile_domain_id", domain_id),
        what=f"voice profiles in domain {domain_id}",
    )
    profile_id = ids.guid()
    record = VoiceProfile(
        voice_profile_id=profile_id,
        voice_profile_domain_id=domain_id,
        arn=ids.arn(inventory.scope.region, inventory.scope.account, f"voice-profile/{profile_id}"),
        created=now,
        updated=now,
        expires=voice_analytics.years_later(now, voice_analytics.PROFILE_YEARS),
        seq=seq,
    )
    voice_analytics.of(inventory, create=True).profiles[profile_id] = record
    task.voice_profile_id = profile_id
    return record


def update_profile(
    inventory: Inventory, profile_id: str, task_id: str, now: _dt.datetime
) -> VoiceProfile:
    """Replace a profile's voiceprint with a newer one; it expires 3 years from now."""
    record = profile(inventory, profile_id)
    task = _voiceprint(inventory, task_id, now)
    if task.voice_profile_domain_id != record.voice_profile_domain_id:
        raise bad_request(
            f"Speaker search task {task_id} searched voice profile domain "
            f"{task.voice_profile_domain_id}, and voice profile {profile_id} is in "
            f"{record.voice_profile_domain_id}; use a task of the profile's domain"
        )
    record.updated = now
    record.expires = voice_analytics.years_later(now, voice_analytics.PROFILE_YEARS)
    task.voice_profile_id = profile_id
    return record


def delete_profile(inventory: Inventory, profile_id: str) -> None:
    record = profile(inventory, profile_id)
    del voice_analytics.of(inventory).profiles[record.voice_profile_id]
