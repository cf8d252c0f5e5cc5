"""Fetch selected Common Crawl records by HTTP Range into a local WARC shard.

Common Crawl compresses every record as its own gzip member, so a record's bytes
(``warc_record_offset``, ``warc_record_length`` from the index) are a complete
``.warc.gz`` by themselves, and concatenating them gives a valid WARC file with
the original headers. Neighbouring records in the same file are fetched with one
request (coalesced) when the gap between them is at most ``max_gap_bytes``; gap
bytes are downloaded and dropped, so 0 fetches exactly the selected bytes.

Each record is checked to be one complete gzip member holding a WARC record.
Bytes that are not (a range answered short, shifted, or with another record's
bytes) are a fault of the transfer: the request is retried with backoff, and when
the retry budget is spent the whole shard fails with ``FetchError`` (nothing is
written), so the pipeline lists it as failed and a rerun tries again. A record is
never dropped silently for it. (An index row whose offset or length is wrong
fails the same way, loudly, naming the record.)
"""

from __future__ import annotations

import logging
import os
import zlib
from collections import Counter, deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from langforge.document import StageStats
from langforge.errors import ConfigError, InputError
from langforge.sources.cc_index import IndexRecord
from langforge.sources.cc_listing import DEFAULT_BASE_URL, resolve_url
from langforge.sources.http import HttpClient, Progress, TransientError
from langforge.storage import atomic_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RangeGroup:
    """One Range request: bytes ``start`` to ``end`` (exclusive) of one WARC file,
    covering ``records`` in offset order."""

    warc_filename: str
    start: int
    end: int
    records: tuple[IndexRecord, ...]

    @property
    def length(self) -> int:
        return self.end - self.start


def coalesce(records: Iterable[IndexRecord], *, max_gap_bytes: int = 0,
             max_group_bytes: int = 8 << 20) -> list[RangeGroup]:
    """Group records into Range requests, in (file, offset) order.

    Exact duplicates collapse into one record; records that overlap without being
    identical mean a corrupt index.

    Raises:
        ConfigError: negative gap or non-positive group size.
        InputError: a record has a negative offset, a non-positive length, or
            overlaps another.
    """
    if max_gap_bytes < 0 or max_group_bytes < 1:
        raise ConfigError("max_gap_bytes must be >= 0 and max_group_bytes >= 1")
    unique = {(r.warc_filename, r.warc_record_offset, r.warc_record_length): r for r in records}
    groups: list[RangeGroup] = []
    current: list[IndexRecord] = []
    for key in sorted(unique):
        record = unique[key]
        if record.warc_record_offset < 0 or record.warc_record_length < 1:
            raise InputError(f"index row for {record.warc_filename} has offset "
                             f"{record.warc_record_offset} and length "
                             f"{record.warc_record_length}")
        if current and current[-1].warc_filename == record.warc_filename:
            previous = current[-1]
            if record.warc_record_offset < previous.end:
                raise InputError(
                    f"index rows overlap in {record.warc_filename}: bytes "
                    f"{previous.warc_record_offset}+{previous.warc_record_length} and "
                    f"{record.warc_record_offset}+{record.warc_record_length}")
            gap = record.warc_record_offset - previous.end
            span = record.end - current[0].warc_record_offset
            if gap <= max_gap_bytes and span <= max_group_bytes:
                current.append(record)
                continue
        if current:
            groups.append(_group(current))
        current = [record]
    if current:
        groups.append(_group(current))
    return groups


def _group(records: list[IndexRecord]) -> RangeGroup:
    return RangeGroup(records[0].warc_filename, records[0].warc_record_offset,
                      records[-1].end, tuple(records))


def record_problem(data: bytes, url: str | None = None) -> str | None:
    """Why ``data`` is not one whole gzip member holding a WARC record (of ``url``,
    when given), or None."""
    member = zlib.decompressobj(wbits=31)
    try:
        head = member.decompress(data, 8192)
        tail = member.unconsumed_tail
        while not member.eof:  # decompress in bounded pieces; only eof matters
            produced = member.decompress(tail, 1 << 20)
            tail = member.unconsumed_tail
            if not produced and not tail:
                break
    except zlib.error as exc:
        return f"not a gzip member ({exc})"
    if not member.eof:
        return "gzip member cut short"
    if member.unused_data:
        return f"{len(member.unused_data)} bytes after the gzip member"
    if not head.startswith(b"WARC/"):
        return "member does not hold a WARC record"
    target = _target_uri(head)
    if url and target is not None and target != url.strip():
        return f"member holds the record of {target[:200]!r}, not of {url[:200]!r}"
    return None


def _target_uri(head: bytes) -> str | None:
    block = head.split(b"\r\n\r\n", 1)[0]
    for line in block.split(b"\r\n"):
        name, sep, value = line.partition(b":")
        if sep and name.strip().lower() == b"warc-target-uri":
            return value.strip().strip(b"<>").decode("utf-8", "replace")
    return None


