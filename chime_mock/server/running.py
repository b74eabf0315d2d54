"""Running the server: in a thread of a test process, or in the foreground (`chime-mock server`)."""

from __future__ import annotations

import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from werkzeug.serving import select_address_family

from chime_mock.backend import Backend
from chime_mock.options import Settings, checked_settings
from chime_mock.server.app import MAX_BODY_BYTES, ChimeMockApp
from chime_mock.server.wire import WireServer

if TYPE_CHECKING:
    from typing_extensions import Unpack


class ChimeMockServer:
    """The fake Chime services on a real port, with their own `Backend`.

    Example:
        ```python
        import boto3

        from chime_mock.server import ChimeMockServer

        with ChimeMockServer(processing_delay=None) as server:  # a free port on 127.0.0.1
            voice = boto3.client(
                "chime-sdk-voice",
                endpoint_url=server.url,
                region_name="us-east-1",
                aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
                aws_secret_access_key="fake",
            )
            voice.create_phone_number_order(
                ProductType="VoiceConnector", E164PhoneNumbers=["+12065550100"]
            )
            with server.backend.lock:  # the state, for assertions: hold the lock to read it
                assert len(server.backend.inventories()) == 1
        ```
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        max_body_bytes: int = MAX_BODY_BYTES,
        log_requests: bool = False,
        **settings: Unpack[Settings],
    ) -> None:
        self.backend = Backend()
        for name, value in checked_settings(settings).items():
            setattr(self.backend, name, value)
        self.app = ChimeMockApp(self.backend, max_body_bytes=max_body_bytes)
        self._address = (host, port)
        self._log_requests = log_requests  # off by default: a test's output stays the test's
        self._server: WireServer | None = None
        self._thread: threading.Thread | None = None

    def bind(self) -> WireServer:
        """Listen on the port (chosen now when it is 0) without answering yet."""
        if self._server is not None:
            raise RuntimeError("chime_mock: this server is already started; stop() it first")
        host, port = self._address
        # A taken port raises OSError here, which a test process can catch.
        family = select_address_family(host, port)
        listening = socket.create_server((host, port), family=family)
        self._server = WireServer(listening, self.app, self._log_requests)
        return self._server

    @property
    def url(self) -> str:
        """`http://host:port`, the `endpoint_url` for Chime SDK Voice; add `/chime` for Chime."""
        if self._server is None:
            raise RuntimeError("chime_mock: the server has no URL until it is started")
        host = self._server.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self._server.port}"

    def start(self) -> ChimeMockServer:
        """Answer requests from a background thread; returns once the port is listening."""
        server = self.bind()
        # A short poll interval: stop() waits for the loop's next look at the shutdown flag.
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"chime-mock-server {self.url}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop answering and close the port; RuntimeError when the server is not started."""
        server, self._server = self._server, None
        if server is None:
            raise RuntimeError("chime_mock: stop() called on a server that is not started")
        if self._thread is not None:
            server.shutdown()
            self._thread.join()
            self._thread = None
        server.server_close()

    def __enter__(self) -> ChimeMockServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


@contextmanager
def running_server(
    host: str = "127.0.0.1", port: int = 0, **options: Any
) -> Iterator[ChimeMockServer]:
    """A started server for the `with` block, on a free port unless one is given.

    Example:
        ```python
        import json
        import urllib.request

        from chime_mock.server import running_server

        with running_server(port=0) as server:  # any HTTP client works: the AWS CLI, curl, ...
            with urllib.request.urlopen(f"{server.url}/_chime_mock/config") as answer:
                assert json.load(answer)["ProcessingDelay"] == 0.0
        ```
    """
    with ChimeMockServer(host, port, **options) as server:
        yield server


class _Stop(BaseException):
    """SIGTERM, turned into an exception so the foreground loop unwinds like on Ctrl-C (not an
    Exception: nothing on the way may catch it as an error)."""


def _raise_stop(signum: int, frame: FrameType | None) -> None:
    raise _Stop


def serve(server: ChimeMockServer, out: TextIO = sys.stdout) -> None:
    """Serve until Ctrl-C or SIGTERM; print the URL once listening."""
    # The requests are answered on the server's threads, so a signal only ever interrupts the
    # wait below: raised inside socketserver's request handling, SIGTERM's exception was caught
    # as a request error and the server kept serving. Those threads block the two signals, so
    # the kernel delivers them to this one, and its sleep ends at once.
    stop_signals = {signal.SIGINT, signal.SIGTERM}
    masks = hasattr(signal, "pthread_sigmask")  # POSIX; Windows has no SIGTERM to deliver
    if masks:
        signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)
    try:
        server.start()  # its thread, and the threads it starts, inherit the mask
    finally:
        if masks:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, stop_signals)
    previous = signal.signal(signal.SIGTERM, _raise_stop)
    try:
        print(f"chime-mock: serving Chime SDK Voice at {server.url}", file=out)
        print(f"chime-mock: serving Chime at {server.url}/chime", file=out)
        # Both services sign as `chime`: a client aimed at the root with AWS_ENDPOINT_URL reaches
        # legacy Chime only where the request tells them apart. The per-service variables
        # always do.
        print("chime-mock: point the AWS CLI and SDKs at each service with", file=out)
        print(f"  export AWS_ENDPOINT_URL_CHIME_SDK_VOICE={server.url}", file=out)
        print(f"  export AWS_ENDPOINT_URL_CHIME={server.url}/chime", file=out)
        print(f"chime-mock: dashboard at {server.url}/_chime_mock/", file=out, flush=True)
        while True:
            time.sleep(3600)
    except (KeyboardInterrupt, _Stop):
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
        print("chime-mock: stopped", file=out, flush=True)
