"""A polite HTTP client for Common Crawl: retries, Range resume, bounded concurrency.

Common Crawl asks clients to back off when its servers answer ``503 SlowDown``, and
a 1 GB WARC download over a long-haul link meets resets and timeouts. This client
retries every transient failure (5xx, 429, resets, timeouts, short bodies) with
exponential backoff and jitter through ``tenacity``, waits as long as a
``Retry-After`` header asks (up to a cap), sends a descriptive User-Agent, and caps
the number of requests in flight across all threads that share it.

A transfer must keep moving: fewer than ``min_progress_bytes`` in any
``progress_interval_s`` (a stalled or trickling "slowloris" server) is a fault
retried like any other, however long the whole transfer takes.

A download that cannot complete within the retry budget raises ``FetchError``
naming the URL and the last cause; nothing returns a body shorter or longer than
the server promised, or other bytes than the range asked for.
"""

from __future__ import annotations

import email.utils
import io
import logging
import re
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any, Callable, Iterator, TypeVar

import requests
import tenacity
import urllib3

from langforge import __version__
from langforge.errors import ConfigError, FetchError

log = logging.getLogger(__name__)

_SECRET_PARAM = re.compile(r"(sig|signature|token|key|secret|password|credential|auth)",
                           re.IGNORECASE)


def redact_url(url: str) -> str:
    """``url`` fit for logs and error messages: no password, no signed query values."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<unparseable url>"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}:***@{host}" if ":" in userinfo else f"***@{host}"
    query = urllib.parse.urlencode(
        [(k, "***" if _SECRET_PARAM.search(k) else v)
         for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)], safe="*")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


USER_AGENT = (
    f"langforge/{__version__} (corpus builder for low-resource languages; "
    "+https://github.com/langforge/langforge)"
)

#: Status codes worth another try: throttling and server-side failures.
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})

T = TypeVar("T")


@dataclass(frozen=True)
class HttpConfig:
    """How hard and how politely to try.

    ``max_attempts`` counts every try of one request (the first included);
    ``max_concurrent_requests`` caps requests in flight across every thread using
    one ``HttpClient``.
    """

    user_agent: str = USER_AGENT
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 60.0
    max_attempts: int = 8
    min_backoff_s: float = 1.0
    max_backoff_s: float = 60.0
    max_retry_after_s: float = 300.0
    max_concurrent_requests: int = 4
    chunk_bytes: int = 1 << 20
    #: A body that delivers fewer bytes than this in any ``progress_interval_s`` is
    #: abandoned (and retried): a stalled or trickling transfer.
    min_progress_bytes: int = 16 << 10
    progress_interval_s: float = 30.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ConfigError(f"HttpConfig.max_attempts must be >= 1, got {self.max_attempts}")
        if self.max_concurrent_requests < 1:
            raise ConfigError("HttpConfig.max_concurrent_requests must be >= 1, "
                              f"got {self.max_concurrent_requests}")
        if self.connect_timeout_s <= 0 or self.read_timeout_s <= 0:
            raise ConfigError("HttpConfig timeouts must be > 0")
        if self.progress_interval_s <= 0 or self.min_progress_bytes < 0:
            raise ConfigError("HttpConfig.progress_interval_s must be > 0 and "
                              "min_progress_bytes >= 0")


class TransientError(Exception):
    """A failure worth retrying; ``retry_after_s`` is the server's request, if any."""

    def __init__(self, message: str, retry_after_s: float | None = None):
        super().__init__(message)
        self.retry_after_s = retry_after_s


