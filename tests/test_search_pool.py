"""Unit tests of the search pools behind SearchAvailablePhoneNumbers."""

from __future__ import annotations

import os
import subprocess
import sys

import phonenumbers

from chime_mock.backend.phone_numbers.search import SearchQuery, pool

_SCRIPT = (
    "from chime_mock.backend.phone_numbers.search import SearchQuery, pool; "
    "print(pool(SearchQuery(state='TX'))[:20])"
)


def test_a_pool_is_the_same_in_every_process_whatever_the_hash_seed() -> None:
    outputs = set()
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", _SCRIPT],
            capture_output=True,
            text=True,
            env=environment,
            check=True,
            timeout=120,
        )
        outputs.add(result.stdout)
    assert outputs == {f"{pool(SearchQuery(state='TX'))[:20]}\n"}


def test_every_number_in_a_pool_is_valid_and_of_its_country() -> None:
    for query in (
        SearchQuery(area_code="415"),
        SearchQuery(toll_free_prefix="877"),
        SearchQuery(country="FR", number_type="Local"),
        SearchQuery(country="AU", number_type="TollFree"),
    ):
        numbers = pool(query)
        assert len(numbers) > 500
        for number in numbers:
            parsed = phonenumbers.parse(number)
            assert phonenumbers.is_valid_number(parsed)
            assert phonenumbers.region_code_for_number(parsed) == query.country


def test_a_pool_never_repeats_a_number() -> None:
    numbers = pool(SearchQuery(city="Austin", state="TX"))
    assert len(numbers) == len(set(numbers))
