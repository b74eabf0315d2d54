"""The AWS CLI (v1, in its own virtualenv) drives the server through the order flow."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from chime_mock.server import ChimeMockServer, running_server
from tests.server.conftest import SAMPLE_KEY

Aws = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def module_server() -> Iterator[ChimeMockServer]:
    with running_server() as started:
        yield started


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    """The AWS CLI's environment: fake keys, and nothing of this machine's AWS set-up."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("AWS_") and name not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    environment.update(
        AWS_ACCESS_KEY_ID=SAMPLE_KEY,
        AWS_SECRET_ACCESS_KEY="fake-secret",
        AWS_DEFAULT_REGION="us-east-1",
        # No config or credentials file of this machine's user takes part.
        AWS_CONFIG_FILE=str(tmp_path / "no-config"),
        AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "no-credentials"),
        AWS_MAX_ATTEMPTS="1",
    )
    return environment


@pytest.fixture
def aws(aws_cli: Path, module_server: ChimeMockServer, environment: dict[str, str]) -> Aws:
    """`aws("chime-sdk-voice", "get-phone-number", ...)` against the server, with fake keys."""

    def run(service: str, *arguments: str) -> subprocess.CompletedProcess[str]:
        endpoint = module_server.url + ("/chime" if service == "chime" else "")
        command = [str(aws_cli), service, *arguments, "--endpoint-url", endpoint]
        return subprocess.run(
            [*command, "--output", "json"],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run


def answer(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def ordered(aws: Aws, module_server: ChimeMockServer) -> list[str]:
    """Three orders, one number each, on a fresh server state."""
    module_server.app.backend.reset()
    return [
        answer(
            aws(
                "chime-sdk-voice",
                "create-phone-number-order",
                "--product-type",
                "VoiceConnector",
                "--e164-phone-numbers",
                number,
            )
        )["PhoneNumberOrder"]["PhoneNumberOrderId"]
        for number in ("+12065550100", "+12065550101", "+12065550102")
    ]


def test_aws_cli_creates_and_gets_an_order(aws: Aws, ordered: list[str]) -> None:
    got = answer(
        aws("chime-sdk-voice", "get-phone-number-order", "--phone-number-order-id", ordered[0])
    )
    assert got["PhoneNumberOrder"]["PhoneNumberOrderId"] == ordered[0]
    assert got["PhoneNumberOrder"]["OrderedPhoneNumbers"][0]["E164PhoneNumber"] == "+12065550100"


def test_aws_cli_lists_orders_page_by_page(aws: Aws, ordered: list[str]) -> None:
    first = answer(aws("chime-sdk-voice", "list-phone-number-orders", "--max-results", "2"))
    second = answer(
        aws(
            "chime-sdk-voice",
            "list-phone-number-orders",
            "--max-results",
            "2",
            "--next-token",
            first["NextToken"],
        )
    )
    pages = [first["PhoneNumberOrders"], second["PhoneNumberOrders"]]
    assert [[o["PhoneNumberOrderId"] for o in page] for page in pages] == [
        ordered[:2],
        ordered[2:],
    ]
    assert "NextToken" not in second


def test_aws_cli_gets_a_number(aws: Aws, ordered: list[str]) -> None:
    got = answer(aws("chime-sdk-voice", "get-phone-number", "--phone-number-id", "+12065550101"))
    assert got["PhoneNumber"]["E164PhoneNumber"] == "+12065550101"
    assert got["PhoneNumber"]["OrderId"] == ordered[1]


def test_aws_cli_reports_not_found_as_not_found_exception(aws: Aws) -> None:
    result = aws("chime-sdk-voice", "get-phone-number", "--phone-number-id", "+12065550199")
    assert result.returncode == 255  # AWS CLI v1: an error answer of the service (v2: 254)
    assert "An error occurred (NotFoundException) when calling the GetPhoneNumber" in result.stderr


def test_aws_cli_reaches_legacy_chime_under_the_chime_path(
    aws: Aws, module_server: ChimeMockServer
) -> None:
    module_server.app.backend.reset()
    created = answer(
        aws(
            "chime",
            "create-phone-number-order",
            "--product-type",
            "VoiceConnector",
            "--e164-phone-numbers",
            "+12065550103",
        )
    )["PhoneNumberOrder"]
    listed = answer(aws("chime", "list-phone-number-orders"))["PhoneNumberOrders"]
    assert [o["PhoneNumberOrderId"] for o in listed] == [created["PhoneNumberOrderId"]]
    assert "OrderType" not in created  # legacy Chime's model has no such member


def _aws_with(
    aws_cli: Path, environment: dict[str, str], *arguments: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(aws_cli), *arguments, "--output", "json"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_aws_cli_aimed_at_the_root_reaches_legacy_chime_by_a_path_only_it_has(
    aws_cli: Path, module_server: ChimeMockServer, environment: dict[str, str]
) -> None:
    at_root = {**environment, "AWS_ENDPOINT_URL": module_server.url}
    result = _aws_with(aws_cli, at_root, "chime", "list-accounts")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"Accounts": []}


def test_aws_cli_reaches_each_service_by_the_variables_the_server_prints(
    aws_cli: Path, module_server: ChimeMockServer, environment: dict[str, str]
) -> None:
    module_server.app.backend.reset()
    variables = {
        **environment,
        "AWS_ENDPOINT_URL_CHIME_SDK_VOICE": module_server.url,
        "AWS_ENDPOINT_URL_CHIME": f"{module_server.url}/chime",
    }
    created = answer(
        _aws_with(
            aws_cli,
            variables,
            "chime",
            "create-phone-number-order",
            "--product-type",
            "BusinessCalling",
            "--e164-phone-numbers",
            "+12065550104",
        )
    )["PhoneNumberOrder"]
    legacy = answer(_aws_with(aws_cli, variables, "chime", "list-phone-number-orders"))
    voice = answer(_aws_with(aws_cli, variables, "chime-sdk-voice", "list-phone-number-orders"))
    assert [o["PhoneNumberOrderId"] for o in legacy["PhoneNumberOrders"]] == [
        created["PhoneNumberOrderId"]
    ]
    assert voice["PhoneNumberOrders"] == []
