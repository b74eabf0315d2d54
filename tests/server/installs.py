"""The real clients the server is proven with, installed once and kept under .cache/ in the repo.

The AWS CLI v1 pins botocore exactly, so it gets a virtualenv of its own and never touches the
project's. npm packages go to a prefix directory. A marker file records a finished install, so
an interrupted one is redone rather than trusted.
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".cache"
# Exact versions, so a new release cannot change what the server is proven with; move them on
# purpose. (The AWS CLI has chime-sdk-voice from 1.27.30.)
AWS_CLI_REQUIREMENT = "awscli==1.46.3"
JS_SDK_PACKAGE = "@aws-sdk/client-chime-sdk-voice@3.1142.0"
# An install slower than this has hung (a fresh one takes well under a minute).
INSTALL_SECONDS = 240


def _run(command: list[str]) -> None:
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, timeout=INSTALL_SECONDS
    )
    if result.returncode:
        raise RuntimeError(
            f"chime_mock tests: {' '.join(command)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )


@contextlib.contextmanager
def _one_at_a_time(directory: Path) -> Iterator[None]:
    """Hold the install lock of `directory`: pytest-xdist's workers each ask for the install at
    the start of the run, and only the first may make it (the others then find it made)."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    with open(directory.parent / f".{directory.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _installed(directory: Path, what: str) -> bool:
    marker = directory / ".installed"
    return marker.exists() and marker.read_text() == what


def aws_cli() -> Path:
    """The `aws` executable of a throwaway virtualenv holding the AWS CLI v1."""
    venv = CACHE / "awscli"
    executable = venv / "bin" / "aws"
    with _one_at_a_time(venv):
        if not _installed(venv, AWS_CLI_REQUIREMENT):
            _run([sys.executable, "-m", "venv", "--clear", str(venv)])
            _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", AWS_CLI_REQUIREMENT])
            (venv / ".installed").write_text(AWS_CLI_REQUIREMENT)
    return executable


def node() -> str | None:
    return shutil.which("node") if shutil.which("npm") else None


def js_sdk() -> Path:
    """The node_modules directory holding the AWS SDK for JavaScript v3 Chime SDK Voice client."""
    prefix = CACHE / "npm"
    with _one_at_a_time(prefix):
        if not _installed(prefix, JS_SDK_PACKAGE):
            npm = shutil.which("npm") or "npm"
            prefix.mkdir(parents=True, exist_ok=True)
            _run(
                [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", JS_SDK_PACKAGE]
            )
            (prefix / ".installed").write_text(JS_SDK_PACKAGE)
    return prefix / "node_modules"
