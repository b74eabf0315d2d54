"""The floor the mocked call is measured against, shared by bench_core.py and bench_instructions.py.

One boto3 client and one order; the floor is the same client answered by a plain `before-send`
handler with the mock's own response bytes, so everything botocore does is in both and the
difference is what chime_mock adds.
"""

from __future__ import annotations

from typing import Any

import boto3
from botocore.awsrequest import AWSResponse

from chime_mock.interception import ResponseBody

_RECORD_EVENT = "before-parse.chime-sdk-voice.GetPhoneNumberOrder"


class Floor:
    def __init__(self) -> None:
        self.client = boto3.client(
            "chime-sdk-voice",
            region_name="us-east-1",
            aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
            aws_secret_access_key="secret",
        )
        self._recorded: dict[str, Any] = {}
        self._ordered = 0

    def order(self) -> str:
        """Order two numbers not ordered before (inside an active mock) and keep the first
        answer to read it: every order answers alike, two numbers Acquired."""
        first = 100 + 2 * (self._ordered % 50)  # +1206555010x: fictional, valid numbers
        self._ordered += 1
        order_id: str = self.client.create_phone_number_order(
            ProductType="VoiceConnector",
            E164PhoneNumbers=[f"+12065550{first}", f"+12065550{first + 1}"],
        )["PhoneNumberOrder"]["PhoneNumberOrderId"]
        if not self._recorded:
            self.client.meta.events.register(_RECORD_EVENT, self._record)
            self.call(order_id)
            self.client.meta.events.unregister(_RECORD_EVENT, self._record)
        return order_id

    def call(self, order_id: str) -> object:
        return self.client.get_phone_number_order(PhoneNumberOrderId=order_id)

    def install(self) -> None:
        """From now on (outside the mock) the plain handler answers the recorded bytes."""
        self.client.meta.events.register("before-send.chime-sdk-voice", self._answer)

    def uninstall(self) -> None:
        self.client.meta.events.unregister("before-send.chime-sdk-voice", self._answer)

    def _record(self, response_dict: dict[str, Any], **kwargs: Any) -> None:
        self._recorded.update(response_dict)

    def _answer(self, request: Any, **kwargs: Any) -> AWSResponse:
        recorded = self._recorded
        return AWSResponse(
            request.url,
            recorded["status_code"],
            recorded["headers"],
            ResponseBody(recorded["body"]),
        )
