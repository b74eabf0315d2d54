"""GetGlobalSettings / UpdateGlobalSettings: the account's CDR buckets. Chime SDK Voice
keeps the Voice Connector's; legacy Chime also Business Calling's.

One document per account and service, not per Region, as the legacy API's was: kept in the
account's region-less scope.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from chime_mock.backend.families import Family, family
from chime_mock.errors import bad_request

# S3's bucket naming rules as newer models of the service state them for CdrBucket (older ones,
# like botocore 1.40's, say only String): 3-63 lower-case letters, digits and hyphens, starting
# and ending with a letter or digit, no "xn--" prefix, no "-s3alias" suffix.
_BUCKET = re.compile(r"(?!xn--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")


@family
@dataclass
class GlobalSettings(Family):
    key = "GlobalSettings"

    # UpdateGlobalSettings' members as sent; `{}` until then, and `{}` clears one. Legacy Chime
    # has both; Chime SDK Voice only the Voice Connector's.
    voice_connector: dict[str, Any] = field(default_factory=dict)
    business_calling: dict[str, Any] = field(default_factory=dict)

    def records(self) -> dict[str, list[object]]:
        return {"GlobalSettings": [self] if self.voice_connector or self.business_calling else []}


def checked(member: str, settings: Mapping[str, Any]) -> dict[str, Any]:
    """An UpdateGlobalSettings member (VoiceConnector, BusinessCalling), its CdrBucket an S3
    bucket name."""
    bucket = settings.get("CdrBucket")
    if bucket is not None and (not _BUCKET.fullmatch(bucket) or bucket.endswith("-s3alias")):
        raise bad_request(
            f"{member}.CdrBucket {bucket!r} is not an S3 bucket name (3-63 lower-case "
            "letters, digits and hyphens, starting and ending with a letter or digit)"
        )
    return dict(settings)
