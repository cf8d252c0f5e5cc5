"""Where a build's WARC bytes come from, and what happened to them.

The Luigi tasks of ``pipelines.acquire`` download a shard's remote files into a
cache shared by every language of a build dir, or fetch an index selection's
records into a local WARC shard. This module holds what those tasks and the
summary need without Luigi: where the cache keeps a file, what an extraction
shard reads, which shards failed (and resetting them so the next run retries
them), and the per-crawl acquisition counts of the summary.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

import pyarrow.parquet as pq

from langforge.build import Layout, is_remote, reveal
from langforge.document import stable_id
from langforge.sources.commoncrawl import HttpClient, local_path_for, open_warc, resolve_url
from langforge.sources.http import redact_url
from langforge.storage import DOCS_NAME, read_json
from langforge.store import is_store_url, open_store_warc

log = logging.getLogger("langforge.pipeline")

#: The fetched records of one index shard, and what the index said of each.
RECORDS_NAME = "records.warc.gz"
MANIFEST_NAME = "manifest.parquet"
#: Written beside a shard's outputs when its fetch failed (URL and cause).
FAILURE_NAME = "failure.json"
STATS = "stats.json"


# -- where files live ------------------------------------------------------------------

def warc_cache(build_dir: str | Path) -> Path:
    """Root of downloaded WARC files, shared by every language of a build dir."""
    return Path(build_dir) / "cache" / "warc"


def cache_path(build_dir: str | Path, item: str) -> Path:
    """Where a remote WARC is kept: ``<cache>/<crawl>/<rest of its path>`` for Common
    Crawl files (whatever the base URL or mirror), ``<cache>/<host>/<path>`` else."""
    path = urlsplit(item).path if "://" in item else item
    parts = PurePosixPath(path.lstrip("/")).parts
    if len(parts) > 1 and parts[0] == "crawl-data":
        return local_path_for("/".join(parts[1:]), warc_cache(build_dir))
    host = urlsplit(item).hostname or "unknown-host"
    return local_path_for(path, warc_cache(build_dir) / host)


def download_manifest(build_dir: str | Path, paths: tuple[str, ...]) -> Path:
    """The record of one shard's downloads (files, or failures) in the cache."""
    first = cache_path(build_dir, paths[0])
    return first.parent / "_shards" / f"{first.name}-{stable_id(*paths)}.json"


def remote_files(layout: Layout, shard: int) -> tuple[str, ...]:
    """The shard's remote files that are downloaded into the cache (not streamed)."""
    if layout.spec.stream or layout.spec.selection:
        return ()
    return tuple(w for w in layout.spec.shards()[shard].get("warcs", ())
                 if is_remote(w) and not is_store_url(w))


# -- what an extraction shard reads ----------------------------------------------------

def fetch_failure(directory: Path) -> str | None:
    path = directory / FAILURE_NAME
    return read_json(path)["error"] if path.is_file() else None


def _fetched_count(directory: Path) -> int:
    stats = read_json(directory / STATS)
    return sum(s["docs_out"] for s in stats if s["stage"] == "fetch")


def download_failures(build_dir: str | Path, paths: tuple[str, ...]) -> dict[str, str]:
    manifest = download_manifest(build_dir, paths)
    return read_json(manifest)["failures"] if manifest.is_file() else {}


def shard_inputs(layout: Layout, shard: int) -> Iterator:
    """What an extraction shard reads, in order: local paths, cached downloads, or
    streams of remote files (opened one at a time, closed when the next is asked
    for). Nothing for a shard whose fetch failed or fetched no record."""
    spec = layout.spec
    if spec.selection:
        fetched = layout.shard("fetch", shard)
        if fetch_failure(fetched) is None and _fetched_count(fetched):
            yield str(fetched / RECORDS_NAME)
        return
    remote = remote_files(layout, shard)
    failed = set(download_failures(layout.build_dir, remote)) if remote else set()
    client = HttpClient() if spec.stream else None
    base_url = reveal(spec.base_url)
    for item in spec.shards()[shard]["warcs"]:
        if not is_remote(item):
            yield item
        elif is_store_url(item):  # an object on a store: read as a stream
            stream = open_store_warc(reveal(item))
            try:
                yield stream
            finally:
                stream.close()
        elif spec.stream:
            stream = open_warc(resolve_url(reveal(item), base_url), client)
            try:
                yield stream
            finally:
                stream.close()
        elif redact_url(resolve_url(reveal(item), base_url)) not in failed:
            yield str(cache_path(layout.build_dir, item))


# -- failed shards: listing them, retrying them ------------------------------------------

