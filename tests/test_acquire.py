"""Common Crawl acquisition wired into the graph, offline: a fake crawl (the embedded
sample split into four CC-style WARC files, and real CC WARCs where present) served
on 127.0.0.1, built through a crawl listing, an index query, and streaming."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urlsplit

import luigi
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator

from httpserver import FaultyHTTPServer
from langforge.errors import ConfigError, FetchError, InputError
from conftest import SHARED_DATA
from langforge.sources.commoncrawl import IndexRecord, select_paths, write_selection
from langforge.storage import read_docs
from langforge.acquisition import cache_path, failed_shards, reset_failed_shards, shard_inputs
from pipelines.acquire import FetchRecords
from pipelines.language import SAMPLE_WARC, language_task, resolve_warcs, run_language
from pipelines.native import ExtractShard

CRAWL = "CC-MAIN-2025-08"
SEGMENT = f"crawl-data/{CRAWL}/segments/1738000000000.00/warc"
PARTS = 4
SW_CLD2 = "swa"


def _records(path: Path) -> list[dict]:
    """Every record of a WARC: type, target URI, byte range, and for responses the
    HTTP status, media type and (from the metadata record after it) CLD2 codes."""
    rows = []
    with path.open("rb") as handle:
        iterator = ArchiveIterator(handle)
        for record in iterator:
            block = record.content_stream().read() if record.rec_type == "metadata" else b""
            row = {"type": record.rec_type, "offset": iterator.get_record_offset(),
                   "url": record.rec_headers.get_header("WARC-Target-URI")}
            if record.rec_type == "response":
                row["status"] = int(record.http_headers.get_statuscode())
                row["mime"] = (record.http_headers.get_header("Content-Type") or "") \
                    .split(";")[0].strip().lower()
            iterator.read_to_end(record)
            row["length"] = iterator.get_record_length()
            if record.rec_type == "metadata":
                for line in block.decode("utf-8").splitlines():
                    if line.startswith("languages-cld2:"):
                        found = json.loads(line.split(":", 1)[1]).get("languages", [])
                        row["cld2"] = ",".join(x["code-iso-639-3"] for x in found)
            rows.append(row)
    return rows


def _index_rows(path: Path, warc_filename: str, crawl: str) -> list[dict]:
    """Columnar-index rows (Common Crawl's column names) for the responses of a WARC."""
    rows = []
    for record in _records(path):
        if record["type"] == "metadata" and rows and rows[-1]["url"] == record["url"]:
            rows[-1]["content_languages"] = record.get("cld2")
        elif record["type"] == "response":
            host = urlsplit(record["url"]).hostname or ""
            rows.append({"url": record["url"], "url_host_tld": host.rsplit(".", 1)[-1],
                         "content_languages": None, "warc_filename": warc_filename,
                         "warc_record_offset": record["offset"],
                         "warc_record_length": record["length"],
                         "fetch_status": record["status"], "content_mime_detected": record["mime"],
                         "crawl": crawl, "subset": "warc"})
    return rows


@pytest.fixture(scope="module")
def crawl_root(tmp_path_factory) -> Path:
    """The sample split into PARTS CC-style files (at page boundaries) + warc.paths.gz."""
    root = tmp_path_factory.mktemp("cc")
    data = SAMPLE_WARC.read_bytes()
    starts = [r["offset"] for r in _records(SAMPLE_WARC) if r["type"] == "request"]
    cuts = [0] + [starts[len(starts) * i // PARTS] for i in range(1, PARTS)] + [len(data)]
    paths = []
    for i in range(PARTS):
        rel = f"{SEGMENT}/CC-MAIN-20250208000000-20250208010000-{i:05d}.warc.gz"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data[cuts[i]:cuts[i + 1]])
        paths.append(rel)
    (root / f"crawl-data/{CRAWL}/warc.paths.gz").write_bytes(
        gzip.compress("".join(f"{p}\n" for p in paths).encode()))
    return root


@pytest.fixture(scope="module")
def crawl_build(crawl_root, tmp_path_factory):
    """One build, three runs: with a persistent fault on one chosen file, after the
    fault is gone (retries that shard), and once more (no work)."""
    paths = gzip.decompress((crawl_root / f"crawl-data/{CRAWL}/warc.paths.gz").read_bytes()) \
        .decode().split()
    chosen = select_paths(paths, 2, mode="sample")
    broken = chosen[1]
    build = tmp_path_factory.mktemp("crawl-build")
    runs = []
    with FaultyHTTPServer(crawl_root) as server:
        server.add_fault(broken, "503", times=None)

        def run():
            server.reset_counts()
            task = language_task("sw", build_dir=str(build), cc_crawl=CRAWL, limit=2,
                                 base_url=server.base_url)
            ok, summary = run_language(task)
            report = Path(task.lang_dir) / "report.html"
            runs.append({"ok": ok, "summary": summary, "task": task,
                         "bytes": server.bytes_served, "requests": list(server.requests),
                         "report": report.read_text() if report.is_file() else ""})

        run()
        server.faults.clear()
        run()
        run()
    return {"runs": runs, "chosen": chosen, "broken": broken, "root": crawl_root,
            "build": build}


@pytest.mark.slow
def test_crawl_failed_shard_is_listed_and_the_rest_reaches_the_dataset(crawl_build):
    first = crawl_build["runs"][0]
    assert first["ok"], "a failed download shard must not stop the run"
    summary = first["summary"]
    failed = summary["failed_shards"]
    assert len(failed) == 1 and crawl_build["broken"] in failed[0] and "503" in failed[0]
    assert failed[0].startswith("shard-00001:")
    assert summary["final"]["native_documents"] > 0
    assert summary["acquisition"]["method"] == "crawl"
    assert summary["acquisition"]["files"] == 1
    assert "Failed shards" in first["report"] and crawl_build["broken"] in first["report"]


@pytest.mark.slow
def test_crawl_rerun_retries_only_the_failed_shard(crawl_build):
    first, second = crawl_build["runs"][:2]
    assert second["ok"] and second["summary"]["failed_shards"] == []
    broken = crawl_build["root"] / crawl_build["broken"]
    # the listing and the good file come from the cache: only the broken file moves
    assert {r.path.lstrip("/") for r in second["requests"]} == {crawl_build["broken"]}
    assert second["bytes"] == broken.stat().st_size
    assert second["summary"]["final"]["native_documents"] > \
        first["summary"]["final"]["native_documents"]
    build = crawl_build["build"]
    for rel in crawl_build["chosen"]:
        cached = cache_path(build, rel)
        assert cached.read_bytes() == (crawl_build["root"] / rel).read_bytes()
        assert cached.is_relative_to(build / "cache" / "warc" / CRAWL)
    assert not list(build.rglob("*.part")) and not list(build.rglob(".tmp-*"))


@pytest.mark.slow
def test_crawl_builds_swahili_from_the_downloaded_files_and_rerun_is_offline(crawl_build):
    second, third = crawl_build["runs"][1:]
    assert third["ok"] and third["requests"] == [] and third["bytes"] == 0
    assert third["summary"] == second["summary"]
    summary = second["summary"]
    lang_dir = Path(second["task"].lang_dir)
    native = pq.read_table(next((lang_dir / "dataset" / "data").glob("native-*.parquet")))
    assert set(native.column("language").to_pylist()) == {"swh_Latn"}
    hosts = {r["url"] for f in crawl_build["chosen"]
             for r in _records(crawl_build["root"] / f) if r["type"] == "response"}
    assert set(native.column("url").to_pylist()) <= hosts
    by_crawl = summary["acquisition"]["by_crawl"][CRAWL]
    assert by_crawl["lid_kept"] == summary["stages"]["identify"]["docs_out"]
    assert by_crawl["lid_in"] == summary["stages"]["identify"]["docs_in"]
    assert 0.5 < by_crawl["cld2_recall_frac"] <= 1.0
    assert [w["name"] for w in summary["inputs"]["warcs"]] == sorted(crawl_build["chosen"])
    assert all(len(w["fingerprint"]) == 16 for w in summary["inputs"]["warcs"])


@pytest.fixture(scope="module")
def index_build(tmp_path_factory):
    """The whole sample (and the real CC-MAIN-2020-34 excerpt, when present) behind a
    tiny columnar index; build Swahili from the records CLD2 labels swa."""
    root = tmp_path_factory.mktemp("idx-root")
    sample_rel = f"{SEGMENT}/CC-MAIN-20250208000000-20250208010000-sample.warc.gz"
    (root / sample_rel).parent.mkdir(parents=True)
    (root / sample_rel).write_bytes(SAMPLE_WARC.read_bytes())
    rows = _index_rows(SAMPLE_WARC, sample_rel, CRAWL)
    shared = SHARED_DATA / "warc" / "cc-2020-34"  # real CC records CLD2 did not label swa
    if (shared / "warcfile.warc.gz").is_file():
        real_rel = "crawl-data/CC-MAIN-2020-34/segments/x/warc/warcfile.warc.gz"
        (root / real_rel).parent.mkdir(parents=True)
        (root / real_rel).write_bytes((shared / "warcfile.warc.gz").read_bytes())
        rows += _index_rows(shared / "warcfile.warc.gz", real_rel, "CC-MAIN-2020-34")
    index = tmp_path_factory.mktemp("idx") / "index.parquet"
    pq.write_table(pa.Table.from_pylist(rows), index)
    selected = [r for r in rows if SW_CLD2 in (r["content_languages"] or "").split(",")
                and r["fetch_status"] == 200 and r["subset"] == "warc"
                and r["content_mime_detected"] in ("text/html", "application/xhtml+xml")]
    build = tmp_path_factory.mktemp("idx-build")
    with FaultyHTTPServer(root) as server:
        task = language_task("sw", build_dir=str(build), index=str(index),
                             base_url=server.base_url, records_per_shard=80)
        ok, summary = run_language(task)
        served, requests = server.bytes_served, list(server.requests)
    return {"ok": ok, "summary": summary, "task": task, "rows": rows, "selected": selected,
            "bytes": served, "requests": requests, "index": index, "root": root}


@pytest.mark.slow
def test_index_fetches_exactly_the_selected_records(index_build):
    assert index_build["ok"]
    selected = index_build["selected"]
    assert 100 < len(selected) < len(index_build["rows"])
    assert index_build["bytes"] == sum(r["warc_record_length"] for r in selected)
    assert all(r.range and r.status == 206 for r in index_build["requests"])
    summary = index_build["summary"]
    assert summary["stages"]["fetch"]["docs_in"] == len(selected)
    assert summary["stages"]["fetch"]["docs_out"] == len(selected)
    assert list(summary["stages"])[:2] == ["fetch", "read"]


@pytest.mark.slow
def test_index_build_keeps_only_swahili_from_the_selection(index_build):
    summary, task = index_build["summary"], index_build["task"]
    lang_dir = Path(task.lang_dir)
    native = pq.read_table(next((lang_dir / "dataset" / "data").glob("native-*.parquet")))
    urls = set(native.column("url").to_pylist())
    assert urls and urls <= {r["url"] for r in index_build["selected"]}
    assert set(native.column("language").to_pylist()) == {"swh_Latn"}
    # Swahili pages that CLD2 mislabelled were never fetched: the price of targeting
    manifest = json.loads((SAMPLE_WARC.parent / "manifest.json").read_text())["pages"]
    missed = {p["url"] for p in manifest if p["language"] == "swh_Latn" and p["cld2_mislabel"]}
    assert missed and not missed & {r["url"] for r in index_build["selected"]}


@pytest.mark.slow
def test_an_index_build_on_a_store_publishes_the_same_dataset(index_build, tmp_path,
                                                               monkeypatch):
    """The same index query with the build dir on a store: the selection goes to the
    store (workers read it there), fetch shards are pushed and pulled like any output,
    and the published dataset is byte-identical to the local build's."""
    import fsspec

    monkeypatch.setenv("LANGFORGE_WORK_DIR", str(tmp_path / "work"))
    bucket = f"memory://idx-{tmp_path.name}"
    with FaultyHTTPServer(index_build["root"]) as server:
        task = language_task("sw", build_dir=f"{bucket}/build", index=str(index_build["index"]),
                             base_url=server.base_url, records_per_shard=80)
        assert task.spec.selection.startswith(f"{bucket}/build/swh_Latn/select/")
        ok, summary = run_language(task)
    assert ok and summary["final"] == index_build["summary"]["final"]
    fs = fsspec.filesystem("memory")
    local = Path(index_build["task"].lang_dir) / "dataset"
    ours = f"/idx-{tmp_path.name}/build/swh_Latn/dataset"
    theirs = {"/" + p.relative_to(local).as_posix(): p.read_bytes()
              for p in local.rglob("*") if p.is_file()}
    mine = {k[len(ours):]: fs.cat_file(k) for k in fs.find(ours)}
    assert sorted(mine) == sorted(theirs)
    for name in theirs:
        assert mine[name].decode(errors="replace").splitlines() == \
            theirs[name].decode(errors="replace").splitlines(), name
    fs.rm(f"/idx-{tmp_path.name}", recursive=True)


@pytest.mark.slow
def test_a_crawl_build_on_a_store_streams_its_files(crawl_root, tmp_path, monkeypatch):
    """Workers of a store build share no download cache: the crawl's files are
    streamed, nothing is kept under the working copy's cache."""
    import fsspec

    monkeypatch.setenv("LANGFORGE_WORK_DIR", str(tmp_path / "work"))
    bucket = f"memory://crawl-{tmp_path.name}"
    with FaultyHTTPServer(crawl_root) as server:
        task = language_task("sw", build_dir=f"{bucket}/build", cc_crawl=CRAWL, limit=2,
                             base_url=server.base_url)
        ok, summary = run_language(task)
    assert ok and task.spec.stream and summary["final"]["native_documents"] > 0
    assert not list((tmp_path / "work").rglob("*.warc.gz"))
    fs = fsspec.filesystem("memory")
    assert fs.exists(f"/crawl-{tmp_path.name}/build/swh_Latn/summary.json")
    fs.rm(f"/crawl-{tmp_path.name}", recursive=True)


@pytest.mark.slow
def test_index_acquisition_counts_join_fetch_and_lid(index_build):
    summary = index_build["summary"]
    acquisition = summary["acquisition"]
    assert acquisition["method"] == "index" and acquisition["cld2_label"] == SW_CLD2
    counts = acquisition["by_crawl"][CRAWL]
    assert counts["records_offered"] == counts["records_fetched"] == len(index_build["selected"])
    assert counts["lid_kept"] == summary["stages"]["identify"]["docs_out"]
    assert counts["lid_in"] == summary["stages"]["identify"]["docs_in"]
    # every fetched record was CLD2-labelled swa, so CLD2 "found" all LID kept
    assert counts["lid_in_cld2_labelled"] == counts["lid_in"]
    assert counts["cld2_recall_frac"] == 1.0
    assert acquisition["bytes_fetched"] == index_build["bytes"]
    assert summary["failed_shards"] == []


def test_index_query_by_tld_recovers_cld2_misses(tmp_path):
    rows = _index_rows(SAMPLE_WARC, "crawl-data/x.warc.gz", CRAWL)
    index = tmp_path / "index.parquet"
    pq.write_table(pa.Table.from_pylist(rows), index)
    from pipelines.acquire import QueryIndex, plan

    by_cld2 = plan(QueryIndex(language="swh_Latn", build_dir=str(tmp_path), index=str(index)))
    by_both = plan(QueryIndex(language="swh_Latn", build_dir=str(tmp_path), index=str(index),
                              tlds=("tz",)))
    assert by_cld2.output().path != by_both.output().path  # the query names the file
    urls = [set(pq.read_table(t.output().path).column("url").to_pylist())
            for t in (by_cld2, by_both)]
    assert urls[0] < urls[1]
    assert "https://jikonikwetu.co.tz/mapishi/2024/06/mapishi-maharage-ya-nazi-158" in \
        urls[1] - urls[0]


def _shard(build: Path, **source) -> ExtractShard:
    """Shard 0 of a build of ``source`` (warcs=..., or selection= and rows=)."""
    from langforge.build import BuildSpec
    from langforge.config import load_config

    rows = source.pop("rows", None)
    if rows:
        assert rows[0] == 0, "shard 0 starts at row 0"
        source["records_per_shard"] = rows[1]
    spec = BuildSpec.create(load_config("sw"), **source)
    spec.save(build)
    return ExtractShard(language="swh_Latn", build_dir=str(build), build_id=spec.build_id,
                        shard=0)


def _extract(build: Path, **params) -> list:
    task = _shard(build, **params)
    assert luigi.build([task], local_scheduler=True, log_level="WARNING")
    return [(d.url, d.text) for d in read_docs(Path(task.output().path).parent / "docs.parquet")]


@pytest.fixture
def no_prefilter(tmp_path, monkeypatch):
    """Extract every page: the real CC file has no Swahili for the pre-filter to keep."""
    import shutil

    from langforge.config import config_dir

    conf = tmp_path / "languages"
    shutil.copytree(config_dir(), conf)
    path = conf / "swh_Latn.toml"
    path.write_text(path.read_text() + "\n[prefilter]\nenabled = false\n")
    monkeypatch.setenv("LANGFORGE_CONFIG_DIR", str(conf))


@pytest.mark.parametrize("real", [False, True])
def test_stream_reads_the_same_pages_as_a_local_file_and_keeps_nothing(tmp_path, request,
                                                                      crawl_root, real,
                                                                      no_prefilter):
    if real:
        root, rel = request.getfixturevalue("shared_data") / "warc", "cc-2020-34/warcfile.warc.gz"
    else:
        root, rel = crawl_root, f"{SEGMENT}/CC-MAIN-20250208000000-20250208010000-00000.warc.gz"
    local = _extract(tmp_path / "local", warcs=(str(root / rel),))
    with FaultyHTTPServer(root) as server:
        server.add_fault(rel, "reset", after_bytes=20_000)  # the stream resumes by Range
        streamed = _extract(tmp_path / "stream", warcs=(server.url(rel),), stream=True)
        assert server.faults_hit["reset"] == 1
    assert streamed == local and len(local) > 3
    assert not (tmp_path / "stream" / "cache").exists()


def test_failed_fetch_shard_rejects_its_records_and_a_reset_retries_it(tmp_path):
    rel = "crawl-data/CC-MAIN-2025-08/x.warc.gz"
    (tmp_path / "root" / rel).parent.mkdir(parents=True)
    (tmp_path / "root" / rel).write_bytes(SAMPLE_WARC.read_bytes())
    rows = _index_rows(SAMPLE_WARC, rel, CRAWL)[:5]
    selection = tmp_path / "selection.parquet"
    fields = ("warc_filename", "warc_record_offset", "warc_record_length", "url", "crawl",
              "content_languages", "url_host_tld")
    write_selection([IndexRecord(**{k: r[k] for k in fields}) for r in rows], selection)
    with FaultyHTTPServer(tmp_path / "root") as server:
        server.add_fault(rel, "503", times=None)
        shard = _shard(tmp_path / "b", selection=str(selection), rows=(0, 5),
                       base_url=server.base_url)
        assert luigi.build([shard], local_scheduler=True, log_level="WARNING")
        fetch = shard.requires()[0]
        assert isinstance(fetch, FetchRecords)
        assert list(shard_inputs(shard.layout, 0)) == []
        causes = failed_shards(shard.layout)
        assert len(causes) == 1 and server.url(rel) in causes[0] and "503" in causes[0]
        rejected = pq.read_table(Path(fetch.output().path).parent / "rejected.parquet")
        assert rejected.column("reason").to_pylist() == ["fetch_failed"] * 5
        server.faults.clear()
        assert reset_failed_shards(shard.layout) == [causes[0].split(": ", 1)[1]]
        assert not shard.complete() and not fetch.complete()
        assert luigi.build([shard], local_scheduler=True, log_level="WARNING")
    assert failed_shards(shard.layout) == [] and len(list(shard_inputs(shard.layout, 0))) == 1


def test_cache_path_is_per_crawl_whatever_the_mirror(tmp_path):
    rel = f"{SEGMENT}/a.warc.gz"
    expected = tmp_path / "cache" / "warc" / CRAWL / "segments" / "1738000000000.00" / "warc" \
        / "a.warc.gz"
    assert cache_path(tmp_path, rel) == expected
    assert cache_path(tmp_path, f"https://data.commoncrawl.org/{rel}") == expected
    assert cache_path(tmp_path, "http://example.org/x/y.warc.gz") == \
        tmp_path / "cache" / "warc" / "example.org" / "x" / "y.warc.gz"
    with pytest.raises(ConfigError, match="cannot map"):
        cache_path(tmp_path, "http://example.org/../x.warc.gz")


def test_source_arguments_are_checked_before_any_work(tmp_path):
    with pytest.raises(ConfigError, match="--limit"):
        language_task("sw", build_dir=str(tmp_path), cc_crawl=CRAWL)
    with pytest.raises(ConfigError, match="CC-MAIN-2025-08"):
        language_task("sw", build_dir=str(tmp_path), cc_crawl="2025-08", limit=1)
    with pytest.raises(ConfigError, match="not both"):
        language_task("sw", build_dir=str(tmp_path), warcs=[str(SAMPLE_WARC)], cc_crawl=CRAWL,
                      limit=1)
    with pytest.raises(ConfigError, match="not both"):
        language_task("sw", build_dir=str(tmp_path), warcs=[str(SAMPLE_WARC)], index="x.parquet")
    assert not list(tmp_path.iterdir())


def test_missing_listing_fails_with_its_url(tmp_path):
    with FaultyHTTPServer(tmp_path) as server:
        with pytest.raises(FetchError, match=f"{server.base_url}crawl-data/{CRAWL}/warc.paths.gz"
                           ".*404"):
            language_task("sw", build_dir=str(tmp_path / "b"), cc_crawl=CRAWL, limit=1,
                          base_url=server.base_url)
    assert not (tmp_path / "b" / "cache" / "warc" / CRAWL / "warc.paths.gz").exists()


def test_an_index_that_offers_nothing_is_an_input_error(tmp_path):
    rows = [r for r in _index_rows(SAMPLE_WARC, "crawl-data/x.warc.gz", CRAWL)
            if SW_CLD2 not in (r["content_languages"] or "")]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "index.parquet")
    with pytest.raises(InputError, match="offered no record for swh_Latn"):
        language_task("sw", build_dir=str(tmp_path), index=str(tmp_path / "index.parquet"))


def test_resolve_warcs_keeps_urls_and_crawl_paths(tmp_path):
    url = "https://data.commoncrawl.org/crawl-data/CC-MAIN-2025-08/a.warc.gz"
    listing = tmp_path / "list.txt"
    listing.write_text(f"{url}\ncrawl-data/{CRAWL}/b.warc.gz\n{SAMPLE_WARC}\n")
    assert resolve_warcs(f"@{listing}") == sorted(
        [url, f"crawl-data/{CRAWL}/b.warc.gz", str(SAMPLE_WARC)])
    assert resolve_warcs(str(SAMPLE_WARC.parent)) == [str(SAMPLE_WARC)]


def test_cli_passes_the_source_options_to_the_graph(tmp_path, crawl_root, monkeypatch, capsys):
    import pipelines.language
    from langforge.cli import main

    built = []
    monkeypatch.setattr(pipelines.language, "run_language",
                        lambda task, **kwargs: (built.append(task), (True, None))[1])
    assert main(["language", "sw", "--build-dir", str(tmp_path), "--cc-crawl", CRAWL]) == 2
    assert "--limit N" in capsys.readouterr().err
    with FaultyHTTPServer(crawl_root) as server:
        assert main(["language", "sw", "--build-dir", str(tmp_path), "--cc-crawl", CRAWL,
                     "--limit", "2", "--select", "range", "--start", "1", "--stream",
                     "--cc-base", server.base_url]) == 0
    spec = built[-1].spec
    assert spec.crawl == CRAWL and spec.stream and spec.base_url == server.base_url
    assert [w.rsplit("-", 1)[1] for w in spec.warcs] == ["00001.warc.gz", "00002.warc.gz"]
    rows = _index_rows(SAMPLE_WARC, "crawl-data/x.warc.gz", CRAWL)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "index.parquet")
    assert main(["language", "sw", "--build-dir", str(tmp_path), "--index",
                 str(tmp_path / "index.parquet"), "--tld", "tz,ke", "--tld", "ug",
                 "--records-per-shard", "50"]) == 0
    spec = built[-1].spec
    assert spec.warcs == [] and spec.records_per_shard == 50
    selected = pq.read_table(spec.selection).to_pylist()
    assert {r["url_host_tld"] for r in selected} >= {"tz", "ke", "ug"}


