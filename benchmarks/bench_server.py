"""Server mode: boto3 calls over real HTTP to chime-mock's server, against a canned-bytes server.

The floor is a plain HTTP/1.1 server (keep-alive, TCP_NODELAY, a thread per connection) that
answers every request with the very bytes chime-mock's server answered to the same
get_phone_number_order (recorded first): what remains between the two is what the mock server
adds per call, with botocore's work on the client side in both. Each server runs in a process of
its own, as `chime-mock server` does, so the clients (in this process) and the server do not
share a GIL.

1. Latency: one client calls get_phone_number_order in rounds of `--calls`, alternating between
   the two servers; the fastest round and the median round of each are reported, and the CPU
   time per call of the client's process and the server's together (which a shared machine's
   load, delaying one process or the other, moves less than wall time).
   Goal: the mock at most 1.25x the floor.
2. Throughput: one client, then 8 threads each with a client of its own, calling
   get_phone_number_order for `--seconds`, in rounds alternating between the servers; the best
   calls per second of each, and the 8 threads' over one client's. Goal: at least 1.5x on 2
   cores. The floor's figure shows what the clients' own process allows; 4 client processes
   calling at once (one round) show what the server allows.

Run: python benchmarks/bench_server.py [--calls N] [--rounds N] [--seconds S]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import socketserver
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config

THREADS = 8
PROCESSES = 4
NUMBER = "+12065550100"


def _client(url: str) -> Any:
    return boto3.client(
        "chime-sdk-voice",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
        aws_secret_access_key="secret",
        config=Config(retries={"max_attempts": 1}, max_pool_connections=THREADS),
    )


# -- the servers, each in a child process ------------------------------------------------------


def mock_server() -> None:
    from chime_mock.server import running_server

    with running_server(phone_number_limit=None) as server:
        print(server.url, flush=True)
        sys.stdin.read()  # until the parent closes it


class _Canned(socketserver.BaseRequestHandler):
    answer = b""

    def handle(self) -> None:
        connection: socket.socket = self.request
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pending = b""
        while True:
            while b"\r\n\r\n" not in pending:
                received = connection.recv(65536)
                if not received:
                    return
                pending += received
            head, _, pending = pending.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(pending) < length:
                pending += connection.recv(65536)
            pending = pending[length:]
            connection.sendall(self.answer)


class _ThreadingServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def canned_server(answer: str) -> None:
    _Canned.answer = answer.encode("latin-1")
    with _ThreadingServer(("127.0.0.1", 0), _Canned) as server:
        print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        sys.stdin.read()


def _start(*arguments: str) -> tuple[subprocess.Popen[str], str]:
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert child.stdout is not None
    return child, child.stdout.readline().strip()


def _recorded_answer(url: str, order_id: str) -> str:
    """The mock server's whole HTTP answer to get_phone_number_order, as bytes on the wire."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port))
    connection.request("GET", f"/phone-number-orders/{order_id}")
    response = connection.getresponse()
    body = response.read()
    connection.close()
    lines = [f"HTTP/1.1 {response.status} {response.reason}"]
    lines += [f"{name}: {value}" for name, value in response.getheaders()]
    return "\r\n".join(lines) + "\r\n\r\n" + body.decode("latin-1")


# -- the measures ------------------------------------------------------------------------------


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a child process so far (Linux's /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _round(client: Any, order_id: str, calls: int, server_pid: int) -> tuple[float, float]:
    """Wall seconds per call, and CPU seconds per call of this process and the server's."""
    server_cpu, own_cpu = _cpu_seconds(server_pid), time.process_time()
    start = time.perf_counter()
    for _ in range(calls):
        client.get_phone_number_order(PhoneNumberOrderId=order_id)
    wall = (time.perf_counter() - start) / calls
    cpu = time.process_time() - own_cpu + _cpu_seconds(server_pid) - server_cpu
    return wall, cpu / calls


def client_process(url: str, order_id: str, start: float, seconds: float) -> None:
    """Call from `start` (a time.time()) for `seconds`; print how many calls were answered."""
    client = _client(url)
    client.get_phone_number_order(PhoneNumberOrderId=order_id)  # connected, plans compiled
    time.sleep(max(0.0, start - time.time()))
    deadline, calls = time.perf_counter() + seconds, 0
    while time.perf_counter() < deadline:
        client.get_phone_number_order(PhoneNumberOrderId=order_id)
        calls += 1
    print(calls, flush=True)


def _process_throughput(url: str, order_id: str, processes: int, seconds: float) -> float:
    """Calls per second of `processes` client processes calling at once for `seconds`."""
    start = time.time() + 5.0  # time for every process to import boto3 and connect
    children = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--child",
                "client",
                url,
                order_id,
                str(start),
                str(seconds),
            ],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        for _ in range(processes)
    ]
    return sum(int(child.communicate()[0]) for child in children) / seconds


