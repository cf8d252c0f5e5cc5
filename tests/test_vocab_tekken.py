"""Base tokenizers by name, path and Hub repository; Mistral's tekken files as
Hugging Face byte-level BPE, checked against tiktoken's own algorithm, and extended."""

from __future__ import annotations

import json

import pytest
import regex
from transformers.convert_slow_tokenizer import bytes_to_unicode

from langforge.errors import ConfigError, FetchError, MissingModelError
from langforge.vocab import resolve_base
from langforge.vocab.base import KIND_SENTENCEPIECE, KIND_TEKKEN, KIND_TOKENIZER_JSON
from langforge.vocab.bytelevel import extend_bpe_json
from langforge.vocab.tekken import tekken_ranks, tekken_to_hf
from tests.test_vocab import ENGLISH, HELDOUT, SWAHILI

SAMPLES = [
    "Habari za asubuhi! Watoto wanasoma vitabu shuleni kila siku.",
    "Serikali imetangaza mpango mpya wa kuboresha huduma za afya vijijini (2024).",
    "The government announced a new plan to improve rural health services.",
    "  double  spaces,\ttabs\nand new\r\nlines   ",
    "Ünïcödé: naïve café, 中文字符, emoji 🙂👍🏽, numbers 1234567 and don't/won't.",
    "",
]


def tiktoken_encode(ranks: dict[bytes, int], pattern: str, text: str) -> list[int]:
    """tiktoken's encoding, written out: split by the pattern; a whole piece in the
    vocabulary is one token; otherwise join the lowest-ranked adjacent pair until none."""
    out = []
    for piece in regex.findall(pattern, text):
        data = piece.encode("utf-8")
        if data in ranks:
            out.append(ranks[data])
            continue
        parts = [bytes([b]) for b in data]
        while len(parts) > 1:
            ranked = [(ranks.get(parts[i] + parts[i + 1]), i) for i in range(len(parts) - 1)]
            ranked = [(rank, i) for rank, i in ranked if rank is not None]
            if not ranked:
                break
            _, i = min(ranked)
            parts[i:i + 2] = [parts[i] + parts[i + 1]]
        out.extend(ranks[part] for part in parts)
    return out


@pytest.fixture(scope="module")
def tekken():
    base = resolve_base("tekken-240911")
    data = json.loads(base.path.read_text(encoding="utf-8"))
    return base, data, tekken_to_hf(base.path)


def test_names_resolve_to_files_of_the_right_kind(tmp_path):
    assert resolve_base("mistral-7b-v0.1").kind == KIND_SENTENCEPIECE
    for name in ("tekken-240718", "TEKKEN-240911"):
        base = resolve_base(name)
        assert base.kind == KIND_TEKKEN and base.path.name.startswith("tekken_")
        assert not base.is_sentencepiece
    local = tmp_path / "tokenizer.json"
    local.write_text(json.dumps({"model": {"type": "BPE", "vocab": {}, "merges": []}}))
    assert resolve_base(str(local)).kind == KIND_TOKENIZER_JSON
    with pytest.raises(MissingModelError, match="not found.*hf:owner/name"):
        resolve_base(str(tmp_path / "absent.model"))
    (tmp_path / "broken.json").write_bytes(b"{ not json")
    with pytest.raises(ConfigError, match="neither a SentencePiece model nor valid JSON"):
        resolve_base(str(tmp_path / "broken.json"))


def test_hub_base_offline_is_a_fetch_error_naming_the_repo():
    # conftest sets HF_HUB_OFFLINE and blocks every non-local connection
    with pytest.raises(FetchError, match="'someone/no-such-tokenizer'.*offline"):
        resolve_base("hf:someone/no-such-tokenizer")
    with pytest.raises(ConfigError, match="hf:owner/name"):
        resolve_base("hf:just-a-name")


def test_hub_base_network_failure_and_cache(monkeypatch, tmp_path):
    import huggingface_hub

    cached = tmp_path / "tokenizer.json"
    cached.write_text(json.dumps({"model": {"type": "BPE", "vocab": {}, "merges": []}}))
    calls = []

    def fake_download(repo, filename, local_files_only=False, **kwargs):
        calls.append((repo, filename, local_files_only))
        if local_files_only:
            if repo == "owner/cached" and filename == "tokenizer.json":
                return str(cached)
            raise huggingface_hub.errors.LocalEntryNotFoundError("not cached")
        raise OSError("connection refused")

    monkeypatch.setattr(huggingface_hub, "hf_hub_download", fake_download)
    base = resolve_base("hf:owner/cached")
    assert base.path == cached and base.kind == KIND_TOKENIZER_JSON
    monkeypatch.delenv("HF_HUB_OFFLINE")
    with pytest.raises(FetchError, match="'owner/other'.*connection refused"):
        resolve_base("hf:owner/other")
    assert ("owner/other", "tokenizer.model", False) in calls


