"""CreateSipMediaApplicationCall / UpdateSipMediaApplicationCall through real boto3 clients, and
what `handle.sip_media_applications` shows of them."""

from __future__ import annotations

import re
from typing import Any

import boto3
import pytest

from chime_mock import ChimeMock, mock_chime
from tests.inventory_helpers import error_of
from tests.sip_helpers import application, declared, dial_in
from tests.voice_helpers import numbers

UUID = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"


def _place(voice: Any, application_id: str, **extra: Any) -> str:
    answer = voice.create_sip_media_application_call(
        SipMediaApplicationId=application_id,
        FromPhoneNumber=extra.pop("FromPhoneNumber", "+12065550100"),
        ToPhoneNumber=extra.pop("ToPhoneNumber", "+12065550199"),
        **extra,
    )
    return answer["SipMediaApplicationCall"]["TransactionId"]  # type: ignore[no-any-return]


def _refused(voice: Any, application_id: str, **extra: Any) -> tuple[str, str]:
    """The error code and message of a CreateSipMediaApplicationCall that must fail."""
    return error_of(
        voice.create_sip_media_application_call,
        SipMediaApplicationId=application_id,
        FromPhoneNumber=extra.pop("FromPhoneNumber", "+12065550100"),
        ToPhoneNumber=extra.pop("ToPhoneNumber", "+12065550199"),
        **extra,
    )


@pytest.fixture
def application_id(voice: Any) -> str:
    dial_in(voice, "+12065550100")
    return application(voice)["SipMediaApplicationId"]  # type: ignore[no-any-return]


