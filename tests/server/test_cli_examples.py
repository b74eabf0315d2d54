"""AWS's published CLI examples for Voice Connectors, their groups and proxy sessions, replayed
against the server with the real AWS CLI and compared by structure: every member an example's
output shows is answered, with the same kind of value (object, list, text, number, boolean),
down to the first item of each list. A standing check of fidelity.

The examples are those of `aws chime` (aws/aws-cli, awscli/examples/chime, as published until
those operations moved to Chime SDK Voice in February 2025), run as the same `aws chime-sdk-voice`
commands; their values are AWS's hand-edited samples, so only their structure is held to. Each
example runs on a fresh state made with boto3 (a connector, numbers, ...), as its text assumes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from chime_mock.server import ChimeMockServer
from tests.server.conftest import make_client, send
from tests.server.test_aws_cli import Aws, aws, environment, module_server  # noqa: F401
from tests.sip_helpers import proxied

CONNECTOR = {
    "VoiceConnectorId": "abcdef1ghij2klmno3pqr4",
    "AwsRegion": "us-west-2",
    "Name": "newVoiceConnector",
    "OutboundHostName": "abcdef1ghij2klmno3pqr4.voiceconnector.chime.aws",
    "RequireEncryption": True,
    "CreatedTimestamp": "2019-09-18T20:34:01.352Z",
    "UpdatedTimestamp": "2019-09-18T20:34:01.352Z",
}
GROUP = {
    "VoiceConnectorGroupId": "123a456b-c7d8-90e1-fg23-4h567jkl8901",
    "Name": "myGroup",
    "VoiceConnectorItems": [],
    "CreatedTimestamp": "2019-09-18T16:38:34.734Z",
    "UpdatedTimestamp": "2019-09-18T16:38:34.734Z",
}
ORIGINATION = {
    "Routes": [{"Host": "10.24.34.0", "Port": 1234, "Protocol": "TCP", "Priority": 1, "Weight": 5}],
    "Disabled": False,
}
PROXY = {"DefaultSessionExpiryMinutes": 60, "Disabled": False, "PhoneNumberCountries": ["US"]}
SESSION = {
    "VoiceConnectorId": "abcdef1ghij2klmno3pqr4",
    "ProxySessionId": "123a4bc5-67d8-901e-2f3g-h4ghjk56789l",
    "Status": "Open",
    "ExpiryMinutes": 60,
    "Capabilities": ["SMS", "Voice"],
    "CreatedTimestamp": "2020-04-15T16:10:10.288Z",
    "UpdatedTimestamp": "2020-04-15T16:10:10.288Z",
    "Participants": [
        {"PhoneNumber": "+12065550100", "ProxyPhoneNumber": "+19135550199"},
        {"PhoneNumber": "+14015550101", "ProxyPhoneNumber": "+19135550199"},
    ],
}
NO_ERRORS = {"PhoneNumberErrors": []}
PROXY_NUMBER = "+19135550199"  # the proxy number of AWS's proxy session examples


# -- the state each example assumes, made with boto3; answers the IDs its command names ---------
Setup = Callable[[Any, ChimeMockServer], dict[str, str]]


def _nothing(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    return {}


def _connector(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    made = voice.create_voice_connector(Name="newVoiceConnector", RequireEncryption=True)
    return {"vc": made["VoiceConnector"]["VoiceConnectorId"]}


def _numbers(voice: Any, *e164s: str) -> None:
    voice.create_phone_number_order(ProductType="VoiceConnector", E164PhoneNumbers=list(e164s))


def _terminated(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _connector(voice, server)
    _numbers(voice, "+12065550100")
    voice.put_voice_connector_termination(
        VoiceConnectorId=ids["vc"],
        Termination={
            "CallingRegions": ["US"],
            "CidrAllowedList": ["10.24.34.0/23"],
            "DefaultPhoneNumber": "+12065550100",
            "Disabled": False,
        },
    )
    return ids


def _with_credentials(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _terminated(voice, server)
    voice.put_voice_connector_termination_credentials(
        VoiceConnectorId=ids["vc"], Credentials=[{"Username": "jdoe", "Password": "XXXXXXXX"}]
    )
    return ids


def _pinged(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _terminated(voice, server)
    path = f"/_chime_mock/voice-connectors/{ids['vc']}/termination-health"
    assert send(server.url, "POST", path, b'{"Source": "10.24.34.0"}').status == 200
    return ids


def _originated(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _connector(voice, server)
    voice.put_voice_connector_origination(VoiceConnectorId=ids["vc"], Origination=ORIGINATION)
    return ids


def _logged(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _connector(voice, server)
    voice.put_voice_connector_logging_configuration(
        VoiceConnectorId=ids["vc"], LoggingConfiguration={"EnableSIPLogs": True}
    )
    return ids


def _streamed(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _connector(voice, server)
    voice.put_voice_connector_streaming_configuration(
        VoiceConnectorId=ids["vc"],
        StreamingConfiguration={"DataRetentionInHours": 24, "Disabled": False},
    )
    return ids


def _proxied(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    return {"vc": proxied(voice, PROXY_NUMBER)}


def _session(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _proxied(voice, server)
    made = voice.create_proxy_session(
        VoiceConnectorId=ids["vc"],
        ParticipantPhoneNumbers=["+14015550101", "+12065550100"],
        Capabilities=["Voice", "SMS"],
    )
    return {**ids, "session": made["ProxySession"]["ProxySessionId"]}


def _group(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _connector(voice, server)
    made = voice.create_voice_connector_group(Name="myGroup")
    return {**ids, "group": made["VoiceConnectorGroup"]["VoiceConnectorGroupId"]}


def _numbered(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _group(voice, server)
    _numbers(voice, "+12065550100", "+12065550101")
    return ids


def _associated(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _numbered(voice, server)
    voice.associate_phone_numbers_with_voice_connector(
        VoiceConnectorId=ids["vc"], E164PhoneNumbers=["+12065550100", "+12065550101"]
    )
    return ids


def _group_associated(voice: Any, server: ChimeMockServer) -> dict[str, str]:
    ids = _numbered(voice, server)
    voice.associate_phone_numbers_with_voice_connector_group(
        VoiceConnectorGroupId=ids["group"], E164PhoneNumbers=["+12065550100", "+12065550101"]
    )
    return ids


@dataclass(frozen=True)
class Example:
    setup: Setup
    command: tuple[str, ...]  # `{vc}`, `{group}`, `{session}`: the IDs the setup made
    output: Any  # the example's output; None: "This command produces no output."
    region: str = "us-east-1"


VC = ("--voice-connector-id", "{vc}")
NUMBERS = ("--e164-phone-numbers", "+12065550100", "+12065550101")
EXAMPLES = {
    "create-voice-connector": Example(
        _nothing,
        ("create-voice-connector", "--name", "newVoiceConnector", "--aws-region", "us-west-2",
         "--require-encryption"),
        {"VoiceConnector": CONNECTOR},
        region="us-west-2",  # the regional endpoint of the connector's region
    ),
    "get-voice-connector": Example(
        _connector, ("get-voice-connector", *VC), {"VoiceConnector": CONNECTOR}
    ),
    "list-voice-connectors": Example(
        _connector, ("list-voice-connectors",), {"VoiceConnectors": [CONNECTOR]}
    ),
    "update-voice-connector": Example(
        _connector,
        ("update-voice-connector", *VC, "--name", "newName", "--require-encryption"),
        {"VoiceConnector": {**CONNECTOR, "Name": "newName"}},
    ),
    "delete-voice-connector": Example(_connector, ("delete-voice-connector", *VC), None),
    "put-voice-connector-origination": Example(
        _connector,
        ("put-voice-connector-origination", *VC, "--origination",
         "Routes=[{Host=10.24.34.0,Port=1234,Protocol=TCP,Priority=1,Weight=5}],Disabled=false"),
        {"Origination": ORIGINATION},
    ),
    "get-voice-connector-origination": Example(
        _originated, ("get-voice-connector-origination", *VC), {"Origination": ORIGINATION}
    ),
    "delete-voice-connector-origination": Example(
        _originated, ("delete-voice-connector-origination", *VC), None
    ),
    "put-voice-connector-termination": Example(
        _connector,
        ("put-voice-connector-termination", *VC, "--termination",
         "CallingRegions=US,CidrAllowedList=10.24.34.0/23,Disabled=false"),
        {"Termination": {"CpsLimit": 0, "CallingRegions": ["US"],
                         "CidrAllowedList": ["10.24.34.0/23"], "Disabled": False}},
    ),
    "get-voice-connector-termination": Example(
        _terminated,
        ("get-voice-connector-termination", *VC),
        {"Termination": {"CpsLimit": 1, "DefaultPhoneNumber": "+12065550100",
                         "CallingRegions": ["US"], "CidrAllowedList": ["10.24.34.0/23"],
                         "Disabled": False}},
    ),
    "delete-voice-connector-termination": Example(
        _terminated, ("delete-voice-connector-termination", *VC), None
    ),
    "put-voice-connector-termination-credentials": Example(
        _terminated,
        ("put-voice-connector-termination-credentials", *VC, "--credentials",
         "Username=jdoe,Password=XXXXXXXX"),
        None,
    ),
    "list-voice-connector-termination-credentials": Example(
        _with_credentials,
        ("list-voice-connector-termination-credentials", *VC),
        {"Usernames": ["jdoe"]},
    ),
    "delete-voice-connector-termination-credentials": Example(
        _with_credentials,
        ("delete-voice-connector-termination-credentials", *VC, "--usernames", "jdoe"),
        None,
    ),
    "get-voice-connector-termination-health": Example(
        _pinged,
        ("get-voice-connector-termination-health", *VC),
        {"TerminationHealth": {"Timestamp": "Fri Aug 23 16:45:55 UTC 2019",
                               "Source": "10.24.34.0"}},
    ),
    "put-voice-connector-logging-configuration": Example(
        _connector,
        ("put-voice-connector-logging-configuration", *VC, "--logging-configuration",
         "EnableSIPLogs=true"),
        {"LoggingConfiguration": {"EnableSIPLogs": True}},
    ),
    "get-voice-connector-logging-configuration": Example(
        _logged,
        ("get-voice-connector-logging-configuration", *VC),
        {"LoggingConfiguration": {"EnableSIPLogs": True}},
    ),
    "put-voice-connector-streaming-configuration": Example(
        _connector,
        ("put-voice-connector-streaming-configuration", *VC, "--streaming-configuration",
         "DataRetentionInHours=24,Disabled=false"),
        {"StreamingConfiguration": {"DataRetentionInHours": 24, "Disabled": False}},
    ),
    "get-voice-connector-streaming-configuration": Example(
        _streamed,
        ("get-voice-connector-streaming-configuration", *VC),
        {"StreamingConfiguration": {"DataRetentionInHours": 24, "Disabled": False}},
    ),
    "delete-voice-connector-streaming-configuration": Example(
        _streamed, ("delete-voice-connector-streaming-configuration", *VC), None
    ),
    "put-voice-connector-proxy": Example(
        _connector,
        ("put-voice-connector-proxy", *VC, "--default-session-expiry-minutes", "60",
         "--phone-number-pool-countries", "US"),
        {"Proxy": PROXY},
    ),
    "get-voice-connector-proxy": Example(
        _proxied, ("get-voice-connector-proxy", *VC), {"Proxy": PROXY}
    ),
    "delete-voice-connector-proxy": Example(
        _proxied, ("delete-voice-connector-proxy", *VC), None
    ),
    "create-proxy-session": Example(
        _proxied,
        ("create-proxy-session", *VC, "--participant-phone-numbers", "+14015550101",
         "+12065550100", "--capabilities", "Voice", "SMS"),
        {"ProxySession": SESSION},
    ),
    "get-proxy-session": Example(
        _session,
        ("get-proxy-session", *VC, "--proxy-session-id", "{session}"),
        {"ProxySession": SESSION},
    ),
    "update-proxy-session": Example(
        _session,
        ("update-proxy-session", *VC, "--proxy-session-id", "{session}", "--capabilities",
         "Voice"),
        {"ProxySession": {**SESSION, "Capabilities": ["Voice"]}},
    ),
    "delete-proxy-session": Example(
        _session, ("delete-proxy-session", *VC, "--proxy-session-id", "{session}"), None
    ),
    # AWS's list-proxy-sessions example shows a lone "ProxySession" object (a slip of its hand
    # edit: the model answers "ProxySessions", a list); the listing is held to the model's form.
    "list-proxy-sessions": Example(
        _session, ("list-proxy-sessions", *VC), {"ProxySessions": [SESSION]}
    ),
    "create-voice-connector-group": Example(
        _connector,
        ("create-voice-connector-group", "--name", "myGroup", "--voice-connector-items",
         "VoiceConnectorId={vc},Priority=2"),
        {"VoiceConnectorGroup": GROUP},
    ),
    "get-voice-connector-group": Example(
        _group,
        ("get-voice-connector-group", "--voice-connector-group-id", "{group}"),
        {"VoiceConnectorGroup": GROUP},
    ),
    "list-voice-connector-groups": Example(
        _group, ("list-voice-connector-groups",), {"VoiceConnectorGroups": [GROUP]}
    ),
    "update-voice-connector-group": Example(
        _group,
        ("update-voice-connector-group", "--voice-connector-group-id", "{group}", "--name",
         "newGroupName", "--voice-connector-items", "VoiceConnectorId={vc},Priority=1"),
        {"VoiceConnectorGroup": {**GROUP, "Name": "newGroupName", "VoiceConnectorItems": [
            {"VoiceConnectorId": "abcdef1ghij2klmno3pqr4", "Priority": 1}]}},
    ),
    "delete-voice-connector-group": Example(
        _group, ("delete-voice-connector-group", "--voice-connector-group-id", "{group}"), None
    ),
    "associate-phone-numbers-with-voice-connector": Example(
        _numbered,
        ("associate-phone-numbers-with-voice-connector", *VC, *NUMBERS, "--force-associate"),
        NO_ERRORS,
    ),
    "disassociate-phone-numbers-from-voice-connector": Example(
        _associated, ("disassociate-phone-numbers-from-voice-connector", *VC, *NUMBERS),
        NO_ERRORS,
    ),
    "associate-phone-numbers-with-voice-connector-group": Example(
        _numbered,
        ("associate-phone-numbers-with-voice-connector-group", "--voice-connector-group-id",
         "{group}", *NUMBERS, "--force-associate"),
        NO_ERRORS,
    ),
    "disassociate-phone-numbers-from-voice-connector-group": Example(
        _group_associated,
        ("disassociate-phone-numbers-from-voice-connector-group", "--voice-connector-group-id",
         "{group}", *NUMBERS),
        NO_ERRORS,
    ),
}  # fmt: skip


def differences(example: Any, answered: Any, path: str = "") -> list[str]:
    """Where `answered` does not have the structure of `example` (empty: it does)."""
    if isinstance(example, dict):
        if not isinstance(answered, dict):
            return [f"{path or 'the answer'}: an object in AWS's example, {answered!r:.60} here"]
        found = []
        for key, value in example.items():
            if key not in answered:
                found.append(f"{path}.{key}: in AWS's example, absent here")
            else:
                found += differences(value, answered[key], f"{path}.{key}")
        return found
    if isinstance(example, list):
        if not isinstance(answered, list):
            return [f"{path}: a list in AWS's example, {answered!r:.60} here"]
        if example and not answered:
            return [f"{path}: items in AWS's example, empty here"]
        if not example and answered and path.endswith("PhoneNumberErrors"):
            return [f"{path}: no errors in AWS's example, {answered!r:.200} here"]
        return differences(example[0], answered[0], f"{path}[0]") if example and answered else []
    kinds = {bool: "a boolean", int: "a number", float: "a number", str: "text"}
    if kinds[type(example)] != kinds.get(type(answered)):
        return [f"{path}: {kinds[type(example)]} in AWS's example, {answered!r:.60} here"]
    return []


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_an_aws_cli_example_is_answered_in_its_structure(
    name: str,
    aws: Aws,  # noqa: F811
    module_server: ChimeMockServer,  # noqa: F811
) -> None:
    example = EXAMPLES[name]
    module_server.app.backend.reset()
    voice = make_client(module_server.url, "chime-sdk-voice", region=example.region)
    ids = example.setup(voice, module_server)
    command = list(example.command)
    for key, value in ids.items():  # not str.format: shorthand like Routes=[{...}] has braces
        command = [part.replace(f"{{{key}}}", value) for part in command]
    result = aws("chime-sdk-voice", *command, "--region", example.region)
    assert result.returncode == 0, result.stderr
    if example.output is None:
        assert result.stdout.strip() == ""
        return
    assert differences(example.output, json.loads(result.stdout)) == []
