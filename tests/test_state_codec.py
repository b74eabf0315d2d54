"""The state codec writes and reads any record by its declared types (fast unit tests)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from chime_mock.backend import Scope
from chime_mock.backend.state.codec import CodecError, decode, encode

WHEN = dt.datetime(2026, 3, 1, 9, 30, 0, 123456, tzinfo=dt.timezone.utc)


@dataclass
class Inner:
    at: dt.datetime
    tags: frozenset[str] = frozenset()


@dataclass
class Everything:
    name: str
    count: int
    ratio: float
    flag: bool
    wait: dt.timedelta
    seen: set[str]
    pair: tuple[int, ...]
    by_scope: dict[Scope, list[str]]
    by_name: dict[str, Inner]
    inner: Inner | None
    loose: dict[str, object] = field(default_factory=dict)
    missing: str | None = None


def _sample() -> Everything:
    scope = Scope("chime-sdk-voice", "123456789012", "us-east-1")
    return Everything(
        name="x",
        count=3,
        ratio=0.5,
        flag=True,
        wait=dt.timedelta(days=7, microseconds=5),
        seen={"b", "a"},
        pair=(1, 2),
        by_scope={scope: ["+12065550100"], Scope("chime", "111122223333", None): []},
        by_name={"first": Inner(WHEN, frozenset({"z", "y"}))},
        inner=Inner(WHEN),
        loose={"when": WHEN, "list": [1, "two", None], "nested": {"ok": True}},
    )


def test_a_record_survives_the_round_trip_through_json_text() -> None:
    data = json.loads(json.dumps(encode(_sample(), Everything)))
    assert decode(data, Everything, "record") == _sample()


def test_sets_are_written_sorted() -> None:
    assert encode(_sample(), Everything)["seen"] == ["a", "b"]


def test_datetimes_are_written_in_iso_8601_with_their_offset_utc_as_z() -> None:
    assert encode(WHEN, dt.datetime) == "2026-03-01T09:30:00.123456Z"
    paris = WHEN.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert encode(paris, dt.datetime) == "2026-03-01T10:30:00.123456+01:00"


@pytest.mark.parametrize(
    "text", ["2026-03-01T09:30:00.123456Z", "2026-03-01T09:30:00.123456+00:00"]
)
def test_utc_is_read_as_z_and_as_an_offset(text: str) -> None:
    assert decode(text, dt.datetime, "when") == WHEN


def test_a_field_with_a_default_may_be_absent() -> None:
    data = encode(_sample(), Everything)
    del data["missing"], data["loose"]
    assert decode(data, Everything, "record").loose == {}


def test_a_bad_value_is_reported_with_its_path() -> None:
    data = encode(_sample(), Everything)
    data["by_name"]["first"]["tags"] = "z"
    with pytest.raises(CodecError, match=r"^record\.by_name\.first\.tags: expected a list"):
        decode(data, Everything, "record")


@pytest.mark.parametrize("value", [True, 1.5, "3"])
def test_a_whole_number_must_be_one(value: Any) -> None:
    with pytest.raises(CodecError, match="expected a whole number"):
        decode(value, int, "count")


def test_an_unsupported_declared_type_is_a_programming_error() -> None:
    with pytest.raises(TypeError, match="cannot write"):
        encode(b"bytes", bytes)


def test_the_compiled_codec_writes_and_reads_what_the_reference_does() -> None:
    from chime_mock.backend.state.codec import _decode, _decoder, _encode, _encoder

    sample = _sample()
    written = _encoder(Everything)(sample)
    assert written == _encode(sample, Everything)
    text = json.loads(json.dumps(written))
    assert _decoder(Everything)(text) == _decode(text, Everything, "x") == sample


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", 1), ("count", True), ("count", 1.5), ("flag", 1), ("seen", "a"), ("inner", 3)],
)
def test_the_compiled_decoder_refuses_what_the_reference_refuses(field: str, value: Any) -> None:
    from chime_mock.backend.state.codec import _decoder

    document = json.loads(json.dumps(encode(_sample(), Everything)))
    document[field] = value
    with pytest.raises(Exception):  # noqa: B017 - any refusal: decode asks the reference
        _decoder(Everything)(document)
    with pytest.raises(CodecError, match=field):
        decode(document, Everything, "x")
