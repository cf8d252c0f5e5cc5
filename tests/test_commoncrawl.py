"""Common Crawl acquisition, offline: listing and selection, whole-file downloads,
and index-targeted record fetches from real WARCs served on 127.0.0.1."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator

from httpserver import FaultyHTTPServer
from langforge.document import StageStats
from langforge.errors import ConfigError, FetchError, InputError
from langforge.languages import get_language
from langforge.sources import commoncrawl as cc
from langforge.sources.http import HttpClient, HttpConfig

CC_WARCS = {"cc-2020-34/warcfile.warc.gz": "CC-MAIN-2020-34",
            "cc-whirlwind/whirlwind.warc.gz": "CC-MAIN-2024-22"}
FAULTS = [("503", {}), ("reset", {"after_bytes": 20_000}), ("truncate", {}),
          ("wrong_length", {"delta": -500}), ("slow", {"delay_s": 0.3})]
# and for range requests of records: a 206 that is not the bytes asked for
RANGE_FAULTS = FAULTS + [("short_range", {"delta": 100}), ("shifted", {"delta": 7})]


def fast_client(**overrides) -> HttpClient:
    settings = dict(max_attempts=4, min_backoff_s=0.001, max_backoff_s=0.002,
                    read_timeout_s=0.15, chunk_bytes=16_384)
    settings.update(overrides)
    return HttpClient(HttpConfig(**settings), sleep=lambda seconds: None)


@pytest.fixture(scope="module")
def warc_root(shared_data) -> Path:
    return shared_data / "warc"


def _cld2_codes(block: bytes) -> str | None:
    for line in block.decode("utf-8").splitlines():
        if line.startswith("languages-cld2:"):
            found = json.loads(line.split(":", 1)[1]).get("languages", [])
            return ",".join(lang["code-iso-639-3"] for lang in found)
    return None


@pytest.fixture(scope="module")
def index_rows(warc_root) -> list[dict]:
    """A tiny columnar index: Common Crawl's column names, REAL offsets and lengths
    (read with warcio) and the REAL CLD2 verdicts of the metadata records."""
    rows = []
    for name, crawl in CC_WARCS.items():
        with (warc_root / name).open("rb") as handle:
            iterator = ArchiveIterator(handle)
            for record in iterator:
                if record.rec_type == "metadata" and rows and rows[-1]["url"] == \
                        record.rec_headers.get_header("WARC-Target-URI"):
                    rows[-1]["content_languages"] = _cld2_codes(record.content_stream().read())
                    continue
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                mime = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
                offset = iterator.get_record_offset()
                iterator.read_to_end(record)
                host = urlsplit(url).hostname
                rows.append({
                    "url": url, "url_host_tld": host.rsplit(".", 1)[-1],
                    "url_host_registered_domain": ".".join(host.split(".")[-2:]),
                    "content_languages": None, "warc_filename": name,
                    "warc_record_offset": offset,
                    "warc_record_length": iterator.get_record_length(),
                    "fetch_status": int(record.http_headers.get_statuscode()),
                    "content_mime_detected": mime, "crawl": crawl, "subset": "warc"})
    return rows


@pytest.fixture(scope="module")
def index_parquet(tmp_path_factory, index_rows) -> Path:
    path = tmp_path_factory.mktemp("index") / "part-00000.parquet"
    pq.write_table(pa.Table.from_pylist(index_rows), path)
    return path


@pytest.fixture()
def server(warc_root):
    with FaultyHTTPServer(warc_root) as srv:
        yield srv


def original(warc_root: Path, row) -> bytes:
    with (warc_root / row["warc_filename"]).open("rb") as handle:
        handle.seek(row["warc_record_offset"])
        return handle.read(row["warc_record_length"])


# -- index queries --------------------------------------------------------------------

def test_index_fixture_points_at_whole_records(warc_root, index_rows):
    assert len(index_rows) == 17 and Counter(r["crawl"] for r in index_rows) == {
        "CC-MAIN-2020-34": 16, "CC-MAIN-2024-22": 1}
    for row in index_rows:
        assert cc.record_problem(original(warc_root, row)) is None


def test_query_by_cld2_language_and_tld(index_parquet):
    english = get_language("en")
    by_language = cc.query_index(index_parquet, cc.IndexQuery(language=english))
    assert [urlsplit(r.url).hostname for r in by_language] == [
        "037426.cn", "06.live-radsport.ch", "06.live-radsport.ch", "0755krk.com"]
    assert by_language == sorted(by_language)
    primary = cc.query_index(index_parquet, cc.IndexQuery(language=english,
                                                          primary_language_only=True))
    assert [r.url for r in primary] == ["http://037426.cn/"]
    either = cc.query_index(index_parquet, cc.IndexQuery(language=english, tlds=(".NL",)))
    assert len(either) == 5 and "0900-hovenier.nl" in {urlsplit(r.url).hostname for r in either}
    both = cc.query_index(index_parquet, cc.IndexQuery(language=english, tlds=("ch",),
                                                       match="all"))
    assert len(both) == 2
    assert len(cc.query_index(index_parquet, cc.IndexQuery(crawl="CC-MAIN-2024-22"))) == 1
    assert len(cc.query_index(index_parquet, cc.IndexQuery(limit=3))) == 3


def test_cld2_offers_no_swahili_here(index_parquet, index_rows):
    # The whirlwind page is Aragonese; CLD2 calls it Spanish. The index alone
    # neither finds nor rules out a low-resource language: LID must decide.
    assert cc.query_index(index_parquet, cc.IndexQuery(language=get_language("sw"))) == []
    assert [r["content_languages"] for r in index_rows if "wikipedia" in r["url"]] == ["spa"]


def test_language_match_is_by_whole_label(tmp_path):
    rows = [{"warc_filename": "f.warc.gz", "warc_record_offset": i * 100,
             "warc_record_length": 100, "content_languages": langs}
            for i, langs in enumerate(["swa", "eng,swa", "swc", None, "engswa"])]
    path = tmp_path / "table.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    swahili = get_language("swh")
    assert [r.warc_record_offset for r in cc.query_index(path, cc.IndexQuery(language=swahili))
            ] == [0, 100]
    primary = cc.IndexQuery(language=swahili, primary_language_only=True)
    assert [r.warc_record_offset for r in cc.query_index(path, primary)] == [0]


def test_user_supplied_csv_table(tmp_path, index_rows):
    table = tmp_path / "athena.csv"
    table.write_text("warc_filename,warc_record_offset,warc_record_length\n" + "".join(
        f"{r['warc_filename']},{r['warc_record_offset']},{r['warc_record_length']}\n"
        for r in index_rows[:3] * 2), encoding="utf-8")
    records = cc.query_index(table, cc.IndexQuery())
    assert [(r.warc_record_offset, r.url) for r in records] == [
        (r["warc_record_offset"], None) for r in index_rows[:3]]
    # a language query on a table of the user's own records takes every row (LID decides
    # after the fetch); a top-level-domain filter still needs its column
    assert cc.query_index(table, cc.IndexQuery(language=get_language("sw"))) == records
    with pytest.raises(ConfigError, match="lacks column"):
        cc.query_index(table, cc.IndexQuery(language=get_language("sw"), tlds=("tz",)))
    broken = tmp_path / "broken.csv"
    broken.write_text("warc_filename,warc_record_offset\nx,1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="lacks column.*warc_record_length"):
        cc.query_index(broken, cc.IndexQuery())
    with pytest.raises(InputError, match="cannot read index"):
        cc.query_index(tmp_path / "absent.parquet", cc.IndexQuery())


def test_query_validation():
    with pytest.raises(ConfigError, match="no CLD2 label"):
        cc.IndexQuery(language=get_language("zdj"))
    with pytest.raises(ConfigError, match="Language from the registry"):
        cc.IndexQuery(language="sw")
    with pytest.raises(ConfigError, match="'any' or 'all'"):
        cc.IndexQuery(match="both")
    with pytest.raises(ConfigError, match="no index source"):
        cc.query_index([], cc.IndexQuery())


def test_selection_round_trip_and_shards(tmp_path, index_parquet):
    records = cc.query_index(index_parquet, cc.IndexQuery())
    path = tmp_path / "selection.parquet"
    assert cc.write_selection(records, path) == 17
    shards = cc.selection_shards(17, 5)
    assert shards == [(0, 5), (5, 10), (10, 15), (15, 17)]
    assert [r for a, b in shards for r in cc.read_selection(path, a, b)] == records
    with pytest.raises(ConfigError, match="records per shard"):
        cc.selection_shards(17, 0)
    with pytest.raises(InputError, match="does not exist"):
        cc.read_selection(tmp_path / "none.parquet")


def test_cdx_api(server, index_rows):
    seen = []

    def cdx(query):
        seen.append(query)
        if query.get("url") == ["*.nowhere.tz"]:
            return 404, {}, b'{"message": "No Captures found"}'
        if "showNumPages" in query:
            return 200, {}, b'{"pages": 2, "pageSize": 5, "blocks": 7}'
        page = int(query["page"][0])
        lines = [json.dumps({"url": r["url"], "filename": r["warc_filename"],
                             "offset": str(r["warc_record_offset"]),
                             "length": str(r["warc_record_length"]),
                             "languages": r["content_languages"], "status": "200"})
                 for r in index_rows[page * 2:page * 2 + 2]]
        return 200, {}, ("\n".join(lines) + "\n").encode()

    server.add_route("CC-MAIN-2020-34-index", cdx)
    found = cc.query_cdx("*.cn", "CC-MAIN-2020-34", fast_client(), cdx_url=server.base_url,
                         language=get_language("en"))
    assert [r.warc_record_offset for r in found] == sorted(
        r["warc_record_offset"] for r in index_rows[:4])
    assert seen[1]["filter"] == ["=status:200", "languages:eng"] and seen[1]["output"] == ["json"]
    assert cc.query_cdx("*.nowhere.tz", "CC-MAIN-2020-34", fast_client(),
                        cdx_url=server.base_url) == []
    with pytest.raises(ConfigError, match="not a Common Crawl id"):
        cc.query_cdx("*.tz", "2020-34", fast_client(), cdx_url=server.base_url)


# -- targeted fetch -------------------------------------------------------------------

def _assert_shard_is_original(shard: Path, report, warc_root: Path) -> None:
    data = shard.read_bytes()
    lengths = [m["warc_record_length"] for m in report.manifest]
    assert len(data) == report.bytes_written == sum(lengths)
    for row in report.manifest:
        piece = data[row["shard_offset"]:row["shard_offset"] + row["warc_record_length"]]
        assert piece == original(warc_root, row)


def test_targeted_fetch_end_to_end(tmp_path, server, warc_root, index_parquet):
    from langforge.sources.warc import iter_pages

    query = cc.IndexQuery(language=get_language("en"), tlds=("nl",))
    records = cc.query_index(index_parquet, query)
    stats = StageStats("fetch")
    shard = tmp_path / "shard-00000.warc.gz"
    report = cc.fetch_records(records, shard, client=fast_client(), base_url=server.base_url,
                              stats=stats)
    _assert_shard_is_original(shard, report, warc_root)
    assert report.records_fetched == len(records) == 5 == stats.docs_out == stats.docs_in
    # Only the selected bytes crossed the wire: one request per (uncoalescable) record.
    assert server.bytes_served == sum(r.warc_record_length for r in records) == report.bytes_fetched
    assert len(server.requests) == report.ranges_requested == 5
    assert stats.extra["records_offered:CC-MAIN-2020-34"] == 5
    pages = list(iter_pages(shard, StageStats("read")))
    assert sorted(p.url for p in pages) == sorted(r.url for r in records)


def test_coalesced_ranges_fetch_gaps_once(tmp_path, server, warc_root, index_parquet):
    records = cc.query_index(index_parquet, cc.IndexQuery(crawl="CC-MAIN-2020-34"))
    groups = cc.coalesce(records, max_gap_bytes=1000)
    assert len(groups) == 1 and groups[0].length < (warc_root / records[0].warc_filename
                                                    ).stat().st_size
    report = cc.fetch_records(records, tmp_path / "s.warc.gz", client=fast_client(),
                              base_url=server.base_url, max_gap_bytes=1000)
    _assert_shard_is_original(tmp_path / "s.warc.gz", report, warc_root)
    assert len(server.requests) == 1 and server.bytes_served == groups[0].length
    assert server.bytes_served > sum(r.warc_record_length for r in records)  # gaps, once
    assert len(cc.coalesce(records, max_gap_bytes=1000, max_group_bytes=20_000)) > 1


@pytest.mark.parametrize("kind, params", RANGE_FAULTS, ids=[k for k, _ in RANGE_FAULTS])
def test_targeted_fetch_survives_faults(tmp_path, server, warc_root, index_parquet, kind, params):
    records = cc.query_index(index_parquet, cc.IndexQuery(crawl="CC-MAIN-2020-34"))
    server.add_fault("cc-2020-34/warcfile.warc.gz", kind, times=3, **params)
    report = cc.fetch_records(records, tmp_path / "s.warc.gz", client=fast_client(),
                              base_url=server.base_url, max_gap_bytes=1000, max_workers=2)
    _assert_shard_is_original(tmp_path / "s.warc.gz", report, warc_root)
    assert report.records_fetched == 16 and server.faults_hit[kind] == 3


def test_targeted_fetch_fails_whole_shard(tmp_path, server, index_parquet):
    records = cc.query_index(index_parquet, cc.IndexQuery())
    server.add_fault("cc-whirlwind/whirlwind.warc.gz", "reset", times=None, after_bytes=100)
    shard = tmp_path / "s.warc.gz"
    with pytest.raises(FetchError, match=r"whirlwind\.warc\.gz.*after 2 attempts.*"
                                         r"(reset|Connection broken|closed at byte)"):
        cc.fetch_records(records, shard, client=fast_client(max_attempts=2),
                         base_url=server.base_url)
    assert not shard.exists() and list(tmp_path.iterdir()) == []


def test_bad_duplicate_and_overlapping_rows(tmp_path, server, index_parquet):
    records = cc.query_index(index_parquet, cc.IndexQuery(crawl="CC-MAIN-2024-22"))
    good = records[0]
    shifted = cc.IndexRecord(good.warc_filename, good.warc_record_offset + 1,
                             good.warc_record_length, url=good.url)
    stats = StageStats("fetch")
    with pytest.raises(InputError, match="overlap"):
        cc.coalesce([good, shifted])
    report = cc.fetch_records([good, good], tmp_path / "a.warc.gz", client=fast_client(),
                              base_url=server.base_url, stats=stats)
    assert report.records_fetched == 1 and stats.docs_in == 1
    # bytes that are not a record fail the shard loudly (never a silent drop)
    server.reset_counts()
    with pytest.raises(FetchError, match=rf"after 4 attempts.*bytes {shifted.warc_record_offset}"
                                         r"\+\d+ of .*whirlwind.* are not the WARC record"):
        cc.fetch_records([shifted], tmp_path / "b.warc.gz", client=fast_client(),
                         base_url=server.base_url)
    assert len(server.requests) == 4 and not (tmp_path / "b.warc.gz").exists()


def row(record: cc.IndexRecord) -> dict:
    return {"warc_filename": record.warc_filename, "warc_record_offset": record.warc_record_offset,
            "warc_record_length": record.warc_record_length}


def neighbours(index_parquet) -> tuple[cc.IndexRecord, cc.IndexRecord]:
    """Two records of one file, the second after the first."""
    records = sorted(cc.query_index(index_parquet, cc.IndexQuery(crawl="CC-MAIN-2020-34")),
                     key=lambda r: r.warc_record_offset)
    return records[0], records[1]


def test_another_records_bytes_fail_the_shard(tmp_path, server, warc_root, index_parquet):
    """Bytes of another record (a whole gzip member holding a WARC record, of
    another URL) are caught by the record's URL, retried, then fail the shard."""
    first, second = neighbours(index_parquet)
    assert cc.record_problem(original(warc_root, row(first)), first.url) is None
    assert "holds the record of" in cc.record_problem(original(warc_root, row(second)),
                                                      first.url)
    wrong = cc.IndexRecord(second.warc_filename, second.warc_record_offset,
                           second.warc_record_length, url=first.url, crawl=first.crawl)
    shard = tmp_path / "s.warc.gz"
    with pytest.raises(FetchError, match="after 4 attempts.*holds the record of"):
        cc.fetch_records([wrong], shard, client=fast_client(), base_url=server.base_url)
    assert len(server.requests) == 4 and not shard.exists()


