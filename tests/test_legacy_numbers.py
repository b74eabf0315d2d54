"""The Business Calling numbers users hold, through a real boto3 client:
AssociatePhoneNumberWithUser and DisassociatePhoneNumberFromUser, the number's associations and
ListPhoneNumbers' filters (docs/behaviour.md, "Legacy Amazon Chime")."""

from __future__ import annotations

from typing import Any

import pytest

from chime_mock import ChimeMock
from tests.conftest import get_number, order_numbers
from tests.inventory_helpers import error_of
from tests.legacy_helpers import enterprise, invited, registered, team

NUMBER = "+12065550100"


@pytest.fixture
def account_id(chime: Any) -> str:
    return team(chime)


@pytest.fixture
def user_id(handle: ChimeMock, chime: Any, account_id: str) -> str:
    return registered(handle, chime, account_id)


def _business_calling(chime: Any, *numbers: str) -> None:
    order_numbers(chime, *(numbers or (NUMBER,)), ProductType="BusinessCalling")


def _refused(chime: Any, account_id: str, user_id: str, number: str) -> tuple[str, str]:
    """The error code and message of an AssociatePhoneNumberWithUser that must fail."""
    return error_of(
        chime.associate_phone_number_with_user,
        AccountId=account_id,
        UserId=user_id,
        E164PhoneNumber=number,
    )


def _associate(chime: Any, account_id: str, user_id: str, number: str = NUMBER) -> Any:
    return chime.associate_phone_number_with_user(
        AccountId=account_id, UserId=user_id, E164PhoneNumber=number
    )


def test_an_associated_number_is_assigned_to_the_account_and_the_user(
    chime: Any, account_id: str, user_id: str
) -> None:
    _business_calling(chime)
    answer = _associate(chime, account_id, user_id)
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    number = get_number(chime, NUMBER)
    assert number["Status"] == "Assigned"
    associations = number["Associations"]
    assert [(a["Name"], a["Value"]) for a in associations] == [
        ("AccountId", account_id),
        ("UserId", user_id),
    ]
    assert associations[0]["AssociatedTimestamp"] == associations[1]["AssociatedTimestamp"]
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert user["PrimaryProvisionedNumber"] == NUMBER


def test_list_phone_numbers_filters_by_account_and_by_user(
    handle: ChimeMock, chime: Any, account_id: str, user_id: str
) -> None:
    _business_calling(chime, NUMBER, "+12065550101")
    _associate(chime, account_id, user_id)
    for name, value in (("AccountId", account_id), ("UserId", user_id)):
        listed = chime.list_phone_numbers(FilterName=name, FilterValue=value)["PhoneNumbers"]
        assert [n["E164PhoneNumber"] for n in listed] == [NUMBER]
    assert chime.list_phone_numbers(FilterName="UserId", FilterValue="nobody")["PhoneNumbers"] == []


def test_disassociating_frees_the_number(chime: Any, account_id: str, user_id: str) -> None:
    _business_calling(chime)
    _associate(chime, account_id, user_id)
    answer = chime.disassociate_phone_number_from_user(AccountId=account_id, UserId=user_id)
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    number = get_number(chime, NUMBER)
    assert (number["Status"], number["Associations"]) == ("Unassigned", [])
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert "PrimaryProvisionedNumber" not in user


def test_a_user_without_a_number_has_none_to_disassociate(
    chime: Any, account_id: str, user_id: str
) -> None:
    code, _ = error_of(
        chime.disassociate_phone_number_from_user, AccountId=account_id, UserId=user_id
    )
    assert code == "NotFoundException"


def test_an_invited_user_who_has_not_registered_gets_no_number(chime: Any, account_id: str) -> None:
    _business_calling(chime)
    user_id = invited(chime, account_id, "new@example.com")
    code, message = _refused(chime, account_id, user_id, NUMBER)
    assert code == "BadRequestException"
    assert "Unregistered" in message
    assert get_number(chime, NUMBER)["Status"] == "Unassigned"


