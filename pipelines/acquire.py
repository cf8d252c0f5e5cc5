"""Acquisition: where a shard's WARC bytes come from, as Luigi tasks.

Three ways feed the same ``ExtractShard``:

1. Local (or listed) WARC files: ``WarcFile``, nothing to fetch.
2. A crawl's WARC files: ``ListCrawl`` chooses N files of ``warc.paths.gz``; per
   shard ``DownloadWarcs`` downloads them into ``<build>/cache/warc/<crawl>/...``
   (shared by every language; a finished file is never fetched again), or, with
   ``stream``, the shard reads them remotely and keeps nothing.
3. Index-targeted records: ``QueryIndex`` selects the language's captures from the
   columnar index (or a user's table, or the CDX API); per range of rows
   ``FetchRecords`` fetches their bytes into a local WARC shard.

``ListCrawl`` and ``QueryIndex`` decide how many shards there are, and Luigi fixes
a task's requirements when it schedules it, so they run before the graph is built
(``plan``), and the graph refers to their outputs.

A shard whose fetch fails after the client's retries does not stop the run: its
task records the failure (URL and cause) as its output, the shard goes on empty,
the summary lists it under ``failed_shards``, and the next run retries it and
rebuilds what depended on it (``reset_failed_shards``).
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

import luigi
import pyarrow as pa
import pyarrow.parquet as pq

from langforge.document import StageStats, WebPage, stable_id
from langforge.errors import ConfigError, FetchError
from langforge.sources.cc_listing import is_url, listing_url, parse_listing
from langforge.sources.commoncrawl import (
    DEFAULT_BASE_URL, DEFAULT_CDX_URL, HttpClient, IndexQuery, download_warcs, fetch_records,
    local_path_for, open_warc, query_cdx, query_index, read_selection, resolve_url, select_paths,
    selection_shards, shard_groups, write_selection)
from langforge.storage import DOCS_NAME, atomic_path, read_json, write_json
from pipelines.base import STATS, LanguageTask, stage_output

log = logging.getLogger("langforge.pipeline")

#: The fetched records of one index shard, and what the index said of each.
RECORDS_NAME = "records.warc.gz"
MANIFEST_NAME = "manifest.parquet"
#: Written beside a shard's outputs when its fetch failed (URL and cause).
FAILURE_NAME = "failure.json"


# -- where files live ------------------------------------------------------------------

def warc_cache(build_dir: str | Path) -> Path:
    """Root of downloaded WARC files, shared by every language of a build dir."""
    return Path(build_dir) / "cache" / "warc"


def is_remote(item: str) -> bool:
    """A URL, or a Common Crawl path (``crawl-data/...``) resolved against a base URL."""
    return is_url(item) or item.startswith("crawl-data/")


def cache_path(build_dir: str | Path, item: str) -> Path:
    """Where a remote WARC is kept: ``<cache>/<crawl>/<rest of its path>`` for Common
    Crawl files (whatever the base URL or mirror), ``<cache>/<host>/<path>`` else."""
    path = urlsplit(item).path if is_url(item) else item
    parts = PurePosixPath(path.lstrip("/")).parts
    if len(parts) > 1 and parts[0] == "crawl-data":
        return local_path_for("/".join(parts[1:]), warc_cache(build_dir))
    host = urlsplit(item).hostname or "unknown-host"
    return local_path_for(path, warc_cache(build_dir) / host)


# -- planning: the tasks that decide the shards ------------------------------------------

class ListCrawl(luigi.Task):
    """Choose ``limit`` WARC files of a crawl's listing (sample or range); the output
    is the chosen paths, one a line. The listing itself is cached beside it."""

    task_namespace = "langforge"

    build_dir = luigi.Parameter(default="build", description="root of all outputs")
    crawl = luigi.Parameter(description="Common Crawl id, e.g. CC-MAIN-2025-08")
    limit = luigi.IntParameter(description="how many WARC files (~1 GB each)")
    select = luigi.ChoiceParameter(choices=["sample", "range"], default="sample",
                                   description="a seeded sample, or the files from 'start' on")
    start = luigi.IntParameter(default=0, description="first file of a range")
    seed = luigi.IntParameter(default=0, description="seed of the sample")
    base_url = luigi.Parameter(default=DEFAULT_BASE_URL, description="Common Crawl base URL")

    def output(self):
        which = f"range-{self.start}" if self.select == "range" else f"sample-{self.seed}"
        return luigi.LocalTarget(str(warc_cache(self.build_dir) / self.crawl
                                     / f"selected-{which}-{self.limit}.txt"))

    def run(self):
        listing = warc_cache(self.build_dir) / self.crawl / "warc.paths.gz"
        url = listing_url(self.crawl, "warc", self.base_url)
        if not listing.is_file():
            data = HttpClient().get_bytes(url)
            with atomic_path(listing) as tmp:
                tmp.write_bytes(data)
        paths = parse_listing(listing.read_bytes(), url)
        chosen = select_paths(paths, self.limit, mode=self.select, seed=self.seed,
                              start=self.start)
        log.info("%s: chose %d of %d WARC files (%s)", self.crawl, len(chosen), len(paths),
                 self.select)
        with atomic_path(self.output().path) as tmp:
            tmp.write_text("".join(f"{p}\n" for p in chosen), encoding="utf-8")

    def paths(self) -> list[str]:
        return Path(self.output().path).read_text(encoding="utf-8").split()


class QueryIndex(LanguageTask):
    """Select the language's captures: CLD2 label (from the registry) and/or top-level
    domains in a columnar index or a user's table, and/or a URL pattern in the CDX
    API. The output is a selection file (Parquet) named by the query."""

    index = luigi.Parameter(default="", description="columnar index Parquet files, or a table "
                            "of warc_filename/warc_record_offset/warc_record_length (paths, "
                            "globs or URLs, comma separated)")
    tlds = luigi.ListParameter(default=(), description="top-level domains, e.g. ['tz', 'ke']")
    cdx = luigi.Parameter(default="", description="URL pattern for the CDX API, e.g. *.go.tz")
    cdx_url = luigi.Parameter(default=DEFAULT_CDX_URL, description="CDX server")
    crawl = luigi.Parameter(default="", description="keep captures of this crawl only")
    limit = luigi.IntParameter(default=0, description="at most this many records (0: all)")

    def output(self):
        key = stable_id(self.index, ",".join(self.tlds), self.cdx, self.cdx_url, self.crawl,
                        str(self.limit))
        return luigi.LocalTarget(str(self.stage_dir("select", f"selection-{key}.parquet")))

    def run(self):
        lang = self.config.lang
        cld2 = lang if lang.label("cld2") else None
        if not (self.index or self.cdx):
            raise ConfigError("QueryIndex needs an index table or a CDX URL pattern")
        if self.index and cld2 is None and not self.tlds:
            raise ConfigError(f"{lang.code} has no CLD2 label in the language registry: "
                              "select its records by top-level domain (--tld)")
        records = []
        if self.index:
            sources = [s.strip() for s in self.index.split(",") if s.strip()]
            records += query_index(sources, IndexQuery(
                language=cld2, tlds=tuple(self.tlds), crawl=self.crawl or None,
                limit=self.limit or None))
        if self.cdx:
            if not self.crawl:
                raise ConfigError("a CDX query needs the crawl (--cc-crawl CC-MAIN-...)")
            records += query_cdx(self.cdx, self.crawl, HttpClient(), cdx_url=self.cdx_url,
                                 language=cld2, limit=self.limit or None)
        count = write_selection(sorted(set(records)), self.output().path)
        log.info("%s: the index offered %d records", lang.code, count)


def plan(task: luigi.Task) -> luigi.Task:
    """Run a planning task (``ListCrawl``, ``QueryIndex``) unless its output exists."""
    if not task.complete():
        task.run()
    return task


def selection_size(path: str) -> int:
    if not Path(path).is_file():
        raise ConfigError(f"selection file {path} does not exist: run the index query first "
                          "(pipelines.language.language_task does)")
    return pq.ParquetFile(path).metadata.num_rows


def shard_params(task: luigi.Task) -> list[dict[str, Any]]:
    """The parameters of each shard of a build (``Deduplicate``'s fan-out): groups of
    ``files_per_shard`` WARC files, or ranges of ``records_per_shard`` selected rows."""
    common = {"crawl": task.crawl, "base_url": task.base_url, "stream": task.stream}
    if task.selection:
        ranges = selection_shards(selection_size(task.selection), task.records_per_shard)
        return [{"shard": i, "selection": task.selection, "rows": rows, **common}
                for i, rows in enumerate(ranges)]
    groups = shard_groups(sorted(task.warcs), task.files_per_shard)
    return [{"shard": i, "warcs": tuple(group), **common} for i, group in enumerate(groups)]


# -- fetching: one task per shard ---------------------------------------------------------

class DownloadWarcs(luigi.Task):
    """Download one shard's remote WARC files into the shared cache (resume, retries,
    integrity check). The output records each file, or the failures (URL: cause)."""

    task_namespace = "langforge"

    build_dir = luigi.Parameter(default="build", description="root of all outputs")
    paths = luigi.ListParameter(description="URLs or Common Crawl paths of the shard's files")
    base_url = luigi.Parameter(default=DEFAULT_BASE_URL, description="Common Crawl base URL")

    def output(self):
        first = cache_path(self.build_dir, self.paths[0])
        return luigi.LocalTarget(str(first.parent / "_shards"
                                     / f"{first.name}-{stable_id(*self.paths)}.json"))

    def run(self):
        urls = [resolve_url(p, self.base_url) for p in self.paths]
        dests = [cache_path(self.build_dir, p) for p in self.paths]
        try:
            report = download_warcs(urls, dests, HttpClient())
        except FetchError as exc:
            report = exc.report
            for url, cause in report.failures.items():
                log.error("download of %s failed: %s", url, cause)
        write_json(self.output().path, {
            "files": [{"url": d.url, "path": str(d.path), "size_bytes": d.size_bytes,
                       "transferred_bytes": d.transferred_bytes, "reused": d.reused}
                      for d in report.downloads],
            "failures": report.failures,
        })

    def failures(self) -> dict[str, str]:
        return read_json(self.output().path)["failures"]


class SelectionFile(luigi.ExternalTask):
    """A selection file written by ``QueryIndex`` (before the graph was built)."""

    task_namespace = "langforge"
    path = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(self.path)


class FetchRecords(LanguageTask):
    """Fetch rows ``rows`` of a selection by HTTP Range into one local WARC shard,
    with a manifest of what the index said of each record (CLD2 languages)."""

    shard = luigi.IntParameter(description="shard number")
    selection = luigi.Parameter(description="selection file (Parquet) from QueryIndex")
    rows = luigi.TupleParameter(description="(start, stop) rows of the selection")
    base_url = luigi.Parameter(default=DEFAULT_BASE_URL, description="Common Crawl base URL")
    max_gap_bytes = luigi.IntParameter(default=0, description="fetch neighbouring records "
                                       "with one request when at most this far apart")

    def requires(self):
        return SelectionFile(path=self.selection)

    def output(self):
        return self.success_target(self.stage_dir("fetch", f"shard-{self.shard:05d}"))

    def run(self):
        records = read_selection(self.selection, *self.rows)
        with stage_output(Path(self.output().path).parent) as out:
            stats = out.stats("fetch")
            rejected: list = []  # replayed into the shard's rejects only on success
            attempt = StageStats("fetch", on_reject=rejected.append)
            try:
                report = fetch_records(records, out.dir / RECORDS_NAME, client=HttpClient(),
                                       base_url=self.base_url, max_gap_bytes=self.max_gap_bytes,
                                       stats=attempt)
            except FetchError as exc:
                log.error("fetch shard %d failed: %s", self.shard, exc)
                write_json(out.dir / FAILURE_NAME, {"error": str(exc)})
                for record in records:
                    stats.count_in()
                    stats.reject(_record_page(record), "fetch_failed", error=str(exc))
                return
            stats.merge(attempt)
            for rejection in rejected:
                out.rejects(rejection)
            pq.write_table(pa.Table.from_pylist(report.manifest, schema=_MANIFEST_SCHEMA),
                           out.dir / MANIFEST_NAME)


_MANIFEST_SCHEMA = pa.schema([
    ("shard_offset", pa.int64()), ("warc_filename", pa.string()),
    ("warc_record_offset", pa.int64()), ("warc_record_length", pa.int64()),
    ("url", pa.string()), ("crawl", pa.string()), ("content_languages", pa.string()),
])


def _record_page(record) -> WebPage:
    return WebPage(url=record.url or "", content=b"", record_id="",
                   source=f"{record.warc_filename}@{record.warc_record_offset}",
                   crawl=record.crawl)


# -- what ExtractShard reads ------------------------------------------------------------

def source_tasks(shard: luigi.Task) -> list[luigi.Task]:
    """The fetch tasks an ``ExtractShard`` needs besides its local files."""
    if shard.selection:
        return [FetchRecords(language=shard.language, build_dir=shard.build_dir,
                             shard=shard.shard, selection=shard.selection, rows=shard.rows,
                             base_url=shard.base_url)]
    remote = [w for w in shard.warcs if is_remote(w)]
    if remote and not shard.stream:
        return [DownloadWarcs(build_dir=shard.build_dir, paths=tuple(remote),
                              base_url=shard.base_url)]
    return []


def shard_inputs(shard: luigi.Task) -> Iterator:
    """What an ``ExtractShard`` reads, in order: local paths, cached downloads, or
    streams of remote files (opened one at a time, closed when the next is asked
    for). Nothing for a shard whose fetch failed or fetched no record."""
    if shard.selection:
        fetched = Path(FetchRecords(language=shard.language, build_dir=shard.build_dir,
                                    shard=shard.shard, selection=shard.selection,
                                    rows=shard.rows).output().path).parent
        if _fetch_failure(fetched) is None and _fetched_count(fetched):
            yield str(fetched / RECORDS_NAME)
        return
    failed = set()
    for task in source_tasks(shard):
        failed |= set(task.failures())
    client = HttpClient() if shard.stream else None
    for item in shard.warcs:
        if not is_remote(item):
            yield item
        elif shard.stream:
            stream = open_warc(resolve_url(item, shard.base_url), client)
            try:
                yield stream
            finally:
                stream.close()
        elif resolve_url(item, shard.base_url) not in failed:
            yield str(cache_path(shard.build_dir, item))


def _fetch_failure(directory: Path) -> str | None:
    path = directory / FAILURE_NAME
    return read_json(path)["error"] if path.is_file() else None


def _fetched_count(directory: Path) -> int:
    stats = read_json(directory / STATS)
    return sum(s["docs_out"] for s in stats if s["stage"] == "fetch")


# -- failed shards: listing them, retrying them ------------------------------------------

def _graph(root: luigi.Task) -> tuple[dict[str, luigi.Task], dict[str, set[str]]]:
    """Every task under ``root`` and, for each, the tasks that require it."""
    tasks, parents, todo = {root.task_id: root}, {}, [root]
    while todo:
        task = todo.pop()
        for dep in luigi.task.flatten(task.requires()):
            parents.setdefault(dep.task_id, set()).add(task.task_id)
            if dep.task_id not in tasks:
                tasks[dep.task_id] = dep
                todo.append(dep)
    return tasks, parents


def shard_failures(task: luigi.Task) -> list[str]:
    """Why a finished fetch task failed (one line per failed URL), or ``[]``."""
    if not task.complete():
        return []
    if isinstance(task, DownloadWarcs):
        return list(task.failures().values())
    if isinstance(task, FetchRecords):
        error = _fetch_failure(Path(task.output().path).parent)
        return [error] if error else []
    return []


def failed_shards(root: luigi.Task) -> list[str]:
    """``shard-00001: cannot fetch <url> ...: <cause>`` for every failed shard."""
    tasks, _ = _graph(root)
    lines = []
    for task in tasks.values():
        if task.get_task_family() == "langforge.ExtractShard":
            for source in source_tasks(task):
                lines += [f"shard-{task.shard:05d}: {cause}" for cause in shard_failures(source)]
    return sorted(lines)


def reset_failed_shards(root: luigi.Task) -> list[str]:
    """Remove the outputs of failed fetch tasks and of every task that depends on
    them, so that the next run retries the shards and rebuilds what used them.
    Returns the failures that were reset.

    A download shard is shared by the languages of a build dir: when another
    language's run already retried it, this language's finished summary still
    names the shard, and that is enough to rebuild it here."""
    tasks, parents = _graph(root)
    failed = {tid: shard_failures(t) for tid, t in tasks.items()
              if isinstance(t, (DownloadWarcs, FetchRecords))}
    failed = {tid: causes for tid, causes in failed.items() if causes}
    summary = Path(getattr(root, "lang_dir", "")) / "summary.json"
    if isinstance(root, LanguageTask) and summary.is_file():
        listed = {line.split(":", 1)[0] for line in read_json(summary).get("failed_shards", [])}
        for tid, task in tasks.items():
            if task.get_task_family() == "langforge.ExtractShard" and task.complete() \
                    and f"shard-{task.shard:05d}" in listed \
                    and not any(s.task_id in failed for s in source_tasks(task)):
                failed[tid] = [f"shard-{task.shard:05d} failed in the last build"]
    stale, todo = set(failed), list(failed)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in stale:
                stale.add(parent)
                todo.append(parent)
    for tid in sorted(stale):
        for target in luigi.task.flatten(tasks[tid].output()):
            path = Path(target.path)
            if path.name == "_SUCCESS" and path.parent.is_dir():
                shutil.rmtree(path.parent)
            elif path.is_file():
                path.unlink()
    causes = sorted(c for cs in failed.values() for c in cs)
    for cause in causes:
        log.info("retrying the shard that failed last time: %s", cause)
    return causes


# -- acquisition counts for the summary --------------------------------------------------

def _cld2_codes(value: Any) -> list[str]:
    """CLD2 language codes from the WARC metadata dict or the index's string."""
    if isinstance(value, str):
        return [c.strip() for c in value.split(",") if c.strip()]
    if isinstance(value, dict):
        return [str(x.get("code-iso-639-3") or x.get("code") or "")
                for x in value.get("languages") or [] if isinstance(x, dict)]
    return []


