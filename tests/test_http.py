"""The polite HTTP client against the fault-injecting server on 127.0.0.1."""

from __future__ import annotations

import io
import logging
import random
import threading

import pytest

from httpserver import FaultyHTTPServer
from langforge.errors import ConfigError, FetchError
from langforge.sources.http import (
    USER_AGENT, HttpClient, HttpConfig, Progress, TransientError, parse_content_range,
    parse_retry_after)

SIZE = 200_000


@pytest.fixture()
def blob(tmp_path):
    data = random.Random(7).randbytes(SIZE)
    (tmp_path / "blob.bin").write_bytes(data)
    return data


@pytest.fixture()
def server(tmp_path, blob):
    with FaultyHTTPServer(tmp_path) as srv:
        yield srv


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fast_client(**overrides) -> tuple[HttpClient, Sleeps]:
    sleeps = Sleeps()
    settings = dict(max_attempts=4, min_backoff_s=0.001, max_backoff_s=0.002,
                    read_timeout_s=0.15, connect_timeout_s=1.0, chunk_bytes=16_384)
    settings.update(overrides)
    return HttpClient(HttpConfig(**settings), sleep=sleeps), sleeps


def test_parse_retry_after():
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0) == 10.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_parse_content_range():
    cr = parse_content_range("bytes 10-19/100")
    assert (cr.start, cr.end, cr.total) == (10, 19, 100)
    assert parse_content_range("bytes 0-9/*").total is None
    assert parse_content_range("bytes */100") is None
    assert parse_content_range(None) is None


@pytest.mark.parametrize("bad, match", [
    (dict(max_attempts=0), "max_attempts"),
    (dict(max_concurrent_requests=0), "max_concurrent_requests"),
    (dict(read_timeout_s=0), "timeouts"),
    (dict(progress_interval_s=0), "progress_interval_s"),
])
def test_config_is_validated(bad, match):
    with pytest.raises(ConfigError, match=match):
        HttpConfig(**bad)


FAULTS = [
    ("503", dict(retry_after="0")),
    ("reset", dict(after_bytes=50_000)),
    ("truncate", dict()),
    ("wrong_length", dict(delta=-1000)),
    ("wrong_length", dict(delta=+1000)),
    ("slow", dict(delay_s=0.3)),
]


@pytest.mark.parametrize("kind, params", FAULTS, ids=lambda v: str(v))
def test_stream_recovers_byte_identical(server, blob, kind, params):
    server.add_fault("blob.bin", kind, times=2, **params)
    client, _ = fast_client()
    with client.open(server.url("blob.bin")) as remote:
        assert remote.read() == blob
        assert remote.total == SIZE
    assert server.faults_hit[kind] == 2


@pytest.mark.parametrize("kind, params", FAULTS, ids=lambda v: str(v))
def test_range_recovers_byte_identical(server, blob, kind, params):
    server.add_fault("blob.bin", kind, times=2, **params)
    client, _ = fast_client()
    assert client.get_bytes(server.url("blob.bin"), start=1234, end=99_999) == blob[1234:100_000]
    assert server.faults_hit[kind] == 2


@pytest.mark.parametrize("kind, params, cause", [
    ("503", dict(retry_after="0"), "HTTP 503"),
    ("reset", dict(after_bytes=1000), "Connection broken|reset|closed at byte"),
    ("truncate", dict(after_bytes=0), "closed at byte|IncompleteRead|Connection broken"),
    ("wrong_length", dict(delta=-SIZE), "closed at byte|expected"),
    ("slow", dict(delay_s=0.3), "timed out"),
])
def test_persistent_fault_fails_with_url_and_cause(server, kind, params, cause):
    server.add_fault("blob.bin", kind, times=None, **params)
    client, _ = fast_client(max_attempts=3)
    url = server.url("blob.bin")
    with pytest.raises(FetchError, match=rf"cannot fetch {url}.*after 3 attempts.*({cause})"):
        with client.open(url) as remote:
            remote.read()
    with pytest.raises(FetchError, match=rf"cannot fetch {url}.*({cause})"):
        client.get_bytes(url, start=0, end=SIZE - 1)


def test_a_range_answered_short_is_retried_unless_the_file_ends_there(server, blob):
    """A 206 may end before the end asked for only where the file ends."""
    server.add_fault("blob.bin", "short_range", times=2, delta=10)
    client, sleeps = fast_client()
    assert client.get_bytes(server.url("blob.bin"), start=100, end=9_999) == blob[100:10_000]
    assert server.faults_hit["short_range"] == 2 and len(sleeps) == 2
    server.add_fault("blob.bin", "short_range", times=None, delta=10)
    with pytest.raises(FetchError, match=r"after 4 attempts.*bad Content-Range 'bytes "
                                         r"100-9989/200000' for bytes=100-9999"):
        client.get_bytes(server.url("blob.bin"), start=100, end=9_999)
    server.faults.clear()
    # asking past the end: the server clips at the file's end, which is fine
    assert client.get_bytes(server.url("blob.bin"), start=SIZE - 50, end=SIZE + 1000) == \
        blob[-50:]


def test_shifted_range_bytes_are_caught_by_the_callers_check(server, blob):
    """A 206 that names the range asked for but carries other bytes can only be
    caught by what the bytes should be: ``check`` turns that into a retry."""
    def check(body: bytes) -> None:
        if body != blob[1000:2000]:
            raise TransientError("not the bytes asked for")

    server.add_fault("blob.bin", "shifted", times=2, delta=3)
    client, _ = fast_client()
    assert client.get_bytes(server.url("blob.bin"), start=1000, end=1999, check=check) == \
        blob[1000:2000]
    assert server.faults_hit["shifted"] == 2


