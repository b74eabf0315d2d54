"""Requirements audit: the README's example, commands and links, and the docs of
every option of `mock_chime`. The README is read, never changed, by these tests."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import settings

from chime_mock.options import MOCK_OPTIONS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _fences(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.S | re.M)


def test_the_readme_example_runs() -> None:
    example = _fences("python")[0]
    assert "mock_chime" in example
    exec(compile(example, "README.md example", "exec"), {})


def test_the_readme_has_two_commands_to_try_it() -> None:
    try_it = README.split("## Try it", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^```bash\n(.*?)\n```", try_it, re.S | re.M)
    assert len(commands) == 2
    demo, suite = commands
    assert demo.startswith("python3 -m venv .venv && ") and "chime_mock demo" in demo
    assert suite.startswith("python3 -m venv .venv && ") and "pytest" in suite


def test_ci_runs_the_readme_test_command() -> None:
    try_it = README.split("## Try it", 1)[1]
    suite = re.findall(r"^```bash\n(.*?)\n```", try_it, re.S | re.M)[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_lines[-1] == suite


def test_every_relative_link_of_the_readme_names_a_file() -> None:
    targets = re.findall(r"\]\((?!https?://)([^)#\s]+)", README)
    assert targets, "the README links to its pages"
    missing = [target for target in targets if not (ROOT / target).exists()]
    assert not missing, f"README links to missing files: {missing}"


def test_every_option_of_mock_chime_is_documented() -> None:
    options = list(MOCK_OPTIONS)
    assert "processing_delay" in options
    page = (ROOT / "docs" / "mock-chime.md").read_text(encoding="utf-8")
    missing = [name for name in options if not re.search(rf"`{name}\b", page)]
    assert not missing, f"document these options of mock_chime in docs/mock-chime.md: {missing}"


def test_the_hunt_the_readme_documents_is_random_and_the_default_profile_is_not() -> None:
    [hunt] = [command for command in _fences("bash") if "HYPOTHESIS_PROFILE=" in command]
    found = re.search(r"HYPOTHESIS_PROFILE=(\w+) ", hunt)
    assert found is not None
    assert not settings.get_profile(found.group(1)).derandomize
    assert all((ROOT / path).is_file() for path in re.findall(r"tests/\S+\.py", hunt))
    assert settings.get_profile("ci").derandomize  # what runs unless HYPOTHESIS_PROFILE is set
