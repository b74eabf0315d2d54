"""`handle.sip_media_applications`: the calls of SIP media applications, which AWS shows only to
the application's Lambda. Without a Lambda connected, a call an application placed is a record a
test reads; with one (`connect_lambda`, in controls/phone_calls.py), calls run through it."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chime_mock import clock
from chime_mock.controls import FamilyControls
from chime_mock.controls.phone_calls import PhoneCallControls
from chime_mock.defaults import DEFAULT_ACCOUNT, DEFAULT_REGION

if TYPE_CHECKING:
    from chime_mock.backend.store import Inventory


@dataclass(frozen=True)
class CallUpdate:
    """The Arguments of one UpdateSipMediaApplicationCall, and when it was made."""

    arguments: Mapping[str, str]
    at: _dt.datetime


@dataclass(frozen=True)
class PlacedCall:
    """A call of an application, as `handle.sip_media_applications.calls()` lists it (a
    snapshot: later updates do not change it): one placed with CreateSipMediaApplicationCall
    (`direction` Outbound), or one a SIP rule routed to it (Inbound, `receive_call`)."""

    transaction_id: str
    sip_media_application_id: str
    from_phone_number: str
    to_phone_number: str
    sip_headers: Mapping[str, str]
    arguments: Mapping[str, str]  # the ArgumentsMap
    placed: _dt.datetime
    ended: _dt.datetime | None  # None while the call is active
    updates: tuple[CallUpdate, ...]  # oldest first
    direction: str = "Outbound"


class SipMediaApplicationControls(PhoneCallControls, FamilyControls):
    def calls(
        self,
        sip_media_application_id: str | None = None,
        *,
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
    ) -> list[PlacedCall]:
        """The calls placed in that account and region (by one application when given), oldest
        first, with the updates each received.

        Example:
            ```python
            import boto3

            from chime_mock import mock_chime

            with mock_chime() as handle:
                voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
                voice.create_phone_number_order(
                    ProductType="SipMediaApplicationDialIn", E164PhoneNumbers=["+12065550100"]
                )
                application_id = voice.create_sip_media_application(
                    AwsRegion="us-east-1",
                    Name="ivr",
                    Endpoints=[
                        {"LambdaArn": "arn:aws:lambda:us-east-1:123456789012:function:ivr"}
                    ],
                )["SipMediaApplication"]["SipMediaApplicationId"]
                voice.create_sip_media_application_call(
                    SipMediaApplicationId=application_id,
                    FromPhoneNumber="+12065550100",
                    ToPhoneNumber="+12065550199",
                    ArgumentsMap={"greeting": "hello"},
                )
                [call] = handle.sip_media_applications.calls()
                assert call.to_phone_number == "+12065550199"
                assert call.arguments == {"greeting": "hello"}
            ```
        """
        from chime_mock.backend.sip import sip_media_applications

        def snapshot(inventory: Inventory) -> list[PlacedCall]:
            family = sip_media_applications.of(inventory)
            return [
                PlacedCall(
                    transaction_id=placed.transaction_id,
                    sip_media_application_id=placed.sip_media_application_id,
                    from_phone_number=placed.from_phone_number,
                    to_phone_number=placed.to_phone_number,
                    sip_headers=dict(placed.sip_headers),
                    arguments=dict(placed.arguments),
                    placed=placed.placed,
                    ended=placed.ended,
                    updates=tuple(
                        CallUpdate(dict(update.arguments), update.at) for update in placed.updates
                    ),
                    direction=placed.direction,
                )
                for placed in family.calls.after(-1)
                if sip_media_application_id in (None, placed.sip_media_application_id)
            ]

        return self._run(snapshot, account, region)

    def end_call(
        self,
        transaction_id: str,
        *,
        account: str = DEFAULT_ACCOUNT,
        region: str = DEFAULT_REGION,
    ) -> None:
        """End an active call now, as a hang-up would: UpdateSipMediaApplicationCall then
        answers NotFoundException, and it no longer counts against the quota of active calls.

        Raises:
            ValueError: no call has that TransactionId there, or it has already ended.
        """
        from chime_mock.backend.sip import sip_media_application_calls

        self._run(
            lambda inventory: sip_media_application_calls.end_call(
                inventory, transaction_id, clock.now()
            ),
            account,
            region,
        )
