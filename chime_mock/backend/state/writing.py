"""The text of a state file: compact JSON by default, or indented for people to read.

Writing or reading a real inventory builds tens of thousands of objects at once, none of them
garbage; `no_collection` keeps Python's cyclic collector from walking them again and again
meanwhile (a third of the time).
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterator
from typing import Any


@contextlib.contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector (if it runs) for the block; reference counting still
    frees everything as usual."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


# Objects and lists nested deeper than this are written on one line each: one line per record (an
# order, a number, an owner), with the file's structure indented above them. json's indenting
# encoder is pure Python; this keeps the C encoder for the records (ten times faster).
_INDENTED_DEPTH = 2


def _one_line_writer(separators: tuple[str, str]) -> Callable[[Any], str]:
    """`json.dumps(value, ensure_ascii=False, separators=separators)`, with json's C encoder
    built once (`dumps` builds it anew for every value: a third of writing 10,000 records one
    by one)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    plain = json.JSONEncoder(ensure_ascii=False, separators=separators)
    try:
        encoder = make(  # type: ignore[misc]
            {},  # markers: the cycle check json.dumps makes
            plain.default,
            json.encoder.encode_basestring,  # ensure_ascii=False
            None,  # indent
            plain.key_separator,
            plain.item_separator,
            plain.sort_keys,
            plain.skipkeys,
            plain.allow_nan,
        )
    except TypeError:  # no C encoder (None), or one with other arguments
        return plain.encode
    return lambda value: "".join(encoder(value, 0))


_one_line = _one_line_writer((", ", ": "))
# The whole value on one line, without a space: the default state file.
compact = _one_line_writer((",", ":"))


def pretty(value: Any) -> str:
    """The value indented down to its records, each record an object on one line."""
    return _layout(value, 0)


def _layout(value: Any, depth: int) -> str:
    expand = depth <= _INDENTED_DEPTH or (depth <= _INDENTED_DEPTH + 2 and _holds_records(value))
    if not expand or not value or not isinstance(value, (dict, list)):
        return _one_line(value)
    indent = "\n" + "  " * (depth + 1)
    if isinstance(value, dict):
        members = [
            f"{json.dumps(key, ensure_ascii=False)}: {_layout(item, depth + 1)}"
            for key, item in value.items()
        ]
        return "{" + indent + ("," + indent).join(members) + "\n" + "  " * depth + "}"
    items = [_layout(item, depth + 1) for item in value]
    return "[" + indent + ("," + indent).join(items) + "\n" + "  " * depth + "]"


def _holds_records(value: Any) -> bool:
    """An inventory (an object with lists of records) or a list of such: indented further."""
    if isinstance(value, list):
        return bool(value) and all(
            isinstance(item, dict) and _holds_records(item) for item in value
        )
    return isinstance(value, dict) and any(
        isinstance(item, list) and item and isinstance(item[0], dict) for item in value.values()
    )