@pytest.mark.parametrize("times", [1, None], ids=["once", "always"])
def test_a_trickling_transfer_trips_the_progress_deadline(server, blob, times):
    """A slowloris answer (each read gets a few bytes, so no read timeout fires) is
    abandoned once an interval passes with too few bytes, then retried."""
    server.add_fault("blob.bin", "trickle", times=times, piece_bytes=100, delay_s=0.01)
    client, _ = fast_client(progress_interval_s=0.1, min_progress_bytes=5_000, max_attempts=3)
    if times is None:
        with pytest.raises(FetchError, match="after 3 attempts.*transfer stalled"):
            client.get_bytes(server.url("blob.bin"), start=0, end=SIZE - 1)
        return
    assert client.get_bytes(server.url("blob.bin"), start=0, end=SIZE - 1) == blob
    with client.open(server.url("blob.bin")) as remote:  # a whole-file stream too
        server.add_fault("blob.bin", "trickle", times=1, piece_bytes=100, delay_s=0.01)
        assert remote.read() == blob
    assert server.faults_hit["trickle"] == 2


def test_retry_after_is_honoured_and_capped(server, blob):
    server.add_fault("blob.bin", "503", retry_after="7")
    server.add_fault("blob.bin", "503", retry_after="1000")
    client, sleeps = fast_client(max_retry_after_s=30)
    assert client.get_bytes(server.url("blob.bin")) == blob
    assert sleeps == [7.0, 30.0]
    assert [r.status for r in server.requests] == [503, 503, 200]


def test_not_found_is_not_retried(server):
    client, sleeps = fast_client()
    url = server.url("missing.warc.gz")
    with pytest.raises(FetchError, match=rf"cannot fetch {url}: HTTP 404"):
        client.get_bytes(url)
    assert len(server.requests) == 1 and sleeps == []
    assert client.get_bytes(url, missing_ok=True) is None


def test_user_agent_is_descriptive(server):
    client, _ = fast_client()
    client.get_bytes(server.url("blob.bin"), start=0, end=9)
    assert server.requests[0].user_agent == USER_AGENT
    assert USER_AGENT.startswith("langforge/") and "+http" in USER_AGENT


def test_server_ignoring_range_is_refused(server, blob):
    server.add_route("plain.bin", lambda query: (200, {}, blob))
    client, sleeps = fast_client()
    with pytest.raises(FetchError, match="ignored the Range header"):
        client.get_bytes(server.url("plain.bin"), start=100, end=199)
    with client.open(server.url("plain.bin")) as remote:  # from 0 a plain 200 is fine
        assert remote.read() == blob
    with pytest.raises(FetchError, match="cannot resume at byte 5"):
        client.open(server.url("plain.bin"), start=5).read()


def test_resume_past_the_end(server, blob):
    client, _ = fast_client()
    with client.open(server.url("blob.bin"), start=SIZE) as remote:
        assert remote.read() == b"" and remote.total == SIZE
    with pytest.raises(FetchError, match=r"past the end of the file \(200000 bytes\)"):
        client.open(server.url("blob.bin"), start=SIZE + 5).read()


def test_concurrency_is_bounded(server):
    for _ in range(6):
        server.add_fault("blob.bin", "slow", delay_s=0.1)
    client, _ = fast_client(max_concurrent_requests=2, read_timeout_s=2.0)
    threads = [threading.Thread(target=client.get_bytes, args=(server.url("blob.bin"),),
                                kwargs=dict(start=0, end=999)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(server.requests) == 6
    assert server.max_in_flight == 2


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal(caplog):
    tty = _Tty()
    with Progress("x.warc.gz", 1000, stream=tty) as bar:
        bar.update(500)
    assert "x.warc.gz" in tty.getvalue()
    plain = io.StringIO()
    with caplog.at_level(logging.INFO, logger="langforge.sources.http"):
        with Progress("y.warc.gz", 1000, log_every_s=0.0, stream=plain) as quiet:
            quiet.update(500)
    assert plain.getvalue() == ""
    assert "y.warc.gz: 500 of 1,000 B" in caplog.text


def test_urls_in_logs_and_errors_carry_no_secrets():
    from langforge.sources.http import redact_url

    url = ("https://alice:s3cr3t@mirror.example/crawl-data/x.warc.gz"
           "?X-Amz-Signature=abc123&X-Amz-Credential=AKIA&part=1&access_token=zz9tokzz")
    clean = redact_url(url)
    for secret in ("s3cr3t", "abc123", "AKIA", "zz9tokzz"):
        assert secret not in clean
    assert "alice:***@mirror.example" in clean and "part=1" in clean
    assert redact_url("https://data.commoncrawl.org/a.warc.gz") == \
        "https://data.commoncrawl.org/a.warc.gz"


def test_fetch_error_redacts_credentials(tmp_path):
    import pytest as _pytest

    from langforge.errors import FetchError
    from langforge.sources.http import HttpClient, HttpConfig

    server = FaultyHTTPServer(tmp_path)
    with server:
        client = HttpClient(HttpConfig(max_attempts=1), sleep=lambda s: None)
        url = server.url("missing.warc.gz").replace("http://", "http://bob:hunter2@")
        with _pytest.raises(FetchError) as exc:
            client.get_bytes(url)
    assert "hunter2" not in str(exc.value) and "bob:***@" in str(exc.value)
