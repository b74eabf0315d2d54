"""Checking an action's parameters as the PSTN audio service does: a bad one fails the action
(ACTION_FAILED with an ErrorType), and the parameters echoed in ActionData carry the defaults
applied and numbers as numbers.

Each action type declares its parameters with the helpers here (see actions.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

INVALID = "InvalidActionParameter"
MISSING = "MissingRequiredActionParameter"
INVALID_AUDIO = "InvalidAudioSource"
SYSTEM = "SystemException"

DTMF = frozenset("0123456789*#")


class ActionFailure(Exception):
    """The action fails: ACTION_FAILED with this ErrorType and ErrorMessage (or, for the actions
    that report failure so, a single `Error` string)."""

    def __init__(self, error_type: str, message: str, *, single: bool = False) -> None:
        super().__init__(f"{error_type}: {message}")
        self.error_type = error_type
        self.message = message
        self.single = single
        self.echo: dict[str, Any] | None = None  # the ActionData to report it with

    def action_data(self) -> dict[str, Any]:
        if self.single:
            return {"Error": f"{self.error_type}: {self.message}"}
        return {"ErrorType": self.error_type, "ErrorMessage": self.message}


def missing(name: str) -> ActionFailure:
    return ActionFailure(MISSING, f"{name} is a required parameter.")


def invalid(name: str, message: str | None = None) -> ActionFailure:
    return ActionFailure(INVALID, message or f"{name} parameter value is invalid.")


# A parameter check: takes the given value (or None) and returns the value to echo (or None to
# leave it out), raising ActionFailure.
Check = Callable[[Any], Any]


@dataclass(frozen=True)
class Param:
    name: str
    check: Check

    def apply(self, given: Mapping[str, Any], echoed: dict[str, Any]) -> None:
        value = self.check(given.get(self.name))
        if value is not None:
            echoed[self.name] = value


def _number(value: Any) -> int | None:
    """A number sent as a number or a string of digits ("3000"), as the service accepts."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return None


def integer(
    name: str,
    *,
    required: bool = False,
    default: int | None = None,
    low: int | None = None,
    high: int | None = None,
    message: str | None = None,
    error_type: str = INVALID,
) -> Param:
    def check(value: Any) -> int | None:
        if value is None:
            if required:
                raise missing(name)
            return default
        number = _number(value)
        if (
            number is None
            or (low is not None and number < low)
            or (high is not None and number > high)
        ):
            raise ActionFailure(error_type, message or f"{name} parameter value is invalid.")
        return number

    return Param(name, check)


def text(
    name: str,
    *,
    required: bool = False,
    default: str | None = None,
    choices: Sequence[str] | None = None,
    pattern: str | None = None,
    longest: int | None = None,
    message: str | None = None,
    error_type: str = INVALID,
) -> Param:
    def check(value: Any) -> str | None:
        if value is None or value == "":
            if required:
                raise missing(name)
            return default
        if (
            not isinstance(value, str)
            or (choices is not None and value not in choices)
            or (pattern is not None and re.fullmatch(pattern, value) is None)
            or (longest is not None and len(value) > longest)
        ):
            raise ActionFailure(error_type, message or f"{name} parameter value is invalid.")
        return value

    return Param(name, check)


def boolean(name: str, *, required: bool = False) -> Param:
    def check(value: Any) -> bool | None:
        if value is None:
            if required:
                raise missing(name)
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise invalid(name)

    return Param(name, check)


def regex(name: str, *, required: bool = False) -> Param:
    def check(value: Any) -> str | None:
        if value is None or value == "":
            if required:
                raise missing(name)
            return None
        try:
            re.compile(value)
        except (re.error, TypeError):
            raise invalid(name) from None
        return str(value)

    return Param(name, check)


def digits_list(name: str, *, required: bool = False, default: list[str] | None = None) -> Param:
    """A list of DTMF keys ("0"-"9", "*", "#")."""

    def check(value: Any) -> list[str] | None:
        if value is None:
            if required:
                raise missing(name)
            return None if default is None else list(default)
        if not isinstance(value, list) or not all(
            isinstance(key, str) and len(key) == 1 and key in DTMF for key in value
        ):
            raise invalid(name)
        return list(value)

    return Param(name, check)


def s3_source(name: str, *, required: bool = True, error_type: str = INVALID_AUDIO) -> Param:
    """An AudioSource: Type S3, BucketName and Key."""

    def check(value: Any) -> dict[str, Any] | None:
        if value is None:
            if required:
                raise missing(name)
            return None
        if (
            not isinstance(value, dict)
            or value.get("Type") != "S3"
            or not isinstance(value.get("BucketName"), str)
            or not value.get("BucketName")
            or not isinstance(value.get("Key"), str)
            or not value.get("Key")
        ):
            raise ActionFailure(error_type, "Audio Source parameter value is invalid.")
        return {"Type": "S3", "BucketName": value["BucketName"], "Key": value["Key"]}

    return Param(name, check)


def string_map(name: str, *, check_keys: Callable[[str], None] | None = None) -> Param:
    def check(value: Any) -> dict[str, str] | None:
        if value is None:
            return None
        if not isinstance(value, dict) or not all(
            isinstance(key, str) and isinstance(item, str) for key, item in value.items()
        ):
            raise invalid(name)
        if check_keys is not None:
            for key in value:
                check_keys(key)
        return dict(value)

    return Param(name, check)


def passed(name: str, *, required: bool = False) -> Param:
    """A parameter echoed as given (a document the mock does not interpret)."""

    def check(value: Any) -> Any:
        if value is None and required:
            raise missing(name)
        return value

    return Param(name, check)


def nested(name: str, params: Sequence[Param], *, required: bool = False) -> Param:
    """An object parameter whose members are checked in turn."""

    def check(value: Any) -> dict[str, Any] | None:
        if value is None:
            if required:
                raise missing(name)
            return None
        if not isinstance(value, dict):
            raise invalid(name)
        return checked(value, params)

    return Param(name, check)


def checked(given: Mapping[str, Any], params: Sequence[Param]) -> dict[str, Any]:
    """The parameters to echo, in declaration order, defaults applied; members the service
    does not know are echoed as given."""
    echoed: dict[str, Any] = {}
    for param in params:
        param.apply(given, echoed)
    known = {param.name for param in params}
    for name, value in given.items():
        if name not in known and name not in echoed:
            echoed[name] = value
    return echoed
