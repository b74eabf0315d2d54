"""The PSTN audio protocol's rules, on the engine alone: sequence, list outcomes, hang-ups,
bridging, updates and interruptions, digits, TransactionAttributes, invalid responses, failing
Lambdas, fail-over, the invocation cap and the clock."""

from __future__ import annotations

import datetime as _dt
import time
from typing import Any

import pytest

from chime_mock.backend.sip.pstn.lambdas import PythonLambda
from chime_mock.backend.sip.pstn.records import DISCONNECTED
from tests.pstn_helpers import (
    AGENT,
    ARN,
    FALLBACK_ARN,
    T0,
    Script,
    bridge,
    hangup,
    inbound_call,
    kinds,
    last,
    menu,
    place,
    receive,
    speak,
    switchboard,
    target,
)


def reply(actions: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"SchemaVersion": "1.0", "Actions": actions or [], **extra}


def test_sequence_counts_every_invocation_from_one() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[speak()], ACTION_SUCCESSFUL=[]))
    board.update(call, {}, T0)
    board.hang_up(call, "LEG-A", T0)
    assert [invocation.event["Sequence"] for invocation in call.invoked] == [1, 2, 3, 4]


def test_a_list_ending_in_hangup_of_the_only_leg_goes_straight_to_hangup() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[speak(), speak(), hangup()]))
    assert kinds(call) == ["NEW_INBOUND_CALL", "HANGUP"]
    assert call.ended == T0 and call.invoked[-1].ignored


def test_the_response_to_the_last_hangup_is_ignored() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[hangup()], HANGUP=[speak()]))
    assert kinds(call) == ["NEW_INBOUND_CALL", "HANGUP"]
    assert [done.action["Type"] for done in call.performed] == ["Hangup"]


def test_the_first_failure_clears_the_rest_of_the_list() -> None:
    bad = {"Type": "Pause", "Parameters": {}}
    _, call = receive(Script(NEW_INBOUND_CALL=[speak("a"), bad, speak("never")]))
    assert kinds(call) == ["NEW_INBOUND_CALL", "ACTION_FAILED"]
    assert [done.action["Type"] for done in call.performed] == ["Speak", "Pause"]
    assert call.ended is None


def test_a_bridged_leg_hanging_up_lets_the_lambda_act_on_the_other() -> None:
    script = Script(NEW_INBOUND_CALL=[bridge()], HANGUP=[hangup()])
    board, call = receive(script)
    board.hang_up(call, "LEG-B", T0)
    assert kinds(call) == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL", "HANGUP", "HANGUP"]
    first, second = call.invoked[2].event, call.invoked[3].event
    assert first["ActionData"]["Parameters"]["ParticipantTag"] == "LEG-B"
    assert [leg["Status"] for leg in first["CallDetails"]["Participants"]] == [
        "Connected",
        "Disconnected",
    ]
    assert second["ActionData"]["Parameters"]["ParticipantTag"] == "LEG-A"
    assert [leg["ParticipantTag"] for leg in second["CallDetails"]["Participants"]] == ["LEG-A"]
    assert call.ended is not None


def test_hanging_up_leg_b_while_leg_a_stays_completes_the_list() -> None:
    """The take-back-and-transfer flow: the Lambda hangs up LEG-B on CALL_UPDATE_REQUESTED and
    gets ACTION_SUCCESSFUL for Hangup, then bridges LEG-A elsewhere."""

    def on_success(event: dict[str, Any]) -> dict[str, Any]:
        if event["ActionData"]["Type"] == "Hangup":
            return reply([speak("hold on"), bridge(to="+12065550188")])
        return reply()

    def on_update(event: dict[str, Any]) -> dict[str, Any]:
        leg_b = event["CallDetails"]["Participants"][1]["CallId"]
        return reply([{"Type": "Hangup", "Parameters": {"CallId": leg_b}}])

    script = Script(
        NEW_INBOUND_CALL=[speak(), bridge()],
        ACTION_SUCCESSFUL=on_success,
        CALL_UPDATE_REQUESTED=on_update,
    )
    board, call = receive(script)
    board.update(call, {"Transfer": "true"}, T0)
    assert kinds(call) == [
        "NEW_INBOUND_CALL",
        "ACTION_SUCCESSFUL",
        "CALL_UPDATE_REQUESTED",
        "ACTION_SUCCESSFUL",
        "ACTION_SUCCESSFUL",
    ]
    hung = call.invoked[3].event
    assert hung["ActionData"]["Type"] == "Hangup"
    assert [leg["Status"] for leg in hung["CallDetails"]["Participants"]] == [
        "Connected",
        "Disconnected",
    ]
    bridged = last(call)["CallDetails"]["Participants"]
    assert [(leg["ParticipantTag"], leg["To"]) for leg in bridged] == [
        ("LEG-A", "+12065550100"),
        ("LEG-B", "+12065550188"),
    ]


