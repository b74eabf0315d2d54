"""What a view is, and the registry of views by record: how a family's records become output
dicts (each domain's views live in operations/<domain>/views.py).

A view answers every member any current model knows; the serializer keeps the ones the installed
model of the calling service has (legacy Chime orders have no OrderType, say). Views are fresh
trees that share no dict or list with a record: the serializer keeps the last output of each
operation to compare the next one with, and a record changed later must not change that kept
copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

View = TypeVar("View", bound=Callable[..., dict[str, Any]])

# Record class name -> its view: how the server's snapshot and dashboard show every family's
# records. By name, so the phone numbers' operations load no family's module; a domain's views
# register as its handlers load (operations.load_families() loads them all).
VIEWS: dict[str, Callable[[Any], dict[str, Any]]] = {}


# Configuration name -> how the server's snapshot shows a record's document of that name, where
# not as kept (a termination's credentials: their user names, never their passwords).
CONFIGURATION_VIEWS: dict[str, Callable[[Any], Any]] = {}


def registered(record_class_name: str) -> Callable[[View], View]:
    """Register the decorated function as the view of the records of that class."""

    def register(view: View) -> View:
        VIEWS[record_class_name] = view
        return view

    return register
