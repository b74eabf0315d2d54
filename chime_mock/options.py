"""The fake's options, checked the same way for every entry point (handle, pytest marker, server).

Each parser takes what a user may write and returns what the backend keeps, or raises a
TypeError/ValueError that names the option and says what it takes.
"""

from __future__ import annotations

import datetime as _dt
import difflib
from collections.abc import Mapping


def processing_delay(value: float | _dt.timedelta | None) -> _dt.timedelta | None:
    """Seconds or a timedelta; None keeps orders Processing until completed by hand."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, _dt.timedelta)):
        raise TypeError(
            "chime_mock: processing_delay takes seconds (a number), a timedelta, or None to keep "
            f"orders Processing until complete_order(); got {value!r}"
        )
    delay = value if isinstance(value, _dt.timedelta) else _dt.timedelta(seconds=value)
    if delay < _dt.timedelta(0):
        raise ValueError(f"chime_mock: processing_delay cannot be negative; got {value!r}")
    return delay


def phone_number_limit(value: int | None) -> int | None:
    """Phone numbers an account may hold (per service, and region for voice); None: no limit."""
    if value is None:
        return None
    _whole_number(
        value,
        "phone_number_limit takes a number of phone numbers per account, or None for no limit",
    )
    if value < 0:
        raise ValueError(f"chime_mock: phone_number_limit cannot be negative; got {value!r}")
    return value


def journal_limit(value: int | None) -> int | None:
    """How many of the newest calls the journal keeps (at least 1); None keeps every call."""
    if value is None:
        return None
    _whole_number(
        value,
        "journal_limit takes how many of the newest calls handle.calls keeps (a whole number, "
        "at least 1), or None to keep every call",
    )
    if value < 1:
        raise ValueError(f"chime_mock: journal_limit must be at least 1, or None; got {value!r}")
    return value


def _whole_number(value: object, takes: str) -> None:
    """TypeError `chime_mock: <takes>; got <value>` unless `value` is an int (a bool is not)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"chime_mock: {takes}; got {value!r}")


def quotas(value: Mapping[str, int | None] | None) -> dict[str, int | None]:
    """Service quotas to change from AWS's defaults, by name (see backend/quotas.py); a number
    (0 or more) or None for no limit."""
    from chime_mock.backend.quotas import DEFAULT_QUOTAS

    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(
            'chime_mock: quotas takes a dict of quota names to numbers, e.g. {"voice_connectors": '
            f"10}}; got {value!r}"
        )
    for name, limit in value.items():
        if name not in DEFAULT_QUOTAS:
            close = difflib.get_close_matches(str(name), DEFAULT_QUOTAS, n=3)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise ValueError(
                f"chime_mock: {name!r} is not a quota; {hint}the quotas are "
                f"{', '.join(DEFAULT_QUOTAS)}"
            )
        if limit is None:
            continue
        _whole_number(limit, f"quota {name} takes a whole number, or None for no limit")
        if limit < 0:
            raise ValueError(f"chime_mock: quota {name} cannot be negative; got {limit!r}")
    return dict(value)
