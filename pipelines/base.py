"""Shared pieces of the language graph: parameters, output layout, atomic stage dirs."""

from __future__ import annotations

import functools
import logging
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import luigi

from langforge.build import BuildSpec, Layout, reveal
from langforge.config import LanguageConfig
from langforge.document import StageStats
from langforge.progress import Progress
from langforge.storage import (DOCS_NAME, SUCCESS, RejectWriter, atomic_path, mark_success,
                               write_json)
from langforge.store import Store, local_root, pulls_whole, store_for

log = logging.getLogger("langforge.pipeline")


REJECTED = "rejected.parquet"
STATS = "stats.json"


class LanguageTask(luigi.Task):
    """A task of one language's build; outputs live under ``<build_dir>/<language>/``.

    The build is described by its spec (``langforge.build.BuildSpec``), named by
    ``build_id``: the inputs and the config come from there, so a task's parameters
    stay short (what the scheduler UI and the logs show) and nothing is threaded
    through the graph.
    """

    task_namespace = "langforge"

    language = luigi.Parameter(description="canonical language code, e.g. swh_Latn")
    build_dir = luigi.Parameter(default="build", description="root of all outputs")
    build_id = luigi.Parameter(description="the build spec: <build_dir>/<language>/builds/"
                               "<build_id>.json (inputs and config)")

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        run = cls.__dict__.get("run")
        if run is not None and not getattr(run, "_through_store", False):
            cls.run = _through_store(run)

    @property
    def store(self) -> Store | None:
        """The object store of a ``build_dir`` such as ``s3://bucket/build`` (None for a
        local build dir); this worker then works in its own copy (``root``)."""
        return store_for(str(self.build_dir))

    @property
    def root(self) -> Path:
        """The build dir on this machine: ``build_dir``, or the working copy of a store."""
        return local_root(str(self.build_dir))

    @property
    def spec(self) -> BuildSpec:
        store = self.store
        if store is not None:
            path = BuildSpec.path(self.root, self.language, self.build_id)
            if not path.is_file():
                store.pull_file(path)
        return BuildSpec.load(self.root, self.language, self.build_id)

    @property
    def config(self) -> LanguageConfig:
        return self.spec.language_config

    @property
    def layout(self) -> Layout:
        """Where this build's outputs live (each named by its fingerprint)."""
        return Layout(self.spec, self.root)

    @property
    def lang_dir(self) -> Path:
        return self.root / self.language

    def success_target(self, directory: Path) -> luigi.LocalTarget:
        return luigi.LocalTarget(str(directory / SUCCESS))

    def build_params(self) -> dict:
        return {"language": self.language, "build_dir": self.build_dir,
                "build_id": self.build_id}

    # -- a build dir on object storage (langforge.store) ---------------------------------

    def complete(self) -> bool:
        store = self.store
        if store is None:
            return super().complete()
        return all(store.exists(t.path) for t in luigi.task.flatten(self.output()))

    def pull_inputs(self) -> None:
        """Bring what this task reads into the working copy: its requirements' outputs
        whole, the outputs further up only as far as the summary reads them."""
        store = self.store
        direct = {t.path for t in luigi.task.flatten(self.input())}
        for task in _upstream(self):
            for target in luigi.task.flatten(task.output()):
                path = Path(target.path)
                if path.name != SUCCESS:
                    store.pull_file(path)
                elif not store.pull_dir(path.parent, partial=target.path not in direct
                                        and not pulls_whole(path.parent)):
                    raise RuntimeError(f"{task}: its output is not in {store.url} "
                                       f"({store.rel(path.parent)}/{SUCCESS} missing)")

    def push_outputs(self) -> None:
        """Send this task's finished outputs to the store (marker last)."""
        store = self.store
        for target in luigi.task.flatten(self.output()):
            path = Path(target.path)
            if path.name == SUCCESS:
                store.push_dir(path.parent)
            else:
                store.push_file(path)


