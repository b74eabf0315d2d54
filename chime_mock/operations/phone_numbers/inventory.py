"""ListPhoneNumbers, UpdatePhoneNumber, DeletePhoneNumber, RestorePhoneNumber and the batches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from chime_mock.backend.phone_numbers.facts import canonical_id, repeated
from chime_mock.backend.phone_numbers.inventory import (
    PhoneNumberInventory,
    delete_number,
    list_numbers,
    restore_number,
    update_number,
)
from chime_mock.backend.phone_numbers.number_rules import run_batch
from chime_mock.defaults import CHIME_SDK_VOICE
from chime_mock.errors import bad_request
from chime_mock.operations import Call, handles
from chime_mock.operations.phone_numbers.views import number_view

_DETAILS = ("ProductType", "CallingName", "Name")  # what UpdatePhoneNumber can change


def _details(params: dict[str, Any]) -> dict[str, str]:
    return {name: params[name] for name in _DETAILS if params.get(name) is not None}


@handles("ListPhoneNumbers")
def list_phone_numbers(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    filter_name, filter_value = params.get("FilterName"), params.get("FilterValue")
    if (filter_name is None) != (filter_value is None):
        raise bad_request("FilterName and FilterValue go together: give both or neither")
    numbers = list_numbers(
        call.backend,
        call.scope,
        params.get("Status"),
        params.get("ProductType"),
        None if filter_name is None or filter_value is None else (filter_name, filter_value),
    )
    page, token = PhoneNumberInventory.of(call.inventory).number_pages.page(
        numbers, lambda number: number.seq, call.page_size(params), params.get("NextToken")
    )
    return {"PhoneNumbers": [number_view(number) for number in page], "NextToken": token}


@handles("UpdatePhoneNumber")
def update_phone_number(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    number = update_number(
        call.backend, call.scope, params["PhoneNumberId"], _details(params), call.now
    )
    return {"PhoneNumber": number_view(number)}


@handles("DeletePhoneNumber")
def delete_phone_number(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    delete_number(call.backend, call.scope, params["PhoneNumberId"], call.now)
    return {}


@handles("RestorePhoneNumber")
def restore_phone_number(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    number = restore_number(call.backend, call.scope, params["PhoneNumberId"], call.now)
    return {"PhoneNumber": number_view(number)}


@handles("BatchDeletePhoneNumber")
def batch_delete_phone_number(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    errors = run_batch(
        [
            (phone_number_id, _deleter(call, phone_number_id))
            for phone_number_id in params["PhoneNumberIds"]
        ],
    )
    return {"PhoneNumberErrors": errors}


@handles("BatchUpdatePhoneNumber")
def batch_update_phone_number(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    items = params["UpdatePhoneNumberRequestItems"]
    if call.scope.service == CHIME_SDK_VOICE:
        twice = repeated(canonical_id(item["PhoneNumberId"]) for item in items)
        if twice:
            raise bad_request(
                "UpdatePhoneNumberRequestItems lists a phone number more than once: "
                + ", ".join(twice)
            )
    errors = run_batch([(item["PhoneNumberId"], _updater(call, item)) for item in items])
    return {"PhoneNumberErrors": errors}


def _deleter(call: Call, phone_number_id: str) -> Callable[[], object]:
    return lambda: delete_number(call.backend, call.scope, phone_number_id, call.now)


def _updater(call: Call, item: dict[str, Any]) -> Callable[[], object]:
    return lambda: update_number(
        call.backend, call.scope, item["PhoneNumberId"], _details(item), call.now
    )
