"""Helpers shared by the inventory tests."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from chime_mock import clock
from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.records import Association


def client_as(service: str, account: str) -> Any:
    """A client acting as another account: the mock reads a 12-digit access key as the account."""
    return boto3.client(
        service, region_name="us-east-1", aws_access_key_id=account, aws_secret_access_key="x"
    )


def error_of(call: Any, **params: Any) -> tuple[str, str]:
    """The error code and message `call(**params)` answers with."""
    with pytest.raises(ClientError) as caught:
        call(**params)
    return caught.value.response["Error"]["Code"], caught.value.response["Error"]["Message"]


def service_of(client: Any) -> str:
    return str(client.meta.service_model.service_name)


def statuses(client: Any, **filters: Any) -> dict[str, str]:
    """E.164 -> Status of every number ListPhoneNumbers shows."""
    numbers = client.list_phone_numbers(**filters)["PhoneNumbers"]
    return {number["E164PhoneNumber"]: number["Status"] for number in numbers}


def associate(handle: Any, service: str, e164: str, name: str, value: str) -> None:
    """Mark a number Assigned with one association. No mocked operation associates numbers yet
    (Voice Connectors are not mocked), so this reaches into the backend's record."""
    backend = handle._backend()
    with backend.lock:
        backend.settle(clock.now())
        for inventory in backend.inventories():
            for number in PhoneNumberInventory.of(inventory).numbers.values():
                if number.e164 == e164 and inventory.scope.service == service:
                    number.status = "Assigned"
                    # Assigned, not appended in place: the listing's indexes see assignments.
                    number.associations = [
                        *number.associations,
                        Association(name, value, clock.now()),
                    ]
