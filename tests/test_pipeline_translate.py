"""The synthetic branch of the graph with a real (tiny, random-weight) CTranslate2 model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from langforge.config import config_dir
from pipelines.language import language_task, run_language
from pipelines.synthetic import TranslateChunk, TranslateSeed
from mt_fixtures import build_tiny_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model_config(tmp_path_factory):
    root = tmp_path_factory.mktemp("mt")
    model = build_tiny_model(root / "tiny")
    conf = root / "languages"
    shutil.copytree(config_dir(), conf)
    path = conf / "swh_Latn.toml"
    path.write_text(path.read_text() + f'\n[translate]\nmodel = "{model}"\nchunk_docs = 10\n'
                    "max_documents = 25\n")
    return conf


def test_translation_runs_in_chunks_and_resumes(model_config, tmp_path, monkeypatch):
    monkeypatch.setenv("LANGFORGE_CONFIG_DIR", str(model_config))
    task = language_task("sw", build_dir=str(tmp_path))
    seed = TranslateSeed(**task.build_params())
    chunks = seed.requires()
    assert [c.chunk for c in chunks] == [0, 1, 2]  # 25 documents, 10 per chunk

    ok, summary = run_language(task)
    assert ok
    translate = summary["stages"]["translate"]
    assert translate["status"] == "ok"
    assert translate["docs_in"] == 25
    # random weights: every output fails a check, each under a named mt_ reason
    assert translate["docs_in"] == translate["docs_out"] + sum(translate["dropped"].values())
    assert translate["dropped"] and all(r.startswith("mt_") for r in translate["dropped"])
    assert (Path(task.lang_dir) / "rejected" / "translate.parquet").is_file()

    # a lost chunk is redone alone; the others are not touched
    chunk_dirs = sorted((Path(task.lang_dir) / "work" / "translate-chunks").iterdir())
    before = {d.name: (d / "docs.parquet").stat().st_mtime_ns for d in chunk_dirs}
    shutil.rmtree(chunk_dirs[1])
    layout = task.layout
    for stale in (layout.translate, layout.dataset_work, layout.tokenizer_work):
        shutil.rmtree(stale)
    layout.summary.unlink()
    ok, again = run_language(language_task("sw", build_dir=str(tmp_path)))
    assert ok and again["stages"]["translate"] == translate
    after = {d.name: (d / "docs.parquet").stat().st_mtime_ns for d in chunk_dirs}
    assert after[chunk_dirs[0].name] == before[chunk_dirs[0].name]
    assert after[chunk_dirs[1].name] != before[chunk_dirs[1].name]
    assert isinstance(chunks[0], TranslateChunk)