def test_a_stalled_transfer_is_retried(tmp_path, server, warc_root, index_parquet):
    """A server that trickles bytes (each read succeeds, no read timeout fires)
    trips the progress deadline: the request is retried and the shard completes."""
    first, _ = neighbours(index_parquet)
    server.add_fault(first.warc_filename, "trickle", times=1, piece_bytes=50, delay_s=0.02)
    client = fast_client(progress_interval_s=0.2, min_progress_bytes=first.warc_record_length)
    report = cc.fetch_records([first], tmp_path / "s.warc.gz", client=client,
                              base_url=server.base_url)
    _assert_shard_is_original(tmp_path / "s.warc.gz", report, warc_root)
    assert server.faults_hit["trickle"] == 1 and len(server.requests) == 2


def test_empty_selection_writes_empty_shard(tmp_path, server):
    report = cc.fetch_records([], tmp_path / "e.warc.gz", client=fast_client(),
                              base_url=server.base_url)
    assert report.records_offered == report.ranges_requested == 0
    assert (tmp_path / "e.warc.gz").read_bytes() == b"" and server.requests == []


def test_record_problem_names_the_defect(warc_root, index_rows):
    data = original(warc_root, index_rows[0])
    assert cc.record_problem(data) is None
    assert cc.record_problem(data[:-10]) == "gzip member cut short"
    assert cc.record_problem(data + b"xx") == "2 bytes after the gzip member"
    assert cc.record_problem(data[1:]).startswith("not a gzip member")
    assert cc.record_problem(gzip.compress(b"<html>")) == "member does not hold a WARC record"


