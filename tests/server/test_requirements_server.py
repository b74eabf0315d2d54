"""Requirements audit: `chime-mock server --host` binds the address it is given."""

from __future__ import annotations

import socket

import pytest

from tests.server.conftest import send, start_server_command, stop_server_command


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _ipv6_loopback(), reason="this machine has no IPv6 loopback (::1)")
def test_the_server_command_binds_the_host_it_is_given() -> None:
    # ::1, not the default 127.0.0.1: only an address other than the default proves the option.
    process, url, _ = start_server_command("--host", "::1")
    try:
        assert url.startswith("http://[::1]:"), url
        assert send(url, "GET", "/_chime_mock/state").status == 200
    finally:
        stop_server_command(process)
    assert process.returncode == 0