@pytest.mark.slow
def test_no_secret_reaches_a_file_or_a_log_line(crawl_root, tmp_path, caplog, capfd):
    """A password in --cc-base and a signed WARC URL: neither is written anywhere under
    the build dir (specs, task outputs, cache manifests, summary, report, card, data)
    nor printed in a log line."""
    import logging

    from langforge.cli import main

    paths = sorted(str(p.relative_to(crawl_root)) for p in crawl_root.rglob("*.warc.gz"))
    build = tmp_path / "b"
    with FaultyHTTPServer(crawl_root) as server:
        base = server.base_url.replace("http://", "http://alice:s3cretpw@")
        signed = server.url(paths[0]) + "?X-Amz-Signature=s3cretsig&X-Amz-Credential=s3cretcr"
        with caplog.at_level(logging.DEBUG):
            rc = main(["language", "sw", "--build-dir", str(build), "--warcs",
                       f"{signed} {paths[1]}", "--cc-base", base])
        fetched = {r.path for r in server.requests}
    assert rc == 0
    assert "/" + paths[0] in fetched and "/" + paths[1] in fetched
    leaks = []
    for path in build.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".parquet":
            data = pq.read_table(path).to_pandas().to_csv().encode()
        if b"s3cret" in data:
            leaks.append(str(path.relative_to(build)))
    assert leaks == []
    out = capfd.readouterr()
    assert "s3cret" not in out.out + out.err + caplog.text
