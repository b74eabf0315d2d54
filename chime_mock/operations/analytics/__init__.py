"""Handlers of voice analytics: voice profile domains, voice profiles, and speaker search and
voice tone analysis tasks."""

from chime_mock.operations.analytics import (  # noqa: F401  (registered by import)
    voice_analytics_tasks,
    voice_profiles,
)
