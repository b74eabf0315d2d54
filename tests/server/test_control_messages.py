"""The control endpoints' errors speak HTTP and JSON to their client: the key it sent, `null`,
the endpoint to call, never Python's `None`, a timedelta or `complete_order()`."""

from __future__ import annotations

import json
import re

import pytest

from chime_mock.backend import Backend
from chime_mock.server import control

# Words of the in-process interface a client of the server cannot act on.
PYTHON_WORDS = re.compile(r"\bNone\b|timedelta|\w+\(\)|mock_chime|handle\.|\b[a-z]+_[a-z_]+=")


def refusal(path: str, document: object) -> str:
    answer = control.answer(Backend(), "POST", "/_chime_mock" + path, json.dumps(document).encode())
    assert answer.status == 400, answer.body
    message: str = json.loads(answer.body)["Message"]
    return message


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"ProcessingDelay": "soon"}, "ProcessingDelay takes a number of seconds from 0 to"),
        ({"ProcessingDelay": -1}, "or null to keep new orders Processing until POST /_chime_mock/"),
        ({"ProcessingDelay": 1e12}, "(100 years)"),
        ({"PhoneNumberLimit": 1.5}, "PhoneNumberLimit takes a whole number"),
        ({"PhoneNumberLimit": -1}, "or null for no limit; got -1"),
        ({"JournalLimit": 0}, "JournalLimit takes how many of the newest calls"),
        ({"Quotas": 3}, "Quotas takes an object of quota names"),
        ({"Quotas": {"voice_conector": 4}}, "did you mean 'voice_connectors'"),
        ({"Quotas": {"voice_connectors": -1}}, 'such as {"voice_connectors": 10}'),
    ],
)
def test_a_bad_setting_is_refused_in_json_words(document: object, expected: str) -> None:
    message = refusal("/config", document)
    assert message.startswith("chime_mock: ")
    assert expected in message
    assert not PYTHON_WORDS.search(message), message


def test_an_unknown_setting_lists_the_known_ones_readably() -> None:
    message = refusal("/config", {"Nope": 1})
    assert message == (
        "chime_mock: there is no setting 'Nope'; the settings are: "
        "JournalLimit, PhoneNumberLimit, ProcessingDelay, Quotas"
    )


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ({"Times": 0}, "Times takes a whole number of calls, 1 or more; got 0"),
        ({"Times": True}, "Times takes a whole number of calls, 1 or more; got true"),
        ({"Message": 5}, "Message takes text, or null; got 5"),
    ],
)
def test_a_bad_fault_is_refused_in_json_words(fault: dict[str, object], expected: str) -> None:
    document = {"Operation": "GetPhoneNumber", "Code": "NotFoundException", **fault}
    message = refusal("/faults", document)
    assert message == f"chime_mock: {expected}"
