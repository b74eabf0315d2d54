"""The WSGI application: an HTTP request in, the one request flow of `dispatch`, a response out.

The server adds only what HTTP itself needs: choosing the service (server/routing.py), a cap
on the body size, and the control endpoints under `/_chime_mock/`. Everything the services
answer comes from `chime_mock.dispatch.dispatch`, the same code the in-process mock runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol
from urllib.parse import quote, urlsplit

from werkzeug.exceptions import ClientDisconnected
from werkzeug.wrappers import Request, Response

from chime_mock.backend import Backend
from chime_mock.defaults import CHIME_SDK_VOICE
from chime_mock.dispatch import dispatch
from chime_mock.errors import bad_request
from chime_mock.protocol.http import HttpRequest, HttpResponse
from chime_mock.server import (  # noqa: F401 - registers their endpoints
    chime_accounts,
    control,
    family_endpoints,
    phone_calls,
)
from chime_mock.server.routing import target

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

# Phone-number requests are a few kilobytes; API Gateway in front of the real services refuses
# bodies past 10 MB. 1 MiB keeps a runaway client from filling the test machine's memory.
MAX_BODY_BYTES = 1024 * 1024
# Past the cap, the body is read and dropped (so the client sees the answer rather than a reset
# connection) up to this much; beyond it the connection is simply closed.
_DRAIN_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024


class Readable(Protocol):
    """A request body to read: werkzeug's stream, or the server's own (server/wire.py)."""

    def read(self, size: int = -1, /) -> bytes: ...


class _TooLarge(Exception):
    """The body is larger than the server reads."""


class _Truncated(Exception):
    """The body ended before its Content-Length."""


def _read_body(stream: Readable, declared: int | None, cap: int) -> bytes:
    if declared is not None and declared > cap:
        _drain(stream, min(declared, _DRAIN_BYTES))
        raise _TooLarge
    try:
        body = stream.read(cap + 1)
    except ClientDisconnected as error:  # some werkzeug versions say so, others return less
        raise _Truncated from error
    if len(body) > cap:
        _drain(stream, _DRAIN_BYTES)
        raise _TooLarge
    if declared is not None and len(body) < declared:
        raise _Truncated
    return body


def _drain(stream: Readable, limit: int) -> None:
    while limit > 0 and (chunk := stream.read(min(_CHUNK, limit))):
        limit -= len(chunk)


def _wire_path(request: Request) -> str:
    """The path as sent, still percent-encoded, as the in-process flow sees it."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    if raw:
        return urlsplit(raw).path or "/"
    return quote(request.path)


class ChimeMockApp:
    """The fake Chime services as a WSGI application over `backend`.

    Example: ``werkzeug.serving.run_simple("127.0.0.1", 5000, ChimeMockApp(Backend()))``.
    """

    def __init__(self, backend: Backend, *, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.backend = backend
        backend.served = True  # its answers speak of the server's flags and /config
        self.max_body_bytes = max_body_bytes

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        answer = self.answer(Request(environ))
        response = Response(answer.body, status=answer.status, headers=answer.headers)
        return response(environ, start_response)

    def answer(self, request: Request) -> HttpResponse:
        """The answer to one werkzeug `Request`: a control endpoint's, or the service's."""
        return self.respond(
            request.method,
            _wire_path(request),
            request.path,
            request.query_string.decode("latin-1"),
            {key.lower(): value for key, value in request.headers.items()},
            request.stream,
            request.content_length,
        )

    def respond(
        self,
        method: str,
        path: str,
        decoded_path: str,
        query: str,
        headers: dict[str, str],
        stream: Readable,
        content_length: int | None,
    ) -> HttpResponse:
        """The answer to one request: `path` as sent (percent-encoded) and decoded, `headers` by
        lower-case name, the body still to read from `stream`."""
        is_control = control.is_control(decoded_path)
        service, service_path = (
            (CHIME_SDK_VOICE, path)
            if is_control
            else target(
                headers.get("host", ""),
                path,
                method=method,
                query=query,
                user_agent=headers.get("user-agent", ""),
            )
        )
        try:
            body = _read_body(stream, content_length, self.max_body_bytes)
        except _Truncated:
            return control.error_answer(
                bad_request("chime_mock: the request body ended before its Content-Length"),
                service,
            )
        except _TooLarge:
            error = bad_request(
                f"chime_mock: the request body is larger than {self.max_body_bytes} bytes, "
                "the most this server reads"
            )
            return control.error_answer(error, service)
        if is_control:
            return control.answer(self.backend, method, decoded_path, body)
        http_request = HttpRequest(
            method=method, path=service_path, query=query, headers=headers, body=body
        )
        return dispatch(self.backend, service, http_request)