def _upstream(task: luigi.Task) -> list[luigi.Task]:
    """Every task ``task`` depends on, directly or not (each once), that writes into
    the build dir (not external inputs)."""
    seen: dict[str, luigi.Task] = {}
    stack = list(luigi.task.flatten(task.requires()))
    while stack:
        current = stack.pop()
        if current.task_id in seen:
            continue
        seen[current.task_id] = current
        stack.extend(luigi.task.flatten(current.requires()))
    return [t for t in seen.values() if isinstance(t, LanguageTask)]


def _through_store(run):
    """A task's ``run`` that, for a build dir on a store, pulls its inputs first and
    pushes its outputs after."""
    @functools.wraps(run)
    def wrapped(self, *args, **kwargs):
        if self.store is None:
            return run(self, *args, **kwargs)
        self.pull_inputs()
        result = run(self, *args, **kwargs)
        self.push_outputs()
        return result

    wrapped._through_store = True
    return wrapped


class ShardTask(LanguageTask):
    """A task of one shard of the build (a group of WARC files, or a range of index
    rows); its source comes from the spec."""

    shard = luigi.IntParameter(description="shard number")

    @property
    def source(self) -> dict:
        return self.spec.shards()[self.shard]

    # What langforge.sources / pipelines.acquire read of a shard.
    @property
    def warcs(self) -> tuple:
        return tuple(self.source.get("warcs", ()))

    @property
    def rows(self) -> tuple:
        return tuple(self.source.get("rows", ()))

    @property
    def selection(self) -> str:
        return self.spec.selection

    @property
    def crawl(self) -> str:
        return self.spec.crawl

    @property
    def base_url(self) -> str:
        return reveal(self.spec.base_url)

    @property
    def stream(self) -> bool:
        return self.spec.stream

    def shard_dir(self, stage: str) -> Path:
        return self.layout.shard(stage, self.shard)


class StageOutput:
    """The files of one stage run, assembled in a temporary directory.

    ``stats(name)`` gives a ``StageStats`` whose rejections go to this directory's
    ``rejected.parquet``; on leaving ``stage_output`` the stats are written, the
    ``_SUCCESS`` marker is set and the directory is renamed into place. With a
    ``task``, progress also reaches the scheduler: a status message (documents so
    far, rate, drops) and, when the input's size is known, a percentage.
    """

    #: Seconds between two status messages sent to the scheduler.
    STATUS_EVERY_S = 2.0

    def __init__(self, tmp: Path, label: str = "", task: luigi.Task | None = None):
        self.dir = tmp
        self.label = label
        self.task = task
        self.rejects = RejectWriter(tmp / REJECTED)  # streamed: bounded memory
        self._stats: list[StageStats] = []
        self._progress: list[Progress] = []
        self._start = time.monotonic()
        self._last_status: float | None = None  # the first progress is sent at once

    @property
    def docs_path(self) -> Path:
        return self.dir / DOCS_NAME

    def stats(self, stage: str, total: int | None = None) -> StageStats:
        """Stats of one stage of this run; its inputs are shown as progress (a bar
        on a terminal, a log line every 30 s otherwise, the scheduler's status)."""
        desc = stage if self.label in ("", stage) else f"{stage} {self.label}"
        progress = Progress(desc, total=total, unit="docs")
        self._progress.append(progress)
        stats = StageStats(stage=stage, on_reject=self.rejects)

        def on_progress(done: int) -> None:
            progress.update_to(done)
            self._status(stats, total)

        stats.on_progress = on_progress
        self._stats.append(stats)
        return stats

    def _status(self, stats: StageStats, total: int | None, force: bool = False) -> None:
        if self._due(force):  # runs for every document: the line is built only when due
            self._send(status_line(self._stats, time.monotonic() - self._start),
                       round(100 * stats.docs_in / total) if total else None)

    def tell(self, message: str, percentage: int | None = None, force: bool = False) -> None:
        """The scheduler's status message (and percentage) for a step that counts no
        documents (e.g. merges learned); at most every ``STATUS_EVERY_S`` unless
        ``force`` (a new phase)."""
        if self._due(force):
            self._send(message, percentage)

    def _due(self, force: bool) -> bool:
        """Whether a status may be sent now (and, if so, that one is)."""
        now = time.monotonic()
        if self.task is None or not (force or self._last_status is None
                                     or now - self._last_status >= self.STATUS_EVERY_S):
            return False
        self._last_status = now
        return True

    def _send(self, message: str, percentage: int | None) -> None:
        self._tell("set_status_message", message[:500])
        if percentage is not None:
            self._tell("set_progress_percentage", max(0, min(100, percentage)))

    def _tell(self, method: str, value) -> None:
        """Send to the scheduler; Luigi sets these callbacks only while a worker runs
        the task (None otherwise)."""
        callback = getattr(self.task, method, None)
        if callable(callback):
            callback(value)

    def close_progress(self) -> None:
        for progress in self._progress:
            progress.close()
        if self.task is not None and self._stats:
            self._tell("set_status_message",
                       "done: " + status_line(self._stats, time.monotonic() - self._start))
            self._tell("set_progress_percentage", 100)


