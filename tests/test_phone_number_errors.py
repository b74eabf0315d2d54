"""A PhoneNumberErrors entry names the number by its ID, the `%2B12065550100` GetPhoneNumber
answers and AWS's batch examples send, whichever form the request used; a text that is no phone
number comes back as sent (docs/behaviour.md, "Wire habits of real code")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import order_numbers
from tests.voice_helpers import connector

MISSING = "+12065550199"  # a number nobody holds: every batch reports it NotFound

# A batch operation, called with one number as the request names it; its PhoneNumberErrors.
Batch = Callable[[Any, str], list[dict[str, str]]]


def _batch_delete(client: Any, sent: str) -> list[dict[str, str]]:
    return client.batch_delete_phone_number(PhoneNumberIds=[sent])["PhoneNumberErrors"]  # type: ignore[no-any-return]


def _batch_update(client: Any, sent: str) -> list[dict[str, str]]:
    items = [{"PhoneNumberId": sent, "CallingName": "Acme"}]
    return client.batch_update_phone_number(UpdatePhoneNumberRequestItems=items)[  # type: ignore[no-any-return]
        "PhoneNumberErrors"
    ]


def _associate(client: Any, sent: str) -> list[dict[str, str]]:
    made = connector(client)["VoiceConnectorId"]
    return client.associate_phone_numbers_with_voice_connector(  # type: ignore[no-any-return]
        VoiceConnectorId=made, E164PhoneNumbers=[sent]
    )["PhoneNumberErrors"]


BATCHES = {"BatchDeletePhoneNumber": _batch_delete, "BatchUpdatePhoneNumber": _batch_update}


@pytest.mark.parametrize("sent", [MISSING, "%2B12065550199"])
@pytest.mark.parametrize("batch", list(BATCHES.values()), ids=list(BATCHES))
def test_a_batch_error_names_the_number_by_its_id(client: Any, batch: Batch, sent: str) -> None:
    [error] = batch(client, sent)
    assert (error["PhoneNumberId"], error["ErrorCode"]) == ("%2B12065550199", "NotFound")


def test_an_association_error_names_the_number_as_get_phone_number_does(voice: Any) -> None:
    order_numbers(voice, "+12065550100", ProductType="SipMediaApplicationDialIn")
    [error] = _associate(voice, "+12065550100")
    got = voice.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
    assert error["PhoneNumberId"] == got["PhoneNumberId"] == "%2B12065550100"


@pytest.mark.parametrize("sent", ["not-a-number", "+1206"])
def test_a_text_that_is_no_number_comes_back_as_sent(client: Any, sent: str) -> None:
    [error] = _batch_delete(client, sent)
    assert error["PhoneNumberId"] == sent
