"""Read HTML pages out of WARC (and ARC) files, streaming, one ``WebPage`` each.

Only HTTP ``response`` records with status 200 and an HTML-like (or missing)
Content-Type become pages; every other response is counted and rejected under a
named reason. Common Crawl writes its CLD2 language guess in the ``metadata``
record that follows each response, so one page is held back until the next
record has been seen.

Damaged files do not stop a run: a record that cannot be parsed is counted as
``warc_corrupt_record`` and reading resumes at the next record start that can be
found (a gzip member holding a record, or a ``WARC/1.x`` line in an uncompressed
file), a record cut short by the end of the file is ``warc_truncated``, and one
whose declared length does not match its bytes is ``warc_length_mismatch``. Bytes
that belong to no record (junk or a BOM before the first record, garbage or NUL
padding between or after records) are skipped: each skipped range counts once as
``warc_skipped_bytes`` and its size is added to ``stats.extra["warc_skipped_bytes"]``.

A bad input file is input, not a crash: an empty file (``input_empty``), one that
cannot be opened or read, such as a directory or a missing file
(``input_unreadable``), and one that holds no WARC/ARC record
(``input_not_warc``) are counted under that reason, reported once (a log line, or
the caller's ``on_bad_input``), and yield nothing; reading the other files goes on.

Page ids come from the WARC-Record-ID. A record id already used by another page of
the same file (or of the same ``seen_ids`` set) gets an id derived from the
record id and the record's offset and URL, so that no two pages share an id; each
is counted in ``stats.extra["duplicate_record_ids"]``.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import zlib
from collections.abc import Callable, Iterator, MutableSet
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataException
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException
from warcio.timeutils import timestamp_to_iso_date

from langforge.document import StageStats, WebPage
from langforge.errors import InputError
from langforge.sources.record_scan import (GZIP_MAGIC, PADDING, PROBE_BYTES, first_record_in,
                                           is_record_start, leading_junk, next_record_start,
                                           starts_record)

log = logging.getLogger(__name__)

#: Drop reasons of a whole input file that could not be used (counted once per file).
BAD_INPUT_REASONS = ("input_empty", "input_unreadable", "input_not_warc")
#: Reason (and ``stats.extra`` key, in bytes) of bytes that belong to no record.
SKIPPED_BYTES = "warc_skipped_bytes"

HTML_MEDIA_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml",
})

#: Payloads are read at most this far; a larger one (after HTTP Content-Encoding,
#: which can expand a small record enormously) is rejected as ``payload_too_large``.
DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024 * 1024

_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([^"';,\s]+)""", re.IGNORECASE)
# What warcio raises for bytes it cannot parse as a record (or as its HTTP part).
_PARSE_ERRORS = (ArchiveLoadFailed, gzip.BadGzipFile, StatusAndHeadersParserException,
                 ChunkedDataException, zlib.error, ValueError, TypeError, AttributeError,
                 IndexError, KeyError, UnicodeError, EOFError)


def parse_content_type(value: str | None) -> tuple[str, str | None]:
    """The media type (lower case, ``""`` when absent) and charset of a Content-Type."""
    if not value:
        return "", None
    media_type = value.split(";", 1)[0].strip().lower()
    match = _CHARSET_RE.search(value)
    return media_type, (match.group(1) if match else None)


def parse_cld2(block: bytes) -> dict[str, Any] | None:
    """The ``languages-cld2`` JSON of a Common Crawl metadata record, or None."""
    for line in block.splitlines():
        name, sep, value = line.partition(b":")
        if sep and name.strip().lower() == b"languages-cld2":
            try:
                parsed = json.loads(value.strip().decode("utf-8", "replace"))
            except ValueError:
                return None
            return parsed if isinstance(parsed, dict) else None
    return None


