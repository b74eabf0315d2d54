"""Phone numbers put to work: associations with Voice Connectors and groups."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from tests.inventory_helpers import error_of
from tests.voice_helpers import connector, group, numbers, phone_number

A, B, C = "+12065550100", "+12065550101", "+12065550102"


def _associate(voice: Any, connector_id: str, *e164s: str, **extra: Any) -> list[dict[str, Any]]:
    answer = voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=connector_id, E164PhoneNumbers=list(e164s), **extra
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    return answer["PhoneNumberErrors"]  # type: ignore[no-any-return]


def _error_codes(errors: list[dict[str, Any]]) -> dict[str, str]:
    """Each error's code by its number in E.164 form; each names the number by its ID, as
    GetPhoneNumber does (`%2B12065550100`)."""
    assert all(error["PhoneNumberId"].startswith("%2B") for error in errors), errors
    return {unquote(error["PhoneNumberId"]): error["ErrorCode"] for error in errors}


def test_an_associated_number_is_assigned_with_one_association(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    assert _associate(voice, made, A) == []
    number = phone_number(voice, A)
    assert number["Status"] == "Assigned"
    [association] = number["Associations"]
    assert (association["Name"], association["Value"]) == ("VoiceConnectorId", made)
    assert association["AssociatedTimestamp"] == number["UpdatedTimestamp"]


def test_disassociating_makes_the_number_unassigned_with_no_associations(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    _associate(voice, made, A)
    answer = voice.disassociate_phone_numbers_from_voice_connector(
        VoiceConnectorId=made, E164PhoneNumbers=[A]
    )
    assert answer["PhoneNumberErrors"] == []
    number = phone_number(voice, A)
    assert (number["Status"], number["Associations"]) == ("Unassigned", [])


def test_one_bad_number_never_fails_the_batch(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    numbers(voice, B, product_type="SipMediaApplicationDialIn")
    errors = _associate(voice, made, A, B, "+12065550199")
    assert _error_codes(errors) == {B: "BadRequest", "+12065550199": "NotFound"}
    assert phone_number(voice, A)["Status"] == "Assigned"
    assert phone_number(voice, B)["Status"] == "Unassigned"


def test_a_number_associated_elsewhere_is_refused_unless_forced(voice: Any) -> None:
    first, second = (
        connector(voice, "a")["VoiceConnectorId"],
        connector(voice, "b")["VoiceConnectorId"],
    )
    numbers(voice, A)
    _associate(voice, first, A)
    assert _error_codes(_associate(voice, second, A)) == {A: "PhoneNumberAssociationsExist"}
    assert phone_number(voice, A)["Associations"][0]["Value"] == first
    assert _associate(voice, second, A, ForceAssociate=True) == []
    [association] = phone_number(voice, A)["Associations"]
    assert association["Value"] == second


def test_a_number_of_a_group_is_refused_with_the_group_code(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    grouped = group(voice)["VoiceConnectorGroupId"]
    numbers(voice, A)
    voice.associate_phone_numbers_with_voice_connector_group(
        VoiceConnectorGroupId=grouped, E164PhoneNumbers=[A]
    )
    [association] = phone_number(voice, A)["Associations"]
    assert (association["Name"], association["Value"]) == ("VoiceConnectorGroupId", grouped)
    assert _error_codes(_associate(voice, made, A)) == {A: "VoiceConnectorGroupAssociationsExist"}


def test_associating_with_the_same_connector_again_changes_nothing(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    _associate(voice, made, A)
    assert _associate(voice, made, A) == []
    assert len(phone_number(voice, A)["Associations"]) == 1


def test_disassociating_a_number_not_associated_there_is_a_per_number_error(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    errors = voice.disassociate_phone_numbers_from_voice_connector(
        VoiceConnectorId=made, E164PhoneNumbers=[A, "+12065550199"]
    )["PhoneNumberErrors"]
    assert _error_codes(errors) == {A: "BadRequest", "+12065550199": "NotFound"}


def test_an_unknown_connector_or_group_fails_the_whole_call(voice: Any) -> None:
    numbers(voice, A)
    code, _ = error_of(
        voice.associate_phone_numbers_with_voice_connector,
        VoiceConnectorId="abcdef1ghij2klmno3pqr4",
        E164PhoneNumbers=[A],
    )
    assert code == "NotFoundException"
    code, _ = error_of(
        voice.associate_phone_numbers_with_voice_connector_group,
        VoiceConnectorGroupId="6f1b9e0a-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
        E164PhoneNumbers=[A],
    )
    assert code == "NotFoundException"
    assert phone_number(voice, A)["Status"] == "Unassigned"


def test_an_empty_batch_is_a_bad_request(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    code, _ = error_of(
        voice.associate_phone_numbers_with_voice_connector,
        VoiceConnectorId=made,
        E164PhoneNumbers=[],
    )
    assert code == "BadRequestException"


def test_list_phone_numbers_filters_by_connector_and_group(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    grouped = group(voice)["VoiceConnectorGroupId"]
    numbers(voice, A, B, C)
    _associate(voice, made, A, C)
    voice.associate_phone_numbers_with_voice_connector_group(
        VoiceConnectorGroupId=grouped, E164PhoneNumbers=[B]
    )

    def filtered(name: str, value: str) -> list[str]:
        listed = voice.list_phone_numbers(FilterName=name, FilterValue=value)["PhoneNumbers"]
        return [number["E164PhoneNumber"] for number in listed]

    assert filtered("VoiceConnectorId", made) == [A, C]
    assert filtered("VoiceConnectorGroupId", grouped) == [B]


def test_an_associated_number_cannot_be_deleted(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    _associate(voice, made, A)
    assert error_of(voice.delete_phone_number, PhoneNumberId=A)[0] == "BadRequestException"
    errors = voice.batch_delete_phone_number(PhoneNumberIds=[A])["PhoneNumberErrors"]
    assert _error_codes(errors) == {A: "PhoneNumberAssociationsExist"}
    assert phone_number(voice, A)["Status"] == "Assigned"


def test_an_associated_numbers_product_type_cannot_change(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    _associate(voice, made, A)
    code, message = error_of(
        voice.update_phone_number, PhoneNumberId=A, ProductType="SipMediaApplicationDialIn"
    )
    assert code == "ConflictException"
    assert "disassociate" in message
    errors = voice.batch_update_phone_number(
        UpdatePhoneNumberRequestItems=[
            {"PhoneNumberId": A, "ProductType": "SipMediaApplicationDialIn"}
        ]
    )["PhoneNumberErrors"]
    assert _error_codes(errors) == {A: "Conflict"}
    assert phone_number(voice, A)["ProductType"] == "VoiceConnector"


def test_an_associated_number_can_still_be_renamed(voice: Any) -> None:
    made = connector(voice)["VoiceConnectorId"]
    numbers(voice, A)
    _associate(voice, made, A)
    voice.update_phone_number(PhoneNumberId=A, Name="front desk")
    assert phone_number(voice, A)["Status"] == "Assigned"


def test_a_number_still_being_acquired_cannot_be_associated(handle: Any) -> None:
    import boto3

    from chime_mock import mock_chime

    with mock_chime(processing_delay=None):
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        made = connector(voice)["VoiceConnectorId"]
        numbers(voice, A)
        assert _error_codes(_associate(voice, made, A)) == {A: "PreconditionFailed"}
