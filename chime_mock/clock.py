"""The mock's one clock.

Read at every call, never cached, so freezegun (which swaps `datetime.datetime`) and
time-machine (which patches the C clock) both move every status and timestamp of the fake.
"""

from __future__ import annotations

import datetime as _dt


def now() -> _dt.datetime:
    """The current time, timezone-aware UTC."""
    return _dt.datetime.now(_dt.timezone.utc)
