"""IDs and ARNs as Chime SDK Voice forms them (docs/behaviour.md: the "IDs and ARNs" of each
family)."""

from __future__ import annotations

import secrets
import string
import uuid

_ID_LETTERS = string.ascii_lowercase + string.digits


def voice_connector_id() -> str:
    """22 lower-case letters and digits, as in every published sample."""
    return "".join(secrets.choice(_ID_LETTERS) for _ in range(22))


def guid() -> str:
    """A lower-case UUID v4: the ID of groups, SIP media applications and rules, proxy
    sessions, voice profiles and their domains, and tasks."""
    return str(uuid.uuid4())


def arn(region: str | None, account: str, resource: str) -> str:
    """`arn:aws:chime:<region>:<account>:<resource>`, e.g. resource `vc/<id>`."""
    return f"arn:aws:chime:{region or ''}:{account}:{resource}"