def test_an_update_interrupts_an_interruptible_action_and_ignores_that_response() -> None:
    pause = {"Type": "Pause", "Parameters": {"DurationInMilliseconds": 10000}}
    script = Script(
        NEW_INBOUND_CALL=[pause, speak("never")],
        CALL_UPDATE_REQUESTED=[speak("news")],
        ACTION_INTERRUPTED=[hangup()],
    )
    board, call = receive(script)
    board.update(call, {"news": "yes"}, T0)
    assert kinds(call) == [
        "NEW_INBOUND_CALL",
        "CALL_UPDATE_REQUESTED",
        "ACTION_INTERRUPTED",
        "ACTION_SUCCESSFUL",
    ]
    assert last(call)["ActionData"]["Parameters"]["Text"] == "news"
    assert [done.outcome for done in call.performed] == ["Interrupted", "Succeeded"]


def test_an_update_lets_a_digit_collection_finish_then_runs_its_list() -> None:
    board, call = receive(
        Script(NEW_INBOUND_CALL=[menu(), speak("never")], CALL_UPDATE_REQUESTED=[speak("after")])
    )
    board.update(call, {}, T0)
    assert call.waiting is not None
    board.press(call, "1", "LEG-A", T0)
    assert kinds(call)[-1] == "ACTION_SUCCESSFUL"
    assert last(call)["ActionData"]["Parameters"]["Text"] == "after"


def test_an_update_answered_with_no_actions_changes_nothing() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[menu()]))
    board.update(call, {}, T0)
    board.press(call, "7", "LEG-A", T0)
    assert last(call)["ActionData"]["ReceivedDigits"] == "7"


def test_digits_that_do_not_match_use_up_the_attempts_then_fail() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[menu(InputDigitsRegex="^[12]$", Repeat=2)]))
    board.press(call, "9", "LEG-A", T0)
    assert kinds(call) == ["NEW_INBOUND_CALL"]
    board.press(call, "8", "LEG-A", T0)
    data = last(call)["ActionData"]
    assert (data["Type"], data["ErrorType"]) == ("SpeakAndGetDigits", "InvalidDigitsReceived")


def test_no_digits_within_the_attempts_fails_on_the_clock() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[menu(Repeat=3)]))
    assert board.settle(call, T0 + _dt.timedelta(seconds=8)) == T0 + _dt.timedelta(seconds=9)
    assert kinds(call) == ["NEW_INBOUND_CALL"]
    assert board.settle(call, T0 + _dt.timedelta(seconds=9)) is None
    assert last(call)["ActionData"]["ErrorType"] == "InvalidDigitsReceived"


def test_a_terminator_ends_the_entry_and_is_not_reported() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[menu(MaxNumberOfDigits=10)]))
    board.press(call, "42#99", "LEG-A", T0)
    assert last(call)["ActionData"]["ReceivedDigits"] == "42"


