"""Vocabulary expansion: tiny models trained in the test, merged into the real
Mistral-7B v0.1 base shipped in the mistral-common wheel."""

from __future__ import annotations

import json

import numpy as np
import pytest
import sentencepiece as spm

from langforge.config import VocabConfig
from langforge.document import StageStats
from langforge.errors import ConfigError, MissingModelError
from langforge.languages import get_language
from langforge.vocab import base_tokenizer_path, build_tokenizer, learn_merges, load_hf
from langforge.vocab.base import PIECE_NORMAL, load_model_proto, score_floor
from langforge.vocab.continuation import protected_strings
from langforge.vocab.merge import merge_pieces, processor, scores_below, unreachable_pieces
from langforge.vocab.training import (sample_sentences, split_long_line, train_addon,
                                      write_sentences)

SWAHILI = """\
Watoto wanasoma vitabu shuleni kila siku asubuhi.
Serikali imetangaza mpango mpya wa kuboresha huduma za afya vijijini.
Wakulima wanahitaji mvua ya kutosha ili mazao yao yakue vizuri.
Mwalimu aliwaambia wanafunzi kwamba mtihani utafanyika wiki ijayo.
Wananchi wengi wanatumia simu za mkononi kutuma na kupokea pesa.
Hospitali ya wilaya imepokea vifaa vipya vya kupima magonjwa.
Mvua kubwa zilizonyesha jana zimesababisha mafuriko katika mji mkuu.
Watalii wengi hutembelea mbuga za wanyama nchini Tanzania na Kenya.
Kampuni hiyo imeajiri vijana wengi kutoka vijiji vya jirani.
Mama yangu anapika chakula kitamu kwa ajili ya familia yetu.
Wanafunzi walifurahi sana baada ya kusikia matokeo ya mitihani yao.
Rais alihutubia taifa kuhusu hali ya uchumi na ajira kwa vijana.
Wavuvi wanavua samaki wengi katika ziwa Viktoria kila mwaka.
Watu wanapaswa kunawa mikono yao mara kwa mara ili kujikinga na magonjwa.
Shirika la afya limesema kwamba chanjo ni salama kwa watoto wote.
Mkutano wa viongozi wa Afrika Mashariki utafanyika mjini Arusha mwezi ujao.
Bei ya vyakula imepanda kwa sababu ya ukame uliodumu kwa muda mrefu.
Wanasayansi wanafanya utafiti kuhusu mabadiliko ya tabianchi barani Afrika.
Vijana wanahimizwa kujiunga na vyuo vya ufundi ili kupata ujuzi mpya.
Mchezaji huyo alifunga mabao mawili katika mechi ya jana usiku.
"""
HELDOUT = [
    "Wanafunzi wanasoma vitabu vipya shuleni kila wiki.",
    "Serikali imetangaza mpango wa kuboresha huduma za maji vijijini.",
    "Wakulima wengi wanahitaji mbegu bora ili mazao yao yakue vizuri.",
]
ENGLISH = [
    "The children read books at school every morning.",
    "The government announced a new plan to improve rural health services.",
    "Farmers need enough rain for their crops to grow well.",
    "Many citizens use mobile phones to send and receive money.",
    "The president addressed the nation about the economy and jobs.",
]


@pytest.fixture(scope="module")
def base():
    return load_model_proto(base_tokenizer_path("mistral-7b-v0.1"))


@pytest.fixture(scope="module")
def train_lines():
    # Repeated so that pairs recur: a tiny corpus, but a real one.
    return SWAHILI.splitlines() * 3


# --- base tokenizer -----------------------------------------------------------------

def test_base_by_name_is_the_mistral_model_shipped_or_in_the_wheel(base):
    path = base_tokenizer_path("mistral-7b-v0.1")
    # shipped in langforge/resources/models, else mistral-common's data file
    assert (path.name, path.parent.name) in {("mistral-7b-v0.1.model", "models"),
                                             ("tokenizer.model.v1", "data")}
    assert len(base.pieces) == 32000 and base.trainer_spec.byte_fallback


def test_base_local_path_and_missing(tmp_path, monkeypatch):
    local = tmp_path / "mine.model"
    local.write_bytes(base_tokenizer_path("mistral-7b-v0.1").read_bytes())
    assert base_tokenizer_path(str(local)) == local
    with pytest.raises(MissingModelError, match="make install"):
        base_tokenizer_path(str(tmp_path / "absent.model"))
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    monkeypatch.setattr("langforge.config.resources_dir", lambda: tmp_path)  # nothing shipped
    with pytest.raises(MissingModelError, match="mistral-common.*make install|make install"):
        base_tokenizer_path("mistral-7b-v0.1")


