"""Every action type: the ActionData echoed after it ran (CallId and ParticipantTag filled in,
defaults applied, its result fields), and a bad parameter failing it as the service fails it."""

from __future__ import annotations

from typing import Any

import pytest

from chime_mock.backend.sip.pstn.actions import ACTION_TYPES
from chime_mock.backend.sip.pstn.running import ActionOutcome
from tests.pstn_helpers import (
    AGENT,
    NUMBER,
    T0,
    Script,
    bridge,
    kinds,
    last,
    menu,
    receive,
    speak,
)

S3 = {"Type": "S3", "BucketName": "prompts", "Key": "menu.wav"}
LEG = {"CallId": "call-a", "ParticipantTag": "LEG-A"}
JOIN = {"Type": "JoinChimeMeeting", "Parameters": {"JoinToken": "token"}}
RECORDING = {
    "Type": "StartCallRecording",
    "Parameters": {
        "CallId": "call-a",
        "Track": "BOTH",
        "Destination": {"Type": "S3", "Location": "calls"},
    },
}

# action type -> (actions to return, the echoed parameters of the last, extra ActionData)
SHAPES: dict[str, tuple[list[dict[str, Any]], dict[str, Any], dict[str, Any]]] = {
    "Hangup": (
        [bridge(), {"Type": "Hangup", "Parameters": {"ParticipantTag": "LEG-B"}}],
        {"ParticipantTag": "LEG-B", "SipResponseCode": 0},
        {},
    ),
    "Pause": ([], {}, {}),  # waits: see test_pause_lasts_its_duration_on_the_clock
    "PlayAudio": (
        [{"Type": "PlayAudio", "Parameters": {"AudioSource": S3}}],
        {**LEG, "Repeat": 1, "AudioSource": S3},
        {},
    ),
    "PlayAudioAndGetDigits": ([], {}, {}),  # waits for digits: see test_digits_*
    "ReceiveDigits": (
        [
            {
                "Type": "ReceiveDigits",
                "Parameters": {
                    "InputDigitsRegex": "^1$",
                    "InBetweenDigitsDurationInMilliseconds": "1000",
                    "FlushDigitsDurationInMilliseconds": 5000,
                },
            }
        ],
        {
            **LEG,
            "InputDigitsRegex": "^1$",
            "InBetweenDigitsDurationInMilliseconds": 1000,
            "FlushDigitsDurationInMilliseconds": 5000,
        },
        {"ReceivedDigits": ""},
    ),
    "RecordAudio": (
        [
            {
                "Type": "RecordAudio",
                "Parameters": {
                    "RecordingTerminators": ["#"],
                    "RecordingDestination": {"Type": "S3", "BucketName": "rec"},
                },
            }
        ],
        {
            **LEG,
            "SilenceThreshold": 200,
            "RecordingTerminators": ["#"],
            "RecordingDestination": {"Type": "S3", "BucketName": "rec"},
        },
        {"RecordingDestination": {"Type": "S3", "BucketName": "rec", "Key": "tx-1-call-a-1.wav"}},
    ),
    "SendDigits": (
        [{"Type": "SendDigits", "Parameters": {"CallId": "call-a", "Digits": "1,2#"}}],
        {**LEG, "Digits": "1,2#", "ToneDurationInMilliseconds": 250},
        {},
    ),
    "Speak": (
        [speak("Hi")],
        {**LEG, "Text": "Hi", "Engine": "standard", "TextType": "text", "VoiceId": "Joanna"},
        {},
    ),
    "SpeakAndGetDigits": ([], {}, {}),  # waits for digits: see test_digits_*
    "CallAndBridge": (
        [bridge()],
        {
            **LEG,
            "CallTimeoutSeconds": 30,
            "CallerIdNumber": NUMBER,
            "Endpoints": [{"BridgeEndpointType": "PSTN", "Uri": AGENT}],
        },
        {},
    ),
    "JoinChimeMeeting": ([JOIN], {**LEG, "JoinToken": "token"}, {}),
    "ModifyChimeMeetingAttendees": (
        [
            JOIN,
            {
                "Type": "ModifyChimeMeetingAttendees",
                "Parameters": {
                    "Operation": "Mute",
                    "MeetingId": "m-1",
                    "AttendeeList": ["a-1"],
                    "ParticipantTag": "LEG-B",
                },
            },
        ],
        {
            "ParticipantTag": "LEG-B",
            "Operation": "Mute",
            "MeetingId": "m-1",
            "AttendeeList": ["a-1"],
        },
        {},
    ),
    "StartBotConversation": (
        [
            {
                "Type": "StartBotConversation",
                "Parameters": {
                    "BotAliasArn": "arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1/ALIAS1"
                },
            }
        ],
        {
            **LEG,
            "BotAliasArn": "arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1/ALIAS1",
            "LocaleId": "en_US",
        },
        {},
    ),
    "StartCallRecording": (
        [RECORDING],
        {**LEG, "Track": "BOTH", "Destination": {"Type": "S3", "Location": "calls"}},
        {},
    ),
    "StopCallRecording": (
        [RECORDING, {"Type": "StopCallRecording", "Parameters": {"CallId": "call-a"}}],
        LEG,
        {},
    ),
    "PauseCallRecording": (
        [RECORDING, {"Type": "PauseCallRecording", "Parameters": {"CallId": "call-a"}}],
        LEG,
        {},
    ),
    "ResumeCallRecording": (
        [
            RECORDING,
            {"Type": "PauseCallRecording", "Parameters": {"CallId": "call-a"}},
            {"Type": "ResumeCallRecording", "Parameters": {"CallId": "call-a"}},
        ],
        LEG,
        {},
    ),
    "VoiceFocus": (
        [{"Type": "VoiceFocus", "Parameters": {"CallId": "call-a", "Enable": "true"}}],
        {**LEG, "Enable": True},
        {},
    ),
}
RUN_AT_ONCE = sorted(name for name, (actions, _, _) in SHAPES.items() if actions)


