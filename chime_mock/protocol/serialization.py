"""Turn an operation's output, or an error, into the HTTP response the real service would send.

Driven by the installed model: members the model does not have are not sent (so a handler may
describe everything the newest model knows), absent or None members are omitted, timestamps take
the member's `timestampFormat`. Each output shape is compiled once into an encoder (one builder
per shape type), because serializing runs on every mocked call.
"""

from __future__ import annotations

import base64
import datetime as _dt
import functools
import itertools
import json
import uuid
from collections.abc import Callable
from email.utils import format_datetime
from typing import Any

import botocore.model

from chime_mock.errors import ServiceError
from chime_mock.protocol.http import HttpResponse

ERROR_TYPE_HEADER = "x-amzn-ErrorType"  # where botocore reads an error's code first
Encoder = Callable[[Any], Any]
_UTC = _dt.timezone.utc


# ISO 8601 texts of recent UTC timestamps. A record's timestamps are read far more often than
# they change (a test polls an order), and formatting an aware datetime costs as much as thirty
# dict lookups; it was the costliest step of answering GetPhoneNumberOrder.
_ISO_TEXTS: dict[_dt.datetime, str] = {}
_ISO_TEXTS_SIZE = 4096


def _iso8601(value: _dt.datetime) -> str:
    """The documented wire form, 2019-09-18T17:57:36.280Z."""
    if value.tzinfo is not _UTC:  # only the fake's own UTC timestamps are worth remembering
        return _iso8601(value.astimezone(_UTC))
    text = _ISO_TEXTS.get(value)
    if text is None:
        if len(_ISO_TEXTS) >= _ISO_TEXTS_SIZE:
            _ISO_TEXTS.clear()
        text = _ISO_TEXTS[value] = value.isoformat(timespec="milliseconds")[:-6] + "Z"
    return text


def _timestamp(value: _dt.datetime, form: str) -> Any:
    if form == "iso8601":
        return _iso8601(value)
    if value.tzinfo is not _UTC:
        value = value.astimezone(_UTC)
    if form == "rfc822":
        return format_datetime(value, usegmt=True)
    return value.timestamp()


def _identity(value: Any) -> Any:
    return value


class _Compiler:
    """Builds encoders, once per shape (recursive shapes are resolved lazily)."""

    def __init__(self) -> None:
        self._done: dict[str, Encoder] = {}

    def encoder(self, shape: botocore.model.Shape) -> Encoder:
        key = shape.name
        if shape.type_name == "timestamp":  # the format is a trait of the member reference
            key += "|" + shape.serialization.get("timestampFormat", "")
        if key not in self._done:
            self._done[key] = lambda value: self._done[key](value)
            self._done[key] = getattr(self, f"_{shape.type_name}", lambda s: _identity)(shape)
        return self._done[key]

    def _structure(self, shape: botocore.model.StructureShape) -> Encoder:
        # Scalars (None here) are copied as they are: no call per string or number.
        members = [
            (name, member.serialization.get("name", name), self._member_encoder(member))
            for name, member in shape.members.items()
            if not member.serialization.get("location")
        ]

        def encode(value: dict[str, Any]) -> dict[str, Any]:
            document = {}
            for name, wire_name, encode_member in members:
                item = value.get(name)
                if item is not None:
                    document[wire_name] = item if encode_member is None else encode_member(item)
            return document

        return encode

    def _member_encoder(self, shape: botocore.model.Shape) -> Encoder | None:
        encoder = self.encoder(shape)
        return None if encoder is _identity else encoder

    def _list(self, shape: botocore.model.ListShape) -> Encoder:
        encode_member = self._member_encoder(shape.member)
        if encode_member is None:  # a list of scalars goes as it is
            return _identity
        return lambda value: [encode_member(item) for item in value]

    def _map(self, shape: botocore.model.MapShape) -> Encoder:
        encode_value = self._member_encoder(shape.value)
        if encode_value is None:
            return _identity
        return lambda value: {key: encode_value(item) for key, item in value.items()}

    def _timestamp(self, shape: botocore.model.Shape) -> Encoder:
        form = shape.serialization.get("timestampFormat", "unixTimestamp")
        if form == "iso8601":
            return _iso8601
        return functools.partial(_timestamp, form=form)

    def _blob(self, shape: botocore.model.Shape) -> Encoder:
        return lambda value: base64.b64encode(value).decode("ascii")


def _header_text(shape: botocore.model.Shape, value: Any) -> str:
    if shape.type_name == "timestamp":
        return str(_timestamp(value, shape.serialization.get("timestampFormat", "rfc822")))
    if shape.type_name == "boolean":
        return "true" if value else "false"
    return str(value)


# Request IDs need only be unique: a random prefix per process and a counter, cheaper than uuid4.
_PREFIX = str(uuid.uuid4())[:24]  # "xxxxxxxx-xxxx-xxxx-xxxx-": the counter is the last group
_COUNTER = itertools.count(1)


def _base_headers() -> dict[str, str]:
    request_id = _PREFIX + format(next(_COUNTER), "012x")
    return {"x-amzn-RequestId": request_id, "Content-Type": "application/json"}


