"""The per-language wrapper task and the functions ``langforge language`` calls."""

from __future__ import annotations

import glob
import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path

import luigi
from luigi.util import requires

from langforge.acquisition import reset_failed_shards
from langforge.build import BuildSpec, is_remote, remove_paths, sample_warc
from langforge.config import load_config
from langforge.errors import ConfigError, InputError
from langforge.langid import warm_models
from langforge.publish import is_published, publish_build
from langforge.sources.cc_listing import check_crawl, expand_warc_inputs, is_url
from langforge.sources.commoncrawl import DEFAULT_BASE_URL, DEFAULT_CDX_URL
from langforge.storage import read_json
from langforge.store import expand_store_warcs, is_store_url, local_root, store_for
from langforge.summary import format_summary
from pipelines.acquire import ListCrawl, QueryIndex, plan, selection_size
from pipelines.base import LanguageTask
from pipelines.publish import BuildDataset, TrainTokenizer

log = logging.getLogger("langforge.pipeline")

SAMPLE_WARC = sample_warc()


@requires(BuildDataset, TrainTokenizer)
class LanguageCorpus(LanguageTask):
    """Everything for one language: the published dataset, tokenizer, ``summary.json``
    and the report. Complete when the published summary names this build."""

    def output(self):
        return luigi.LocalTarget(str(self.layout.summary))

    def complete(self):
        layout = self.layout
        if self.store is not None and not self.store.pull_file(layout.summary):
            return False
        return is_published(layout)

    def run(self):
        publish_build(self.layout)

    def push_outputs(self) -> None:
        """The published files to their plain keys (a previous build's removed), then
        ``summary.json``, which says they are this build's."""
        layout = self.layout
        self.store.push_tree(layout.lang_dir, skip=("work", "builds", layout.summary.name))
        self.store.push_file(layout.summary)


def resolve_warcs(spec: str | None) -> list[str]:
    """WARC files from a user's spec: paths, globs, directories, URLs or Common Crawl
    paths (``crawl-data/...``), space/comma separated, or ``@file`` listing one a line.
    Empty -> the embedded sample. Remote files are downloaded (or streamed) by the graph."""
    if not spec:
        return [str(SAMPLE_WARC)]
    items: list[str] = []
    for part in spec.replace(",", " ").split():
        if part.startswith("@"):
            listing = Path(part[1:])
            if not listing.is_file():
                raise ConfigError(f"WARC list file not found: {listing}")
            items += [line.strip() for line in listing.read_text().splitlines()
                      if line.strip() and not line.startswith("#")]
        else:
            items.append(part)
    paths: list[str] = []
    for item in items:
        if is_store_url(item):
            paths += expand_store_warcs(item)
            continue
        if is_url(item) or item.startswith("crawl-data/"):
            paths.append(item)
            continue
        if Path(item).is_dir():
            paths += [str(Path(p).resolve()) for p in expand_warc_inputs([item])]
            continue
        matches = sorted(glob.glob(item)) if any(c in item for c in "*?[") else [item]
        if not matches:
            raise ConfigError(f"no WARC file matches {item!r}")
        for match in matches:
            if not Path(match).is_file():
                raise ConfigError(f"WARC file not found: {match}")
            paths.append(str(Path(match).resolve()))
    return sorted(set(paths))


