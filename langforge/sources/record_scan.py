"""Where WARC/ARC records start in bytes that may hold damage or junk.

The WARC reader hands well-formed stretches of a file to warcio and uses these
helpers to find where to resume after damage: the next gzip member that holds a
record header, or the next uncompressed ``WARC/1.x`` header block, whichever
comes first (a file may mix both). Headers are checked, not only magic bytes, so
``WARC/1.0`` quoted in a page or ``1f 8b 08`` inside a payload is no record start.
"""

from __future__ import annotations

import codecs
import zlib
from typing import IO

GZIP_MAGIC = b"\x1f\x8b\x08"
#: Bytes read (and, for gzip, decompressed) to judge one candidate record start.
PROBE_BYTES = 1 << 16
#: Bytes that pad records (blank lines, NUL padding): no damage by themselves.
PADDING = b"\r\n \t\x00"
_SCAN_BYTES = 1 << 20
_RECORD_HEADS = (b"WARC/1.", b"WARC/0.", b"filedesc://")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)


def starts_record(head: bytes, more_may_follow: bool = False) -> bool:
    """True when a record (gzipped or not) starts at the start of ``head``;
    ``more_may_follow``: ``head`` is a look-ahead that may stop before the end
    of a short header block."""
    if head.startswith(GZIP_MAGIC[:2]):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
        return head.startswith(_RECORD_HEADS)
    head = head.lstrip(b"\r\n")
    # "WARC/1.0" in a page's text is not a record: a WARC header block names its
    # type within its first lines
    if head.startswith(b"WARC/") and b"\nwarc-type:" not in head[:2048].lower():
        return more_may_follow and len(head) < 2048
    return head.startswith(_RECORD_HEADS)


def leading_junk(head: bytes) -> int:
    """Length of a byte order mark and padding before what may be the first record."""
    lead = next((len(bom) for bom in _BOMS if head.startswith(bom)), 0)
    return lead + len(head[lead:]) - len(head[lead:].lstrip(PADDING))


def first_record_in(head: bytes) -> int | None:
    """Offset of the first record start inside ``head`` (a stream's look-ahead)."""
    found = []
    for needle in (GZIP_MAGIC, b"WARC/", b"filedesc://"):
        index = head.find(needle)
        while index != -1 and not starts_record(head[index:index + PROBE_BYTES], True):
            index = head.find(needle, index + 1)
        if index != -1:
            found.append(index)
    return min(found, default=None)


def is_record_start(fh: IO[bytes], offset: int) -> bool:
    """True when a record starts at ``offset`` of the seekable file ``fh``."""
    fh.seek(offset)
    return starts_record(fh.read(PROBE_BYTES))


def next_record_start(fh: IO[bytes], begin: int) -> int | None:
    """Offset of the next record start at or after ``begin`` (a gzip member holding
    a record, or an uncompressed record), or None."""
    member = _find(fh, GZIP_MAGIC, begin, None)
    # in an uncompressed file a record may follow junk on the same line
    plain = _find(fh, b"WARC/", begin, member)
    return plain if plain is not None else member


def _find(fh: IO[bytes], needle: bytes, begin: int, stop: int | None) -> int | None:
    """The first record start found at ``needle`` in ``begin..stop``, or None."""
    position = begin
    while stop is None or position < stop:
        fh.seek(position)
        block = fh.read(_SCAN_BYTES + len(needle))
        if not block:
            return None
        index = block.find(needle)
        while index != -1 and (stop is None or position + index < stop):
            if is_record_start(fh, position + index):
                return position + index
            index = block.find(needle, index + 1)
        if len(block) <= _SCAN_BYTES:
            return None
        position += _SCAN_BYTES
    return None
