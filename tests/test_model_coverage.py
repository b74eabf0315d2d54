"""Every operation of the installed models of both services (Chime SDK Voice and legacy Amazon
Chime) has a handler, so a botocore that adds one fails here, in CI, rather than at a user's; the
"not mocked yet" answer stays for it."""

from __future__ import annotations

from typing import Any

import botocore.exceptions
import botocore.session
import pytest

from chime_mock.defaults import CHIME, CHIME_SDK_VOICE
from chime_mock.operations import mocked


def _unanswered(service: str) -> list[str]:
    model = botocore.session.get_session().get_service_model(service)
    return sorted(set(model.operation_names) - set(mocked(service)))


@pytest.mark.parametrize("service", [CHIME_SDK_VOICE, CHIME])
def test_every_operation_of_the_installed_model_has_a_handler(service: str) -> None:
    missing = _unanswered(service)
    assert not missing, (
        f"the installed botocore's {service} model has operations no handler serves: "
        f"{', '.join(missing)}; mock them (chime_mock/operations/) or they answer 'not mocked yet'"
    )


@pytest.mark.parametrize("service", [CHIME_SDK_VOICE, CHIME])
def test_a_handler_serves_only_operations_of_its_services_model(service: str) -> None:
    model = botocore.session.get_session().get_service_model(service)
    stray = sorted(set(mocked(service)) - set(model.operation_names))
    assert not stray, (
        f"handlers registered for {service} that its model has no operation for: {stray}"
    )


def test_an_operation_a_newer_botocore_adds_answers_not_mocked_yet(
    voice: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stands for an operation a future model adds: the model has it, no handler serves it.
    monkeypatch.delitem(mocked(CHIME_SDK_VOICE), "ListVoiceProfileDomains")
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        voice.list_voice_profile_domains()
    error = caught.value.response["Error"]
    assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 501
    assert error["Code"] == "NotImplemented"
    assert "ListVoiceProfileDomains of chime-sdk-voice is not mocked yet" in error["Message"]


def test_a_legacy_operation_a_newer_botocore_adds_answers_not_mocked_yet(
    chime: Any, unmocked: tuple[str, str]
) -> None:
    with pytest.raises(botocore.exceptions.ClientError) as caught:
        chime.list_accounts()
    assert caught.value.response["Error"]["Code"] == "NotImplemented"
    assert "ListAccounts of chime is not mocked yet" in caught.value.response["Error"]["Message"]
