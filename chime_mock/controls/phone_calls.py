"""A call of the PSTN audio simulator as a test sees it: what its Lambda received and did, and
the people on the line (`press`, `hang_up`)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from chime_mock import clock

if TYPE_CHECKING:
    from chime_mock.backend import Backend
    from chime_mock.backend.sip.pstn.engine import Switchboard
    from chime_mock.backend.sip.pstn.records import PstnCall

T = TypeVar("T")


@dataclass(frozen=True)
class Invocation:
    """One invocation of the Lambda: the event as delivered, and what came back."""

    event: dict[str, Any]
    response: Any  # the Lambda's response, as JSON values (None when it failed)
    error: str | None  # why the invocation failed (the handler raised, timed out, ...)
    ignored: bool  # the service does not use the response to this event (RINGING, ...)


class PhoneCall:
    """A call to or from a SIP media application whose Lambda is connected.

    Every property reads the call as it is now (the mock's clock settled first): `events` are
    the events exactly as the Lambda received them, in order; `actions` the actions carried out.
    `handle.sip_media_applications.receive_call` and `.call` return it; docs/calls.md shows it
    at work.
    """

    def __init__(self, backend: Callable[[], Backend], transaction_id: str) -> None:
        self._backend = backend
        self.transaction_id = transaction_id

    def __repr__(self) -> str:
        return f"PhoneCall(transaction_id={self.transaction_id!r})"

    def _run(self, read: Callable[[Switchboard, PstnCall], T]) -> T:
        from chime_mock.backend.sip import phone_calls

        backend = self._backend()
        with backend.lock:
            now = clock.now()
            backend.settle(now)
            board, call = phone_calls.find(backend, self.transaction_id)
            return read(board, call)

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every event the Lambda received, in order (a retried invocation's twice)."""
        return self._run(lambda board, call: [copy.deepcopy(i.event) for i in call.invoked])

    @property
    def event_types(self) -> list[str]:
        """The InvocationEventType of each event, in order."""
        return [event["InvocationEventType"] for event in self.events]

    @property
    def invocations(self) -> list[Invocation]:
        """Each invocation: its event, the Lambda's response or why it failed."""
        return self._run(
            lambda board, call: [
                Invocation(copy.deepcopy(i.event), copy.deepcopy(i.response), i.error, i.ignored)
                for i in call.invoked
            ]
        )

    @property
    def actions(self) -> list[dict[str, Any]]:
        """The actions carried out, in order: `Type`, `Parameters` as the service echoes them,
        and `Outcome` (Succeeded, Failed, Interrupted, or Dropped when the leg hung up), with
        `ErrorType` when it failed."""

        def read(board: Switchboard, call: PstnCall) -> list[dict[str, Any]]:
            carried = []
            for done in call.performed:
                entry = {**copy.deepcopy(done.action), "Outcome": done.outcome}
                if done.error_type is not None:
                    entry["ErrorType"] = done.error_type
                carried.append(entry)
            return carried

        return self._run(read)

    @property
    def transaction_attributes(self) -> dict[str, str]:
        """The TransactionAttributes the Lambda stored, as they are now."""
        return self._run(lambda board, call: dict(call.attributes or {}))

    @property
    def ended(self) -> bool:
        """Whether the call is over (every leg hung up, or the service ended it)."""
        return self._run(lambda board, call: call.ended is not None)

    @property
    def end_reason(self) -> str | None:
        """Why the call ended (a leg hung up, the Lambda failed, ...); None while it lasts."""
        return self._run(lambda board, call: call.end_reason)

    def press(self, digits: str, *, leg: str = "LEG-A") -> None:
        """The person on `leg` presses keys (0-9, * and #), in one burst: they answer a
        SpeakAndGetDigits or PlayAudioAndGetDigits in progress, or a ReceiveDigits listening.

        Raises:
            ValueError: not phone keys, the call has ended, or nobody is on that leg.
        """
        self._run(lambda board, call: board.press(call, digits, leg, clock.now()))

    def hang_up(self, *, leg: str = "LEG-A") -> None:
        """The person on `leg` hangs up: HANGUP with the leg Disconnected.

        Raises:
            ValueError: the call has ended, or nobody is on that leg.
        """
        self._run(lambda board, call: board.hang_up(call, leg, clock.now()))


class PhoneCallControls:
    """The controls of calls that run, mixed into `handle.sip_media_applications`: connect a
    Lambda, receive a call, find a call, make numbers not answer, set an action's outcome."""

    _backend: Callable[[], Backend]

    def _board(self, change: Callable[[Backend, Switchboard], T]) -> T:
        from chime_mock.backend.sip import phone_calls

        backend = self._backend()
        with backend.lock:
            backend.settle(clock.now())
            return change(backend, phone_calls.switchboard(backend))

    def connect_lambda(
        self,
        lambda_arn: str,
        handler: Callable[[dict[str, Any], Any], Any],
        *,
        timeout_seconds: float = 5.0,
    ) -> None:
        """Answer the Lambda function `lambda_arn` with `handler(event, context)`, called as AWS
        calls it for a SIP media application whose endpoint is that ARN: each event a fresh
        dict, `context` with the usual Lambda attributes (`function_name`,
        `invoked_function_arn`, `aws_request_id`, `get_remaining_time_in_millis()`, ...).

        A handler that raises, returns what JSON cannot carry, or answers after
        `timeout_seconds` fails the invocation, as such a Lambda fails in AWS. Applications
        whose Lambda is not connected keep their calls recorded only.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            ARN = "arn:aws:lambda:us-east-1:123456789012:function:hello"


            def hello(event, context):
                if event["InvocationEventType"] != "NEW_INBOUND_CALL":
                    return {"SchemaVersion": "1.0", "Actions": []}
                caller = event["CallDetails"]["Participants"][0]["CallId"]
                speak = {"Type": "Speak", "Parameters": {"CallId": caller, "Text": "Hello"}}
                return {"SchemaVersion": "1.0", "Actions": [speak, {"Type": "Hangup"}]}


            with mock_chime() as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                voice.create_phone_number_order(
                    ProductType="SipMediaApplicationDialIn", E164PhoneNumbers=["+12065550100"]
                )
                application_id = voice.create_sip_media_application(
                    AwsRegion="us-east-1", Name="hello", Endpoints=[{"LambdaArn": ARN}]
                )["SipMediaApplication"]["SipMediaApplicationId"]
                voice.create_sip_rule(
                    Name="hello",
                    TriggerType="ToPhoneNumber",
                    TriggerValue="+12065550100",
                    TargetApplications=[
                        {
                            "SipMediaApplicationId": application_id,
                            "Priority": 1,
                            "AwsRegion": "us-east-1",
                        }
                    ],
                )
                handle.sip_media_applications.connect_lambda(ARN, hello)
                call = handle.sip_media_applications.receive_call(
                    to_phone_number="+12065550100", from_phone_number="+12065550123"
                )
                assert call.event_types == ["NEW_INBOUND_CALL", "HANGUP"]
                assert call.ended
            ```

        Raises:
            ValueError: the ARN is not a Lambda function's, or the handler is not callable.
        """
        from chime_mock.backend.sip.pstn.lambdas import PythonLambda

        if not isinstance(lambda_arn, str) or ":lambda:" not in lambda_arn:
            raise ValueError(
                "chime_mock: connect_lambda takes a Lambda function ARN such as "
                f"arn:aws:lambda:us-east-1:123456789012:function:ivr; got {lambda_arn!r}"
            )
        if not callable(handler):
            raise ValueError(
                "chime_mock: connect_lambda takes a handler(event, context) function; got "
                f"{handler!r}"
            )
        if isinstance(timeout_seconds, bool) or not timeout_seconds > 0:
            raise ValueError("chime_mock: timeout_seconds must be above 0")

        def connect(backend: Backend, board: Switchboard) -> None:
            board.lambdas[lambda_arn] = PythonLambda(lambda_arn, handler, timeout_seconds)

        self._board(connect)

    def receive_call(
        self,
        *,
        to_phone_number: str,
        from_phone_number: str,
        sip_headers: dict[str, str] | None = None,
        account: str | None = None,
        request_uri_hostname: str | None = None,
    ) -> PhoneCall:
        """A caller on the phone network dials `to_phone_number`: routed as AWS routes it (the
        account's enabled SIP rule with that ToPhoneNumber trigger, its target applications by
        priority, failing over when a Lambda fails), delivered before this returns.

        With `request_uri_hostname` (a Voice Connector's OutboundHostName), the call comes from
        a SIP trunk, a PBX say, sent to that host and dialing `to_phone_number`: the rule with
        that RequestUriHostname trigger routes it, whoever holds the number.

        Raises:
            ValueError: no enabled SIP rule routes the number (or the host), none of its
                applications has a connected Lambda, or the quota of active calls is reached.
        """
        from chime_mock.backend.sip import phone_calls
        from chime_mock.defaults import DEFAULT_ACCOUNT

        def dial(backend: Backend, board: Switchboard) -> str:
            call = phone_calls.receive_call(
                backend,
                account or DEFAULT_ACCOUNT,
                to_phone_number,
                from_phone_number,
                sip_headers,
                clock.now(),
                request_uri_hostname,
            )
            return call.transaction_id

        return PhoneCall(self._backend, self._board(dial))

    def call(self, transaction_id: str) -> PhoneCall:
        """The call with that TransactionId (CreateSipMediaApplicationCall's answer, or a
        received call's), when it ran through a connected Lambda.

        Raises:
            ValueError: no such call ran through a connected Lambda.
        """
        from chime_mock.backend.sip import phone_calls

        self._board(lambda backend, board: phone_calls.find(backend, transaction_id))
        return PhoneCall(self._backend, transaction_id)

    def unanswered(self, *numbers: str) -> None:
        """Calls to these numbers are not answered: an outbound call to one ends with HANGUP
        (SIP 480) and no CALL_ANSWERED; a CallAndBridge to one fails with CallNotAnswered."""
        for number in numbers:
            if not isinstance(number, str) or not number.startswith("+"):
                raise ValueError(
                    f"chime_mock: unanswered takes E.164 numbers such as +12065550166; got "
                    f"{number!r}"
                )
        self._board(lambda backend, board: board.silent.update(numbers))

    def action_outcome(
        self,
        action_type: str,
        *,
        error_type: str | None = None,
        error_message: str | None = None,
        result: dict[str, Any] | None = None,
    ) -> None:
        """How actions of `action_type` end from now on, for what lies outside Chime (an S3
        prompt, a Lex bot, a meeting): failing with `error_type` (and `error_message`, else the
        action's usual message), or succeeding with `result`'s fields added to ActionData.
        Neither given: they succeed as usual again.

        Raises:
            ValueError: not an action type of the PSTN audio service.
        """
        from chime_mock.backend.sip.pstn.actions import ACTION_TYPES
        from chime_mock.backend.sip.pstn.running import ActionOutcome

        if action_type not in ACTION_TYPES:
            raise ValueError(
                f"chime_mock: {action_type!r} is not an action type; they are "
                f"{', '.join(sorted(ACTION_TYPES))}"
            )

        def set_outcome(backend: Backend, board: Switchboard) -> None:
            if error_type is None and not result:
                board.outcomes.pop(action_type, None)
            else:
                board.outcomes[action_type] = ActionOutcome(
                    error_type, error_message, dict(result or {})
                )

        self._board(set_outcome)
