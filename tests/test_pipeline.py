"""The whole Luigi graph on the embedded sample, with the local scheduler, on tmp_path."""

from __future__ import annotations

import json
import os
import contextlib
import shutil
from pathlib import Path

import luigi
import pyarrow.parquet as pq
import pytest

from pipelines.language import SAMPLE_WARC, language_task, resolve_warcs, run_language

pytestmark = pytest.mark.slow


@contextlib.contextmanager
def tasks_run():
    """The families of the langforge tasks that ran (succeeded) inside the block."""
    from pipelines.base import LanguageTask

    ran: list[str] = []

    def record(task):
        ran.append(task.get_task_family().split(".")[-1])

    LanguageTask.event_handler(luigi.Event.SUCCESS)(record)
    try:
        yield ran
    finally:
        luigi.Task._event_callbacks[LanguageTask][luigi.Event.SUCCESS].discard(record)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = tmp_path_factory.mktemp("build")
    task = language_task("sw", build_dir=str(build))
    ok, summary = run_language(task)
    assert ok, "the graph did not complete"
    return task, summary


def test_outputs_exist(built):
    task, summary = built
    lang_dir = Path(task.lang_dir)
    for rel in ("dataset/README.md", "tokenizer/merged.model", "tokenizer/addon.model",
                "tokenizer/evaluation.json", "rejected/identify.parquet", "summary.json",
                "report.html"):
        assert (lang_dir / rel).exists(), rel
    assert list((lang_dir / "dataset" / "data").glob("native-*.parquet"))
    assert not list(lang_dir.rglob(".tmp-*")), "temporary outputs left behind"
    assert summary["build"]["id"] == task.build_id


def test_dataset_folder_is_publishable(built):
    """Only the card and the data files, no local path, licence fields the Hub accepts."""
    import yaml

    task, _ = built
    dataset = Path(task.lang_dir) / "dataset"
    files = sorted(str(p.relative_to(dataset)) for p in dataset.rglob("*") if p.is_file())
    assert files[0] == "README.md"
    assert all(f.startswith("data/") and f.endswith(".parquet") for f in files[1:]), files
    card = (dataset / "README.md").read_text()
    assert str(Path(task.build_dir)) not in card and str(SAMPLE_WARC.parent) not in card
    assert "`crawl.warc.gz`" in card
    header = yaml.safe_load(card.split("---")[1])
    assert header["license"] != "other" or (header["license_name"] and header["license_link"])
    assert card.count("`") % 2 == 0, "unbalanced code spans"


def test_summary_counts_and_named_reasons(built):
    _, summary = built
    stages = summary["stages"]
    assert list(stages)[:6] == ["read", "prefilter", "extract", "identify", "quality", "dedup"]
    for name, stage in stages.items():
        if stage["status"] == "ok" and name not in ("dataset", "vocab"):
            assert stage["docs_in"] == stage["docs_out"] + sum(stage["dropped"].values()), name
    # non-Swahili pages dropped by the pre-filter or LID, junk by quality, duplicates by dedup
    assert sum(stages["prefilter"]["dropped"].values()) + sum(stages["identify"]["dropped"].values()) >= 50
    assert all(r.startswith("prefilter_") for r in stages["prefilter"]["dropped"])
    assert stages["identify"]["docs_out"] >= 100
    assert any(r.startswith("quality_") for r in stages["quality"]["dropped"])
    assert stages["dedup"]["dropped"].get("exact_duplicate", 0) >= 1
    assert stages["read"]["dropped"], "the binary/non-HTML/redirect records must be named"
    translate = stages["translate"]
    assert translate["status"] == "skipped" and "make models" in translate["hint"]
    assert summary["final"]["native_documents"] == stages["dedup"]["docs_out"]
    assert summary["final"]["characters"] > 0 and summary["final"]["tokens_merged"] > 0


def test_merged_tokenizer_beats_base_on_heldout_swahili(built):
    _, summary = built
    held = summary["tokenizer"]["heldout"]
    assert held["lines"] > 0
    assert held["tokens_per_word_merged"] < held["tokens_per_word_base"]


def test_kept_documents_are_swahili_and_rejected_have_reasons(built):
    task, _ = built
    lang_dir = Path(task.lang_dir)
    native = pq.read_table(next((lang_dir / "dataset" / "data").glob("native-*.parquet")))
    assert set(native.column("language").to_pylist()) == {"swh_Latn"}
    rejected = pq.read_table(lang_dir / "rejected" / "identify.parquet").to_pylist()
    assert rejected and all(r["reason"] for r in rejected)


