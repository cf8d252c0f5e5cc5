"""langforge.sources.warc: WARC records to pages, with every drop named."""

from __future__ import annotations

import codecs
import gzip
import io
from pathlib import Path

import pytest
from malformed import (Rec, UnseekableStream, cld2_metadata, counts, html_page, record_id,
                       warc_bytes, write)

from langforge.document import StageStats
from langforge.errors import InputError
from langforge.sources import iter_pages
from langforge.sources.warc import parse_cld2, parse_content_type

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def mixed_records() -> list[Rec]:
    return [
        Rec("http://example.org/", rec_type="request", body=b"GET / HTTP/1.1\r\n\r\n",
            content_type="application/http; msgtype=request"),
        Rec("http://sw.example/habari", body=html_page("Habari").encode(),
            http_headers=[("Content-Language", "sw")]),
        cld2_metadata("http://sw.example/habari"),
        Rec("http://sw.example/cp1252",
            body=html_page("Caf\u00e9", head='<meta charset="windows-1252">').encode("cp1252"),
            content_type="text/html"),
        Rec("http://sw.example/nocharset", body=html_page("Bila").encode(), content_type=None),
        Rec("http://sw.example/xhtml", body=html_page("X").encode(),
            content_type="application/xhtml+xml"),
        Rec("http://sw.example/image", body=PNG, content_type="text/html"),
        Rec("http://sw.example/moved", status="301 Moved Permanently",
            http_headers=[("Location", "http://sw.example/")]),
        Rec("http://sw.example/missing", body=b"not found", status="404 Not Found"),
        Rec("http://sw.example/api", body=b'{"a": 1}', content_type="application/json"),
        Rec("http://sw.example/empty", body=b"  \r\n"),
    ]


def read(source, **kwargs):
    stats = StageStats("read")
    pages = list(iter_pages(source, stats, **kwargs))
    return pages, stats


EXPECTED_URLS = ["http://sw.example/habari", "http://sw.example/cp1252",
                 "http://sw.example/nocharset", "http://sw.example/xhtml",
                 "http://sw.example/image"]
EXPECTED_DROPS = {"empty_payload": 1, "http_status_not_ok": 2, "not_html": 1}


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
def test_pages_fields_and_reasons(tmp_path, gzipped):
    data = warc_bytes(mixed_records(), gzipped=gzipped,
                      warcinfo={"isPartOf": "CC-MAIN-TEST-01", "software": "test"})
    path = write(tmp_path, "mixed.warc.gz" if gzipped else "mixed.warc", data)
    pages, stats = read(path)

    assert [p.url for p in pages] == EXPECTED_URLS
    assert counts(stats.dropped) == EXPECTED_DROPS
    assert stats.docs_in == 9 and stats.docs_out == 5
    assert stats.chars_in == sum(len(p.content) for p in pages) + len(b"not found") + 8 + 4

    habari = pages[0]
    assert habari.content == html_page("Habari").encode()
    assert habari.record_id == record_id("http://sw.example/habari")
    assert habari.warc_date == "2024-05-01T12:00:00Z"
    assert habari.content_type == "text/html; charset=utf-8"
    assert habari.http_charset == "utf-8"
    assert habari.content_language == "sw"
    assert habari.crawl == "CC-MAIN-TEST-01"
    assert habari.cld2["languages"][0]["code-iso-639-3"] == "swa"
    assert habari.cld2["reliable"] is True
    path_str, offset = habari.source.rsplit("@", 1)
    assert path_str == str(path)
    # the source offset points at the record: reading from there gives it first
    with open(path, "rb") as fh:
        fh.seek(int(offset))
        again, _ = read(io.BytesIO(fh.read()))
    assert again[0].record_id == habari.record_id

    cp1252 = pages[1]
    assert cp1252.http_charset is None and cp1252.cld2 is None
    assert cp1252.content_type == "text/html"
    assert pages[2].content_type == "" and pages[2].http_charset is None
    assert len({p.id for p in pages}) == 5


def test_crawl_argument_wins_over_warcinfo(tmp_path):
    data = warc_bytes(mixed_records()[1:3], warcinfo={"isPartOf": "CC-MAIN-TEST-01"})
    pages, _ = read(write(tmp_path, "a.warc.gz", data), crawl="CC-MAIN-2024-22")
    assert [p.crawl for p in pages] == ["CC-MAIN-2024-22"]
    pages, _ = read(write(tmp_path, "b.warc.gz", warc_bytes(mixed_records()[1:3])))
    assert [p.crawl for p in pages] == [None]


def test_metadata_of_another_record_is_not_attached(tmp_path):
    records = [Rec("http://a.example/", body=html_page("A").encode()),
               cld2_metadata("http://other.example/"),
               Rec("http://b.example/", body=html_page("B").encode())]
    pages, _ = read(write(tmp_path, "m.warc.gz", warc_bytes(records)))
    assert [(p.url, p.cld2) for p in pages] == [("http://a.example/", None),
                                                ("http://b.example/", None)]


