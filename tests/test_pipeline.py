"""The whole Luigi graph on the embedded sample, with the local scheduler, on tmp_path."""

from __future__ import annotations

import json
import time
from pathlib import Path

import luigi
import pyarrow.parquet as pq
import pytest

from pipelines.language import SAMPLE_WARC, language_task, resolve_warcs, run_language

pytestmark = pytest.mark.slow


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
    for rel in ("dataset/_SUCCESS", "dataset/README.md", "tokenizer/merged.model",
                "tokenizer/addon.model", "tokenizer/evaluation.json", "rejected/_SUCCESS",
                "summary.json", "report.html"):
        assert (lang_dir / rel).exists(), rel
    assert list((lang_dir / "dataset" / "data").glob("native-*.parquet"))
    assert not list(lang_dir.rglob(".tmp-*")), "temporary outputs left behind"


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
    mtimes = {p: p.stat().st_mtime_ns for p in Path(task.lang_dir).rglob("*") if p.is_file()}
    start = time.monotonic()
    ok, again = run_language(language_task("sw", build_dir=task.build_dir))
    assert ok and again == summary
    assert time.monotonic() - start < 30
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
