"""journal_limit: the journal keeps the newest calls, and says how many older ones it dropped."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from chime_mock import ChimeMock, mock_chime
from chime_mock.journal import Journal
from chime_mock.mock import _ACTIVE


def _list(voice: Any, *max_results: int) -> None:
    for value in max_results:
        voice.list_phone_number_orders(MaxResults=value)


def _recorded(handle: ChimeMock) -> list[int]:
    return [call.params["MaxResults"] for call in handle.calls]


def _record(journal: Journal, *statuses: int) -> None:
    for status in statuses:
        journal.record(
            service="chime-sdk-voice",
            region="us-east-1",
            account="123456789012",
            operation="GetPhoneNumber",
            params={},
            status=status,
            error=None,
        )


def _statuses(journal: Journal) -> list[int]:
    return [call.status for call in journal.calls()]


# -- the journal itself ------------------------------------------------------------------------


def test_a_journal_keeps_the_newest_calls_and_counts_the_dropped_ones() -> None:
    journal = Journal(limit=3)
    _record(journal, 1, 2, 3, 4, 5)
    assert (_statuses(journal), journal.dropped) == ([3, 4, 5], 2)


def test_a_journal_without_limit_keeps_every_call() -> None:
    journal = Journal(limit=None)
    _record(journal, *range(20_000))
    assert (len(journal.calls()), journal.dropped) == (20_000, 0)


def test_lowering_the_limit_keeps_the_newest_calls_that_fit() -> None:
    journal = Journal(limit=5)
    _record(journal, 1, 2, 3, 4)
    journal.limit = 2
    assert (_statuses(journal), journal.dropped) == ([3, 4], 2)


def test_raising_the_limit_keeps_every_call_and_makes_room() -> None:
    journal = Journal(limit=2)
    _record(journal, 1, 2, 3)
    journal.limit = 4
    _record(journal, 4, 5)
    assert (_statuses(journal), journal.dropped) == ([2, 3, 4, 5], 1)


def test_clearing_the_journal_forgets_the_dropped_count_and_keeps_the_limit() -> None:
    journal = Journal(limit=1)
    _record(journal, 1, 2)
    journal.clear()
    _record(journal, 3)
    assert (_statuses(journal), journal.dropped, journal.limit) == ([3], 0, 1)


# -- through mock_chime and boto3 --------------------------------------------------------------


def test_the_journal_keeps_the_newest_calls_up_to_the_limit() -> None:
    with mock_chime(journal_limit=2) as handle:
        _list(boto3.client("chime-sdk-voice", region_name="us-east-1"), 1, 2, 3)
        assert (_recorded(handle), handle.calls_dropped) == ([2, 3], 1)


def test_no_call_is_dropped_under_the_limit(handle: ChimeMock, voice: Any) -> None:
    _list(voice, 1, 2)
    assert (_recorded(handle), handle.calls_dropped) == ([1, 2], 0)


@pytest.mark.parametrize(
    ("options", "dropped"),
    [({}, 1), ({"journal_limit": None}, 0)],
    ids=["the default keeps ten thousand", "None keeps every call"],
)
def test_the_journal_keeps_ten_thousand_calls_unless_lifted(
    options: dict[str, Any], dropped: int
) -> None:
    with mock_chime(**options) as handle:
        # 10,000 calls straight into the journal the dispatcher writes (10,000 through boto3 took
        # half a minute), then the 10,001st through boto3: the one that meets the limit.
        backend = _ACTIVE.backend
        assert backend is not None
        _record(backend.journal, *[200] * 10_000)
        boto3.client("chime-sdk-voice", region_name="us-east-1").get_phone_number_settings()
        assert (len(handle.calls), handle.calls_dropped) == (10_001 - dropped, dropped)
        assert handle.calls[-1].operation == "GetPhoneNumberSettings"


def test_reset_empties_the_journal_and_keeps_its_limit() -> None:
    with mock_chime(journal_limit=1) as handle:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        _list(voice, 1, 2)
        handle.reset()
        assert (handle.calls, handle.calls_dropped) == ([], 0)
        _list(voice, 3, 4)
        assert (_recorded(handle), handle.calls_dropped) == ([4], 1)


def test_an_inner_mock_limits_the_shared_journal_to_its_newest_calls() -> None:
    with mock_chime(journal_limit=5) as outer:
        voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
        _list(voice, 1, 2, 3)
        with mock_chime(journal_limit=1):
            assert (_recorded(outer), outer.calls_dropped) == ([3], 2)
        _list(voice, 4, 5)
        assert _recorded(outer) == [3, 4, 5]


@pytest.mark.parametrize(
    ("value", "error"),
    [(0, ValueError), (-1, ValueError), ("x", TypeError), (True, TypeError), (2.5, TypeError)],
)
def test_a_bad_journal_limit_is_refused_with_a_hint(value: Any, error: type[Exception]) -> None:
    # As the other options: the wrong type is a TypeError, a number out of range a ValueError.
    with pytest.raises(error, match=r"chime_mock: journal_limit .*or None"):
        mock_chime(journal_limit=value)


def test_the_marker_sets_the_journal_limit(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import boto3
        import pytest

        @pytest.mark.chime_mock(journal_limit=1)
        def test_keeps_one(chime_mock):
            voice = boto3.client("chime-sdk-voice", region_name="us-east-1")
            voice.list_phone_number_orders(MaxResults=1)
            voice.list_phone_number_orders(MaxResults=2)
            assert [call.params for call in chime_mock.calls] == [{"MaxResults": 2}]
            assert chime_mock.calls_dropped == 1
        """
    )
    result = pytester.runpytest("--strict-markers", "-p", "no:randomly")
    result.assert_outcomes(passed=1)
