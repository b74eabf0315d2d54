"""Find the operation an HTTP request is for, from the model's method and `requestUri` templates.

A template such as `/phone-numbers/{phoneNumberId}?operation=restore` becomes a path regex plus
the static query pairs the request must carry. Templates with more static pairs win, so
`POST /phone-numbers/x?operation=restore` is RestorePhoneNumber, not UpdatePhoneNumber.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import parse_qsl, unquote

import botocore.model

_LABEL = re.compile(r"\{([^}]+)\}")
_RECENT_SIZE = 1024
_UNSEEN = object()


@dataclass(eq=False, repr=False)  # the router's own: never compared or shown
class Route:
    """An operation's requestUri template as a path regex and the static query it needs."""

    operation: botocore.model.OperationModel
    pattern: str  # the path regex, compiled at its first use
    labels: tuple[str, ...]
    static_query: tuple[tuple[str, str], ...]

    @functools.cached_property
    def path(self) -> re.Pattern[str]:
        # Compiling the ~100 routes of a model up front is two thirds of building a router, and
        # a test process only ever calls a few of them.
        return re.compile(self.pattern)


class Match(NamedTuple):
    """Shared between requests with the same method, path and query: read it, never change it."""

    operation: botocore.model.OperationModel
    labels: Mapping[str, str]  # label name -> percent-decoded value
    query: tuple[tuple[str, str], ...]  # every query pair, decoded, in order


def _compile(operation: botocore.model.OperationModel) -> Route:
    template = operation.http["requestUri"]
    path_template, _, query_template = template.partition("?")
    labels: list[str] = []
    pattern = ["^"]
    position = 0
    for label in _LABEL.finditer(path_template):
        pattern.append(re.escape(path_template[position : label.start()]))
        name = label.group(1)
        if name.endswith("+"):  # greedy label: may span "/"
            labels.append(name[:-1])
            pattern.append("(.*)")
        else:
            labels.append(name)
            # An empty label is matched so the request reaches validation and is answered
            # BadRequestException, as AWS does for `/phone-numbers/`.
            pattern.append("([^/]*)")
        position = label.end()
    pattern.append(re.escape(path_template[position:]))
    pattern.append("$")
    return Route(
        operation=operation,
        pattern="".join(pattern),
        labels=tuple(labels),
        static_query=tuple(parse_qsl(query_template, keep_blank_values=True)),
    )


def _first_segment(path: str) -> str:
    return path.split("/", 2)[1] if path.startswith("/") else ""


class Router:
    """Routes requests for one service model.

    Routes are indexed by method and first path segment, so a request tries the handful of
    templates that can match rather than every operation of the service. A group's routes are
    made at its first request: a test process calls a few groups of the ~100 operations.
    """

    def __init__(self, model: botocore.model.ServiceModel) -> None:
        self._model = model
        # (method, first segment or "*" when a label leads the path) -> operation names
        self._names: dict[tuple[str, str], list[str]] = {}
        for name in model.operation_names:
            http = model.operation_model(name).http
            segment = _first_segment(http["requestUri"].partition("?")[0])
            key = (http["method"], "*" if "{" in segment else segment)
            self._names.setdefault(key, []).append(name)
        self._index: dict[tuple[str, str], list[Route]] = {}
        self._recent: dict[tuple[str, str, str], Match | None] = {}

    def _routes(self, key: tuple[str, str]) -> list[Route]:
        routes = self._index.get(key)
        if routes is None:
            names = self._names.get(key)
            if names is None:  # no template starts so: nothing kept for a stranger's path
                return []
            routes = [_compile(self._model.operation_model(name)) for name in names]
            # Templates with more static query pairs first, then the longer (more literal) ones.
            routes.sort(key=lambda r: (-len(r.static_query), -len(r.pattern)))
            self._index[key] = routes
        return routes

    def _candidates(self, method: str, path: str) -> list[Route]:
        method = method.upper()
        exact = self._routes((method, _first_segment(path)))
        labelled = self._routes((method, "*"))
        return exact + labelled if labelled else exact

    def match(self, method: str, path: str, query: str) -> Match | None:
        """The operation this request is for and its decoded labels; None when none is.

        Tests call the same few URLs again and again (polling an order, reading a number), so
        recent answers are kept; the cache is emptied when it fills.
        """
        key = (method, path, query)
        found = self._recent.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._match(method, path, query)
            if len(self._recent) >= _RECENT_SIZE:
                self._recent.clear()
            self._recent[key] = found
        return found  # type: ignore[return-value]

    def _match(self, method: str, path: str, query: str) -> Match | None:
        pairs = tuple(parse_qsl(query, keep_blank_values=True)) if query else ()
        for route in self._candidates(method, path):
            found = route.path.match(path)
            if found is None:
                continue
            if route.static_query and not all(pair in pairs for pair in route.static_query):
                continue
            labels = {
                name: unquote(value)
                for name, value in zip(route.labels, found.groups(), strict=True)
            }
            return Match(route.operation, MappingProxyType(labels), pairs)
        return None

    def methods_for(self, path: str) -> list[str]:
        """The methods some route accepts at this path: for a helpful wrong-method error."""
        return sorted(
            {
                method
                for method, segment in self._names
                if any(route.path.match(path) for route in self._routes((method, segment)))
            }
        )
