"""GetGlobalSettings / UpdateGlobalSettings of Chime SDK Voice: the account's CDR bucket (U57).

One document per account, not per Region, as the legacy API's was: kept in the account's
region-less scope.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chime_mock.backend.families import Family, family


@family
@dataclass
class GlobalSettings(Family):
    key = "GlobalSettings"

    # UpdateGlobalSettings' `VoiceConnector` member as sent; `{}` until then, and `{}` clears it.
    voice_connector: dict[str, Any] = field(default_factory=dict)

    def records(self) -> dict[str, list[object]]:
        return {"GlobalSettings": [self] if self.voice_connector else []}