def _doc_rows(path: Path) -> Iterable[dict]:
    if not path.is_file():
        return []
    table = pq.read_table(path, columns=["source", "metadata"])
    return table.to_pylist()


def _count_docs(path: Path, label: str | None, manifest: dict[int, dict],
                crawl: str) -> dict[str, dict[str, int]]:
    """Per crawl: documents, and those CLD2 labelled with the language."""
    counts: dict[str, dict[str, int]] = {}
    for row in _doc_rows(path):
        metadata = json.loads(row["metadata"] or "{}")
        offset = row["source"].rpartition("@")[2]
        indexed = manifest.get(int(offset)) if offset.isdigit() else None
        if indexed is not None:
            doc_crawl, languages = indexed["crawl"], indexed["content_languages"]
        else:
            doc_crawl, languages = metadata.get("crawl"), metadata.get("cld2")
        entry = counts.setdefault(doc_crawl or crawl or "unknown", {"docs": 0, "cld2": 0})
        entry["docs"] += 1
        entry["cld2"] += int(label is not None and label in _cld2_codes(languages))
    return counts


def acquisition_summary(root: luigi.Task, label: str | None) -> dict[str, Any]:
    """How the build got its bytes, and per crawl: records the index offered and
    fetched, documents that reached our LID and were kept by it, and how many of
    each CLD2 (Common Crawl's detector, ``label``) had labelled as the language.
    ``cld2_recall_frac`` takes our LID as the reference: the share of the documents
    it kept that CLD2 had also found."""
    tasks, _ = _graph(root)
    by_crawl: dict[str, dict[str, int]] = {}
    files = {"files": 0, "files_reused": 0, "bytes_transferred": 0}
    fetch = {"ranges_requested": 0, "bytes_fetched": 0}
    method = "local"

    def add(crawl: str, **values: int) -> None:
        entry = by_crawl.setdefault(crawl, {})
        for key, value in values.items():
            entry[key] = entry.get(key, 0) + value

    for task in tasks.values():
        if isinstance(task, DownloadWarcs) and task.complete():
            method = "crawl"
            for item in read_json(task.output().path)["files"]:
                files["files"] += 1
                files["files_reused"] += int(item["reused"])
                files["bytes_transferred"] += item["transferred_bytes"]
        if task.get_task_family() != "langforge.IdentifyShard" or not task.complete():
            continue
        shard = task.requires()
        manifest: dict[int, dict] = {}
        if shard.selection:
            method = "index"
            fetched = Path(source_tasks(shard)[0].output().path).parent
            for stats in read_json(fetched / STATS):
                for key, value in stats["extra"].items():
                    name, _, crawl = key.partition(":")
                    if crawl and name in ("records_offered", "records_fetched"):
                        add(crawl, **{name: value})
                    elif name in fetch:
                        fetch[name] += value
            if (fetched / MANIFEST_NAME).is_file():
                manifest = {row["shard_offset"]: row
                            for row in pq.read_table(fetched / MANIFEST_NAME).to_pylist()}
        elif shard.stream and any(is_remote(w) for w in shard.warcs):
            method = "stream"
        extracted = Path(shard.output().path).parent / DOCS_NAME
        kept = Path(task.output().path).parent / DOCS_NAME
        for which, path in (("lid_in", extracted), ("lid_kept", kept)):
            for crawl, counts in _count_docs(path, label, manifest, task.crawl).items():
                add(crawl, **{which: counts["docs"], f"{which}_cld2_labelled": counts["cld2"]})
    for entry in by_crawl.values():
        kept, agreed = entry.get("lid_kept", 0), entry.get("lid_kept_cld2_labelled", 0)
        entry["cld2_recall_frac"] = round(agreed / kept, 4) if kept else None
    summary: dict[str, Any] = {"method": method, "cld2_label": label,
                               "by_crawl": dict(sorted(by_crawl.items()))}
    if getattr(root, "selection", ""):
        summary["selection"] = root.selection
    if method == "crawl":
        summary.update(files)
    if method == "index":
        summary.update(fetch)
    return summary