def language_task(language: str, build_dir: str = "build", warcs: list[str] | None = None,
                  files_per_shard: int = 1, seed: str = "", crawl: str = "", *,
                  config_file: str = "", cc_crawl: str = "", limit: int | None = None,
                  select: str = "sample", start: int = 0, index: str = "",
                  tlds: tuple[str, ...] = (), cdx: str = "", cdx_url: str = DEFAULT_CDX_URL,
                  base_url: str = DEFAULT_BASE_URL, stream: bool = False,
                  records_per_shard: int = 1000) -> LanguageCorpus:
    """The wrapper task for a language, after validating its config (fails fast) and
    writing the build spec (``langforge.build.BuildSpec``) every task reads.

    The source is ``warcs`` (local files or URLs; default the embedded sample), or
    ``limit`` files of the crawl ``cc_crawl``, or the records an ``index`` table
    and/or a ``cdx`` URL pattern select (``tlds`` adds top-level domains, ``cc_crawl``
    restricts to one crawl). The crawl listing or the index query runs here: the
    number of shards depends on it. ``config_file`` is a TOML of deltas over the
    shipped language config.
    """
    config_file = str(Path(config_file).resolve()) if config_file else ""
    config = load_config(language, overrides=config_file or None)
    store = store_for(str(build_dir))
    build_dir = str(build_dir).rstrip("/") if store else str(Path(build_dir).resolve())
    # Workers of a store build share no download cache: HTTP inputs are streamed.
    stream = stream or bool(store and (cc_crawl or any(is_remote(w) and not is_store_url(w)
                                                       for w in warcs or ())))
    selection = ""
    if index or cdx:
        if warcs:
            raise ConfigError("give WARC files or an index query, not both")
        if cc_crawl:
            check_crawl(cc_crawl)
        query = QueryIndex(language=config.language, build_dir=str(local_root(build_dir)),
                           index=index,
                           tlds=tuple(tlds), cdx=cdx, cdx_url=cdx_url, crawl=cc_crawl,
                           limit=limit or 0)
        selection = plan(query).output().path
        if not selection_size(selection):
            raise InputError(f"the index offered no record for {config.language} (CLD2 label "
                             f"{config.lang.label('cld2')}, TLDs {', '.join(tlds) or 'none'})")
        if store:  # every worker reads the selection from the store
            if not store.exists(selection):
                store.push_file(selection)
            selection = f"{build_dir}/{store.rel(selection)}"
    elif cc_crawl:
        if warcs:
            raise ConfigError("give WARC files or a crawl to sample, not both")
        if not limit:
            raise ConfigError(f"say how many WARC files of {cc_crawl} to read (--limit N): a "
                              "whole crawl is ~90,000 files of ~1 GB each")
        listing = ListCrawl(build_dir=str(local_root(build_dir)), crawl=check_crawl(cc_crawl),
                            limit=limit,
                            select=select, start=start, base_url=base_url)
        warcs = plan(listing).paths()
        crawl = crawl or cc_crawl
    if records_per_shard < 1 or files_per_shard < 1:
        raise ConfigError("files and records per shard must be >= 1")
    spec = BuildSpec.create(config, warcs=warcs or ([] if selection else resolve_warcs(None)),
                            selection=selection, seed=seed, config_file=config_file,
                            files_per_shard=files_per_shard, records_per_shard=records_per_shard,
                            crawl=crawl, base_url=base_url, stream=stream)
    saved = spec.save(local_root(build_dir))
    if store and not store.exists(saved):
        store.push_file(saved)
    return LanguageCorpus(language=config.language, build_dir=build_dir, build_id=spec.build_id)


def build_lock(task: LanguageCorpus):
    """A lock on the language's build dir: a second local build of the same language
    in the same build dir waits for the first instead of racing it."""
    from filelock import FileLock

    task.lang_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(task.lang_dir / ".build.lock"))


def run_language(task: LanguageCorpus, *, workers: int = 1, scheduler: str = "local",
                 host: str = "127.0.0.1", port: int = 8082) -> tuple[bool, dict | None]:
    """Run the graph; returns (success, summary or None)."""
    from filelock import Timeout

    kwargs = {"local_scheduler": scheduler == "local", "workers": workers,
              "detailed_summary": True, "log_level": "WARNING"}
    if scheduler != "local":
        kwargs.update(scheduler_host=host, scheduler_port=port)
        # Several workers share the graph: a worker stays until the whole graph is
        # done (it may have to wait for a task another worker is running).
        with _worker_settings(keep_alive="true", wait_interval="0.5", wait_jitter="0.5"):
            return _run(task, kwargs, scheduler)
    lock = build_lock(task)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.warning("another build of %s is running in %s: waiting for it to finish",
                    task.language, task.build_dir)
        lock.acquire()
    try:
        # Leftovers of killed runs in this build dir: nobody else writes here now.
        remove_paths(p for p in task.lang_dir.rglob(".tmp-*"))
        # A local build ends when nothing more can run: a failed task must not keep
        # its worker waiting for a retry (keep_alive from a user's luigi.cfg).
        with _worker_settings(force=True, keep_alive="false"):
            return _run(task, kwargs, scheduler)
    finally:
        lock.release()


