"""Calls on the PSTN audio engine alone (no boto3, no backend): a switchboard, a scripted
Lambda, and builders of inbound and outbound calls."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from chime_mock.backend.sip.pstn.engine import Switchboard
from chime_mock.backend.sip.pstn.lambdas import PythonLambda
from chime_mock.backend.sip.pstn.records import INBOUND, LEG_A, OUTBOUND, Leg, PstnCall, Target
from chime_mock.backend.sip.pstn.running import ActionOutcome

T0 = _dt.datetime(2026, 1, 5, 9, 0, tzinfo=_dt.timezone.utc)
ACCOUNT = "123456789012"
ARN = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:ivr"
FALLBACK_ARN = f"arn:aws:lambda:us-west-2:{ACCOUNT}:function:ivr-west"
CALLER = "+12065550123"
NUMBER = "+12065550100"
AGENT = "+12065550177"

Reply = list[dict[str, Any]] | Callable[[dict[str, Any]], Any] | None


class Script:
    """A Lambda answering each event type as told (a list of actions, a function of the event,
    or None for no actions), and keeping TransactionAttributes as a sample Lambda does."""

    def __init__(self, **replies: Reply) -> None:
        self.replies = replies
        self.received: list[dict[str, Any]] = []
        self.contexts: list[Any] = []

    def __call__(self, event: dict[str, Any], context: Any) -> Any:
        self.received.append(event)
        self.contexts.append(context)
        reply = self.replies.get(event["InvocationEventType"])
        if callable(reply):
            return reply(event)
        return {"SchemaVersion": "1.0", "Actions": list(reply or [])}


def switchboard(handler: Callable[..., Any], **lambdas: Callable[..., Any]) -> Switchboard:
    board = Switchboard(owns=lambda call, number: number == NUMBER)
    board.lambdas[ARN] = PythonLambda(ARN, handler)
    for arn, other in lambdas.items():
        board.lambdas[arn] = PythonLambda(arn, other)
    return board


def target(arn: str = ARN, application: str = "sma-1", region: str = "us-east-1") -> Target:
    return Target(application, region, ACCOUNT, arn)


def inbound_call(fallbacks: list[Target] | None = None) -> PstnCall:
    return PstnCall(
        transaction_id="tx-1",
        direction=INBOUND,
        target=target(),
        legs=[Leg("call-a", LEG_A, NUMBER, CALLER, INBOUND, T0)],
        started=T0,
        sip_rule_id="rule-1",
        fallbacks=list(fallbacks or []),
    )


def receive(
    handler: Callable[..., Any],
    *,
    silent: tuple[str, ...] = (),
    outcomes: dict[str, ActionOutcome] | None = None,
    **lambdas: Callable[..., Any],
) -> tuple[Switchboard, PstnCall]:
    """An inbound call to `handler`, with numbers that do not answer and action outcomes set
    first."""
    board = switchboard(handler, **lambdas)
    board.silent.update(silent)
    board.outcomes.update(outcomes or {})
    call = inbound_call()
    board.start_inbound(call, T0)
    return board, call


def place(
    handler: Callable[..., Any], arguments: dict[str, str] | None = None, to: str = CALLER
) -> tuple[Switchboard, PstnCall]:
    board = switchboard(handler)
    call = PstnCall(
        transaction_id="tx-out",
        direction=OUTBOUND,
        target=target(),
        legs=[Leg("call-a", LEG_A, to, NUMBER, OUTBOUND, T0)],
        started=T0,
    )
    board.start_outbound(call, arguments or {}, T0)
    return board, call


def kinds(call: PstnCall) -> list[str]:
    return [invocation.event["InvocationEventType"] for invocation in call.invoked]


def last(call: PstnCall) -> dict[str, Any]:
    return call.invoked[-1].event


def speak(text: str = "Hello", call_id: str = "call-a") -> dict[str, Any]:
    return {"Type": "Speak", "Parameters": {"Text": text, "CallId": call_id}}


def hangup(**parameters: Any) -> dict[str, Any]:
    return {"Type": "Hangup", "Parameters": parameters}


def bridge(to: str = AGENT, caller: str = NUMBER) -> dict[str, Any]:
    return {
        "Type": "CallAndBridge",
        "Parameters": {
            "CallerIdNumber": caller,
            "Endpoints": [{"BridgeEndpointType": "PSTN", "Uri": to}],
        },
    }


def menu(**parameters: Any) -> dict[str, Any]:
    return {
        "Type": "SpeakAndGetDigits",
        "Parameters": {
            "CallId": "call-a",
            "SpeechParameters": {"Text": "Press 1 for sales"},
            "FailureSpeechParameters": {"Text": "Sorry"},
            "MinNumberOfDigits": 1,
            "MaxNumberOfDigits": 1,
            "RepeatDurationInMilliseconds": 3000,
            **parameters,
        },
    }
