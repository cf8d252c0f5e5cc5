"""Issue 15: parity for characters the base lacks, loud failures, plain inputs,
merge progress, English drift measured on English that was not protected."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import langforge.vocab as vocab_module
from langforge.cli import main
from langforge.config import VocabConfig
from langforge.corpus import read_text_documents
from langforge.document import StageStats
from langforge.errors import ConfigError
from langforge.languages import get_language
from langforge.vocab import (TokenizerCheckError, base_tokenizer_path, build_tokenizer,
                             load_model_proto, merge_pieces, split_reference)
from langforge.vocab.export import hf_tokenizer
from langforge.vocab.merge import fit_budget, processor, unreachable_pieces_hf

from test_vocab import ENGLISH, HELDOUT, SWAHILI


@pytest.fixture(scope="module")
def base():
    return load_model_proto(base_tokenizer_path("mistral-7b-v0.1"))


def test_piece_with_a_character_the_base_lacks(base):
    """The issue's repro: SentencePiece made [32000] of "छ", the export bytes."""
    result = merge_pieces(base, ["▁छ", "न्", "▁छन्"])
    assert result.characters[0] == "छ" and result.added[:len(result.characters)] == \
        result.characters
    sp, hf = processor(result.proto), hf_tokenizer(result.proto)
    for text in ("छ", "छन्", "सबै छ र छन्", "छछ छ"):
        assert hf.encode(text, add_special_tokens=False).ids == sp.encode(text)
    assert sp.encode("छ") == [sp.piece_to_id("▁छ")]
    assert result.unreachable == [] and unreachable_pieces_hf(result.proto, result.added) == []
    # without the character piece the export cannot reach the piece: what the check sees
    bare = load_model_proto(base_tokenizer_path("mistral-7b-v0.1"))
    piece = bare.pieces.add()
    piece.piece, piece.score = "▁छ", -1e10
    assert unreachable_pieces_hf(bare, ["▁छ"]) == ["▁छ"]


def test_characters_count_in_the_budget(base):
    pieces = ["▁wa", "▁छ", "▁छन"]  # ▁छ also needs छ (the base lacks it, not न)
    assert fit_budget(base, pieces, 2) == ["▁wa"]
    assert fit_budget(base, pieces, 3) == ["▁wa", "▁छ"]
    assert fit_budget(base, pieces, 4) == pieces


def test_split_reference_is_stable_and_complete():
    lines = [f"English line number {i}." for i in range(200)]
    protected, held = split_reference(["\n".join(lines)], 0.2)
    assert sorted(protected + held) == sorted(lines) and 20 < len(held) < 60
    assert split_reference(lines, 0.2) == (protected, held)
    assert split_reference(lines, 0.0) == (lines, [])


def test_plain_jsonl_and_parquet_whatever_the_name(tmp_path):
    plain, jsonl, parquet = tmp_path / "a", tmp_path / "b.txt", tmp_path / "c.data"
    plain.write_text("first line\n\nsecond line\n", encoding="utf-8")
    jsonl.write_text(json.dumps({"text": "one\ntwo"}) + "\n" + json.dumps({"text": "three"}))
    pq.write_table(pa.table({"text": ["x y", "z"]}), parquet)
    assert [d.text for d in read_text_documents(plain)] == ["first line", "second line"]
    assert [d.text for d in read_text_documents(jsonl)] == ["one\ntwo", "three"]
    assert [d.text for d in read_text_documents(parquet)] == ["x y", "z"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"no_text": 1}\n')
    with pytest.raises(ConfigError, match=r"--english .*bad.jsonl: line 2 has no 'text'"):
        list(read_text_documents(bad, "--english"))
    binary = tmp_path / "bin"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match="--corpus .*not UTF-8"):
        list(read_text_documents(binary, "--corpus"))
    no_text = tmp_path / "p.parquet"
    pq.write_table(pa.table({"body": ["x"]}), no_text)
    with pytest.raises(ConfigError, match="--text .*no 'text' column"):
        list(read_text_documents(no_text, "--text"))


def test_build_from_plain_text_files(tmp_path, capsys):
    corpus, english = tmp_path / "train", tmp_path / "english"
    corpus.write_text(SWAHILI * 3 + "\n".join(HELDOUT) + "\n", encoding="utf-8")
    english.write_text("\n".join(ENGLISH * 4) + "\n", encoding="utf-8")
    out = tmp_path / "tok"
    assert main(["tokenizer", "build", "sw", "--corpus", str(corpus), "--english", str(english),
                 "--check-english", str(english), "-o", str(out), "--addon-vocab-size", "200",
                 "--no-sweep", "--no-compare"]) == 0
    printed = capsys.readouterr().out
    assert "protected English reference" in printed and "--check-english text" in printed
    evaluation = json.loads((out / "evaluation.json").read_text())
    assert evaluation["hf_agreement"]["agreement_frac"] == 1.0
    assert {"reference", "english_heldback", "english_check"} <= set(evaluation)
    bad = tmp_path / "bad"
    bad.write_text('{"id": 1}\n')
    assert main(["tokenizer", "build", "sw", "--corpus", str(corpus), "--english", str(bad),
                 "-o", str(tmp_path / "x"), "--no-sweep", "--no-compare"]) == 2
    assert "--english" in capsys.readouterr().err


def test_progress_and_loud_failure(tmp_path, monkeypatch):
    calls = []
    config = VocabConfig(addon_vocab_size=100, max_sentences=1000)
    build_tokenizer(SWAHILI.splitlines() * 3, HELDOUT, ENGLISH, get_language("sw"), config,
                    tmp_path / "ok", StageStats("vocab"), compare_methods=False, sweep_sizes=(),
                    on_progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] >= 100 and all(t == calls[0][1] for _, t in calls)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)

    def disagreeing(sp, encode_hf, texts):
        return {"lines": 3, "agreeing_lines": 2, "agreement_frac": 0.666667,
                "examples": ["x"]}

    monkeypatch.setattr(vocab_module, "agreement", disagreeing)
    with pytest.raises(TokenizerCheckError, match="only 2 of 3 evaluated lines"):
        build_tokenizer(SWAHILI.splitlines() * 3, HELDOUT, ENGLISH, get_language("sw"), config,
                        tmp_path / "bad", StageStats("vocab"), compare_methods=False,
                        sweep_sizes=())
    assert (tmp_path / "bad" / "evaluation.json").is_file()
