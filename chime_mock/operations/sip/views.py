"""SIP media applications, SIP rules, their calls and proxy sessions as output dicts (see
operations/views.py)."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.sip.proxy_sessions import ProxySession
from chime_mock.backend.sip.sip_media_applications import (
    SipMediaApplication,
    SipMediaApplicationCall,
    SipRule,
)
from chime_mock.operations.views import registered


@registered("SipMediaApplication")
def sip_media_application_view(application: SipMediaApplication) -> dict[str, Any]:
    return {
        "SipMediaApplicationId": application.sip_media_application_id,
        "AwsRegion": application.aws_region,
        "Name": application.name,
        "Endpoints": [{"LambdaArn": application.lambda_arn}],
        "CreatedTimestamp": application.created,
        "UpdatedTimestamp": application.updated,
        "SipMediaApplicationArn": application.arn,
    }


@registered("SipRule")
def sip_rule_view(rule: SipRule) -> dict[str, Any]:
    return {
        "SipRuleId": rule.sip_rule_id,
        "Name": rule.name,
        "Disabled": rule.disabled,
        "TriggerType": rule.trigger_type,
        "TriggerValue": rule.trigger_value,
        "TargetApplications": [
            {
                "SipMediaApplicationId": target.sip_media_application_id,
                "Priority": target.priority,
                "AwsRegion": target.aws_region,
            }
            for target in rule.targets
        ],
        "CreatedTimestamp": rule.created,
        "UpdatedTimestamp": rule.updated,
    }


@registered("SipMediaApplicationCall")
def sip_media_application_call_view(placed: SipMediaApplicationCall) -> dict[str, Any]:
    # No API answers a call's details: this is the snapshot's and the dashboard's form.
    return {
        "TransactionId": placed.transaction_id,
        "SipMediaApplicationId": placed.sip_media_application_id,
        "FromPhoneNumber": placed.from_phone_number,
        "ToPhoneNumber": placed.to_phone_number,
        "SipHeaders": dict(placed.sip_headers),
        "ArgumentsMap": dict(placed.arguments),
        "PlacedTimestamp": placed.placed,
        "EndedTimestamp": placed.ended,
        "Updates": [
            {"Arguments": dict(update.arguments), "UpdatedTimestamp": update.at}
            for update in placed.updates
        ],
        "Direction": placed.direction,
        # The events of a call that ran through a connected Lambda (GET
        # /_chime_mock/phone-calls/{TransactionId} shows the rest).
        "Events": [] if placed.pstn is None else [i.event for i in placed.pstn.invoked],
    }


@registered("ProxySession")
def proxy_session_view(session: ProxySession) -> dict[str, Any]:
    geo = session.geo_match_params
    return {
        "VoiceConnectorId": session.voice_connector_id,
        "ProxySessionId": session.proxy_session_id,
        "Name": session.name,
        "Status": session.status,
        "ExpiryMinutes": session.expiry_minutes,
        "Capabilities": list(session.capabilities),
        "CreatedTimestamp": session.created,
        "UpdatedTimestamp": session.updated,
        "EndedTimestamp": session.ended,
        "Participants": [
            {"PhoneNumber": number, "ProxyPhoneNumber": session.proxy_phone_number}
            for number in session.participants
        ],
        "NumberSelectionBehavior": session.number_selection_behavior,
        "GeoMatchLevel": session.geo_match_level,
        "GeoMatchParams": {"Country": geo.country, "AreaCode": geo.area_code} if geo else None,
    }
