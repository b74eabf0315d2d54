"""The one request flow, shared by the in-process mock and the HTTP server.

HTTP request -> route by the model -> parse -> injected fault? -> validate -> handler ->
serialize -> journal, all under the backend's lock: a request sees and changes one consistent
state, and the journal lists calls in the order they were answered. Every failure leaves as a
modeled AWS error; nothing raises out of `dispatch`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from botocore import xform_name

from chime_mock import clock, operations, options
from chime_mock.backend import Backend, Scope
from chime_mock.defaults import DEFAULT_ACCOUNT, DEFAULT_REGION
from chime_mock.errors import ServiceError
from chime_mock.operations import Call, mocked
from chime_mock.protocol import catalog
from chime_mock.protocol.http import HttpRequest, HttpResponse
from chime_mock.protocol.models import service_model
from chime_mock.protocol.parsing import parse_request
from chime_mock.protocol.routing import Router
from chime_mock.protocol.serialization import (
    ERROR_TYPE_HEADER,
    serialize_error,
    serialize_output,
)
from chime_mock.protocol.validation import validate

_CREDENTIAL = re.compile(r"Credential=([^/,\s]+)/[^/]*/([^/]*)/")


@functools.cache
def router(service: str) -> Router:
    """The router of `service`'s installed model, built once."""
    return Router(service_model(service))


def _signer(service: str, headers: Mapping[str, str]) -> tuple[Scope, str]:
    """Where the call lives, and the region it was signed for: from the SigV4 credential scope
    of the Authorization header.

    The account is the access key ID when it is exactly 12 digits (so tests can act as several
    accounts), otherwise the documented sample account.
    """
    authorization: str | bytes = headers.get("authorization", "")
    if isinstance(authorization, bytes):  # botocore's prepared requests may carry bytes
        authorization = authorization.decode("latin-1")
    # "AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=...,
    # Signature=...": only the first part names the signer, and it repeats from call to call.
    return _credential_scope(service, authorization.partition(",")[0])


@functools.lru_cache(maxsize=256)
def _credential_scope(service: str, credential: str) -> tuple[Scope, str]:
    found = _CREDENTIAL.search(credential)
    if found is None:
        return Scope.of(service, DEFAULT_ACCOUNT, DEFAULT_REGION), DEFAULT_REGION
    access_key, region = found.group(1), found.group(2) or DEFAULT_REGION
    account = access_key if len(access_key) == 12 and access_key.isdigit() else DEFAULT_ACCOUNT
    return Scope.of(service, account, region), region


def not_mocked(service: str, operation: str) -> ServiceError:
    """The answer to an operation the model has but no handler serves (501, named as such),
    with the way out: a botocore Stubber answers what the fake does not."""
    return ServiceError(
        "NotImplemented",
        f"chime_mock: {operation} of {service} is not mocked yet, so it was not sent anywhere "
        f"(chime_mock mocks {len(mocked(service))} {service} operations: see "
        "docs/operations.md). To answer it in a test, put a botocore Stubber on this client: "
        f'stubber.add_response("{xform_name(operation)}", ...) answers this call, and '
        "chime_mock the others.",
        status=501,
    )


def dispatch(backend: Backend, service: str, request: HttpRequest) -> HttpResponse:
    """Answer one request to `service` from `backend`, and journal it; never raises."""
    scope, region = _signer(service, request.headers)
    # One lock for the answer and its record, so the journal lists calls in answer order.
    with backend.lock:
        response, operation, params = _answer(backend, scope, request)
        backend.journal.record(
            service=service,
            region=region,
            account=scope.account,
            operation=operation,
            params=params,
            status=response.status,
            error=response.headers.get(ERROR_TYPE_HEADER),
        )
    return response


def _injected(backend: Backend, service: str, operation: str) -> ServiceError | None:
    """The injected fault that answers this call instead of the handler, if any."""
    if not backend.faults:  # the common case
        return None
    fault = backend.faults.take(
        operation, lambda code: catalog.declares_error(service, operation, code)
    )
    return None if fault is None else ServiceError(fault.code, fault.text)


def _with_remedy(backend: Backend, error: ServiceError) -> ServiceError:
    """`error`, saying how to raise the mock's limit it names, in the caller's interface."""
    if error.raised_by is None:
        return error
    message = options.remedied(error.message, error.raised_by, served=backend.served)
    return ServiceError(error.code, message, status=error.status)


def _modeled(service: str, operation: str | None, error: ServiceError) -> ServiceError:
    """`error`, or a BadRequestException with its message when the installed model does not
    declare its code for this operation (models differ across botocore releases: an older
    CreateVoiceConnectorGroup declares no NotFoundException). Every answer stays a modeled one."""
    if error.status is not None or operation is None:
        return error  # chime_mock's own answers (unrouted, not mocked) carry their status
    if catalog.declares_error(service, operation, error.code):
        return error
    return ServiceError("BadRequestException", error.message)


def _answer(
    backend: Backend, scope: Scope, request: HttpRequest
) -> tuple[HttpResponse, str | None, dict[str, Any]]:
    """The response, with what the journal records: the operation (when routed) and its
    parameters (when parsed). The caller holds the backend's lock."""
    service = scope.service
    operation_name: str | None = None
    params: dict[str, Any] = {}
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
        operation_name = operation.name
        params = parse_request(match, request.headers, request.body)
        # Faults answer at the front door, before validation: like AWS throttling a request it
        # has not looked at, and so that operations not mocked yet can fail on purpose too.
        fault = _injected(backend, service, operation_name)
        if fault is not None:
            raise fault
        handler = operations.handler(service, operation_name)
        if handler is None:
            raise not_mocked(service, operation_name)
        validate(operation, params)
        now = clock.now()
        backend.settle(now)
        output = handler(Call(backend, scope, now, operation), params)
        return serialize_output(operation, output), operation_name, params
    except ServiceError as error:
        failure = _modeled(service, operation_name, _with_remedy(backend, error))
    except Exception as error:  # a bug in the mock must still reach the user as an AWS answer
        failure = ServiceError(
            "ServiceFailureException",
            f"chime_mock: internal error ({type(error).__name__}: {error}); please report it "
            "with the call that caused it",
        )
    return serialize_error(service_model(service), failure), operation_name, params
