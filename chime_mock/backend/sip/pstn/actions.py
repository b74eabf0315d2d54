"""The actions a SIP media application's Lambda can return, as a table: one entry per action
type with its parameters (checked as the service checks them, defaults applied) and its outcome
(outcomes.py: done now, waiting for digits or for time to pass, or failed with an ErrorType).

Adding an action is one `ActionType` entry plus its outcome function.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from chime_mock.backend.sip.pstn import parameters as p
from chime_mock.backend.sip.pstn.outcomes import (
    E164,
    Outcome,
    Step,
    call_and_bridge,
    done,
    get_digits,
    hang_up,
    join_meeting,
    modify_attendees,
    pause,
    receive_digits,
    record_audio,
    recording,
    start_bot,
)
from chime_mock.backend.sip.pstn.parameters import ActionFailure, Param
from chime_mock.backend.sip.pstn.records import LEG_A, LEG_B, Leg, PstnCall

_BAD_LEG = "CallId or ParticipantTag parameter for action is invalid."
# Prefixes of the service's own SIP headers, which a CallAndBridge may not send.
_RESERVED_HEADERS = ("x-vine", "x-amzn", "x-vc", "x-canary", "x-voice")


@dataclass(frozen=True)
class ActionType:
    name: str
    params: tuple[Param, ...]
    run: Callable[[Step], Outcome]
    call_id_required: bool = False
    legs: frozenset[str] = frozenset({LEG_A, LEG_B})
    interruptible: bool = False  # stopped by an update's new action list (ACTION_INTERRUPTED)
    one_leg_parameter: bool = False  # CallId or ParticipantTag, never both
    single_error: bool = False  # failure reported as one `Error` string ("Code: message")
    external_error: tuple[str, str] = (p.SYSTEM, "System error while running action.")
    # Checks and defaults across parameters, after each was checked on its own.
    finish: Callable[[dict[str, Any]], None] | None = None


def _sip_header(name: str) -> None:
    lowered = name.lower()
    allowed = lowered.startswith("x-") or lowered in ("user-to-user", "diversion")
    if not allowed or lowered.startswith(_RESERVED_HEADERS):
        raise p.invalid("SipHeaders", f"Invalid SIP header(s) provided: {name}")


_DIGITS = (
    p.regex("InputDigitsRegex"),
    p.integer("MinNumberOfDigits", default=0, low=0, high=128),
    p.integer(
        "MaxNumberOfDigits",
        default=128,
        low=1,
        high=128,
        message="MaxNumberOfDigits parameter value is invalid.",
    ),
    p.digits_list("TerminatorDigits", default=["#"]),
    p.integer("InBetweenDigitsDurationInMilliseconds", low=1),
    p.integer("Repeat", default=1, low=1),
    p.integer("RepeatDurationInMilliseconds", required=True, low=1),
)


def _digits(parameters: dict[str, Any]) -> None:
    if parameters["MaxNumberOfDigits"] < parameters["MinNumberOfDigits"]:
        raise p.invalid("MaxNumberOfDigits")
    parameters.setdefault(
        "InBetweenDigitsDurationInMilliseconds", parameters["RepeatDurationInMilliseconds"]
    )


def _speech_digits(parameters: dict[str, Any]) -> None:
    _digits(parameters)
    speech = parameters["SpeechParameters"]
    speech.setdefault("Engine", "standard")
    speech.setdefault("TextType", "text")
    speech.setdefault("VoiceId", "Joanna")
    failure = parameters["FailureSpeechParameters"]
    for name in ("Engine", "LanguageCode", "TextType", "VoiceId"):
        if name in speech:
            failure.setdefault(name, speech[name])


def _attendees(parameters: dict[str, Any]) -> None:
    attendees = parameters.get("AttendeeList")
    if not isinstance(attendees, list) or not 1 <= len(attendees) <= 100:
        raise p.invalid("AttendeeList", "AttendeeList parameter value is invalid.")


def _flush_after_gap(parameters: dict[str, Any]) -> None:
    if (
        parameters["FlushDigitsDurationInMilliseconds"]
        <= parameters["InBetweenDigitsDurationInMilliseconds"]
    ):
        raise p.invalid("FlushDigitsDurationInMilliseconds")


def _text() -> Param:
    """What Polly is to say: 1 to 1,000 characters (too long is a missing parameter, as the
    service reports it)."""
    return p.text(
        "Text",
        required=True,
        longest=1000,
        message="Text is limited to 1,000 characters",
        error_type=p.MISSING,
    )


def _speech(name: str, *, required: bool) -> Param:
    return p.nested(
        name,
        (
            _text(),
            p.text("Engine", choices=("standard", "neural")),
            p.text("LanguageCode"),
            p.text("TextType", choices=("text", "ssml")),
            p.text("VoiceId"),
        ),
        required=required,
    )


def _pause_params() -> tuple[Param, ...]:
    return (
        p.integer(
            "DurationInMilliseconds",
            required=True,
            low=100,
            high=30000,
            message="The Duration parameter is invalid.",
        ),
    )


ACTION_TYPES: dict[str, ActionType] = {
    action.name: action
    for action in (
        ActionType(
            "Hangup",
            (p.integer("SipResponseCode", default=0, low=0, high=699),),
            hang_up,
        ),
        ActionType("Pause", _pause_params(), pause, interruptible=True),
        ActionType(
            "PlayAudio",
            (
                p.digits_list("PlaybackTerminators"),
                p.integer("Repeat", default=1, low=1),
                p.s3_source("AudioSource"),
            ),
            done,
            interruptible=True,
            external_error=(p.INVALID_AUDIO, "Cannot access S3 bucket or audio file."),
        ),
        ActionType(
            "PlayAudioAndGetDigits",
            (*_DIGITS, p.s3_source("AudioSource"), p.s3_source("FailureAudioSource")),
            get_digits,
            finish=_digits,
            external_error=(p.INVALID_AUDIO, "Cannot access S3 bucket or audio file."),
        ),
        ActionType(
            "ReceiveDigits",
            (
                p.regex("InputDigitsRegex", required=True),
                p.integer("InBetweenDigitsDurationInMilliseconds", required=True, low=1),
                p.integer("FlushDigitsDurationInMilliseconds", required=True, low=1),
            ),
            receive_digits,
            finish=_flush_after_gap,
        ),
        ActionType(
            "RecordAudio",
            (
                p.integer("DurationInSeconds", low=1),
                p.integer("SilenceDurationInSeconds", low=1, high=1000),
                p.integer("SilenceThreshold", default=200, low=1, high=1000),
                p.digits_list("RecordingTerminators", required=True),
                p.nested(
                    "RecordingDestination",
                    (
                        p.text("Type", required=True, choices=("S3",)),
                        p.text("BucketName", required=True),
                        p.text("Prefix", longest=979),
                    ),
                    required=True,
                ),
            ),
            record_audio,
            interruptible=True,
            one_leg_parameter=True,
            external_error=(p.INVALID, "Error occurred while uploading recording to S3 bucket"),
        ),
        ActionType(
            "SendDigits",
            (
                p.text("Digits", required=True, pattern=r"[0-9*#A-D,]{1,50}"),
                p.integer(
                    "ToneDurationInMilliseconds",
                    default=250,
                    low=50,
                    high=24000,
                    message="ToneDuration parameter value is invalid.",
                ),
            ),
            done,
            call_id_required=True,
        ),
        ActionType(
            "Speak",
            (
                _text(),
                p.text("Engine", default="standard", choices=("standard", "neural")),
                p.text("LanguageCode"),
                p.text("TextType", default="text", choices=("text", "ssml")),
                p.text("VoiceId", default="Joanna"),
            ),
            done,
            call_id_required=True,
            interruptible=True,
        ),
        ActionType(
            "SpeakAndGetDigits",
            (
                *_DIGITS,
                _speech("SpeechParameters", required=True),
                _speech("FailureSpeechParameters", required=True),
            ),
            get_digits,
            call_id_required=True,
            finish=_speech_digits,
        ),
        ActionType(
            "CallAndBridge",
            (
                p.integer(
                    "CallTimeoutSeconds",
                    default=30,
                    low=1,
                    high=120,
                    message="The MaxCallTimeout parameter is invalid. Timeout must be between 0 "
                    "and 120 seconds.",
                ),
                p.text("CallerIdNumber", required=True, pattern=E164, message="Invalid caller ID."),
                p.passed("Endpoints", required=True),
                p.s3_source("RingbackTone", required=False),
                p.string_map("SipHeaders", check_keys=_sip_header),
            ),
            call_and_bridge,
            legs=frozenset({LEG_A}),
        ),
        ActionType(
            "JoinChimeMeeting",
            (
                p.text("JoinToken", required=True, message="JoinToken parameter value is invalid."),
                p.text("MeetingId"),
            ),
            join_meeting,
            legs=frozenset({LEG_A}),
            single_error=True,
            external_error=("ErrorJoiningMeeting", "Error while joining meeting."),
        ),
        ActionType(
            "ModifyChimeMeetingAttendees",
            (
                p.text(
                    "Operation",
                    required=True,
                    choices=("Mute", "Unmute"),
                    message="Invalid Operation parameter.",
                ),
                p.text("MeetingId", required=True),
                p.passed("AttendeeList", required=True),
            ),
            modify_attendees,
            finish=_attendees,
        ),
        ActionType(
            "StartBotConversation",
            (
                p.text(
                    "BotAliasArn",
                    required=True,
                    pattern=r"arn:aws:lex:[a-z0-9-]+:\d{12}:bot-alias/[A-Za-z0-9]+/[A-Za-z0-9]+",
                ),
                p.text("LocaleId", default="en_US"),
                p.passed("Configuration"),
            ),
            start_bot,
            legs=frozenset({LEG_A}),
            external_error=("ResourceNotFound", "The bot or its alias was not found."),
        ),
        ActionType(
            "StartCallRecording",
            (
                p.text("Track", required=True, choices=("BOTH", "INCOMING", "OUTGOING")),
                p.nested(
                    "Destination",
                    (
                        p.text("Type", required=True, choices=("S3",)),
                        p.text("Location", required=True),
                    ),
                    required=True,
                ),
            ),
            recording("started", needs=(None,)),
            call_id_required=True,
            single_error=True,
            external_error=("NoAccessToDestination", "Error while accessing destination"),
        ),
        ActionType(
            "StopCallRecording",
            (),
            recording("stopped", needs=("started", "paused")),
            call_id_required=True,
        ),
        ActionType(
            "PauseCallRecording",
            (),
            recording("paused", needs=("started",)),
            call_id_required=True,
        ),
        ActionType(
            "ResumeCallRecording",
            (),
            recording("started", needs=("paused",)),
            call_id_required=True,
        ),
        ActionType(
            "VoiceFocus",
            (p.boolean("Enable", required=True),),
            done,
            call_id_required=True,
            external_error=(
                "ActionExecutionThrottled",
                "The maximum number of actions per second has been reached.",
            ),
        ),
    )
}


def target_leg(
    action_type: ActionType, given: Mapping[str, Any], call: PstnCall, default: Leg
) -> Leg:
    """The leg an action acts on: its CallId, else its ParticipantTag, else the leg the event
    was about (CallId wins when both are given). An empty CallId or ParticipantTag counts as
    not given (AWS's bridging sample sends Speak with `"CallId": ""`); a CallId an action
    requires must be there, though."""
    call_id, tag = given.get("CallId"), given.get("ParticipantTag")
    if action_type.one_leg_parameter and call_id and tag:
        raise p.invalid("CallId", "Only one of CallId or ParticipantTag can be given.")
    if call_id:
        leg = call.leg_by_call_id(call_id) if isinstance(call_id, str) else None
    elif tag:
        leg = call.leg(tag) if tag in action_type.legs else None
    elif action_type.call_id_required and "CallId" not in given:
        raise p.missing("CallId")
    else:
        leg = default
    if leg is None or not leg.up or leg.participant_tag not in action_type.legs:
        raise p.invalid("CallId", _BAD_LEG)
    return leg


def prepare(
    action: Mapping[str, Any], call: PstnCall, default: Leg
) -> tuple[ActionType, Leg, dict[str, Any]]:
    """An action's type, leg and echoed ActionData (Type, Parameters with CallId and
    ParticipantTag filled in and defaults applied). Raises ActionFailure, which carries the
    echo of what could be read in `failed_echo`."""
    action_type = ACTION_TYPES[action["Type"]]
    given = action.get("Parameters") or {}
    if not isinstance(given, dict):
        given = {}
    leg = target_leg(action_type, given, call, default)
    own = {key: value for key, value in given.items() if key not in ("CallId", "ParticipantTag")}
    filled = {"CallId": leg.call_id, "ParticipantTag": leg.participant_tag}
    try:
        echoed = p.checked(own, action_type.params)
        if action_type.finish is not None:
            action_type.finish(echoed)
    except ActionFailure as failure:
        failure.echo = {"Type": action_type.name, "Parameters": {**filled, **own}}
        raise
    return action_type, leg, {**filled, **echoed}


def raw_echo(action: Mapping[str, Any]) -> dict[str, Any]:
    """The ActionData of an action that failed before its parameters could be read."""
    given = action.get("Parameters")
    return {
        "Type": action.get("Type"),
        "Parameters": dict(given) if isinstance(given, dict) else {},
    }
