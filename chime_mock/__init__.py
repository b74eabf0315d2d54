"""chime_mock: an in-memory fake of Amazon Chime SDK Voice and Amazon Chime for boto3 tests."""

import sys
from typing import NoReturn

from chime_mock.errors import ServiceError, StateFileError
from chime_mock.journal import RecordedCall
from chime_mock.mock import ChimeMock, mock_chime

__all__ = ["ChimeMock", "RecordedCall", "ServiceError", "StateFileError", "mock_chime"]
__version__ = "0.1.0"


def __getattr__(name: str) -> NoReturn:
    """Say what to do when a test reads a member of the handle off the package.

    The pytest fixture shares the package's name: in a test that writes `import chime_mock` but
    does not take the fixture as an argument (a test with only the marker, say),
    `chime_mock.complete_order(...)` reaches this module, not the handle.
    """
    if not name.startswith("_") and hasattr(ChimeMock, name):
        raise AttributeError(
            f"chime_mock: {name} is a member of the mock's handle, not of the chime_mock "
            "package: take the handle as a test argument, `def test_x(chime_mock_handle):` "
            f"then `chime_mock_handle.{name}` (the `chime_mock` fixture is the same handle, "
            f"but its name hides `import chime_mock`), or use `with mock_chime() as handle:` "
            f"then `handle.{name}`",
            name=name,
            obj=sys.modules[__name__],
        )
    raise AttributeError(
        f"module {__name__!r} has no attribute {name!r}", name=name, obj=sys.modules[__name__]
    )
