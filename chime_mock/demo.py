"""The README's demo: order numbers, poll the order, read a number, print them."""

from __future__ import annotations

import boto3

from chime_mock import mock_chime


def main() -> None:
    with mock_chime(processing_delay=None) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order = voice.create_phone_number_order(
            ProductType="VoiceConnector",
            E164PhoneNumbers=["+12065550100", "+12065550101"],
            Name="support line",
        )["PhoneNumberOrder"]
        order_id = order["PhoneNumberOrderId"]
        print(f"ordered  {order_id}: {order['Status']}")

        handle.complete_order(order_id)  # the carrier answers; or set processing_delay=11
        order = voice.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
        print(f"polled   {order_id}: {order['Status']}")
        for entry in order["OrderedPhoneNumbers"]:
            print(f"         {entry['E164PhoneNumber']}: {entry['Status']}")

        number = voice.get_phone_number(PhoneNumberId="+12065550100")["PhoneNumber"]
        print(
            f"number   {number['E164PhoneNumber']}: {number['Status']}, {number['Type']} "
            f"in {number['Country']}, {number['ProductType']}, name {number['Name']!r}"
        )
        try:
            voice.get_phone_number(PhoneNumberId="+12065550199")
        except voice.exceptions.NotFoundException as error:
            print(f"missing  +12065550199: {error.response['Error']['Code']}")


if __name__ == "__main__":
    main()
