"""The docs say what the fake does: the error codes they give each operation are ones the fake can
answer it with, and docs/server.md lists every server option and `/config` member.

A page names an error for an operation when one sentence (of a paragraph, list item or table row,
outside code blocks) names the operation in backticks and the error code. The fake answers an
operation only with the errors the installed model declares for it (any other becomes a
BadRequestException, see dispatch._modeled), so a page that pairs an operation with another code
is wrong. A sentence that says the code is conditional on the model ("where the installed model
declares no X") is not a claim that the operation answers X.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from chime_mock import cli
from chime_mock.backend import Backend
from chime_mock.protocol import catalog

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
_CODE_BLOCK = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.M | re.S)
_UNITS = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*] |\d+\. |\|))")
_SENTENCES = re.compile(r"(?<=[.;:])\s+(?=[A-Z`*(])")
_CONDITION = re.compile(r"(?:declares|has|had) no `?(\w+Exception)`?")


def sentences(text: str) -> list[str]:
    """The sentences of a Markdown page's prose, list items and table rows (code blocks left out,
    each sentence on one line)."""
    prose = _CODE_BLOCK.sub("", text)
    return [
        " ".join(sentence.split())
        for unit in _UNITS.split(prose)
        for sentence in _SENTENCES.split(unit)
        if sentence.strip()
    ]


def wrong_error_claims(text: str) -> list[str]:
    """`Operation: Code in "sentence"` for each error code a sentence gives an operation that
    the installed models do not declare for it."""
    declared = catalog.operation_errors()
    found = []
    for sentence in sentences(text):
        operations = [name for name in re.findall(r"`(\w+)`", sentence) if name in declared]
        codes = set(re.findall(r"\b([A-Z]\w+Exception)\b", sentence))
        codes -= set(_CONDITION.findall(sentence))
        found += [
            f"{operation}: {code} in {sentence!r}"
            for operation in dict.fromkeys(operations)
            for code in sorted(codes)
            if code not in declared[operation]
        ]
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_no_page_gives_an_operation_an_error_the_fake_cannot_answer_it_with(page: Path) -> None:
    wrong = wrong_error_claims(page.read_text(encoding="utf-8"))
    assert not wrong, (
        f"{page.name} names errors the fake never answers these operations with:\n"
        + ("\n".join(wrong))
    )


def test_a_wrong_error_claim_is_found_and_a_right_or_conditional_one_is_not() -> None:
    page = (
        "- **Assigned numbers** cannot be deleted by `DeletePhoneNumber` (`ConflictException`).\n"
        "- `GetPhoneNumberOrder` answers `NotFoundException` for an unknown order. "
        "`ListPhoneNumberOrders` pages in creation order.\n"
        "- `CreateVoiceConnectorGroup` answers `BadRequestException` where the installed model "
        "declares no `NotFoundException`.\n\n"
        "```python\nvoice.delete_phone_number()  # `DeletePhoneNumber` GoneException\n```\n"
    )
    [wrong] = wrong_error_claims(page)
    assert wrong.startswith("DeletePhoneNumber: ConflictException in ")


def test_the_voice_connectors_page_says_how_deleting_an_assigned_number_answers() -> None:
    # The fake answers BadRequestException (a batch: PhoneNumberAssociationsExist), as
    # tests/test_associations.py asserts; the page once said ConflictException.
    page = (DOCS / "voice-connectors.md").read_text(encoding="utf-8")
    rule = page.split("- **Assigned numbers**", 1)[1].split("\n- ", 1)[0]
    assert "`DeletePhoneNumber`" in rule and "`BatchDeletePhoneNumber`" in rule
    assert "`BadRequestException`" in rule and "`PhoneNumberAssociationsExist`" in rule


# -- docs/server.md ------------------------------------------------------------------------------


def _server_page() -> str:
    return (DOCS / "server.md").read_text(encoding="utf-8")


def test_every_server_option_is_in_the_options_table_with_what_it_takes() -> None:
    [server] = [
        choice
        for action in cli.command_line()._subparsers._group_actions  # type: ignore[union-attr]
        for name, choice in action.choices.items()
        if name == "server"
    ]
    rows = [line for line in _server_page().splitlines() if line.startswith("| `--")]
    missing = []
    for action in server._actions:
        flags = [flag for flag in action.option_strings if flag.startswith("--")]
        if not flags or flags == ["--help"]:
            continue
        shown = f"`{flags[0]} {action.metavar}`" if action.metavar else f"`{flags[0]}`"
        if not any(row.startswith(f"| {shown} |") for row in rows):
            missing.append(shown)
    assert not missing, f"add these options to the table of docs/server.md: {missing}"


def test_every_config_member_is_on_the_server_page() -> None:
    from chime_mock.server import control  # werkzeug: the server extra, which the suite has

    answer = control.answer(Backend(), "GET", "/_chime_mock/config", b"")
    members = json.loads(answer.body)
    [row] = [line for line in _server_page().splitlines() if "| `GET /_chime_mock/config`" in line]
    missing = [member for member in members if f'"{member}"' not in row]
    assert not missing, (
        f"show these members of GET /_chime_mock/config in docs/server.md: {missing}"
    )
