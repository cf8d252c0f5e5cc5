"""Quality signals on handcrafted texts, every threshold's decision, the filter stage."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from langforge.config import LanguageConfig, QualityConfig
from langforge.document import Document, StageStats
from langforge.errors import ConfigError
from langforge.filters import THRESHOLD_SIGNALS, decide, quality_filter
from langforge.filters.signals import SIGNAL_NAMES, quality_signals, script_ratio
from langforge.text import split_whitespace

SW_STOPWORDS = frozenset({"ya", "na", "wa", "katika", "kwa", "ni", "la", "za", "mwaka"})

# Three copies of one line, two bullets (one ending in an ellipsis), a hashtag line.
HANDCRAFTED = ("Habari ya leo. Mimi ni mwalimu!\nHabari ya leo. Mimi ni mwalimu!\n\n"
               "- kitu kimoja\n• kitu 2...\n#tag ## 123 456\n\nHabari ya leo. Mimi ni mwalimu!\n")

CONFIG_THRESHOLDS = sorted(
    name for name, field in QualityConfig.model_fields.items()
    if name.startswith(("min_", "max_")))

SENTENCE = "Watoto wa shule walikwenda sokoni kununua matunda na mboga kwa mama yao."
REPEATED_SENTENCE = SENTENCE + " " + SENTENCE + " Kisha wakarudi nyumbani."

# threshold key -> (text that trips it, threshold); each text trips its key when
# only that key is on. Words of SENTENCE are 3-8 letters, so lengths stay normal.
TRIPS: dict[str, tuple[str, float]] = {
    "min_words": ("Habari ya leo.", 50),
    "max_words": (" ".join([SENTENCE] * 6), 50),
    "min_mean_word_length": ("a b c d e f g h i j.", 3.0),
    "max_mean_word_length": ("Kinachojulikanavyo kilichotengenezwa kimeshughulikiwa.", 10.0),
    "max_non_alpha_words_ratio": ("Bei ni 100 200 300 400 shilingi.", 0.2),
    "min_stopwords": ("Watoto walikwenda sokoni leo asubuhi.", 2),
    "min_script_ratio": ("ሰላም ለዓለም፣ እንዴት ነህ? hello", 0.9),
    "max_symbol_word_ratio": ("#habari #leo #kenya watoto walikwenda sokoni", 0.1),
    "max_bullet_lines_frac": ("- moja\n- mbili\n• tatu\nnne.", 0.7),
    "max_ellipsis_lines_frac": ("Moja...\nMbili…\nTatu.", 0.3),
    "max_dup_line_frac": ("Karibu sana.\nKaribu sana.\nAsante.", 0.3),
    "max_dup_para_frac": ("Aya ya kwanza.\n\nAya ya kwanza.\n\nAya ya pili.", 0.3),
    "min_line_punct_ratio": ("Kichwa cha habari\nMaelezo mafupi\nMwisho.", 0.5),
    "max_short_line_frac": ("Moja.\nMbili.\n" + SENTENCE, 0.5),
    "max_new_line_ratio": ("Moja\nmbili\ntatu\nnne", 0.3),
    **{f"max_top_{n}gram_char_frac": (" ".join(["habari yako rafiki mpendwa"] * 3) + " kwaheri",
                                      0.2) for n in (2, 3, 4)},
    **{f"max_dup_{n}gram_char_frac": (REPEATED_SENTENCE, 0.2) for n in range(5, 11)},
}


def signals_of(text: str, script: str | None = "Latn") -> dict[str, float]:
    return quality_signals(text, split_whitespace, SW_STOPWORDS, script=script)


def only(key: str, threshold, **extra) -> QualityConfig:
    """A QualityConfig with every threshold off but ``key``."""
    values = {name: None for name in CONFIG_THRESHOLDS}
    values.update(extra)
    values[key] = threshold
    return QualityConfig(**values)


def test_signal_names_are_stable():
    assert tuple(signals_of(HANDCRAFTED)) == SIGNAL_NAMES
    assert "script_ratio" not in signals_of(HANDCRAFTED, script=None)


def test_handcrafted_signal_values():
    s = signals_of(HANDCRAFTED)
    # words: 3 x "Habari ya leo Mimi ni mwalimu" (24 chars) + kitu kimoja kitu 2 tag 123 456
    assert s["char_count"] == len(HANDCRAFTED) == 140
    assert s["word_count"] == 25
    assert s["mean_word_length"] == pytest.approx(96 / 25)
    assert s["non_alpha_words_ratio"] == pytest.approx(3 / 25)  # 2, 123, 456
    assert s["stopword_count"] == 6  # ya, ni three times each
    assert s["line_count"] == 6
    assert s["dup_line_frac"] == pytest.approx(2 / 6)
    assert s["line_punct_ratio"] == pytest.approx(4 / 6)  # "!" x3 and "..."
    assert s["symbol_word_ratio"] == pytest.approx(3 / 25)  # three '#' (one '...')
    assert s["bullet_lines_frac"] == pytest.approx(2 / 6)
    assert s["ellipsis_lines_frac"] == pytest.approx(1 / 6)
    assert s["dup_para_frac"] == 0.0  # three different paragraphs
    # the most frequent 2-grams occur 3 times; the longest is "ni mwalimu" (9 chars)
    assert s["top_2gram_char_frac"] == pytest.approx(27 / 96)
    assert s["top_4gram_char_frac"] == pytest.approx(3 * 16 / 96)  # "leo Mimi ni mwalimu"
    # second and third copies of the 5-gram "Habari ya leo Mimi ni" (17 chars each)
    assert s["dup_5gram_char_frac"] == pytest.approx(34 / 96)
    assert s["dup_6gram_char_frac"] == pytest.approx(48 / 96)
    assert s["dup_7gram_char_frac"] == 0.0
    assert s["short_line_frac"] == pytest.approx(3 / 6)
    assert s["new_line_ratio"] == pytest.approx(8 / 25)
    assert s["script_ratio"] == 1.0


def test_empty_text_has_every_signal_at_zero():
    s = signals_of("")
    assert tuple(s) == SIGNAL_NAMES and set(s.values()) == {0.0}
    assert decide(s, QualityConfig()) == ("quality_min_words",
                                          {"signal": "word_count", "value": 0.0, "threshold": 50})


@pytest.mark.parametrize("line, ends", [
    ("Hii ni sentensi.", True), ("Kweli?", True), ("Ajabu!", True), ("Na kadhalika…", True),
    ("kwanza; pili;", True), ('Alisema "ndiyo."', True), ("(Mwisho.)", True),
    ("这是中文。", True), ("ይህ አማርኛ ነው።", True), ("यह हिंदी है।", True), ("श्लोक ॥", True),
    ("នេះជាភាសាខ្មែរ។", True), ("هل هذا صحيح؟", True),
    ("Hakuna kitu", False), ("orodha,", False), ("kichwa:", False), ("2024", False),
])
def test_line_punctuation_is_unicode_aware(line, ends):
    assert signals_of(line)["line_punct_ratio"] == (1.0 if ends else 0.0)


def test_script_ratio():
    assert script_ratio("Habari ya leo", "Latn") == 1.0
    assert script_ratio("ሰላም ab", "Ethi") == pytest.approx(3 / 5)
    assert script_ratio("日本語とカタカナ", "Jpan") == 1.0
    assert script_ratio("12 34 !", "Latn") == 0.0
    with pytest.raises(ConfigError, match="unknown script 'Xyzw'"):
        script_ratio("abc", "Xyzw")


def test_swahili_config_stopwords(swahili_config):
    assert swahili_config.quality.min_stopwords == 2
    stopwords = frozenset(w.casefold() for w in swahili_config.quality.stopwords)
    text = "Katika mwaka huu, watoto wa KIJIJI na walimu wao walisoma KWA bidii."
    # katika, wa, na, kwa: matched casefolded
    assert quality_signals(text, split_whitespace, stopwords)["stopword_count"] == 4


def test_every_config_threshold_is_decided():
    assert set(CONFIG_THRESHOLDS) <= set(THRESHOLD_SIGNALS)
    assert set(TRIPS) == set(THRESHOLD_SIGNALS)
    assert set(THRESHOLD_SIGNALS.values()) <= set(SIGNAL_NAMES)


@pytest.mark.parametrize("key", sorted(THRESHOLD_SIGNALS))
def test_each_threshold_trips_with_its_reason(key):
    text, threshold = TRIPS[key]
    signals = signals_of(text)
    signal = THRESHOLD_SIGNALS[key]
    quality = SimpleNamespace(**{key: threshold})  # thresholds the config lacks yet
    reason, detail = decide(signals, quality)
    assert reason == f"quality_{key}"
    assert detail == {"signal": signal, "value": signals[signal], "threshold": threshold}
    # a threshold equal to the value does not trip; a None threshold is off
    assert decide(signals, SimpleNamespace(**{key: signals[signal]})) is None
    assert decide(signals, SimpleNamespace(**{key: None})) is None


@pytest.mark.parametrize("key", CONFIG_THRESHOLDS)
def test_filter_stage_rejects_with_each_config_threshold(key):
    text, threshold = TRIPS[key]
    extra = {"stopwords": sorted(SW_STOPWORDS)} if key == "min_stopwords" else {}
    config = LanguageConfig(language="swh_Latn", quality=only(key, threshold, **extra))
    stats = StageStats("quality")
    rejected = []
    stats.on_reject = rejected.append
    doc = Document(id="d1", text=text, signals={"lid_score": 0.7})
    assert list(quality_filter([doc], config, stats)) == []
    assert stats.dropped == {f"quality_{key}": 1}
    assert rejected[0].detail["threshold"] == threshold
    assert rejected[0].detail["signal"] == THRESHOLD_SIGNALS[key]
    # all signals are stored, merged with the earlier ones
    assert doc.signals["lid_score"] == 0.7 and set(SIGNAL_NAMES) <= set(doc.signals)

    off = LanguageConfig(language="swh_Latn", quality=only(key, None, **extra))
    assert [d.id for d in quality_filter([doc], off, StageStats("quality"))] == ["d1"]


def test_filter_stage_on_real_swahili_prose(shared_data, swahili_config):
    lines = (shared_data / "text/globalvoices-en-sw/train.swa").read_text("utf-8").splitlines()
    docs = [Document(id=str(i), text="\n".join(lines[i:i + 12])) for i in range(0, 1200, 12)]
    stats = StageStats("quality")
    kept = list(quality_filter(docs, swahili_config, stats))
    assert stats.docs_in == 100 and stats.docs_out == len(kept)
    assert stats.docs_out + sum(stats.dropped.values()) == 100
    # Measured: all 100 twelve-line news excerpts pass the Swahili thresholds.
    assert len(kept) >= 95
    assert all(d.signals["stopword_count"] >= 2 for d in kept)


def test_filter_stage_empty_stream_and_bad_config(swahili_config):
    stats = StageStats("quality")
    assert list(quality_filter([], swahili_config, stats)) == [] and stats.docs_in == 0
    bad = LanguageConfig(language="swh_Latn", quality=QualityConfig(word_splitter="nope"))
    with pytest.raises(ConfigError, match="unknown splitter 'nope'"):
        quality_filter([], bad, stats)