# -- listings, selection, shards ---------------------------------------------------------

def test_crawl_listing(tmp_path):
    listing = tmp_path / "crawl-data" / "CC-MAIN-2025-08" / "warc.paths.gz"
    listing.parent.mkdir(parents=True)
    paths = [f"crawl-data/CC-MAIN-2025-08/segments/1/warc/f-{i:05d}.warc.gz" for i in range(40)]
    listing.write_bytes(gzip.compress(("\n".join(paths) + "\n").encode()))
    with FaultyHTTPServer(tmp_path) as srv:
        srv.add_fault(listing.relative_to(tmp_path).as_posix(), "503")
        assert cc.list_crawl_paths("CC-MAIN-2025-08", fast_client(),
                                   base_url=srv.base_url) == paths
        with pytest.raises(FetchError, match=r"CC-MAIN-2025-09/wet\.paths\.gz: HTTP 404"):
            cc.list_crawl_paths("CC-MAIN-2025-09", fast_client(), kind="wet",
                                base_url=srv.base_url)
    assert cc.listing_url("CC-MAIN-2025-08") == \
        "https://data.commoncrawl.org/crawl-data/CC-MAIN-2025-08/warc.paths.gz"
    assert cc.resolve_url(paths[0], cc.S3_BASE_URL).startswith(
        "https://commoncrawl.s3.amazonaws.com/crawl-data/")
    with pytest.raises(ConfigError, match="must be http"):
        cc.resolve_url(paths[0], "s3://commoncrawl")
    with pytest.raises(ConfigError, match="unknown listing kind"):
        cc.listing_url("CC-MAIN-2025-08", "warcs")