def _warc_fields(block: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in block.decode("utf-8", "replace").splitlines():
        name, sep, value = line.partition(":")
        if sep:
            fields.setdefault(name.strip(), value.strip())
    return fields


@dataclass(slots=True)
class _Held:
    """A page waiting for the record after it (CLD2 metadata, or proof of truncation)."""

    page: WebPage | None
    short: bool = False  # the payload ended before the record's declared length


class _Reader:
    def __init__(self, fh: IO[bytes], label: str, stats: StageStats, crawl: str | None,
                 max_payload_bytes: int, on_bad_input: Callable[[InputError], None],
                 seen_ids: MutableSet[str]):
        self.fh = fh
        self.label = label
        self.stats = stats
        self.crawl = crawl
        self.crawl_from_warcinfo: str | None = None
        self.max_payload_bytes = max_payload_bytes
        self.on_bad_input = on_bad_input
        self.seen_ids = seen_ids
        self.seekable = _seekable(fh)
        self.gzipped = False
        self.resync = False  # offsets are file offsets: damage can be skipped by seeking
        self.junk_offset = -2  # where warcio read junk bytes as a record
        self.records_read = 0
        self.last_offset = -1  # start of the last record handled; offsets only grow
        self.held: _Held | None = None
        self.damaged_offset = -2

    def bad_input(self, reason: str, message: str) -> None:
        """Count this whole file as unusable and report it once."""
        self.stats.dropped[reason] += 1
        self.on_bad_input(InputError(f"{self.label}: {message}"))

    def _skip(self, begin: int, end: int) -> None:
        """Count bytes ``begin..end`` (exclusive) that belong to no record."""
        if end > begin:
            self.stats.dropped[SKIPPED_BYTES] += 1
            self.stats.extra[SKIPPED_BYTES] = self.stats.extra.get(SKIPPED_BYTES, 0) + end - begin

    # -- record stream with resynchronisation ------------------------------------------

    def pages(self) -> Iterator[WebPage]:
        start = self.fh.tell() if self.seekable else 0
        gzipped = False
        if self.seekable:
            first = self._first_record(start)
            if first is None:
                return
            offset, gzipped = first
            self.fh.seek(start)
            # blank lines separate uncompressed records anyway: they are no junk
            if gzipped or self.fh.read(offset - start).strip(b"\r\n"):
                self._skip(start, offset)
            start = offset
        else:
            self._skip_stream_junk()
        self.gzipped = gzipped
        single_stream = False  # one gzip stream over all records (not one member each)
        skip = 0
        position: int | None = start
        while position is not None:
            stream: IO[bytes] = self.fh
            if single_stream:
                self.fh.seek(start)
                stream = gzip.GzipFile(fileobj=self.fh, mode="rb")
            elif self.seekable:
                self.fh.seek(position)
            iterator = ArchiveIterator(stream, arc2warc=False)
            self.resync = self.seekable and not single_stream
            error: BaseException | None = None
            errors_before = iterator.err_count
            handled = 0
            try:
                for record in iterator:
                    if skip:
                        skip -= 1
                        continue
                    handled += 1
                    page = self._handle(record, iterator, errors_before)
                    errors_before = iterator.err_count
                    if page is not None:
                        yield page
                    if self.junk_offset == self.last_offset:
                        break  # resume at the next record start after the junk
            except _PARSE_ERRORS as exc:
                error = exc
            if (error is not None and not single_stream and gzipped and position == start
                    and "non-chunked gzip" in str(error)):
                # warcio needs one gzip member per record; read such a file as one
                # stream instead, past the records already handled
                single_stream, skip = True, handled
                self.last_offset, self.damaged_offset = -1, -2
                continue
            if error is not None and not self.seekable and self.records_read == 0:
                # a pure stream: nothing to resynchronise to, and not one record read
                self.bad_input("input_not_warc", "not a WARC/ARC file "
                               f"({error.__class__.__name__}: {_first_line(error)})")
                return
            position = yield from self._after_pass(iterator, error, position,
                                                   can_seek=self.seekable and not single_stream)
        if self.records_read == 0 and not self.seekable:
            # a pure stream is not probed ahead: what warcio consumed tells
            self.bad_input("input_not_warc" if iterator.fh.tell() else "input_empty",
                           "not a WARC/ARC file (it holds no record)")

    def _skip_stream_junk(self) -> None:
        """In a pure stream, skip junk before the first record when the first record
        starts within the first ``PROBE_BYTES`` (what can be looked at ahead)."""
        if not hasattr(self.fh, "peek"):
            if not hasattr(self.fh, "readinto"):
                return
            self.fh = io.BufferedReader(self.fh, PROBE_BYTES)  # type: ignore[arg-type]
        head = self.fh.peek(PROBE_BYTES)[:PROBE_BYTES]
        if not head or starts_record(head, more_may_follow=True):
            return
        first = first_record_in(head)
        if first is not None:
            self._skip(0, first)
            self.fh.read(first)

    def _first_record(self, start: int) -> tuple[int, bool] | None:
        """Where the first record starts and whether it is gzipped; None (the file
        counted as a bad input) when the file holds no record start at all."""
        self.fh.seek(start)
        head = self.fh.read(PROBE_BYTES)
        if not head:
            self.bad_input("input_empty", "not a WARC/ARC file (it holds no record)")
            return None
        # a BOM or blank lines before the first record: the commonest junk
        lead = leading_junk(head)
        if is_record_start(self.fh, start + lead):
            return start + lead, head[lead:].startswith(GZIP_MAGIC[:2])
        offset = next_record_start(self.fh, start)
        if offset is None:
            self.bad_input("input_not_warc", "not a WARC/ARC file (no WARC or ARC record "
                           "found in it)")
            return None
        self.fh.seek(offset)
        return offset, self.fh.read(2) == GZIP_MAGIC[:2]

    def _after_pass(self, iterator: ArchiveIterator, error: BaseException | None,
                    position: int, can_seek: bool) -> Iterator[WebPage]:
        """Count the damage that ended a pass; return where to resume (None: done).

        Resume right after a damaged last record (its declared length may have
        swallowed good records), else after the bytes warcio could not parse or
        left unread. Bytes there that do not start a record are junk, counted as
        skipped bytes, not as a damaged record. A record start that warcio failed
        on in the middle of a pass (a gzipped record after an uncompressed one, or
        the reverse) gets a fresh pass of its own first.
        """
        end = max(iterator.offset, position)
        if (can_seek and error is not None and end != position and end > self.last_offset
                and is_record_start(self.fh, end)):
            return end
        trailing = can_seek and self._has_trailing_data(end)
        last_damaged = self.damaged_offset == self.last_offset >= position
        resume: int | None = None
        if can_seek and last_damaged:
            resume = self.last_offset + 1
        elif can_seek and (error is not None or trailing):
            resume = end + 1
        resume_at = None if resume is None else next_record_start(self.fh, resume)
        if error is None and trailing:
            error = ValueError(f"unparsed bytes after offset {end}")
        # damage with no readable record after it runs to the end of the file
        damage = "warc_corrupt_record" if resume_at is not None else "warc_truncated"
        if last_damaged and self.junk_offset == self.last_offset:
            self._skip(self.last_offset, resume_at if resume_at is not None else self._size())
        if error is not None and not last_damaged:
            if can_seek and not is_record_start(self.fh, end):
                self._skip(end, resume_at if resume_at is not None else self._size())
            else:
                self.stats.dropped[damage] += 1
        if resume_at is not None and self.held is not None and not self.held.short:
            return resume_at  # a sound page waits for its metadata record past the junk
        page = self._release(damage)
        if page is not None:
            yield page
        return resume_at

    def _record_start_at(self, offset: int) -> bool:
        """``is_record_start`` in the middle of a pass (the file position is kept)."""
        here = self.fh.tell()
        try:
            return is_record_start(self.fh, offset)
        finally:
            self.fh.seek(here)

    def _size(self) -> int:
        return self.fh.seek(0, os.SEEK_END)

    def _has_trailing_data(self, end: int) -> bool:
        self.fh.seek(end)
        rest = self.fh.read(PROBE_BYTES)
        return bool(rest.strip(PADDING))

    # -- one record ----------------------------------------------------------------------

    def _handle(self, record: ArcWarcRecord, iterator: ArchiveIterator,
                errors_before: int) -> WebPage | None:
        """Turn one record into at most one finished page (the previous, held one)."""
        held: _Held | None = None
        rec_type = record.rec_type
        payload = b""
        too_large = False
        read_error: Exception | None = None
        if rec_type in ("response", "conversion"):
            try:
                payload, too_large = self._read_payload(record)
            except _PARSE_ERRORS as exc:
                read_error = exc
        elif rec_type in ("metadata", "warcinfo"):
            payload = record.raw_stream.read(PROBE_BYTES)
        offset = iterator.get_record_offset()  # reads the rest of the record
        if offset <= self.last_offset:
            return None  # already handled before a resynchronisation
        self.last_offset = offset
        self.records_read += 1
        short = isinstance(record.raw_stream, LimitReader) and record.raw_stream.limit > 0
        # no Content-Length: warcio reads to the end of the gzip member (or file)
        bad_length = iterator.err_count > errors_before or (
            record.format == "warc" and record.length is None)
        if rec_type is None and self.resync and not self._record_start_at(offset):
            # warcio read bytes that start no record (junk between gzip members) as one
            self.junk_offset = self.damaged_offset = offset
            return None  # a page held before the junk waits for its metadata record
        if rec_type is None:  # no WARC-Type: not a record we can interpret
            self.stats.dropped["warc_corrupt_record"] += 1

        if rec_type == "metadata" and self.held is not None:
            refers = {record.rec_headers.get_header("WARC-Concurrent-To"),
                      record.rec_headers.get_header("WARC-Refers-To")}
            page = self.held.page
            if page is not None and page.record_id and page.record_id in refers:
                page.cld2 = parse_cld2(payload)
        elif rec_type == "warcinfo":
            part_of = _warc_fields(payload).get("isPartOf")
            if part_of:
                self.crawl_from_warcinfo = part_of
        elif rec_type == "revisit":  # a capture that points at another: no payload
            self.stats.dropped["warc_revisit"] += 1
        if rec_type == "metadata" and (record.rec_headers.get_header("Content-Type") or "") \
                .startswith("application/json"):
            self.stats.dropped["wat_metadata_record"] += 1  # a WAT file: no page text

        if short or bad_length:
            self.damaged_offset = offset
        # the held page's payload ended early although a record follows: its
        # Content-Length is wrong
        finished = self._release("warc_length_mismatch")
        if rec_type == "response":
            held = self._new_page(record, offset, payload, too_large, read_error, short,
                                  bad_length)
        elif rec_type == "conversion":
            held = self._text_page(record, offset, payload, too_large, read_error, short,
                                   bad_length)
        elif bad_length:
            self.stats.dropped["warc_length_mismatch"] += 1
        elif short:  # damage in a record that is not a page: counted when released
            held = _Held(None, short=True)
        self.held = held
        return finished

    def _read_payload(self, record: ArcWarcRecord) -> tuple[bytes, bool]:
        stream = record.content_stream()
        payload = stream.read(self.max_payload_bytes + 1)
        return payload[: self.max_payload_bytes], len(payload) > self.max_payload_bytes

    def _new_page(self, record: ArcWarcRecord, offset: int, payload: bytes, too_large: bool,
                  read_error: Exception | None, short: bool, bad_length: bool) -> _Held | None:
        headers = record.rec_headers
        http = record.http_headers
        if record.format == "arc":
            url = headers.get_header("uri") or ""
            date = headers.get_header("archive-date") or ""
            warc_date = _arc_date(date)
            record_id = f"<arc:{date}:{url}>"
        else:
            url = headers.get_header("WARC-Target-URI") or ""
            warc_date = headers.get_header("WARC-Date") or ""
            record_id = headers.get_header("WARC-Record-ID") or ""
        content_type = (http.get_header("Content-Type") if http else None) or ""
        media_type, charset = parse_content_type(content_type)
        page = WebPage(
            url=url, content=payload, record_id=record_id, source=f"{self.label}@{offset}",
            warc_date=warc_date, content_type=content_type, http_charset=charset,
            content_language=http.get_header("Content-Language") if http else None,
            crawl=self.crawl or self.crawl_from_warcinfo)
        self._unique_id(page, offset)
        self.stats.count_in(payload)
        if read_error is not None:
            self.stats.reject(page, "warc_corrupt_record", error=_first_line(read_error))
            return None
        if bad_length:
            self.stats.reject(page, "warc_length_mismatch")
            return None
        if short:
            return _Held(page, short=True)
        if http is None or not http.protocol.upper().startswith("HTTP/"):
            self.stats.reject(page, "not_http")
            return None
        status = http.get_statuscode()
        if status != "200":
            self.stats.reject(page, "http_status_not_ok", status=status[:16])
            return None
        if media_type and media_type not in HTML_MEDIA_TYPES:
            self.stats.reject(page, "not_html", media_type=media_type[:64])
            return None
        if too_large:
            self.stats.reject(page, "payload_too_large", max_payload_bytes=self.max_payload_bytes)
            return None
        if not payload.strip():
            self.stats.reject(page, "empty_payload")
            return None
        return _Held(page)

    def _text_page(self, record: ArcWarcRecord, offset: int, payload: bytes, too_large: bool,
                   read_error: Exception | None, short: bool, bad_length: bool) -> _Held | None:
        """A WET ``conversion`` record: text Common Crawl already extracted, with the
        languages CLD2 found (``WARC-Identified-Content-Language``, most covered first;
        no coverage shares, so marked unreliable: never a reason to skip a page)."""
        headers = record.rec_headers
        codes = [c.strip() for c in (headers.get_header("WARC-Identified-Content-Language")
                                     or "").split(",") if c.strip()]
        page = WebPage(
            url=headers.get_header("WARC-Target-URI") or "", content=payload,
            record_id=headers.get_header("WARC-Record-ID") or "",
            source=f"{self.label}@{offset}", warc_date=headers.get_header("WARC-Date") or "",
            content_type=headers.get_header("Content-Type") or "text/plain",
            http_charset="utf-8", crawl=self.crawl or self.crawl_from_warcinfo, is_text=True,
            cld2={"reliable": False, "languages": [{"code-iso-639-3": c} for c in codes]}
            if codes else None)
        self._unique_id(page, offset)
        self.stats.count_in(payload)
        for failed, reason in ((read_error is not None, "warc_corrupt_record"),
                               (bad_length, "warc_length_mismatch"),
                               (too_large, "payload_too_large"),
                               (not short and not payload.strip(), "empty_payload")):
            if failed:
                self.stats.reject(page, reason)
                return None
        return _Held(page, short=short)

    def _unique_id(self, page: WebPage, offset: int) -> None:
        """Give a page whose id another page already has a derived one (counted)."""
        page_id = page.id
        if page_id not in self.seen_ids:
            self.seen_ids.add(page_id)
            return
        self.stats.extra["duplicate_record_ids"] = (
            self.stats.extra.get("duplicate_record_ids", 0) + 1)
        attempt = 0
        while page.id in self.seen_ids:
            attempt += 1
            page.id_salt = f"{offset}|{page.url}|{page.warc_date}|{attempt}"
        self.seen_ids.add(page.id)

    def _release(self, short_reason: str) -> WebPage | None:
        """Finish the held page: out, or rejected under ``short_reason`` when its
        payload ended before its declared length."""
        held, self.held = self.held, None
        if held is None:
            return None
        if held.short:
            if held.page is None:
                self.stats.dropped[short_reason] += 1
            else:
                self.stats.reject(held.page, short_reason)
            return None
        self.stats.docs_out += 1
        return held.page


def _seekable(fh: IO[bytes]) -> bool:
    try:
        return bool(fh.seekable()) and fh.tell() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def _arc_date(timestamp: str) -> str:
    try:
        return timestamp_to_iso_date(timestamp)
    except (ValueError, TypeError, IndexError):
        return ""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else exc.__class__.__name__)[:200]


