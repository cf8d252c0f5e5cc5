"""The build spec: what each stage output is keyed by, user config deltas, secrets,
stale outputs (langforge.build) and the empty-corpus outcome (langforge.summary)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from langforge.build import (BuildSpec, Layout, conceal, display_name, reveal, stale_outputs)
from langforge.config import load_config
from langforge.document import StageStats
from langforge.errors import ConfigError
from langforge.summary import build_summary, empty_corpus_reason


def _spec(tmp_path: Path, config=None, **kwargs) -> BuildSpec:
    warcs = kwargs.pop("warcs", None)
    if warcs is None:
        warc = tmp_path / "a.warc.gz"
        if not warc.exists():
            warc.write_bytes(b"x" * 10)
        warcs = [str(warc)]
    return BuildSpec.create(config or load_config("sw"), warcs=warcs, **kwargs)


def _config_with(tmp_path: Path, text: str):
    path = tmp_path / "delta.toml"
    path.write_text(text)
    return load_config("sw", overrides=path)


def _fingerprints(spec: BuildSpec) -> dict:
    fp = spec.fingerprints
    return {"extract": fp.extract(0), "identify": fp.identify(0), "quality": fp.quality(0),
            "dedup": fp.dedup, "translate": fp.translate, "dataset": fp.dataset,
            "tokenizer": fp.tokenizer}


def _changed(a: BuildSpec, b: BuildSpec) -> set[str]:
    fa, fb = _fingerprints(a), _fingerprints(b)
    return {stage for stage in fa if fa[stage] != fb[stage]}


def test_same_inputs_and_config_same_build(tmp_path):
    assert _spec(tmp_path).build_id == _spec(tmp_path).build_id
    assert _changed(_spec(tmp_path), _spec(tmp_path)) == set()


def test_quality_thresholds_rerun_quality_onwards(tmp_path):
    strict = _config_with(tmp_path, "[quality]\nmin_words = 400\n")
    assert _changed(_spec(tmp_path), _spec(tmp_path, strict)) == {
        "quality", "dedup", "dataset", "tokenizer"}


def test_vocab_settings_rerun_only_the_tokenizer(tmp_path):
    vocab = _config_with(tmp_path, "[vocab]\naddon_vocab_size = 1000\n")
    assert _changed(_spec(tmp_path), _spec(tmp_path, vocab)) == {"tokenizer"}


def test_lid_settings_rerun_identify_onwards_and_prefilter_extraction(tmp_path):
    lid = _config_with(tmp_path, "[lid]\nmin_score = 0.9\n")
    assert _changed(_spec(tmp_path), _spec(tmp_path, lid)) == {
        "identify", "quality", "dedup", "dataset", "tokenizer"}
    prefilter = _config_with(tmp_path, "[prefilter]\nenabled = false\n")
    assert "extract" in _changed(_spec(tmp_path), _spec(tmp_path, prefilter))


def test_a_changed_warc_is_another_input(tmp_path):
    before = _spec(tmp_path)
    warc = tmp_path / "a.warc.gz"
    warc.write_bytes(b"y" * 11)
    after = _spec(tmp_path)
    assert before.build_id != after.build_id
    assert _changed(before, after) == {"extract", "identify", "quality", "dedup", "dataset",
                                       "tokenizer"}
    os.utime(warc, ns=(1, 1))  # same bytes, other modification time: also rebuilt
    assert _changed(after, _spec(tmp_path)) >= {"extract"}


def test_a_changed_word_list_reruns_identify(tmp_path, monkeypatch):
    import shutil

    from langforge.config import config_dir

    conf = tmp_path / "languages"
    shutil.copytree(config_dir(), conf)
    monkeypatch.setenv("LANGFORGE_CONFIG_DIR", str(conf))
    before = _spec(tmp_path, load_config("sw"))
    wordlist = conf / load_config("sw").lid.wordlist
    wordlist.write_text(wordlist.read_text() + "\nneno\n")
    assert "identify" in _changed(before, _spec(tmp_path, load_config("sw")))


def test_spec_round_trips_through_its_file(tmp_path):
    spec = _spec(tmp_path)
    spec.save(tmp_path / "build")
    loaded = BuildSpec.load(tmp_path / "build", spec.language, spec.build_id)
    assert loaded.build_id == spec.build_id
    assert loaded.language_config == spec.language_config


def test_user_config_deltas_are_validated_and_named(tmp_path):
    with pytest.raises(ConfigError, match=r"delta\.toml: quality\.min_wordz"):
        _config_with(tmp_path, "[quality]\nmin_wordz = 3\n")
    with pytest.raises(ConfigError, match=r"delta\.toml: quality\.min_words"):
        _config_with(tmp_path, "[quality]\nmin_words = -1\n")
    with pytest.raises(ConfigError, match="no such file"):
        load_config("sw", overrides=tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="is for 'yor_Latn'"):
        _config_with(tmp_path, 'language = "yor_Latn"\n')
    shipped_off = set(load_config("sw").model_dump()["quality"]) - {
        k for k, v in load_config("sw").quality.model_dump().items() if v is not None}
    merged = _config_with(tmp_path, '[quality]\noff = ["min_words"]\n')
    assert merged.quality.min_words is None
    for key in shipped_off:  # the language file's own `off` list still applies
        assert getattr(merged.quality, key) in (None, [])


def test_a_calibrated_word_list_beside_the_user_file_is_used(tmp_path):
    (tmp_path / "my.words.txt").write_text("habari\nnzuri\n")
    config = _config_with(tmp_path, '[lid]\nwordlist = "my.words.txt"\n')
    assert Path(config.lid.wordlist) == (tmp_path / "my.words.txt").resolve()


def test_secrets_stay_out_of_the_spec(tmp_path):
    url = "https://alice:pw123@example.org/x.warc.gz?X-Amz-Signature=sig123&part=1"
    spec = _spec(tmp_path, warcs=[url], base_url="http://bob:pw456@mirror.example/")
    text = str(spec.to_json())
    assert "pw123" not in text and "sig123" not in text and "pw456" not in text
    assert reveal(spec.warcs[0]) == url and reveal(spec.base_url) == "http://bob:pw456@mirror.example/"
    assert conceal("/local/path.warc.gz") == "/local/path.warc.gz"
    assert display_name(url) == "https://example.org/x.warc.gz"
    assert display_name("/home/me/crawl/a.warc.gz") == "a.warc.gz"


def test_stale_outputs_keep_what_the_build_uses(tmp_path):
    spec = _spec(tmp_path)
    layout = Layout(spec, tmp_path / "build")
    used = [layout.shard("extract", 0), layout.dedup, layout.tokenizer_work]
    old = [layout.work / "extract" / "shard-00000.0000000000000000",
           layout.work / "dedup" / "1111111111111111", layout.work / "dedup" / ".tmp-x-1234"]
    for path in used + old:
        path.mkdir(parents=True)
    keep = dict(spec.fingerprints.all(), build_ids=[spec.build_id])
    assert sorted(stale_outputs(layout.lang_dir, keep)) == sorted(old)


def test_an_empty_corpus_names_the_stage_and_skips_the_rest():
    config = load_config("sw")
    read = StageStats("read", docs_in=22, docs_out=22)
    prefilter = StageStats("prefilter", docs_in=22, docs_out=3)
    prefilter.dropped["prefilter_lid_other"] = 19
    identify = StageStats("identify", docs_in=3, docs_out=0)
    identify.dropped["lid_not_target"] = 3
    stats = [read, prefilter, StageStats("extract", docs_in=3, docs_out=3), identify,
             StageStats("quality"), StageStats("dedup")]
    reason = empty_corpus_reason(stats, config.lang)
    assert reason == "no documents after identify: the inputs hold no Swahili"
    summary = build_summary(config, stats, inputs={}, final={}, tokenizer=None)
    assert summary["outcome"] == reason
    assert summary["stages"]["quality"]["status"] == "skipped"
    assert summary["stages"]["dedup"]["reason"] == reason
    assert summary["stages"]["identify"]["status"] == "ok"
    kept = StageStats("dedup", docs_in=5, docs_out=4)
    assert empty_corpus_reason([read, kept], config.lang) is None