def _throughput(clients: list[Any], order_id: str, seconds: float) -> float:
    """Calls per second of `clients`, each in a thread of its own, for about `seconds`."""
    deadline = time.perf_counter() + seconds
    counts = [0] * len(clients)

    def work(index: int) -> None:
        while time.perf_counter() < deadline:
            clients[index].get_phone_number_order(PhoneNumberOrderId=order_id)
            counts[index] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(len(clients)) as pool:
        list(pool.map(work, range(len(clients))))
    return sum(counts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--throughput-rounds", type=int, default=3)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        kind, *rest = arguments.child
        if kind == "client":
            client_process(rest[0], rest[1], float(rest[2]), float(rest[3]))
        elif kind == "mock":
            mock_server()
        else:
            canned_server(json.loads(rest[0]))
        return
    mock, mock_url = _start("mock")
    order_id = _client(mock_url).create_phone_number_order(
        ProductType="VoiceConnector", E164PhoneNumbers=[NUMBER]
    )["PhoneNumberOrder"]["PhoneNumberOrderId"]
    canned, canned_url = _start("canned", json.dumps(_recorded_answer(mock_url, order_id)))
    try:
        urls = {"floor": canned_url, "mock": mock_url}
        clients = {kind: _client(url) for kind, url in urls.items()}
        pids = {"floor": canned.pid, "mock": mock.pid}
        for kind, client in clients.items():
            _round(client, order_id, 20, pids[kind])  # connections open, every plan compiled
        rounds: dict[str, list[tuple[float, float]]] = {"floor": [], "mock": []}
        for _ in range(arguments.rounds):
            for kind, found in rounds.items():
                found.append(_round(clients[kind], order_id, arguments.calls, pids[kind]))
        fastest = {kind: min(wall for wall, _ in found) for kind, found in rounds.items()}
        median = {kind: statistics.median(w for w, _ in found) for kind, found in rounds.items()}
        cpu = {kind: statistics.median(c for _, c in found) for kind, found in rounds.items()}
        print(
            f"get_phone_number_order over HTTP, fastest of {arguments.rounds} rounds: floor "
            f"{fastest['floor'] * 1e6:.0f} us, mock {fastest['mock'] * 1e6:.0f} us, ratio "
            f"{fastest['mock'] / fastest['floor']:.3f} (goal <= 1.25)"
        )
        print(
            f"get_phone_number_order over HTTP, median round: floor {median['floor'] * 1e6:.0f} "
            f"us, mock {median['mock'] * 1e6:.0f} us, ratio {median['mock'] / median['floor']:.3f}"
        )
        print(
            f"get_phone_number_order over HTTP, CPU per call (client and server processes, "
            f"median round): floor {cpu['floor'] * 1e6:.0f} us, mock {cpu['mock'] * 1e6:.0f} us, "
            f"ratio {cpu['mock'] / cpu['floor']:.3f}"
        )
        many_clients = {kind: [_client(url) for _ in range(THREADS)] for kind, url in urls.items()}
        best: dict[tuple[str, int], float] = {}
        for _ in range(arguments.throughput_rounds):  # alternating; the best of each is kept
            for kind in urls:
                for group in ([clients[kind]], many_clients[kind]):
                    found = _throughput(group, order_id, arguments.seconds)
                    best[kind, len(group)] = max(best.get((kind, len(group)), 0.0), found)
        for kind in urls:
            one, many = best[kind, 1], best[kind, THREADS]
            print(
                f"{kind} server, get_phone_number_order calls/s: 1 client {one:.0f}, {THREADS} "
                f"threads with their own clients {many:.0f}: {many / one:.2f}x"
                + (" (goal >= 1.5x on 2 cores)" if kind == "mock" else "")
            )
        for kind, url in urls.items():
            many = _process_throughput(url, order_id, PROCESSES, arguments.seconds)
            print(
                f"{kind} server, get_phone_number_order calls/s: {PROCESSES} client processes "
                f"{many:.0f}: {many / best[kind, 1]:.2f}x one client's"
            )
    finally:
        for child in (mock, canned):
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=30)


if __name__ == "__main__":
    main()
