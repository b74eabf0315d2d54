"""The queue of what waits for the clock: only what is due comes out, once, in the order it
was queued, and only while it still waits."""

from __future__ import annotations

import datetime as dt

from chime_mock.backend.due import DueQueue

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def at(seconds: int) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_only_what_is_due_comes_out_in_the_order_queued() -> None:
    queue = DueQueue()
    queue.push("late", at(30))
    queue.push("b", at(10))
    queue.push("a", at(10))
    queue.push("never", None)  # waits for nothing: not queued
    waiting = {"late", "a", "b", "never"}
    assert queue.pop_due(at(9), waiting) == []
    assert queue.pop_due(at(10), waiting) == ["b", "a"]
    assert queue.pop_due(at(29), waiting) == []
    assert queue.pop_due(at(60), waiting) == ["late"]
    assert queue.pop_due(at(10**6), waiting) == []


def test_a_key_queued_twice_comes_out_once_and_one_no_longer_waiting_not_at_all() -> None:
    queue = DueQueue()
    queue.push("moved", at(5))
    queue.push("moved", at(7))  # queued again at its new time: the old entry is a hint only
    queue.push("done", at(6))
    assert queue.pop_due(at(10), {"moved"}) == ["moved"]
    assert queue.pop_due(at(10), {"moved", "done"}) == []  # both entries were used up
