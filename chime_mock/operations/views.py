"""Records as output dicts: every member any current model knows; the serializer keeps the ones
the installed model of the calling service has (legacy Chime orders have no OrderType, say).

Views are fresh trees that share no dict or list with a record: the serializer keeps the last
output of each operation to compare the next one with, and a record changed later must not
change that kept copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from chime_mock.backend.phone_numbers.records import PhoneNumber, PhoneNumberOrder

if TYPE_CHECKING:  # the families load at their first call, not with the phone numbers
    from chime_mock.backend.analytics.voice_analytics import (
        AnalyticsTask,
        SpeakerSearchTask,
        VoiceProfile,
        VoiceProfileDomain,
        VoiceToneAnalysisTask,
    )
    from chime_mock.backend.sip.proxy_sessions import ProxySession
    from chime_mock.backend.sip.sip_media_applications import (
        SipMediaApplication,
        SipMediaApplicationCall,
        SipRule,
    )
    from chime_mock.backend.voice_connectors.connectors import VoiceConnector, VoiceConnectorGroup
    from chime_mock.backend.voice_connectors.global_settings import GlobalSettings


def order_view(order: PhoneNumberOrder) -> dict[str, Any]:
    return {
        "PhoneNumberOrderId": order.order_id,
        "ProductType": order.product_type,
        "Status": order.status,
        "OrderType": order.order_type,
        "OrderedPhoneNumbers": [
            {"E164PhoneNumber": entry.e164, "Status": entry.status} for entry in order.ordered
        ],
        "CreatedTimestamp": order.created,
        "UpdatedTimestamp": order.updated,
        "FocDate": order.foc_date,
    }


def number_view(number: PhoneNumber) -> dict[str, Any]:
    return {
        "PhoneNumberId": number.phone_number_id,
        "E164PhoneNumber": number.e164,
        "Country": number.country,
        "Type": number.type,
        "ProductType": number.product_type,
        "Status": number.status,
        "Capabilities": dict(number.capabilities),
        "Associations": [
            {
                "Name": association.name,
                "Value": association.value,
                "AssociatedTimestamp": association.associated,
            }
            for association in number.associations
        ],
        "CallingName": number.calling_name,
        "CallingNameStatus": number.calling_name_status,
        "CreatedTimestamp": number.created,
        "UpdatedTimestamp": number.updated,
        "DeletionTimestamp": number.deletion,
        "OrderId": number.order_id,
        "Name": number.name,
    }


def voice_connector_view(connector: VoiceConnector) -> dict[str, Any]:
    return {
        "VoiceConnectorId": connector.voice_connector_id,
        "AwsRegion": connector.aws_region,
        "Name": connector.name,
        "OutboundHostName": connector.outbound_host_name,
        "RequireEncryption": connector.require_encryption,
        "CreatedTimestamp": connector.created,
        "UpdatedTimestamp": connector.updated,
        "VoiceConnectorArn": connector.arn,
        "IntegrationType": connector.integration_type,
        "NetworkType": connector.network_type,
    }


def voice_connector_group_view(group: VoiceConnectorGroup) -> dict[str, Any]:
    return {
        "VoiceConnectorGroupId": group.group_id,
        "Name": group.name,
        "VoiceConnectorItems": [
            {"VoiceConnectorId": item.voice_connector_id, "Priority": item.priority}
            for item in group.items
        ],
        "CreatedTimestamp": group.created,
        "UpdatedTimestamp": group.updated,
        "VoiceConnectorGroupArn": group.arn,
    }


def global_settings_view(settings: GlobalSettings) -> dict[str, Any]:
    return {
        "VoiceConnector": dict(settings.voice_connector),
        "BusinessCalling": dict(settings.business_calling) or None,  # legacy Chime's only
    }


# -- voice analytics (issue 15) ------------------------------------------------------------------


def voice_profile_domain_view(domain: VoiceProfileDomain) -> dict[str, Any]:
    # ListVoiceProfileDomains' summaries have no ServerSideEncryptionConfiguration: the
    # serializer leaves it out by their shape.
    return {
        "VoiceProfileDomainId": domain.voice_profile_domain_id,
        "VoiceProfileDomainArn": domain.arn,
        "Name": domain.name,
        "Description": domain.description,
        "ServerSideEncryptionConfiguration": {"KmsKeyArn": domain.kms_key_arn},
        "CreatedTimestamp": domain.created,
        "UpdatedTimestamp": domain.updated,
    }


def voice_profile_view(profile: VoiceProfile) -> dict[str, Any]:
    return {
        "VoiceProfileId": profile.voice_profile_id,
        "VoiceProfileArn": profile.arn,
        "VoiceProfileDomainId": profile.voice_profile_domain_id,
        "CreatedTimestamp": profile.created,
        "UpdatedTimestamp": profile.updated,
        "ExpirationTimestamp": profile.expires,
    }


def _task_view(task: AnalyticsTask, is_caller: bool | None) -> dict[str, Any]:
    return {
        "CallDetails": {
            "VoiceConnectorId": task.voice_connector_id,
            "TransactionId": task.transaction_id,
            "IsCaller": is_caller,
        },
        "CreatedTimestamp": task.created,
        "UpdatedTimestamp": task.updated,
        "StartedTimestamp": task.started,
        "StatusMessage": task.status_message,
    }


def speaker_search_task_view(task: SpeakerSearchTask) -> dict[str, Any]:
    details = None
    if task.results or task.voiceprint_generation_status:
        details = {
            "Results": [
                {"ConfidenceScore": r.confidence_score, "VoiceProfileId": r.voice_profile_id}
                for r in task.results
            ],
            "VoiceprintGenerationStatus": task.voiceprint_generation_status,
        }
    return {
        "SpeakerSearchTaskId": task.task_id,
        "SpeakerSearchTaskStatus": task.status,
        "SpeakerSearchDetails": details,
        **_task_view(task, task.is_caller),
    }


def voice_tone_analysis_task_view(
    task: VoiceToneAnalysisTask, is_caller: bool | None = None
) -> dict[str, Any]:
    """`is_caller`: GetVoiceToneAnalysisTask's isCaller, echoed (U50)."""
    return {
        "VoiceToneAnalysisTaskId": task.task_id,
        "VoiceToneAnalysisTaskStatus": task.status,
        **_task_view(task, is_caller),
    }


# -- SIP media applications, SIP rules, calls and proxy sessions (issue 14) ------------------


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
    }


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


# Record class name -> its view: how the server's snapshot and dashboard show every family's
# records. By name, so the phone numbers' operations load no family's module.
VIEWS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "PhoneNumberOrder": order_view,
    "PhoneNumber": number_view,
    "VoiceConnector": voice_connector_view,
    "VoiceConnectorGroup": voice_connector_group_view,
    "GlobalSettings": global_settings_view,
    # Voice analytics (issue 15).
    "VoiceProfileDomain": voice_profile_domain_view,
    "VoiceProfile": voice_profile_view,
    "SpeakerSearchTask": speaker_search_task_view,
    "VoiceToneAnalysisTask": voice_tone_analysis_task_view,
    # SIP media applications, SIP rules, calls and proxy sessions (issue 14).
    "SipMediaApplication": sip_media_application_view,
    "SipRule": sip_rule_view,
    "SipMediaApplicationCall": sip_media_application_call_view,
    "ProxySession": proxy_session_view,
}