def test_file_objects_seekable_and_streaming(tmp_path):
    data = warc_bytes(mixed_records())

    for source in (io.BytesIO(data), UnseekableStream(data, chunk_bytes=1000)):
        pages, stats = read(source)
        assert [p.url for p in pages] == EXPECTED_URLS
        assert counts(stats.dropped) == EXPECTED_DROPS
        assert pages[0].source.startswith("<stream>@")


def test_payload_limit_is_a_bounded_read(tmp_path):
    big = html_page("Big", paragraphs=400).encode()
    records = [Rec("http://a.example/big", body=big), Rec("http://a.example/small",
                                                         body=html_page("S").encode())]
    pages, stats = read(write(tmp_path, "big.warc.gz", warc_bytes(records)),
                        max_payload_bytes=len(big) - 1)
    assert [p.url for p in pages] == ["http://a.example/small"]
    assert counts(stats.dropped) == {"payload_too_large": 1}
    with pytest.raises(ValueError, match="max_payload_bytes must be positive"):
        read(io.BytesIO(b""), max_payload_bytes=0)


def test_truncated_file_keeps_the_records_before(tmp_path):
    data = warc_bytes([Rec(f"http://a.example/{i}", body=html_page(str(i)).encode())
                       for i in range(3)])
    pages, stats = read(write(tmp_path, "cut.warc.gz", data[: len(data) - 200]))
    assert [p.url for p in pages] == ["http://a.example/0", "http://a.example/1"]
    assert counts(stats.dropped) == {"warc_truncated": 1}


