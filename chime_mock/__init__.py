"""chime_mock: an in-memory fake of the Amazon Chime and Chime SDK Voice phone-number APIs."""

from chime_mock.errors import ServiceError, StateFileError
from chime_mock.journal import RecordedCall
from chime_mock.mock import ChimeMock, mock_chime

__all__ = ["ChimeMock", "RecordedCall", "ServiceError", "StateFileError", "mock_chime"]
__version__ = "0.1.0"
