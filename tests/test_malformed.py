"""Reliability: broken WARC files and hostile HTML never stop a run.

For each kind of damage in ``malformed.py``: reading and extraction complete in
bounded time, every page that comes out of the undamaged file still comes out, and
the damage is counted under a named reason. Hypothesis then feeds random and
mutated bytes to the reader and random HTML to the extractor: no exception other
than ``InputError`` may escape.
"""

from __future__ import annotations

import io
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from malformed import (DAMAGE_REASONS, SHARED_BASE, Rec, UnseekableStream, cld2_metadata,
                       html_page, malformed_cases, synthetic_base, warc_bytes)

from langforge.config import ExtractConfig
from langforge.document import StageStats, WebPage
from langforge.errors import InputError
from langforge.extract import extract_pages
from langforge.sources import iter_pages

CONFIG = ExtractConfig()
# the reader never expands a payload past this (a decompression bomb stops here)
MAX_PAYLOAD_BYTES = CONFIG.max_record_bytes * 4
MAX_SECONDS = 30

KINDS = [
    "truncated_gzip_member", "corrupt_bytes_mid_record", "corrupt_bytes_uncompressed",
    "wrong_content_length_small_gz", "wrong_content_length_small_plain",
    "wrong_content_length_large_gz", "wrong_content_length_large_plain",
    "missing_header_WARC-Type", "missing_header_WARC-Target-URI",
    "missing_header_Content-Length", "missing_header_WARC-Record-ID", "non_http_payload",
    "binary_labelled_html", "wrong_or_missing_charset", "page_50mb", "deeply_nested_html",
    "empty_responses", "arc_file", "uncompressed_warc", "decompression_bomb",
    "invalid_utf8_and_controls", "extremely_long_lines",
    # records that are not what they claim
    "truncated_http_headers", "duplicate_record_ids", "revisit_record",
    "response_holding_a_request", "records_out_of_order", "mixed_gzip_and_plain_members",
    "charset_declared_differs_from_used", "byte_order_marks", "utf16_without_bom",
    "html_100k_attributes", "deeply_nested_tables", "arc_bad_lengths",
    # bytes that belong to no record, and files that are no WARC
    "crlf_before_first_member", "bom_before_first_member", "junk_before_first_member",
    "nul_padding_between_members", "garbage_between_members", "crlf_between_members",
    "uncompressed_with_junk", "zero_byte_file", "not_a_warc_file", "request_records_only", "metadata_records_only",
]


def run(*sources, extra: dict | None = None):
    """Read and extract ``sources`` in one run: the documents and the drops."""
    read_stats, extract_stats = StageStats("read"), StageStats("extract")
    pages = (page for source in sources
             for page in iter_pages(source, read_stats, max_payload_bytes=MAX_PAYLOAD_BYTES))
    docs = list(extract_pages(pages, CONFIG, extract_stats))
    if extra is not None:
        extra.update(read_stats.extra)
    return docs, read_stats.dropped + extract_stats.dropped


@pytest.fixture(scope="module")
def base() -> bytes:
    # a real Common Crawl file when the shared data is there
    return SHARED_BASE.read_bytes() if SHARED_BASE.is_file() else synthetic_base()


@pytest.fixture(scope="module")
def baseline(base) -> set[str]:
    docs, dropped = run(io.BytesIO(base))
    assert len(docs) >= 5
    return {d.url for d in docs}


@pytest.fixture(scope="module")
def cases(base):
    built = {case.kind: case for case in malformed_cases(base)}
    assert sorted(built) == sorted(KINDS)
    return built


@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", KINDS)
def test_malformed_file(kind, cases, baseline, tmp_path):
    case = cases[kind]
    paths = []
    for i, data in enumerate([*case.before, case.data]):
        paths.append(tmp_path / f"{kind}-{i}.warc.gz")
        paths[-1].write_bytes(data)
    extra: dict = {}
    started = time.perf_counter()
    docs, dropped = run(*paths, extra=extra)
    elapsed = time.perf_counter() - started

    urls = {d.url for d in docs}
    if kind != "arc_file" and not case.standalone:
        lost = (baseline - case.damaged_urls) - urls
        assert not lost, f"good pages lost: {sorted(lost)}; drops {dict(dropped)}"
    assert case.documents <= urls, dict(dropped)
    assert case.reasons <= set(dropped), dict(dropped)
    assert case.extra <= set(extra), extra
    assert len({d.id for d in docs}) == len(docs), "two documents share an id"
    texts = {d.url: d.text for d in docs}
    for url, expected in case.texts.items():
        assert expected in texts[url], (url, texts[url][:300])
    assert set(dropped) <= DAMAGE_REASONS, dict(dropped)
    missing = case.damaged_urls - urls
    assert sum(dropped.values()) >= len(missing), dict(dropped)
    assert elapsed < MAX_SECONDS
    for doc in docs:
        assert "\x00" not in doc.text and "\x07" not in doc.text


