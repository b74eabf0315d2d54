"""The documentation works: every example runs, the notebook runs, and the site builds strictly.

Every fenced block of every `docs/*.md` page (pages merged later included) and of README.md is
one test:
- ```python (or py) blocks run on their own, in a fresh namespace and working directory, so a
  reader can copy any one of them. A block that defines `test_*` functions or `Test*` classes is a
  test module: it runs in a pytest session of its own (with the chime_mock plugin, as a user has
  it) and must pass with at least one test.
- ```pycon blocks (`>>>` prompts) run as doctests.
- Any other language (bash, toml, text, ...) is shown, not run; a fence must name its language.
- The fenced blocks of the docstrings of every module, class, function and method of chime_mock
  are run the same way: the API reference shows them.
- A Python block that cannot run (it needs a live AWS account, say) opts out with the line
  `<!-- docs-test: skip BECAUSE -->` right before its fence; the reason is required.
- A Python block that uses an optional package says so with `<!-- docs-test: needs MODULE -->`
  (several: comma-separated) right before its fence: it runs wherever they import and is skipped
  elsewhere (the suite on the oldest botocore has no aiobotocore, whose pins forbid it).
"""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbclient
import nbformat
import pytest

import chime_mock
from chime_mock import ChimeMock
from chime_mock.mock import _ACTIVE
from chime_mock.operations import HANDLERS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

