"""The fake's options: one declaration each, checked the same way by every entry point.

`mock_chime` and its pytest marker, the `chime-mock server` flags and the server's
`POST /_chime_mock/config` all read `SETTINGS` (the options of the running fake) and `STATE`:
adding an option is adding its `Setting` below and its line in `Settings`. Each check takes what a
user may write and returns what the backend keeps, or raises a TypeError/ValueError that names
the option and says what it takes.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, NamedTuple, TypedDict

from chime_mock.defaults import DEFAULT_JOURNAL_LIMIT, DEFAULT_PHONE_NUMBER_LIMIT
from chime_mock.suggestions import unknown

# An order completes at its creation time plus the delay, on whatever clock the test runs: a
# round bound keeps that inside what a datetime can hold (year 9999) for any clock before 9899.
MAX_PROCESSING_DELAY = _dt.timedelta(days=36_500)
_MAX_DELAY_TEXT = f"100 years ({MAX_PROCESSING_DELAY.total_seconds():.0f} seconds)"


class Settings(TypedDict, total=False):
    """The settings of a running fake, as keywords (a type checker flags a misspelled one)."""

    processing_delay: float | _dt.timedelta | None
    phone_number_limit: int | None
    journal_limit: int | None
    quotas: Mapping[str, int | None] | None


class Options(Settings, total=False):
    """The keyword options of `mock_chime`: the settings, and where it starts from."""

    state: str | os.PathLike[str] | None


# -- the checks --------------------------------------------------------------------------------


def processing_delay(value: float | _dt.timedelta | None) -> _dt.timedelta | None:
    """Seconds or a timedelta, at most 100 years; None keeps orders Processing until completed
    by hand."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, _dt.timedelta)):
        raise TypeError(
            "chime_mock: processing_delay takes seconds (a number), a timedelta, or None to keep "
            f"orders Processing until complete_order(); got {value!r}"
        )
    if isinstance(value, float) and math.isnan(value):
        raise ValueError(f"chime_mock: processing_delay must be a number of seconds; got {value!r}")
    seconds = value.total_seconds() if isinstance(value, _dt.timedelta) else value
    if seconds < 0:
        raise ValueError(f"chime_mock: processing_delay cannot be negative; got {value!r}")
    if seconds > MAX_PROCESSING_DELAY.total_seconds():
        raise ValueError(
            f"chime_mock: processing_delay can be at most {_MAX_DELAY_TEXT}, so that an order's "
            f"completion time fits the clock; use None to keep orders Processing until "
            f"complete_order(); got {value!r}"
        )
    return value if isinstance(value, _dt.timedelta) else _dt.timedelta(seconds=value)


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


def state(value: str | os.PathLike[str] | None) -> str | os.PathLike[str] | None:
    """The path of a state file (read when the mock starts, so it may be written after this
    check), or None to start empty."""
    if value is None or isinstance(value, (str, os.PathLike)):
        return value
    raise TypeError(
        "chime_mock: state takes the path of a file written by handle.save_state (a str or a "
        f"pathlib.Path), or None to start empty; got {value!r}"
    )


def quotas(value: Mapping[str, int | None] | None) -> Any:
    """Service quotas to change from AWS's published defaults, by name (backend/quotas.py): a
    whole number (0 or more) each, or None for no limit; the `Quotas` the backend keeps."""
    # Imported here: the backend loads at the first activation, not with chime_mock.
    from chime_mock.backend.quotas import DEFAULT_QUOTAS, Quotas

    if value is None:
        return Quotas()
    if isinstance(value, Quotas):
        return value
    if not isinstance(value, Mapping):
        raise TypeError(
            'chime_mock: quotas takes a dict of quota names to numbers, e.g. {"voice_connectors": '
            f"10}}; got {value!r}"
        )
    for name, limit in value.items():
        if name not in DEFAULT_QUOTAS:
            raise ValueError(
                unknown("quota", name, list(DEFAULT_QUOTAS), listing=len(DEFAULT_QUOTAS))
            )
        if limit is None:
            continue
        _whole_number(limit, f"quota {name} takes a whole number, or None for no limit")
        if limit < 0:
            raise ValueError(f"chime_mock: quota {name} cannot be negative; got {limit!r}")
    return Quotas(value)


def _quota_pairs(text: str) -> dict[str, int | None]:
    """`voice_connectors=10,tags_per_resource=none`: the server flag's form of `quotas`."""
    found: dict[str, int | None] = {}
    for pair in text.split(","):
        name, equals, limit = pair.strip().partition("=")
        if not equals:
            raise ValueError(f"{pair!r} is not NAME=N")
        found[name] = None if limit == "none" else int(limit)
    return found


