"""Hostile raw HTTP at the one request flow: what no boto3 client sends, but a server receives.

`dispatch` serves the in-process mock and the HTTP server alike. Whatever the method, path, query,
headers and body, its answer is JSON with a status, and an error is one the routed operation
models (or UnknownOperationException when nothing routes, NotImplemented for an operation not
mocked); never an internal error, and a rejected request changes nothing.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from chime_mock.backend import Backend
from chime_mock.dispatch import dispatch, router
from chime_mock.operations import mocked
from chime_mock.protocol.http import HttpRequest
from chime_mock.protocol.models import MOCKED_SERVICES, service_model
from tests.backend_state import snapshot
from tests.conftest import authorization, examples
from tests.model_inputs import NASTY_STRINGS

pytestmark = pytest.mark.disable_socket

WIRE_CASES = examples(1000)
ROUTING_ERRORS = {"UnknownOperationException", "NotImplemented"}


def _templates(answered: bool) -> list[tuple[str, str, str]]:
    """(service, method, requestUri) of the operations of both models that are mocked, or not."""
    found = []
    for service in MOCKED_SERVICES:
        model = service_model(service)
        for name in model.operation_names:
            if (name in mocked(service)) is answered:
                http = model.operation_model(name).http
                found.append((service, http["method"], http["requestUri"]))
    return found


labels = st.one_of(
    st.sampled_from(NASTY_STRINGS).map(lambda text: quote(text, safe="", errors="surrogatepass")),
    st.sampled_from(NASTY_STRINGS),  # raw: not encoded at all
    st.text(max_size=40),
    st.just("%2B12065550100"),
    st.just("+12065550100"),
)


bodies = st.one_of(
    st.binary(max_size=64),
    st.sampled_from([b"", b"[" * 5000, b"{" * 5000, b"\xff\xfe", b"null", b"[]", b'"x"', b"1e999"]),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=20), inner, max_size=3)
        ),
        max_leaves=12,
    ).map(lambda document: json.dumps(document).encode()),
)


@st.composite
def requests(draw: st.DrawFn) -> tuple[str, HttpRequest]:
    """A route of the model with hostile labels and body; sometimes one more part broken."""
    mocked = st.sampled_from(_templates(True))
    # Operations not mocked: none while every operation of the installed models is (a newer
    # botocore may add some).
    unmocked = [st.sampled_from(found)] if (found := _templates(False)) else []
    service, method, template = draw(st.one_of(mocked, mocked, *unmocked))
    path, _, query = template.partition("?")
    path = re.sub(r"\{[^}]+\}", lambda label: draw(labels), path)
    region = draw(st.sampled_from(["us-east-1", "eu-west-1", "", "../..", "\u00e9"]))
    headers = {"authorization": authorization(region)}
    broken = draw(st.sampled_from(["body only", "method", "path", "query", "headers"]))
    if broken == "method":
        method = draw(st.sampled_from(["GET", "PATCH", "get", "X", ""]))
    elif broken == "path":
        path = draw(st.one_of(st.text(max_size=40), st.just(path + "/.."), st.just(path + "//")))
    elif broken == "query":
        pairs = draw(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12)), max_size=4))
        query = "&".join([query, *(f"{key}={value}" for key, value in pairs)])
        query = draw(st.one_of(st.just(query), st.sampled_from(["%", "max-results=%ZZ", "=&&="])))
    elif broken == "headers":
        headers = draw(st.dictionaries(st.text(max_size=15), st.text(max_size=30), max_size=3))
    return service, HttpRequest(method, path, query, headers, draw(bodies))


def _allowed_errors(service: str, request: HttpRequest) -> set[str]:
    match = router(service).match(request.method, request.path, request.query)
    if match is None:
        return ROUTING_ERRORS
    modeled = {shape.name for shape in match.operation.error_shapes}
    # An operation not mocked still has its parameters read (for the journal), so an unreadable
    # body is its modeled BadRequestException before it is NotImplemented.
    answered = match.operation.name in mocked(service)
    return modeled if answered else modeled | {"NotImplemented"}


def _seeded() -> Backend:
    backend = Backend()
    for service in MOCKED_SERVICES:
        order = {"ProductType": "VoiceConnector", "E164PhoneNumbers": ["+12065550100"]}
        if service == "chime":
            order["E164PhoneNumbers"] = ["+12065550101"]
        headers = {"authorization": authorization()}
        request = HttpRequest(
            "POST", "/phone-number-orders", "", headers, json.dumps(order).encode()
        )
        assert dispatch(backend, service, request).status == 201
    return backend


def _signed(service: str, method: str, path: str, body: bytes = b"") -> tuple[str, HttpRequest]:
    return service, HttpRequest(method, path, "", {"authorization": authorization()}, body)


@settings(max_examples=WIRE_CASES)
@given(case=requests())
# Each kind of answer, whatever the draw: one served, one refused by the validator, one of legacy
# Chime's account administration, one that routes nowhere.
@example(case=_signed("chime-sdk-voice", "GET", "/phone-number-orders"))
@example(case=_signed("chime", "POST", "/phone-number-orders", b'{"ProductType": 7}'))
@example(case=_signed("chime", "GET", "/accounts"))
@example(case=_signed("chime-sdk-voice", "DELETE", "/.."))
def test_any_raw_request_gets_a_modeled_json_answer_and_a_rejection_changes_nothing(
    case: tuple[str, HttpRequest],
) -> None:
    service, request = case
    backend = _seeded()
    before = snapshot(backend)
    answer = dispatch(backend, service, request)
    document: Any = json.loads(answer.body) if answer.body else None
    code = answer.headers.get("x-amzn-ErrorType")
    event(f"answered {code or answer.status}")
    if code is None:
        assert answer.status < 300
        return
    assert code in _allowed_errors(service, request), (code, document)
    assert "internal error" not in document["Message"], document
    assert snapshot(backend) == before


def test_json_nested_thousands_deep_is_a_bad_request() -> None:
    request = HttpRequest("POST", "/phone-number-orders", "", {}, b"[" * 100_000)
    answer = dispatch(Backend(), "chime-sdk-voice", request)
    assert answer.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert "Could not parse request body into json" in json.loads(answer.body)["Message"]


@pytest.mark.parametrize("max_results", [" 5", "5 ", "1_0", "\u0665", "+\uff15", "0x5"])
def test_a_query_integer_takes_ascii_digits_only(max_results: str) -> None:
    request = HttpRequest("GET", "/phone-number-orders", f"max-results={max_results}", {}, b"")
    answer = dispatch(Backend(), "chime-sdk-voice", request)
    assert answer.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert "Member must be of type integer" in json.loads(answer.body)["Message"]