def test_not_a_model_file(tmp_path):
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"not a protobuf at all \xff\xfe")
    with pytest.raises(ConfigError, match="not a SentencePiece model"):
        load_model_proto(bad)


# --- training text -----------------------------------------------------------------

def test_long_lines_are_split_not_skipped():
    line = " ".join(["neno"] * 300) + " " + "x" * 50
    chunks = split_long_line(line, 100)
    assert all(len(c.encode()) <= 100 for c in chunks)
    assert " ".join(chunks) == line
    long_word = "é" * 80  # 160 bytes: cut at a character boundary
    assert "".join(split_long_line(long_word, 50)) == long_word


def test_sampling_is_seeded_bounded_and_counts_everything():
    texts = [f"sentensi namba {i}\nmstari wa pili {i}" for i in range(200)] + ["", "   "]
    stats = StageStats("vocab")
    first = sample_sentences(texts, 50, seed=1, stats=stats)
    again = sample_sentences(texts, 50, seed=1, stats=StageStats("vocab"))
    other = sample_sentences(texts, 50, seed=2, stats=StageStats("vocab"))
    assert len(first) == 50 and first == again and first != other
    assert stats.docs_in == 202 and stats.docs_out == 200
    assert stats.dropped == {"empty_text": 2}
    assert stats.extra["sentences_seen"] == 400 and stats.extra["sentences_sampled"] == 50
    assert sample_sentences([], 10, 0, StageStats("vocab")) == []
    with pytest.raises(ConfigError, match="max_sentences"):
        sample_sentences(texts, 0, 0, StageStats("vocab"))


# --- add-on model and safe merge -----------------------------------------------------

@pytest.fixture(scope="module")
def addon(base, train_lines, tmp_path_factory):
    work = tmp_path_factory.mktemp("addon")
    sentences = write_sentences(train_lines, work / "train.txt")
    return train_addon(sentences, base, 5000, work / "addon")


def test_addon_follows_base_and_adapts_size(addon, base):
    proto, used = addon
    assert 0 < used < 5000  # the tiny corpus cannot support 5000 pieces
    assert proto.trainer_spec.model_type == base.trainer_spec.model_type
    for name in ("byte_fallback", "split_digits", "character_coverage",
                 "max_sentencepiece_length"):
        assert getattr(proto.trainer_spec, name) == getattr(base.trainer_spec, name)
    assert proto.normalizer_spec.name == "identity"
    assert proto.normalizer_spec.add_dummy_prefix == base.normalizer_spec.add_dummy_prefix


def test_safe_merge_contract(addon, base):
    result = merge_pieces(base, addon[0])
    merged = result.proto
    names = [p.piece for p in merged.pieces]
    assert len(names) == len(set(names)), "duplicate pieces"
    assert result.added and names[:32000] == [p.piece for p in base.pieces]
    assert [(p.type, p.score) for p in merged.pieces[:32000]] == \
        [(p.type, p.score) for p in base.pieces]
    new = merged.pieces[32000:]
    assert all(p.type == PIECE_NORMAL for p in new)
    assert not any(p.piece.startswith("<0x") for p in new)
    scores = [p.score for p in new]
    assert len(set(scores)) == len(scores) and max(scores) < score_floor(base)
    assert scores == sorted(scores, reverse=True)
    assert result.skipped["byte_piece"] == 256 and result.skipped["in_base"] > 0
    assert unreachable_pieces(merged, result.added) == []
    assert len(merged.pieces) == 32000 + len(result.added)


def test_scores_stay_distinct_in_float32():
    scores = scores_below(-1e9, 1000)
    as32 = np.array(scores, dtype=np.float32)
    assert len(set(as32.tolist())) == 1000 and as32.max() < np.float32(-1e9)
    assert scores_below(-5.0, 3) == [-6.0, -7.0, -8.0]


def test_normaliser_mismatch_is_an_error(base, train_lines, tmp_path):
    sentences = write_sentences(train_lines, tmp_path / "train.txt")
    spm.SentencePieceTrainer.train(input=str(sentences), model_prefix=str(tmp_path / "nfkc"),
                                   vocab_size=300, model_type="bpe",
                                   normalization_rule_name="nmt_nfkc", minloglevel=2)
    nfkc = load_model_proto(tmp_path / "nfkc.model")
    with pytest.raises(ConfigError, match="normaliser mismatch.*name: base 'identity'"):
        merge_pieces(base, nfkc)


