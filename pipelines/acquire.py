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

import logging
from pathlib import Path

import luigi
import pyarrow as pa
import pyarrow.parquet as pq

from langforge.acquisition import (FAILURE_NAME, MANIFEST_NAME, RECORDS_NAME, cache_path,
                                   download_manifest, remote_files, warc_cache)
from langforge.build import reveal, selection_rows
from langforge.document import StageStats, WebPage, stable_id
from langforge.errors import ConfigError, FetchError
from langforge.languages import get_language
from langforge.sources.cc_listing import listing_url, parse_listing
from langforge.sources.http import redact_url


def redact_text(text: str, url: str) -> str:
    """``text`` (an error message) with ``url`` in it redacted."""
    return str(text).replace(url, redact_url(url))
from langforge.sources.commoncrawl import (
    DEFAULT_BASE_URL, DEFAULT_CDX_URL, HttpClient, IndexQuery, download_warcs, fetch_records,
    query_cdx, query_index, read_selection, resolve_url, select_paths, write_selection)
from langforge.storage import atomic_path, read_json, write_json
from langforge.store import input_exists
from pipelines.base import ShardTask, stage_output

log = logging.getLogger("langforge.pipeline")


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
    base_url = luigi.Parameter(default=DEFAULT_BASE_URL, significant=False,
                               description="Common Crawl base URL (not in the task's name: it "
                               "may carry credentials)")

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


class QueryIndex(luigi.Task):
    """Select the language's captures: CLD2 label (from the registry) and/or top-level
    domains in a columnar index or a user's table, and/or a URL pattern in the CDX
    API. The output is a selection file (Parquet) named by the query."""

    task_namespace = "langforge"

    language = luigi.Parameter(description="canonical language code, e.g. swh_Latn")
    build_dir = luigi.Parameter(default="build", description="root of all outputs")

    index = luigi.Parameter(default="", description="columnar index Parquet files, or a table "
                            "of warc_filename/warc_record_offset/warc_record_length (paths, "
                            "globs or URLs, comma separated)")
    tlds = luigi.ListParameter(default=(), description="top-level domains, e.g. ['tz', 'ke']")
    cdx = luigi.Parameter(default="", description="URL pattern for the CDX API, e.g. *.go.tz")
    cdx_url = luigi.Parameter(default=DEFAULT_CDX_URL, significant=False,
                              description="CDX server (not in the task's name)")
    crawl = luigi.Parameter(default="", description="keep captures of this crawl only")
    limit = luigi.IntParameter(default=0, description="at most this many records (0: all)")

    def output(self):
        key = stable_id(self.index, ",".join(self.tlds), self.cdx, self.cdx_url, self.crawl,
                        str(self.limit))
        return luigi.LocalTarget(str(Path(self.build_dir) / self.language / "select"
                                     / f"selection-{key}.parquet"))

    def run(self):
        lang = get_language(self.language)
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


selection_size = selection_rows


# -- fetching: one task per shard ---------------------------------------------------------

class DownloadWarcs(ShardTask):
    """Download one shard's remote WARC files into the shared cache (resume, retries,
    integrity check). The output records each file, or the failures (URL: cause)."""

    @property
    def paths(self) -> tuple[str, ...]:
        return remote_files(self.layout, self.shard)

    def output(self):
        return luigi.LocalTarget(str(download_manifest(self.build_dir, self.paths)))

    def run(self):
        urls = [resolve_url(reveal(p), self.base_url) for p in self.paths]
        dests = [cache_path(self.build_dir, p) for p in self.paths]
        try:
            report = download_warcs(urls, dests, HttpClient())
        except FetchError as exc:
            report = exc.report
            for url, cause in report.failures.items():
                log.error("download of %s failed: %s", redact_url(url), redact_text(cause, url))
        # URLs as logs show them: no password or signed query value reaches the cache.
        write_json(self.output().path, {
            "files": [{"url": redact_url(d.url), "path": str(d.path),
                       "size_bytes": d.size_bytes, "transferred_bytes": d.transferred_bytes,
                       "reused": d.reused} for d in report.downloads],
            "failures": {redact_url(url): redact_text(cause, url)
                         for url, cause in report.failures.items()},
        })

    def failures(self) -> dict[str, str]:
        return read_json(self.output().path)["failures"]


class SelectionFile(luigi.ExternalTask):
    """A selection file written by ``QueryIndex`` (before the graph was built)."""

    task_namespace = "langforge"
    path = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(self.path)

    def complete(self):  # on a store build the selection is an object of the store
        return input_exists(self.path)


class FetchRecords(ShardTask):
    """Fetch one shard's rows of the index selection by HTTP Range into one local
    WARC shard, with a manifest of what the index said of each record (CLD2 languages)."""

    max_gap_bytes = luigi.IntParameter(default=0, description="fetch neighbouring records "
                                       "with one request when at most this far apart")

    def requires(self):
        return SelectionFile(path=self.selection)

    def output(self):
        return self.success_target(self.shard_dir("fetch"))

    def run(self):
        records = read_selection(self.selection, *self.rows)
        with stage_output(Path(self.output().path).parent, task=self) as out:
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


# -- what ExtractShard needs ------------------------------------------------------------

def source_tasks(shard: ShardTask) -> list[luigi.Task]:
    """The fetch tasks an ``ExtractShard`` needs besides its local files."""
    params = dict(shard.build_params(), shard=shard.shard)
    if shard.selection:
        return [FetchRecords(**params)]
    if remote_files(shard.layout, shard.shard):
        return [DownloadWarcs(**params)]
    return []
