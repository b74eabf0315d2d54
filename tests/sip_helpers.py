"""Helpers for the tests of SIP media applications, SIP rules, their calls and proxy sessions."""

from __future__ import annotations

from typing import Any

from tests.voice_helpers import connector, numbers

DIAL_IN = "SipMediaApplicationDialIn"


def lambda_arn(region: str = "us-east-1", name: str = "ivr") -> str:
    return f"arn:aws:lambda:{region}:123456789012:function:{name}"


def application(voice: Any, name: str = "ivr", **extra: Any) -> dict[str, Any]:
    """A SIP media application in the client's region."""
    region = voice.meta.region_name
    created = voice.create_sip_media_application(
        AwsRegion=region, Name=name, Endpoints=[{"LambdaArn": lambda_arn(region)}], **extra
    )
    return created["SipMediaApplication"]  # type: ignore[no-any-return]


def target(application_: dict[str, Any], priority: int = 1) -> dict[str, Any]:
    return {
        "SipMediaApplicationId": application_["SipMediaApplicationId"],
        "Priority": priority,
        "AwsRegion": application_["AwsRegion"],
    }


def dial_in(voice: Any, *e164s: str) -> list[str]:
    """Order SipMediaApplicationDialIn numbers (acquired at once)."""
    return numbers(voice, *e164s, product_type=DIAL_IN)


def number_rule(
    voice: Any, e164: str, *applications: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """A SIP rule triggered by calls to `e164`, targeting `applications` in priority order."""
    created = voice.create_sip_rule(
        Name=extra.pop("Name", "inbound"),
        TriggerType="ToPhoneNumber",
        TriggerValue=e164,
        TargetApplications=[target(a, p) for p, a in enumerate(applications, 1)],
        **extra,
    )
    return created["SipRule"]  # type: ignore[no-any-return]


def host_rule(voice: Any, host: str, *applications: dict[str, Any]) -> dict[str, Any]:
    """A SIP rule triggered by calls a SIP trunk sends to a Voice Connector's `host`."""
    created = voice.create_sip_rule(
        Name="from-pbx",
        TriggerType="RequestUriHostname",
        TriggerValue=host,
        TargetApplications=[target(a, p) for p, a in enumerate(applications, 1)],
    )
    return created["SipRule"]  # type: ignore[no-any-return]


def disable(voice: Any, rule: dict[str, Any]) -> None:
    voice.update_sip_rule(SipRuleId=rule["SipRuleId"], Name=rule["Name"], Disabled=True)


def declared(client: Any, operation: str, code: str) -> str:
    """`code` where the installed model declares it on `operation`, else BadRequestException
    (what the mock answers instead: models differ across botocore releases)."""
    shapes = client.meta.service_model.operation_model(operation).error_shapes
    return code if code in {shape.name for shape in shapes} else "BadRequestException"


def proxied(voice: Any, *e164s: str, countries: tuple[str, ...] = ("US",)) -> str:
    """A connector with a proxy configuration (sessions last 60 minutes) and `e164s` associated
    with it; its ID."""
    connector_id: str = connector(voice)["VoiceConnectorId"]
    if e164s:
        numbers(voice, *e164s)
        voice.associate_phone_numbers_with_voice_connector(
            VoiceConnectorId=connector_id, E164PhoneNumbers=list(e164s)
        )
    voice.put_voice_connector_proxy(
        VoiceConnectorId=connector_id,
        DefaultSessionExpiryMinutes=60,
        PhoneNumberPoolCountries=list(countries),
    )
    return connector_id
