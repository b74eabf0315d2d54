"""Listings: records by ID in creation order whose indexes follow every change of a record, so a
filtered page is read from the index and costs the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest

from chime_mock import clock
from chime_mock.backend import Backend, Scope
from chime_mock.backend.paging import Indexes, Listed, Listing, PageTokens
from chime_mock.backend.phone_numbers.carrier import Carrier
from chime_mock.backend.phone_numbers.inventory import (
    PhoneNumberInventory,
    PhoneNumbers,
    delete_number,
    get_number,
    restore_number,
    update_number,
)
from chime_mock.backend.phone_numbers.orders import complete_order, create_order, seed_porting_order
from chime_mock.backend.state.files import load, save
from chime_mock.protocol import catalog

SCOPE = Scope.of("chime-sdk-voice", "123456789012", "us-east-1")
NOW = dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc)


@dataclass
class Rule(Listed):
    rule_id: str
    disabled: bool
    seq: int


class Rules(Listing[Rule]):
    indexes: ClassVar[Indexes] = {"disabled": lambda disabled: (disabled,)}


def _rules(count: int) -> Rules:
    rules = Rules()
    for seq in range(count):
        rules[f"r{seq}"] = Rule(f"r{seq}", disabled=seq % 3 == 0, seq=seq)
    return rules


def _ids(records: Any) -> list[str]:
    return [record.rule_id for record in records]


def _read_all(tokens: PageTokens, listing: Any, size: int) -> list[Any]:
    page, token = tokens.page(listing, lambda record: record.seq, size, None)
    seen = list(page)
    while token is not None:
        page, token = tokens.page(listing, lambda record: record.seq, size, token)
        seen += page
    return seen


def test_a_listing_pages_like_the_list_of_its_records() -> None:
    rules = _rules(25)
    assert _read_all(PageTokens(), rules, 4) == _read_all(PageTokens(), list(rules.values()), 4)


def test_a_filtered_listing_pages_the_records_of_its_index_in_order() -> None:
    rules = _rules(25)
    expected = [rule for rule in rules.values() if rule.disabled]
    assert _read_all(PageTokens(), rules.where(disabled=True), 2) == expected


def test_assigning_an_indexed_field_refiles_the_record() -> None:
    rules = _rules(6)
    rules["r1"].disabled = True
    rules["r0"].disabled = False
    assert _ids(rules.where(disabled=True).after(-1)) == ["r1", "r3"]
    assert rules.count("disabled", False) == 4


def test_a_deleted_record_leaves_every_index_and_changes_of_it_are_not_seen() -> None:
    rules = _rules(6)
    gone = rules.pop("r3")
    gone.disabled = False
    assert _ids(rules.where(disabled=True).after(-1)) == ["r0"]
    assert rules.count("disabled", False) == 4


def test_a_record_stored_again_under_its_id_is_listed_last() -> None:
    rules = _rules(3)
    rules["r0"] = Rule("r0", disabled=True, seq=10)
    assert list(rules) == ["r1", "r2", "r0"]
    assert _ids(rules.after(-1)) == ["r1", "r2", "r0"]
    assert rules.count("disabled", True) == 1


def test_a_page_started_before_a_record_is_added_or_removed_goes_on_where_it_stopped() -> None:
    rules = _rules(6)
    tokens = PageTokens()
    first, token = tokens.page(rules, lambda record: record.seq, 2, None)
    del rules["r2"]
    rules["r9"] = Rule("r9", disabled=False, seq=9)
    rest, _ = tokens.page(rules, lambda record: record.seq, 10, token)
    assert (_ids(first), _ids(rest)) == (["r0", "r1"], ["r3", "r4", "r5", "r9"])


def test_filters_on_several_indexes_keep_the_records_filed_under_every_key() -> None:
    numbers = _inventory_after(lambda backend: None).numbers
    found = list(
        numbers.where(status="Unassigned", product_type="SipMediaApplicationDialIn").after(-1)
    )
    expected = [
        number
        for number in numbers.values()
        if number.status == "Unassigned" and number.product_type == "SipMediaApplicationDialIn"
    ]
    assert found == expected and found


def test_an_unknown_index_is_a_programming_error() -> None:
    with pytest.raises(KeyError, match="no index"):
        _rules(1).where(enabled=True)


# -- the phone numbers' indexes follow the lifecycle -------------------------------------------


def _inventory_after(change: Any) -> Any:
    backend = Backend(phone_number_limit=None)
    with backend.lock:
        for index in range(12):
            product_type = "SipMediaApplicationDialIn" if index % 2 else "VoiceConnector"
            create_order(backend, SCOPE, product_type, [f"+1206555{index:04d}"], NOW)
        backend.settle(NOW)
        change(backend)
        return PhoneNumberInventory.of(backend.inventory(SCOPE))


def _filed(numbers: PhoneNumbers) -> dict[str, dict[Hashable, list[str]]]:
    """Each index as key -> E.164 numbers, read from the index."""
    return {
        name: {
            key: [number.e164 for number in run.after(-1)]
            for key, run in numbers._buckets.get(name, {}).items()
        }
        for name in numbers.indexes
    }


def _recomputed(numbers: PhoneNumbers) -> dict[str, dict[Hashable, list[str]]]:
    """The same, worked out from the records themselves."""
    fresh = PhoneNumbers()
    for phone_number_id, number in numbers.items():
        fresh._by_id[phone_number_id] = number
        fresh._all.add(number.seq, number)
        for name in fresh.indexes:
            fresh._file(name, number)
    return _filed(fresh)


def _delete(backend: Backend, index: int = 0) -> None:
    delete_number(backend, SCOPE, f"+1206555{index:04d}", NOW)


def _restore(backend: Backend) -> None:
    _delete(backend)
    restore_number(backend, SCOPE, "+12065550000", NOW)


def _purge(backend: Backend) -> None:
    _delete(backend)
    backend.settle(NOW + dt.timedelta(days=8))


def _change_product_type(backend: Backend) -> None:
    update_number(backend, SCOPE, "+12065550000", {"ProductType": "SipMediaApplicationDialIn"}, NOW)


def _associate(backend: Backend) -> None:
    from chime_mock.backend import associations

    target = (associations.VOICE_CONNECTOR, "abcdef1ghij2klmno3pqr4")
    errors = associations.associate(backend.inventory(SCOPE), target, ["+12065550002"], False, NOW)
    assert errors == []


def _port_in(backend: Backend) -> None:
    seed_porting_order(backend, SCOPE, "VoiceConnector", ["+12065551000"], NOW, "FOC", NOW)


def _fail_an_order(backend: Backend) -> None:
    backend.processing_delay = None
    order = create_order(backend, SCOPE, "VoiceConnector", ["+12065551001"], NOW)
    complete_order(backend, order.order_id, ["+12065551001"], NOW)


@pytest.mark.parametrize(
    "change",
    [_delete, _restore, _purge, _change_product_type, _associate, _port_in, _fail_an_order],
)
def test_the_indexes_of_the_numbers_match_their_records_after(change: Any) -> None:
    numbers = _inventory_after(change).numbers
    assert _filed(numbers) == _recomputed(numbers)


def test_the_indexes_match_the_records_after_a_state_file_is_loaded(tmp_path: Any) -> None:
    backend = Backend(phone_number_limit=None)
    with backend.lock:
        create_order(backend, SCOPE, "VoiceConnector", ["+12065550000", "+12065550001"], NOW)
        backend.settle(NOW)
        _delete(backend, 1)
        save(backend, tmp_path / "state.json", clock.now())
    loaded = load(tmp_path / "state.json", catalog.enum_values)
    numbers = PhoneNumberInventory.of(loaded.inventory(SCOPE)).numbers
    assert _filed(numbers)["status"] == {
        "Unassigned": ["+12065550000"],
        "DeleteInProgress": ["+12065550001"],
    }
    assert _filed(numbers) == _recomputed(numbers)


def test_the_quota_counts_the_numbers_the_index_holds_outside_it() -> None:
    inventory = _inventory_after(lambda backend: (_delete(backend, 0), _fail_an_order(backend)))
    assert inventory.held() == 11  # 12 ordered, one deleted; the failed one holds nothing


def test_a_number_deleted_twice_leaves_the_queue_seven_days_after_the_second_time() -> None:
    later = NOW + dt.timedelta(days=3)
    backend = Backend()
    with backend.lock:
        create_order(backend, SCOPE, "VoiceConnector", ["+12065550000"], NOW)
        backend.settle(NOW)
        _delete(backend)
        backend.settle(NOW)  # the queue is built and holds the first deletion
        restore_number(backend, SCOPE, "+12065550000", NOW)
        delete_number(backend, SCOPE, "+12065550000", later)
        backend.settle(NOW + dt.timedelta(days=8))
        assert get_number(backend, SCOPE, "+12065550000").status == "DeleteInProgress"
        backend.settle(later + dt.timedelta(days=7))
        assert "+12065550000" not in Carrier.of(backend).deleting