def status_line(stats: list[StageStats], seconds: float) -> str:
    """``extract 120 in, 95 kept, 25 dropped (text_too_short 20, ...), 40/s`` for
    each stage of a task, short enough for the scheduler's task list."""
    parts = []
    for s in stats:
        dropped = sum(s.dropped.values())
        top = ", ".join(f"{r} {n}" for r, n in s.dropped.most_common(2)) if dropped else ""
        rate = s.docs_in / seconds if seconds > 0 else 0.0
        parts.append(f"{s.stage} {s.docs_in:,} in, {s.docs_out:,} kept, {dropped:,} dropped"
                     + (f" ({top})" if top else "") + f", {rate:,.0f}/s")
    return "; ".join(parts)[:500]


@contextmanager
def stage_output(directory: Path, task: luigi.Task | None = None) -> Iterator[StageOutput]:
    """Build a stage's output directory atomically (see ``StageOutput``)."""
    with atomic_path(directory) as tmp:
        tmp.mkdir(parents=True)
        name = directory.name.split(".")[0]  # shard-00003.<fingerprint> -> shard-00003
        out = StageOutput(tmp, label=name if name.startswith(("shard-", "chunk-")) else "",
                          task=task)
        try:
            yield out
        finally:
            out.close_progress()
        out.rejects.close()
        write_json(tmp / STATS, [s.to_dict() for s in out._stats])
        mark_success(tmp)
        for s in out._stats:
            log.info("%s: %d in, %d kept, dropped %s", s.stage, s.docs_in, s.docs_out,
                     dict(s.dropped) or "nothing")


@LanguageTask.event_handler(luigi.Event.START)
def _log_start(task: LanguageTask) -> None:
    log.info("start %s", task)


@LanguageTask.event_handler(luigi.Event.PROCESSING_TIME)
def _log_done(task: LanguageTask, seconds: float) -> None:
    log.info("done  %s in %.1f s", task, seconds)


#: One line per failed task of this process's run (the CLI repeats them at the end).
FAILURES: list[str] = []


@luigi.Task.event_handler(luigi.Event.FAILURE)
def _log_failure(task: luigi.Task, exception: BaseException) -> None:
    line = f"{task.get_task_family()} failed: {type(exception).__name__}: {exception}"
    FAILURES.append(line)
    log.error("%s", line)


@luigi.Task.event_handler(luigi.Event.PROCESS_FAILURE)
def _log_process_failure(task: luigi.Task, error_msg: str) -> None:
    # A task process that died (killed, out of memory) under --workers N > 1.
    line = f"{task.get_task_family()} failed: {error_msg.strip().splitlines()[-1][:300]}"
    FAILURES.append(line)
    log.error("%s", line)
