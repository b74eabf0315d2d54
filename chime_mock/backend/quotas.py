"""Service quotas: one table of defaults, one `quotas` option, one check.

The defaults are AWS's published ones (Amazon Chime SDK endpoints and quotas, in AWS's general
reference); accounts can have them raised, so tests can too: `mock_chime(quotas={"voice_connectors":
10})`, None for no limit. The inventory quota of phone numbers keeps its own older option,
`phone_number_limit`."""

from __future__ import annotations

from collections.abc import Mapping

from chime_mock.errors import ServiceError

DEFAULT_QUOTAS: dict[str, int] = {
    "voice_connectors": 3,  # per account and Region
    "voice_connector_groups": 3,  # per account and Region
    "voice_connectors_per_group": 3,
    "calls_per_second": 1,  # a termination's CpsLimit at most
    "termination_credentials": 10,  # per Voice Connector (Terraform's cap; AWS publishes none)
    "tags_per_resource": 50,
    "sip_media_applications": 30,  # per account and Region
    "active_sip_media_application_calls": 10,  # per account and Region
    "voice_profile_domains": 3,  # per account and Region
    "voice_profiles_per_domain": 20,
    "active_voice_analytics_tasks": 25,  # per account and Region
    # Legacy Amazon Chime (the admin guide; the service quotas page for rooms and memberships).
    "bots": 10,  # per Chime Enterprise account
    "rooms": 1500,  # per Chime account
    "memberships_per_room": 1000,
    "rooms_per_member": 1000,  # per user or bot ("per profile")
}

# Quotas on a rate, not on a number of things: a request asks for a rate within it.
RATES = frozenset({"calls_per_second"})


class Quotas:
    """The quotas in force: the defaults, with the ones a test set."""

    def __init__(self, overrides: Mapping[str, int | None] | None = None) -> None:
        self.overrides: dict[str, int | None] = dict(overrides or {})
        self.limits: dict[str, int | None] = {**DEFAULT_QUOTAS, **self.overrides}

    def check(
        self,
        name: str,
        used: int,
        adding: int = 1,
        *,
        what: str,
        code: str = "ResourceLimitExceededException",
    ) -> None:
        """Raise `code` when `used + adding` passes the quota `name`; `what` names the things
        counted ("Voice Connectors in us-east-1")."""
        limit = self.limits[name]
        if limit is not None and used + adding > limit:
            asked = (
                f"this request asks for {adding}"  # a rate: nothing "exists" to count
                if name in RATES
                else f"{used} exist and this request adds {adding}"
            )
            raise ServiceError(
                code,
                f"The quota of {what} is {limit}: {asked}; ask AWS to raise it",
                raised_by=("quotas", name),
            )
