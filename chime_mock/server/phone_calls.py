"""The control endpoints of calls that run (the PSTN audio simulator), for Lambdas and tests in
any language: connect a Lambda ARN to a URL, dial a number, press keys, hang up, read a call.

- `POST /_chime_mock/lambdas` `{"LambdaArn", "Url", "TimeoutSeconds"?}`
- `POST /_chime_mock/phone-calls` `{"ToPhoneNumber", "FromPhoneNumber", "SipHeaders"?,
  "AwsAccountId"?}` -> `{"TransactionId"}`
- `POST /_chime_mock/phone-calls/{TransactionId}/digits` `{"Digits", "ParticipantTag"?}`
- `POST /_chime_mock/phone-calls/{TransactionId}/hang-up` `{"ParticipantTag"?}`
- `GET /_chime_mock/phone-calls/{TransactionId}` -> `{"TransactionId", "Events", "Ended", ...}`
- `POST /_chime_mock/unanswered` `{"PhoneNumbers": [...]}`
"""

from __future__ import annotations

from typing import Any

from chime_mock import clock
from chime_mock.backend import Backend
from chime_mock.backend.sip import phone_calls
from chime_mock.backend.sip.pstn.lambdas import DEFAULT_TIMEOUT_SECONDS
from chime_mock.backend.sip.pstn.records import LEG_A, PstnCall
from chime_mock.defaults import DEFAULT_ACCOUNT
from chime_mock.errors import bad_request, not_found
from chime_mock.protocol.http import HttpResponse
from chime_mock.server.control import ControlRequest, control, json_answer
from chime_mock.server.lambda_urls import UrlLambda


def _text(document: dict[str, Any], key: str, example: str, *, default: str | None = None) -> str:
    value = document.get(key, default)
    if not isinstance(value, str) or not value:
        raise bad_request(f'chime_mock: give {key} as text in the JSON body, e.g. "{example}"')
    return value


def connect_url(backend: Backend, lambda_arn: str, url: str, timeout_seconds: Any) -> None:
    """Connect a Lambda ARN to a URL (also `chime-mock server --lambda ARN=URL`)."""
    if (
        isinstance(timeout_seconds, bool)
        or not isinstance(timeout_seconds, (int, float))
        or (timeout_seconds <= 0)
    ):
        raise ValueError("chime_mock: TimeoutSeconds must be a number of seconds above 0")
    function = UrlLambda(lambda_arn, url, float(timeout_seconds), backend.lock)
    with backend.lock:
        phone_calls.switchboard(backend).lambdas[lambda_arn] = function


@control("/lambdas", methods=["POST"])
def connect_lambda(request: ControlRequest) -> HttpResponse:
    """The Lambda at `LambdaArn` is answered by POSTs to `Url`."""
    document = request.document()
    lambda_arn = _text(document, "LambdaArn", "arn:aws:lambda:us-east-1:123456789012:function:ivr")
    url = _text(document, "Url", "http://127.0.0.1:9000/")
    try:
        connect_url(
            request.backend,
            lambda_arn,
            url,
            document.get("TimeoutSeconds", DEFAULT_TIMEOUT_SECONDS),
        )
    except ValueError as error:
        raise bad_request(str(error)) from error
    return json_answer({"LambdaArn": lambda_arn, "Url": url})


def _document(call: PstnCall) -> dict[str, Any]:
    return {
        "TransactionId": call.transaction_id,
        "Events": [invocation.event for invocation in call.invoked],
        "Actions": [
            {**done.action, "Outcome": done.outcome}
            | ({"ErrorType": done.error_type} if done.error_type else {})
            for done in call.performed
        ],
        "Ended": call.ended is not None,
        "EndReason": call.end_reason,
    }


@control("/phone-calls", methods=["POST"])
def receive_call(request: ControlRequest) -> HttpResponse:
    """A caller dials ToPhoneNumber from FromPhoneNumber; routed by the SIP rules (by the
    RequestUriHostname rule when the call is sent to that host by a SIP trunk)."""
    document = request.document()
    to = _text(document, "ToPhoneNumber", "+12065550100")
    from_ = _text(document, "FromPhoneNumber", "+12065550123")
    account = _text(document, "AwsAccountId", DEFAULT_ACCOUNT, default=DEFAULT_ACCOUNT)
    host = document.get("RequestUriHostname")
    if host is not None and not isinstance(host, str):
        raise bad_request(
            "chime_mock: RequestUriHostname must be a Voice Connector's OutboundHostName, as "
            'text: "abcdef1ghij2klmno3pqr4.voiceconnector.chime.aws"'
        )
    headers = document.get("SipHeaders")
    if headers is not None and not (
        isinstance(headers, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in headers.items())
    ):
        raise bad_request("chime_mock: SipHeaders must be an object of text values")
    backend = request.backend
    with backend.lock:
        now = clock.now()
        backend.settle(now)
        try:
            call = phone_calls.receive_call(backend, account, to, from_, headers, now, host)
        except ValueError as error:
            raise bad_request(str(error)) from error
        return json_answer({"TransactionId": call.transaction_id}, status=201)


def _steer(request: ControlRequest, what: str) -> HttpResponse:
    document = request.document()
    tag = _text(document, "ParticipantTag", LEG_A, default=LEG_A)
    backend = request.backend
    with backend.lock:
        now = clock.now()
        backend.settle(now)
        try:
            board, call = phone_calls.find(backend, request.arguments["transaction_id"])
        except ValueError as error:
            raise not_found(str(error)) from error
        try:
            if what == "digits":
                digits = document.get("Digits")
                if not isinstance(digits, str):
                    raise ValueError('chime_mock: give Digits as text, e.g. "123#"')
                board.press(call, digits, tag, now)
            else:
                board.hang_up(call, tag, now)
        except ValueError as error:
            raise bad_request(str(error)) from error
        return json_answer(_document(call))


@control("/phone-calls/<transaction_id>/digits", methods=["POST"])
def press(request: ControlRequest) -> HttpResponse:
    """The party on ParticipantTag (LEG-A unless given) presses Digits (0-9, *, #)."""
    return _steer(request, "digits")


@control("/phone-calls/<transaction_id>/hang-up", methods=["POST"])
def hang_up(request: ControlRequest) -> HttpResponse:
    """The party on ParticipantTag (LEG-A unless given) hangs up."""
    return _steer(request, "hang-up")


@control("/phone-calls/<transaction_id>", methods=["GET"])
def phone_call(request: ControlRequest) -> HttpResponse:
    """The call: its events as the Lambda received them, the actions carried out, Ended."""
    backend = request.backend
    with backend.lock:
        backend.settle(clock.now())
        try:
            _, call = phone_calls.find(backend, request.arguments["transaction_id"])
        except ValueError as error:
            raise not_found(str(error)) from error
        return json_answer(_document(call))


@control("/unanswered", methods=["POST"])
def unanswered(request: ControlRequest) -> HttpResponse:
    """Calls to PhoneNumbers are not answered (an outbound call ends with HANGUP, a
    CallAndBridge fails with CallNotAnswered)."""
    numbers = request.document().get("PhoneNumbers")
    if not isinstance(numbers, list) or not all(isinstance(n, str) for n in numbers):
        raise bad_request('chime_mock: give PhoneNumbers as a list, e.g. ["+12065550166"]')
    with request.backend.lock:
        phone_calls.switchboard(request.backend).silent.update(numbers)
    return json_answer({"PhoneNumbers": sorted(phone_calls.switchboard(request.backend).silent)})
