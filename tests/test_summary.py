from collections import Counter

from langforge.config import load_config
from langforge.corpus import is_heldout, training_texts
from langforge.document import Document, StageStats
from langforge.summary import build_summary, format_summary, merge_stages


def _stats(stage, docs_in, docs_out, **dropped):
    return StageStats(stage=stage, docs_in=docs_in, docs_out=docs_out, dropped=Counter(dropped))


def test_merge_stages_adds_shards_and_orders_stages():
    merged = merge_stages([_stats("quality", 5, 3, quality_min_words=2),
                           _stats("read", 10, 8, not_html=2),
                           _stats("quality", 4, 4)])
    assert list(merged) == ["read", "quality"]
    assert merged["quality"].docs_in == 9 and merged["quality"].dropped == {"quality_min_words": 2}


def test_skipped_status_survives_merge_and_shows_in_text():
    skipped = StageStats("translate")
    skipped.skip("no translation model configured", "make models MT=nllb-200-distilled-600M")
    summary = build_summary(load_config("sw"), [_stats("read", 3, 3), skipped],
                            inputs={"warcs": []}, final={"native_documents": 3}, tokenizer=None)
    assert summary["stages"]["translate"]["status"] == "skipped"
    text = format_summary(summary)
    assert "skipped" in text and "make models MT=nllb-200-distilled-600M" in text
    assert "native documents 3" in text


def test_heldout_split_is_stable_and_about_the_right_size():
    ids = [f"doc{i}" for i in range(5000)]
    held = [i for i in ids if is_heldout(i, 0.1)]
    assert held == [i for i in ids if is_heldout(i, 0.1)]
    assert 400 < len(held) < 600


def test_training_texts_never_trains_on_heldout_and_caps_synthetic():
    native = [Document(id=f"n{i}", text="a" * 100) for i in range(200)]
    synthetic = [Document(id=f"s{i}", text="b" * 100, kind="synthetic") for i in range(200)]
    train, heldout = training_texts(native, synthetic, heldout_frac=0.2, synthetic_share=0.1)
    assert heldout and all(t == "a" * 100 for t in heldout)
    native_train = sum(t.startswith("a") for t in train)
    assert native_train + len(heldout) == 200
    synthetic_chars = sum(len(t) for t in train if t.startswith("b"))
    assert 0 < synthetic_chars <= 0.1 * sum(len(t) for t in train) + 100


def test_a_small_corpus_formats_without_figures_it_could_not_measure():
    """A tiny build leaves some tokenizer figures undefined (None): the summary still
    prints, showing '-' for them."""
    from langforge.config import load_config
    from langforge.document import StageStats
    from langforge.summary import build_summary, format_summary

    summary = build_summary(load_config("sw"), [StageStats("read", docs_in=3, docs_out=3)],
                            inputs={}, final={"native_documents": 1},
                            tokenizer={"added_pieces": None, "heldout": {
                                "tokens_per_word_base": None, "tokens_per_word_merged": 1.5,
                                "token_reduction_frac": None}})
    text = format_summary(summary)
    assert "tokenizer: +- pieces; held-out tokens/word - -> 1.50 (- fewer tokens)" in text
    # a build whose documents all went to training (8 Nepali pages) held none out
    summary["tokenizer"] = {"added_pieces": 310, "heldout": {
        "lines": 0, "tokens_per_word_base": None, "tokens_per_word_merged": None,
        "token_reduction_frac": 0.0}}
    text = format_summary(summary)
    assert "tokenizer: +310 pieces; no held-out text to measure them on" in text
    assert "0.0% fewer" not in text
