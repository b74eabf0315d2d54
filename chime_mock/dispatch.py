"""The one request flow, shared by the in-process mock and the HTTP server.

HTTP request -> route by the model -> parse -> validate -> handler (under the backend's lock)
-> serialize. Every failure leaves as a modeled AWS error; nothing raises out of `dispatch`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from chime_mock import clock
from chime_mock.backend import Backend, Scope
from chime_mock.defaults import DEFAULT_ACCOUNT, DEFAULT_REGION, GLOBAL_SERVICES
from chime_mock.errors import ServiceError
from chime_mock.operations import HANDLERS, Call
from chime_mock.protocol.http import HttpRequest, HttpResponse
from chime_mock.protocol.models import service_model
from chime_mock.protocol.parsing import parse_request
from chime_mock.protocol.routing import Router
from chime_mock.protocol.serialization import serialize_error, serialize_output
from chime_mock.protocol.validation import validate

_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/[^/]*/([^/]*)/")


@functools.cache
def router(service: str) -> Router:
    return Router(service_model(service))


def identify(service: str, headers: Mapping[str, str]) -> Scope:
    """Account and region from the SigV4 credential scope of the Authorization header.

    The account is the access key ID when it is exactly 12 digits (so tests can act as several
    accounts), otherwise the documented sample account.
    """
    access_key, region = "", DEFAULT_REGION
    authorization: str | bytes = headers.get("authorization", "")
    if isinstance(authorization, bytes):  # botocore's prepared requests may carry bytes
        authorization = authorization.decode("latin-1")
    found = _CREDENTIAL.search(authorization)
    if found:
        access_key, region = found.group(1), found.group(2) or DEFAULT_REGION
    account = access_key if len(access_key) == 12 and access_key.isdigit() else DEFAULT_ACCOUNT
    return Scope(service, account, None if service in GLOBAL_SERVICES else region)


def not_mocked(service: str, operation: str) -> ServiceError:
    return ServiceError(
        "NotImplemented",
        f"chime_mock: {operation} of {service} is not mocked yet, so it was not sent anywhere. "
        "Mocked operations: " + ", ".join(sorted(HANDLERS)),
        status=501,
    )


def dispatch(backend: Backend, service: str, request: HttpRequest) -> HttpResponse:
    model = service_model(service)
    try:
        match = router(service).match(request.method, request.path, request.query)
        if match is None:
            allowed = router(service).methods_for(request.path)
            hint = f"; this path takes {', '.join(allowed)}" if allowed else ""
            raise ServiceError(
                "UnknownOperationException",
                f"chime_mock: no {service} operation answers {request.method} {request.path}{hint}",
                status=404,
            )
        operation = match.operation
        handler = HANDLERS.get(operation.name)
        if handler is None:
            raise not_mocked(service, operation.name)
        params = parse_request(match, request.headers, request.body)
        validate(operation, params)
        scope = identify(service, request.headers)
        with backend.lock:
            now = clock.now()
            backend.settle(now)
            output = handler(Call(backend, scope, now, operation), params)
            return serialize_output(operation, output)
    except ServiceError as error:
        return serialize_error(model, error)
    except Exception as error:  # a bug in the mock must still reach the user as an AWS answer
        failure = ServiceError(
            "ServiceFailureException",
            f"chime_mock: internal error ({type(error).__name__}: {error}); please report it "
            "with the call that caused it",
        )
        return serialize_error(model, failure)
