"""Orders and phone numbers as output dicts (see operations/views.py for what a view is)."""

from __future__ import annotations

from typing import Any

from chime_mock.backend.phone_numbers.records import PhoneNumber, PhoneNumberOrder
from chime_mock.operations.views import registered


@registered("PhoneNumberOrder")
def order_view(order: PhoneNumberOrder) -> dict[str, Any]:
    return {
        "PhoneNumberOrderId": order.order_id,
        "ProductType": order.product_type,
        "Status": order.status,
        "OrderType": order.order_type,
        "OrderedPhoneNumbers": [
            {"E164PhoneNumber": entry.e164, "Status": entry.status} for entry in order.ordered
        ],
        "CreatedTimestamp": order.created,
        "UpdatedTimestamp": order.updated,
        "FocDate": order.foc_date,
    }


@registered("PhoneNumber")
def number_view(number: PhoneNumber) -> dict[str, Any]:
    return {
        "PhoneNumberId": number.phone_number_id,
        "E164PhoneNumber": number.e164,
        "Country": number.country,
        "Type": number.type,
        "ProductType": number.product_type,
        "Status": number.status,
        "Capabilities": dict(number.capabilities),
        "Associations": [
            {
                "Name": association.name,
                "Value": association.value,
                "AssociatedTimestamp": association.associated,
            }
            for association in number.associations
        ],
        "CallingName": number.calling_name,
        "CallingNameStatus": number.calling_name_status,
        "CreatedTimestamp": number.created,
        "UpdatedTimestamp": number.updated,
        "DeletionTimestamp": number.deletion,
        "OrderId": number.order_id,
        "Name": number.name,
    }
