"""Extraction across processes: same output as serial, in order; timeouts and crashes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import langforge.extract
import langforge.parallel as parallel
from langforge.config import ExtractConfig
from langforge.document import StageStats, WebPage
from langforge.extract import extract_pages
from langforge.parallel import extract_one, extract_parallel, resolve_workers
from langforge.sources.warc import iter_pages

SAMPLE_WARC = Path(__file__).resolve().parent.parent / "resources" / "sample" / "crawl.warc.gz"
PARAGRAPH = ("Wakulima wa kahawa katika mkoa wa Kilimanjaro wamepata mavuno mazuri mwaka huu "
             "kutokana na mvua za kutosha na mbolea bora waliyopewa na serikali. ")


def web_page(i: int, tag: str = "") -> WebPage:
    body = "".join(f"<p>Sehemu ya {j + 1} ya habari nambari {i}. {PARAGRAPH}</p>" for j in range(3))
    url = f"https://example.org/{tag}{i}"
    return WebPage(url=url, content=f"<html><body><article>{body}</article></body></html>"
                   .encode(), record_id=url, source=f"test@{i}")


# Per-page functions the worker processes import from this module.

def sleepy(page: WebPage, config: ExtractConfig):
    if "slow" in page.url:
        time.sleep(60)  # interruptible: the worker's own timer ends it
    return extract_one(page, config)


def _sleep_deaf(page: WebPage, config: ExtractConfig):
    # the timer signal is blocked, as in a C extension that never returns to Python
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


def hangs(page: WebPage, config: ExtractConfig):
    if "hang" in page.url:
        _sleep_deaf(page, config)
    return extract_one(page, config)


def crashes(page: WebPage, config: ExtractConfig):
    if "crash" in page.url:
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_one(page, config)


#: CPU seconds a "busy" page burns, as a share of the per-page limit.
BUSY_SHARE = 0.7


def busy(page: WebPage, config: ExtractConfig):
    """A page whose extraction needs most of its CPU limit: on a machine where other
    processes take half of each core it needs more than that limit in wall time."""
    if "busy" in page.url:
        started = time.process_time()
        while time.process_time() - started < BUSY_SHARE * config.record_timeout_s:
            pass
    return extract_one(page, config)


def test_resolve_workers(monkeypatch):
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    assert resolve_workers(3) == 3
    assert resolve_workers(None) == parallel.available_cores() >= 1
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    assert resolve_workers(5) == 2  # the machine setting wins
    monkeypatch.setenv(parallel.WORKERS_ENV, "zero")
    with pytest.raises(ValueError, match=parallel.WORKERS_ENV):
        resolve_workers(None)
    monkeypatch.delenv(parallel.WORKERS_ENV)
    with pytest.raises(ValueError, match="positive"):
        resolve_workers(0)


def test_parallel_output_equals_serial_in_order():
    config = ExtractConfig(batch_pages=7)
    serial_stats, parallel_stats = StageStats("extract"), StageStats("extract")
    serial = list(extract_pages(iter_pages(SAMPLE_WARC, StageStats("read")), config,
                                serial_stats))
    docs = list(extract_parallel(iter_pages(SAMPLE_WARC, StageStats("read")), config,
                                 parallel_stats, workers=2))
    assert [d.to_record() for d in docs] == [d.to_record() for d in serial]
    assert parallel_stats.to_dict() == serial_stats.to_dict()
    assert parallel_stats.docs_in == parallel_stats.docs_out + sum(parallel_stats.dropped.values())


def test_empty_input_and_rejections_pass_through():
    rejected = []
    stats = StageStats("extract", on_reject=rejected.append)
    assert list(extract_parallel([], ExtractConfig(), stats, workers=2)) == []
    binary = WebPage(url="https://example.org/x.png", content=b"\x89PNG\r\n\x1a\n" + b"\0" * 50,
                     record_id="png", source="test@0")
    docs = list(extract_parallel([binary, web_page(1)], ExtractConfig(), stats, workers=2))
    assert [d.url for d in docs] == ["https://example.org/1"]
    assert [(r.reason, r.url) for r in rejected] == [("binary_payload", binary.url)]
    assert rejected[0].detail["source"] == "test@0"


def test_serial_path_times_out_one_page(monkeypatch):
    real = langforge.extract._extraction

    def slow_for_one(text, options, url=None, **kwargs):
        if url and "slow" in url:
            time.sleep(30)
        return real(text, options, url, **kwargs)

    monkeypatch.setattr(langforge.extract, "_extraction", slow_for_one)
    stats = StageStats("extract")
    pages = [web_page(1), web_page(2, "slow"), web_page(3)]
    # not timed out, the page would sleep its 30 s out and be kept: the drop shows it
    docs = list(extract_parallel(pages, ExtractConfig(record_timeout_s=0.3), stats, workers=1))
    assert [d.url for d in docs] == [pages[0].url, pages[2].url]
    assert dict(stats.dropped) == {"extraction_timeout": 1}
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL  # handler restored


def test_worker_timer_drops_only_the_slow_page():
    pages = [web_page(i, "slow" if i == 2 else "") for i in range(6)]
    stats = StageStats("extract")
    docs = list(extract_parallel(pages, ExtractConfig(record_timeout_s=0.5, batch_pages=2), stats,
                                 workers=2, extract_fn=sleepy))
    assert [d.url for d in docs] == [p.url for p in pages if "slow" not in p.url]
    assert dict(stats.dropped) == {"extraction_timeout": 1}


def test_a_page_deaf_to_the_timer_is_isolated_and_dropped(monkeypatch):
    monkeypatch.setattr(parallel, "HARD_TIMEOUT_GRACE_S", 1.0)
    monkeypatch.setattr(parallel, "WALL_BACKSTOP_FACTOR", 4.0)
    monkeypatch.setattr(parallel, "POLL_S", 0.2)
    pages = [web_page(i, "hang" if i == 1 else "") for i in range(4)]
    stats = StageStats("extract")
    # not isolated, the page would sleep its 60 s out and then be kept: the drop shows it
    docs = list(extract_parallel(pages, ExtractConfig(record_timeout_s=0.5, batch_pages=2), stats,
                                 workers=2, extract_fn=hangs))
    assert [d.url for d in docs] == [p.url for p in pages if "hang" not in p.url]
    assert dict(stats.dropped) == {"extraction_timeout": 1}


def test_a_page_that_kills_its_worker_is_dropped_as_a_crash(monkeypatch):
    monkeypatch.setattr(parallel, "POLL_S", 0.2)
    pages = [web_page(i, "crash" if i == 3 else "") for i in range(8)]
    stats = StageStats("extract")
    docs = list(extract_parallel(pages, ExtractConfig(batch_pages=2), stats, workers=2,
                                 extract_fn=crashes))
    assert [d.url for d in docs] == [p.url for p in pages if "crash" not in p.url]
    assert dict(stats.dropped) == {"extraction_crash": 1}


@pytest.fixture
def busy_machine():
    """Two processes burning CPU beside the test (each ends by itself within 2 minutes)."""
    burn = "import time\nend = time.monotonic() + 120\nwhile time.monotonic() < end:\n    pass\n"
    burners = [subprocess.Popen([sys.executable, "-c", burn]) for _ in range(2)]
    try:
        yield
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()


def test_pages_that_need_most_of_their_cpu_limit_are_kept_on_a_busy_machine(busy_machine):
    """The per-page limit is CPU time: other processes competing for the cores
    make a page take longer, never make it use more of its limit."""
    pages = [web_page(i, "busy") for i in range(4)]
    stats = StageStats("extract")
    docs = list(extract_parallel(pages, ExtractConfig(record_timeout_s=1.0, batch_pages=1), stats,
                                 workers=2, extract_fn=busy))
    assert [d.url for d in docs] == [p.url for p in pages]
    assert not stats.dropped


def test_a_busy_machine_drops_no_good_page(busy_machine, monkeypatch):
    """Per-page limits count the page's own work, from when the page starts: worker
    start-up and other processes competing for the CPUs cost no page."""
    monkeypatch.setattr(parallel, "HARD_TIMEOUT_GRACE_S", 1.0)
    monkeypatch.setattr(parallel, "WALL_BACKSTOP_FACTOR", 4.0)
    monkeypatch.setattr(parallel, "POLL_S", 0.2)
    pages = [web_page(i, "hang" if i == 1 else "") for i in range(4)]
    stats = StageStats("extract")
    docs = list(extract_parallel(pages, ExtractConfig(record_timeout_s=0.5, batch_pages=2), stats,
                                 workers=2, extract_fn=hangs))
    assert [d.url for d in docs] == [p.url for p in pages if "hang" not in p.url]
    assert dict(stats.dropped) == {"extraction_timeout": 1}
