"""IDs and ARNs as Chime SDK Voice forms them (docs/behaviour.md: the "IDs and ARNs" of each
family)."""

from __future__ import annotations

import secrets
import string
import uuid

from chime_mock.errors import bad_request

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


def home_region(endpoint_region: str, aws_region: str | None, what: str) -> str:
    """The region a new regional resource (`what`: "Voice Connector", "SIP media application")
    lives in: the endpoint's, which a request's AwsRegion may name but not change. Its ARN, its
    listing and its quota are that region's (docs/behaviour.md, "Wire habits of real code")."""
    if aws_region is not None and aws_region != endpoint_region:
        raise bad_request(
            f"AwsRegion is {aws_region}, but this is the {endpoint_region} endpoint: create the "
            f"{what} with a client of region {aws_region}, or set AwsRegion to {endpoint_region} "
            "(or leave it out)"
        )
    return endpoint_region