def test_tekken_conversion_matches_tiktoken(tekken):
    base, data, tokenizer = tekken
    config = data["config"]
    ranks = tekken_ranks(data, base.path)
    specials = config["default_num_special_tokens"]
    assert tokenizer.get_vocab_size() == config["default_vocab_size"] == len(ranks) + specials
    assert [tokenizer.id_to_token(i) for i in range(3)] == ["<unk>", "<s>", "</s>"]
    assert tokenizer.id_to_token(specials - 1) == f"<SPECIAL_{specials - 1}>"
    for text in SAMPLES:
        expected = [rank + specials for rank in tiktoken_encode(ranks, config["pattern"], text)]
        assert tokenizer.encode(text, add_special_tokens=False).ids == expected, text
        assert tokenizer.decode(expected) == text
    assert tokenizer.encode("Habari").ids[0] == tokenizer.token_to_id("<s>") == 1
    # every ranked token keeps its bytes (in the byte-level alphabet) at rank + specials
    byte_char = bytes_to_unicode()
    vocab = tokenizer.get_vocab()
    for token_bytes, rank in ranks.items():
        assert vocab["".join(byte_char[b] for b in token_bytes)] == rank + specials


def test_tekken_file_errors(tmp_path):
    (tmp_path / "t.json").write_text(json.dumps({"model": {}}))
    with pytest.raises(ConfigError, match="not a tekken file"):
        tekken_to_hf(tmp_path / "t.json")
    bad = {"config": {"pattern": ".", "default_vocab_size": 3, "default_num_special_tokens": 1},
           "vocab": [{"rank": 0, "token_bytes": "AA==", "token_str": ""},
                     {"rank": 0, "token_bytes": "AQ==", "token_str": ""}]}
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    with pytest.raises(ConfigError, match="ranks are not 0..1"):
        tekken_to_hf(tmp_path / "bad.json")


def test_extending_tekken_helps_swahili_and_keeps_english(tekken):
    _, _, base = tekken
    result = extend_bpe_json(base, SWAHILI.splitlines() * 3, 150, protected_texts=ENGLISH)
    extended = result.tokenizer
    assert 0 < len(result.merges) <= 150
    new_ids = [extended.token_to_id(a + b) for a, b in result.merges]
    assert min(new_ids) == base.get_vocab_size()
    assert sorted(new_ids) == list(range(base.get_vocab_size(), base.get_vocab_size()
                                         + len(new_ids)))
    for text in ENGLISH:
        assert extended.encode(text).ids == base.encode(text).ids
    before = sum(len(base.encode(t).ids) for t in HELDOUT)
    after = sum(len(extended.encode(t).ids) for t in HELDOUT)
    assert after < before * 0.9
    for text in HELDOUT + ENGLISH + SAMPLES:
        assert extended.decode(extended.encode(text, add_special_tokens=False).ids) == text


@pytest.mark.slow
def test_pipeline_with_a_tekken_base(tmp_path, monkeypatch):
    import shutil

    from langforge.config import config_dir
    from pipelines.language import language_task, run_language

    conf = tmp_path / "languages"
    shutil.copytree(config_dir(), conf)
    path = conf / "swh_Latn.toml"
    path.write_text(path.read_text() + '\n[vocab]\nbase = "tekken-240911"\n'
                    "addon_vocab_size = 500\nsweep_sizes = [250, 500]\n")
    monkeypatch.setenv("LANGFORGE_CONFIG_DIR", str(conf))
    task = language_task("sw", build_dir=str(tmp_path / "build"))
    ok, summary = run_language(task)
    assert ok
    tokenizer_dir = task.lang_dir / "tokenizer"
    for name in ("tokenizer.json", "hf/tokenizer.json", "init_map.jsonl", "evaluation.json"):
        assert (tokenizer_dir / name).is_file(), name
    evaluation = json.loads((tokenizer_dir / "evaluation.json").read_text())
    assert evaluation["base"] == "tekken-240911" and evaluation["base_kind"] == "tekken"
    assert 0 < evaluation["added_pieces"] <= 500
    assert evaluation["reference"]["changed_lines"] == 0
    assert evaluation["hf_agreement"]["agreement_frac"] == 1.0
    assert evaluation["corpus"]["tokens_merged"] < evaluation["corpus"]["tokens_base"]
    assert summary["final"]["tokens_merged"] == evaluation["corpus"]["tokens_merged"]
    assert summary["stages"]["vocab"]["status"] == "ok"
