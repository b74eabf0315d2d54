"""The control endpoints under `/_chime_mock/`: what the in-process handle does, over HTTP.

Each endpoint is a function registered with `@control(rule, methods=...)` (a werkzeug URL rule);
adding one is adding a function here. Answers are JSON in the API's own style; errors use the
same modeled error shapes as the fake service (NotFoundException, ConflictException,
BadRequestException), so a client that reads AWS errors reads these too.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule

from chime_mock import clock, options
from chime_mock.backend import Backend
from chime_mock.backend.phone_numbers import orders
from chime_mock.backend.phone_numbers.orders import OrderNotProcessing, UnknownOrder
from chime_mock.defaults import CHIME_SDK_VOICE
from chime_mock.errors import ServiceError, bad_request, conflict, not_found
from chime_mock.faults import checked_fault
from chime_mock.options import SETTINGS, Setting
from chime_mock.protocol.http import HttpResponse
from chime_mock.protocol.models import service_model
from chime_mock.protocol.serialization import serialize_error
from chime_mock.server.dashboard import render
from chime_mock.server.snapshot import order_document, snapshot
from chime_mock.suggestions import unknown

PREFIX = "/_chime_mock"


@dataclass(frozen=True)
class ControlRequest:
    backend: Backend
    arguments: Mapping[str, Any]  # the URL rule's variables
    body: bytes

    def document(self) -> dict[str, Any]:
        """The JSON object body; an empty body is an empty object."""
        if not self.body.strip():
            return {}
        try:
            document = json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as error:
            raise bad_request(f"chime_mock: the body is not JSON: {error}") from error
        if not isinstance(document, dict):
            raise bad_request("chime_mock: the body must be a JSON object")
        return document


Control = Callable[[ControlRequest], HttpResponse]
_RULES = Map(strict_slashes=False)
_CONTROLS: dict[str, Control] = {}


def control(rule: str, *, methods: list[str]) -> Callable[[Control], Control]:
    """Register a control endpoint at `PREFIX + rule`."""

    def register(function: Control) -> Control:
        _RULES.add(Rule(PREFIX + rule, endpoint=function.__name__, methods=methods))
        _CONTROLS[function.__name__] = function
        return function

    return register


def json_answer(document: Any, status: int = 200) -> HttpResponse:
    body = json.dumps(document, separators=(",", ":")).encode()
    return HttpResponse(status, {"Content-Type": "application/json"}, body)


def error_answer(error: ServiceError, service: str = CHIME_SDK_VOICE) -> HttpResponse:
    return serialize_error(service_model(service), error)


def is_control(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def answer(backend: Backend, method: str, path: str, body: bytes) -> HttpResponse:
    """Run the control endpoint at `path`; never raises."""
    adapter = _RULES.bind("localhost")
    try:
        name, arguments = adapter.match(path, method)
        return _CONTROLS[str(name)](ControlRequest(backend, arguments, body))
    except ServiceError as error:
        return error_answer(error)
    except MethodNotAllowed as error:
        allowed = ", ".join(error.valid_methods or ())
        failure = ServiceError(
            "MethodNotAllowedException",
            f"chime_mock: the control endpoint {path} takes {allowed}, not {method}",
            status=405,
        )
        response = error_answer(failure)
        response.headers["Allow"] = allowed
        return response
    except NotFound:
        endpoints = sorted(
            f"{' '.join(sorted(rule.methods or ()))} {rule.rule}" for rule in _RULES.iter_rules()
        )
        return error_answer(
            not_found(
                f"chime_mock: no control endpoint {method} {path}; they are: "
                + "; ".join(endpoints)
            )
        )
    except Exception as error:  # a bug in a control endpoint still answers in the usual form
        return error_answer(
            ServiceError(
                "ServiceFailureException",
                f"chime_mock: internal error in {method} {path} ({type(error).__name__}: "
                f"{error}); please report it with the request that caused it",
            )
        )


# -- the endpoints -----------------------------------------------------------------------------


@control("/", methods=["GET"])
def dashboard(request: ControlRequest) -> HttpResponse:
    page = render(snapshot(request.backend))
    return HttpResponse(200, {"Content-Type": "text/html; charset=utf-8"}, page.encode())


@control("/state", methods=["GET"])
def state(request: ControlRequest) -> HttpResponse:
    return json_answer(snapshot(request.backend))


@control("/reset", methods=["POST"])
def reset(request: ControlRequest) -> HttpResponse:
    with request.backend.lock:
        request.backend.reset()
    return json_answer({})


def _settings(backend: Backend) -> HttpResponse:
    return json_answer(
        {setting.key: options.as_json(getattr(backend, setting.name)) for setting in SETTINGS}
    )


@control("/config", methods=["GET"])
def config(request: ControlRequest) -> HttpResponse:
    with request.backend.lock:
        return _settings(request.backend)


@control("/config", methods=["POST"])
def configure(request: ControlRequest) -> HttpResponse:
    """Each option of the fake under its key (`{"ProcessingDelay": seconds}`, null: orders stay
    Processing until completed; `{"PhoneNumberLimit": n}`, null: no limit; `{"JournalLimit": n}`,
    null: keep every call), each optional."""
    backend = request.backend
    document = request.document()
    keys = {setting.key: setting for setting in SETTINGS}
    for key in document:
        if key not in keys:
            raise bad_request(unknown("setting", key, keys))
    # Check all before changing any: a rejected request changes nothing.
    changes = {keys[key].name: _checked(keys[key], value) for key, value in document.items()}
    with backend.lock:
        for attribute, value in changes.items():
            setattr(backend, attribute, value)
        return _settings(backend)


def _checked(setting: Setting, value: Any) -> Any:
    """The setting's value from JSON, or a BadRequestException in the words of JSON and of this
    endpoint (the checks' own messages speak Python: `None`, a timedelta, `complete_order()`)."""
    try:
        return setting.check(value)
    except (TypeError, ValueError) as error:
        reason = str(error)
        # An unknown quota name: the check's message names the closest known ones.
        detail = (
            f" ({reason.removeprefix('chime_mock: ')})" if "there is no quota" in reason else ""
        )
        raise bad_request(
            f"chime_mock: {setting.key} takes {setting.takes_json}; got {json.dumps(value)}{detail}"
        ) from error


@control("/orders/<order_id>/complete", methods=["POST"])
def complete_order(request: ControlRequest) -> HttpResponse:
    """Complete a Processing order now; `{"FailedPhoneNumbers": [...]}` end Failed."""
    failed = request.document().get("FailedPhoneNumbers", [])
    if not isinstance(failed, list) or not all(isinstance(n, str) for n in failed):
        raise bad_request("chime_mock: FailedPhoneNumbers must be a list of E.164 numbers")
    order = _complete(request.backend, request.arguments["order_id"], failed)
    return json_answer({"PhoneNumberOrder": order})


@control("/dashboard/orders/<order_id>/complete", methods=["POST"])
def complete_from_dashboard(request: ControlRequest) -> HttpResponse:
    """The dashboard's Complete button (an HTML form): completes the order as
    `POST /orders/{id}/complete` does, then shows the dashboard again."""
    _complete(request.backend, request.arguments["order_id"], [])
    return HttpResponse(303, {"Location": PREFIX + "/", "Content-Type": "text/plain"}, b"")


def _complete(backend: Backend, order_id: str, failed: list[str]) -> dict[str, Any]:
    """Complete the order now; it as JSON data."""
    with backend.lock:
        now = clock.now()
        backend.settle(now)
        try:
            # The same rule as handle.complete_order: any order still under way (Processing, or a
            # seeded porting order before its FOC date) completes now.
            order = orders.complete_order(backend, order_id, failed, now)
        except UnknownOrder as error:
            raise not_found(str(error)) from error
        except OrderNotProcessing as error:
            raise conflict(str(error)) from error
        except ValueError as error:
            raise bad_request(str(error)) from error
        return order_document(order)


@control("/faults", methods=["POST"])
def inject_error(request: ControlRequest) -> HttpResponse:
    """`handle.inject_error` over HTTP: `{"Operation": "CreatePhoneNumberOrder" (or "*"),
    "Code": "ThrottledClientException", "Times": 1, "Message": null}`; Times and Message
    optional."""
    document = request.document()
    if not isinstance(document.get("Operation"), str) or not isinstance(document.get("Code"), str):
        raise bad_request('chime_mock: give the Operation (or "*") and the error Code as text')
    times, message = document.get("Times", 1), document.get("Message")
    if isinstance(times, bool) or not isinstance(times, int) or times < 1:
        raise bad_request(
            f"chime_mock: Times takes a whole number of calls, 1 or more; got {json.dumps(times)}"
        )
    if message is not None and not isinstance(message, str):
        raise bad_request(f"chime_mock: Message takes text, or null; got {json.dumps(message)}")
    try:
        fault = checked_fault(
            document["Operation"],
            document["Code"],
            document.get("Times", 1),
            document.get("Message"),
        )
    except ValueError as error:
        raise bad_request(str(error)) from error
    with request.backend.lock:
        request.backend.faults.add(fault)
    return json_answer({})


def _param_text(value: Any) -> Any:
    """Parameter values JSON has no form for: timestamps as ISO 8601, blobs as base64."""
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    raise TypeError(f"chime_mock: cannot show {type(value).__name__} {value!r} as JSON")


@control("/calls", methods=["GET"])
def calls(request: ControlRequest) -> HttpResponse:
    """`handle.calls` over HTTP: every call the fake answered, oldest first; `Dropped` counts
    the older ones the journal limit no longer keeps (`handle.calls_dropped`)."""
    with request.backend.lock:
        recorded = request.backend.journal.calls()
        dropped = request.backend.journal.dropped
    return json_answer(
        {
            "Dropped": dropped,
            "Calls": [
                {
                    "Service": call.service,
                    "Region": call.region,
                    "Account": call.account,
                    "Operation": call.operation,
                    "Params": json.loads(json.dumps(call.params, default=_param_text)),
                    "Status": call.status,
                    "Error": call.error,
                }
                for call in recorded
            ],
        }
    )