def test_only_a_business_calling_number_goes_to_a_user(
    chime: Any, account_id: str, user_id: str
) -> None:
    order_numbers(chime, NUMBER, ProductType="VoiceConnector")
    code, message = _refused(chime, account_id, user_id, NUMBER)
    assert code == "BadRequestException"
    assert "BusinessCalling" in message


def test_a_number_not_in_the_inventory_is_not_found(
    chime: Any, account_id: str, user_id: str
) -> None:
    code, _ = _refused(chime, account_id, user_id, NUMBER)
    assert code == "NotFoundException"


def test_a_user_holds_one_number(chime: Any, account_id: str, user_id: str) -> None:
    _business_calling(chime, NUMBER, "+12065550101")
    _associate(chime, account_id, user_id)
    _associate(chime, account_id, user_id)  # the same number again: nothing changes
    code, message = _refused(chime, account_id, user_id, "+12065550101")
    assert code == "BadRequestException"
    assert NUMBER in message
    assert get_number(chime, "+12065550101")["Status"] == "Unassigned"


def test_a_number_another_user_holds_is_refused(
    handle: ChimeMock, chime: Any, account_id: str, user_id: str
) -> None:
    _business_calling(chime)
    _associate(chime, account_id, user_id)
    other = registered(handle, chime, account_id, "other@example.com")
    code, _ = _refused(chime, account_id, other, NUMBER)
    assert code == "BadRequestException"
    assert (
        "PrimaryProvisionedNumber" not in chime.get_user(AccountId=account_id, UserId=other)["User"]
    )


def test_an_assigned_number_cannot_be_deleted_or_retyped(
    chime: Any, account_id: str, user_id: str
) -> None:
    _business_calling(chime)
    _associate(chime, account_id, user_id)
    assert error_of(chime.delete_phone_number, PhoneNumberId=NUMBER)[0] == "BadRequestException"
    errors = chime.batch_delete_phone_number(PhoneNumberIds=[NUMBER])["PhoneNumberErrors"]
    assert [e["ErrorCode"] for e in errors] == ["PhoneNumberAssociationsExist"]
    code, _ = error_of(
        chime.update_phone_number, PhoneNumberId=NUMBER, ProductType="VoiceConnector"
    )
    assert code in ("BadRequestException", "ConflictException")
    assert get_number(chime, NUMBER)["ProductType"] == "BusinessCalling"


def test_suspending_a_team_user_frees_the_number(chime: Any, account_id: str, user_id: str) -> None:
    _business_calling(chime)
    _associate(chime, account_id, user_id)
    chime.batch_suspend_user(AccountId=account_id, UserIdList=[user_id])
    assert get_number(chime, NUMBER)["Status"] == "Unassigned"
    user = chime.get_user(AccountId=account_id, UserId=user_id)["User"]
    assert "PrimaryProvisionedNumber" not in user


def test_suspending_an_lwa_user_keeps_the_number(handle: ChimeMock, chime: Any) -> None:
    account_id = enterprise(handle)
    user_id = registered(handle, chime, account_id)
    _business_calling(chime)
    _associate(chime, account_id, user_id)
    chime.batch_suspend_user(AccountId=account_id, UserIdList=[user_id])
    assert get_number(chime, NUMBER)["Status"] == "Assigned"


def test_deleting_an_account_frees_its_users_numbers(handle: ChimeMock, chime: Any) -> None:
    account_id = enterprise(handle, domains=())
    user_id = registered(handle, chime, account_id)
    _business_calling(chime)
    _associate(chime, account_id, user_id)
    chime.delete_account(AccountId=account_id)
    number = get_number(chime, NUMBER)
    assert (number["Status"], number["Associations"]) == ("Unassigned", [])


def test_a_user_of_another_account_gets_no_number(handle: ChimeMock, chime: Any) -> None:
    first, second = team(chime, "First"), team(chime, "Second")
    user_id = registered(handle, chime, first)
    _business_calling(chime)
    code, _ = _refused(chime, second, user_id, NUMBER)
    assert code == "NotFoundException"
    assert get_number(chime, NUMBER)["Status"] == "Unassigned"
