"""What waits for the clock, soonest due first: a settle pops what is due instead of reading
everything that waits, so a request costs nothing for what is not due yet.

An entry is only a hint: the settle step it feeds checks the record again, and queues again
what still waits, at its current due time. So a record need not be taken out of the queue when
it stops waiting (it is skipped once it is no longer among the waiting keys), and a record whose
due time moves is simply queued again.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import itertools
from collections.abc import Container


class DueQueue:
    """Keys of one waiting collection by the time they are due."""

    def __init__(self) -> None:
        self._heap: list[tuple[_dt.datetime, int, str]] = []
        self._arrivals = itertools.count()

    def __bool__(self) -> bool:
        """Whether anything is queued (what no longer waits included, until it comes due)."""
        return bool(self._heap)

    def push(self, key: str, due: _dt.datetime | None) -> None:
        if due is not None:
            heapq.heappush(self._heap, (due, next(self._arrivals), key))

    def pop_due(self, now: _dt.datetime, waiting: Container[str]) -> list[str]:
        """The keys still `waiting` that were due by `now`, each once, in the order queued."""
        found: dict[str, int] = {}
        heap = self._heap
        while heap and heap[0][0] <= now:
            _, arrival, key = heapq.heappop(heap)
            if key in waiting:
                found.setdefault(key, arrival)
        return sorted(found, key=found.__getitem__)
