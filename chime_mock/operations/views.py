"""Records as output dicts: every member any current model knows; the serializer keeps the ones
the installed model of the calling service has (legacy Chime orders have no OrderType, say)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from chime_mock.backend.records import PhoneNumber, PhoneNumberOrder


def _iso8601(value: _dt.datetime) -> str:
    value = value.astimezone(_dt.timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


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
        # The voice model types FocDate as a String, not a timestamp: send the ISO 8601 text the
        # timestamps use.
        "FocDate": None if order.foc_date is None else _iso8601(order.foc_date),
    }


def number_view(number: PhoneNumber) -> dict[str, Any]:
    return {
        "PhoneNumberId": number.phone_number_id,
        "E164PhoneNumber": number.e164,
        "Country": number.country,
        "Type": number.type,
        "ProductType": number.product_type,
        "Status": number.status,
        "Capabilities": dict(number.capabilities),
        "Associations": list(number.associations),
        "CallingName": number.calling_name,
        "CallingNameStatus": number.calling_name_status,
        "CreatedTimestamp": number.created,
        "UpdatedTimestamp": number.updated,
        "DeletionTimestamp": number.deletion,
        "OrderId": number.order_id,
        "Name": number.name,
    }
