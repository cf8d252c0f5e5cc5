"""Extending a byte-level BPE ``tokenizer.json`` (LLaMA-3 style) with new merges."""

from __future__ import annotations

import json

import pytest
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

from langforge.config import VocabConfig
from langforge.document import StageStats
from langforge.errors import ConfigError
from langforge.languages import get_language
from langforge.vocab import build_tokenizer
from langforge.vocab.bytelevel import extend_bpe_json, load_bpe_json
from tests.test_vocab import ENGLISH, HELDOUT, SWAHILI


@pytest.fixture(scope="module")
def byte_level_base(tmp_path_factory):
    """A small real byte-level BPE trained on English, as a stand-in for LLaMA-3's."""
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=["<|begin_of_text|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  show_progress=False)
    tokenizer.train_from_iterator(ENGLISH * 5, trainer)
    path = tmp_path_factory.mktemp("bytelevel") / "tokenizer.json"
    tokenizer.save(str(path))
    return path


def test_extension_is_consistent_reachable_and_english_neutral(byte_level_base, tmp_path):
    base = Tokenizer.from_file(str(byte_level_base))
    result = extend_bpe_json(byte_level_base, SWAHILI.splitlines() * 3, 200,
                             protected_texts=ENGLISH)
    extended = result.tokenizer
    assert 0 < len(result.merges) <= 200
    data = json.loads(extended.to_str())
    base_data = json.loads(base.to_str())
    assert len(data["model"]["merges"]) == len(base_data["model"]["merges"]) + len(result.merges)
    ids = sorted(data["model"]["vocab"].values())
    assert ids == list(range(len(ids))) or len(set(ids)) == len(ids)
    special_id = base.token_to_id("<|begin_of_text|>")
    assert extended.token_to_id("<|begin_of_text|>") == special_id
    assert min(extended.token_to_id(a + b) for a, b in result.merges) > \
        max(base_data["model"]["vocab"].values())
    for text in ENGLISH:
        assert extended.encode(text).ids == base.encode(text).ids
    before = sum(len(base.encode(t).ids) for t in HELDOUT)
    after = sum(len(extended.encode(t).ids) for t in HELDOUT)
    assert after < before
    for text in HELDOUT + ENGLISH:
        assert extended.decode(extended.encode(text).ids) == text
    extended.save(str(tmp_path / "tokenizer.json"))
    reloaded, _ = load_bpe_json(tmp_path / "tokenizer.json")
    assert reloaded.encode(HELDOUT[0]).ids == extended.encode(HELDOUT[0]).ids


def test_only_bpe_json_is_accepted(tmp_path):
    wordlevel = Tokenizer(models.WordLevel({"a": 0, "[UNK]": 1}, unk_token="[UNK]"))
    wordlevel.save(str(tmp_path / "wl.json"))
    with pytest.raises(ConfigError, match="only BPE"):
        extend_bpe_json(tmp_path / "wl.json", ["a a"], 10)
    (tmp_path / "junk.json").write_text("{}")
    with pytest.raises(ConfigError, match="not a Hugging Face tokenizer.json"):
        load_bpe_json(tmp_path / "junk.json")


def test_protected_tokens_are_never_learned(byte_level_base):
    free = extend_bpe_json(byte_level_base, SWAHILI.splitlines() * 3, 20)
    first = "".join(free.merges[0])
    guarded = extend_bpe_json(byte_level_base, SWAHILI.splitlines() * 3, 20,
                              protected_tokens={first})
    assert first not in {a + b for a, b in guarded.merges}
    assert (first, free.frequencies[0]) in guarded.excluded
    with pytest.raises(ConfigError, match="must not be negative"):
        extend_bpe_json(byte_level_base, ["a"], -1)


@pytest.fixture(scope="module")
def built_json(byte_level_base, tmp_path_factory):
    out = tmp_path_factory.mktemp("json-tokenizer")
    config = VocabConfig(base=str(byte_level_base), addon_vocab_size=120)
    evaluation = build_tokenizer(SWAHILI.splitlines() * 3, HELDOUT, ENGLISH, get_language("sw"),
                                 config, out, StageStats("vocab"), sweep_sizes=[40, 120],
                                 parallel=(HELDOUT, ENGLISH[:3]), english_check_texts=ENGLISH[3:])
    return out, evaluation


def test_build_tokenizer_routes_a_tokenizer_json_base(built_json, byte_level_base):
    out, evaluation = built_json
    for name in ("tokenizer.json", "hf/tokenizer.json", "hf/tokenizer_config.json",
                 "init_map.jsonl", "sizes.png", "evaluation.json"):
        assert (out / name).is_file(), name
    assert not (out / "merged.model").exists()
    assert json.loads((out / "evaluation.json").read_text()) == json.loads(json.dumps(evaluation))
    assert evaluation["base_kind"] == "tokenizer.json"
    assert 0 < evaluation["added_pieces"] <= 120
    assert evaluation["heldout"]["token_reduction_frac"] > 0.1
    assert evaluation["reference"]["changed_lines"] == 0
    assert evaluation["hf_agreement"]["agreement_frac"] == 1.0
    assert evaluation["roundtrip"]["roundtrip_frac"] == 1.0
    assert evaluation["parity"]["parity_merged"] < evaluation["parity"]["parity_base"]
    assert [row["method"] for row in evaluation["methods"]] == ["continuation",
                                                               "continuation_unprotected"]
    assert [row["addon_vocab_size_requested"] for row in evaluation["sizes"]] == [40, 120]
    reductions = [row["token_reduction_frac"] for row in evaluation["sizes"]]
    assert reductions == sorted(reductions)
    base = Tokenizer.from_file(str(byte_level_base))
    rows = [json.loads(line) for line in (out / "init_map.jsonl").read_text().splitlines()]
    assert len(rows) == evaluation["added_pieces"]
    assert [row["id"] for row in rows] == list(range(base.get_vocab_size(),
                                                     base.get_vocab_size() + len(rows)))
    for row in rows:
        assert len(row["base_ids"]) >= 2 and base.decode(row["base_ids"]) == row["text"]
        assert row["frequency"] >= 2


def test_byte_level_hf_export_loads_and_round_trips(built_json):
    from langforge.vocab import load_hf

    out, _ = built_json
    tokenizer = load_hf(out / "hf")
    extended = Tokenizer.from_file(str(out / "tokenizer.json"))
    for text in HELDOUT + ENGLISH:
        ids = tokenizer.encode(text, add_special_tokens=False)
        assert ids == extended.encode(text, add_special_tokens=False).ids
        assert tokenizer.decode(ids) == text


def test_byte_level_base_rejects_the_addon_method(byte_level_base, tmp_path):
    config = VocabConfig(base=str(byte_level_base))
    with pytest.raises(ConfigError, match="needs a SentencePiece base"):
        build_tokenizer(["habari"], [], [], get_language("sw"), config, tmp_path,
                        StageStats("vocab"), method="addon")
    with pytest.raises(ConfigError, match="no training text"):
        build_tokenizer(["", " "], [], [], get_language("sw"), config, tmp_path,
                        StageStats("vocab"))
