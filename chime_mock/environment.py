"""Fake AWS credentials while a mock is active, and the exact environment back afterwards.

Environment credentials come first in botocore's chain, so no credentials file, profile or
instance metadata is read by a client created inside the mock. `AWS_PROFILE` is lifted because a
profile that does not exist on this machine would fail the client before any call.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from chime_mock.defaults import DEFAULT_REGION

# The documented AWS example key pair: obviously fake, and not 12 digits, so it maps to the
# default account 123456789012.
FAKE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
FAKE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

_SET = {
    "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY_ID,
    "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_ACCESS_KEY,
}
_REMOVED = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE")


class FakeEnvironment:
    """Swaps the AWS variables in; `exit` puts back exactly what was there, touching only what
    changed (each environment write is a system call: this keeps entering the mock cheap)."""

    def __init__(self) -> None:
        self._saved: dict[str, str | None] | None = None
        self._saved_session: Any = None

    def enter(self) -> None:
        """Set the fake credentials (and a region if none is configured), saving what was."""
        environ = os.environ
        wanted: dict[str, str | None] = {**_SET, **dict.fromkeys(_REMOVED)}
        if not environ.get("AWS_DEFAULT_REGION") and not environ.get("AWS_REGION"):
            wanted["AWS_DEFAULT_REGION"] = DEFAULT_REGION  # only when none is configured
        self._saved = {}
        for name, value in wanted.items():
            current = environ.get(name)
            if current != value:
                self._saved[name] = current
                _put(name, value)
        # boto3's default session caches the credentials it resolved first; start a new one so
        # `boto3.client(...)` inside the mock signs with the fakes.
        boto3: Any = sys.modules.get("boto3")
        if boto3 is not None:
            self._saved_session = boto3.DEFAULT_SESSION
            boto3.DEFAULT_SESSION = None

    def exit(self) -> None:
        """Put back exactly the variables and boto3 session `enter` replaced."""
        if self._saved is None:
            return
        for name, value in self._saved.items():
            _put(name, value)
        self._saved = None
        boto3: Any = sys.modules.get("boto3")
        if boto3 is not None:
            boto3.DEFAULT_SESSION = self._saved_session
        self._saved_session = None


def _put(name: str, value: str | None) -> None:
    if value is None:
        if name in os.environ:
            del os.environ[name]
    else:
        os.environ[name] = value
