"""Handlers of SIP media applications, SIP rules, the calls applications place and update, and
the proxy sessions of Voice Connectors."""

from chime_mock.operations.sip import (  # noqa: F401  (registered by import)
    proxy_sessions,
    sip_media_application_calls,
    sip_media_applications,
    sip_rules,
)
