"""Every event type has the shape the PSTN audio service sends (AWS's invocation reference and
the live service's logs): its top-level keys, its ActionData, and its CallDetails."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.sip.pstn.events import EVENT_TYPES
from tests.pstn_helpers import (
    ACCOUNT,
    CALLER,
    NUMBER,
    T0,
    Script,
    bridge,
    hangup,
    kinds,
    last,
    menu,
    place,
    receive,
    speak,
)

TOP = ["SchemaVersion", "Sequence", "InvocationEventType", "CallDetails"]
WITH_ACTION = ["SchemaVersion", "Sequence", "InvocationEventType", "ActionData", "CallDetails"]
LEG_KEYS = ["CallId", "ParticipantTag", "To", "From", "Direction", "StartTimeInMilliseconds"]


def _of(call: Any, event_type: str) -> dict[str, Any]:
    return next(
        invocation.event
        for invocation in call.invoked
        if invocation.event["InvocationEventType"] == event_type
    )


def test_new_inbound_call_has_no_action_data_no_attributes_and_no_status() -> None:
    _, call = receive(Script())
    event = _of(call, "NEW_INBOUND_CALL")
    assert list(event) == TOP
    assert event["SchemaVersion"] == "1.0" and event["Sequence"] == 1
    assert list(event["CallDetails"]) == [
        "TransactionId",
        "AwsAccountId",
        "AwsRegion",
        "SipRuleId",
        "SipMediaApplicationId",
        "Participants",
    ]
    [leg] = event["CallDetails"]["Participants"]
    assert list(leg) == LEG_KEYS
    assert leg["Direction"] == "Inbound" and leg["To"] == NUMBER and leg["From"] == CALLER
    assert leg["StartTimeInMilliseconds"] == str(int(T0.timestamp() * 1000))
    assert event["CallDetails"]["AwsAccountId"] == ACCOUNT


def test_new_outbound_call_carries_the_arguments_map_as_a_call_create_request() -> None:
    _, call = place(Script(), {"greeting": "hi"})
    event = _of(call, "NEW_OUTBOUND_CALL")
    assert list(event) == WITH_ACTION
    assert event["ActionData"] == {
        "Type": "CallCreateRequest",
        "Parameters": {"Arguments": {"greeting": "hi"}},
    }
    assert "SipRuleId" not in event["CallDetails"]
    [leg] = event["CallDetails"]["Participants"]
    assert leg["Direction"] == "Outbound" and "Status" not in leg


def test_new_outbound_call_without_arguments_has_no_action_data() -> None:
    _, call = place(Script())
    assert list(_of(call, "NEW_OUTBOUND_CALL")) == TOP


def test_ringing_is_sequence_two_without_status() -> None:
    _, call = place(Script())
    event = _of(call, "RINGING")
    assert list(event) == TOP and event["Sequence"] == 2
    assert "Status" not in event["CallDetails"]["Participants"][0]


def test_call_answered_is_sequence_three_with_the_leg_connected() -> None:
    _, call = place(Script())
    event = _of(call, "CALL_ANSWERED")
    assert list(event) == TOP and event["Sequence"] == 3
    assert event["CallDetails"]["Participants"][0]["Status"] == "Connected"


def test_action_successful_echoes_the_last_action() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[speak("one"), speak("two")]))
    event = last(call)
    assert kinds(call) == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]
    assert list(event) == WITH_ACTION
    assert event["ActionData"]["Type"] == "Speak"
    assert event["ActionData"]["Parameters"]["Text"] == "two"


def test_action_failed_adds_error_type_and_message() -> None:
    play = {"Type": "PlayAudio", "Parameters": {"AudioSource": {"Type": "S3"}}}
    _, call = receive(Script(NEW_INBOUND_CALL=[play]))
    event = last(call)
    assert event["InvocationEventType"] == "ACTION_FAILED"
    assert list(event["ActionData"]) == ["Type", "Parameters", "ErrorType", "ErrorMessage"]
    assert event["ActionData"]["ErrorType"] == "InvalidAudioSource"
    assert event["ActionData"]["ErrorMessage"] == "Audio Source parameter value is invalid."


def test_action_interrupted_echoes_the_interrupted_action() -> None:
    pause = {"Type": "Pause", "Parameters": {"DurationInMilliseconds": 5000}}
    board, call = receive(Script(NEW_INBOUND_CALL=[pause], CALL_UPDATE_REQUESTED=[speak()]))
    board.update(call, {"go": "on"}, T0)
    event = _of(call, "ACTION_INTERRUPTED")
    assert list(event) == WITH_ACTION
    assert event["ActionData"] == {
        "Type": "Pause",
        "Parameters": {
            "CallId": "call-a",
            "ParticipantTag": "LEG-A",
            "DurationInMilliseconds": 5000,
        },
    }


def test_hangup_names_the_leg_with_the_sip_response_code() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[speak(), hangup(SipResponseCode="0")]))
    event = last(call)
    assert kinds(call) == ["NEW_INBOUND_CALL", "HANGUP"]
    assert event["Sequence"] == 2
    assert event["ActionData"] == {
        "Type": "Hangup",
        "Parameters": {"SipResponseCode": 0, "CallId": "call-a", "ParticipantTag": "LEG-A"},
    }
    assert event["CallDetails"]["Participants"][0]["Status"] == "Disconnected"


def test_hangup_by_the_caller_has_no_sip_response_code() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[speak()]))
    board.hang_up(call, "LEG-A", T0)
    assert last(call)["ActionData"] == {
        "Type": "Hangup",
        "Parameters": {"CallId": "call-a", "ParticipantTag": "LEG-A"},
    }


def test_invalid_lambda_response_puts_the_error_at_the_top_level() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=lambda event: {"Actions": []}))
    event = call.invoked[1].event
    assert list(event) == [*TOP, "ErrorType", "ErrorMessage"]
    assert event["InvocationEventType"] == "INVALID_LAMBDA_RESPONSE"
    assert event["ErrorType"] == "InvalidSchemaVersion"


def test_digits_received_reports_the_digits_and_the_listening_action() -> None:
    listen = {
        "Type": "ReceiveDigits",
        "Parameters": {
            "InputDigitsRegex": r"^\d{2}#$",
            "InBetweenDigitsDurationInMilliseconds": 1000,
            "FlushDigitsDurationInMilliseconds": 10000,
        },
    }
    board, call = receive(Script(NEW_INBOUND_CALL=[listen]))
    board.press(call, "11#", "LEG-A", T0)
    event = last(call)
    assert list(event) == WITH_ACTION
    assert event["InvocationEventType"] == "DIGITS_RECEIVED"
    assert event["ActionData"]["ReceivedDigits"] == "11#"
    assert event["ActionData"]["Type"] == "ReceiveDigits"
    assert event["ActionData"]["Parameters"]["FlushDigitsDurationInMilliseconds"] == 10000


def test_call_update_requested_carries_the_arguments() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[speak()]))
    board.update(call, {"digit": "3"}, T0)
    event = last(call)
    assert list(event) == WITH_ACTION
    assert event["ActionData"] == {
        "Type": "CallUpdateRequest",
        "Parameters": {"Arguments": {"digit": "3"}},
    }


def test_participants_list_leg_a_first_and_a_bridged_leg_b_as_outbound() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[bridge()]))
    legs = last(call)["CallDetails"]["Participants"]
    assert [leg["ParticipantTag"] for leg in legs] == ["LEG-A", "LEG-B"]
    assert legs[1]["Direction"] == "Outbound" and legs[1]["Status"] == "Connected"


def test_transaction_attributes_sit_before_the_account() -> None:
    def store(event: dict[str, Any]) -> dict[str, Any]:
        return {"SchemaVersion": "1.0", "Actions": [speak()], "TransactionAttributes": {"k": "v"}}

    _, call = receive(Script(NEW_INBOUND_CALL=store))
    assert list(last(call)["CallDetails"])[:3] == [
        "TransactionId",
        "TransactionAttributes",
        "AwsAccountId",
    ]


def test_the_events_cover_every_event_type() -> None:
    tested = {
        name.removeprefix("test_").split("_has_")[0]
        for name in globals()
        if name.startswith("test_")
    }
    assert len(EVENT_TYPES) == 11
    for event_type in EVENT_TYPES:
        assert any(name.startswith(event_type.lower()) for name in tested), event_type


def test_menu_digits_arrive_in_action_successful() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[menu()]))
    board.press(call, "1", "LEG-A", T0)
    assert last(call)["ActionData"]["ReceivedDigits"] == "1"
