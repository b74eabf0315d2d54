"""Input the validator must survive: huge values, and every pattern the installed models carry."""

from __future__ import annotations

import re
import time
from typing import Any

import boto3
import botocore.exceptions
import pytest

from chime_mock import mock_chime
from chime_mock.errors import ServiceError
from chime_mock.protocol.models import MOCKED_SERVICES, service_model
from chime_mock.protocol.validation import smithy_pattern, validate
from tests.conftest import UNSAFE

pytestmark = pytest.mark.disable_socket


@pytest.mark.parametrize("pattern", [r".*\S.*", r".+@.+\..+", r".*", r".+", r".*?a", r".*a|b"])
@pytest.mark.parametrize("text", ["", " ", "\n", "a", " a ", "\n\nb", "x@y.z", "@y.z", "x@y"])
def test_a_dropped_leading_wildcard_matches_the_same_values(pattern: str, text: str) -> None:
    plain = re.compile(pattern, re.ASCII)
    assert (smithy_pattern(pattern).search(text) is None) is (plain.search(text) is None)


def test_a_100_000_character_blank_id_is_rejected_at_once() -> None:
    # `.*\S.*` searched naively costs ~40 s on this value; the mock's search takes milliseconds.
    with mock_chime():
        client = boto3.client("chime-sdk-voice", region_name="us-east-1", config=UNSAFE)
        started = time.perf_counter()
        with pytest.raises(client.exceptions.BadRequestException) as caught:
            client.get_phone_number(PhoneNumberId=" " * 100_000)
        elapsed = time.perf_counter() - started
    assert "regular expression pattern" in caught.value.response["Error"]["Message"]
    assert elapsed < 5, f"the pattern search took {elapsed:.1f} s"


@pytest.mark.parametrize("service", sorted(MOCKED_SERVICES))
def test_every_operation_of_the_installed_models_can_be_validated(service: str) -> None:
    # Operations mocked later reuse this validator: none may fail on its own model's shapes.
    model = service_model(service)
    for name in model.operation_names:
        try:
            validate(model.operation_model(name), {})
        except ServiceError as error:
            assert error.code == "BadRequestException"


def test_a_number_list_of_thousands_of_repeats_is_one_bad_request(voice: Any) -> None:
    unsafe = boto3.client("chime-sdk-voice", region_name="us-east-1", config=UNSAFE)
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        unsafe.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"] * 5000
        )
    assert caught.value.response["Error"]["Code"] == "BadRequestException"
    assert voice.list_phone_number_orders()["PhoneNumberOrders"] == []


def test_the_one_unreadable_model_pattern_is_the_only_one_left_unenforced() -> None:
    # docs/behaviour.md names it; a new model pattern Python cannot read must be looked at, not
    # silently skipped.
    unreadable = set()
    for service in sorted(MOCKED_SERVICES):
        model = service_model(service)
        for name in model.shape_names:
            pattern = model.shape_for(name).metadata.get("pattern")
            if pattern is None:
                continue
            try:
                smithy_pattern(pattern)
            except re.error:
                unreadable.add((service, name, pattern))
    assert unreadable == {("chime-sdk-voice", "ClientRequestId", "^[-_a-zA-Z0-9]*${2,64}$")}
