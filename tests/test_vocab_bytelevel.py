"""Extending a byte-level BPE ``tokenizer.json`` (LLaMA-3 style) with new merges."""

from __future__ import annotations

import json

import pytest
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

from langforge.errors import ConfigError
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