RUN_AS_SCRIPT = {"python", "py", "python3"}
RUN_AS_DOCTEST = {"pycon"}
_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
_SKIP = re.compile(r"^\s*<!--\s*docs-test:\s*skip\b(?P<reason>.*?)-->\s*$")
_NEEDS = re.compile(r"^\s*<!--\s*docs-test:\s*needs\s+(?P<modules>[\w., ]+?)\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    origin: str  # the page's file name, or the documented object's qualified name
    filename: str  # for tracebacks
    line: int  # of the first code line, 1-based
    language: str
    code: str
    skip: str | None  # the opt-out marker's reason ("" when the marker gives none)
    needs: tuple[str, ...] = ()  # optional modules the block imports (a `needs` marker)

    @property
    def id(self) -> str:
        return f"{self.origin}:{self.line}"

    def compiled(self) -> types.CodeType:
        # Padding puts every line of a traceback at its line of the .md page.
        return compile("\n" * (self.line - 1) + self.code, self.filename, "exec")


def fenced_blocks(text: str, origin: str, filename: str) -> list[Block]:
    """The fenced code blocks of Markdown text, indented ones (in admonitions, tabs) included."""
    lines = text.splitlines()
    blocks = []
    index = 0
    while index < len(lines):
        opened = _OPEN.match(lines[index])
        if opened is None:
            index += 1
            continue
        indent, fence = opened["indent"], opened["fence"]
        language = opened["info"].split()[0].lstrip("{.").rstrip("}") if opened["info"] else ""
        before = next((text for text in reversed(lines[:index]) if text.strip()), "")
        skipped = _SKIP.match(before)
        needed = _NEEDS.match(before)
        closing = re.compile(rf"^{re.escape(indent)}{fence[0]}{{{len(fence)},}}\s*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        body = [
            text[len(indent) :] if text.startswith(indent) else text.lstrip()
            for text in lines[index + 1 : end]
        ]
        blocks.append(
            Block(
                origin=origin,
                filename=filename,
                line=index + 2,
                language=language,
                code="\n".join(body) + "\n",
                skip=skipped["reason"].strip() if skipped else None,
                needs=tuple(re.split(r"[,\s]+", needed["modules"].strip())) if needed else (),
            )
        )
        index = end + 1
    return blocks


def _pages() -> list[Block]:
    """The docs pages, and the README, whose example is the first code a user copies."""
    return [
        block
        for page in [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]
        for block in fenced_blocks(page.read_text(encoding="utf-8"), page.name, str(page))
    ]


def _documented(module: types.ModuleType) -> Iterator[tuple[str, object]]:
    """The module and the classes, functions and methods it defines, by qualified name."""
    yield module.__name__, module
    for name, value in vars(module).items():
        if getattr(value, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(value):
            yield f"{module.__name__}.{name}", value
        elif inspect.isclass(value):
            yield f"{module.__name__}.{name}", value
            for member_name, member in vars(value).items():
                member = member.fget if isinstance(member, property) else member
                if inspect.isfunction(member):
                    yield f"{module.__name__}.{name}.{member_name}", member


def _docstrings() -> list[Block]:
    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(chime_mock.__path__, "chime_mock.")
        if not info.name.endswith("__main__")  # importing it runs the command line
    ]
    return [
        block
        for module in [chime_mock, *modules]
        for origin, documented in _documented(module)
        for block in fenced_blocks(
            inspect.getdoc(documented) or "", origin, f"<docstring of {origin}>"
        )
    ]


def _all_blocks() -> list[Block]:
    return _pages() + _docstrings()


BLOCKS = _all_blocks()
EXAMPLES = [block for block in BLOCKS if block.language in RUN_AS_SCRIPT | RUN_AS_DOCTEST]


def _example_params() -> list[Any]:
    params = []
    for block in EXAMPLES:
        marks = [pytest.mark.skip(reason=f"docs-test: skip {block.skip}")] if block.skip else []
        params.append(pytest.param(block, id=block.id, marks=marks))
    return params


def _is_test_module(tree: ast.Module) -> bool:
    return any(
        (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"))
        or (isinstance(node, ast.ClassDef) and node.name.startswith("Test"))
        or (
            isinstance(node, ast.ClassDef)
            and any("TestCase" in ast.unparse(base) for base in node.bases)
        )
        for node in tree.body
    )


@pytest.fixture
def no_mock_left_active() -> Any:
    """Fail an example that leaves a mock running (it would leak into every later test)."""
    yield
    leaked = list(_ACTIVE.stack)
    for mock in reversed(leaked):
        mock.stop()
    assert not leaked, "the example leaves a mock active: stop what it starts"


def _run_script(block: Block, directory: Path) -> None:
    module = types.ModuleType("docs_example")
    module.__file__ = str(directory / "example.py")
    sys.modules[module.__name__] = module  # dataclasses and pickle look their module up here
    try:
        exec(block.compiled(), module.__dict__)
    finally:
        del sys.modules[module.__name__]


def _run_test_module(block: Block, pytester: pytest.Pytester) -> None:
    header = f"# {block.id}: the example, at its own line numbers\n"
    pytester.makepyfile(test_example=header + "\n" * (block.line - 2) + block.code)
    result = pytester.runpytest_inprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    output = "\n".join(result.outlines)
    assert result.ret == 0, f"{block.id} fails as a test module:\n{output}"
    assert result.parseoutcomes().get("passed", 0) >= 1, f"{block.id} ran no test:\n{output}"


def _run_doctest(block: Block) -> None:
    test = doctest.DocTestParser().get_doctest(
        block.code, {"__name__": "docs_example"}, block.id, block.filename, block.line - 1
    )
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
    assert runner.tries >= 1, f"{block.id} is a pycon block without a single >>> example"


@pytest.mark.parametrize("block", _example_params())
@pytest.mark.usefixtures("no_mock_left_active")
def test_example_runs(block: Block, request: pytest.FixtureRequest) -> None:
    if block.skip == "":
        pytest.fail(f"{block.id}: say why it cannot run: <!-- docs-test: skip BECAUSE -->")
    for module in block.needs:
        pytest.importorskip(module)
    if block.language in RUN_AS_DOCTEST:
        _run_doctest(block)
    elif _is_test_module(ast.parse(block.code)):
        _run_test_module(block, request.getfixturevalue("pytester"))
    else:
        tmp_path: Path = request.getfixturevalue("tmp_path")
        request.getfixturevalue("monkeypatch").chdir(tmp_path)
        _run_script(block, tmp_path)


def test_every_fence_names_its_language() -> None:
    unnamed = [block.id for block in BLOCKS if not block.language]
    assert not unnamed, f"name the language of these fences (python, bash, text, ...): {unnamed}"


def test_the_extraction_finds_the_examples_of_pages_and_docstrings() -> None:
    origins = {block.origin for block in EXAMPLES}
    assert {"index.md", "chime_mock.mock.mock_chime", "chime_mock.mock.ChimeMock"} <= origins


def test_a_fence_inside_an_admonition_is_found_and_dedented() -> None:
    text = (
        '!!! note\n\n    <!-- docs-test: skip needs AWS -->\n    ```python title="x.py"\n'
        "    if True:\n        pass\n    ```\n\n```bash\nls\n```\n"
    )
    first, second = fenced_blocks(text, "page.md", "page.md")
    assert (first.language, first.line, first.skip) == ("python", 5, "needs AWS")
    assert first.code == "if True:\n    pass\n"
    assert (second.language, second.code, second.skip) == ("bash", "ls\n", None)


def test_a_needs_marker_names_the_optional_modules_of_its_block() -> None:
    text = "<!-- docs-test: needs aiobotocore, aioboto3 -->\n```python\nimport aioboto3\n```\n"
    [block] = fenced_blocks(text, "page.md", "page.md")
    assert (block.needs, block.skip) == (("aiobotocore", "aioboto3"), None)


def test_the_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The API reference is generated from the docstrings, not written by hand.
    reference = (site / "reference" / "index.html").read_text(encoding="utf-8")
    assert "complete_order" in reference
    assert "Complete a Processing order now" in reference


def test_the_notebook_runs_and_shows_the_inventory_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kernel's connection file and IPython's profile go to the test's directory, not $HOME.
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    notebook = nbformat.read(DOCS / "notebook.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError at the first cell that fails
    html = [
        output["data"]["text/html"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "text/html" in output.get("data", {})
    ]
    assert any("<table" in table and "+12065550100" in table for table in html)


def _code_spans() -> str:
    """Everything the pages show as code, inline or in blocks."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in DOCS.glob("*.md"))
    return "\n".join([*re.findall(r"`([^`\n]+)`", text), *(block.code for block in BLOCKS)])


def test_every_mocked_operation_is_on_the_operations_page() -> None:
    page = (DOCS / "operations.md").read_text(encoding="utf-8")
    mocked = set(HANDLERS)
    missing = [name for name in sorted(mocked) if f"`{name}`" not in page]
    assert not missing, f"say how these operations answer in docs/operations.md: {missing}"


def test_every_public_member_of_the_handle_is_shown_in_the_docs() -> None:
    shown = _code_spans()
    public = [name for name in dir(ChimeMock) if not name.startswith("_")]
    # As code reads it (`handle.calls`, `chime_mock.reset()`): a bare word like "calls" or
    # "order" is in any example.
    missing = [name for name in public if not re.search(rf"\w\.{name}\b", shown)]
    assert not missing, f"show these members of the handle in docs/*.md: {missing}"