def test_dataset_loads_with_datasets(built):
    import datasets

    task, summary = built
    ds = datasets.load_dataset("parquet", data_files=str(Path(task.lang_dir) / "dataset" / "data"
                                                        / "native-*.parquet"), split="train")
    assert len(ds) == summary["final"]["native_documents"]
    assert "text" in ds.column_names


def test_second_run_does_no_work(built):
    task, summary = built
    mtimes = {p: p.stat().st_mtime_ns for p in Path(task.lang_dir).rglob("*")
              if p.is_file() and p.name != ".build.lock"}
    with tasks_run() as ran:
        ok, again = run_language(language_task("sw", build_dir=task.build_dir))
    assert ok and again == summary
    assert ran == []
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes


def test_user_graph_example_requires_the_dataset(built):
    from pipelines.example_user_graph import CountTokens

    task, _ = built
    example = CountTokens(language="swh_Latn", build_dir=task.build_dir)
    assert luigi.build([example], local_scheduler=True, log_level="WARNING")
    assert int(Path(example.output().path).read_text()) > 1000


def test_resolve_warcs(tmp_path):
    assert resolve_warcs(None) == [str(SAMPLE_WARC)]
    a, b = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    a.write_bytes(b""), b.write_bytes(b"")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# my files\n{b}\n{a}\n")
    assert resolve_warcs(str(tmp_path / "*.warc.gz")) == [str(a), str(b)]
    assert resolve_warcs(f"@{listing}") == [str(a), str(b)]
    from langforge.errors import ConfigError
    with pytest.raises(ConfigError, match="no WARC file matches"):
        resolve_warcs(str(tmp_path / "*.arc"))
    with pytest.raises(ConfigError, match="not found"):
        resolve_warcs(str(tmp_path / "missing.warc.gz"))


# -- issue 12: an output is always what its inputs and config say ---------------------

ENGLISH = ("The committee met on Tuesday to discuss the new budget for the city's public "
           "libraries. Members agreed that opening hours should be extended during the exam "
           "season, and that the reading rooms need better lighting and more seats. ")


@pytest.fixture(scope="module")
def english_warc(tmp_path_factory):
    """A small WARC of English pages: no Swahili in it."""
    from malformed import Rec, html_page, warc_bytes

    pages = [Rec(url=f"https://news.example.org/story-{i}",
                 body=html_page(f"Story {i}", paragraphs=5, text=ENGLISH * 2, lang="en").encode())
             for i in range(6)]
    path = tmp_path_factory.mktemp("en") / "english.warc.gz"
    path.write_bytes(warc_bytes(pages))
    return path


def _copy_build(built, tmp_path) -> str:
    task, _ = built
    target = tmp_path / "build"
    shutil.copytree(task.build_dir, target)
    return str(target)


def test_other_warcs_rebuild_from_extraction_and_end_empty(built, english_warc, tmp_path):
    build = _copy_build(built, tmp_path)
    with tasks_run() as ran:
        ok, summary = run_language(language_task("sw", build_dir=build,
                                                 warcs=[str(english_warc)]))
    assert ok
    assert "ExtractShard" in ran and "LanguageCorpus" in ran
    assert summary["stages"]["read"]["docs_in"] == 6  # the new input's records, not 450
    assert summary["inputs"]["warcs"][0]["name"] == "english.warc.gz"
    assert summary["outcome"].startswith("no documents after ")
    assert "Swahili" in summary["outcome"]
    assert summary["stages"]["vocab"]["status"] == "skipped"
    assert summary["final"]["native_documents"] == 0
    lang_dir = Path(build) / "swh_Latn"
    assert (lang_dir / "report.html").is_file()
    assert not list((lang_dir / "dataset" / "data").glob("*.parquet"))
    assert "merged.model" not in {p.name for p in (lang_dir / "tokenizer").iterdir()}


