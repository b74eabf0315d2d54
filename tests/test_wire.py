"""What crosses the wire: the exact bytes, status codes and headers the real services send."""

from __future__ import annotations

import json
import re
from typing import Any

import boto3
import botocore.exceptions
import pytest
from botocore.config import Config

from chime_mock import ChimeMock
from chime_mock.backend import Backend
from chime_mock.backend.phone_numbers.inventory import get_number
from chime_mock.backend.phone_numbers.orders import complete_order
from chime_mock.dispatch import dispatch
from chime_mock.protocol.http import HttpRequest
from tests.conftest import authorization, order_numbers


def _call(
    backend: Backend, service: str, method: str, path: str, body: Any = None, query: str = ""
) -> Any:
    raw = json.dumps(body).encode() if body is not None else b""
    request = HttpRequest(method, path, query, {"authorization": authorization()}, raw)
    return dispatch(backend, service, request)


def test_timestamps_are_iso8601_with_milliseconds_and_z() -> None:
    backend = Backend()
    answer = _call(
        backend,
        "chime",
        "POST",
        "/phone-number-orders",
        {"ProductType": "BusinessCalling", "E164PhoneNumbers": ["+12065550100"]},
    )
    assert answer.status == 201
    order = json.loads(answer.body)["PhoneNumberOrder"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", order["CreatedTimestamp"])
    assert "FocDate" not in order and "OrderType" not in order


def test_errors_carry_the_error_type_header_and_a_message() -> None:
    answer = _call(
        Backend(), "chime", "GET", "/phone-number-orders/00000000-0000-0000-0000-000000000000"
    )
    assert answer.status == 404
    assert answer.headers["x-amzn-ErrorType"] == "NotFoundException"
    assert json.loads(answer.body) == {
        "Code": "NotFound",
        "Message": "Phone number order 00000000-0000-0000-0000-000000000000 not found",
    }


def test_voice_errors_have_no_code_member_as_its_model_has_none() -> None:
    answer = _call(Backend(), "chime-sdk-voice", "GET", "/phone-number-orders/not-a-guid")
    assert answer.status == 400
    assert set(json.loads(answer.body)) == {"Message"}


def test_malformed_json_is_a_bad_request() -> None:
    request = HttpRequest("POST", "/phone-number-orders", "", {}, b"{not json")
    answer = dispatch(Backend(), "chime-sdk-voice", request)
    assert answer.status == 400
    assert "json" in json.loads(answer.body)["Message"]


def test_wrong_json_types_are_bad_requests() -> None:
    answer = _call(
        Backend(),
        "chime-sdk-voice",
        "POST",
        "/phone-number-orders",
        {"ProductType": 5, "E164PhoneNumbers": "+12065550100"},
    )
    assert answer.status == 400
    message = json.loads(answer.body)["Message"]
    assert "ProductType" in message and "type string" in message
    assert "E164PhoneNumbers" in message and "type list" in message


def test_an_unknown_path_names_what_was_asked() -> None:
    answer = _call(Backend(), "chime-sdk-voice", "GET", "/nowhere")
    assert answer.status == 404
    assert "GET /nowhere" in json.loads(answer.body)["Message"]


def test_a_wrong_method_names_the_allowed_ones() -> None:
    answer = _call(Backend(), "chime-sdk-voice", "PATCH", "/phone-number-orders")
    assert "GET, POST" in json.loads(answer.body)["Message"]


def test_a_mock_bug_is_answered_as_service_failure(
    monkeypatch: pytest.MonkeyPatch, handle: ChimeMock
) -> None:
    from chime_mock.operations import mocked

    def broken(call: Any, params: Any) -> Any:
        raise KeyError("oops")

    monkeypatch.setitem(mocked("chime-sdk-voice"), "ListPhoneNumberOrders", broken)
    # No retries: botocore would otherwise sleep through its back-off before the error shows.
    no_retries = Config(retries={"max_attempts": 0})
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1", config=no_retries)
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        voice.list_phone_number_orders()
    assert caught.value.response["Error"]["Code"] == "ServiceFailureException"
    assert caught.value.response["ResponseMetadata"]["RetryAttempts"] == 0
    assert "chime_mock: internal error" in caught.value.response["Error"]["Message"]


def test_request_ids_are_returned(client: Any) -> None:
    response = client.list_phone_number_orders()
    assert re.fullmatch(r"[0-9a-f-]{36}", response["ResponseMetadata"]["RequestId"])


def test_legacy_error_code_member_is_parsed_by_botocore(chime: Any) -> None:
    order_numbers(chime, "+12065550100")
    with pytest.raises(chime.exceptions.NotFoundException) as caught:
        chime.get_phone_number(PhoneNumberId="+12065550101")
    assert caught.value.response["Code"] == "NotFound"


def _get_order(backend: Backend, order_id: str) -> Any:
    return _call(backend, "chime-sdk-voice", "GET", f"/phone-number-orders/{order_id}")


def _create_order(backend: Backend, number: str) -> str:
    answer = _call(
        backend,
        "chime-sdk-voice",
        "POST",
        "/phone-number-orders",
        {"ProductType": "VoiceConnector", "E164PhoneNumbers": [number]},
    )
    order_id: str = json.loads(answer.body)["PhoneNumberOrder"]["PhoneNumberOrderId"]
    return order_id


def test_an_unchanged_answer_reuses_its_bytes_but_gets_its_own_request_id() -> None:
    backend = Backend()
    order_id = _create_order(backend, "+12065550100")
    first, second = _get_order(backend, order_id), _get_order(backend, order_id)
    assert second.body is first.body
    assert second.headers["x-amzn-RequestId"] != first.headers["x-amzn-RequestId"]


def test_an_answer_that_changed_is_encoded_again() -> None:
    from chime_mock import clock

    backend = Backend(processing_delay=None)
    order_id = _create_order(backend, "+12065550100")
    other_id = _create_order(backend, "+12065550101")
    processing = json.loads(_get_order(backend, order_id).body)["PhoneNumberOrder"]
    assert processing["Status"] == "Processing"
    with backend.lock:
        complete_order(backend, order_id, (), clock.now())
    for _ in range(2):  # alternating between two orders: each answer is its own order's
        done = json.loads(_get_order(backend, order_id).body)["PhoneNumberOrder"]
        other = json.loads(_get_order(backend, other_id).body)["PhoneNumberOrder"]
        assert (done["PhoneNumberOrderId"], done["Status"]) == (order_id, "Successful")
        assert (other["PhoneNumberOrderId"], other["Status"]) == (other_id, "Processing")


def test_timestamp_texts_are_utc_whatever_the_zone_and_their_memory_stays_bounded() -> None:
    import datetime as dt

    from chime_mock.protocol import serialization

    utc = dt.datetime(2019, 9, 18, 17, 57, 36, 280000, tzinfo=dt.timezone.utc)
    eastern = utc.astimezone(dt.timezone(dt.timedelta(hours=-4)))
    assert serialization._iso8601(eastern) == "2019-09-18T17:57:36.280Z"
    assert serialization._iso8601(utc) == "2019-09-18T17:57:36.280Z"
    assert serialization._iso8601(utc) == "2019-09-18T17:57:36.280Z"  # remembered
    for second in range(serialization._ISO_TEXTS_SIZE + 10):
        serialization._iso8601(utc + dt.timedelta(seconds=second))
    assert 0 < len(serialization._ISO_TEXTS) <= serialization._ISO_TEXTS_SIZE


def test_the_json_writer_writes_what_json_encode_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from chime_mock.protocol import serialization

    document = {
        "Name": 'caf\u00e9 \U0001f4de "quoted" \\ back',
        "Numbers": [1, -2, 3.5, 1e300, True, False, None],
        "Nested": {"FocDate": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)},
    }
    expected = serialization._JSON.encode(document)
    assert serialization._json_writer(serialization._JSON)(document) == expected
    assert '"FocDate":"2026-01-02T03:04:05.000Z"' in expected
    monkeypatch.setattr(json.encoder, "c_make_encoder", None)  # a Python without the accelerator
    assert serialization._json_writer(serialization._JSON)(document) == expected


def test_a_record_changed_in_place_after_an_answer_answers_anew() -> None:
    # The serializer keeps the last output to compare with: views must not share the record's
    # own dicts and lists, or the kept output would change with the record and look equal.
    import datetime as dt

    from chime_mock.backend import Scope
    from chime_mock.backend.phone_numbers.records import Association

    backend = Backend()
    _create_order(backend, "+12065550100")
    scope = Scope.of("chime-sdk-voice", "123456789012", "us-east-1")
    number = get_number(backend, scope, "+12065550100")
    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    number.associations.append(Association("VoiceConnectorId", "abc", when))

    def associations() -> Any:
        answer = _call(backend, "chime-sdk-voice", "GET", "/phone-numbers/%2B12065550100")
        return json.loads(answer.body)["PhoneNumber"]["Associations"]

    assert associations()[0]["Value"] == "abc"
    number.associations[0] = Association("VoiceConnectorId", "def", when)
    assert associations()[0]["Value"] == "def"
