"""HTTP/1.1 on the socket for `ChimeMockServer`: keep-alive connections, one write per answer.

werkzeug's development server closes the connection after every answer ("Connection: close"),
so each SDK call paid a new TCP connection, a new thread and a wait for the client to hang up,
and it writes the status, the headers and the body separately. Here a connection stays open for
the client's next request (as AWS's endpoints do), Nagle's algorithm is off, and each answer is
one write. The request is then answered by `ChimeMockApp.respond`, the same code the WSGI
application runs.

Only what HTTP/1.1 clients send is read: a request line, header lines, and a body given by
Content-Length or in chunks (RFC 9112). Anything else is answered 400 and the connection closed.

Why not the standard library's `http.server.BaseHTTPRequestHandler` (HTTP/1.1 keep-alive too)?
It was tried: its header parsing goes through the `email` parser, and the server's own time per
request went from about 33 us to 73 us (ten percent fewer calls a second from one boto3 client,
1.15-1.28x the canned-bytes server where this reads 1.13-1.17x), while the module stayed as long:
it still needs the chunked bodies, one write per answer, plain-text errors and the raw path.
"""

from __future__ import annotations

import contextlib
import http
import io
import socket
import socketserver
import sys
import threading
import time
from email.utils import formatdate
from urllib.parse import unquote, urlsplit

from chime_mock.protocol.http import HttpResponse
from chime_mock.server.app import ChimeMockApp, Readable

_MAX_LINE = 64 * 1024  # a request line or a header line
_MAX_HEADERS = 100
_REASONS = {status.value: status.phrase for status in http.HTTPStatus}


class _BadRequest(Exception):
    """Not HTTP/1.x as this server reads it: answered 400, then the connection is closed."""