@dataclass
class FetchReport:
    """What one fetch shard did. ``bytes_fetched`` counts every byte requested
    (gaps of coalesced ranges included); ``bytes_written`` the records kept."""

    path: str
    records_offered: int = 0
    records_fetched: int = 0
    ranges_requested: int = 0
    bytes_fetched: int = 0
    bytes_written: int = 0
    by_crawl: dict[str, Counter] = field(default_factory=dict)
    manifest: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "records_offered": self.records_offered,
            "records_fetched": self.records_fetched,
            "ranges_requested": self.ranges_requested, "bytes_fetched": self.bytes_fetched,
            "bytes_written": self.bytes_written,
            "by_crawl": {crawl: dict(counts) for crawl, counts in sorted(self.by_crawl.items())},
        }


def _ordered_map(pool: ThreadPoolExecutor, func, items: Sequence, window: int) -> Iterator:
    """``pool.map`` with at most ``window`` tasks in flight (memory stays bounded)."""
    pending: deque[Future] = deque()
    for item in items:
        pending.append(pool.submit(func, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def fetch_records(records: Iterable[IndexRecord], dest: str | os.PathLike, *,
                  client: HttpClient | None = None, base_url: str = DEFAULT_BASE_URL,
                  max_gap_bytes: int = 0, max_group_bytes: int = 8 << 20,
                  max_workers: int = 4, stats: StageStats | None = None) -> FetchReport:
    """Fetch ``records`` by Range requests and write them, original bytes in (file,
    offset) order, as one WARC shard at ``dest`` (atomically).

    ``stats`` counts records offered (in) and fetched (out). Counts per crawl
    (offered, fetched) go to ``stats.extra`` and the report.

    Raises:
        FetchError: a range could not be fetched within the retry budget, or its
            bytes were not the records asked for on every attempt; the shard is
            not written.
    """
    client = client or HttpClient()
    records = list(records)
    groups = coalesce(records, max_gap_bytes=max_gap_bytes, max_group_bytes=max_group_bytes)
    report = FetchReport(path=str(dest), ranges_requested=len(groups),
                         bytes_fetched=sum(g.length for g in groups))
    stats = stats if stats is not None else StageStats("fetch")

    def fetch(group: RangeGroup) -> bytes:
        url = resolve_url(group.warc_filename, base_url)
        return client.get_bytes(url, start=group.start, end=group.end - 1,
                                check=lambda data: _check_group(group, data))

    total_records = sum(len(g.records) for g in groups)
    with atomic_path(dest) as tmp, tmp.open("wb") as out, \
            ThreadPoolExecutor(max_workers=max(1, max_workers)) as pool, \
            Progress(f"records -> {Path(dest).name}", total_records, unit="records") as progress:
        for group, data in zip(groups, _ordered_map(pool, fetch, groups, 2 * max(1, max_workers))):
            for record in group.records:
                _take(record, group, data, out, report, stats)
                progress.update(1)
        out.flush()
        os.fsync(out.fileno())
    for crawl, counts in report.by_crawl.items():
        for key, value in counts.items():
            stats.extra[f"{key}:{crawl}"] = stats.extra.get(f"{key}:{crawl}", 0) + value
    for key in ("records_offered", "records_fetched", "ranges_requested",
                "bytes_fetched", "bytes_written"):
        stats.extra[key] = stats.extra.get(key, 0) + getattr(report, key)
    return report


def _check_group(group: RangeGroup, data: bytes) -> None:
    """Raise ``TransientError`` unless every record of the group is a whole record
    in ``data`` (then the attempt is retried)."""
    for record in group.records:
        start = record.warc_record_offset - group.start
        problem = record_problem(data[start:start + record.warc_record_length], record.url)
        if problem is not None:
            raise TransientError(
                f"bytes {record.warc_record_offset}+{record.warc_record_length} of "
                f"{record.warc_filename} are not the WARC record asked for: {problem}")


def _take(record: IndexRecord, group: RangeGroup, data: bytes, out, report: FetchReport,
          stats: StageStats) -> None:
    """Append one record's (checked) bytes to the shard."""
    crawl = record.crawl or "unknown"
    counts = report.by_crawl.setdefault(crawl, Counter())
    counts["records_offered"] += 1
    report.records_offered += 1
    stats.count_in()
    start = record.warc_record_offset - group.start
    chunk = data[start:start + record.warc_record_length]
    report.manifest.append({
        "shard_offset": out.tell(), "warc_filename": record.warc_filename,
        "warc_record_offset": record.warc_record_offset,
        "warc_record_length": record.warc_record_length, "url": record.url,
        "crawl": record.crawl, "content_languages": record.content_languages,
    })
    out.write(chunk)
    report.records_fetched += 1
    report.bytes_written += len(chunk)
    counts["records_fetched"] += 1
    # A fetched record is not yet a Document (extraction comes next), so the
    # output side is counted directly rather than through count_out(doc).
    stats.docs_out += 1


def selection_shards(num_records: int, per_shard: int) -> list[tuple[int, int]]:
    """``(start, stop)`` row ranges of a selection file, ``per_shard`` records each:
    one fetch task per range."""
    if per_shard < 1:
        raise ConfigError(f"records per shard must be >= 1, got {per_shard}")
    return [(i, min(i + per_shard, num_records)) for i in range(0, num_records, per_shard)]