def test_the_table_covers_every_action_type() -> None:
    assert sorted(SHAPES) == sorted(ACTION_TYPES)
    assert len(ACTION_TYPES) == 18


@pytest.mark.parametrize("action_type", RUN_AT_ONCE)
def test_action_successful_echo(action_type: str) -> None:
    actions, parameters, extra = SHAPES[action_type]
    _, call = receive(Script(NEW_INBOUND_CALL=actions))
    event = last(call)
    assert event["InvocationEventType"] == "ACTION_SUCCESSFUL", event
    data = dict(event["ActionData"])
    assert data.pop("Type") == action_type
    echoed = data.pop("Parameters")
    if action_type in ("Hangup", "ModifyChimeMeetingAttendees"):  # LEG-B's CallId is made up
        echoed.pop("CallId")
    if action_type == "StartBotConversation":
        assert data.pop("IntentResult")["SessionId"] == "call-a"
    if action_type == "StartCallRecording":
        location = data.pop("CallRecordingDestination")["Location"]
        assert location.startswith("calls/Amazon-Chime-SMA-Call-Recordings/2026/01/05/")
        assert location.endswith("_tx-1_call-a.wav")
    assert echoed == parameters
    assert data == extra


def test_pause_lasts_its_duration_on_the_clock() -> None:
    pause = {"Type": "Pause", "Parameters": {"DurationInMilliseconds": "1500"}}
    board, call = receive(Script(NEW_INBOUND_CALL=[pause]))
    assert kinds(call) == ["NEW_INBOUND_CALL"]
    board.settle(call, T0.replace(second=1))
    assert kinds(call) == ["NEW_INBOUND_CALL"]
    board.settle(call, T0.replace(second=2))
    assert last(call)["ActionData"] == {
        "Type": "Pause",
        "Parameters": {
            "CallId": "call-a",
            "ParticipantTag": "LEG-A",
            "DurationInMilliseconds": 1500,
        },
    }


def test_play_audio_and_get_digits_defaults_the_gap_to_the_repeat_duration() -> None:
    collect = {
        "Type": "PlayAudioAndGetDigits",
        "Parameters": {
            "AudioSource": S3,
            "FailureAudioSource": S3,
            "RepeatDurationInMilliseconds": 3000,
            "Repeat": 2,
            "InputDigitsRegex": r"^\d{4}$",
        },
    }
    board, call = receive(Script(NEW_INBOUND_CALL=[collect]))
    board.press(call, "1234#", "LEG-A", T0)
    data = last(call)["ActionData"]
    assert data["ReceivedDigits"] == "1234"
    assert data["Parameters"] == {
        **LEG,
        "InputDigitsRegex": r"^\d{4}$",
        "MinNumberOfDigits": 0,
        "MaxNumberOfDigits": 128,
        "TerminatorDigits": ["#"],
        "InBetweenDigitsDurationInMilliseconds": 3000,
        "Repeat": 2,
        "RepeatDurationInMilliseconds": 3000,
        "AudioSource": S3,
        "FailureAudioSource": S3,
    }