@contextmanager
def _worker_settings(force: bool = False, **values: str):
    """Luigi ``[worker]`` settings for one build, restored afterwards (the config is
    process-wide: a central build must not leave keep_alive on for a later local one).
    Without ``force`` a value the user's luigi.cfg sets is left as it is."""
    config = luigi.configuration.get_config()
    if not config.has_section("worker"):
        config.add_section("worker")
    saved = {key: config.get("worker", key) if config.has_option("worker", key) else None
             for key in values}
    for key, value in values.items():
        if force or saved[key] is None:
            config.set("worker", key, value)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                config.remove_option("worker", key)
            else:
                config.set("worker", key, value)


#: What the stage tasks import when they run (the extraction stack alone is ~0.8 s CPU).
STAGE_MODULES = ("trafilatura", "langforge.extract", "langforge.parallel", "langforge.prefilter",
                 "langforge.filters", "langforge.dedup", "langforge.dedup_sharded",
                 "langforge.quality_model", "langforge.dataset", "pyarrow.parquet")


def warm_for_workers(config) -> None:
    """Luigi with several workers runs each task in a process forked from this one:
    load the LID models, import the stage modules and run what they set up on first
    use here, once, so that each task process shares them instead of paying them again
    (with 2 workers on 8 shards models and imports were ~13% more CPU than two
    independent runs; jusText's stop lists and pyarrow's import of pandas cost each
    extraction task another ~0.6 s)."""
    import importlib

    from langforge import extract, storage

    for name in STAGE_MODULES:
        importlib.import_module(name)
    warm_models(config)
    extract.warm_up(config.extract)
    storage.warm_up()


@contextmanager
def cores_shared(config, workers: int):
    """With several Luigi workers, each shard task extracts with its share of the
    cores (``LANGFORGE_EXTRACT_WORKERS`` = cores // workers, at least 1) while the
    build runs, instead of each starting a pool of every core: 2 workers on 2 cores,
    each with a pool of 2, took 32.1 s on 8 files where one extraction process per
    task took 26.7 s. A ``LANGFORGE_EXTRACT_WORKERS`` or an ``[extract] workers``
    the user set is left as it is."""
    from langforge.parallel import WORKERS_ENV, available_cores

    if workers <= 1 or os.environ.get(WORKERS_ENV, "").strip() \
            or config.extract.workers is not None:
        yield
        return
    os.environ[WORKERS_ENV] = str(max(1, available_cores() // workers))
    try:
        yield
    finally:
        os.environ.pop(WORKERS_ENV, None)


def _run(task: LanguageCorpus, kwargs: dict, scheduler: str) -> tuple[bool, dict | None]:
    reset_failed_shards(task.layout)
    if kwargs["workers"] > 1:
        warm_for_workers(task.config)
    with cores_shared(task.config, kwargs["workers"]):
        result = luigi.build([task], **kwargs)
        while scheduler != "local" and result.scheduling_succeeded and not task.complete():
            # The rest of the graph is running on other workers: wait for it. Building
            # again is cheap, and takes the work over if those workers die.
            time.sleep(2)
            result = luigi.build([task], **kwargs)
    ok = result.scheduling_succeeded and task.complete()
    summary = read_json(task.output().path) if task.complete() else None
    if not ok:
        log.error("%s", result.summary_text)
    return ok, summary


__all__ = ["LanguageCorpus", "language_task", "run_language", "resolve_warcs", "format_summary"]