def test_select_paths_is_deterministic_and_stable():
    paths = [f"crawl-data/C/segments/{i}/warc/f.warc.gz" for i in range(100)]
    chosen = cc.select_paths(paths, 10, seed=1)
    assert len(chosen) == 10 and chosen == cc.select_paths(paths, 10, seed=1)
    assert chosen == [p for p in paths if p in chosen]  # listing order kept
    assert cc.select_paths(list(reversed(paths)), 10, seed=1) == list(reversed(chosen))
    assert set(chosen) < set(cc.select_paths(paths, 20, seed=1))  # larger LIMIT extends
    assert chosen != cc.select_paths(paths, 10, seed=2)
    assert cc.select_paths(paths, 3, mode="range", start=5) == paths[5:8]
    assert cc.select_paths(paths, None) == paths
    for kwargs, match in [(dict(limit=0), "limit must be >= 1"),
                          (dict(limit=3, mode="range", start=100), "outside the listing"),
                          (dict(limit=3, mode="random"), "unknown selection mode"),
                          (dict(limit=3, start=2), "mode='range' only")]:
        with pytest.raises(ConfigError, match=match):
            cc.select_paths(paths, **kwargs)
    assert cc.shard_groups(paths[:5], 2) == [paths[0:2], paths[2:4], paths[4:5]]
    assert cc.shard_groups([], 2) == []
    with pytest.raises(ConfigError, match="per shard"):
        cc.shard_groups(paths, 0)


