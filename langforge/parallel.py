"""Text extraction across processes inside one shard, with per-record timeouts.

``extract_parallel`` is ``langforge.extract.extract_pages`` spread over a pool of
worker processes (forkserver, else spawn: trafilatura and lxml state is created
in each worker, never inherited). Pages go out in batches and documents come
back in input order, so the output does not depend on the number of workers.

One pathological page cannot stall a shard: each page runs under two timers
inside its worker and is dropped as ``extraction_timeout`` when one expires: the
CPU time the page's own work takes (``record_timeout_s``; a busy machine does
not make a page use more of it), and a generous wall-clock backstop
(``WALL_BACKSTOP_FACTOR`` times that) for a page that waits instead of computing.
Both start when the page starts, never when the pool does, so neither worker
start-up nor load from other processes costs a page. A page that hangs in C code
(where the timers cannot interrupt) or kills its worker is caught from the
outside, again counted from when the worker started that page: the pool is
replaced and the pages of that batch are retried one by one, so only the culprit
is dropped (``extraction_timeout`` or ``extraction_crash``).

Memory stays bounded whatever the WARC size: at most ``2 * workers`` batches
are in flight, and workers are replaced after a fixed number of pages.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import islice
from multiprocessing.pool import Pool
from typing import Any

from langforge.config import ExtractConfig, LanguageConfig
from langforge.document import Document, Rejection, StageStats, WebPage
from langforge.extract import TextCheck, extract_pages

#: Environment variable that sets the workers of every shard (machine setting).
WORKERS_ENV = "LANGFORGE_EXTRACT_WORKERS"
#: A worker is replaced after this many pages (bounds memory fragmentation).
PAGES_PER_WORKER = 2000
#: A page's wall-clock limit is its CPU limit (``record_timeout_s``) times this.
WALL_BACKSTOP_FACTOR = 10.0
#: Extra seconds the parent waits beyond the per-page timers before it steps in.
HARD_TIMEOUT_GRACE_S = 30.0
#: Workers that have not begun a page this long after they were asked to (a pool
#: that cannot start) are given up on; generous, as start-up slows under load.
START_TIMEOUT_S = 600.0
#: How often the parent checks that no worker died while it waits.
POLL_S = 1.0

# (document, None, None, counters) for a kept page, else (None, reason, detail,
# counters); counters: what the page added to the stage's ``StageStats.extra``
# (e.g. ``fallback_reruns``). A custom per-page function may leave them out.
Outcome = tuple[Document | None, str | None, dict[str, Any] | None, dict[str, Any]]


class RecordTimeout(BaseException):
    """Raised inside a worker when one page overruns its timer.

    A BaseException, so that the extractor's ``except Exception`` (one bad page
    must not end the stream) does not swallow it.
    """


def available_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def resolve_workers(setting: int | None) -> int:
    """Workers to use: ``LANGFORGE_EXTRACT_WORKERS``, else the setting, else all cores."""
    env = os.environ.get(WORKERS_ENV, "").strip()
    if env:
        if not env.isdigit() or int(env) < 1:
            raise ValueError(f"{WORKERS_ENV} must be a positive integer, got {env!r}")
        return int(env)
    if setting is not None and setting < 1:
        raise ValueError(f"workers must be positive, got {setting}")
    return setting or available_cores()


def wall_limit_s(config: ExtractConfig) -> float:
    """Wall-clock seconds one page may take (the backstop of its CPU limit)."""
    return config.record_timeout_s * WALL_BACKSTOP_FACTOR


@contextmanager
def _timer(cpu_seconds: float, wall_seconds: float):
    """Raise ``RecordTimeout`` in this thread once this process has used
    ``cpu_seconds`` of CPU time or ``wall_seconds`` have passed, whichever comes
    first (main thread only; elsewhere signals cannot be used and the block runs
    unguarded)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum, frame):
        raise RecordTimeout("cpu" if signum == signal.SIGPROF else "wall")

    previous = {sig: signal.signal(sig, _expired) for sig in (signal.SIGPROF, signal.SIGALRM)}
    # user + system CPU time of the whole process: in a worker that is the page's
    # own work; in the serial path other threads of this process count too
    signal.setitimer(signal.ITIMER_PROF, cpu_seconds)
    signal.setitimer(signal.ITIMER_REAL, wall_seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def extract_one(page: WebPage, config: ExtractConfig,
                may_be_target: TextCheck | None = None) -> Outcome:
    """Extract one page; the outcome instead of stats updates."""
    rejections: list[Rejection] = []
    local = StageStats("extract", on_reject=rejections.append)
    docs = list(extract_pages([page], config, local, may_be_target))
    if docs:
        return docs[0], None, None, local.extra
    if rejections:
        return None, rejections[0].reason, rejections[0].detail, local.extra
    reason = next(iter(local.dropped), "extraction_error")
    return None, reason, {}, local.extra


ExtractFn = Callable[[WebPage, ExtractConfig], Outcome]


def _timed(fn: ExtractFn, page: WebPage, config: ExtractConfig) -> Outcome:
    """``fn`` on one page under the page's timers."""
    try:
        with _timer(config.record_timeout_s, wall_limit_s(config)):
            return fn(page, config)
    except RecordTimeout as exc:
        clock = exc.args[0] if exc.args else "wall"
        return None, "extraction_timeout", {"timeout_s": config.record_timeout_s,
                                            "clock": clock}, {}


#: In a worker: per batch slot, when (``time.monotonic()``) its current page began.
_page_started = None


def _init_worker(page_started) -> None:
    global _page_started
    _page_started = page_started


def _extract_batch(pages: list[WebPage], config: ExtractConfig, fn: ExtractFn,
                   slot: int) -> list[Outcome]:
    outcomes = []
    for page in pages:
        _page_started[slot] = time.monotonic()  # the parent's deadline counts from here
        outcomes.append(_timed(fn, page, config))
    return outcomes


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # import the heavy modules once in the server, not in every worker
        ctx.set_forkserver_preload(["langforge.parallel"])
        return ctx
    return multiprocessing.get_context("spawn")


class _Workers:
    """A process pool that can be thrown away and replaced when a page hangs it.

    Each batch in flight has a slot in shared memory where its worker writes when
    it began the batch's current page (0: not begun yet).
    """

    def __init__(self, workers: int, batch_pages: int, fn: ExtractFn, slots: int):
        self.workers = workers
        self.fn = fn
        self.tasks_per_child = max(1, PAGES_PER_WORKER // batch_pages)
        self.page_started = _context().RawArray("d", slots)
        self._free = list(range(slots))
        self.pool = self._new()
        self._seen: set = set()

    def _new(self) -> Pool:
        return _context().Pool(self.workers, maxtasksperchild=self.tasks_per_child,
                               initializer=_init_worker, initargs=(self.page_started,))

    def submit(self, pages: list[WebPage], config: ExtractConfig,
               slot: int | None = None) -> tuple[int, Any]:
        """Queue a batch; its slot (reused when given) and its pending result."""
        slot = self._free.pop() if slot is None else slot
        self.page_started[slot] = 0.0
        return slot, self.pool.apply_async(_extract_batch, (pages, config, self.fn, slot))

    def release(self, slot: int) -> None:
        self._free.append(slot)

    def overdue(self, slot: int, config: ExtractConfig, waiting_since: float) -> bool:
        """True when the batch's current page has run past its limits plus grace,
        or (the oldest batch, first in the queue) it never began at all."""
        started, now = self.page_started[slot], time.monotonic()
        if not started:
            return now - waiting_since > START_TIMEOUT_S
        return now - started > wall_limit_s(config) + HARD_TIMEOUT_GRACE_S

    def crashed(self) -> bool:
        """True when a worker died of something other than its planned retirement.

        ``multiprocessing.Pool`` silently replaces a dead worker and never answers
        for the batch it held; its ``_pool`` list is the only view of the workers.
        """
        self._seen.update(self.pool._pool)
        return any(proc.exitcode not in (None, 0) for proc in self._seen)

    def replace(self) -> None:
        self.pool.terminate()
        self.pool.join()
        self.pool = self._new()
        self._seen = set()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def extract_parallel(pages: Iterable[WebPage], config: ExtractConfig, stats: StageStats,
                     workers: int | None = None,
                     extract_fn: ExtractFn = extract_one) -> Iterator[Document]:
    """``extract_pages`` over worker processes; documents in input order.

    Drops what ``extract_pages`` drops, plus ``extraction_timeout`` (a page ran
    longer than ``config.record_timeout_s``) and ``extraction_crash`` (a page
    killed its worker process).

    Args:
        workers: processes; None reads ``LANGFORGE_EXTRACT_WORKERS``, then
            ``config.workers``, then uses all cores. With 1 worker (or inside a
            daemon process, which may not start children) pages are extracted in
            this process, still under the per-page timer.
        extract_fn: the per-page function (a module-level function, so that
            workers can import it); ``extract_one`` runs ``extract_pages``.
    """
    count = resolve_workers(workers if workers is not None else config.workers)
    if count == 1 or multiprocessing.current_process().daemon:
        return _serial(pages, config, stats, extract_fn)
    return _parallel(iter(pages), config, stats, count, extract_fn)


def prefilter_and_extract(pages: Iterable[WebPage], config: LanguageConfig,
                          prefilter_stats: StageStats, extract_stats: StageStats,
                          workers: int | None = None) -> Iterator[Document]:
    """The extraction step of a build as ``pipelines.native.ExtractShard`` runs it:
    the pre-filter (``config.prefilter``; with the configured LID model when it
    is on), then ``extract_parallel`` (worker pool, per-page timers, trafilatura
    fast with its fallback stage, spared on pages whose fast text is not in the
    language: ``langforge.langid.MayBeLanguage``). ``langforge extract`` runs this."""
    from langforge.langid import MayBeLanguage
    from langforge.prefilter import prefilter_model, prefilter_pages

    lid = prefilter_model(config)
    pages = prefilter_pages(pages, config.lang, config.prefilter, prefilter_stats, model=lid,
                            lid=config.lid)
    may_be_target = MayBeLanguage.from_config(config)
    fn = extract_one if may_be_target is None else partial(extract_one,
                                                           may_be_target=may_be_target)
    return extract_parallel(pages, config.extract, extract_stats, workers=workers,
                            extract_fn=fn)


def _serial(pages: Iterable[WebPage], config: ExtractConfig, stats: StageStats,
            fn: ExtractFn) -> Iterator[Document]:
    for page in pages:
        stats.count_in(page.content)
        doc = _record(page, _timed(fn, page, config), stats)
        if doc is not None:
            yield doc


def _record(page: WebPage, outcome: Outcome, stats: StageStats) -> Document | None:
    doc, reason, detail = outcome[:3]
    for key, value in (outcome[3] if len(outcome) > 3 else {}).items():
        stats.extra[key] = stats.extra.get(key, 0) + value
    if doc is not None:
        return stats.count_out(doc)
    # the worker's reject added the page's own fields; reject() adds them again
    extra = {k: v for k, v in (detail or {}).items() if k not in ("source", "content_type")}
    stats.reject(page, reason or "extraction_error", **extra)
    return None


def _parallel(pages: Iterator[WebPage], config: ExtractConfig, stats: StageStats,
              count: int, fn: ExtractFn) -> Iterator[Document]:
    pool = _Workers(count, config.batch_pages, fn, slots=2 * count)
    in_flight: deque = deque()  # (pages, (slot, AsyncResult)), oldest first
    try:
        while batch := list(islice(pages, config.batch_pages)):
            for page in batch:
                stats.count_in(page.content)
            in_flight.append((batch, pool.submit(batch, config)))
            while len(in_flight) >= 2 * count:
                yield from _finish_oldest(in_flight, pool, config, stats)
        while in_flight:
            yield from _finish_oldest(in_flight, pool, config, stats)
    finally:
        pool.close()


def _finish_oldest(in_flight: deque, pool: _Workers, config: ExtractConfig,
                   stats: StageStats) -> Iterator[Document]:
    batch, (slot, pending) = in_flight.popleft()
    # each page runs under its own timers in the worker, so a page that runs
    # longer than they allow (counted from when it began) hangs where they cannot
    # reach (C code)
    outcomes = None
    waiting_since = time.monotonic()
    while outcomes is None:
        try:
            outcomes = pending.get(timeout=POLL_S)
        except multiprocessing.TimeoutError:
            if pool.crashed() or pool.overdue(slot, config, waiting_since):
                break
    pool.release(slot)
    if outcomes is None:
        pool.replace()
        outcomes = [_run_alone(page, config, pool.fn) for page in batch]
        if len(batch) > 1 and all(outcome[1] == "extraction_crash" for outcome in outcomes):
            # not one bad page: the workers cannot run at all
            raise RuntimeError(f"extraction worker processes die on every page (first: "
                               f"{batch[0].source}); see their error output above")
        for i, (waiting, (waiting_slot, _)) in enumerate(in_flight):  # lost with the old pool
            in_flight[i] = (waiting, pool.submit(waiting, config, waiting_slot))
    for page, outcome in zip(batch, outcomes):
        doc = _record(page, outcome, stats)
        if doc is not None:
            yield doc


def _alone_target(page: WebPage, config: ExtractConfig, fn: ExtractFn, conn, started) -> None:
    started.value = time.monotonic()
    conn.send(_timed(fn, page, config))
    conn.close()


def _run_alone(page: WebPage, config: ExtractConfig, fn: ExtractFn) -> Outcome:
    """Extract one page in a process of its own: killed when it overruns its limits
    (counted from when it began the page, not from the process start), and a crash
    is blamed on this page only."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    started = ctx.RawValue("d", 0.0)
    process = ctx.Process(target=_alone_target, args=(page, config, fn, sender, started))
    launched = time.monotonic()
    process.start()
    sender.close()
    try:
        while not receiver.poll(POLL_S):
            now = time.monotonic()
            if started.value and now - started.value > wall_limit_s(config) + HARD_TIMEOUT_GRACE_S:
                return None, "extraction_timeout", {"timeout_s": config.record_timeout_s,
                                                    "clock": "outside"}, {}
            if not started.value and now - launched > START_TIMEOUT_S:
                return None, "extraction_crash", {"error": "the worker process did not start"}, {}
        try:
            return receiver.recv()
        except EOFError:  # died before answering
            process.join()
            return None, "extraction_crash", {"exitcode": process.exitcode}, {}
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
