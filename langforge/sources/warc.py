"""Read HTML pages out of WARC (and ARC) files, streaming, one ``WebPage`` each.

Only HTTP ``response`` records with status 200 and an HTML-like (or missing)
Content-Type become pages; every other response is counted and rejected under a
named reason. Common Crawl writes its CLD2 language guess in the ``metadata``
record that follows each response, so one page is held back until the next
record has been seen.

Damaged files do not stop a run: a record that cannot be parsed is counted as
``warc_corrupt_record`` and reading resumes at the next record start that can be
found (a gzip member, or a ``WARC/1.x`` line in an uncompressed file), a record
cut short by the end of the file is ``warc_truncated``, and one whose declared
length does not match its bytes is ``warc_length_mismatch``. Only a file that
holds no readable record at all raises ``InputError``.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterator
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

HTML_MEDIA_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "application/xhtml", "text/xhtml",
})

#: Payloads are read at most this far; a larger one (after HTTP Content-Encoding,
#: which can expand a small record enormously) is rejected as ``payload_too_large``.
DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024 * 1024

_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([^"';,\s]+)""", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_SCAN_BYTES = 1 << 20
_PROBE_BYTES = 1 << 16
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
                 max_payload_bytes: int):
        self.fh = fh
        self.label = label
        self.stats = stats
        self.crawl = crawl
        self.crawl_from_warcinfo: str | None = None
        self.max_payload_bytes = max_payload_bytes
        self.seekable = _seekable(fh)
        self.records_read = 0
        self.last_offset = -1  # start of the last record handled; offsets only grow
        self.held: _Held | None = None
        self.damaged_offset = -2

    # -- record stream with resynchronisation ------------------------------------------

    def pages(self) -> Iterator[WebPage]:
        start = self.fh.tell() if self.seekable else 0
        gzipped = self._is_gzip(start)
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
            except _PARSE_ERRORS as exc:
                error = exc
            if (error is not None and not single_stream and gzipped and position == start
                    and "non-chunked gzip" in str(error)):
                # warcio needs one gzip member per record; read such a file as one
                # stream instead, past the records already handled
                single_stream, skip = True, handled
                self.last_offset, self.damaged_offset = -1, -2
                continue
            position = yield from self._after_pass(iterator, error, position, gzipped,
                                                   can_seek=self.seekable and not single_stream)
        if self.records_read == 0:
            raise InputError(f"{self.label}: not a WARC/ARC file (it holds no record)")

    def _after_pass(self, iterator: ArchiveIterator, error: BaseException | None,
                    position: int, gzipped: bool, can_seek: bool) -> Iterator[WebPage]:
        """Count the damage that ended a pass; return where to resume (None: done).

        Resume right after a damaged last record (its declared length may have
        swallowed good records), else after the bytes warcio could not parse or
        left unread.
        """
        end = max(iterator.offset, position)
        trailing = can_seek and self._has_trailing_data(end)
        last_damaged = self.damaged_offset == self.last_offset >= position
        resume: int | None = None
        if can_seek and last_damaged:
            resume = self.last_offset + 1
        elif can_seek and (error is not None or trailing):
            resume = end + 1
        resume_at = None if resume is None else self._next_record_start(resume, gzipped)
        if error is None and trailing:
            error = ValueError(f"unparsed bytes after offset {end}")
        # damage with no readable record after it runs to the end of the file
        damage = "warc_corrupt_record" if resume_at is not None else "warc_truncated"
        if error is not None and resume_at is None and self.records_read == 0:
            raise InputError(f"{self.label}: not a WARC/ARC file "
                             f"({error.__class__.__name__}: {_first_line(error)})")
        if error is not None and not last_damaged:
            self.stats.dropped[damage] += 1
        page = self._release(damage)
        if page is not None:
            yield page
        return resume_at

    def _is_gzip(self, start: int) -> bool:
        if not self.seekable:
            return False
        head = self.fh.read(2)
        self.fh.seek(start)
        return head == _GZIP_MAGIC[:2]

    def _has_trailing_data(self, end: int) -> bool:
        self.fh.seek(end)
        rest = self.fh.read(_PROBE_BYTES)
        return bool(rest.strip(b"\r\n \t\x00"))

    def _next_record_start(self, begin: int, gzipped: bool) -> int | None:
        """Offset of the next plausible record start at or after ``begin``, or None."""
        if not self.seekable:
            return None
        needle = _GZIP_MAGIC if gzipped else b"\nWARC/"
        position = begin
        while True:
            self.fh.seek(position)
            block = self.fh.read(_SCAN_BYTES + len(needle))
            if not block:
                return None
            index = block.find(needle)
            while index != -1:
                candidate = position + index + (0 if gzipped else 1)
                if candidate >= begin and self._is_record_start(candidate, gzipped):
                    return candidate
                index = block.find(needle, index + 1)
            if len(block) <= _SCAN_BYTES:
                return None
            position += _SCAN_BYTES

    def _is_record_start(self, offset: int, gzipped: bool) -> bool:
        self.fh.seek(offset)
        head = self.fh.read(_PROBE_BYTES)
        if gzipped:
            try:
                head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
            except zlib.error:
                return False
        return head.startswith((b"WARC/1.", b"WARC/0.1"))

    # -- one record ----------------------------------------------------------------------

    def _handle(self, record: ArcWarcRecord, iterator: ArchiveIterator,
                errors_before: int) -> WebPage | None:
        """Turn one record into at most one finished page (the previous, held one)."""
        held: _Held | None = None
        rec_type = record.rec_type
        payload = b""
        too_large = False
        read_error: Exception | None = None
        if rec_type == "response":
            try:
                payload, too_large = self._read_payload(record)
            except _PARSE_ERRORS as exc:
                read_error = exc
        elif rec_type in ("metadata", "warcinfo"):
            payload = record.raw_stream.read(_PROBE_BYTES)
        offset = iterator.get_record_offset()  # reads the rest of the record
        if offset <= self.last_offset:
            return None  # already handled before a resynchronisation
        self.last_offset = offset
        self.records_read += 1
        short = isinstance(record.raw_stream, LimitReader) and record.raw_stream.limit > 0
        # no Content-Length: warcio reads to the end of the gzip member (or file)
        bad_length = iterator.err_count > errors_before or (
            record.format == "warc" and record.length is None)
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

        if short or bad_length:
            self.damaged_offset = offset
        # the held page's payload ended early although a record follows: its
        # Content-Length is wrong
        finished = self._release("warc_length_mismatch")
        if rec_type == "response":
            held = self._new_page(record, offset, payload, too_large, read_error, short,
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


def iter_pages(source: str | os.PathLike | IO[bytes], stats: StageStats, *,
               crawl: str | None = None,
               max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES) -> Iterator[WebPage]:
    """Stream the HTML pages of one WARC or ARC file (gzipped or not).

    Args:
        source: a path, or a binary file-like object (a seekable one also lets the
            reader skip past damaged records; a pure stream stops at the first one).
        stats: counts every response record in, every page out, and each drop by
            reason: ``http_status_not_ok``, ``not_html``, ``not_http``,
            ``empty_payload``, ``payload_too_large``, ``warc_truncated``,
            ``warc_length_mismatch``, ``warc_corrupt_record``. ``chars_in`` counts
            payload bytes.
        crawl: crawl name stored on each page; default: the warcinfo ``isPartOf``.
        max_payload_bytes: payloads are read (and decompressed) only this far.

    Raises:
        InputError: the file is missing, unreadable, or holds no WARC/ARC record.
    """
    if max_payload_bytes < 1:
        raise ValueError(f"max_payload_bytes must be positive, got {max_payload_bytes}")
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            fh: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputError(f"{path}: cannot open WARC file: {exc.strerror}") from None
        label, owned = str(path), True
    elif hasattr(source, "read"):
        fh, label, owned = source, str(getattr(source, "name", "<stream>")), False
    else:
        raise TypeError(f"iter_pages needs a path or a binary file object, got {type(source)}")
    try:
        if isinstance(fh, io.TextIOBase):
            raise InputError(f"{label}: opened in text mode; open WARC files with 'rb'")
        yield from _Reader(fh, label, stats, crawl, max_payload_bytes).pages()
    except OSError as exc:
        raise InputError(f"{label}: cannot read WARC file: {exc}") from None
    finally:
        if owned:
            fh.close()
