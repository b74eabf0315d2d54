"""A SIP media application's Lambda at a URL (server mode): each event is POSTed as JSON, and
the JSON answer is the Lambda's response. A Lambda written in JavaScript, Go or any language
runs as a small HTTP server of its own.

An error status, an answer that is not JSON, a URL nobody answers at, or no answer within the
timeout is a failed invocation, as a failing Lambda is: the call goes on as AWS goes on (a retry,
then the call ends).

While the Lambda answers, the server's lock is let go: the Lambda may call the server itself (an
UpdateSipMediaApplicationCall, a GetPhoneNumber), and other clients are served meanwhile. What
their requests ask of calls waits for the delivery in flight and runs right after it, as a Python
handler's own requests do in-process (docs/behaviour.md, "Calls (the PSTN audio simulator)").
"""

from __future__ import annotations

import contextlib
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from chime_mock.backend.sip.pstn.lambdas import (
    DEFAULT_TIMEOUT_SECONDS,
    InvocationError,
    as_json,
)


def checked_url(url: Any) -> str:
    """An http(s) URL with a host; raises ValueError saying what is wrong."""
    if not isinstance(url, str) or not url:
        raise ValueError("chime_mock: the Lambda's Url must be text, e.g. http://127.0.0.1:9000/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"chime_mock: the Lambda's Url must be an http:// or https:// URL with a host, "
            f"e.g. http://127.0.0.1:9000/; got {url!r}"
        )
    return url


class UrlLambda:
    """The Lambda function `lambda_arn`, answered by whatever listens at `url`."""

    def __init__(
        self,
        lambda_arn: str,
        url: str,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        lock: threading.RLock | None = None,
    ) -> None:
        self.lambda_arn = lambda_arn
        self.url = checked_url(url)
        self.timeout_seconds = timeout_seconds
        self._lock = lock  # the server's, let go while the Lambda answers

    def invoke(self, event: dict[str, Any]) -> Any:
        request = urllib.request.Request(
            self.url,
            data=json.dumps(event).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with (
                _let_go(self._lock),
                urllib.request.urlopen(request, timeout=self.timeout_seconds) as answer,
            ):
                body = answer.read()
        except urllib.error.HTTPError as error:
            raise InvocationError(
                f"The function at {self.url} answered HTTP {error.code}"
            ) from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            raise InvocationError(
                f"The function at {self.url} could not be reached: {reason}"
            ) from None
        if not body.strip():
            return None
        try:
            return as_json(json.loads(body), "The function's response")
        except (ValueError, UnicodeDecodeError) as error:
            raise InvocationError(
                f"The function at {self.url} answered something that is not JSON: {error}"
            ) from None


@contextlib.contextmanager
def _let_go(lock: threading.RLock | None) -> Iterator[None]:
    """`lock` released for the duration, when this thread holds it (once: every request takes
    it once), and taken again after."""
    if lock is None:
        yield
        return
    try:
        lock.release()
    except RuntimeError:  # not held by this thread: there is nothing to let go
        yield
        return
    try:
        yield
    finally:
        lock.acquire()
