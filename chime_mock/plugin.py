"""pytest plugin: the `chime_mock` fixture and the `chime_mock` marker for its options.

Registered by the `pytest11` entry point, so installing chime_mock is enough:

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
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chime_mock.mock import ChimeMock


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "chime_mock(**options): options for the chime_mock fixture (see mock_chime)"
    )


@pytest.fixture
def chime_mock(request: pytest.FixtureRequest) -> Iterator[ChimeMock]:
    """An active chime_mock for the test, with fresh state; yields the handle."""
    marker = request.node.get_closest_marker("chime_mock")
    options = dict(marker.kwargs) if marker else {}
    if marker and marker.args:
        raise TypeError("chime_mock: the chime_mock marker takes keyword options only")
    with ChimeMock(**options) as handle:
        yield handle
