"""Unit tests of the model-driven validator: Smithy's pattern semantics and the message format."""

from __future__ import annotations

import pytest

from chime_mock.errors import ServiceError
from chime_mock.protocol.models import service_model
from chime_mock.protocol.validation import smithy_pattern, validate


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        (r"^\+?[1-9]\d{1,14}$", "+12065550100", True),
        (r"^\+?[1-9]\d{1,14}$", "+12065550100\n", False),  # Python's $ would accept this
        (
            r"^\+?[1-9]\d{1,14}$",
            "+1\uff12\uff10\uff16",
            False,
        ),  # non-ASCII digits are not \d in Smithy
        (r"[A-Z]{2}", "xUSx", True),  # Smithy patterns are searched, not anchored
        (r".*\S.*", "   ", False),
        (r"[$]", "$", True),  # a $ inside a class stays literal
    ],
)
def test_patterns_have_smithy_meaning(pattern: str, text: str, matches: bool) -> None:
    assert (smithy_pattern(pattern).search(text) is not None) is matches


def _create_errors(params: dict[str, object]) -> str:
    operation = service_model("chime-sdk-voice").operation_model("CreatePhoneNumberOrder")
    with pytest.raises(ServiceError) as caught:
        validate(operation, params)
    assert caught.value.code == "BadRequestException"
    return caught.value.message


def test_missing_required_members_are_named() -> None:
    message = _create_errors({})
    assert message.startswith("2 validation errors detected")
    assert "at 'ProductType' failed to satisfy constraint: Member must not be null" in message


def test_sensitive_values_are_not_echoed() -> None:
    message = _create_errors({"ProductType": "VoiceConnector", "E164PhoneNumbers": ["secret-ish"]})
    assert "secret-ish" not in message
    assert "E164PhoneNumbers.1.member" in message


def test_non_sensitive_values_are_echoed() -> None:
    message = _create_errors({"ProductType": "Bogus", "E164PhoneNumbers": ["+12065550100"]})
    assert "Value 'Bogus' at 'ProductType'" in message


def test_a_flood_of_errors_lists_ten_and_counts_the_rest() -> None:
    message = _create_errors({"ProductType": "VoiceConnector", "E164PhoneNumbers": ["x"] * 25})
    assert message.startswith("25 validation errors detected")
    assert message.endswith("and 15 more")


def test_booleans_are_not_integers() -> None:
    operation = service_model("chime-sdk-voice").operation_model("ListPhoneNumberOrders")
    with pytest.raises(ServiceError, match="type integer"):
        validate(operation, {"MaxResults": True})
