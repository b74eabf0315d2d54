"""A canonical, comparable dump of everything the fake remembers: to prove a call changed nothing.

Generic on purpose: it walks the backend's attributes, so state added to the backend later is
compared too. Left out: the lock, and the test tooling (the call journal and the
injected faults record every call, rejected ones included, by design).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import itertools
from typing import Any

from chime_mock import clock
from chime_mock.backend import Backend

NOT_STATE = frozenset({"lock", "journal", "faults"})


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool, _dt.datetime, _dt.timedelta)):
        return value
    if isinstance(value, itertools.count):
        return "count"  # sequence numbers only order records; using one up changes nothing seen
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(item) for item in value), key=repr)
    if isinstance(value, dict):
        # By key alone: a dict's keys differ, and the repr of a whole subtree is costly.
        return sorted(((_plain(k), _plain(v)) for k, v in value.items()), key=_key_text)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
        return (type(value).__name__, _plain(fields))
    if hasattr(value, "__dict__"):
        return (type(value).__name__, _plain(_attributes(value)))
    return (type(value).__name__, repr(value))


def _key_text(pair: tuple[Any, Any]) -> str:
    return repr(pair[0])


def _attributes(value: Any) -> dict[str, Any]:
    return {
        name: item
        for name, item in vars(value).items()
        if name not in NOT_STATE
        and not callable(item)
        and "lock" not in type(item).__name__.lower()
    }


def _empty(value: Any) -> bool:
    if hasattr(value, "__dict__") and not isinstance(value, type):
        return all(_empty(item) for item in _attributes(value).values())
    if isinstance(value, dict):  # e.g. a resource family or a listing's tokens made by a read
        return all(_empty(item) for item in value.values())
    return value is None or (isinstance(value, (list, set, tuple)) and not value)


def _is_untouched(inventory: Any) -> bool:
    """An inventory a read made on the way (`Backend.inventory` makes them lazily) is no state."""
    return all(_empty(item) for name, item in _attributes(inventory).items() if name != "scope")


def snapshot(backend: Backend) -> Any:
    """Everything `backend` remembers, after completing what the clock says is due."""
    with backend.lock:
        backend.settle(clock.now())
        state = _attributes(backend)
        state["_inventories"] = {
            scope: inventory
            for scope, inventory in state.get("_inventories", {}).items()
            if not _is_untouched(inventory)
        }
        return _plain(state)
