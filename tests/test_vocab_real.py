"""Vocabulary expansion on real Swahili text (../shared/data; skipped when absent).

The acceptance check: trained on Global Voices Swahili with default options (no
English reference given) and merged into the
Mistral-7B v0.1 base, the tokenizer must use at least 35% fewer tokens on
Swahili never trained on (TICO-19 sw, Tatoeba sw) while adding at most 8,000
pieces, change at most 1% of English lines it was not protected on (TICO-19 en,
Tatoeba en, the held-back part of the reference),
and agree with its Hugging Face export on every evaluated line.
"""

from __future__ import annotations

import pytest

from langforge.cli.tokenizer import SEED_EN
from langforge.config import VocabConfig
from langforge.corpus import read_text_documents
from langforge.document import StageStats
from langforge.languages import get_language
from langforge.vocab import base_tokenizer_path, build_tokenizer, load_hf, merge_pieces
from langforge.vocab.base import load_model_proto
from langforge.vocab.merge import processor, unreachable_pieces
from langforge.vocab.training import write_sentences, train_addon


def _lines(path):
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def texts(shared_data):
    text = shared_data / "text"
    return {
        "train_sw": _lines(text / "globalvoices-en-sw/train.swa"),
        "train_en": _lines(text / "globalvoices-en-sw/train.en"),
        "tico_sw": _lines(text / "tico19/tico19-test.sw"),
        "tico_en": _lines(text / "tico19/tico19-test.en"),
        "tatoeba_sw": _lines(text / "tatoeba-en-sw/tatoeba-test-v2021-08-07.swa")
        + _lines(text / "tatoeba-en-sw/tatoeba.swh-eng.swh"),
        "tatoeba_en": _lines(text / "tatoeba-en-sw/tatoeba-test-v2021-08-07.eng")
        + _lines(text / "tatoeba-en-sw/tatoeba.swh-eng.eng"),
    }


def test_tiny_addon_from_real_text_merges_safely(texts, tmp_path):
    base = load_model_proto(base_tokenizer_path("mistral-7b-v0.1"))
    sentences = write_sentences(texts["train_sw"][:2000], tmp_path / "train.txt")
    addon, used = train_addon(sentences, base, 300, tmp_path / "addon")
    assert 250 <= used <= 400
    result = merge_pieces(base, addon)
    names = [p.piece for p in result.proto.pieces]
    assert len(names) == len(set(names)) and result.added
    assert unreachable_pieces(result.proto, result.added) == []
    english = texts["tico_en"][:200]
    changed = sum(a != b for a, b in zip(processor(base).encode(english),
                                         processor(result.proto).encode(english)))
    # The common recipe does not protect English: it is measured, not bounded, here.
    assert changed < len(english)


@pytest.fixture(scope="module")
def acceptance(texts, tmp_path_factory):
    """Default options, as `langforge tokenizer build sw --corpus train.swa` runs them:
    no English given (the embedded English seed is the reference, part of it held
    back; wordfreq frequencies protect English in general)."""
    out = tmp_path_factory.mktemp("sw-tokenizer")
    heldout = texts["tico_sw"] + texts["tatoeba_sw"]
    seed = [doc.text for doc in read_text_documents(SEED_EN)]
    evaluation = build_tokenizer(
        texts["train_sw"], heldout, seed, get_language("sw"), VocabConfig(), out,
        StageStats("vocab"), parallel=(texts["tico_sw"], texts["tico_en"]),
        english_check_texts=texts["tico_en"] + texts["tatoeba_en"])
    return out, evaluation


@pytest.mark.slow
def test_acceptance_figures(acceptance):
    _, evaluation = acceptance
    assert evaluation["method"] == "continuation"
    assert evaluation["added_pieces"] <= 8000
    assert evaluation["heldout"]["token_reduction_frac"] >= 0.35
    assert evaluation["english_check"]["changed_lines_frac"] <= 0.01
    assert evaluation["reference"]["changed_lines"] == 0
    assert evaluation["hf_agreement"]["agreement_frac"] == 1.0
    assert evaluation["english_heldback"]["changed_lines_frac"] <= 0.01
    assert evaluation["hf_agreement"]["lines"] == (evaluation["heldout"]["lines"]
                                                   + evaluation["reference"]["lines"]
                                                   + evaluation["english_heldback"]["lines"]
                                                   + evaluation["english_check"]["lines"])
    assert evaluation["parity"]["parity_merged"] < evaluation["parity"]["parity_base"]
    assert evaluation["unreachable_pieces"] == 0


@pytest.mark.slow
def test_continuation_beats_appending_a_separate_model(acceptance):
    _, evaluation = acceptance
    methods = {row["method"]: row for row in evaluation["methods"]}
    ours, common = methods["continuation"], methods["addon"]
    assert ours["token_reduction_frac"] > common["token_reduction_frac"] + 0.1
    assert ours["english_check_changed_lines_frac"] < common["english_check_changed_lines_frac"]
    assert common["unreachable_pieces"] > 0
    sizes = evaluation["sizes"]
    assert [row["added_pieces"] for row in sizes] == [2000, 4000, 8000, 16000]
    reductions = [row["token_reduction_frac"] for row in sizes]
    assert reductions == sorted(reductions)


@pytest.mark.slow
def test_hf_export_round_trips_real_text(acceptance, texts):
    out, _ = acceptance
    tokenizer = load_hf(out / "hf")
    for text in texts["tico_sw"][:100] + texts["tico_en"][:100]:
        assert tokenizer.decode(tokenizer.encode(text, add_special_tokens=False)) == text


@pytest.mark.slow
def test_tekken_base_on_real_swahili(texts, tmp_path):
    """The byte-level route on the same data: Mistral-NeMo's tekken base."""
    heldout = texts["tico_sw"] + texts["tatoeba_sw"]
    evaluation = build_tokenizer(
        texts["train_sw"], heldout, texts["train_en"], get_language("sw"),
        VocabConfig(base="tekken-240911", addon_vocab_size=8000), tmp_path, StageStats("vocab"),
        compare_methods=False, sweep_sizes=(), english_check_texts=texts["tico_en"])
    assert evaluation["base_kind"] == "tekken" and evaluation["added_pieces"] == 8000
    assert evaluation["heldout"]["token_reduction_frac"] >= 0.35
    assert evaluation["reference"]["changed_lines"] == 0
    assert evaluation["english_check"]["changed_lines_frac"] <= 0.01
    assert evaluation["hf_agreement"]["agreement_frac"] == 1.0
    assert evaluation["roundtrip"]["roundtrip_frac"] == 1.0
