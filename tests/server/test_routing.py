"""Which service a request reaches: by path prefix, then by Host, else Chime SDK Voice."""

from __future__ import annotations

import pytest

from chime_mock.dispatch import router
from chime_mock.protocol.models import service_model
from chime_mock.server.routing import Target, target


@pytest.mark.parametrize(
    ("host", "path", "expected"),
    [
        (
            "127.0.0.1:5000",
            "/phone-number-orders",
            Target("chime-sdk-voice", "/phone-number-orders"),
        ),
        ("127.0.0.1:5000", "/chime/phone-number-orders", Target("chime", "/phone-number-orders")),
        (
            "127.0.0.1:5000",
            "/chime-sdk-voice/phone-number-orders",
            Target("chime-sdk-voice", "/phone-number-orders"),
        ),
        ("127.0.0.1:5000", "/chime", Target("chime", "/")),
        ("service.chime.aws.amazon.com", "/phone-numbers", Target("chime", "/phone-numbers")),
        ("chime.localhost:5000", "/phone-numbers", Target("chime", "/phone-numbers")),
        (
            "voice-chime.us-east-1.amazonaws.com",
            "/phone-numbers",
            Target("chime-sdk-voice", "/phone-numbers"),
        ),
        (
            "localhost",
            "/chimera/phone-numbers",
            Target("chime-sdk-voice", "/chimera/phone-numbers"),
        ),
    ],
)
def test_target_picks_the_service_and_strips_its_prefix(
    host: str, path: str, expected: Target
) -> None:
    assert target(host, path) == expected


def test_path_prefix_wins_over_host() -> None:
    assert target("chime.localhost", "/chime-sdk-voice/sip-rules").service == "chime-sdk-voice"


@pytest.mark.parametrize(
    ("method", "path", "service"),
    [
        ("GET", "/accounts", "chime"),  # legacy Chime's accounts
        ("GET", "/accounts/x/users", "chime"),
        ("GET", "/sip-media-applications", "chime-sdk-voice"),  # gone from legacy Chime's model
        ("PUT", "/accounts", "chime"),  # a wrong method: answered by the service with the path
        ("GET", "/phone-number-orders", "chime-sdk-voice"),  # both have it: as before
    ],
)
def test_a_request_only_one_model_has_goes_to_that_service(
    method: str, path: str, service: str
) -> None:
    assert target("127.0.0.1:5000", path, method=method).service == service


def test_only_the_installed_models_decide_which_paths_are_one_services() -> None:
    # Derived at run time: every legacy-only operation of the model goes to legacy Chime.
    voice, legacy = router("chime-sdk-voice"), router("chime")
    model = service_model("chime")
    for name in model.operation_names:
        http = model.operation_model(name).http
        path, _, query = http["requestUri"].replace("{", "x").replace("}", "").partition("?")
        if voice.match(http["method"], path, query) is None:
            assert legacy.match(http["method"], path, query) is not None
            assert target("localhost", path, method=http["method"], query=query).service == "chime"


CLI_V2 = "aws-cli/2.27.0 md/awscrt#0.23 ua/2.1 os/linux md/command#{}.list-phone-number-orders"
JS_SDK = "aws-sdk-js/3.800.0 ua/2.1 os/linux#6 lang/js md/nodejs#20 api/{}#3.800.0"
BOTO3 = "Boto3/1.40.61 md/Botocore#1.40.61 ua/2.1 os/linux#6 lang/python#3.11.7"


@pytest.mark.parametrize(
    ("user_agent", "service"),
    [
        (CLI_V2.format("chime"), "chime"),
        (CLI_V2.format("chime-sdk-voice"), "chime-sdk-voice"),
        (JS_SDK.format("chime"), "chime"),
        (JS_SDK.format("chime-sdk-voice"), "chime-sdk-voice"),
        (JS_SDK.format("Chime-SDK-Voice"), "chime-sdk-voice"),
        (BOTO3, "chime-sdk-voice"),  # names neither: Chime SDK Voice, as before
        ("", "chime-sdk-voice"),
    ],
)
def test_a_user_agent_naming_the_service_decides_a_path_both_have(
    user_agent: str, service: str
) -> None:
    found = target("127.0.0.1:5000", "/phone-number-orders", user_agent=user_agent)
    assert found == Target(service, "/phone-number-orders")


def test_the_path_prefix_wins_over_the_user_agent() -> None:
    found = target("localhost", "/chime-sdk-voice/accounts", user_agent=JS_SDK.format("chime"))
    assert found.service == "chime-sdk-voice"
