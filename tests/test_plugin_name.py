"""The fixture shares the package's name: reading a member of the handle off `import chime_mock`
says what to do, and `chime_mock_handle` is the same handle under a name that hides nothing."""

from __future__ import annotations

import boto3
import pytest

import chime_mock


@pytest.fixture(autouse=True, scope="module")
def _modules_loaded_outside_the_inner_sessions() -> None:
    # An in-process pytester session forgets the modules first imported during it; chime_mock
    # loads its modules at the first call, so it loads them here, once, for every inner session.
    with chime_mock.mock_chime(processing_delay=None) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        order = voice.create_phone_number_order(
            ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
        )["PhoneNumberOrder"]
        handle.complete_order(order["PhoneNumberOrderId"])


def test_a_member_of_the_handle_read_off_the_package_names_the_fixture() -> None:
    with pytest.raises(AttributeError) as raised:
        chime_mock.complete_order  # type: ignore[attr-defined]  # noqa: B018
    message = str(raised.value)
    assert message.startswith("chime_mock: complete_order is a member of the mock's handle")
    assert "def test_x(chime_mock_handle):" in message
    assert "with mock_chime() as handle:" in message


def test_any_other_missing_name_is_a_plain_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'no_such_thing'"):
        chime_mock.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(chime_mock, "__wrapped__")  # inspect and wrapt probe such names


def test_the_marker_without_the_fixture_explains_the_shadowed_name(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        """
        import boto3
        import pytest

        import chime_mock

        @pytest.mark.chime_mock(processing_delay=None)
        def test_forgot_the_fixture():
            voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
            order_id = voice.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )["PhoneNumberOrder"]["PhoneNumberOrderId"]
            chime_mock.complete_order(order_id)
        """
    )
    result = pytester.runpytest_inprocess("-p", "no:randomly")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*complete_order is a member of the mock's handle*"])


def test_the_alias_fixture_is_the_handle_beside_the_package(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import boto3
        import pytest

        import chime_mock

        @pytest.mark.chime_mock(processing_delay=None)
        def test_with_the_alias(chime_mock_handle):
            assert isinstance(chime_mock_handle, chime_mock.ChimeMock)
            voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
            order_id = voice.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )["PhoneNumberOrder"]["PhoneNumberOrderId"]
            chime_mock_handle.complete_order(order_id)
            order = voice.get_phone_number_order(PhoneNumberOrderId=order_id)
            assert order["PhoneNumberOrder"]["Status"] == "Successful"

        def test_both_names_are_one_handle(chime_mock_handle, request):
            assert request.getfixturevalue("chime_mock") is chime_mock_handle
        """
    )
    pytester.runpytest_inprocess("-p", "no:randomly").assert_outcomes(passed=2)
