"""A fault-injecting HTTP/1.1 file server on 127.0.0.1 for offline download tests.

It serves files under a root directory with single-range ``Range`` support, counts
the body bytes it actually sends (per path and in total), logs every request, and
injects faults per path for the next ``times`` requests:

- ``"503"``: ``503 Slow Down`` with a ``Retry-After`` header;
- ``"reset"``: send ``after_bytes`` of the body, then reset the TCP connection;
- ``"truncate"``: declare the full length, send ``after_bytes``, close cleanly;
- ``"wrong_length"``: declare ``Content-Length`` off by ``delta``, send the true
  body, close (a negative delta makes a client that trusts the header stop early);
- ``"slow"``: sleep ``delay_s`` before the headers (a read timeout on the client);
- ``"short_range"``: answer a range request with a 206 whose ``Content-Range``
  (and body) end ``delta`` bytes before the end asked for;
- ``"shifted"``: a 206 that names the range asked for but carries the bytes
  ``delta`` further on (a proxy or cache serving another object's bytes);
- ``"trickle"``: send the body ``piece_bytes`` at a time, ``delay_s`` apart (a
  slowloris server: each read succeeds, the transfer hardly moves).

Dynamic answers (the CDX API) are added with ``add_route``.
"""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, unquote, urlsplit

Route = Callable[[dict[str, list[str]]], tuple[int, dict[str, str], bytes]]

_RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass
class Fault:
    kind: str
    times: int | None = 1  # None: every request
    retry_after: str = "0"
    after_bytes: int | None = None  # default: half of the body
    delta: int = -100
    delay_s: float = 0.0
    piece_bytes: int = 1


@dataclass
class RequestLog:
    method: str
    path: str
    range: str | None
    status: int
    fault: str | None
    user_agent: str | None = None


class FaultyHTTPServer:
    """Start with ``with FaultyHTTPServer(root) as server:``; ``server.url(name)``."""

    FAULT_KINDS = ("503", "reset", "truncate", "wrong_length", "slow", "short_range",
                   "shifted", "trickle")

    def __init__(self, root: Path):
        self.root = Path(root)
        self.faults: dict[str, list[Fault]] = {}
        self.routes: dict[str, Route] = {}
        self.bytes_by_path: Counter = Counter()
        self.requests: list[RequestLog] = []
        self.faults_hit: Counter = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control -------------------------------------------------------------------
    def __enter__(self) -> "FaultyHTTPServer":
        handler = type("Handler", (_Handler,), {"owner": self})
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,),
                                        daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/"

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def add_fault(self, path: str, kind: str, **params) -> None:
        if kind not in self.FAULT_KINDS:
            raise ValueError(f"unknown fault {kind!r}; known: {self.FAULT_KINDS}")
        with self._lock:
            self.faults.setdefault("/" + path.lstrip("/"), []).append(Fault(kind, **params))

    def add_route(self, path: str, route: Route) -> None:
        self.routes["/" + path.lstrip("/")] = route

    @property
    def bytes_served(self) -> int:
        return sum(self.bytes_by_path.values())

    def reset_counts(self) -> None:
        with self._lock:
            self.bytes_by_path.clear()
            self.requests.clear()
            self.max_in_flight = 0

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            pending = self.faults.get(path)
            if not pending:
                return None
            fault = pending[0]
            self.faults_hit[fault.kind] += 1
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    pending.pop(0)
            return fault

    def _record(self, entry: RequestLog, body_bytes: int) -> None:
        with self._lock:
            self.requests.append(entry)
            self.bytes_by_path[entry.path] += body_bytes


class _QuietServer(ThreadingHTTPServer):
    block_on_close = False  # do not wait for handlers still sleeping in a "slow" fault
    def handle_error(self, request, client_address) -> None:
        pass  # clients that hang up mid-body are what the faults are for


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    owner: FaultyHTTPServer

    def log_message(self, format, *args) -> None:  # keep pytest output clean
        pass

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        owner = self.owner
        with owner._lock:
            owner.in_flight += 1
            owner.max_in_flight = max(owner.max_in_flight, owner.in_flight)
        try:
            self._answer(head)
        finally:
            with owner._lock:
                owner.in_flight -= 1

    def _answer(self, head: bool) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        range_header = self.headers.get("Range")
        route = self.owner.routes.get(path)
        if route is not None:
            status, headers, body = route(parse_qs(parts.query))
            self._send(status, headers, body, head, path, range_header, None)
            return
        fault = self.owner._take_fault(path)
        if fault is not None and fault.kind == "503":
            self._send(503, {"Retry-After": fault.retry_after}, b"SlowDown", head, path,
                       range_header, fault.kind)
            return
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay_s)
        file = (self.owner.root / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.owner.root.resolve()) or not file.is_file():
            self._send(404, {}, b"not found", head, path, range_header, None)
            return
        data = file.read_bytes()
        status, headers = 200, {"Accept-Ranges": "bytes"}
        if range_header:
            match = _RANGE_RE.match(range_header.strip())
            if match is None or match.groups() == ("", ""):
                self._send(400, {}, b"bad range", head, path, range_header, None)
                return
            first, last = match.groups()
            if first == "":
                start, end = max(0, len(data) - int(last)), len(data) - 1
            else:
                start = int(first)
                end = min(int(last), len(data) - 1) if last else len(data) - 1
            if start >= len(data) or end < start:
                self._send(416, {"Content-Range": f"bytes */{len(data)}"}, b"", head, path,
                           range_header, None)
                return
            size = len(data)
            if fault is not None and fault.kind == "short_range":
                end = max(start, end - abs(fault.delta))
            shift = fault.delta if fault is not None and fault.kind == "shifted" else 0
            data = data[start + shift:end + 1 + shift]
            status = 206
            headers["Content-Range"] = f"bytes {start}-{start + len(data) - 1}/{size}"
        self._send(status, headers, data, head, path, range_header,
                   fault.kind if fault else None, fault)

    def _send(self, status, headers, body, head, path, range_header, kind, fault=None) -> None:
        declared = len(body)
        if fault is not None and fault.kind == "wrong_length":
            declared = max(0, len(body) + fault.delta)
        if head:
            body = b""
        elif fault is not None and fault.kind in ("reset", "truncate"):
            cut = len(body) // 2 if fault.after_bytes is None else fault.after_bytes
            body = body[:cut]
        # Logged before anything is sent, so a client that has its answer always
        # finds it counted (a body the client abandons midway counts in full).
        self.owner._record(RequestLog(self.command, path, range_header, status, kind,
                                      self.headers.get("User-Agent")), len(body))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(declared))
        self.send_header("Content-Type", "application/octet-stream")
        if fault is not None:  # the connection is closed after a fault: say so
            self.send_header("Connection", "close")
        self.end_headers()
        try:
            if fault is not None and fault.kind == "trickle":
                for at in range(0, len(body), fault.piece_bytes):
                    self.wfile.write(body[at:at + fault.piece_bytes])
                    self.wfile.flush()
                    time.sleep(fault.delay_s)
            else:
                self.wfile.write(body)
        except OSError:
            self.close_connection = True
            return
        if fault is not None and fault.kind == "reset":
            # SO_LINGER 0 makes close() send RST: the client sees a real reset.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif fault is not None:
            self.close_connection = True
