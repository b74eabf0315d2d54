"""The house rules of docs/architecture.md, held by the suite: the layers import one way only,
modules stay short, and the code cites only documents a maintainer has."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chime_mock"
MODULES = sorted(PACKAGE.rglob("*.py"))

# What each layer may never import (at any level: module, function or TYPE_CHECKING).
FORBIDDEN = {
    "backend": (
        "chime_mock.operations",
        "chime_mock.protocol",
        "chime_mock.server",
        "chime_mock.controls",
        "chime_mock.mock",
        "chime_mock.dispatch",
        "botocore",
    ),
    "operations": (
        "chime_mock.server",
        "chime_mock.controls",
        "chime_mock.mock",
        "chime_mock.dispatch",
    ),
    "protocol": (
        "chime_mock.backend",
        "chime_mock.operations",
        "chime_mock.server",
        "chime_mock.controls",
        "chime_mock.mock",
    ),
}
# Documents a maintainer does not have: the facts files, their rule codes, issue numbers.
INTERNAL_REFERENCE = re.compile(r"_FACTS|\(U\d+|\bU\d+[:)]|[Ii]ssue \d+|§")


def _layer(path: Path) -> str:
    return path.relative_to(PACKAGE).parts[0]


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer: str) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in MODULES
        if _layer(path) == layer
        for name in _imports(path)
        if name.startswith(FORBIDDEN[layer])
    ]
    assert not wrong


def test_no_module_of_the_domain_layers_is_much_longer_than_400_lines() -> None:
    # About 400: a table of declarations (the call actions') may run a little over.
    long = {
        str(path.relative_to(PACKAGE)): length
        for path in MODULES
        if _layer(path) in ("backend", "operations")
        and (length := len(path.read_text(encoding="utf-8").splitlines())) > 420
    }
    assert not long


def test_the_store_knows_no_domain() -> None:
    store = PACKAGE / "backend" / "store.py"
    domains = ("phone_numbers", "voice_connectors", "sip", "analytics", "legacy")
    assert not [name for name in _imports(store) if name.split(".")[2:3] in ([d] for d in domains)]
    names = {
        node.id if isinstance(node, ast.Name) else node.attr
        for node in ast.walk(ast.parse(store.read_text(encoding="utf-8")))
        if isinstance(node, (ast.Name, ast.Attribute))
    }
    assert not [name for name in names if "order" in name.lower()]


def test_the_code_cites_only_documents_a_maintainer_has() -> None:
    here = Path(__file__).resolve()
    sources = [
        path
        for folder in (PACKAGE, PACKAGE.parent / "tests", PACKAGE.parent / "benchmarks")
        for path in sorted(folder.rglob("*.py"))
        if path != here  # its pattern names what it looks for
    ]
    cited = [
        f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if INTERNAL_REFERENCE.search(line)
    ]
    assert not cited