class _Chunks:
    """The body of a chunked request, read as one stream (RFC 9112, section 7.1)."""

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self._stream = stream
        self._left = 0  # of the current chunk
        self._done = False

    def read(self, size: int = -1) -> bytes:
        parts: list[bytes] = []
        wanted = sys.maxsize if size < 0 else size
        while wanted > 0 and not self._done:
            if self._left == 0:
                line = self._stream.readline(_MAX_LINE)
                try:
                    self._left = int(line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    problem = "chime_mock: a chunk size that is no hexadecimal number"
                    raise _BadRequest(problem) from None
                if self._left == 0:
                    while self._stream.readline(_MAX_LINE) not in (b"\r\n", b"\n", b""):
                        pass  # trailer fields: nothing here reads them
                    self._done = True
                    break
            data = self._stream.read(min(self._left, wanted))
            if not data:
                self._done = True  # the client stopped mid-chunk: a short body
                break
            parts.append(data)
            self._left -= len(data)
            wanted -= len(data)
            if self._left == 0:
                self._stream.readline(_MAX_LINE)  # the CRLF after the chunk's data
        return b"".join(parts)


class _Handler(socketserver.StreamRequestHandler):
    disable_nagle_algorithm = True  # an answer leaves at once, not when the last one is acked
    server: WireServer

    def handle(self) -> None:
        self.server.opened(self.connection)
        try:
            while self._one_request():
                pass
        except (ConnectionError, TimeoutError, OSError, ValueError):
            pass  # the client went away, or the server closed the connection: nothing to answer
        finally:
            self.server.closed(self.connection)

    def _one_request(self) -> bool:
        """Answer one request; whether the connection stays open for another."""
        line = self.rfile.readline(_MAX_LINE + 1)
        if not line:
            return False
        if line in (b"\r\n", b"\n"):
            return True  # an empty line before a request line is ignored (RFC 9112, 2.2)
        try:
            method, target, version = self._request_line(line)
            headers = self._headers()
            keep = self._keeps_open(version, headers)
            if headers.get("expect", "").lower() == "100-continue":
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            body, length = self._body(headers)
        except _BadRequest as error:
            self._write(HttpResponse(400, {"Content-Type": "text/plain"}, str(error).encode()))
            return False
        path, _, query = target.partition("?")
        if "://" in path:  # an absolute form (RFC 9112, 3.2.2): the path is what follows the host
            path = urlsplit(target).path or "/"
        try:
            answer = self.server.app.respond(
                method, path, unquote(path, errors="replace"), query, headers, body, length
            )
        except _BadRequest as error:  # a malformed chunk, found while the body was read
            self._write(HttpResponse(400, {"Content-Type": "text/plain"}, str(error).encode()))
            return False
        # A body the answer left unread (past the cap) would be read as the next request.
        keep = keep and body.read(1) == b""
        self._write(answer, head=method == "HEAD", close=not keep)
        if self.server.log_requests:
            sys.stderr.write(
                f"{self.client_address[0]} - - [{time.strftime('%d/%b/%Y %H:%M:%S')}] "
                f'"{line.decode("latin-1").rstrip()}" {answer.status} -\n'
            )
        return keep

    def _request_line(self, line: bytes) -> tuple[str, str, str]:
        if len(line) > _MAX_LINE or not line.endswith(b"\n"):
            raise _BadRequest("chime_mock: the request line is too long")
        parts = line.decode("latin-1").split()
        if len(parts) != 3 or parts[2] not in ("HTTP/1.1", "HTTP/1.0"):
            raise _BadRequest("chime_mock: this server reads HTTP/1.1 requests only")
        return parts[0], parts[1], parts[2]

    def _headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        for _ in range(_MAX_HEADERS):
            line = self.rfile.readline(_MAX_LINE + 1)
            if line in (b"\r\n", b"\n"):
                return headers
            name, colon, value = line.decode("latin-1").partition(":")
            if not colon or not name or name != name.strip() or len(line) > _MAX_LINE:
                raise _BadRequest("chime_mock: a header line is not `Name: value`")
            key = name.lower()
            value = value.strip()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        raise _BadRequest(f"chime_mock: more than {_MAX_HEADERS} header lines")

    def _keeps_open(self, version: str, headers: dict[str, str]) -> bool:
        options = {option.strip().lower() for option in headers.get("connection", "").split(",")}
        if version == "HTTP/1.0":
            return "keep-alive" in options
        return "close" not in options

    def _body(self, headers: dict[str, str]) -> tuple[Readable, int | None]:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            return _Chunks(self.rfile), None
        declared = headers.get("content-length")
        if declared is None:
            return _Empty(), 0
        if not declared.isdigit():
            raise _BadRequest("chime_mock: Content-Length is no whole number")
        return _Limited(self.rfile, int(declared)), int(declared)

    def _write(self, answer: HttpResponse, *, head: bool = False, close: bool = False) -> None:
        lines = [f"HTTP/1.1 {answer.status} {_REASONS.get(answer.status, '')}"]
        lines += [f"{name}: {value}" for name, value in answer.headers.items()]
        if not any(name.lower() == "content-length" for name in answer.headers):
            lines.append(f"Content-Length: {len(answer.body)}")
        lines.append(f"Date: {_date()}")
        if close:
            lines.append("Connection: close")
        head_bytes = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self.wfile.write(head_bytes if head else head_bytes + answer.body)


class _Empty:
    def read(self, size: int = -1) -> bytes:
        return b""


class _Limited:
    """At most `length` bytes of the stream: the body, and never the next request."""

    def __init__(self, stream: Readable, length: int) -> None:
        self._stream = stream
        self._left = length

    def read(self, size: int = -1) -> bytes:
        wanted = self._left if size < 0 else min(size, self._left)
        data = self._stream.read(wanted) if wanted else b""
        self._left -= len(data)
        return data


_last_date: tuple[int, str] = (0, "")


def _date() -> str:
    """The Date header's value, formatted once a second."""
    global _last_date
    now = int(time.time())
    if _last_date[0] != now:
        _last_date = (now, formatdate(now, usegmt=True))
    return _last_date[1]


class WireServer(socketserver.ThreadingTCPServer):
    """A thread per connection, answering with `app`."""

    daemon_threads = True
    allow_reuse_address = True
    block_on_close = False

    def __init__(self, listening: socket.socket, app: ChimeMockApp, log_requests: bool) -> None:
        super().__init__(listening.getsockname()[:2], _Handler, bind_and_activate=False)
        self.socket.close()
        self.socket = listening
        self.address_family = listening.family
        self.server_address = listening.getsockname()
        self.app = app
        self.log_requests = log_requests
        # The connections kept open for their clients' next requests: a stopped server closes
        # them, so no client is answered after stop() over a connection it still holds.
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def opened(self, connection: socket.socket) -> None:
        with self._open_lock:
            self._open.add(connection)

    def closed(self, connection: socket.socket) -> None:
        with self._open_lock:
            self._open.discard(connection)

    def server_close(self) -> None:
        super().server_close()
        with self._open_lock:
            open_connections, self._open = self._open, set()
        for connection in open_connections:
            with contextlib.suppress(OSError):  # closed by its client meanwhile
                connection.shutdown(socket.SHUT_RDWR)

    @property
    def host(self) -> str:
        return str(self.server_address[0])

    @property
    def port(self) -> int:
        return int(self.server_address[1])
