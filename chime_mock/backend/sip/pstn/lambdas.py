"""The Lambda function a SIP media application invokes, as an interface: the engine hands it an
event and gets a response back, or an InvocationError. In-process it is a Python callable
(`PythonLambda`); the server adds one that POSTs to a URL. The engine does not know which.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

# The PSTN audio service waits this long for a response before it retries the invocation.
DEFAULT_TIMEOUT_SECONDS = 5.0

Handler = Callable[[dict[str, Any], Any], Any]


class InvocationError(Exception):
    """The invocation failed (the function raised, timed out, or could not be reached)."""


class LambdaFunction(Protocol):
    lambda_arn: str

    def invoke(self, event: dict[str, Any]) -> Any:
        """The function's response to the event, as JSON values; raises InvocationError."""


def function_name(lambda_arn: str) -> str:
    found = re.search(r":function:([^:]+)", lambda_arn)
    return found.group(1) if found else lambda_arn


@dataclass
class LambdaContext:
    """The context object of a Lambda invocation, with the attributes of AWS's Python runtime."""

    function_name: str
    invoked_function_arn: str
    timeout_seconds: float
    function_version: str = "$LATEST"
    memory_limit_in_mb: str = "128"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    identity: Any = None
    client_context: Any = None
    _deadline: float = 0.0

    def __post_init__(self) -> None:
        self._deadline = time.monotonic() + self.timeout_seconds

    @property
    def log_group_name(self) -> str:
        return f"/aws/lambda/{self.function_name}"

    @property
    def log_stream_name(self) -> str:
        return f"{time.strftime('%Y/%m/%d')}/[$LATEST]{self.aws_request_id.replace('-', '')}"

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def as_json(value: Any, what: str) -> Any:
    """`value` as it would travel as JSON (a fresh copy); raises InvocationError."""
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError) as error:
        raise InvocationError(f"{what} is not JSON: {error}") from None


class PythonLambda:
    """A Python function `handler(event, context)` standing in for the Lambda at `lambda_arn`.

    It gets a fresh copy of each event, as a deployed function gets it from JSON, and its
    response travels as JSON too. Raising, returning what JSON cannot carry, or answering after
    `timeout_seconds` fails the invocation, as such a Lambda fails in AWS."""

    def __init__(
        self,
        lambda_arn: str,
        handler: Handler,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self.lambda_arn = lambda_arn
        self.handler = handler
        self.timeout_seconds = timeout_seconds

    def invoke(self, event: dict[str, Any]) -> Any:
        context = LambdaContext(
            function_name(self.lambda_arn), self.lambda_arn, self.timeout_seconds
        )
        started = time.monotonic()
        try:
            response = self.handler(as_json(event, "The event"), context)
        except Exception as error:  # the function's own failure, whatever it is
            raise InvocationError(f"The function raised {type(error).__name__}: {error}") from None
        elapsed = time.monotonic() - started
        if elapsed > self.timeout_seconds:
            raise InvocationError(
                f"The function did not answer within {self.timeout_seconds:g} seconds "
                f"(it took {elapsed:.2f})"
            )
        return as_json(response, "The function's response")
