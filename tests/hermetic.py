"""Suite-wide guards: every test runs hermetic, and none may leak an active mock.

Loaded from conftest.py, so it wraps every test, including ones written later:
- botocore never probes the EC2 instance metadata service for credentials. A client made outside
  a mock on a machine without AWS configuration would otherwise try 169.254.169.254, which the
  suite's network guard (`--allow-hosts` in pyproject.toml) rightly refuses.
- After each test no mock is active, botocore's `Endpoint.make_request` is botocore's own again and
  the process environment is what it was: a test that leaks one of these fails (and is cleaned up,
  so the leak cannot spread to the tests after it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from botocore.endpoint import Endpoint

from chime_mock.mock import _ACTIVE

_ORIGINAL_MAKE_REQUEST = Endpoint.make_request
_NO_METADATA = "AWS_EC2_METADATA_DISABLED"


def leaks() -> list[str]:
    """What an active or half-stopped mock left behind; empty when nothing."""
    found = []
    if _ACTIVE.stack:
        found.append(f"{len(_ACTIVE.stack)} mock(s) still active")
    if _ACTIVE.backend is not None:
        found.append("the shared backend was not dropped")
    if Endpoint.make_request is not _ORIGINAL_MAKE_REQUEST:
        found.append("botocore's Endpoint.make_request is still wrapped")
    return found


def _clean_up() -> None:
    while _ACTIVE.stack:
        _ACTIVE.stack[-1].stop()


@pytest.fixture(autouse=True)
def _hermetic() -> Iterator[None]:
    # No `monkeypatch` here: this fixture must be set up before, and torn down after, the
    # test's own monkeypatch, so that the comparison sees the environment the test ends with.
    before = leaks()
    if before:  # left by something outside any test (a plugin, a module import): report it here
        _clean_up()
        pytest.fail("chime_mock leaked into this test: " + "; ".join(before))
    saved = os.environ.get(_NO_METADATA)
    os.environ[_NO_METADATA] = "true"
    environment = dict(os.environ)
    yield
    after = leaks()
    changed = sorted(
        name
        for name in set(environment) | set(os.environ)
        if environment.get(name) != os.environ.get(name) and not name.startswith("PYTEST_")
    )
    _clean_up()
    if saved is None:
        os.environ.pop(_NO_METADATA, None)
    else:
        os.environ[_NO_METADATA] = saved
    if after or changed:
        problems = [*after] + ([f"environment variables changed: {changed}"] if changed else [])
        pytest.fail("the test leaked chime_mock state: " + "; ".join(problems))