def _log_bad_input(error: InputError) -> None:
    log.warning("skipped input %s", error)


def iter_pages(source: str | os.PathLike | IO[bytes], stats: StageStats, *,
               crawl: str | None = None,
               max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
               on_bad_input: Callable[[InputError], None] | None = None,
               seen_ids: MutableSet[str] | None = None) -> Iterator[WebPage]:
    """Stream the HTML pages of one WARC or ARC file (gzipped or not).

    Args:
        source: a path, or a binary file-like object (a seekable one also lets the
            reader skip past damaged records; a pure stream stops at the first one).
        stats: counts every response record in, every page out, and each drop by
            reason: ``http_status_not_ok``, ``not_html``, ``not_http``,
            ``empty_payload``, ``payload_too_large``, ``warc_truncated``,
            ``warc_length_mismatch``, ``warc_corrupt_record``, ``warc_skipped_bytes``,
            ``warc_revisit`` (a revisit record: a capture without its payload),
            ``wat_metadata_record`` (a WAT file's JSON metadata: no page text; one
            warning line per file), WET ``conversion`` records become text pages,
            and once per unusable file ``input_empty``, ``input_unreadable`` or
            ``input_not_warc``. ``chars_in`` counts payload bytes.
        crawl: crawl name stored on each page; default: the warcinfo ``isPartOf``.
        max_payload_bytes: payloads are read (and decompressed) only this far.
        on_bad_input: called with an ``InputError`` that describes an unusable
            file (default: one warning log line); raise it there to stop instead.
        seen_ids: ids of the pages already read (by default, of this file
            only); pass one set to several calls to keep page ids unique across
            files.
    """
    if max_payload_bytes < 1:
        raise ValueError(f"max_payload_bytes must be positive, got {max_payload_bytes}")
    report = on_bad_input or _log_bad_input
    seen = set() if seen_ids is None else seen_ids
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            fh: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            stats.dropped["input_unreadable"] += 1
            report(InputError(f"{path}: cannot open WARC file: {exc.strerror}"))
            return
        label, owned = str(path), True
    elif hasattr(source, "read"):
        fh, label, owned = source, str(getattr(source, "name", "<stream>")), False
    else:
        raise TypeError(f"iter_pages needs a path or a binary file object, got {type(source)}")
    try:
        if isinstance(fh, io.TextIOBase):
            raise TypeError(f"{label}: opened in text mode; open WARC files with 'rb'")
        reader = _Reader(fh, label, stats, crawl, max_payload_bytes, report, seen)
        wat_before = stats.dropped["wat_metadata_record"]
        try:
            yield from reader.pages()
        except OSError as exc:  # an I/O error part-way: the pages before it stand
            reader.bad_input("input_unreadable", f"cannot read WARC file: {exc}")
        wat = stats.dropped["wat_metadata_record"] - wat_before
        if wat:
            log.warning("%s: %d WAT metadata record(s) skipped (links and headers, no page "
                        "text): give the crawl's WARC or WET files", label, wat)
    finally:
        if owned:
            fh.close()
