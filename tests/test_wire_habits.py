"""What real code sends on the wire, read as AWS's JSON protocols read it.

- A JSON `null` member is an absent member, in every operation, at every depth: the JavaScript SDK
  sends `"CpsLimit": null` for `parseInt(undefined)`, and AWS reads it as no CpsLimit.
- A boolean or number member sent as a JSON string of its value is that value: CloudFormation
  hands custom resources every property as a string (`"RequireEncryption": "false"`), and AWS's
  deserializer accepts it. Anything else of the wrong type is still refused.

docs/behaviour.md, "Wire habits of real code", gives the evidence.
"""

from __future__ import annotations

import json
from typing import Any

import boto3
import botocore.exceptions
import botocore.model
import pytest

from chime_mock import ChimeMock, mock_chime
from chime_mock.protocol.models import MOCKED_SERVICES, service_model
from chime_mock.protocol.parsing import parse_request
from chime_mock.protocol.routing import Match
from chime_mock.protocol.validation import validate
from tests.conftest import UNSAFE, order_numbers
from tests.model_inputs import body_members, null_optionals, operations_under_test, plain
from tests.sip_helpers import application, dial_in, lambda_arn
from tests.voice_analytics_helpers import KMS_KEY, domain
from tests.voice_helpers import CIDR, connector, group, numbers

pytestmark = pytest.mark.disable_socket


def _nulls_everywhere(shape: botocore.model.Shape, depth: int = 0) -> Any:
    """A JSON value of `shape` whose every structure member, at every depth, is `null`, but for
    one level of nesting that carries the same again (lists of one such item, maps of one null
    value)."""
    if shape.type_name == "structure":
        if depth > 3:
            return {}
        return {
            wire: (_nulls_everywhere(member, depth + 1) if depth < 3 else None)
            for wire, member in body_members(shape).items()
        }
    if shape.type_name == "list" and shape.member.type_name == "structure":
        return [_nulls_everywhere(shape.member, depth + 1)]
    if shape.type_name == "map":
        return {"key": None}
    return None