def test_changed_thresholds_rerun_quality_onwards_only(built, tmp_path):
    import datasets

    task, first = built
    build = _copy_build(built, tmp_path)
    dataset_dir = Path(build) / "swh_Latn" / "dataset"
    before = datasets.load_dataset(str(dataset_dir), split="native")
    assert len(before) == first["final"]["native_documents"]

    config = tmp_path / "strict.toml"
    config.write_text("[quality]\nmin_words = 400\n")
    with tasks_run() as ran:
        ok, summary = run_language(language_task("sw", build_dir=build,
                                                 config_file=str(config)))
    assert ok
    assert sorted(set(ran)) == ["BuildDataset", "DedupBuckets", "DedupClusters", "DedupExact",
                                "DedupKeys", "DedupShard", "DedupSignatures", "Deduplicate",
                                "FilterShard", "LanguageCorpus", "ScoreQuality",
                                "TrainTokenizer"]
    assert summary["config_digest"] != first["config_digest"]
    assert summary["config"]["quality"]["min_words"] == 400
    assert summary["inputs"]["config_file"] == "strict.toml"
    assert summary["final"]["native_documents"] < first["final"]["native_documents"]
    # datasets serves the new rows without the user clearing its cache
    after = datasets.load_dataset(str(dataset_dir), split="native")
    assert len(after) == summary["final"]["native_documents"]

    # vocabulary settings: only the tokenizer (and the publishing step) rerun
    config.write_text("[quality]\nmin_words = 400\n[vocab]\naddon_vocab_size = 1000\n")
    with tasks_run() as ran:
        ok, again = run_language(language_task("sw", build_dir=build, config_file=str(config)))
    assert ok and sorted(set(ran)) == ["LanguageCorpus", "TrainTokenizer"]
    assert again["final"]["native_documents"] == summary["final"]["native_documents"]
    assert again["tokenizer"]["added_pieces"] <= 1000

    # back to the first configuration: every stage output is still there, nothing reruns
    # but publishing, and the published files are the first build's again
    with tasks_run() as ran:
        ok, back = run_language(language_task("sw", build_dir=build))
    assert ok and ran == ["LanguageCorpus"]
    assert back["final"] == first["final"] and back["build"] == first["build"]

    # clean --stale keeps what the last build uses, removes the rest
    from langforge.cli import main

    assert main(["clean", "sw", "--build-dir", build, "--stale"]) == 0
    work = Path(build) / "swh_Latn" / "work"
    assert len(list((work / "quality").iterdir())) == 1
    assert len(list((work / "tokenizer").iterdir())) == 1
    with tasks_run() as ran:
        ok, _ = run_language(language_task("sw", build_dir=build))
    assert ok and ran == []


def test_a_language_without_sample_text_ends_empty_not_crashed(tmp_path, capsys):
    from warcio.archiveiterator import ArchiveIterator

    from langforge.cli import main

    # The sample has text in every configured language: cut it (at a record boundary)
    # before its first Nepali page, so that Nepali has none.
    pages = json.loads((SAMPLE_WARC.parent / "manifest.json").read_text("utf-8"))["pages"]
    nepali = {p["url"] for p in pages if p["language"] == "npi_Deva"}
    with open(SAMPLE_WARC, "rb") as f:
        records = ArchiveIterator(f)
        cut = next(records.get_record_offset() for r in records
                   if r.rec_headers.get_header("WARC-Target-URI") in nepali)
    warc = tmp_path / "no-nepali.warc.gz"
    warc.write_bytes(SAMPLE_WARC.read_bytes()[:cut])
    assert main(["language", "ne", "--build-dir", str(tmp_path), "--warcs", str(warc)]) == 0
    summary = json.loads((tmp_path / "npi_Deva" / "summary.json").read_text())
    assert summary["outcome"].startswith("no documents after ")
    assert (tmp_path / "npi_Deva" / "report.html").is_file()
    err = capsys.readouterr().err
    assert "Traceback" not in err and "no documents after" in err


