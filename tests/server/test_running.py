"""Starting and stopping the server: in a test process and as the `chime-mock server` command."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from chime_mock.cli import main
from chime_mock.server import ChimeMockServer, running_server
from tests.server.conftest import (
    make_client,
    order,
    send,
    start_server_command,
    stop_server_command,
)


def test_running_server_stops_listening_when_the_block_ends() -> None:
    with running_server() as server:
        url = server.url
        assert send(url, "GET", "/_chime_mock/state").status == 200
    with pytest.raises(ConnectionRefusedError):
        send(url, "GET", "/_chime_mock/state")


def test_starting_a_started_server_raises() -> None:
    with running_server() as server, pytest.raises(RuntimeError, match="already started"):
        server.start()


def test_stopping_a_server_that_is_not_started_raises() -> None:
    with pytest.raises(RuntimeError, match="not started"):
        ChimeMockServer().stop()


def test_url_before_start_raises() -> None:
    with pytest.raises(RuntimeError, match="no URL until it is started"):
        _ = ChimeMockServer().url


@pytest.mark.parametrize(("delay", "status"), [(None, "Processing"), (0, "Successful")])
def test_processing_delay_option_applies_to_new_orders(delay: float | None, status: str) -> None:
    with running_server(processing_delay=delay) as server:
        voice = make_client(server.url, "chime-sdk-voice")
        order_id = order(voice)["PhoneNumberOrderId"]
        got = voice.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    assert got["Status"] == status


@pytest.mark.parametrize("stop_with", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_server_command_prints_its_url_and_stops_cleanly(stop_with: signal.Signals) -> None:
    process, url, banner = start_server_command()
    try:
        assert send(url, "GET", "/_chime_mock/state").status == 200
    finally:
        out, err = stop_server_command(process, stop_with)
    assert (process.returncode, err) == (0, "")
    assert out.rstrip().endswith("chime-mock: stopped")
    # A client aimed at the root with AWS_ENDPOINT_URL may reach the wrong service where the
    # request cannot tell them apart: the per-service variables always reach the right one.
    assert f"export AWS_ENDPOINT_URL_CHIME_SDK_VOICE={url}\n" in banner
    assert f"export AWS_ENDPOINT_URL_CHIME={url}/chime\n" in banner


def test_server_command_takes_never_and_none() -> None:
    process, url, _ = start_server_command(
        "--processing-delay", "never", "--phone-number-limit", "none"
    )
    try:
        voice = make_client(url, "chime-sdk-voice")
        numbers = [f"+1206555{index:04d}" for index in range(30)]  # more than the default 25
        order_id = order(voice, *numbers)["PhoneNumberOrderId"]
        got = voice.get_phone_number_order(PhoneNumberOrderId=order_id)["PhoneNumberOrder"]
    finally:
        stop_server_command(process)
    assert got["Status"] == "Processing"
    assert len(got["OrderedPhoneNumbers"]) == 30


def test_console_script_serves_too() -> None:
    script = Path(sys.executable).with_name("chime-mock")
    if not script.exists():
        pytest.skip(f"chime-mock is not installed next to {sys.executable}")
    process, url, _ = start_server_command(command=(str(script),))
    try:
        assert send(url, "GET", "/_chime_mock/state").status == 200
    finally:
        stop_server_command(process)
    assert process.returncode == 0


def test_server_command_refuses_a_negative_processing_delay(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["server", "--processing-delay", "-1"])
    assert stopped.value.code == 2
    assert "cannot be negative" in capsys.readouterr().err


def test_server_command_says_when_the_port_is_taken(capsys: pytest.CaptureFixture[str]) -> None:
    with running_server() as server, pytest.raises(SystemExit) as stopped:
        main(["server", "--port", server.url.rsplit(":", 1)[1]])
    assert stopped.value.code == 1
    assert "chime-mock: cannot listen on 127.0.0.1:" in capsys.readouterr().err


def test_server_command_without_werkzeug_prints_the_message_alone() -> None:
    # werkzeug hidden from a fresh interpreter, as on an install without the server extra.
    hide = "import sys; sys.modules['werkzeug'] = None; from chime_mock.cli import main; main()"
    finished = subprocess.run(
        [sys.executable, "-c", hide, "server"], capture_output=True, text=True, timeout=60
    )
    assert finished.returncode == 1
    assert finished.stderr == (
        "chime_mock: the server needs werkzeug; install it with pip install werkzeug (or "
        "pip install '.[server]' in a chime_mock checkout)\n"
    )
