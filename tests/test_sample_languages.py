"""Every configured language builds a small corpus from the embedded sample, offline.

A build takes ~30-60 s (most of it the tokenizer), so the suite builds one language
per LID model and script; LANGFORGE_TEST_ALL_LANGUAGES=1 builds every configured one.
The sample's ground truth (manifest.json) says which language each page really is:
every kept native document must be a page of the language being built.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from langforge.languages import get_language

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"
CONFIGURED = sorted(p.stem for p in (ROOT / "resources" / "languages").glob("*.toml")
                    if not p.stem.startswith("_"))
# One per LID model and script: heliport/Ethiopic, py3langid/Latin with a word-list
# guard, lid.176/Devanagari with a confusable, lid.176/Sinhala.
REPRESENTATIVE = ["amh_Ethi", "hau_Latn", "npi_Deva", "sin_Sinh"]
LANGUAGES = CONFIGURED if os.environ.get("LANGFORGE_TEST_ALL_LANGUAGES") else REPRESENTATIVE


@pytest.fixture(scope="module")
def truth() -> dict[str, str | None]:
    manifest = json.loads((SAMPLE / "manifest.json").read_text("utf-8"))
    return {p["url"]: p["language"] for p in manifest["pages"]}


def test_the_sample_has_articles_in_every_configured_language(truth):
    languages = set(truth.values())
    assert set(REPRESENTATIVE) <= set(CONFIGURED)
    for code in CONFIGURED:
        assert code in languages, f"the sample has no page in {code}"
        assert sum(lang == code for lang in truth.values()) >= 8, code


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_builds_from_the_sample(code, truth, tmp_path):
    from pipelines.language import language_task, run_language

    task = language_task(code, build_dir=str(tmp_path))
    ok, summary = run_language(task)
    assert ok, f"{code}: the graph did not complete"
    assert summary["outcome"] == "ok"
    lang_dir = Path(task.lang_dir)
    assert (lang_dir / "summary.json").exists() and (lang_dir / "report.html").exists()
    assert (lang_dir / "tokenizer" / "merged.model").exists()
    assert summary["final"]["native_documents"] > 0, summary["stages"]
    files = sorted((lang_dir / "dataset" / "data").glob("native-*.parquet"))
    rows = [row for f in files for row in pq.read_table(f, columns=["url", "language"]).to_pylist()]
    assert len(rows) == summary["final"]["native_documents"]
    target = get_language(code).code
    for row in rows:
        assert row["language"] == target, row
        assert truth[row["url"]] == target, f"{row['url']} is {truth[row['url']]}, kept as {code}"
