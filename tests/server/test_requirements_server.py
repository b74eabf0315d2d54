"""Requirements audit (issue 5): `chime-mock server --host` binds the address it is given."""

from __future__ import annotations

import re
import signal
import subprocess
import sys

from tests.server.conftest import send


def test_the_server_command_binds_the_host_it_is_given() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "chime_mock", "server", "--host", "::1", "--port", "0", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"http://\[::1\]:\d+", first)
        assert found, f"no [::1] URL on the first line: {first!r}"
        assert send(found.group(0), "GET", "/_chime_mock/state").status == 200
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    assert process.returncode == 0