def test_a_call_answers_201_with_a_transaction_id(voice: Any, application_id: str) -> None:
    answer = voice.create_sip_media_application_call(
        SipMediaApplicationId=application_id,
        FromPhoneNumber="+12065550100",
        ToPhoneNumber="+12065550199",
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert re.fullmatch(UUID, answer["SipMediaApplicationCall"]["TransactionId"])


def test_the_handle_shows_the_calls_placed(
    voice: Any, handle: ChimeMock, application_id: str
) -> None:
    transaction_id = _place(
        voice,
        application_id,
        SipHeaders={"X-Case": "1234"},
        ArgumentsMap={"language": "en-US"},
    )
    [call] = handle.sip_media_applications.calls()
    assert call.transaction_id == transaction_id
    assert call.sip_media_application_id == application_id
    assert (call.from_phone_number, call.to_phone_number) == ("+12065550100", "+12065550199")
    assert call.sip_headers == {"X-Case": "1234"}
    assert call.arguments == {"language": "en-US"}
    assert call.ended is None and call.updates == ()


def test_the_handle_shows_each_update_of_a_call(
    voice: Any, handle: ChimeMock, application_id: str
) -> None:
    transaction_id = _place(voice, application_id)
    for step in ("menu", "transfer"):
        answer = voice.update_sip_media_application_call(
            SipMediaApplicationId=application_id,
            TransactionId=transaction_id,
            Arguments={"step": step},
        )
        assert answer["ResponseMetadata"]["HTTPStatusCode"] == 202
        assert answer["SipMediaApplicationCall"]["TransactionId"] == transaction_id
    [call] = handle.sip_media_applications.calls()
    assert [update.arguments for update in call.updates] == [{"step": "menu"}, {"step": "transfer"}]


def test_the_handles_calls_are_a_snapshot(
    voice: Any, handle: ChimeMock, application_id: str
) -> None:
    transaction_id = _place(voice, application_id)
    before = handle.sip_media_applications.calls()
    voice.update_sip_media_application_call(
        SipMediaApplicationId=application_id, TransactionId=transaction_id, Arguments={"a": "b"}
    )
    assert before[0].updates == ()


def test_the_handle_filters_calls_by_application(voice: Any, handle: ChimeMock) -> None:
    dial_in(voice, "+12065550100")
    first = application(voice)["SipMediaApplicationId"]
    second = application(voice, "other")["SipMediaApplicationId"]
    _place(voice, first)
    kept = _place(voice, second)
    calls = handle.sip_media_applications.calls(second)
    assert [call.transaction_id for call in calls] == [kept]
    assert len(handle.sip_media_applications.calls()) == 2


def test_the_handle_reads_another_region(handle: ChimeMock) -> None:
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    dial_in(west, "+12065550100")
    transaction_id = _place(west, application(west)["SipMediaApplicationId"])
    assert handle.sip_media_applications.calls() == []
    [call] = handle.sip_media_applications.calls(region="us-west-2")
    assert call.transaction_id == transaction_id


def test_a_call_must_come_from_a_dial_in_number(voice: Any) -> None:
    numbers(voice, "+12065550101")  # a VoiceConnector number
    application_id = application(voice)["SipMediaApplicationId"]
    code, message = _refused(voice, application_id, FromPhoneNumber="+12065550101")
    assert code == "BadRequestException"
    assert "SipMediaApplicationDialIn" in message


def test_a_call_must_come_from_a_number_of_the_account(voice: Any, application_id: str) -> None:
    code, message = _refused(voice, application_id, FromPhoneNumber="+12065550177")
    assert code == "BadRequestException"
    assert "+12065550177" in message


def test_a_call_of_an_unknown_application_is_refused(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    code, _ = _refused(voice, "d95bf7c0-6ae3-436f-9831-c5c362884b97")
    # NotFoundException where the model declares it on the operation, else 400.
    assert code == declared(voice, "CreateSipMediaApplicationCall", "NotFoundException")


def test_the_eleventh_active_call_exceeds_the_quota(
    voice: Any, handle: ChimeMock, application_id: str
) -> None:
    for _ in range(10):
        _place(voice, application_id)
    code, message = _refused(voice, application_id)
    assert code == "ResourceLimitExceededException"
    assert "end_call" in message
    assert len(handle.sip_media_applications.calls()) == 10


def test_an_ended_call_frees_its_place(voice: Any, handle: ChimeMock, application_id: str) -> None:
    placed = [_place(voice, application_id) for _ in range(10)]
    handle.sip_media_applications.end_call(placed[0])
    _place(voice, application_id)
    assert handle.sip_media_applications.calls()[0].ended is not None


def test_the_active_call_quota_can_be_raised() -> None:
    with mock_chime(quotas={"active_sip_media_application_calls": None}) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        dial_in(voice, "+12065550100")
        application_id = application(voice)["SipMediaApplicationId"]
        for _ in range(12):
            _place(voice, application_id)
        assert len(handle.sip_media_applications.calls()) == 12


def test_an_ended_call_cannot_be_updated(
    voice: Any, handle: ChimeMock, application_id: str
) -> None:
    transaction_id = _place(voice, application_id)
    handle.sip_media_applications.end_call(transaction_id)
    code, message = error_of(
        voice.update_sip_media_application_call,
        SipMediaApplicationId=application_id,
        TransactionId=transaction_id,
        Arguments={},
    )
    assert code == "NotFoundException"
    assert "ended" in message


def test_ending_an_unknown_or_ended_call_is_a_value_error(
    voice: Any, handle: ChimeMock, application_id: str
) -> None:
    with pytest.raises(ValueError, match="chime_mock: No SIP media application call"):
        handle.sip_media_applications.end_call("d95bf7c0-6ae3-436f-9831-c5c362884b97")
    transaction_id = _place(voice, application_id)
    handle.sip_media_applications.end_call(transaction_id)
    with pytest.raises(ValueError, match="already ended"):
        handle.sip_media_applications.end_call(transaction_id)


def test_updating_an_unknown_transaction_is_not_found(voice: Any, application_id: str) -> None:
    code, _ = error_of(
        voice.update_sip_media_application_call,
        SipMediaApplicationId=application_id,
        TransactionId="d95bf7c0-6ae3-436f-9831-c5c362884b97",
        Arguments={},
    )
    assert code == "NotFoundException"


def test_a_call_is_updated_through_its_own_application_only(voice: Any) -> None:
    dial_in(voice, "+12065550100")
    first = application(voice)["SipMediaApplicationId"]
    second = application(voice, "other")["SipMediaApplicationId"]
    transaction_id = _place(voice, first)
    code, _ = error_of(
        voice.update_sip_media_application_call,
        SipMediaApplicationId=second,
        TransactionId=transaction_id,
        Arguments={},
    )
    assert code == "NotFoundException"


def test_updating_through_an_unknown_application_is_not_found(voice: Any) -> None:
    code, _ = error_of(
        voice.update_sip_media_application_call,
        SipMediaApplicationId="d95bf7c0-6ae3-436f-9831-c5c362884b97",
        TransactionId="d95bf7c0-6ae3-436f-9831-c5c362884b97",
        Arguments={},
    )
    assert code == "NotFoundException"


def test_deleting_an_application_ends_its_calls(
    voice: Any, handle: ChimeMock, application_id: str
) -> None:
    _place(voice, application_id)
    voice.delete_sip_media_application(SipMediaApplicationId=application_id)
    [call] = handle.sip_media_applications.calls()
    assert call.ended is not None
