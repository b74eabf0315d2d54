"""Turn an operation's output, or an error, into the HTTP response the real service would send.

One function per shape type, driven by the installed model: members the model does not have are
not sent (so a handler may describe everything the newest model knows), absent or None members are
omitted, timestamps take the member's `timestampFormat`.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
import uuid
from email.utils import format_datetime
from typing import Any

import botocore.model

from chime_mock.errors import ServiceError
from chime_mock.protocol.http import HttpResponse

ERROR_TYPE_HEADER = "x-amzn-ErrorType"  # where botocore reads an error's code first


def _timestamp(value: _dt.datetime, form: str) -> Any:
    value = value.astimezone(_dt.timezone.utc)
    if form == "iso8601":
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if form == "rfc822":
        return format_datetime(value, usegmt=True)
    return value.timestamp()


def _structure(shape: botocore.model.StructureShape, value: dict[str, Any]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for name, member in shape.members.items():
        item = value.get(name)
        if item is None or member.serialization.get("location"):
            continue
        document[member.serialization.get("name", name)] = _value(member, item)
    return document


def _value(shape: botocore.model.Shape, value: Any) -> Any:
    type_name = shape.type_name
    if type_name == "structure":
        return _structure(shape, value)
    if type_name == "list":
        return [_value(shape.member, item) for item in value]
    if type_name == "map":
        return {key: _value(shape.value, item) for key, item in value.items()}
    if type_name == "timestamp":
        return _timestamp(value, shape.serialization.get("timestampFormat", "unixTimestamp"))
    if type_name == "blob":
        return base64.b64encode(value).decode("ascii")
    return value


def _header_text(shape: botocore.model.Shape, value: Any) -> str:
    if shape.type_name == "timestamp":
        return str(_timestamp(value, shape.serialization.get("timestampFormat", "rfc822")))
    if shape.type_name == "boolean":
        return "true" if value else "false"
    return str(value)


def _base_headers() -> dict[str, str]:
    return {"x-amzn-RequestId": str(uuid.uuid4()), "Content-Type": "application/json"}


def serialize_output(
    operation: botocore.model.OperationModel, output: dict[str, Any]
) -> HttpResponse:
    status = operation.http.get("responseCode", 200)
    headers = _base_headers()
    shape = operation.output_shape
    if shape is None:
        return HttpResponse(status, headers, b"")
    for name, member in shape.members.items():
        location = member.serialization.get("location")
        if output.get(name) is None:
            continue
        if location == "header":
            headers[member.serialization.get("name", name)] = _header_text(member, output[name])
        elif location == "statusCode":
            status = int(output[name])
    payload = shape.serialization.get("payload")
    if payload is not None:
        member = shape.members[payload]
        if output.get(payload) is None:
            body = b""
        elif member.type_name == "structure":
            body = json.dumps(_structure(member, output[payload]), separators=(",", ":")).encode()
        else:
            body = output[payload]
    elif status == 204:
        body = b""  # AWS sends no body with 204; botocore then parses the output as empty.
    else:
        body = json.dumps(_structure(shape, output), separators=(",", ":")).encode()
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
    return HttpResponse(status, headers, json.dumps(body, separators=(",", ":")).encode())