def test_unigram_addon_into_bpe_base_is_an_error(base, train_lines, tmp_path):
    sentences = write_sentences(train_lines, tmp_path / "train.txt")
    spm.SentencePieceTrainer.train(input=str(sentences), model_prefix=str(tmp_path / "uni"),
                                   vocab_size=200, model_type="unigram",
                                   remove_extra_whitespaces=False,
                                   normalization_rule_name="identity", minloglevel=2)
    with pytest.raises(ConfigError, match="base tokenizer is BPE but the add-on is UNIGRAM"):
        merge_pieces(base, load_model_proto(tmp_path / "uni.model"))


# --- continuation BPE ----------------------------------------------------------------

def test_continuation_pieces_are_reachable_and_respect_protection(base, train_lines):
    protected = protected_strings(base, ENGLISH)
    learned = learn_merges(base, train_lines, 300, protected)
    assert 0 < len(learned.pieces) < 300  # stops when no pair recurs: size adapts
    assert not set(learned.pieces) & protected
    assert learned.frequencies == sorted(learned.frequencies, reverse=True) or \
        min(learned.frequencies) >= 2
    assert all(not any(ch.isdigit() for ch in p) and "\u2581" not in p[1:]
               for p in learned.pieces)
    result = merge_pieces(base, learned.pieces)
    assert result.added == learned.pieces and result.unreachable == []
    base_sp, merged_sp = processor(base), processor(result.proto)
    assert base_sp.encode(ENGLISH) == merged_sp.encode(ENGLISH)
    assert learn_merges(base, [], 10).pieces == []
    with pytest.raises(ConfigError, match="max_merges"):
        learn_merges(base, train_lines, -1)


# --- the pipeline's entry ------------------------------------------------------------

#: what the ``built`` fixture's build_tokenizer call told its progress callbacks
BUILT_PROGRESS: dict = {}


@pytest.fixture(scope="module")
def built(train_lines, tmp_path_factory):
    out = tmp_path_factory.mktemp("tokenizer")
    stats = StageStats("vocab")
    config = VocabConfig(addon_vocab_size=300, max_sentences=1000)
    phases, merges = [], []
    evaluation = build_tokenizer(train_lines, HELDOUT, ENGLISH, get_language("sw"), config,
                                 out, stats, sweep_sizes=(50, 100),
                                 on_phase=phases.append,
                                 on_progress=lambda done, total: merges.append((done, total)))
    BUILT_PROGRESS.update(phases=phases, merges=merges)
    return out, evaluation, stats


def test_build_tokenizer_tells_each_phase_and_the_merges_learned(built):
    phases, merges = BUILT_PROGRESS["phases"], BUILT_PROGRESS["merges"]
    assert [p.split(" ")[0] for p in phases] == [
        "sampling", "English", "learning", "for", "for", "merging", "evaluating:", "size"]
    assert "merges on" in phases[2] and "SentencePiece" in phases[4]
    assert merges and all(total == merges[0][1] for _, total in merges)
    done = [d for d, _ in merges]
    assert done == sorted(done) and 0 < done[-1] <= merges[0][1]


def test_build_tokenizer_outputs_and_keys(built):
    out, evaluation, stats = built
    for name in ("merged.model", "addon.model", "evaluation.json", "init_map.jsonl",
                 "sizes.png", "hf/tokenizer.json", "hf/tokenizer.model"):
        assert (out / name).is_file(), name
    assert not (out / "train_sentences.txt").exists()
    assert json.loads((out / "evaluation.json").read_text()) == json.loads(
        json.dumps(evaluation))
    for key in ("base", "addon_vocab_size_requested", "addon_vocab_size_used", "added_pieces",
                "unreachable_pieces", "heldout", "reference", "methods", "sizes"):
        assert key in evaluation
    for key in ("lines", "words", "chars", "tokens_base", "tokens_merged",
                "tokens_per_word_base", "tokens_per_word_merged", "chars_per_token_base",
                "chars_per_token_merged", "token_reduction_frac", "byte_fallback_rate_base",
                "byte_fallback_rate_merged"):
        assert key in evaluation["heldout"]
    assert evaluation["addon_vocab_size_requested"] == 300
    assert 0 < evaluation["addon_vocab_size_used"] < 300
    assert evaluation["added_pieces"] == evaluation["addon_vocab_size_used"]
    assert stats.docs_in == stats.docs_out == 60
    assert [row["method"] for row in evaluation["methods"]] == \
        ["continuation", "continuation_unprotected", "addon"]
    assert [row["addon_vocab_size_requested"] for row in evaluation["sizes"]] == [50, 100, 300]


