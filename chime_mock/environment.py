"""Fake AWS credentials while a mock is active, and the exact environment back afterwards.

Environment credentials come first in botocore's chain, so no credentials file, profile or
instance metadata is read by a client created inside the mock. `AWS_PROFILE` is lifted because a
profile that does not exist on this machine would fail the client before any call.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# The documented AWS example key pair: obviously fake, and not 12 digits, so it maps to the
# default account 123456789012.
FAKE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
FAKE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

_SET = {
    "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY_ID,
    "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_ACCESS_KEY,
}
_REMOVED = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE")
_DEFAULT_REGION = ("AWS_DEFAULT_REGION", "us-east-1")  # only when none is configured


class FakeEnvironment:
    def __init__(self) -> None:
        self._saved: dict[str, str | None] | None = None
        self._saved_session: Any = None

    def enter(self) -> None:
        names = [*_SET, *_REMOVED, _DEFAULT_REGION[0], "AWS_REGION"]
        self._saved = {name: os.environ.get(name) for name in names}
        os.environ.update(_SET)
        for name in _REMOVED:
            os.environ.pop(name, None)
        if not os.environ.get("AWS_DEFAULT_REGION") and not os.environ.get("AWS_REGION"):
            os.environ[_DEFAULT_REGION[0]] = _DEFAULT_REGION[1]
        # boto3's default session caches the credentials it resolved first; start a new one so
        # `boto3.client(...)` inside the mock signs with the fakes.
        boto3: Any = sys.modules.get("boto3")
        if boto3 is not None:
            self._saved_session = boto3.DEFAULT_SESSION
            boto3.DEFAULT_SESSION = None

    def exit(self) -> None:
        if self._saved is None:
            return
        for name, value in self._saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self._saved = None
        boto3: Any = sys.modules.get("boto3")
        if boto3 is not None:
            boto3.DEFAULT_SESSION = self._saved_session
        self._saved_session = None
