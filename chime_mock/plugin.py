"""pytest plugin: the `chime_mock` fixture, and the `chime_mock` marker for its options.

Registered by the `pytest11` entry point, so installing chime_mock is enough. The marker alone
also mocks the test (as time-machine's marker does): a test marked for the mock never reaches
AWS because its author forgot the fixture.

```python
import boto3
import pytest


@pytest.mark.chime_mock(processing_delay=None)
def test_order_waits_for_the_carrier(chime_mock):
    client = boto3.client("chime-sdk-voice", region_name="us-east-1")
    order_id = client.create_phone_number_order(
        ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
    )["PhoneNumberOrder"]["PhoneNumberOrderId"]
    chime_mock.complete_order(order_id)
```

The fixture `chime_mock_handle` is the same handle under a name that does not hide
`import chime_mock`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chime_mock.mock import ChimeMock

MARKER = FIXTURE = "chime_mock"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "chime_mock(**options): mock Chime for the test, with these options of mock_chime "
        "(the chime_mock fixture gives the handle)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A marked test uses the fixture, asked for or not."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        marked = item.get_closest_marker(MARKER) is not None
        if marked and names is not None and FIXTURE not in names:
            names.insert(0, FIXTURE)


def pytest_runtest_setup(item: pytest.Item) -> None:
    # An item that takes no fixtures (a doctest, another plugin's item) cannot be mocked: say so
    # rather than let it run unmocked.
    if item.get_closest_marker(MARKER) is not None and FIXTURE not in getattr(
        item, "fixturenames", ()
    ):
        pytest.fail(
            f"chime_mock: {item.nodeid} is marked chime_mock but takes no fixtures, so it cannot "
            "be mocked; wrap its code in `with mock_chime():` instead",
            pytrace=False,
        )


@pytest.fixture
def chime_mock(request: pytest.FixtureRequest) -> Iterator[ChimeMock]:
    """An active chime_mock for the test, with fresh state; yields the handle."""
    marker = request.node.get_closest_marker(MARKER)
    if marker and marker.args:
        raise TypeError(
            "chime_mock: the chime_mock marker takes keyword options only, as "
            "@pytest.mark.chime_mock(processing_delay=None)"
        )
    with ChimeMock(**(dict(marker.kwargs) if marker else {})) as handle:
        yield handle


@pytest.fixture
def chime_mock_handle(chime_mock: ChimeMock) -> ChimeMock:
    """The `chime_mock` fixture's handle under a name that leaves `import chime_mock` usable in
    the test (`chime_mock_handle.complete_order(...)` beside `chime_mock.mock_chime`)."""
    return chime_mock