FAILURES = [
    (
        {"Type": "Pause", "Parameters": {"DurationInMilliseconds": 50}},
        "InvalidActionParameter",
        "The Duration parameter is invalid.",
    ),
    (
        {"Type": "Pause", "Parameters": {}},
        "MissingRequiredActionParameter",
        "DurationInMilliseconds is a required parameter.",
    ),
    (
        {"Type": "Speak", "Parameters": {"Text": "x" * 1001, "CallId": "call-a"}},
        "MissingRequiredActionParameter",
        "Text is limited to 1,000 characters",
    ),
    (
        {"Type": "Speak", "Parameters": {"Text": "Hi"}},
        "MissingRequiredActionParameter",
        "CallId is a required parameter.",
    ),
    (
        {"Type": "PlayAudio", "Parameters": {"CallId": "nobody", "AudioSource": S3}},
        "InvalidActionParameter",
        "CallId or ParticipantTag parameter for action is invalid.",
    ),
    (
        {
            "Type": "SendDigits",
            "Parameters": {"CallId": "call-a", "Digits": "1", "ToneDurationInMilliseconds": 10},
        },
        "InvalidActionParameter",
        "ToneDuration parameter value is invalid.",
    ),
    (
        {
            "Type": "ReceiveDigits",
            "Parameters": {
                "InputDigitsRegex": "1",
                "InBetweenDigitsDurationInMilliseconds": 5000,
                "FlushDigitsDurationInMilliseconds": 5000,
            },
        },
        "InvalidActionParameter",
        "FlushDigitsDurationInMilliseconds parameter value is invalid.",
    ),
    (
        {**bridge(), "Parameters": {**bridge()["Parameters"], "CallTimeoutSeconds": 121}},
        "InvalidActionParameter",
        "The MaxCallTimeout parameter is invalid. Timeout must be between 0 and 120 seconds.",
    ),
    (
        {**bridge(), "Parameters": {**bridge()["Parameters"], "Endpoints": []}},
        "InvalidActionParameter",
        "Invalid number of endpoints provided.",
    ),
    (
        bridge(caller="+12065550999"),
        "InvalidActionParameter",
        "Provided caller ID number is invalid. Number must be owned by this AWS account, or be "
        "the From number of LEG-A.",
    ),
    (
        {**bridge(), "Parameters": {**bridge()["Parameters"], "SipHeaders": {"X-Amzn-Id": "1"}}},
        "InvalidActionParameter",
        "Invalid SIP header(s) provided: X-Amzn-Id",
    ),
    (
        {
            "Type": "ModifyChimeMeetingAttendees",
            "Parameters": {"Operation": "Mute", "MeetingId": "m", "AttendeeList": ["a"]},
        },
        "InvalidActionParameter",
        "Call is not connected to Chime Meeting.",
    ),
    (
        {"Type": "StopCallRecording", "Parameters": {"CallId": "call-a"}},
        "InvalidActionParameter",
        "Call recording cannot be stopped on this call leg: it is not started.",
    ),
    (
        {
            "Type": "RecordAudio",
            "Parameters": {
                "CallId": "call-a",
                "ParticipantTag": "LEG-A",
                "RecordingTerminators": ["#"],
                "RecordingDestination": {"Type": "S3", "BucketName": "b"},
            },
        },
        "InvalidActionParameter",
        "Only one of CallId or ParticipantTag can be given.",
    ),
]


@pytest.mark.parametrize(("action", "error_type", "message"), FAILURES)
def test_a_bad_parameter_fails_the_action(
    action: dict[str, Any], error_type: str, message: str
) -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[action, speak("never")]))
    event = last(call)
    assert kinds(call) == ["NEW_INBOUND_CALL", "ACTION_FAILED"]
    assert event["ActionData"]["Type"] == action["Type"]
    assert (event["ActionData"]["ErrorType"], event["ActionData"]["ErrorMessage"]) == (
        error_type,
        message,
    )
    assert [done.outcome for done in call.performed] == ["Failed"]


