"""The registry of resource families: what each keeps in one scope (account and region).

A family is a dataclass of typed dicts of records (Voice Connectors and their groups, SIP media
applications, ...), made empty in a scope at its first use. State files, the server's snapshot
and dashboard, and the hostile-input test find every family here, so a new family cannot be
forgotten by one of them: register it with `@family` and each of them carries it.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from typing import ClassVar, TypeVar


class Family:
    """The state of one resource family in one scope."""

    # Its name in state files and the server's snapshot, in the service's words.
    key: ClassVar[str]

    def records(self) -> dict[str, list[object]]:
        """Its records by kind, oldest first, for the snapshot and the dashboard (e.g.
        `{"VoiceConnectors": [...], "VoiceConnectorGroups": [...]}`)."""
        raise NotImplementedError

    def settle(self, now: _dt.datetime) -> bool:
        """Apply what the clock has made due (a proxy session expiring, say); True while
        something still waits. Called only while the family's (scope, key) is in
        `Backend.timed`: a family that starts waiting for the clock adds itself there."""
        return False


F = TypeVar("F", bound=Family)

# key -> family class, in registration order (a family may refer to one registered before it).
FAMILIES: dict[str, type[Family]] = {}


def family(cls: type[F]) -> type[F]:
    """Register a resource family (a dataclass subclass of `Family` whose fields all have
    defaults)."""
    if cls.key in FAMILIES:
        raise ValueError(f"chime_mock: two resource families are named {cls.key}")
    FAMILIES[cls.key] = cls
    return cls


# The modules of chime_mock.backend that register families (and tag finders, and what dies with
# a Voice Connector). Loaded together at the first need, not with the phone numbers: a process
# that only orders numbers never pays for them (the cold start).
FAMILY_MODULES = (
    "voice_connectors.global_settings",
    "voice_connectors.connectors",
    "sip.sip_media_applications",
    "sip.proxy_sessions",
    "analytics.voice_analytics",
    "analytics.voice_analytics_tasks",
    "analytics.voice_profile_domains",
    "analytics.voice_profiles",
    "legacy.accounts",
    "legacy.users",
    "legacy.numbers",
    "legacy.bots",
    "legacy.rooms",
    "legacy.retention",
    "legacy.redaction",
    "legacy.dial_outs",
)


def load_all() -> None:
    """Import every family module, so FAMILIES (and the registries they fill) are complete."""
    for name in FAMILY_MODULES:
        importlib.import_module(f"chime_mock.backend.{name}")
