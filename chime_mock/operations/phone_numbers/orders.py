"""CreatePhoneNumberOrder, GetPhoneNumberOrder, ListPhoneNumberOrders."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.phone_numbers.inventory import PhoneNumberInventory
from chime_mock.backend.phone_numbers.orders import create_order
from chime_mock.errors import not_found
from chime_mock.operations import Call, handles
from chime_mock.operations.phone_numbers.views import order_view


@handles("CreatePhoneNumberOrder")
def create_phone_number_order(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    order = create_order(
        call.backend,
        call.scope,
        params["ProductType"],
        params["E164PhoneNumbers"],
        call.now,
        name=params.get("Name"),
    )
    # Serialized before any later settle: the create answer is always Processing, as AWS answers.
    return {"PhoneNumberOrder": order_view(order)}


@handles("GetPhoneNumberOrder")
def get_phone_number_order(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    order = PhoneNumberInventory.of(call.inventory).orders.get(params["PhoneNumberOrderId"].lower())
    if order is None:
        raise not_found(f"Phone number order {params['PhoneNumberOrderId']} not found")
    return {"PhoneNumberOrder": order_view(order)}


@handles("ListPhoneNumberOrders")
def list_phone_number_orders(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    inventory = call.inventory
    page, token = PhoneNumberInventory.of(inventory).order_pages.page(
        PhoneNumberInventory.of(inventory).orders,
        lambda order: order.seq,
        call.page_size(params),
        params.get("NextToken"),
    )
    return {"PhoneNumberOrders": [order_view(order) for order in page], "NextToken": token}