def test_damage_in_a_pure_stream_stops_without_raising(cases):
    """An unseekable stream cannot skip ahead: the pages before the damage come out."""
    case = cases["corrupt_bytes_mid_record"]

    stats = StageStats("read")
    pages = list(iter_pages(UnseekableStream(case.data), stats))
    assert pages and sum(stats.dropped.values()) >= 1


JUNK = {"crlf": b"\r\n", "nul_padding": b"\x00" * 300, "bom": b"\xef\xbb\xbf",
        "garbage_with_gzip_magic": b"garbage \x1f\x8b\x08 junk",
        "a_lone_warc_line": b"WARC/1.0\r\n", "a_gzip_header_only": b"\x1f\x8b\x08\x00\x00"}


@pytest.mark.parametrize("gzipped", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("junk", sorted(JUNK))
def test_junk_at_any_record_boundary_costs_no_record(junk, gzipped):
    """Junk before, between or after records: every page still comes out with its
    metadata, and the junk is counted once as skipped bytes."""
    records = []
    for i in range(4):
        url = f"http://junk.example/{i}"
        records += [Rec(url, body=html_page(f"J{i}", paragraphs=2).encode()),
                    cld2_metadata(url)]
    members = [warc_bytes([record], gzipped=gzipped) for record in records]
    expected = [f"http://junk.example/{i}" for i in range(4)]
    for at in range(len(members) + 1):
        data = b"".join(members[:at]) + JUNK[junk] + b"".join(members[at:])
        stats = StageStats("read")
        pages = list(iter_pages(io.BytesIO(data), stats))
        assert [p.url for p in pages] == expected, (at, dict(stats.dropped))
        assert all(p.cld2 for p in pages), at
        if gzipped:  # bytes outside every gzip member
            assert dict(stats.dropped) == {"warc_skipped_bytes": 1}, (at, dict(stats.dropped))
        else:  # warcio itself passes over blank lines (and a lone WARC/1.0 line)
            assert set(stats.dropped) <= {"warc_skipped_bytes"}, (at, dict(stats.dropped))
            assert stats.dropped["warc_skipped_bytes"] <= 1, at
            if JUNK[junk].strip(b"\r\n") and junk != "a_lone_warc_line":
                assert stats.dropped["warc_skipped_bytes"] == 1, (at, dict(stats.dropped))


# -- fuzzing -------------------------------------------------------------------------------

SMALL_WARCS = [
    warc_bytes([Rec(f"http://fuzz.example/{i}", body=html_page(f"F{i}", paragraphs=2).encode())
                for i in range(3)], gzipped=gzipped, warcinfo={"isPartOf": "CC-FUZZ"})
    for gzipped in (True, False)
]
FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def read_and_extract(data: bytes) -> None:
    try:
        run(io.BytesIO(data))
    except InputError:
        pass


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_random_bytes(data):
    read_and_extract(data)


@FUZZ
@given(which=st.sampled_from([0, 1]),
       edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                      max_size=8),
       cut=st.one_of(st.none(), st.floats(0, 1)),
       splice=st.one_of(st.none(), st.tuples(st.floats(0, 1), st.floats(0, 1))))
def test_fuzz_mutated_warc(which, edits, cut, splice):
    data = bytearray(SMALL_WARCS[which])
    for where, value in edits:
        data[int(where * len(data))] = value
    if splice is not None:  # repeat or drop a span, as a bad concatenation would
        a, b = sorted(int(x * len(data)) for x in splice)
        data = data[:b] + data[a:] if a % 2 else data[:a] + data[b:]
    if cut is not None:
        data = data[: int(cut * len(data))]
    read_and_extract(bytes(data))


TAGS = ["html", "head", "body", "div", "p", "span", "table", "tr", "td", "script", "style",
        "article", "main", "nav", "li", "ul", "br", "meta charset=x", "title", "!--", "![CDATA["]
_tag = st.sampled_from(TAGS)
_piece = st.one_of(
    _tag.map(lambda t: f"<{t}>"), _tag.map(lambda t: f"</{t.split()[0]}>"),
    st.text(max_size=40), st.sampled_from(["&amp;", "&#0;", "&#xD800;", "&bogus;", "<", ">",
                                           "\x00", "\ufeff", "<?xml version='1.0'?>"]))


@FUZZ
@given(pieces=st.lists(_piece, max_size=60),
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]),
       charset=st.one_of(st.none(), st.sampled_from(["utf-8", "bogus", "utf-16", "cp1251"])))
def test_fuzz_random_html(pieces, encoding, charset):
    text = "".join(pieces)
    content = text.encode(encoding, "replace")
    page = WebPage(url="http://fuzz.example/", content=content, record_id="<fuzz>",
                   source="fuzz@0", http_charset=charset)
    stats = StageStats("extract")
    docs = list(extract_pages([page], ExtractConfig(min_text_chars=1), stats))
    assert stats.docs_in == 1
    assert len(docs) + sum(stats.dropped.values()) == 1
    assert Counter(stats.dropped).keys() <= DAMAGE_REASONS
