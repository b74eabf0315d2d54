"""Calls that run, through real boto3 clients and the handle: routing by SIP rules, outbound
calls, updates, the quota, records, state files and the clock."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
import time_machine
from botocore.exceptions import ClientError

from chime_mock import mock_chime
from tests.sip_helpers import application, dial_in, host_rule, lambda_arn, number_rule
from tests.voice_helpers import connector

NUMBER = "+12065550100"
CALLER = "+12065550123"
AGENT = "+12065550177"


def reply(*actions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"SchemaVersion": "1.0", "Actions": list(actions), **extra}


def speak(call_id: str, text: str = "Hello") -> dict[str, Any]:
    return {"Type": "Speak", "Parameters": {"CallId": call_id, "Text": text}}


def bridge(to: str = AGENT) -> dict[str, Any]:
    return {
        "Type": "CallAndBridge",
        "Parameters": {
            "CallerIdNumber": NUMBER,
            "Endpoints": [{"BridgeEndpointType": "PSTN", "Uri": to}],
        },
    }


def greeter(event: dict[str, Any], context: Any) -> dict[str, Any]:
    if event["InvocationEventType"] in ("NEW_INBOUND_CALL", "CALL_ANSWERED"):
        return reply(speak(event["CallDetails"]["Participants"][0]["CallId"]))
    return reply()


@pytest.fixture
def handle() -> Iterator[Any]:
    with mock_chime() as started:
        yield started


@pytest.fixture
def voice(handle: Any) -> Any:
    return boto3.client("chime-sdk-voice", region_name="us-east-1")


@pytest.fixture
def ivr(voice: Any) -> dict[str, Any]:
    """An application with a routed number (its Lambda not connected yet)."""
    dial_in(voice, NUMBER)
    created = application(voice)
    number_rule(voice, NUMBER, created)
    return created


def test_a_received_call_reaches_the_connected_lambda(handle: Any, ivr: dict[str, Any]) -> None:
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    assert call.event_types == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]
    details = call.events[0]["CallDetails"]
    assert details["SipMediaApplicationId"] == ivr["SipMediaApplicationId"]
    assert details["TransactionId"] == call.transaction_id
    assert details["AwsRegion"] == "us-east-1"
    assert details["SipRuleId"]
    assert call.actions[0]["Outcome"] == "Succeeded"
    [listed] = handle.sip_media_applications.calls()
    assert (listed.direction, listed.from_phone_number, listed.ended) == ("Inbound", CALLER, None)


def test_a_number_no_enabled_rule_routes_is_a_value_error(handle: Any, voice: Any) -> None:
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    with pytest.raises(ValueError, match=r"no enabled SIP rule .* routes calls to \+12065550100"):
        handle.sip_media_applications.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)


def test_a_disabled_rule_does_not_route(handle: Any, voice: Any, ivr: dict[str, Any]) -> None:
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    [rule] = voice.list_sip_rules()["SipRules"]
    voice.update_sip_rule(SipRuleId=rule["SipRuleId"], Name=rule["Name"], Disabled=True)
    with pytest.raises(ValueError, match="no enabled SIP rule"):
        handle.sip_media_applications.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)


def test_an_application_without_a_connected_lambda_is_a_value_error(
    handle: Any, ivr: dict[str, Any]
) -> None:
    with pytest.raises(ValueError, match="connect_lambda"):
        handle.sip_media_applications.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)


def test_a_failing_lambda_fails_over_to_the_next_region(handle: Any, voice: Any) -> None:
    west = boto3.client("chime-sdk-voice", region_name="us-west-2")
    dial_in(voice, NUMBER)
    east_app, west_app = application(voice), application(west)
    number_rule(voice, NUMBER, east_app, west_app)

    def broken(event: dict[str, Any], context: Any) -> Any:
        raise RuntimeError("us-east-1 is down")

    handle.sip_media_applications.connect_lambda(lambda_arn(), broken)
    handle.sip_media_applications.connect_lambda(lambda_arn("us-west-2"), greeter)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    assert call.event_types == ["NEW_INBOUND_CALL"] * 3 + ["ACTION_SUCCESSFUL"]
    taken = call.events[2]["CallDetails"]
    assert (taken["AwsRegion"], taken["SipMediaApplicationId"]) == (
        "us-west-2",
        west_app["SipMediaApplicationId"],
    )
    assert [c.direction for c in handle.sip_media_applications.calls(region="us-west-2")] == [
        "Inbound"
    ]
    west.update_sip_media_application_call(
        SipMediaApplicationId=west_app["SipMediaApplicationId"],
        TransactionId=call.transaction_id,
        Arguments={"ok": "yes"},
    )
    assert call.event_types[-1] == "CALL_UPDATE_REQUESTED"


def test_create_call_runs_the_outbound_sequence(handle: Any, voice: Any) -> None:
    dial_in(voice, NUMBER)
    created = application(voice)
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    transaction_id = voice.create_sip_media_application_call(
        SipMediaApplicationId=created["SipMediaApplicationId"],
        FromPhoneNumber=NUMBER,
        ToPhoneNumber=CALLER,
        SipHeaders={"X-Case": "7"},
        ArgumentsMap={"case": "7"},
    )["SipMediaApplicationCall"]["TransactionId"]
    call = handle.sip_media_applications.call(transaction_id)
    assert call.event_types == [
        "NEW_OUTBOUND_CALL",
        "RINGING",
        "CALL_ANSWERED",
        "ACTION_SUCCESSFUL",
    ]
    first = call.events[0]
    assert first["ActionData"]["Parameters"]["Arguments"] == {"case": "7"}
    assert "SipRuleId" not in first["CallDetails"]
    assert "SipHeaders" not in first["CallDetails"]["Participants"][0]
    leg = call.events[2]["CallDetails"]["Participants"][0]
    assert (leg["From"], leg["To"], leg["Direction"]) == (NUMBER, CALLER, "Outbound")


def test_an_unanswered_number_ends_the_outbound_call(handle: Any, voice: Any) -> None:
    dial_in(voice, NUMBER)
    created = application(voice)
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    handle.sip_media_applications.unanswered(CALLER)
    transaction_id = voice.create_sip_media_application_call(
        SipMediaApplicationId=created["SipMediaApplicationId"],
        FromPhoneNumber=NUMBER,
        ToPhoneNumber=CALLER,
    )["SipMediaApplicationCall"]["TransactionId"]
    call = handle.sip_media_applications.call(transaction_id)
    assert call.event_types == ["NEW_OUTBOUND_CALL", "RINGING", "HANGUP"]
    assert call.ended
    with pytest.raises(ClientError) as raised:
        voice.update_sip_media_application_call(
            SipMediaApplicationId=created["SipMediaApplicationId"],
            TransactionId=transaction_id,
            Arguments={},
        )
    assert raised.value.response["Error"]["Code"] == "NotFoundException"


def test_without_a_connected_lambda_a_placed_call_is_recorded_only(handle: Any, voice: Any) -> None:
    dial_in(voice, NUMBER)
    created = application(voice)
    transaction_id = voice.create_sip_media_application_call(
        SipMediaApplicationId=created["SipMediaApplicationId"],
        FromPhoneNumber=NUMBER,
        ToPhoneNumber=CALLER,
    )["SipMediaApplicationCall"]["TransactionId"]
    with pytest.raises(ValueError, match="no call with TransactionId"):
        handle.sip_media_applications.call(transaction_id)


def test_take_back_and_transfer(handle: Any, voice: Any, ivr: dict[str, Any]) -> None:
    """AWS's take-back-and-transfer sample, as a handler of its own: a caller is bridged to a
    contact center; the center's code calls UpdateSipMediaApplicationCall with the stored
    TransactionId; the handler hangs up the bridged LEG-B and, on ACTION_SUCCESSFUL for that
    Hangup, bridges LEG-A to a Voice Connector."""
    center, pbx = "+12065550188", "+12065550199"
    stored: dict[str, str] = {}

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        kind = event["InvocationEventType"]
        details = event["CallDetails"]
        attributes = dict(details.get("TransactionAttributes") or {})
        legs = details["Participants"]
        actions: list[dict[str, Any]] = []
        if kind == "NEW_INBOUND_CALL":
            stored["transaction_id"] = details["TransactionId"]
            attributes["caller"] = legs[0]["From"]
            actions = [speak(legs[0]["CallId"], "Transferring"), bridge(center)]
        elif kind == "CALL_UPDATE_REQUESTED":
            arguments = event["ActionData"]["Parameters"]["Arguments"]
            attributes.update(
                target=arguments["TransferTarget"],
                transfer="true",
                vc=arguments["TransferTargetArn"],
            )
            actions = [{"Type": "Hangup", "Parameters": {"CallId": legs[1]["CallId"]}}]
        elif (
            kind == "ACTION_SUCCESSFUL"
            and event["ActionData"]["Type"] == "Hangup"
            and attributes.get("transfer") == "true"
        ):
            actions = [
                speak(legs[0]["CallId"], "Please hold"),
                {
                    "Type": "CallAndBridge",
                    "Parameters": {
                        "CallTimeoutSeconds": 30,
                        "CallerIdNumber": NUMBER,
                        "Endpoints": [
                            {
                                "BridgeEndpointType": "AWS",
                                "Arn": attributes["vc"],
                                "Uri": attributes["target"],
                            }
                        ],
                        "SipHeaders": {"X-Original-Calling-Number": attributes["caller"]},
                    },
                },
            ]
        elif kind == "HANGUP" and len(legs) > 1:
            other = next(leg for leg in legs if leg["Status"] == "Connected")
            actions = [{"Type": "Hangup", "Parameters": {"CallId": other["CallId"]}}]
        return reply(*actions, TransactionAttributes=attributes)

    handle.sip_media_applications.connect_lambda(lambda_arn(), handler)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    assert call.event_types == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]
    # The contact center's own Lambda takes the call back.
    voice.update_sip_media_application_call(
        SipMediaApplicationId=ivr["SipMediaApplicationId"],
        TransactionId=stored["transaction_id"],
        Arguments={
            "TransferTarget": pbx,
            "TransferTargetArn": "arn:aws:chime:us-east-1:123456789012:vc/abcdefghijklmnop",
            "Transfer": "true",
        },
    )
    assert call.event_types[2:] == [
        "CALL_UPDATE_REQUESTED",
        "ACTION_SUCCESSFUL",
        "ACTION_SUCCESSFUL",
    ]
    hung_up = call.events[3]
    assert hung_up["ActionData"]["Type"] == "Hangup"
    assert [leg["Status"] for leg in hung_up["CallDetails"]["Participants"]] == [
        "Connected",
        "Disconnected",
    ]
    transferred = call.events[4]["CallDetails"]["Participants"]
    assert [(leg["ParticipantTag"], leg["To"]) for leg in transferred] == [
        ("LEG-A", NUMBER),
        ("LEG-B", pbx),
    ]
    call.hang_up()
    assert call.ended
    assert call.event_types[-2:] == ["HANGUP", "HANGUP"]


def test_a_handler_can_update_its_own_call_in_process(
    handle: Any, voice: Any, ivr: dict[str, Any]
) -> None:
    client = boto3.client("chime-sdk-voice", region_name="us-east-1")

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        details = event["CallDetails"]
        if event["InvocationEventType"] == "NEW_INBOUND_CALL":
            client.update_sip_media_application_call(
                SipMediaApplicationId=details["SipMediaApplicationId"],
                TransactionId=details["TransactionId"],
                Arguments={"from": "myself"},
            )
            return reply(speak(details["Participants"][0]["CallId"]))
        return reply()

    handle.sip_media_applications.connect_lambda(lambda_arn(), handler)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    assert call.event_types == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL", "CALL_UPDATE_REQUESTED"]


def test_bridged_calls_count_two_active_calls() -> None:
    with mock_chime(quotas={"active_sip_media_application_calls": 3}) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        dial_in(voice, NUMBER)
        number_rule(voice, NUMBER, application(voice))

        def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
            if event["InvocationEventType"] == "NEW_INBOUND_CALL":
                return reply(bridge())
            return reply()

        handle.sip_media_applications.connect_lambda(lambda_arn(), handler)
        calls = handle.sip_media_applications
        first = calls.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)
        calls.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)
        with pytest.raises(
            ValueError, match=r"the call is refused: .* is 3: 4 exist and this request adds 1"
        ):
            calls.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)
        first.hang_up(leg="LEG-B")  # the handler leaves LEG-A up: 1 + 2 active
        with pytest.raises(
            ValueError,
            match=r"is 3: 3 exist and this request adds 1; .* in the mock with mock_chime\(quotas=",
        ):
            calls.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)
        first.hang_up()
        calls.receive_call(to_phone_number=NUMBER, from_phone_number=CALLER)


def test_an_unanswered_inbound_call_times_out_on_the_mocks_clock(
    ivr: dict[str, Any], handle: Any
) -> None:
    start = _dt.datetime(2026, 3, 2, 9, 0, tzinfo=_dt.timezone.utc)
    with time_machine.travel(start, tick=False) as traveller:
        handle.sip_media_applications.connect_lambda(lambda_arn(), lambda e, c: reply())
        call = handle.sip_media_applications.receive_call(
            to_phone_number=NUMBER, from_phone_number=CALLER
        )
        traveller.shift(_dt.timedelta(seconds=29))
        assert not call.ended
        traveller.shift(_dt.timedelta(seconds=2))
        assert call.event_types == ["NEW_INBOUND_CALL", "HANGUP"]
        assert call.ended and "30 seconds" in (call.end_reason or "")
        [listed] = handle.sip_media_applications.calls()
        assert listed.ended == start + _dt.timedelta(seconds=30)


def test_a_waiting_call_survives_a_state_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    menu = {
        "Type": "SpeakAndGetDigits",
        "Parameters": {
            "SpeechParameters": {"Text": "Press 1"},
            "FailureSpeechParameters": {"Text": "Sorry"},
            "RepeatDurationInMilliseconds": 5000,
        },
    }

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        if event["InvocationEventType"] == "NEW_INBOUND_CALL":
            call_id = event["CallDetails"]["Participants"][0]["CallId"]
            return reply(
                {**menu, "Parameters": {**menu["Parameters"], "CallId": call_id}},
                TransactionAttributes={"step": "menu"},
            )
        return reply()

    with mock_chime() as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        dial_in(voice, NUMBER)
        number_rule(voice, NUMBER, application(voice))
        handle.sip_media_applications.connect_lambda(lambda_arn(), handler)
        transaction_id = handle.sip_media_applications.receive_call(
            to_phone_number=NUMBER, from_phone_number=CALLER
        ).transaction_id
        handle.save_state(path)
    with mock_chime(state=path) as handle:
        handle.sip_media_applications.connect_lambda(lambda_arn(), handler)
        call = handle.sip_media_applications.call(transaction_id)
        call.press("1#")
        assert call.event_types == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]
        assert call.events[-1]["ActionData"]["ReceivedDigits"] == "1"
        assert call.events[-1]["CallDetails"]["TransactionAttributes"] == {"step": "menu"}


def test_deleting_the_application_ends_its_calls(
    handle: Any, voice: Any, ivr: dict[str, Any]
) -> None:
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    for rule in voice.list_sip_rules()["SipRules"]:
        voice.update_sip_rule(SipRuleId=rule["SipRuleId"], Name=rule["Name"], Disabled=True)
    voice.delete_sip_media_application(SipMediaApplicationId=ivr["SipMediaApplicationId"])
    assert call.ended and call.end_reason == "Its SIP media application was deleted"


def test_end_call_ends_a_running_call(handle: Any, ivr: dict[str, Any]) -> None:
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    handle.sip_media_applications.end_call(call.transaction_id)
    assert call.ended
    with pytest.raises(ValueError, match="has ended"):
        call.press("1")


def test_pressing_and_hanging_up_are_checked(handle: Any, ivr: dict[str, Any]) -> None:
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    with pytest.raises(ValueError, match="keys of a phone"):
        call.press("12x")
    with pytest.raises(ValueError, match="no LEG-B on the line"):
        call.hang_up(leg="LEG-B")
    call.hang_up()
    with pytest.raises(ValueError, match="has ended"):
        call.hang_up()
    assert call.event_types == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL", "HANGUP"]


def test_action_outcomes_and_their_checks(handle: Any, ivr: dict[str, Any]) -> None:
    play = {
        "Type": "PlayAudio",
        "Parameters": {"AudioSource": {"Type": "S3", "BucketName": "b", "Key": "k.wav"}},
    }
    handle.sip_media_applications.connect_lambda(
        lambda_arn(),
        lambda event, context: (
            reply(play) if event["InvocationEventType"] == "NEW_INBOUND_CALL" else reply()
        ),
    )
    handle.sip_media_applications.action_outcome("PlayAudio", error_type="InvalidAudioSource")
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    assert call.events[-1]["ActionData"]["ErrorType"] == "InvalidAudioSource"
    assert call.actions[-1]["Outcome"] == "Failed"
    handle.sip_media_applications.action_outcome("PlayAudio")
    again = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER
    )
    assert again.event_types[-1] == "ACTION_SUCCESSFUL"
    with pytest.raises(ValueError, match="'Dance' is not an action type"):
        handle.sip_media_applications.action_outcome("Dance")


@pytest.mark.parametrize("arn", ["ivr", None])
def test_connect_lambda_checks_its_arguments(handle: Any, arn: Any) -> None:
    with pytest.raises(ValueError, match="Lambda function ARN"):
        handle.sip_media_applications.connect_lambda(arn, greeter)
    with pytest.raises(ValueError, match="handler"):
        handle.sip_media_applications.connect_lambda(lambda_arn(), "not callable")


def test_a_received_calls_sip_headers_reach_the_lambda(handle: Any, ivr: dict[str, Any]) -> None:
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=NUMBER, from_phone_number=CALLER, sip_headers={"X-Case-Id": "42"}
    )
    for event in call.events:
        assert event["CallDetails"]["Participants"][0]["SipHeaders"] == {"X-Case-Id": "42"}
    [listed] = handle.sip_media_applications.calls()
    assert listed.sip_headers == {"X-Case-Id": "42"}


def test_a_call_sent_to_a_voice_connector_host_is_routed_by_its_hostname_rule(
    handle: Any, voice: Any
) -> None:
    """A PBX trunked to the Voice Connector dials a number no one holds in the account."""
    host = connector(voice)["OutboundHostName"]
    created = application(voice)
    host_rule(voice, host, created)
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    call = handle.sip_media_applications.receive_call(
        to_phone_number=AGENT, from_phone_number=CALLER, request_uri_hostname=host.upper()
    )
    assert call.event_types == ["NEW_INBOUND_CALL", "ACTION_SUCCESSFUL"]
    [leg] = call.events[0]["CallDetails"]["Participants"]
    assert (leg["To"], leg["From"], leg["Direction"]) == (AGENT, CALLER, "Inbound")
    # The number alone routes nothing: no ToPhoneNumber rule names it.
    with pytest.raises(ValueError, match="routes calls to"):
        handle.sip_media_applications.receive_call(to_phone_number=AGENT, from_phone_number=CALLER)


def test_a_host_no_enabled_rule_routes_is_a_value_error(handle: Any, voice: Any) -> None:
    host = connector(voice)["OutboundHostName"]
    handle.sip_media_applications.connect_lambda(lambda_arn(), greeter)
    with pytest.raises(ValueError, match=f"routes calls sent to host {host}.*RequestUriHostname"):
        handle.sip_media_applications.receive_call(
            to_phone_number=AGENT, from_phone_number=CALLER, request_uri_hostname=host
        )
    with pytest.raises(ValueError, match="request_uri_hostname must be"):
        handle.sip_media_applications.receive_call(
            to_phone_number=AGENT, from_phone_number=CALLER, request_uri_hostname=""
        )
