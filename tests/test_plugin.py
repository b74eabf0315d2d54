"""The pytest plugin, run in a separate pytest session through pytester."""

from __future__ import annotations

import pytest


def test_fixture_gives_an_active_handle_with_fresh_state(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import boto3

        def _order():
            client = boto3.client("chime-sdk-voice", region_name="us-east-1")
            client.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )
            return client.list_phone_number_orders()["PhoneNumberOrders"]

        def test_one(chime_mock):
            assert chime_mock.active
            assert len(_order()) == 1

        def test_two(chime_mock):
            assert len(_order()) == 1
        """
    )
    pytester.runpytest("-p", "no:randomly").assert_outcomes(passed=2)


def test_marker_passes_options_to_the_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import boto3
        import pytest

        @pytest.mark.chime_mock(processing_delay=None)
        def test_waits(chime_mock):
            client = boto3.client("chime-sdk-voice", region_name="us-east-1")
            order = client.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )["PhoneNumberOrder"]
            got = client.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
            assert got["PhoneNumberOrder"]["Status"] == "Processing"
            chime_mock.complete_order(order["PhoneNumberOrderId"])
            got = client.get_phone_number_order(PhoneNumberOrderId=order["PhoneNumberOrderId"])
            assert got["PhoneNumberOrder"]["Status"] == "Successful"
        """
    )
    result = pytester.runpytest("--strict-markers", "-p", "no:randomly")
    result.assert_outcomes(passed=1)


def test_marker_is_registered(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--markers")
    result.stdout.fnmatch_lines(["*chime_mock(**options)*"])