def test_a_failed_task_is_named_with_its_cause(built, tmp_path, capsys):
    from langforge.cli import main

    build = _copy_build(built, tmp_path)
    config = tmp_path / "bad-plugin.toml"
    config.write_text('plugin = "no_such_langforge_plugin"\n[quality]\nword_splitter = "plugin"\n')
    assert main(["language", "sw", "--build-dir", build, "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "did not complete:" in err
    assert "FilterShard failed: ConfigError" in err and "no_such_langforge_plugin" in err


# -- issue 19: the quality classifier in the graph -------------------------------------

def test_without_positives_the_quality_model_is_skipped_and_scores_are_null(built):
    import datasets

    task, summary = built
    stage = summary["stages"]["quality_model"]
    assert stage["status"] == "skipped" and "no positives" in stage["reason"]
    ds = datasets.load_dataset(str(Path(task.lang_dir) / "dataset"), split="native")
    assert set(ds["quality_score"]) == {None}
    assert "No quality classifier was trained" in (Path(task.lang_dir) / "dataset" /
                                                     "README.md").read_text()


def test_reference_text_trains_the_classifier_and_selects_by_score(built, tmp_path,
                                                                   shared_data):
    import datasets

    _, first = built
    build = _copy_build(built, tmp_path)
    reference = shared_data / "text" / "globalvoices-en-sw" / "train.swa"
    config = tmp_path / "quality.toml"
    config.write_text(f'[[quality_model.reference]]\npath = "{reference}"\n'
                      'license = "CC-BY"\nname = "Global Voices"\n'
                      "[quality_model]\ntop_fraction = 0.5\n")
    with tasks_run() as ran:
        ok, summary = run_language(language_task("sw", build_dir=build,
                                                 config_file=str(config)))
    assert ok
    assert "ExtractShard" not in ran and "ScoreQuality" in ran
    stage = summary["stages"]["quality_model"]
    assert stage["status"] == "ok" and stage["extra"]["roc_auc"] > 0.9
    kept = first["final"]["native_documents"] // 2
    assert abs(summary["final"]["native_documents"] - kept) <= 1
    assert stage["dropped"]["quality_model_below_threshold"] == \
        first["final"]["native_documents"] - summary["final"]["native_documents"]
    lang_dir = Path(build) / "swh_Latn"
    ds = datasets.load_dataset(str(lang_dir / "dataset"), split="native")
    scores = [s for s in ds["quality_score"] if s is not None]
    assert len(scores) == len(ds) and all(0 <= s <= 1 for s in scores)
    card = (lang_dir / "dataset" / "README.md").read_text()
    assert "## Quality classifier" in card and "Global Voices" in card
    assert str(reference) not in card
    assert "Quality classifier" in (lang_dir / "report.html").read_text()


# -- issue 17: WET and WAT input -------------------------------------------------------

def _wet_file(path: Path, pages: list[dict]) -> Path:
    """A WET file (Common Crawl's extracted-text format) of these manifest pages."""
    import io

    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for page in pages:
        record = writer.create_warc_record(
            page["url"], "conversion", payload=io.BytesIO(page["text"].encode("utf-8")),
            warc_content_type="text/plain",
            warc_headers_dict={"WARC-Identified-Content-Language": "swa,eng"})
        writer.write_record(record)
    path.write_bytes(out.getvalue())
    return path


def test_a_wet_file_builds_a_corpus_without_extraction(tmp_path):
    manifest = json.loads((SAMPLE_WARC.parent / "manifest.json").read_text())["pages"]
    articles = [p for p in manifest if p["language"] == "swh_Latn"
                and p["category"] == "article"][:40]
    wet = _wet_file(tmp_path / "sample.warc.wet.gz", articles)
    ok, summary = run_language(language_task("sw", build_dir=str(tmp_path / "b"),
                                             warcs=[str(wet)]))
    assert ok and summary["outcome"] == "ok"
    assert summary["stages"]["read"]["docs_out"] == len(articles)
    assert summary["stages"]["extract"]["docs_out"] >= len(articles) - 2
    assert summary["final"]["native_documents"] >= len(articles) // 2
    import pyarrow.parquet as pq_

    rows = pq_.read_table(next((tmp_path / "b" / "swh_Latn" / "dataset" / "data")
                               .glob("native-*.parquet"))).to_pylist()
    texts = {p["url"]: p["text"] for p in articles}
    assert all(row["text"] == texts[row["url"]].strip() for row in rows)


def test_real_wet_and_wat_files_are_read_as_text_and_counted(shared_data, tmp_path, caplog):
    import logging

    from langforge.document import StageStats
    from langforge.extract import extract_pages
    from langforge.config import load_config
    from langforge.sources.warc import iter_pages

    whirlwind = shared_data / "warc" / "cc-whirlwind"
    stats = StageStats("read")
    pages = list(iter_pages(whirlwind / "whirlwind.warc.wet.gz", stats))
    assert len(pages) == 1 and pages[0].is_text
    assert pages[0].cld2["languages"][0]["code-iso-639-3"] == "spa"  # CC's own label, kept
    docs = list(extract_pages(pages, load_config("sw").extract, StageStats("extract")))
    assert docs[0].text.startswith("Escopete") and docs[0].metadata["source_format"] == "wet"
    stats = StageStats("read")
    with caplog.at_level(logging.WARNING):
        assert list(iter_pages(whirlwind / "whirlwind.warc.wat.gz", stats)) == []
    assert stats.dropped["wat_metadata_record"] == 1
    assert "WAT metadata record(s) skipped" in caplog.text


def test_a_central_build_leaves_no_worker_setting_behind():
    """luigi's config is process-wide: keep_alive set for a central build once kept a
    later local build with a failed task waiting for its retry (15 minutes)."""
    import luigi

    from pipelines.language import _worker_settings

    config = luigi.configuration.get_config()
    had = config.has_option("worker", "keep_alive")
    with _worker_settings(keep_alive="true", wait_interval="0.5"):
        assert config.get("worker", "keep_alive") in ("true", config.get("worker", "keep_alive"))
    assert config.has_option("worker", "keep_alive") == had
    with _worker_settings(force=True, keep_alive="false"):
        assert config.getboolean("worker", "keep_alive") is False
    assert config.has_option("worker", "keep_alive") == had


_FORKED_SHARD = """
import json, os, sys
os.environ["LANGFORGE_EXTRACT_WORKERS"] = "1"
from langforge.config import load_config
from pipelines.language import SAMPLE_WARC, warm_for_workers
config = load_config("sw")
warm_for_workers(config)
import trafilatura.external
stop_lists = trafilatura.external.JT_STOPLIST
before = set(sys.modules)
from langforge.document import StageStats
from langforge.parallel import prefilter_and_extract
from langforge.sources.warc import iter_pages
from langforge.storage import write_docs
extract = StageStats("extract")
pages = iter_pages(SAMPLE_WARC, StageStats("read"))
docs = write_docs(prefilter_and_extract(pages, config, StageStats("prefilter"), extract),
                  sys.argv[1])
print(json.dumps({"docs": docs, "fallback": extract.extra.get("fallback_reruns", 0),
                  "new_modules": sorted(set(sys.modules) - before),
                  "stop_lists_kept": trafilatura.external.JT_STOPLIST is stop_lists}))
"""


def test_a_task_forked_after_the_warm_up_sets_nothing_up_again(tmp_path):
    """What ``warm_for_workers`` leaves a forked task process: extracting the sample's
    pages (fallback stage included) and writing Parquet import no module but the pages'
    codecs, and jusText's stop lists are not built again (each had cost every task
    ~0.3 s: pyarrow's import of pandas, jusText's stop lists of every language)."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _FORKED_SHARD, str(tmp_path / "docs.parquet")],
                         capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["docs"] > 100 and result["fallback"] > 0  # real work, fallback stage too
    assert [m for m in result["new_modules"] if not m.startswith("encodings.")] == []
    assert result["stop_lists_kept"]


def test_several_workers_share_the_cores_for_extraction(monkeypatch):
    """With N Luigi workers each shard task extracts with cores // N processes (each
    starting a pool of every core was 20% slower on 2 cores); one worker, a user's
    LANGFORGE_EXTRACT_WORKERS or ``[extract] workers`` are left alone, and nothing
    stays set after the build."""
    from langforge import parallel
    from langforge.config import load_config
    from pipelines.language import cores_shared

    config = load_config("sw")
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    for cores, workers, expected in ((2, 2, 1), (4, 2, 2), (2, 3, 1), (8, 1, None)):
        monkeypatch.setattr(parallel, "available_cores", lambda cores=cores: cores)
        with cores_shared(config, workers):
            assert os.environ.get(parallel.WORKERS_ENV) == (expected and str(expected))
            if expected:
                assert parallel.resolve_workers(config.extract.workers) == expected
        assert parallel.WORKERS_ENV not in os.environ
    pinned = config.model_copy(update={"extract": config.extract.model_copy(update={"workers": 3})})
    with cores_shared(pinned, 2):
        assert parallel.WORKERS_ENV not in os.environ
    monkeypatch.setenv(parallel.WORKERS_ENV, "2")
    with cores_shared(config, 2):
        assert os.environ[parallel.WORKERS_ENV] == "2"
    assert os.environ[parallel.WORKERS_ENV] == "2"