def test_the_caller_id_may_be_the_callers_own_number() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[bridge(caller="+12065550123")]))
    assert last(call)["InvocationEventType"] == "ACTION_SUCCESSFUL"


def test_call_not_answered_lists_only_leg_a() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[bridge()]), silent=(AGENT,))
    event = last(call)
    assert event["InvocationEventType"] == "ACTION_FAILED"
    assert event["ActionData"]["ErrorType"] == "CallNotAnswered"
    assert event["ActionData"]["ErrorMessage"] == "Call not answered"
    assert [leg["ParticipantTag"] for leg in event["CallDetails"]["Participants"]] == ["LEG-A"]


def test_a_test_can_make_an_outside_dependency_fail() -> None:
    play = {"Type": "PlayAudio", "Parameters": {"AudioSource": S3}}
    failing = {"PlayAudio": ActionOutcome(error_type="InvalidAudioSource")}
    _, call = receive(Script(NEW_INBOUND_CALL=[play]), outcomes=failing)
    data = last(call)["ActionData"]
    assert data["ErrorType"] == "InvalidAudioSource"
    assert data["ErrorMessage"] == "Cannot access S3 bucket or audio file."


def test_a_meeting_failure_is_one_error_string() -> None:
    failing = {"JoinChimeMeeting": ActionOutcome(error_type="ErrorJoiningMeeting")}
    _, call = receive(Script(NEW_INBOUND_CALL=[JOIN]), outcomes=failing)
    data = last(call)["ActionData"]
    assert data["Error"] == "ErrorJoiningMeeting: Error while joining meeting."
    assert "ErrorType" not in data


def test_a_test_can_set_an_actions_result() -> None:
    intent = {"SessionId": "s", "SessionState": {"Intent": {"Name": "Billing"}}}
    bot = SHAPES["StartBotConversation"][0]
    result = {"StartBotConversation": ActionOutcome(result={"IntentResult": intent})}
    _, call = receive(Script(NEW_INBOUND_CALL=bot), outcomes=result)
    assert last(call)["ActionData"]["IntentResult"] == intent


def test_a_meeting_leg_is_leg_b_dialled_from_the_meeting_number() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[JOIN]))
    leg_b = last(call)["CallDetails"]["Participants"][1]
    assert (leg_b["ParticipantTag"], leg_b["To"], leg_b["From"]) == (
        "LEG-B",
        "SMA",
        "+17035550122",
    )


def test_an_empty_call_id_acts_on_the_invoked_leg() -> None:
    """AWS's bridging sample sends Speak with "CallId": "" and an empty ParticipantTag."""
    speak_empty = {
        "Type": "Speak",
        "Parameters": {"Text": "Hi", "CallId": "", "ParticipantTag": ""},
    }
    _, call = receive(Script(NEW_INBOUND_CALL=[speak_empty]))
    parameters = last(call)["ActionData"]["Parameters"]
    assert (parameters["CallId"], parameters["ParticipantTag"]) == ("call-a", "LEG-A")


def test_speak_and_get_digits_fills_the_speech_defaults() -> None:
    board, call = receive(
        Script(
            NEW_INBOUND_CALL=[menu(FailureSpeechParameters={"Text": "Sorry", "VoiceId": "Matthew"})]
        )
    )
    board.press(call, "3", "LEG-A", T0)
    data = last(call)["ActionData"]
    assert data["ReceivedDigits"] == "3"
    assert data["Parameters"] == {
        **LEG,
        "MinNumberOfDigits": 1,
        "MaxNumberOfDigits": 1,
        "TerminatorDigits": ["#"],
        "InBetweenDigitsDurationInMilliseconds": 3000,
        "Repeat": 1,
        "RepeatDurationInMilliseconds": 3000,
        "SpeechParameters": {
            "Text": "Press 1 for sales",
            "Engine": "standard",
            "TextType": "text",
            "VoiceId": "Joanna",
        },
        "FailureSpeechParameters": {
            "Text": "Sorry",
            "VoiceId": "Matthew",
            "Engine": "standard",
            "TextType": "text",
        },
    }