def test_receive_digits_listens_across_presses_until_its_regex_matches() -> None:
    listen = {
        "Type": "ReceiveDigits",
        "Parameters": {
            "InputDigitsRegex": r"^\*\d$",
            "InBetweenDigitsDurationInMilliseconds": 1000,
            "FlushDigitsDurationInMilliseconds": 5000,
        },
    }
    board, call = receive(Script(NEW_INBOUND_CALL=[bridge(), listen]))
    board.press(call, "*", "LEG-A", T0)
    board.press(call, "5", "LEG-A", T0)
    assert last(call)["InvocationEventType"] == "DIGITS_RECEIVED"
    assert last(call)["ActionData"]["ReceivedDigits"] == "*5"
    board.press(call, "*5", "LEG-A", T0)  # not armed again: the keys are lost
    assert kinds(call).count("DIGITS_RECEIVED") == 1


def test_keys_nobody_listens_to_are_lost() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[speak()]))
    board.press(call, "123", "LEG-A", T0)
    assert kinds(call) == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]


@pytest.mark.parametrize("digits", ["", "12a", "1 2", None])
def test_digits_must_be_phone_keys(digits: Any) -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[menu()]))
    with pytest.raises(ValueError, match="chime_mock: digits must be keys of a phone"):
        board.press(call, digits, "LEG-A", T0)
    assert call.waiting is not None


def test_pressing_or_hanging_up_an_ended_call_is_refused() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[hangup()]))
    with pytest.raises(ValueError, match="has ended"):
        board.press(call, "1", "LEG-A", T0)
    with pytest.raises(ValueError, match="has ended"):
        board.hang_up(call, "LEG-A", T0)


def test_hanging_up_a_leg_that_is_not_on_the_line_is_refused() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[speak()]))
    with pytest.raises(ValueError, match="no LEG-B on the line"):
        board.hang_up(call, "LEG-B", T0)


def test_transaction_attributes_are_kept_replaced_and_cleared() -> None:
    answers = iter(
        [
            reply([speak()], TransactionAttributes={"a": "1"}),
            reply([speak()]),  # absent: kept
            reply([speak()], TransactionAttributes={"b": "2"}),  # replaced
            reply([speak()], TransactionAttributes={}),  # cleared
            reply(),
        ]
    )
    seen: list[Any] = []

    def handler(event: dict[str, Any], context: Any) -> Any:
        seen.append(event["CallDetails"].get("TransactionAttributes"))
        return next(answers)

    receive(handler)
    assert seen == [None, {"a": "1"}, {"a": "1"}, {"b": "2"}, None]


@pytest.mark.parametrize(
    ("attributes", "error_type"),
    [
        ({f"k{n}": "v" for n in range(101)}, "TransactionAttributesInvalidMapSize"),
        ({"big": "x" * 21000}, "TransactionAttributesInvalidMapSize"),
        ({"n": 1}, "TransactionAttributesInvalidType"),
    ],
)
def test_attributes_over_the_limits_are_an_invalid_response(
    attributes: dict[str, Any], error_type: str
) -> None:
    _, call = receive(
        Script(NEW_INBOUND_CALL=lambda event: reply([speak()], TransactionAttributes=attributes))
    )
    event = call.invoked[1].event
    assert (event["InvocationEventType"], event["ErrorType"]) == (
        "INVALID_LAMBDA_RESPONSE",
        error_type,
    )
    assert "TransactionAttributes" not in event["CallDetails"]


def test_one_hundred_attributes_are_accepted() -> None:
    attributes = {f"k{n}": "v" for n in range(100)}
    _, call = receive(
        Script(NEW_INBOUND_CALL=lambda event: reply([speak()], TransactionAttributes=attributes))
    )
    assert last(call)["CallDetails"]["TransactionAttributes"] == attributes


@pytest.mark.parametrize(
    ("response", "error_type"),
    [
        (None, "InvalidResponse"),
        ("hello", "InvalidResponse"),
        ({"Actions": []}, "InvalidSchemaVersion"),
        ({"SchemaVersion": "2.0", "Actions": []}, "InvalidSchemaVersion"),
        ({"SchemaVersion": "1.0", "Actions": {"Type": "Speak"}}, "InvalidActionList"),
        ({"SchemaVersion": "1.0", "Actions": [speak()] * 11}, "TooManyActions"),
        ({"SchemaVersion": "1.0", "Actions": [{"Type": "Dance"}]}, "UnsupportedAction"),
    ],
)
def test_an_unusable_response_gets_invalid_lambda_response(response: Any, error_type: str) -> None:
    answers = iter([response, reply([hangup()])])
    _, call = receive(lambda event, context: next(answers, reply()))
    assert kinds(call) == ["NEW_INBOUND_CALL", "INVALID_LAMBDA_RESPONSE", "HANGUP"]
    assert call.invoked[1].event["ErrorType"] == error_type


