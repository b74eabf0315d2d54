"""The call journal: one record per call the fake answered, in the order it answered them.

Always on, so it must stay cheap: a record is a few references and a copy of the parsed
parameters (small dicts), appended under the backend's lock that dispatch holds anyway. Bounded
(the newest `journal_limit` calls), so a mock left running for a day of CI keeps its memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from typing import Any, NamedTuple


class RecordedCall(NamedTuple):
    """A call the mock answered, as `handle.calls` lists it: a named tuple, so it cannot be
    changed.

    Example:
        ```python
        import boto3

        from chime_mock import mock_chime

        with mock_chime() as handle:
            voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
            try:
                voice.get_phone_number(PhoneNumberId="+12065550100")
            except voice.exceptions.NotFoundException:
                pass
            last = handle.calls[-1]
            assert (last.operation, last.status, last.error) == (
                "GetPhoneNumber",
                404,
                "NotFoundException",
            )
            assert not last.succeeded
        ```
    """

    service: str  # botocore service name: "chime" or "chime-sdk-voice"
    region: str  # the region the request was signed for
    account: str
    operation: str | None  # None when no operation of the service answers the request's route
    params: Mapping[str, Any]  # the parsed request parameters, by model member name
    status: int  # HTTP status of the answer
    error: str | None = None  # the error code (x-amzn-ErrorType), when the answer is an error

    @property
    def succeeded(self) -> bool:
        """Whether the mock answered with success (no error code): `handle.calls[-1].succeeded`."""
        return self.error is None


class Journal:
    """Records in answer order, the newest `limit` of them (None: all); the caller holds the
    backend's lock.

    Kept as plain tuples and made `RecordedCall`s only when read: every call pays for an append,
    only a test that looks pays for the records. A full deque drops its oldest record on append
    in O(1); `dropped` is worked out from a running count rather than checked on every append.
    """

    def __init__(self, limit: int | None = None) -> None:
        self._calls: deque[tuple[Any, ...]] = deque(maxlen=limit)
        self._recorded = 0  # every call recorded since the last clear, dropped ones included

    @property
    def limit(self) -> int | None:
        return self._calls.maxlen

    @limit.setter
    def limit(self, limit: int | None) -> None:
        """A new limit keeps the newest calls that fit."""
        if limit != self._calls.maxlen:  # every activation sets it: copy only on a change
            self._calls = deque(self._calls, maxlen=limit)

    @property
    def dropped(self) -> int:
        """How many of the calls recorded since the last clear no longer fit."""
        return self._recorded - len(self._calls)

    def clear(self) -> None:
        self._calls.clear()
        self._recorded = 0

    def record(
        self,
        *,
        service: str,
        region: str,
        account: str,
        operation: str | None,
        params: Mapping[str, Any],
        status: int,
        error: str | None,
    ) -> None:
        # A copy, so neither the handler nor the test can change what was recorded.
        self._calls.append((service, region, account, operation, _copy(params), status, error))
        self._recorded += 1

    def calls(self) -> list[RecordedCall]:
        return [RecordedCall(*call) for call in self._calls]


def _copy(value: Any) -> Any:
    """A copy of parsed parameters: their containers are dicts and lists, every leaf (text,
    numbers, timestamps, bytes) immutable; several times faster than `copy.deepcopy`."""
    if isinstance(value, dict):  # not Mapping: an ABC check costs more than the copy
        # Leaves are checked here rather than by a call each: most parameters are leaves.
        return {
            key: _copy(item) if isinstance(item, (dict, list)) else item
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_copy(item) if isinstance(item, (dict, list)) else item for item in value]
    return value
