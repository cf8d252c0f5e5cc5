"""Progress: tqdm on a terminal, periodic log lines otherwise, and the stage hook."""

from __future__ import annotations

import io
import logging

import pytest

import langforge.progress as progress_module
from langforge.document import Document
from langforge.progress import Progress, format_amount, progress
from langforge.storage import read_json
from pipelines.base import STATS, stage_output


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "langforge.progress"]


def test_log_lines_every_interval_with_count_and_rate(caplog):
    caplog.set_level(logging.INFO, logger="langforge.progress")
    clock = FakeClock()
    bar = Progress("extract shard-00001", log_every_s=30, stream=io.StringIO(), clock=clock)
    for _ in range(50):
        clock.now += 1  # 1 doc/s: a line at 30 s, none before
        bar.update()
    assert lines(caplog) == ["extract shard-00001: 30 docs in 30 s (1 docs/s)"]
    bar.update_to(1200)
    clock.now += 40
    bar.update_to(2000)
    bar.close()
    bar.close()  # idempotent
    assert lines(caplog)[1:] == ["extract shard-00001: 2,000 docs in 90 s (22 docs/s)",
                                 "extract shard-00001: done, 2,000 docs in 90 s (22 docs/s)"]


def test_short_step_stays_silent(caplog):
    caplog.set_level(logging.INFO, logger="langforge.progress")
    with Progress("dedup", stream=io.StringIO(), clock=FakeClock()) as bar:
        for _ in range(10_000):
            bar.update()
    assert bar.done == 10_000 and lines(caplog) == []


def test_bytes_with_total_and_resume(caplog):
    caplog.set_level(logging.INFO, logger="langforge.progress")
    clock = FakeClock()
    with Progress("crawl.warc.gz", unit="B", log_every_s=10, stream=io.StringIO(),
                  clock=clock) as bar:
        bar.set_total(4 * 1024 ** 3, done=1024 ** 3)  # resumed at 1 GiB
        clock.now += 10
        bar.update(512 * 1024 ** 2)
    assert lines(caplog) == [
        "crawl.warc.gz: 1.5 GiB of 4.0 GiB in 10 s (153.6 MiB/s)",
        "crawl.warc.gz: done, 1.5 GiB of 4.0 GiB in 10 s (153.6 MiB/s)"]


@pytest.mark.parametrize("value, unit, text", [
    (0, "docs", "0 docs"), (1234567, "docs", "1,234,567 docs"), (999, "B", "999 B"),
    (1536, "B", "1.5 KiB"), (5 * 1024 ** 4, "B", "5.0 TiB"), (3 * 1024 ** 5, "B", "3,072.0 TiB")])
def test_format_amount(value, unit, text):
    assert format_amount(value, unit) == text


def test_terminal_gets_a_tqdm_bar_that_is_removed(caplog):
    caplog.set_level(logging.INFO, logger="langforge.progress")
    term = Terminal()
    clock = FakeClock()
    bar = Progress("identify", total=3, stream=term, clock=clock, log_every_s=1)
    for count in (1, 2, 3):
        clock.now += 5
        bar.update_to(count)
    assert bar._bar.n == 3
    bar.close()
    out = term.getvalue()
    assert out.startswith("\ridentify:   0%") and "0/3" in out and " docs/s" in out
    assert out.endswith(" " * 20 + "\r")  # leave=False: the finished bar is wiped
    assert lines(caplog) == []  # a bar, not log lines


def test_progress_wraps_an_iterable():
    term = Terminal()
    assert list(progress(range(5), "items", unit="items", stream=term)) == [0, 1, 2, 3, 4]
    assert "0/5" in term.getvalue()  # total taken from len()
    assert list(progress(iter([]), "nothing", stream=io.StringIO())) == []


def test_bad_interval_is_refused():
    with pytest.raises(ValueError, match="log_every_s must be positive, got 0"):
        Progress("x", log_every_s=0)