def _json_default(value: Any) -> Any:
    # Models drift: chime-sdk-voice's FocDate is a timestamp in some botocore releases and a
    # string in others. Handlers give datetimes; where the model says string, the JSON encoder
    # meets the datetime here and sends the ISO 8601 text (no cost for ordinary strings).
    if isinstance(value, _dt.datetime):
        return _iso8601(value)
    raise TypeError(f"chime_mock: cannot send {type(value).__name__} {value!r} as JSON")


# Answers are trees built fresh for each call, so the cycle check has nothing to find.
_JSON = json.JSONEncoder(separators=(",", ":"), default=_json_default, check_circular=False)


def _json_writer(encoder: json.JSONEncoder) -> Callable[[Any], str]:
    """`encoder.encode`, built once. `encode` builds json's C encoder anew on every call, and
    that was a tenth of the work of a mocked call. Built with the arguments `encode` gives it
    (Python 3.10 to 3.13); where the C encoder is missing or takes other arguments, `encode`."""
    make_c_encoder = getattr(json.encoder, "c_make_encoder", None)
    try:
        c_encoder = make_c_encoder(  # type: ignore[misc]
            None,  # markers: no cycle check (check_circular=False)
            encoder.default,
            json.encoder.encode_basestring_ascii,  # ensure_ascii=True, as json.dumps
            None,  # indent
            encoder.key_separator,
            encoder.item_separator,
            encoder.sort_keys,
            encoder.skipkeys,
            encoder.allow_nan,
        )
    except TypeError:  # None, or another signature
        return encoder.encode
    return lambda document: "".join(c_encoder(document, 0))


_write_json = _json_writer(_JSON)


def _dumps(document: Any) -> bytes:
    return _write_json(document).encode()


class _Body:
    """Encodes one shape's values to JSON bytes, remembering the last answer it gave.

    Tests ask the same thing again and again (polling an order until it completes), and an
    answer equal to the last one is the same bytes: one comparison of two small dicts (in C)
    replaces walking the value and encoding it. Only the bytes are reused; every response still
    gets its own request ID and headers. Sound because handlers give every member in its model
    type (never 1 for True), so equal outputs encode alike, and outputs share nothing with
    records (operations/views.py), so the kept one cannot change after it was answered.
    """

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder
        self._last: tuple[Any, bytes] = (object(), b"")  # (value, its bytes): replaced whole

    def __call__(self, value: Any) -> bytes:
        last_value, last_body = self._last
        if value == last_value:
            return last_body
        body = _dumps(self._encoder(value))
        self._last = (value, body)
        return body


@functools.cache
def _output_plan(
    operation: botocore.model.OperationModel,
) -> tuple[list[tuple[str, botocore.model.Shape]], str | None, _Body | None]:
    """Header/status members, the payload member's name, and the body encoder."""
    shape = operation.output_shape
    if shape is None:
        return [], None, None
    located = [
        (name, member)
        for name, member in shape.members.items()
        if member.serialization.get("location") in ("header", "statusCode")
    ]
    payload = shape.serialization.get("payload")
    body_shape = shape.members[payload] if payload is not None else shape
    if body_shape.type_name != "structure":
        return located, payload, None
    return located, payload, _Body(_Compiler().encoder(body_shape))


def serialize_output(
    operation: botocore.model.OperationModel, output: dict[str, Any]
) -> HttpResponse:
    """The success response of `operation` for a handler's output dict (member name -> value)."""
    status = operation.http.get("responseCode", 200)
    headers = _base_headers()
    located, payload, body_of = _output_plan(operation)
    for name, member in located:
        if output.get(name) is None:
            continue
        if member.serialization["location"] == "header":
            headers[member.serialization.get("name", name)] = _header_text(member, output[name])
        else:
            status = int(output[name])
    if payload is not None:
        value = output.get(payload)
        if value is not None and body_of is not None:
            body = body_of(value)
        else:  # a blob or string payload goes as it is
            body = value if isinstance(value, bytes) else (value or "").encode()
    elif status == 204 or body_of is None:
        body = b""  # AWS sends no body with 204; botocore then parses the output as empty.
    else:
        body = body_of(output)
    return HttpResponse(status, headers, body)


def _error_code_member(shape: botocore.model.StructureShape, code: str) -> str | None:
    """Legacy Chime error shapes carry `Code`, an ErrorCode: BadRequestException -> BadRequest."""
    member = shape.members.get("Code")
    if member is None or not member.enum:
        return None
    short = code.removesuffix("Exception")
    for candidate in (short, short.removesuffix("Client")):
        if candidate in member.enum:
            return candidate
    return None


def serialize_error(model: botocore.model.ServiceModel, error: ServiceError) -> HttpResponse:
    """Modeled errors take their shape's status; others their own, or 400."""
    status = 400
    body: dict[str, Any] = {"Message": error.message}
    if error.code in model.shape_names:
        shape = model.shape_for(error.code)
        status = shape.metadata.get("error", {}).get("httpStatusCode", status)
        code_value = _error_code_member(shape, error.code)
        if code_value is not None:
            body = {"Code": code_value, **body}
    elif error.status is not None:
        status = error.status
    headers = _base_headers()
    headers[ERROR_TYPE_HEADER] = error.code
    return HttpResponse(status, headers, _dumps(body))
