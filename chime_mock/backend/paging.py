"""Paging for every list operation: opaque NextTokens, and pages that cost the page, not the
collection.

A token remembers the `seq` (creation order) of the last record served, so a listing stays stable
while records are added or removed between pages. Only the newest `TOKENS_KEPT` tokens of each
listing are remembered, so a mock left running does not grow with every page it served; an older
token is refused like one never issued.

`PageTokens.page(items, seq, max_results, next_token)` pages either of:
- a plain Sequence ordered by `seq`: read whole on every page (fine for a few hundred items);
- an `Ordered` collection: it seeks to the first record after the token's `seq` itself, so a page
  costs the page (plus a binary search), whatever the collection's size.

A family adopts the second by declaration: keep its records in a `Listing` (a dict by ID, in
`seq` order) and hand that to `page`. A subclass that names `indexes` (field name -> the keys a
value files the record under) also pages filtered listings through `where(...)`, and counts by
key; records that subclass `Listed` keep those indexes current whenever such a field is assigned.

    @dataclass
    class SipRule(Listed):
        sip_rule_id: str
        disabled: bool
        seq: int

    class SipRules(Listing[SipRule]):
        indexes: ClassVar[Indexes] = {"disabled": lambda disabled: (disabled,)}

    rules = SipRules()                      # a family's field: field(default_factory=SipRules)
    rules[rule.sip_rule_id] = rule
    page, token = tokens.page(rules.where(disabled=False), seq, max_results, next_token)

Assign an indexed field (`rule.disabled = True`); a change made inside its value in place
(`record.associations.append(...)`) is not seen until `listing.reindex(record)`.
"""

from __future__ import annotations

