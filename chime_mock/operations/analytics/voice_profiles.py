"""Voice profile domains and voice profiles: Create, Get, List, Update, Delete."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.analytics import voice_analytics, voice_profile_domains, voice_profiles
from chime_mock.operations import VOICE, Call, handles
from chime_mock.operations.analytics.views import voice_profile_domain_view, voice_profile_view


@handles("CreateVoiceProfileDomain", services=VOICE)
def create_voice_profile_domain(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    domain = voice_profile_domains.create_domain(
        call.inventory, params, call.backend.quotas, call.backend.next_seq(), call.now
    )
    return {"VoiceProfileDomain": voice_profile_domain_view(domain)}


@handles("GetVoiceProfileDomain", services=VOICE)
def get_voice_profile_domain(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    domain = voice_profile_domains.domain(call.inventory, params["VoiceProfileDomainId"])
    return {"VoiceProfileDomain": voice_profile_domain_view(domain)}


@handles("ListVoiceProfileDomains", services=VOICE)
def list_voice_profile_domains(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    page, token = call.page(voice_analytics.offered(call.inventory).domains, params)
    return {"VoiceProfileDomains": [voice_profile_domain_view(d) for d in page], "NextToken": token}


@handles("UpdateVoiceProfileDomain", services=VOICE)
def update_voice_profile_domain(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    domain = voice_profile_domains.update_domain(
        call.inventory, params["VoiceProfileDomainId"], params, call.now
    )
    return {"VoiceProfileDomain": voice_profile_domain_view(domain)}


@handles("DeleteVoiceProfileDomain", services=VOICE)
def delete_voice_profile_domain(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    voice_profile_domains.delete_domain(call.inventory, params["VoiceProfileDomainId"])
    return {}


@handles("CreateVoiceProfile", services=VOICE)
def create_voice_profile(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    profile = voice_profiles.create_profile(
        call.inventory,
        params["SpeakerSearchTaskId"],
        call.backend.quotas,
        call.backend.next_seq(),
        call.now,
    )
    voice_analytics.waits(call.inventory, call.backend.timed)  # for its expiry
    return {"VoiceProfile": voice_profile_view(profile)}


@handles("GetVoiceProfile", services=VOICE)
def get_voice_profile(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    profile = voice_profiles.profile(call.inventory, params["VoiceProfileId"])
    return {"VoiceProfile": voice_profile_view(profile)}


@handles("ListVoiceProfiles", services=VOICE)
def list_voice_profiles(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    profiles = voice_profiles.profiles_of(call.inventory, params["VoiceProfileDomainId"])
    page, token = call.page(profiles, params)
    return {"VoiceProfiles": [voice_profile_view(p) for p in page], "NextToken": token}


@handles("UpdateVoiceProfile", services=VOICE)
def update_voice_profile(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    profile = voice_profiles.update_profile(
        call.inventory, params["VoiceProfileId"], params["SpeakerSearchTaskId"], call.now
    )
    return {"VoiceProfile": voice_profile_view(profile)}


@handles("DeleteVoiceProfile", services=VOICE)
def delete_voice_profile(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    voice_profiles.delete_profile(call.inventory, params["VoiceProfileId"])
    return {}