def _whole_number(value: object, takes: str) -> None:
    """TypeError `chime_mock: <takes>; got <value>` unless `value` is an int (a bool is not)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"chime_mock: {takes}; got {value!r}")


# -- the declarations --------------------------------------------------------------------------


class Setting(NamedTuple):
    """An option of the running fake: a `mock_chime` keyword, a `Backend` attribute of the same
    name, a `chime-mock server` flag and a key of the server's `/config` document."""

    name: str
    check: Callable[[Any], Any]
    default: Any  # as a user writes it
    number: Callable[[str], Any]  # how the server flag reads a value: int or float
    none_word: str  # what the server flag takes for None
    help: str  # the server flag's help
    takes_json: str  # what its key of the server's /config document takes, in JSON's words

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def metavar(self) -> str:
        """What the server flag takes, as its `--help` shows it."""
        return "SECONDS" if self.number is float else "N" if self.number is int else "NAME=N,..."

    @property
    def key(self) -> str:
        """Its name in the server's `/config` document: `ProcessingDelay`."""
        return "".join(part.title() for part in self.name.split("_"))

    def from_text(self, text: str) -> Any:
        """The checked value of the server flag's text; ValueError/TypeError when it is bad."""
        if text == self.none_word:
            return None
        try:
            value = self.number(text)
        except ValueError:
            kind = (
                "a whole number"
                if self.number is int
                else "a number"
                if self.number is float
                else self.metavar
            )
            raise ValueError(f"{text!r} is not {kind} or {self.none_word!r}") from None
        return self.check(value)


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "processing_delay",
        processing_delay,
        0.0,
        float,
        "never",
        "how long new orders stay Processing, in seconds (at most 100 years); 'never' keeps "
        "them Processing until POST /_chime_mock/orders/ID/complete (default 0)",
        f"a number of seconds from 0 to {MAX_PROCESSING_DELAY.total_seconds():.0f} (100 years), "
        "or null to keep new orders Processing until POST /_chime_mock/orders/{id}/complete",
    ),
    Setting(
        "phone_number_limit",
        phone_number_limit,
        DEFAULT_PHONE_NUMBER_LIMIT,
        int,
        "none",
        "phone numbers each account may hold (Amazon Chime's default quota: "
        f"{DEFAULT_PHONE_NUMBER_LIMIT}); 'none' for no limit",
        "a whole number of phone numbers each account may hold (0 or more), or null for no limit",
    ),
    Setting(
        "journal_limit",
        journal_limit,
        DEFAULT_JOURNAL_LIMIT,
        int,
        "none",
        "how many of the newest calls GET /_chime_mock/calls keeps "
        f"(default {DEFAULT_JOURNAL_LIMIT}); 'none' keeps every call",
        "how many of the newest calls GET /_chime_mock/calls keeps (a whole number, 1 or more), "
        "or null to keep every call",
    ),
    Setting(
        "quotas",
        quotas,
        None,
        _quota_pairs,
        "defaults",
        "service quotas to change from AWS's defaults, e.g. voice_connectors=10,"
        "tags_per_resource=none (see docs/voice-connectors.md); 'defaults' for AWS's",
        "an object of quota names to whole numbers (0 or more) or null for no limit, such as "
        '{"voice_connectors": 10}, or null for AWS\'s defaults',
    ),
)
# The one option of mock_chime that is not a setting of the running fake: where it starts from.
STATE: Final = "state"
MOCK_OPTIONS = (*(setting.name for setting in SETTINGS), STATE)


def how_to_raise(option: str, quota: str | None, *, served: bool) -> str:
    """How a user lifts the limit of `option` (the quota `quota` of `quotas`) in the mock: with
    `mock_chime`'s keyword in-process, with the server's flag or `/config` key over HTTP."""
    setting = next(setting for setting in SETTINGS if setting.name == option)
    if served:
        value = f'{{"{quota}": N}}' if quota else "N"
        flag = f"{quota}=N" if quota else "N"
        return (
            f'POST /_chime_mock/config {{"{setting.key}": {value}}} '
            f"(or chime-mock server {setting.flag} {flag})"
        )
    value = f'{{"{quota}": ...}}' if quota else "..."
    return f"mock_chime({setting.name}={value})"


def remedied(message: str, raised_by: tuple[str, str | None] | None, *, served: bool) -> str:
    """`message` of a limit passed, saying how to raise the limit in the mock (see
    `ServiceError.raised_by`); unchanged when no option raises it."""
    if raised_by is None:
        return message
    return f"{message}, or raise it in the mock with {how_to_raise(*raised_by, served=served)}"


def checked_settings(given: Mapping[str, Any], *, also: Iterable[str] = ()) -> dict[str, Any]:
    """Every setting, checked, from the ones `given` (the rest take their defaults).

    Names in `also` are let through unchecked (the caller's own options); any other unknown name
    is a TypeError naming the closest known one.
    """
    known = [setting.name for setting in SETTINGS]
    for name in given:
        if name not in known and name not in also:
            raise TypeError(unknown("option", name, [*known, *also]))
    return {
        setting.name: setting.check(given.get(setting.name, setting.default))
        for setting in SETTINGS
    }


def as_json(value: Any) -> Any:
    """A checked setting as JSON data: a timedelta as seconds, quotas as the ones changed from
    AWS's defaults."""
    if isinstance(value, _dt.timedelta):
        return value.total_seconds()
    overrides = getattr(value, "overrides", None)  # a backend.quotas.Quotas
    return dict(overrides) if overrides is not None else value