BAD_INPUTS = {
    "nowhere.warc.gz": (None, "input_unreadable", "nowhere.warc.gz: cannot open"),
    "a-directory.warc.gz": ("dir", "input_unreadable", "a-directory.warc.gz: cannot open"),
    "empty.warc.gz": (b"", "input_empty", "empty.warc.gz: not a WARC/ARC file"),
    "notes.txt": (b"just some notes\nnothing else\n" * 50, "input_not_warc",
                  "notes.txt: not a WARC/ARC file"),
    "gz.warc.gz": (gzip.compress(b"<html>hello</html>\n" * 10), "input_not_warc",
                   "gz.warc.gz: not a WARC/ARC file"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_a_bad_input_is_counted_and_the_others_are_read(tmp_path, name, caplog):
    """An empty, unreadable, non-WARC or directory input costs that input only: one
    named drop, one log line, no exception, and the next file is read in full."""
    content, reason, message = BAD_INPUTS[name]
    bad = tmp_path / name
    if content == "dir":
        bad.mkdir()
    elif content is not None:
        bad.write_bytes(content)
    good = write(tmp_path, "good.warc.gz", warc_bytes(mixed_records()))
    stats = StageStats("read")
    with caplog.at_level("WARNING", logger="langforge.sources.warc"):
        pages = [p for path in (bad, good) for p in iter_pages(path, stats)]
    assert [p.url for p in pages] == EXPECTED_URLS
    assert counts(stats.dropped) == {**EXPECTED_DROPS, reason: 1}
    assert len(caplog.records) == 1 and message in caplog.records[0].getMessage()


def test_a_bad_input_can_be_made_an_error(tmp_path):
    """``on_bad_input`` receives the InputError: a caller may raise it."""
    def strict(error: InputError):
        raise error

    with pytest.raises(InputError, match="empty.warc: not a WARC/ARC file"):
        list(iter_pages(write(tmp_path, "empty.warc", b""), StageStats("read"),
                        on_bad_input=strict))
    with pytest.raises(TypeError, match="needs a path or a binary file object"):
        read(12)
    with pytest.raises(TypeError, match="opened in text mode"):  # a caller's bug, not input
        read(io.StringIO("WARC/1.0"))


@pytest.mark.parametrize("junk", [b"\r\n", codecs.BOM_UTF8, b"<html>junk</html>\x00" * 50],
                         ids=["crlf", "bom", "garbage"])
def test_junk_before_the_first_record_of_a_pure_stream_is_skipped(junk):
    data = warc_bytes(mixed_records())
    pages, stats = read(UnseekableStream(junk + data, chunk_bytes=1000))
    assert [p.url for p in pages] == EXPECTED_URLS
    assert counts(stats.dropped) == {**EXPECTED_DROPS, "warc_skipped_bytes": 1}
    assert stats.extra["warc_skipped_bytes"] == len(junk)


def test_two_pages_never_share_an_id(tmp_path):
    """A WARC-Record-ID used twice (in a file, or across files read with one
    ``seen_ids``): the later page gets a derived id, counted."""
    twins = [Rec("http://a.example/1", body=html_page("Moja").encode(), record_id="<urn:x:1>"),
             Rec("http://a.example/2", body=html_page("Mbili").encode(), record_id="<urn:x:1>")]
    path = write(tmp_path, "twins.warc.gz", warc_bytes(twins))
    pages, stats = read(path)
    assert [p.record_id for p in pages] == ["<urn:x:1>", "<urn:x:1>"]
    assert len({p.id for p in pages}) == 2 and stats.extra["duplicate_record_ids"] == 1
    again, _ = read(path)
    assert [p.id for p in again] == [p.id for p in pages]  # deterministic
    seen: set[str] = set()
    stats = StageStats("read")
    both = [p for _ in range(3) for p in iter_pages(path, stats, seen_ids=seen)]
    assert len({p.id for p in both}) == 6 and stats.extra["duplicate_record_ids"] == 5
    assert both[0].id == pages[0].id  # the first keeps the id its record id gives


def test_an_empty_stream_is_an_empty_input():
    pages, stats = read(UnseekableStream(b""))
    assert pages == [] and counts(stats.dropped) == {"input_empty": 1}
    pages, stats = read(UnseekableStream(b"<html><body>Hello</body></html>\n" * 20))
    assert pages == [] and counts(stats.dropped) == {"input_not_warc": 1}


def test_parse_helpers():
    assert parse_content_type('text/HTML; Charset="ISO-8859-1"') == ("text/html", "ISO-8859-1")
    assert parse_content_type("text/html") == ("text/html", None)
    assert parse_content_type(None) == ("", None)
    assert parse_content_type("html") == ("html", None)
    assert parse_cld2(b'x: 1\r\nlanguages-cld2: {"reliable": false}\r\n') == {"reliable": False}
    assert parse_cld2(b"languages-cld2: {broken") is None
    assert parse_cld2(b"languages-cld2: [1, 2]") is None
    assert parse_cld2(b"") is None


# -- real files --------------------------------------------------------------------------


def test_real_common_crawl_with_cld2(shared_data: Path):
    pages, stats = read(shared_data / "warc/cc-2020-34/warcfile.warc.gz")
    assert len(pages) == 16 and stats.docs_in == 16 and not stats.dropped
    assert all(p.crawl == "CC-MAIN-2020-34" for p in pages)
    assert all(p.cld2 and p.cld2["languages"] for p in pages)
    codes = {p.cld2["languages"][0]["code"] for p in pages}
    assert {"zh", "ru"} <= codes
    assert all(p.record_id.startswith("<urn:uuid:") and p.warc_date.startswith("2020-08-")
               for p in pages)
    assert sorted({p.http_charset for p in pages} - {None}) == [
        "UTF-8", "gb2312", "utf-8", "windows-1251"]


def test_real_whirlwind_and_dolma(shared_data: Path):
    pages, _ = read(shared_data / "warc/cc-whirlwind/whirlwind.warc.gz")
    assert [p.url for p in pages] == ["https://an.wikipedia.org/wiki/Escopete"]
    assert pages[0].cld2["languages"][0]["code-iso-639-3"] == "spa"  # the real mislabel
    assert pages[0].crawl == "CC-MAIN-2024-22"
    for name, expected in (("sample-0000.warc.gz", 22), ("sample-0001.warc.gz", 15)):
        pages, stats = read(shared_data / "warc/dolma" / name)
        assert len(pages) == expected and not stats.dropped
        assert all(p.url.startswith("https://") and p.cld2 is None for p in pages)


def test_a_wet_file_gives_text_pages_and_a_wat_file_counted_records(shared_data: Path):
    pages, stats = read(shared_data / "warc/cc-whirlwind/whirlwind.warc.wet.gz")
    assert [p.url for p in pages] == ["https://an.wikipedia.org/wiki/Escopete"]
    assert pages[0].is_text and stats.docs_in == 1 and not stats.dropped
    pages, stats = read(shared_data / "warc/cc-whirlwind/whirlwind.warc.wat.gz")
    assert pages == [] and stats.docs_in == 0
    assert dict(stats.dropped) == {"wat_metadata_record": 1}


EDGE_CASES = {
    "example.warc.gz": (["http://example.com/"], {"warc_revisit": 1}),
    "example-iana.org-chunked.warc": (["http://www.iana.org/"], {}),
    "example.arc.gz": (["http://example.com/"], {}),
    # one gzip stream over all records: re-read as a single stream
    "example-bad-non-chunked.warc.gz": (["http://example.com/"], {"warc_revisit": 1}),
    "example-space-in-target-uri.warc.gz": ([], {}),  # a resource record, no response
    "example-trunc.warc": ([], {"warc_length_mismatch": 1}),
    # a record split over two gzip members, the file ending in the second
    "example-wrong-chunks.warc.gz": ([], {"warc_truncated": 1}),
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_warcio_edge_cases(shared_data: Path, name):
    urls, drops = EDGE_CASES[name]
    pages, stats = read(shared_data / "warc/warcio-edgecases" / name)
    assert [p.url for p in pages] == urls
    assert counts(stats.dropped) == drops
    assert all(b"<" in p.content for p in pages)
    if name == "example.arc.gz":
        assert pages[0].warc_date == "2014-02-16T05:02:21Z"
        assert pages[0].record_id == "<arc:20140216050221:http://example.com/>"