def _no_none(value: Any, path: str = "") -> list[str]:
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _no_none(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [
            found
            for index, item in enumerate(value)
            for found in _no_none(item, f"{path}[{index}]")
        ]
    return []


def _with_body(operations: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The operations whose input has JSON body members."""
    found = []
    for service, name in operations:
        shape = service_model(service).operation_model(name).input_shape
        if shape is not None and body_members(shape):
            found.append((service, name))
    return found


ALL_OPERATIONS = [
    (service, name)
    for service in MOCKED_SERVICES
    for name in service_model(service).operation_names
]


@pytest.mark.parametrize(("service", "operation_name"), _with_body(ALL_OPERATIONS))
def test_null_members_at_every_depth_reach_no_handler(service: str, operation_name: str) -> None:
    operation = service_model(service).operation_model(operation_name)
    shape = operation.input_shape
    assert shape is not None
    payload = shape.serialization.get("payload")
    document = (
        _nulls_everywhere(shape.members[payload])
        if payload is not None
        else {wire: None for wire in body_members(shape)}
    )
    params = parse_request(Match(operation, {}, ()), {}, json.dumps(document).encode())
    assert _no_none(params) == []
    if payload is None:  # the members one level down, each on its own
        nested = {
            wire: _nulls_everywhere(member, 1) for wire, member in body_members(shape).items()
        }
        params = parse_request(Match(operation, {}, ()), {}, json.dumps(nested).encode())
        assert _no_none(params) == []


def _world(handle: ChimeMock) -> dict[str, Any]:
    """A connector, group, application, domain and numbers, with the values by which a request
    names them: requests that carry them reach the handlers' own logic."""
    handle.reset()
    voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
    chime = boto3.client("chime", region_name="us-east-1")
    numbers(voice, "+12065550100", "+12065550101")
    dial_in(voice, "+12065550102")
    order_numbers(chime, "+12065550103")
    made = connector(voice)
    made_group = group(voice)
    made_application = application(voice)
    return {
        "VoiceConnectorId": made["VoiceConnectorId"],
        "VoiceConnectorGroupId": made_group["VoiceConnectorGroupId"],
        "SipMediaApplicationId": made_application["SipMediaApplicationId"],
        "VoiceProfileDomainId": domain(voice)["VoiceProfileDomainId"],
        "ResourceARN": made["VoiceConnectorArn"],
        "PhoneNumberId": "+12065550100",
        "E164PhoneNumbers": ["+12065550101"],
        "TriggerValue": "+12065550102",
        "LambdaArn": lambda_arn(),
        "KmsKeyArn": KMS_KEY,
        "AwsRegion": "us-east-1",
        "CallingRegions": ["US"],
        "CidrAllowedList": [CIDR],
        "PhoneNumberPoolCountries": ["US"],
        "CallingName": "Front desk",
        "Credentials": [{"Username": "alice", "Password": "s3cret"}],
    }


def _outcome(method: Any, params: dict[str, Any]) -> str:
    try:
        method(**params)
    except botocore.exceptions.ClientError as error:
        return str(error.response["Error"]["Code"])
    return "success"


def _send_nulls(operation: botocore.model.OperationModel) -> Any:
    def rewrite(request: Any, **kwargs: Any) -> None:
        request.data = null_optionals(operation, request.data)

    return rewrite


def test_every_optional_member_sent_as_null_is_answered_as_if_absent() -> None:
    """Each operation twice, from the same state: with its optional members absent, then with
    every one of them, at every depth, `null`. One activation for the whole table (an activation
    per operation would cost most of the time)."""
    differ = []
    with mock_chime(processing_delay=0) as handle:
        for service, operation_name in _with_body(operations_under_test()):
            operation = service_model(service).operation_model(operation_name)
            shape = operation.input_shape
            assert shape is not None
            client = boto3.client(service, region_name="us-east-1", config=UNSAFE)
            method = getattr(client, botocore.xform_name(operation_name))
            without = _outcome(method, plain(shape, _world(handle)))
            client.meta.events.register(f"before-sign.*.{operation_name}", _send_nulls(operation))
            with_nulls = _outcome(method, plain(shape, _world(handle)))
            if with_nulls != without:
                differ.append(f"{service} {operation_name}: {without} absent, {with_nulls} null")
    assert differ == []


# -- the examples of real code ----------------------------------------------------------------


@pytest.fixture
def loose(handle: Any) -> Any:
    """A client that sends what it is given, as the JavaScript SDK does."""
    return boto3.client("chime-sdk-voice", region_name="us-east-1", config=UNSAFE)


def _connector_id(loose: Any) -> str:
    created = loose.create_voice_connector(Name="trunk", RequireEncryption=True)
    return str(created["VoiceConnector"]["VoiceConnectorId"])


def test_a_null_cps_limit_is_the_default_one(loose: Any) -> None:
    connector_id = _connector_id(loose)
    termination = {"CpsLimit": None, "CallingRegions": ["US"], "CidrAllowedList": [CIDR]}
    answered = loose.put_voice_connector_termination(
        VoiceConnectorId=connector_id, Termination=termination
    )
    assert answered["Termination"]["CpsLimit"] == 1


def test_a_null_route_port_is_the_default_5060(loose: Any) -> None:
    connector_id = _connector_id(loose)
    route = {"Host": "198.51.100.10", "Port": None, "Protocol": "TCP", "Priority": 1, "Weight": 1}
    answered = loose.put_voice_connector_origination(
        VoiceConnectorId=connector_id, Origination={"Routes": [route], "Disabled": None}
    )
    assert answered["Origination"]["Routes"][0]["Port"] == 5060


def test_a_null_required_member_is_refused_as_missing(loose: Any) -> None:
    with pytest.raises(
        loose.exceptions.BadRequestException, match=r"RequireEncryption.*must not be null"
    ):
        loose.create_voice_connector(Name="trunk", RequireEncryption=None)


def test_a_null_list_item_is_refused(loose: Any) -> None:
    connector_id = _connector_id(loose)
    termination = {"CallingRegions": ["US", None], "CidrAllowedList": [CIDR]}
    with pytest.raises(
        loose.exceptions.BadRequestException, match=r"CallingRegions\.2\.member.*must not be null"
    ):
        loose.put_voice_connector_termination(
            VoiceConnectorId=connector_id, Termination=termination
        )


def test_cloudformation_strings_of_booleans_are_booleans(loose: Any) -> None:
    created = loose.create_voice_connector(Name="trunk", RequireEncryption="false")[
        "VoiceConnector"
    ]
    assert created["RequireEncryption"] is False
    connector_id = created["VoiceConnectorId"]
    answered = loose.put_voice_connector_logging_configuration(
        VoiceConnectorId=connector_id,
        LoggingConfiguration={"EnableSIPLogs": "true", "EnableMediaMetricLogs": "False"},
    )
    assert answered["LoggingConfiguration"] == {
        "EnableSIPLogs": True,
        "EnableMediaMetricLogs": False,
    }


def test_cloudformation_strings_of_numbers_are_numbers(loose: Any) -> None:
    connector_id = _connector_id(loose)
    route = {
        "Host": "198.51.100.10",
        "Port": "5061",
        "Protocol": "TCP",
        "Priority": "1",
        "Weight": "10",
    }
    answered = loose.put_voice_connector_origination(
        VoiceConnectorId=connector_id, Origination={"Routes": [route], "Disabled": "false"}
    )
    assert answered["Origination"]["Routes"][0] == {
        "Host": "198.51.100.10",
        "Port": 5061,
        "Protocol": "TCP",
        "Priority": 1,
        "Weight": 10,
    }
    assert answered["Origination"]["Disabled"] is False


def test_a_number_string_is_still_checked_against_the_range(loose: Any) -> None:
    connector_id = _connector_id(loose)
    route = {
        "Host": "198.51.100.10",
        "Port": "70000",
        "Protocol": "TCP",
        "Priority": 1,
        "Weight": 1,
    }
    with pytest.raises(loose.exceptions.BadRequestException, match="less than or equal to 65535"):
        loose.put_voice_connector_origination(
            VoiceConnectorId=connector_id, Origination={"Routes": [route]}
        )


@pytest.mark.parametrize(
    ("member", "value", "type_name"),
    [
        ("RequireEncryption", "yes", "boolean"),
        ("RequireEncryption", "1", "boolean"),
        ("RequireEncryption", "", "boolean"),
        ("RequireEncryption", " true", "boolean"),
        ("RequireEncryption", 1, "boolean"),
        ("RequireEncryption", 0, "boolean"),
        ("RequireEncryption", [], "boolean"),
        ("Name", 5, "string"),
        ("Name", True, "string"),
    ],
)
def test_other_wrong_types_are_still_refused(
    loose: Any, member: str, value: Any, type_name: str
) -> None:
    params: dict[str, Any] = {"Name": "trunk", "RequireEncryption": True, member: value}
    with pytest.raises(loose.exceptions.BadRequestException, match=f"must be of type {type_name}"):
        loose.create_voice_connector(**params)


@pytest.mark.parametrize(
    "text", ["1.5", "", " 1", "1 ", "0x10", "NaN", "Infinity", "1e2", "one", "\u0661"]
)
def test_strings_that_are_not_integers_are_refused(loose: Any, text: str) -> None:
    connector_id = _connector_id(loose)
    termination = {"CpsLimit": text, "CallingRegions": ["US"], "CidrAllowedList": [CIDR]}
    with pytest.raises(loose.exceptions.BadRequestException, match="must be of type integer"):
        loose.put_voice_connector_termination(
            VoiceConnectorId=connector_id, Termination=termination
        )


def test_scalar_strings_are_read_inside_lists_and_maps() -> None:
    operation = service_model("chime-sdk-voice").operation_model("CreateVoiceConnectorGroup")
    body = {"Name": "g", "VoiceConnectorItems": [{"VoiceConnectorId": "a" * 22, "Priority": "2"}]}
    params = parse_request(Match(operation, {}, ()), {}, json.dumps(body).encode())
    assert params["VoiceConnectorItems"] == [{"VoiceConnectorId": "a" * 22, "Priority": 2}]
    validate(operation, params)