def test_merged_tokenizer_helps_swahili_and_keeps_english(built):
    _, evaluation, _ = built
    held = evaluation["heldout"]
    assert held["tokens_per_word_merged"] < held["tokens_per_word_base"]
    assert held["token_reduction_frac"] > 0.1
    # The protected part of the reference never changes; a held-back part is measured.
    assert evaluation["reference"]["changed_lines"] == 0
    assert evaluation["reference"]["lines"] + evaluation["english_heldback"]["lines"] == 5
    assert evaluation["english_heldback"]["lines"] >= 1
    assert evaluation["hf_agreement"]["agreement_frac"] == 1.0
    assert evaluation["unreachable_pieces"] == 0


def test_init_map_rows(built):
    out, evaluation, _ = built
    rows = [json.loads(line) for line in (out / "init_map.jsonl").read_text().splitlines()]
    assert len(rows) == evaluation["added_pieces"]
    assert [row["id"] for row in rows] == list(range(32000, 32000 + len(rows)))
    base_sp = spm.SentencePieceProcessor(model_file=str(base_tokenizer_path("mistral-7b-v0.1")))
    for row in rows[:20]:
        assert len(row["base_ids"]) >= 2 and row["frequency"] >= 2
        assert "".join(base_sp.id_to_piece(i) for i in row["base_ids"]) == row["piece"]


@pytest.mark.parametrize("use_fast", [True, False])
def test_hf_export_loads_and_round_trips(built, use_fast):
    out, _, _ = built
    tokenizer = load_hf(out / "hf", use_fast=use_fast)
    merged = spm.SentencePieceProcessor(model_file=str(out / "merged.model"))
    for text in [*HELDOUT, *ENGLISH, "Habari  za asubuhi,  rafiki!", "  nafasi mwanzoni"]:
        ids = tokenizer.encode(text, add_special_tokens=False)
        assert ids == merged.encode(text)
        assert tokenizer.decode(ids) == text
    assert tokenizer.encode("Habari")[0] == merged.bos_id()


def test_build_tokenizer_rejects_bad_input(tmp_path):
    config = VocabConfig(addon_vocab_size=100, max_sentences=100)
    lang = get_language("sw")
    with pytest.raises(ConfigError, match="unknown vocabulary method 'wordpiece'"):
        build_tokenizer(["a b"], [], [], lang, config, tmp_path, StageStats("vocab"),
                        method="wordpiece")
    stats = StageStats("vocab")
    with pytest.raises(ConfigError, match="no training text for swh_Latn"):
        build_tokenizer(["", "  "], [], [], lang, config, tmp_path, stats)
    assert stats.dropped == {"empty_text": 2}
    missing = VocabConfig(base=str(tmp_path / "nope.model"))
    with pytest.raises(MissingModelError, match="make install"):
        build_tokenizer(["neno"], [], [], lang, missing, tmp_path, StageStats("vocab"))


def test_the_addon_trains_when_stderr_has_no_file_descriptor(tmp_path, monkeypatch):
    """sentencepiece redirects stderr's descriptor to silence itself; under a replaced
    stderr (pytest's capsys, a notebook) training must still work."""
    import io
    import sys

    from langforge.vocab import load_model_proto
    from langforge.vocab.base import base_tokenizer_path
    from langforge.vocab.training import train_addon

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    base = load_model_proto(base_tokenizer_path("mistral-7b-v0.1"))
    sentences = tmp_path / "s.txt"
    sentences.write_text("".join(f"Habari za asubuhi rafiki yangu {i} wa shule ya msingi.\n"
                                 for i in range(300)), encoding="utf-8")
    addon, learned = train_addon(sentences, base, 50, tmp_path / "addon")
    assert learned > 0


def test_english_pair_costs_are_cached_on_disk(tmp_path, monkeypatch):
    """Computed once per base (and wordfreq version, and cost code), then read back in
    any later process; a damaged cache file is computed again."""
    from langforge.vocab import english

    monkeypatch.setenv("LANGFORGE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(english, "_CACHE", {})
    base = load_model_proto(base_tokenizer_path("mistral-7b-v0.1"))
    compute = english._pair_costs
    costs = english.pair_costs(base, limit=2000)
    files = list((tmp_path / "english-pair-costs").glob("*.parquet"))
    assert len(files) == 1 and costs and not list(tmp_path.rglob(".tmp-*"))

    def never(*args):
        raise AssertionError("computed again")

    monkeypatch.setattr(english, "_CACHE", {})  # a new process
    monkeypatch.setattr(english, "_pair_costs", never)
    again = english.pair_costs(base, limit=2000)
    assert again == costs and list(again) == list(costs)
    files[0].write_bytes(b"not parquet")
    monkeypatch.setattr(english, "_pair_costs", compute)
    monkeypatch.setattr(english, "_CACHE", {})
    assert english.pair_costs(base, limit=2000) == costs  # recomputed and rewritten
    assert english._read_costs(files[0]) == costs