def test_expand_warc_inputs(tmp_path):
    for name in ("a.warc.gz", "b.warc", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    listing = tmp_path / "list.txt"
    listing.write_text("# my files\nb.warc\ncrawl-data/C/x.warc.gz\nhttps://m.example/y.warc.gz\n",
                       encoding="utf-8")
    found = cc.expand_warc_inputs([str(tmp_path / "*.warc.gz"), str(listing), str(tmp_path),
                                   "https://m.example/y.warc.gz"], base_url="https://mirror/")
    assert found == [str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc"),
                     "https://mirror/crawl-data/C/x.warc.gz", "https://m.example/y.warc.gz"]
    with pytest.raises(ConfigError, match="matches no file"):
        cc.expand_warc_inputs([str(tmp_path / "*.arc")])
    with pytest.raises(ConfigError, match="is not a URL, file, directory or glob"):
        cc.expand_warc_inputs([str(tmp_path / "absent.warc.gz")])
    assert cc.local_path_for("https://data.commoncrawl.org/crawl-data/C/x.warc.gz", tmp_path) == \
        tmp_path / "crawl-data" / "C" / "x.warc.gz"
    with pytest.raises(ConfigError, match="cannot map"):
        cc.local_path_for("../../etc/passwd", tmp_path)


# -- whole-file downloads ---------------------------------------------------------------

NAME = "cc-2020-34/warcfile.warc.gz"


@pytest.mark.parametrize("kind, params", FAULTS, ids=[k for k, _ in FAULTS])
def test_download_recovers_byte_identical(tmp_path, server, warc_root, kind, params):
    server.add_fault(NAME, kind, times=2, **params)
    done = cc.download_warc(server.url(NAME), tmp_path / "w.warc.gz", fast_client())
    assert (tmp_path / "w.warc.gz").read_bytes() == (warc_root / NAME).read_bytes()
    assert done.records == 50 and not cc.part_path(tmp_path / "w.warc.gz").exists()
    assert server.faults_hit[kind] == 2


def test_download_resumes_and_never_repeats(tmp_path, server, warc_root):
    original_bytes = (warc_root / NAME).read_bytes()
    dest = tmp_path / "w.warc.gz"
    cc.part_path(dest).write_bytes(original_bytes[:50_000])
    done = cc.download_warc(server.url(NAME), dest, fast_client())
    assert dest.read_bytes() == original_bytes
    assert done.transferred_bytes == server.bytes_served == len(original_bytes) - 50_000
    assert [r.range for r in server.requests] == ["bytes=50000-"]
    again = cc.download_warc(server.url(NAME), dest, fast_client())
    assert again.reused and again.transferred_bytes == 0 and len(server.requests) == 1


def test_download_failure_keeps_part_for_resume(tmp_path, server):
    server.add_fault(NAME, "reset", after_bytes=40_000)  # progress, then none
    server.add_fault(NAME, "reset", times=2, after_bytes=0)
    dest = tmp_path / "w.warc.gz"
    url = server.url(NAME)
    with pytest.raises(FetchError, match=rf"cannot fetch {url} at byte .* after 2 attempts"):
        cc.download_warc(url, dest, fast_client(max_attempts=2, chunk_bytes=8192))
    assert not dest.exists() and 0 < cc.part_path(dest).stat().st_size < 135_896
    server.reset_counts()
    cc.download_warc(url, dest, fast_client())
    assert dest.stat().st_size == 135_896 and server.bytes_served < 135_896


def test_stale_part_larger_than_remote_is_removed(tmp_path, server, warc_root):
    dest = tmp_path / "w.warc.gz"
    cc.part_path(dest).write_bytes(b"x" * 200_000)
    with pytest.raises(FetchError, match=r"past the end of the file \(135896 bytes\).*"
                                         r"removed the stale partial file"):
        cc.download_warc(server.url(NAME), dest, fast_client())
    assert not cc.part_path(dest).exists()
    cc.download_warc(server.url(NAME), dest, fast_client())
    assert dest.read_bytes() == (warc_root / NAME).read_bytes()


def test_download_rejects_incomplete_remote_file(tmp_path, warc_root):
    served = tmp_path / "served"
    served.mkdir()
    (served / "cut.warc.gz").write_bytes((warc_root / NAME).read_bytes()[:50_000])
    dest = tmp_path / "out" / "cut.warc.gz"
    with FaultyHTTPServer(served) as srv:
        with pytest.raises(InputError, match=r"cut\.warc\.gz: downloaded file failed its "
                                             r"integrity check.*cut short"):
            cc.download_warc(srv.url("cut.warc.gz"), dest, fast_client())
    assert not dest.exists() and not cc.part_path(dest).exists()


def test_download_shard_lists_failed_urls(tmp_path, server, warc_root):
    urls = [server.url(NAME), server.url("cc-2020-34/absent.warc.gz")]
    dests = [cc.local_path_for(u, tmp_path) for u in urls]
    with pytest.raises(FetchError, match=r"1 of 2 downloads failed:\n.*absent\.warc\.gz "
                                         r"at byte 0: HTTP 404") as failure:
        cc.download_warcs(urls, dests, fast_client())
    assert dests[0].read_bytes() == (warc_root / NAME).read_bytes()
    assert list(failure.value.report.failures) == [urls[1]]
    report = cc.download_warcs(urls[:1], dests[:1], fast_client())
    assert report.downloads[0].reused and report.transferred_bytes == 0


def test_check_warc(warc_root, tmp_path):
    assert cc.check_warc(warc_root / NAME) == cc.WarcCheck(135_896, 50, 50)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes((warc_root / NAME).read_bytes()[:50_000])
    with pytest.raises(InputError, match="gzip member 18 is cut short at byte 50,000"):
        cc.check_warc(cut)
    trunc = warc_root / "warcio-edgecases" / "example-trunc.warc"
    assert cc.check_warc(trunc).records == 4  # looks whole; only its digest tells
    with pytest.raises(InputError, match="example-trunc.warc: not a valid WARC.*digest"):
        cc.check_warc(trunc, digests=True)
    assert cc.check_warc(warc_root / NAME, digests=True).records == 50
    (tmp_path / "empty.warc").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        cc.check_warc(tmp_path / "empty.warc")


def test_stream_feeds_iter_pages_through_faults(server, warc_root):
    from langforge.sources.warc import iter_pages

    local = [(p.url, p.content) for p in iter_pages(warc_root / NAME, StageStats("read"))]
    server.add_fault(NAME, "reset", times=2, after_bytes=30_000)
    with cc.open_warc(server.url(NAME), fast_client()) as stream:
        streamed = [(p.url, p.content) for p in iter_pages(stream, StageStats("read"))]
    assert streamed == local and len(local) == 16 and server.faults_hit["reset"] == 2


# --- CDX URL-index API ------------------------------------------------------------------

class _CdxServer:
    """A CDX server on 127.0.0.1 answering showNumPages and paged JSON-lines queries."""

    def __init__(self, pages: list[list[dict]]):
        import http.server
        import threading
        from urllib.parse import parse_qs

        self.pages, self.queries = pages, []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                path, _, query = self.path.partition("?")
                params = parse_qs(query)
                outer.queries.append((path, params))
                if "showNumPages" in params:
                    body = json.dumps({"pages": len(outer.pages), "pageSize": 5}).encode()
                else:
                    page = outer.pages[int(params["page"][0])]
                    body = "\n".join(json.dumps(row) for row in page).encode() + b"\n"
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _cdx_row(i: int, languages: str = "swa") -> dict:
    return {"urlkey": f"tz,go,www)/page{i}", "timestamp": "20250208000000",
            "url": f"https://www.example.go.tz/page{i}", "mime": "text/html", "status": "200",
            "filename": "crawl-data/CC-MAIN-2025-08/segments/1/warc/a.warc.gz",
            "offset": str(1000 * i), "length": str(500 + i), "languages": languages}


def test_cdx_query_pages_filters_and_builds_records():
    pages = [[_cdx_row(i) for i in range(3)], [_cdx_row(i) for i in range(3, 5)]]
    with _CdxServer(pages) as base:
        client = HttpClient(HttpConfig(max_attempts=1), sleep=lambda s: None)
        records = cc.query_cdx("*.go.tz", "CC-MAIN-2025-08", client, cdx_url=base,
                               language=get_language("sw"))
        assert [r.warc_record_offset for r in records] == [0, 1000, 2000, 3000, 4000]
        assert records[1].warc_record_length == 501 and records[0].crawl == "CC-MAIN-2025-08"
        assert records[0].url == "https://www.example.go.tz/page0"


def test_cdx_query_sends_language_and_status_filters_and_honours_limit():
    server = _CdxServer([[_cdx_row(i) for i in range(4)]])
    with server as base:
        client = HttpClient(HttpConfig(max_attempts=1), sleep=lambda s: None)
        records = cc.query_cdx("*.go.tz", "CC-MAIN-2025-08", client, cdx_url=base,
                               language=get_language("sw"), limit=2)
    assert len(records) == 2
    path, params = server.queries[-1]
    assert path == "/CC-MAIN-2025-08-index"
    assert params["url"] == ["*.go.tz"] and params["output"] == ["json"]
    assert sorted(params["filter"]) == ["=status:200", "languages:swa"]


def test_cdx_bad_line_and_bad_crawl_are_clear_errors():
    bad = [[{"url": "https://x.tz/", "offset": "12"}]]  # no filename/length
    with _CdxServer(bad) as base:
        client = HttpClient(HttpConfig(max_attempts=1), sleep=lambda s: None)
        with pytest.raises(InputError, match="bad CDX line"):
            cc.query_cdx("x.tz", "CC-MAIN-2025-08", client, cdx_url=base)
        with pytest.raises(ConfigError):
            cc.query_cdx("x.tz", "not-a-crawl", client, cdx_url=base)