def test_ten_actions_are_accepted() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[speak()] * 10))
    assert kinds(call) == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]


def test_two_unusable_responses_in_a_row_end_the_call() -> None:
    _, call = receive(lambda event, context: {"Actions": []})
    assert kinds(call) == ["NEW_INBOUND_CALL", "INVALID_LAMBDA_RESPONSE"]
    assert call.ended is not None
    assert "invalid twice in a row" in (call.end_reason or "")
    assert call.legs[0].status == DISCONNECTED


def test_a_failing_lambda_is_retried_once_then_the_call_ends() -> None:
    def broken(event: dict[str, Any], context: Any) -> Any:
        raise RuntimeError("database down")

    _, call = receive(broken)
    assert kinds(call) == ["NEW_INBOUND_CALL", "NEW_INBOUND_CALL"]
    assert [invocation.event["Sequence"] for invocation in call.invoked] == [1, 1]
    assert call.invoked[0].error == "The function raised RuntimeError: database down"
    assert call.ended is not None and "failed twice" in (call.end_reason or "")


def test_a_retry_that_succeeds_goes_on() -> None:
    answers = iter([RuntimeError("blip"), reply([speak()])])

    def flaky(event: dict[str, Any], context: Any) -> Any:
        answer = next(answers, reply())
        if isinstance(answer, Exception):
            raise answer
        return answer

    _, call = receive(flaky)
    assert kinds(call) == ["NEW_INBOUND_CALL", "NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]


def test_a_lambda_answering_after_its_timeout_has_failed() -> None:
    def slow(event: dict[str, Any], context: Any) -> Any:
        time.sleep(0.05)
        return reply([speak()])

    board = switchboard(Script())
    board.lambdas[ARN] = PythonLambda(ARN, slow, timeout_seconds=0.01)
    call = inbound_call()
    board.start_inbound(call, T0)
    assert call.ended is not None
    assert "did not answer within 0.01 seconds" in (call.invoked[0].error or "")


def test_a_response_json_cannot_carry_fails_the_invocation() -> None:
    _, call = receive(lambda event, context: {"SchemaVersion": "1.0", "Actions": [object()]})
    assert "is not JSON" in (call.invoked[0].error or "")


def test_the_lambda_gets_a_copy_of_each_event() -> None:
    def mutating(event: dict[str, Any], context: Any) -> Any:
        event["CallDetails"]["Participants"].clear()
        return reply([speak()])

    _, call = receive(mutating)
    assert call.invoked[0].event["CallDetails"]["Participants"]


def test_the_context_has_the_usual_lambda_attributes() -> None:
    script = Script(NEW_INBOUND_CALL=[speak()])
    receive(script)
    context = script.contexts[0]
    assert context.function_name == "ivr"
    assert context.invoked_function_arn == ARN
    assert context.function_version == "$LATEST"
    assert context.memory_limit_in_mb == "128"
    assert context.log_group_name == "/aws/lambda/ivr"
    assert 0 < context.get_remaining_time_in_millis() <= 5000
    assert context.aws_request_id != script.contexts[1].aws_request_id


def test_fail_over_to_the_next_target_starts_the_call_over_there() -> None:
    def broken(event: dict[str, Any], context: Any) -> Any:
        raise RuntimeError("region down")

    west = Script(NEW_INBOUND_CALL=[speak()])
    board = switchboard(broken, **{FALLBACK_ARN: west})
    call = inbound_call([target(FALLBACK_ARN, "sma-west", "us-west-2")])
    board.start_inbound(call, T0)
    assert kinds(call) == ["NEW_INBOUND_CALL"] * 3 + ["ACTION_SUCCESSFUL"]
    event = west.received[0]
    assert event["Sequence"] == 1
    assert event["CallDetails"]["SipMediaApplicationId"] == "sma-west"
    assert event["CallDetails"]["AwsRegion"] == "us-west-2"


def test_the_invocations_of_one_call_stop_at_one_thousand() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[speak()], ACTION_SUCCESSFUL=[speak()]))
    assert len(call.invoked) == 1000
    assert call.ended is not None and "1000 times" in (call.end_reason or "")


