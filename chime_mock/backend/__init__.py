"""The fake service's domain: orders, phone numbers and their lifecycle, and the resource families
that put numbers to work, per account and region.

Pure Python: no HTTP and no botocore here, so it can be tested with plain calls and shared by the
in-process mock and the HTTP server.
"""

# Imported for their registrations (backend/families.py, tags.py): state files, the snapshot
# and tags find every resource family once its module is loaded.
from chime_mock.backend import (  # noqa: F401
    global_settings,
    proxy_sessions,
    sip_media_applications,
    voice_analytics,
    voice_analytics_tasks,
    voice_connectors,
    voice_profile_domains,
    voice_profiles,
)
from chime_mock.backend.store import Backend, Scope

__all__ = ["Backend", "Scope"]
