"""How boto3/botocore calls reach the fake: a handler on botocore's `before-send` event.

Each botocore client has its own copy of the event system, fixed when the client is created, so a
hook registered today would miss clients made earlier (even before chime_mock was imported). While
a mock is active, `Endpoint.make_request` is wrapped: the first call of a Chime or Chime SDK Voice
client registers the `before-send.<service>` handler on that client's own events. Calls of every
other service pass through untouched, and the handler runs before moto's catch-all `before-send`
one (botocore runs the more specific event's handlers first), so `moto.mock_aws` can answer the
other services in the same test. aiobotocore and aioboto3 clients are hooked the same way (see
async_clients.py for what differs).
"""

from __future__ import annotations

import threading
import types
import weakref
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from botocore.awsrequest import AWSResponse
from botocore.credentials import Credentials
from botocore.endpoint import Endpoint

from chime_mock import async_clients
from chime_mock.backend import Backend
from chime_mock.dispatch import dispatch
from chime_mock.environment import FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY
from chime_mock.protocol.http import HttpRequest, HttpResponse
from chime_mock.protocol.models import MOCKED_SERVICES, adopt

_HANDLER_ID = "chime_mock.before_send"
_SIGNER_ID = "chime_mock.before_sign"
_ASYNC_HANDLER_ID = "chime_mock.before_send_async"
_ASYNC_SIGNER_ID = "chime_mock.before_sign_async"
_FAKE_CREDENTIALS = Credentials(FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY)
_SERVICE_BY_EVENT = {event_id: name for name, event_id in MOCKED_SERVICES.items()}


class ResponseBody:
    """The `raw` botocore reads an in-memory answer from: `AWSResponse(url, status, headers,
    ResponseBody(body))` (the benchmarks' floor answers the same way)."""

    def __init__(self, content: bytes) -> None:
        self._content = content

    def stream(self, **kwargs: Any) -> Iterator[bytes]:
        yield self._content


def _request_body(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, bytearray):
        return bytes(body)
    data = body.read()  # a file-like body: rewind so a retry can read it again
    if hasattr(body, "seek"):
        body.seek(0)
    return data if isinstance(data, bytes) else str(data).encode("utf-8")


class Interceptor:
    """Answers mocked services' requests from `backend` while installed."""

    def __init__(self) -> None:
        self.backend: Backend | None = None
        self._hooked: weakref.WeakSet[Any] = weakref.WeakSet()
        self._hook_lock = threading.Lock()
        self._original_make_request: Any = None

    def install(self, backend: Backend) -> None:
        self.backend = backend
        if self._original_make_request is None:
            original = self._original_make_request = Endpoint.make_request
            hook = self._hook_client

            def make_request(endpoint: Endpoint, operation_model: Any, request_dict: Any) -> Any:
                service = operation_model.service_model.service_name
                if service in MOCKED_SERVICES:
                    hook(endpoint, service, operation_model.service_model)
                    # Hooked for good (the handlers stay, inert while no mock is active): the
                    # endpoint's later calls go straight to botocore's own method, unless its
                    # class has a make_request of its own (that one must keep running).
                    if type(endpoint).make_request is make_request:
                        endpoint.make_request = types.MethodType(original, endpoint)
                return original(endpoint, operation_model, request_dict)

            Endpoint.make_request = make_request

    def uninstall(self) -> None:
        self.backend = None
        if self._original_make_request is not None:
            Endpoint.make_request = self._original_make_request
            self._original_make_request = None

    def _hook_client(self, endpoint: Endpoint, service: str, model: Any) -> None:
        """Register the handlers on the client's events, once per client: every call asks."""
        events = endpoint._event_emitter
        if events in self._hooked:
            return
        adopt(model)
        event_id = MOCKED_SERVICES[service]
        send, sign = (
            (
                (self.before_send_async, _ASYNC_HANDLER_ID),
                (self.before_sign_async, _ASYNC_SIGNER_ID),
            )
            if async_clients.is_async(endpoint)
            else ((self.before_send, _HANDLER_ID), (self.before_sign, _SIGNER_ID))
        )
        with self._hook_lock:
            events.register_first(f"before-send.{event_id}", send[0], unique_id=send[1])
            events.register(f"before-sign.{event_id}", sign[0], unique_id=sign[1])
            self._hooked.add(events)

    def before_sign(self, request: Any, request_signer: Any = None, **kwargs: Any) -> None:
        """Sign with the fakes when the client has no credentials (made before the mock)."""
        self._sign_with(_FAKE_CREDENTIALS, request, request_signer)

    def before_sign_async(self, request: Any, request_signer: Any = None, **kwargs: Any) -> None:
        self._sign_with(async_clients.fake_credentials(), request, request_signer)

    def _sign_with(self, credentials: Any, request: Any, request_signer: Any) -> None:
        if self.backend is None or request_signer is None:
            return
        if getattr(request_signer, "_credentials", None) is None:
            request.context.setdefault("signing", {}).setdefault("request_credentials", credentials)

    def before_send(self, request: Any, event_name: str = "", **kwargs: Any) -> AWSResponse | None:
        answer = self._answer(request, event_name)
        if answer is None:
            return None
        return AWSResponse(request.url, answer.status, answer.headers, ResponseBody(answer.body))

    def before_send_async(self, request: Any, event_name: str = "", **kwargs: Any) -> Any:
        answer = self._answer(request, event_name)
        if answer is None:
            return None
        return async_clients.response(request.url, answer.status, answer.headers, answer.body)

    def _answer(self, request: Any, event_name: str) -> HttpResponse | None:
        backend = self.backend
        if backend is None:  # hooked while a mock was active; inert once it stopped
            return None
        service = _SERVICE_BY_EVENT[event_name.split(".")[1]]
        url = urlsplit(request.url)
        http_request = HttpRequest(
            method=request.method,
            path=url.path or "/",
            query=url.query,
            headers=request.headers,  # botocore's HTTPHeaders: looked up case-insensitively
            body=_request_body(request.body),
        )
        return dispatch(backend, service, http_request)


INTERCEPTOR = Interceptor()
