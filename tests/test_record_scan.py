"""langforge.sources.record_scan: record starts are checked, not guessed from magic."""

from __future__ import annotations

import codecs
import gzip
import io

from malformed import Rec, html_page, warc_bytes

from langforge.sources.record_scan import (first_record_in, leading_junk, next_record_start,
                                           starts_record)

PLAIN = warc_bytes([Rec("http://a.example/", body=html_page("A").encode())], gzipped=False)
GZIPPED = warc_bytes([Rec("http://a.example/", body=html_page("A").encode())])


def test_starts_record():
    assert starts_record(PLAIN) and starts_record(GZIPPED) and starts_record(b"\r\n" + PLAIN)
    assert starts_record(gzip.compress(b"filedesc://x.arc 0.0.0.0 20140216050221 text/plain 1"))
    assert not starts_record(gzip.compress(b"<html>not a record</html>"))
    assert not starts_record(b"\x1f\x8b\x08 not really gzip")
    quoted = b"WARC/1.0 is the format; this page only talks about it.\r\n\r\n" + b"x" * 3000
    assert not starts_record(quoted)
    # a look-ahead cut before a short header's WARC-Type line may still be one
    assert starts_record(b"WARC/1.0\r\nWARC-Date: 2024", more_may_follow=True)
    assert not starts_record(b"WARC/1.0\r\nWARC-Date: 2024")


def test_next_record_start_passes_over_lookalikes():
    decoys = (b"junk \x1f\x8b\x08 junk, and a page quoting WARC/1.0 in its text "
              + b"." * 2100 + b"\r\n")
    for record in (PLAIN, GZIPPED):
        data = decoys + record
        assert next_record_start(io.BytesIO(data), 0) == len(decoys)
        assert next_record_start(io.BytesIO(data), len(decoys) + 1) is None
    mixed = GZIPPED + b"gap" + PLAIN  # the earlier of both kinds wins
    assert next_record_start(io.BytesIO(mixed), 1) == len(GZIPPED) + 3


def test_leading_junk_and_stream_look_ahead():
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE):
        assert leading_junk(bom + b"\r\n\x00" + PLAIN) == len(bom) + 3
    assert leading_junk(PLAIN) == 0
    assert first_record_in(b"<junk>" * 10 + GZIPPED[:500]) == 60
    assert first_record_in(b"no record here" * 100) is None