class PermanentError(Exception):
    """A failure no retry will fix (404, 403, a server that ignores Range)."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


#: Exceptions from requests/urllib3 that mean "the connection broke, try again".
_NETWORK_ERRORS = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    urllib3.exceptions.HTTPError,  # ProtocolError, ReadTimeoutError, IncompleteRead
    ConnectionError,
    TimeoutError,
)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delay-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def describe(exc: BaseException) -> str:
    """A one-line cause for an error message: the class and its text."""
    text = str(exc).strip() or repr(exc)
    return f"{type(exc).__name__}: {text}"


class _WaitRetryAfterOrBackoff(tenacity.wait.wait_base):
    """Wait what the server asked for (capped), else exponential backoff with jitter."""

    def __init__(self, config: HttpConfig):
        self.cap_s = config.max_retry_after_s
        self.backoff = tenacity.wait_exponential_jitter(
            multiplier=config.min_backoff_s, max=config.max_backoff_s,
            jitter=config.min_backoff_s)

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        asked = getattr(exc, "retry_after_s", None)
        if asked is not None:
            return min(asked, self.cap_s)
        return self.backoff(retry_state)


class HttpClient:
    """Thread-safe polite client; one ``requests.Session`` per thread.

    ``sleep`` is what waits between attempts (tests pass a recorder).
    """

    def __init__(self, config: HttpConfig | None = None,
                 sleep: Callable[[float], None] = time.sleep):
        self.config = config or HttpConfig()
        self._sleep = sleep
        self._local = threading.local()
        self._slots = threading.BoundedSemaphore(self.config.max_concurrent_requests)

    # -- plumbing -----------------------------------------------------------------
    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = self.config.user_agent
            # Compressed WARCs must arrive as the server stores them, byte for byte.
            session.headers["Accept-Encoding"] = "identity"
            self._local.session = session
        return session

    def retrying(self, url: str, func: Callable[[], T],
                 where: Callable[[], str] | None = None) -> T:
        """Call ``func`` until it succeeds, retrying ``TransientError`` and network
        errors within the budget; raise ``FetchError`` naming ``url``, the cause and,
        if given, ``where()`` (e.g. the byte position)."""
        retryer = tenacity.Retrying(
            stop=tenacity.stop_after_attempt(self.config.max_attempts),
            wait=_WaitRetryAfterOrBackoff(self.config),
            retry=tenacity.retry_if_exception_type((TransientError, *_NETWORK_ERRORS)),
            sleep=self._sleep,
            before_sleep=lambda state: log.info(
                "retrying %s after %s (attempt %d of %d)", redact_url(url),
                describe(state.outcome.exception()), state.attempt_number,
                self.config.max_attempts),
            reraise=True,
        )
        try:
            return retryer(func)
        except PermanentError as exc:
            at = f" {where()}" if where else ""
            raise FetchError(f"cannot fetch {redact_url(url)}{at}: {exc}") from exc
        except (TransientError, *_NETWORK_ERRORS) as exc:
            at = f" {where()}" if where else ""
            raise FetchError(
                f"cannot fetch {redact_url(url)}{at} after {self.config.max_attempts} attempts: "
                f"{describe(exc)}") from exc

    def request(self, url: str, *, start: int | None = None,
                end: int | None = None) -> requests.Response:
        """One streamed GET, no retry; with ``start``, for bytes ``start..end``
        (inclusive; open-ended when ``end`` is None).

        Raises ``TransientError`` for retryable statuses, ``PermanentError`` for
        other errors (416 is returned: it answers "where does the file end?"). The
        caller owns, and must close, the response.
        """
        headers = {}
        if start is not None:
            headers["Range"] = f"bytes={start}-{'' if end is None else end}"
        with self._slots:
            response = self.session().get(
                url, headers=headers, stream=True,
                timeout=(self.config.connect_timeout_s, self.config.read_timeout_s))
        if response.status_code in TRANSIENT_STATUS:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            response.close()
            raise TransientError(f"HTTP {response.status_code} {response.reason}",
                                 retry_after_s=retry_after)
        if response.status_code >= 400 and response.status_code != 416:
            response.close()
            raise PermanentError(f"HTTP {response.status_code} {response.reason}",
                                 status=response.status_code)
        return response

    def iter_body(self, response: requests.Response) -> Iterator[bytes]:
        """The raw body (no content decoding) in chunks as they arrive, holding a
        request slot; ``TransientError`` when it stops making progress."""
        interval, needed = self.config.progress_interval_s, self.config.min_progress_bytes
        with self._slots:
            window_start, window_bytes = time.monotonic(), 0
            pieces: list[bytes] = []
            size = 0
            while True:
                # read1: whatever one read of the socket gives, so a trickle is seen
                piece = response.raw.read1(self.config.chunk_bytes - size, decode_content=False)
                if not piece:
                    break
                pieces.append(piece)
                size += len(piece)
                window_bytes += len(piece)
                now = time.monotonic()
                if now - window_start >= interval:
                    if window_bytes < needed:
                        raise TransientError(
                            f"transfer stalled: {window_bytes} bytes in "
                            f"{now - window_start:.0f} s (at least {needed} needed)")
                    window_start, window_bytes = now, 0
                if size >= self.config.chunk_bytes:
                    yield b"".join(pieces)
                    pieces, size = [], 0
            if pieces:
                yield b"".join(pieces)

    # -- whole bodies ---------------------------------------------------------------
    def get_bytes(self, url: str, *, start: int | None = None, end: int | None = None,
                  missing_ok: bool = False,
                  check: Callable[[bytes], None] | None = None) -> bytes | None:
        """The body of ``url`` (or of bytes ``start..end`` inclusive), retried, with its
        length checked against what the server declared; None for a 404 when
        ``missing_ok`` (the CDX server's answer to "no captures"). ``check`` may
        raise ``TransientError`` for a body that is not what was asked for: that
        attempt is retried like a network fault."""

        def attempt() -> bytes | None:
            try:
                response = self.request(url, start=start, end=end)
            except PermanentError as exc:
                if missing_ok and exc.status == 404:
                    return None
                raise
            try:
                expected = expected_body_length(response, start, end)
                body = b"".join(self.iter_body(response))
            finally:
                response.close()
            if expected is not None and len(body) != expected:
                raise TransientError(
                    f"body has {len(body)} bytes, expected {expected} (truncated or "
                    "wrong Content-Length)")
            if check is not None:
                check(body)
            return body

        return self.retrying(url, attempt)

    def open(self, url: str, start: int = 0) -> "RemoteFile":
        """A file object over ``url`` that resumes by Range after any break."""
        return RemoteFile(self, url, start)


@dataclass(frozen=True)
class ContentRange:
    start: int
    end: int  # inclusive
    total: int | None


def parse_content_range(value: str | None) -> ContentRange | None:
    """``bytes 10-19/100`` -> ContentRange(10, 19, 100); ``*`` total -> None."""
    if not value or not value.startswith("bytes "):
        return None
    spec, _, total = value[6:].partition("/")
    first, _, last = spec.partition("-")
    try:
        return ContentRange(int(first), int(last), None if total.strip() == "*" else int(total))
    except ValueError:
        return None


def expected_body_length(response: requests.Response, start: int | None,
                         end: int | None) -> int | None:
    """How many body bytes the response must carry, from what was asked and answered.

    A 206 must cover exactly the requested range: it may end early only where the
    file ends (its ``Content-Range`` total says so), else it is a fault worth
    another try. A 200 to a range request means the server ignored Range, which
    would pull a whole WARC for one record: refused as permanent.
    """
    ranged = start is not None
    if response.status_code == 416:
        response.close()
        raise PermanentError(f"HTTP 416: bytes={start}-{'' if end is None else end} lies "
                             "beyond the end of the file")
    if not ranged and response.status_code != 200:
        response.close()
        raise TransientError(f"unexpected HTTP {response.status_code} to a plain GET")
    if response.status_code == 206:
        content_range = parse_content_range(response.headers.get("Content-Range"))
        clipped_at_eof = (content_range is not None and content_range.total is not None
                          and content_range.end == content_range.total - 1)
        if content_range is None or content_range.start != start or (
                end is not None and content_range.end > end) or (
                end is not None and content_range.end < end and not clipped_at_eof) or (
                end is None and content_range.total is not None and not clipped_at_eof):
            response.close()
            raise TransientError(
                f"bad Content-Range {response.headers.get('Content-Range')!r} for "
                f"bytes={start}-{'' if end is None else end}")
        return content_range.end - content_range.start + 1
    if response.status_code == 200 and ranged:
        response.close()
        raise PermanentError("the server ignored the Range header (HTTP 200 to a range "
                             "request); use a base URL that supports byte ranges")
    length = response.headers.get("Content-Length")
    return int(length) if length and length.isdigit() else None


def _total_from_416(value: str | None) -> int | None:
    """The file size from a 416's ``Content-Range: bytes */N``."""
    if value and value.startswith("bytes */") and value[8:].strip().isdigit():
        return int(value[8:])
    return None


class RemoteFile(io.RawIOBase):
    """A read-only stream over a URL that survives resets, truncation and 5xx.

    Every request asks for ``bytes=<position>-``, and the ``Content-Range`` total
    pins the file's size, so a body cut short (a reset, a truncation, a wrong
    ``Content-Length``) is resumed from where it broke instead of ending the stream
    early. Each chunk gets the client's whole retry budget, so a long transfer with
    rare breaks completes; ``FetchError`` names the URL, the byte and the cause.
    """

    def __init__(self, client: HttpClient, url: str, start: int = 0):
        super().__init__()
        self.client, self.url = client, url
        self.name = url  # what readers such as iter_pages print as the source
        self.position = start
        self.total: int | None = None
        self._response: requests.Response | None = None
        self._chunks: Iterator[bytes] | None = None
        self._pending = memoryview(b"")
        self._eof = False

    def readable(self) -> bool:
        return True

    def _open(self) -> None:
        response = self.client.request(self.url, start=self.position)
        status = response.status_code
        if status == 416:
            total = _total_from_416(response.headers.get("Content-Range"))
            response.close()
            if total is None or total == self.position:
                self.total, self._eof = self.position, True
                return
            raise PermanentError(f"byte {self.position} is past the end of the file "
                                 f"({total} bytes)")
        if status == 206:
            content_range = parse_content_range(response.headers.get("Content-Range"))
            if content_range is None or content_range.start != self.position:
                response.close()
                raise TransientError(f"bad Content-Range {response.headers.get('Content-Range')!r}"
                                     f" for bytes={self.position}-")
            total = content_range.total
        elif status == 200 and self.position == 0:
            length = response.headers.get("Content-Length", "")
            total = int(length) if length.isdigit() else None
        elif status == 200:
            response.close()
            raise PermanentError("the server ignored the Range header; cannot resume at "
                                 f"byte {self.position}")
        else:
            response.close()
            raise TransientError(f"unexpected HTTP {status} to a range request")
        if self.total is not None and total is not None and total != self.total:
            response.close()
            raise PermanentError(f"the remote file changed size from {self.total} to "
                                 f"{total} bytes during the transfer")
        if total is not None:
            self.total = total
        self._response = response
        self._chunks = self.client.iter_body(response)

    def _drop(self) -> None:
        if self._chunks is not None:
            self._chunks.close()
        if self._response is not None:
            self._response.close()
        self._chunks = self._response = None

    def _next_chunk(self) -> bytes:
        if self._eof:
            return b""
        if self._chunks is None:
            self._open()
            if self._eof:
                return b""
        try:
            chunk = next(self._chunks)
        except StopIteration:
            self._drop()
            if self.total is None or self.position == self.total:
                self._eof = True
                return b""
            raise TransientError(f"connection closed at byte {self.position:,} of "
                                 f"{self.total:,}") from None
        except BaseException:
            self._drop()
            raise
        self.position += len(chunk)
        if self.total is not None and self.position > self.total:
            self._drop()
            raise PermanentError(f"received {self.position:,} bytes, more than the "
                                 f"{self.total:,} the server declared")
        return chunk

    def read_chunk(self) -> bytes:
        """The next piece of the body (``b""`` at its end), retried and resumed."""
        return self.client.retrying(self.url, self._next_chunk,
                                    where=lambda: f"at byte {self.position:,}")

    def readinto(self, buffer) -> int:
        if not self._pending:
            self._pending = memoryview(self.read_chunk())
            if not self._pending:
                return 0
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count

    def close(self) -> None:
        self._drop()
        super().close()


class Progress:
    """Progress of a long transfer: a tqdm bar on a terminal, else a log line at most
    every ``log_every_s`` seconds (so batch logs stay readable)."""

    def __init__(self, desc: str, total: int | None = None, unit: str = "B",
                 log_every_s: float = 30.0, stream: Any = None):
        self.desc, self.total, self.unit = desc, total, unit
        self.done = 0
        self.log_every_s = log_every_s
        self._last_log = time.monotonic()
        stream = sys.stderr if stream is None else stream
        self._bar = None
        if getattr(stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=desc, unit=unit, unit_scale=unit == "B",
                             unit_divisor=1024 if unit == "B" else 1000, file=stream,
                             leave=False)

    def set_total(self, total: int, done: int = 0) -> None:
        """Set the total once known, with what was done before (a resumed file)."""
        self.total = total
        self.done += done
        if self._bar is not None:
            self._bar.total = total
            self._bar.update(done)

    def update(self, amount: int) -> None:
        self.done += amount
        if self._bar is not None:
            self._bar.update(amount)
            return
        now = time.monotonic()
        if now - self._last_log >= self.log_every_s:
            self._last_log = now
            of = f" of {self.total:,}" if self.total else ""
            log.info("%s: %s%s %s", self.desc, f"{self.done:,}", of, self.unit)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
