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


def test_the_marker_alone_mocks_the_test(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the fixture asked for: the test must not reach AWS (here: no credentials at all).
    pytester.makepyfile(
        """
        import boto3
        import pytest

        pytestmark = pytest.mark.chime_mock(processing_delay=None)

        def test_marked_module():
            client = boto3.client("chime-sdk-voice", region_name="us-east-1")
            order = client.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )["PhoneNumberOrder"]
            assert order["Status"] == "Processing"

        @pytest.mark.chime_mock(processing_delay=0)
        def test_marked_test_takes_its_own_options():
            client = boto3.client("chime-sdk-voice", region_name="us-east-1")
            assert client.list_phone_number_orders()["PhoneNumberOrders"] == []
        """
    )
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(pytester.path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(pytester.path / "none"))
    result = pytester.runpytest("--strict-markers", "-p", "no:randomly")
    result.assert_outcomes(passed=2)


def test_an_unknown_marker_option_names_the_closest(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.chime_mock(delay=5)
        def test_misspelled(chime_mock):
            pass

        @pytest.mark.chime_mock(journal_limt=5)
        def test_misspelled_without_the_fixture():
            pass
        """
    )
    result = pytester.runpytest("-p", "no:randomly")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "*chime_mock: there is no option 'delay'; did you mean 'processing_delay'?*",
            "*chime_mock: there is no option 'journal_limt'; did you mean 'journal_limit'?*",
        ]
    )


def test_a_marked_item_that_takes_no_fixtures_fails_instead_of_running_unmocked(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(
        """
        import pytest

        class PlainItem(pytest.Item):
            def runtest(self):
                raise AssertionError("ran unmocked")

        class PlainFile(pytest.File):
            def collect(self):
                item = PlainItem.from_parent(self, name="plain")
                item.add_marker(pytest.mark.chime_mock())
                yield item

        def pytest_collect_file(file_path, parent):
            if file_path.suffix == ".plain":
                return PlainFile.from_parent(parent, path=file_path)
        """
    )
    pytester.makefile(".plain", check="")
    result = pytester.runpytest("-p", "no:randomly")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*chime_mock: *marked chime_mock but takes no fixtures*"])