def test_an_inbound_call_nobody_answers_times_out_after_thirty_seconds() -> None:
    board, call = receive(Script())
    assert board.due(call) == T0 + _dt.timedelta(seconds=30)
    board.settle(call, T0 + _dt.timedelta(seconds=29))
    assert call.ended is None
    board.settle(call, T0 + _dt.timedelta(seconds=31))
    assert kinds(call) == ["NEW_INBOUND_CALL", "HANGUP"]
    assert last(call)["ActionData"]["Parameters"]["SipResponseCode"] == 480
    assert call.ended == T0 + _dt.timedelta(seconds=30)


def test_hangup_as_the_first_action_rejects_the_call_unanswered() -> None:
    _, call = receive(Script(NEW_INBOUND_CALL=[hangup(SipResponseCode="486")]))
    event = last(call)
    assert event["ActionData"]["Parameters"]["SipResponseCode"] == 486
    assert not call.answered


def test_an_outbound_call_keeps_attributes_from_new_outbound_call() -> None:
    def create(event: dict[str, Any]) -> dict[str, Any]:
        arguments = event["ActionData"]["Parameters"]["Arguments"]
        return reply([speak()], TransactionAttributes=arguments)

    _, call = place(
        Script(NEW_OUTBOUND_CALL=create, RINGING=[hangup()], CALL_ANSWERED=[speak("reminder")]),
        {"visit": "Monday"},
    )
    assert kinds(call) == ["NEW_OUTBOUND_CALL", "RINGING", "CALL_ANSWERED", "ACTION_SUCCESSFUL"]
    assert call.invoked[2].event["CallDetails"]["TransactionAttributes"] == {"visit": "Monday"}
    assert last(call)["ActionData"]["Parameters"]["Text"] == "reminder"


def test_an_outbound_call_nobody_answers_ends_with_hangup() -> None:
    board = switchboard(Script())
    board.silent.add(AGENT)
    from chime_mock.backend.sip.pstn.records import LEG_A, OUTBOUND, Leg, PstnCall

    call = PstnCall(
        "tx-2", OUTBOUND, target(), [Leg("call-a", LEG_A, AGENT, "+1", OUTBOUND, T0)], T0
    )
    board.start_outbound(call, {}, T0)
    assert kinds(call) == ["NEW_OUTBOUND_CALL", "RINGING", "HANGUP"]
    assert last(call)["ActionData"]["Parameters"]["SipResponseCode"] == 480
    assert call.ended is not None and not call.answered


def test_a_handler_updating_its_own_call_is_served_after_it_returns() -> None:
    holder: dict[str, Any] = {}

    def handler(event: dict[str, Any], context: Any) -> Any:
        if event["InvocationEventType"] == "NEW_INBOUND_CALL":
            holder["board"].update(holder["call"], {"again": "1"}, T0)
            assert len(holder["call"].invoked) == 1  # not delivered yet
            return reply([speak()])
        return reply()

    board = switchboard(handler)
    call = inbound_call()
    holder.update(board=board, call=call)
    board.start_inbound(call, T0)
    assert kinds(call) == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL", "CALL_UPDATE_REQUESTED"]


def test_the_caller_hanging_up_during_an_action_drops_it_and_reports_hangup() -> None:
    board, call = receive(Script(NEW_INBOUND_CALL=[menu(), speak()]))
    board.hang_up(call, "LEG-A", T0)
    assert kinds(call) == ["NEW_INBOUND_CALL", "HANGUP"]
    assert [done.outcome for done in call.performed] == ["Dropped"]
    assert call.active_legs == 0
