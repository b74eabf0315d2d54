"""Every operation of the installed Chime SDK Voice model has a handler, so a botocore that adds
one fails here, in CI, rather than at a user's; the "not mocked yet" answer stays for it."""

from __future__ import annotations

from typing import Any

import botocore.exceptions
import botocore.session
import pytest

from chime_mock.defaults import CHIME_SDK_VOICE
from chime_mock.operations import mocked


def _unanswered() -> list[str]:
    model = botocore.session.get_session().get_service_model(CHIME_SDK_VOICE)
    return sorted(set(model.operation_names) - set(mocked(CHIME_SDK_VOICE)))


def test_every_operation_of_the_installed_model_has_a_handler() -> None:
    missing = _unanswered()
    assert not missing, (
        f"the installed botocore's {CHIME_SDK_VOICE} model has operations no handler serves: "
        f"{', '.join(missing)}; mock them (chime_mock/operations/) or they answer 'not mocked yet'"
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