import bisect
import itertools
from collections import OrderedDict
from collections.abc import (
    Callable,
    Hashable,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from typing import Any, ClassVar, Generic, TypeVar, overload

from chime_mock.errors import bad_request

T = TypeVar("T")
R = TypeVar("R")

# Per listing of an inventory: far more than any client pages through at once.
TOKENS_KEPT = 1_000
_LISTING = "_listing"  # where a Listed record keeps the Listing it is in

# A Listing's indexes: field name -> the keys a record is filed under, from the field's value.
Indexes = Mapping[str, Callable[[Any], Iterable[Hashable]]]


class Ordered(Generic[T]):
    """A collection ordered by `seq` that can start after a given `seq` without reading what
    comes before: what makes a page cost the page."""

    def after(self, seq: int) -> Iterator[T]:
        """The items whose `seq` is greater than `seq`, in order."""
        raise NotImplementedError


class PageTokens:
    """Pages a collection ordered by a growing `seq`; a token remembers the last `seq` served.

    Keying on `seq` rather than on a position keeps a listing stable while records are added or
    removed between pages.
    """

    # How many tokens are remembered. A class attribute, not state of each instance: an
    # inventory only read from stays as empty as a new one. A unit test may lower it on one.
    kept = TOKENS_KEPT

    def __init__(self) -> None:
        # Oldest first: popitem(last=False) evicts in O(1) where a dict's first key may not be.
        self._issued: OrderedDict[str, int] = OrderedDict()

    def page(
        self,
        items: Sequence[T] | Ordered[T],
        seq: Callable[[T], int],
        max_results: int,
        next_token: str | None,
    ) -> tuple[list[T], str | None]:
        """The page after `next_token` (None: the first) and the token of the next, if any."""
        after = -1
        if next_token is not None:
            if next_token not in self._issued:
                raise bad_request(
                    "Invalid NextToken: the token is unknown or expired; start the listing again "
                    "without NextToken"
                )
            after = self._issued[next_token]
        if isinstance(items, Ordered):
            following = items.after(after)
            page = list(itertools.islice(following, max_results))
            more = next(following, None) is not None
        else:
            remaining = [item for item in items if seq(item) > after]
            page = remaining[:max_results]
            more = len(remaining) > max_results
        if not more:
            return page, None
        # Hex, so a token never starts with "-": the AWS CLI would read `--next-token -x...`
        # as an option, and a shell script pasting tokens would fail one time in 64.
        import secrets  # here: a process that never pages past one page never needs it

        token = secrets.token_hex(24)
        self._issued[token] = seq(page[-1])
        if len(self._issued) > self.kept:
            self._issued.popitem(last=False)
        return page, token


class _Run(Generic[R]):
    """Records sorted by `seq`: binary search to the first one after a given `seq`."""

    def __init__(self) -> None:
        self.seqs: list[int] = []
        self.records: list[R] = []

    def __len__(self) -> int:
        return len(self.records)

    def add(self, seq: int, record: R) -> None:
        at = bisect.bisect_right(self.seqs, seq)
        self.seqs.insert(at, seq)
        self.records.insert(at, record)

    def remove(self, seq: int, record: R) -> None:
        at = bisect.bisect_left(self.seqs, seq)
        while at < len(self.records) and self.records[at] is not record:
            at += 1  # equal seqs (a hand-made state file): find this very record
        if at == len(self.records):  # its seq changed while listed: look everywhere
            at = next(i for i, found in enumerate(self.records) if found is record)
        del self.seqs[at]
        del self.records[at]

    def after(self, seq: int) -> Iterator[R]:
        records = self.records
        for at in range(bisect.bisect_right(self.seqs, seq), len(records)):
            yield records[at]


class Listing(MutableMapping[str, R], Ordered[R]):
    """Records by ID, iterated and paged in `seq` order (each record has an int `seq`).

    A dict for every other use. Subclasses may declare `indexes`: field name -> a function from
    the field's value to the keys the record is filed under (one for a status, several for a
    list of associations), for `where` and `count`.
    """

    indexes: ClassVar[Indexes] = {}

    def __init__(self) -> None:
        self._by_id: dict[str, R] = {}
        self._all: _Run[R] = _Run()
        # Index name -> key -> the records filed under it; and each record's keys, by id().
        self._buckets: dict[str, dict[Hashable, _Run[R]]] = {}
        self._keys: dict[str, dict[int, tuple[Hashable, ...]]] = {}

    # -- the mapping ----------------------------------------------------------------------------

    def __getitem__(self, key: str) -> R:
        return self._by_id[key]

    @overload
    def get(self, key: str, /) -> R | None: ...

    @overload
    def get(self, key: str, /, default: R | T) -> R | T: ...

    def get(self, key: str, /, default: Any = None) -> Any:
        return self._by_id.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __setitem__(self, key: str, record: R) -> None:
        if key in self._by_id:
            del self[key]  # a replaced record is listed as a new one: last
        self._by_id[key] = record
        self._all.add(_seq(record), record)
        for name in self.indexes:
            self._file(name, record)
        if isinstance(record, Listed):
            object.__setattr__(record, _LISTING, self)

    def __delitem__(self, key: str) -> None:
        record = self._by_id.pop(key)
        self._all.remove(_seq(record), record)
        for name in self.indexes:
            self._unfile(name, record)
        if isinstance(record, Listed):
            record.__dict__.pop(_LISTING, None)

    # -- paging and counting --------------------------------------------------------------------

    def after(self, seq: int) -> Iterator[R]:
        return self._all.after(seq)

    def where(self, **keys: Hashable | None) -> Ordered[R]:
        """The records filed under every given key (index name -> key; None: any), in order."""
        wanted = {name: key for name, key in keys.items() if key is not None}
        unknown = set(wanted) - set(self.indexes)
        if unknown:
            raise KeyError(f"chime_mock: {type(self).__name__} has no index {sorted(unknown)}")
        if not wanted:
            return self
        return _Selection(self, wanted)

    def count(self, name: str, key: Hashable) -> int:
        """How many records are filed under `key` in the index `name`."""
        bucket = self._buckets.get(name, {}).get(key)
        return 0 if bucket is None else len(bucket)

    def reindex(self, record: R) -> None:
        """File `record` anew in every index (after a change its fields could not announce)."""
        for name in self.indexes:
            self._unfile(name, record)
            self._file(name, record)

    # -- indexes --------------------------------------------------------------------------------

    def _file(self, name: str, record: R) -> None:
        keys = tuple(self.indexes[name](getattr(record, name)))
        if len(keys) > 1:
            keys = tuple(dict.fromkeys(keys))  # filed once under a key it names twice
        self._keys.setdefault(name, {})[id(record)] = keys
        buckets = self._buckets.setdefault(name, {})
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = _Run()
            bucket.add(_seq(record), record)

    def _unfile(self, name: str, record: R) -> None:
        buckets = self._buckets[name]
        for key in self._keys[name].pop(id(record)):
            bucket = buckets[key]
            bucket.remove(_seq(record), record)
            if not bucket:
                del buckets[key]

    def _changed(self, record: R, field: str) -> None:
        """A Listed record in this listing had `field` assigned."""
        if field in self.indexes:
            self._unfile(field, record)
            self._file(field, record)
        elif field == "seq":  # its place in every run moves
            key = next(key for key, found in self._by_id.items() if found is record)
            del self[key]
            self[key] = record


class _Selection(Ordered[R]):
    """The records of a Listing filed under several keys: the smallest bucket, read in order,
    keeping the records the other keys also hold."""

    def __init__(self, listing: Listing[R], wanted: dict[str, Hashable]) -> None:
        self._listing = listing
        self._wanted = wanted

    def after(self, seq: int) -> Iterator[R]:
        listing = self._listing
        buckets = []
        for name, key in self._wanted.items():
            bucket = listing._buckets.get(name, {}).get(key)
            if bucket is None:
                return
            buckets.append((len(bucket), name, bucket))
        buckets.sort(key=lambda found: found[0])
        _, _, smallest = buckets[0]
        others = [(listing._keys[name], self._wanted[name]) for _, name, _ in buckets[1:]]
        for record in smallest.after(seq):
            if all(key in keys[id(record)] for keys, key in others):
                yield record


class Listed:
    """Base of a record kept in a Listing with indexes: assigning a field the listing indexes
    (or `seq`) refiles the record at once, wherever the assignment is made."""

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        listing = self.__dict__.get(_LISTING)
        if listing is not None:
            listing._changed(self, name)


def _seq(record: Any) -> int:
    seq: int = record.seq
    return seq
