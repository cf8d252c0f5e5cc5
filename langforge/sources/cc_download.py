"""Whole WARC files over HTTP: resumable downloads, integrity checks, streaming.

A file is downloaded into ``<dest>.part`` (a stable name, so a killed run resumes
where it stopped with a Range request), checked, and only then renamed to
``<dest>``: a file at ``dest`` is always whole, and a rerun never downloads it
again. The check walks every gzip member to its end and every WARC record to its
declared length, verifying the records' block digests where they carry one.
"""

from __future__ import annotations

import io
import logging
import os
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Sequence

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from langforge.errors import FetchError, InputError
from langforge.sources.http import HttpClient, PermanentError, Progress, redact_url

log = logging.getLogger(__name__)

_READ_BYTES = 1 << 20


@dataclass(frozen=True)
class WarcCheck:
    """What an integrity check found: size, gzip members (0: not gzipped), records."""

    size_bytes: int
    gzip_members: int
    records: int


def _count_gzip_members(fileobj: BinaryIO, name: str) -> int:
    """Decompress every member to its end; a member cut short is an error."""
    members = 0
    member = None
    offset = 0
    while chunk := fileobj.read(_READ_BYTES):
        offset += len(chunk)
        while chunk:
            if member is None:
                member = zlib.decompressobj(wbits=31)
                members += 1
            try:
                member.decompress(chunk)
            except zlib.error as exc:
                raise InputError(f"{name}: gzip member {members} is corrupt ({exc})") from exc
            if member.eof:
                chunk, member = member.unused_data, None
            else:
                chunk = b""
    if member is not None:
        raise InputError(f"{name}: gzip member {members} is cut short at byte {offset:,} "
                         "(truncated file)")
    return members


def check_warc(path: str | os.PathLike, digests: bool = False) -> WarcCheck:
    """Verify that a WARC file is whole: complete gzip members and complete records;
    with ``digests``, also the records' SHA-1 digests (3x slower: ~15 MB/s against
    ~45 MB/s without, in one process).

    Raises:
        InputError: the file is truncated or corrupt (the message says where).
    """
    path = Path(path)
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path}: empty file")
    with path.open("rb") as handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        members = _count_gzip_members(handle, str(path)) if gzipped else 0
        handle.seek(0)
        records = 0
        iterator = ArchiveIterator(handle, check_digests="raise" if digests else False)
        try:
            for record in iterator:
                iterator.read_to_end(record)
                records += 1
                if record.raw_stream.limit:
                    raise InputError(
                        f"{path}: record {records} ({record.rec_type}) is "
                        f"{record.raw_stream.limit:,} bytes short of its Content-Length")
        except ArchiveLoadFailed as exc:
            raise InputError(f"{path}: not a valid WARC after {records} records "
                             f"({str(exc).strip().splitlines()[0]})") from exc
    if records == 0:
        raise InputError(f"{path}: no WARC record")
    return WarcCheck(size_bytes=size, gzip_members=members, records=records)


@dataclass(frozen=True)
class Download:
    """One finished download. ``transferred_bytes`` is what this call fetched (0
    when the file was already there); ``records`` is None when not re-checked."""

    url: str
    path: Path
    size_bytes: int
    transferred_bytes: int
    records: int | None
    reused: bool = False


def part_path(dest: str | os.PathLike) -> Path:
    dest = Path(dest)
    return dest.with_name(dest.name + ".part")


def download_warc(url: str, dest: str | os.PathLike, client: HttpClient | None = None, *,
                  verify: bool = True, digests: bool = False) -> Download:
    """Download ``url`` to ``dest``, resuming a ``.part`` file, then check it
    (``check_warc``, when ``verify``) and rename.

    Raises:
        FetchError: the transfer failed after the retry budget (the ``.part`` file
            stays, so a rerun resumes it).
        InputError: the complete file is not a whole WARC (the ``.part`` file is
            removed, so a rerun fetches it afresh).
    """
    dest = Path(dest)
    if dest.is_file():
        return Download(url, dest, dest.stat().st_size, 0, None, reused=True)
    client = client or HttpClient()
    part = part_path(dest)
    part.parent.mkdir(parents=True, exist_ok=True)
    have = part.stat().st_size if part.exists() else 0
    if have:
        log.info("resuming %s at byte %s", redact_url(url), f"{have:,}")
    remote = client.open(url, start=have)
    transferred = 0
    with part.open("ab") as out, Progress(dest.name) as progress:
        try:
            while chunk := remote.read_chunk():
                if progress.total is None and remote.total is not None:
                    progress.set_total(remote.total, done=have)
                out.write(chunk)
                transferred += len(chunk)
                progress.update(len(chunk))
        except FetchError as exc:
            if isinstance(exc.__cause__, PermanentError) and have:
                # The remote file changed or vanished: the partial copy is stale.
                out.close()
                part.unlink()
                raise FetchError(f"{exc} (removed the stale partial file {part})") from exc
            raise
        finally:
            remote.close()
            if not out.closed:  # keep what arrived: a rerun resumes from it
                out.flush()
                os.fsync(out.fileno())
    size = part.stat().st_size
    if remote.total is not None and size != remote.total:
        raise FetchError(f"cannot fetch {redact_url(url)}: local file has {size:,} bytes, the server "
                         f"declared {remote.total:,}")
    records = None
    if verify:
        try:
            records = check_warc(part, digests=digests).records
        except InputError as exc:
            part.unlink()
            raise InputError(f"{redact_url(url)}: downloaded file failed its integrity check: {exc}") from exc
    os.replace(part, dest)
    return Download(url, dest, size, transferred, records)


def open_warc(url: str, client: HttpClient | None = None) -> BinaryIO:
    """A file object streaming ``url`` without keeping it on disk; breaks are resumed
    by Range, so the bytes read are exactly the file's (for ``iter_pages``)."""
    return io.BufferedReader((client or HttpClient()).open(url), buffer_size=_READ_BYTES)


@dataclass
class DownloadReport:
    """The outcome of one shard of downloads: finished files and failures (URL -> cause)."""

    downloads: list[Download] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def transferred_bytes(self) -> int:
        return sum(d.transferred_bytes for d in self.downloads)


def download_warcs(urls: Sequence[str], dest_paths: Sequence[str | os.PathLike],
                   client: HttpClient | None = None, *, max_workers: int = 2,
                   verify: bool = True, digests: bool = False) -> DownloadReport:
    """Download one shard's files, ``max_workers`` at a time.

    Every file is attempted; files that finish stay finished. If any failed, raise
    ``FetchError`` listing each failed URL with its cause (the shard fails, a rerun
    fetches only what is missing).
    """
    if len(urls) != len(dest_paths):
        raise ValueError("urls and dest_paths differ in length")
    client = client or HttpClient()
    report = DownloadReport()

    def one(pair: tuple[str, str | os.PathLike]) -> Download | str:
        url, dest = pair
        try:
            return download_warc(url, dest, client, verify=verify, digests=digests)
        except (FetchError, InputError) as exc:
            return str(exc)

    with ThreadPoolExecutor(max_workers=max(1, max_workers)) as pool:
        for url, outcome in zip(urls, pool.map(one, zip(urls, dest_paths))):
            if isinstance(outcome, Download):
                report.downloads.append(outcome)
            else:
                report.failures[url] = outcome
    if report.failures:
        lines = "\n".join(f"  {cause}" for cause in report.failures.values())
        error = FetchError(f"{len(report.failures)} of {len(urls)} downloads failed:\n{lines}")
        error.report = report  # what did finish, for the run's summary
        raise error
    return report