def shard_failures(layout: Layout, shard: int) -> list[str]:
    """Why the shard's fetch or downloads failed (one line per failed URL), or ``[]``."""
    if layout.spec.selection:
        error = fetch_failure(layout.shard("fetch", shard))
        return [error] if error else []
    remote = remote_files(layout, shard)
    return list(download_failures(layout.build_dir, remote).values()) if remote else []


def failed_shards(layout: Layout) -> list[str]:
    """``shard-00001: cannot fetch <url> ...: <cause>`` for every failed shard."""
    return sorted(f"shard-{i:05d}: {cause}" for i in range(layout.shard_count)
                  for cause in shard_failures(layout, i))


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.is_file():
        path.unlink()


def reset_failed_shards(layout: Layout) -> list[str]:
    """Remove the outputs of failed fetches and of everything built on them, so that
    the next run retries the shards and rebuilds what used them. Returns the
    failures that were reset.

    A download shard is shared by the languages of a build dir: when another
    language's run already retried it, this language's finished summary still
    names the shard, and that is enough to rebuild it here."""
    listed: set[str] = set()
    if layout.summary.is_file():
        listed = {line.split(":", 1)[0]
                  for line in read_json(layout.summary).get("failed_shards", [])}
    causes: list[str] = []
    for i in range(layout.shard_count):
        failures = shard_failures(layout, i)
        if not failures and f"shard-{i:05d}" in listed and layout.shard("extract", i).is_dir():
            failures = [f"shard-{i:05d} failed in the last build"]
        if not failures:
            continue
        causes += failures
        remote = remote_files(layout, i)
        if remote:
            _remove(download_manifest(layout.build_dir, remote))
        stages = ("fetch", "extract", "identify", "quality") if layout.spec.selection \
            else ("extract", "identify", "quality")
        for stage in stages:
            _remove(layout.shard(stage, i))
    if causes:
        for path in (layout.dedup, layout.quality_model, layout.dataset_work,
                     layout.tokenizer_work, layout.summary):
            _remove(path)
    for cause in sorted(causes):
        log.info("retrying the shard that failed last time: %s", cause)
    return sorted(causes)


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


def acquisition_summary(layout: Layout, label: str | None) -> dict[str, Any]:
    """How the build got its bytes, and per crawl: records the index offered and
    fetched, documents that reached our LID and were kept by it, and how many of
    each CLD2 (Common Crawl's detector, ``label``) had labelled as the language.
    ``cld2_recall_frac`` takes our LID as the reference: the share of the documents
    it kept that CLD2 had also found."""
    spec = layout.spec
    by_crawl: dict[str, dict[str, int]] = {}
    files = {"files": 0, "files_reused": 0, "bytes_transferred": 0}
    fetch = {"ranges_requested": 0, "bytes_fetched": 0}
    method = "index" if spec.selection else "local"
    if spec.stream and any(is_remote(w) for w in spec.warcs):
        method = "stream"

    def add(crawl: str, **values: int) -> None:
        entry = by_crawl.setdefault(crawl, {})
        for key, value in values.items():
            entry[key] = entry.get(key, 0) + value

    for shard in range(layout.shard_count):
        remote = remote_files(layout, shard)
        manifest_path = download_manifest(layout.build_dir, remote) if remote else None
        if manifest_path is not None and manifest_path.is_file():
            method = "crawl"
            for item in read_json(manifest_path)["files"]:
                files["files"] += 1
                files["files_reused"] += int(item["reused"])
                files["bytes_transferred"] += item["transferred_bytes"]
        identified = layout.shard("identify", shard)
        if not (identified / "_SUCCESS").is_file():
            continue
        manifest: dict[int, dict] = {}
        if spec.selection:
            fetched = layout.shard("fetch", shard)
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
        extracted = layout.shard("extract", shard) / DOCS_NAME
        kept = identified / DOCS_NAME
        for which, path in (("lid_in", extracted), ("lid_kept", kept)):
            for crawl, counts in _count_docs(path, label, manifest, spec.crawl).items():
                add(crawl, **{which: counts["docs"], f"{which}_cld2_labelled": counts["cld2"]})
    for entry in by_crawl.values():
        kept, agreed = entry.get("lid_kept", 0), entry.get("lid_kept_cld2_labelled", 0)
        entry["cld2_recall_frac"] = round(agreed / kept, 4) if kept else None
    summary: dict[str, Any] = {"method": method, "cld2_label": label,
                               "by_crawl": dict(sorted(by_crawl.items()))}
    if method == "crawl":
        summary.update(files)
    if method == "index":
        summary.update(fetch)
    return summary