def test_every_stage_of_the_graph_reports_progress(tmp_path, caplog, monkeypatch):
    """pipelines.base hooks each stage's StageStats to a Progress (log lines here)."""
    caplog.set_level(logging.INFO, logger="langforge.progress")
    monkeypatch.setattr(progress_module, "LOG_EVERY_S", 1e-9)  # a line on every update
    with stage_output(tmp_path / "extract" / "shard-00007") as out:
        read, extract = out.stats("read"), out.stats("extract")
        for _ in range(3):
            read.count_in(b"<html>")
        extract.count_in("text")
    logged = lines(caplog)
    assert logged[2].startswith("read shard-00007: 3 docs in 0 s (")
    assert logged[3].startswith("extract shard-00007: 1 docs in 0 s (")
    assert logged[4].startswith("read shard-00007: done, 3 docs in 0 s (")
    assert logged[5].startswith("extract shard-00007: done, 1 docs in 0 s (")
    assert len(logged) == 6
    stats = read_json(tmp_path / "extract" / "shard-00007" / STATS)
    assert [s["docs_in"] for s in stats] == [3, 1]  # counting is unchanged


def test_stage_progress_closes_when_the_stage_fails(tmp_path, monkeypatch):
    closed = []
    monkeypatch.setattr(Progress, "close", lambda self: closed.append(self.desc))
    with pytest.raises(RuntimeError, match="boom"):
        with stage_output(tmp_path / "dedup") as out:
            out.stats("dedup").count_in("x")
            raise RuntimeError("boom")
    assert closed == ["dedup"] and not (tmp_path / "dedup").exists()


class _Task:
    """What a Luigi worker gives a running task: callbacks to the scheduler."""

    def __init__(self):
        self.messages: list[str] = []
        self.percentages: list[int] = []

    def set_status_message(self, message: str) -> None:
        self.messages.append(message)

    def set_progress_percentage(self, percentage: int) -> None:
        self.percentages.append(percentage)


def test_a_running_stage_tells_the_scheduler_its_counts(tmp_path, monkeypatch):
    """The first input is reported at once, later ones every STATUS_EVERY_S (an hour,
    then 0: every input), and the finished stage says so; percentages follow the total."""
    from pipelines.base import StageOutput

    task = _Task()
    monkeypatch.setattr(StageOutput, "STATUS_EVERY_S", 3600.0)
    with stage_output(tmp_path / "quality" / "shard-00001", task=task) as out:
        stats = out.stats("quality", total=4)
        stats.count_in("a")  # the first: sent at once whatever the interval
        stats.count_in("b")  # within the interval: not sent
        assert len(task.messages) == 1
        assert task.messages[0].startswith("quality 1 in, 0 kept, 0 dropped, ")
        monkeypatch.setattr(StageOutput, "STATUS_EVERY_S", 0.0)
        stats.count_in("c")
        stats.reject(Document(id="d", text="c"), "too_short")
        stats.count_in("d")
    assert task.messages[1].startswith("quality 3 in, 0 kept, 0 dropped")
    assert task.messages[2].startswith("quality 4 in, 0 kept, 1 dropped (too_short 1)")
    assert task.messages[-1].startswith("done: quality 4 in, 0 kept, 1 dropped (too_short 1)")
    assert task.percentages == [25, 75, 100, 100]


def test_the_tokenizer_step_tells_the_scheduler_its_phases_and_merges(tmp_path, monkeypatch):
    """TrainTokenizer counts no documents while it learns: each phase is sent at once,
    merges learned as a status with the task's percentage."""
    from pipelines.base import StageOutput
    from pipelines.publish import _TokenizerProgress

    task = _Task()
    monkeypatch.setattr(StageOutput, "STATUS_EVERY_S", 0.0)
    with stage_output(tmp_path / "tokenizer", task=task) as out:
        with _TokenizerProgress(out, "swh_Latn") as progress:
            progress.phase("English merge costs from wordfreq")
            progress.merges(100, 400)
            progress.merges(400, 400)
            progress.phase("evaluating")
    assert task.messages == ["vocab: English merge costs from wordfreq",
                             "vocab: 100 of 400 merges learned",
                             "vocab: 400 of 400 merges learned", "vocab: evaluating"]
    assert task.percentages == [25, 100]
