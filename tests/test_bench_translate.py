"""The translation part of ``make bench`` on a tiny model: structure, skip, CLI hook."""

from __future__ import annotations

import importlib.util
import json

import pytest

from langforge.bench.translate import (TORCH_MISSING, bench_texts, format_translate,
                                       run_translate_bench)

HAS_TORCH = importlib.util.find_spec("torch") is not None
TINY = dict(runs=1, threads=1, max_documents=2, layers=1, d_model=32, vocab_size=300,
            max_new_tokens=8)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    return out, run_translate_bench(out, None, **TINY)


def test_stage_vs_plain_structure(result):
    out, r = result
    s = r["stage_vs_plain"]
    assert s["documents"] == 2 and s["sentences"] > 2 and s["runs"] == 1
    # the same sentences, the same model: the same number of target tokens
    assert s["stage_target_tokens"] == s["plain_target_tokens"] > 0
    assert s["plain_tokens_per_s"] > 0 and s["stage_tokens_per_s"] > 0
    assert s["stage_vs_plain"] == pytest.approx(s["stage_tokens_per_s"] / s["plain_tokens_per_s"],
                                                rel=0.01)
    assert len(s["stage_vs_plain_runs"]) == 1 and "1+1 layers, d_model 32" in s["model"]
    assert json.loads((out / "translate" / "translate.json").read_text()) == r


@pytest.mark.skipif(HAS_TORCH, reason="checks the skip path; torch is installed here")
def test_transformers_part_skips_without_torch(result):
    _, r = result
    assert r["ct2_vs_transformers"] == {"skipped": TORCH_MISSING}
    lines = format_translate(r)
    assert lines[-1] == f"translation (ii): CTranslate2 vs transformers skipped: {TORCH_MISSING}"
    assert "pip install -e '.[bench]'" in lines[-1]


@pytest.mark.skipif(not HAS_TORCH, reason="torch is not installed (bench extra only)")
def test_transformers_part_runs_the_same_weights(result):
    _, r = result
    c = r["ct2_vs_transformers"]
    assert c["sentences"] > 2 and c["max_new_tokens"] == 8 and c["beam_size"] == 1
    for name in ("transformers", "ctranslate2_int8", "ctranslate2_float32"):
        assert 0 < c[name]["tokens"] <= c["sentences"] * 8 and c[name]["tokens_per_s"] > 0
    # float32 greedy on the converted weights reproduces transformers' outputs
    assert c["ctranslate2_float32_same_output_frac"] >= 0.9
    assert any("CTranslate2 int8 / transformers" in line for line in format_translate(r))


def test_format_marks_the_stage_target():
    r = {"stage_vs_plain": {"model": "m", "threads": 1, "documents": 1, "sentences": 3,
                            "runs": 3, "plain_tokens_per_s": 100.0, "stage_tokens_per_s": 85.0,
                            "stage_vs_plain": 0.85, "stage_vs_plain_runs": [0.8, 0.85, 0.9]},
         "ct2_vs_transformers": {"skipped": "why"}}
    lines = format_translate(r)
    assert "[FAIL] stage / plain = 0.850" in lines[3] and "target >= 0.90" in lines[3]
    r["stage_vs_plain"]["stage_vs_plain"] = 0.95
    assert "[PASS]" in format_translate(r)[3]


def test_bench_texts_use_the_embedded_seed_and_shared_vocabulary(shared_data):
    docs, lines = bench_texts(None, max_documents=3)
    assert len(docs) == 3 and all(doc.strip() for doc in docs)
    _, more = bench_texts(shared_data)
    assert len(more) > len(lines) + 4000  # TICO-19 en and sw join the vocabulary text


def test_cli_part_option_runs_only_the_translation(tmp_path, monkeypatch, capsys):
    from langforge.bench import __main__ as bench_main

    calls = []
    monkeypatch.setattr(bench_main, "run_translate_part", lambda *a: calls.append(a))
    monkeypatch.setattr(bench_main, "build_crawl",
                        lambda *a, **k: pytest.fail("--part translate must not build the crawl"))
    assert bench_main.main(["--part", "translate", "--out", str(tmp_path), "--runs", "2",
                            "--threads", "1"]) == 0
    assert calls == [(tmp_path, bench_main.default_shared_data(), 2, 1)]
    with pytest.raises(SystemExit):
        bench_main.main(["--part", "gpu"])
    assert "invalid choice: 'gpu'" in capsys.readouterr().err
