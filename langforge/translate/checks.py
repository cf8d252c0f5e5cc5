"""Checks on machine-translated text: signals first, then decisions against thresholds.

``TranslationChecker.score`` computes named signals for (source, output) pairs;
``decide`` compares them with ``CheckThresholds`` and names every check that
failed. The signals are kept on the output so thresholds can be re-tuned
without translating again.

Failure reasons (stable names, used as drop reasons of the stage):
``mt_sentence_count`` (empty output or fewer sentences than the source),
``mt_copy`` (source left untranslated), ``mt_wrong_language`` (fastText says
another language), ``mt_repetition`` (repeated n-grams, a decoding loop), ``mt_truncated`` (the
source ends a sentence and the output stops mid-way, or decoding hit its length
limit), ``mt_length_ratio`` (output too short or too long for the source),
``mt_low_logprob`` (the model's own length-normalised log-probability).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, fields
from typing import Any, Callable

from langforge.languages import Language
from langforge.translate.layout import may_hold_sentences

#: Reasons in the order a document's drop reason is chosen when several fail.
REASONS = ("mt_sentence_count", "mt_copy", "mt_wrong_language", "mt_repetition",
           "mt_truncated", "mt_length_ratio", "mt_low_logprob")

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Sentence-final punctuation (Latin, Arabic, Devanagari, CJK, Ethiopic), optionally
# followed by closing quotes or brackets.
_END = re.compile(r"[.!?…;:؟।。！？።][\"'”’»)\]]*\s*$")


@dataclass(frozen=True)
class CheckThresholds:
    """Thresholds of the output checks; None switches a check off.

    Defaults calibrated on real en-sw pairs (TICO-19 test, Tatoeba en-sw) treated as
    translations, and on corrupted versions of them
    (test_translate.py::test_checks_pass_real_pairs_and_catch_corrupted_ones: 97.8% of real
    pairs pass, 98.4% of corrupted ones are caught).
    """

    min_length_ratio: float | None = 0.6
    max_length_ratio: float | None = 2.6
    # Added to both lengths before the ratio: short sentences ("Yes." / "Ndiyo.")
    # vary far more than long ones.
    length_ratio_smoothing_chars: int = 12
    max_copy_frac: float | None = 0.6
    min_copy_words: int = 2  # a copy of a 1-word source (a name) is not evidence
    max_repeat_ngram_frac: float | None = 0.35
    # A span of 1-8 words repeated back to back more than this many times is a loop
    # (real text: at most 2, "very very").
    max_tandem_repeats: int | None = 2
    truncation: bool = True
    # Wrong language (fastText lid.176 over all its labels): the target's probability
    # is below min_target_lid_score while another language has min_other_lid_score,
    # or below min_target_lid_score_alone whatever the others have. lid.176 often
    # puts short Swahili sentences elsewhere with Swahili far behind, so these
    # bounds are low; they still catch most substituted languages.
    min_other_lid_score: float | None = 0.5
    min_target_lid_score: float = 1e-3
    min_target_lid_score_alone: float = 1e-4
    min_mean_logprob: float | None = None  # no en-sw model here to calibrate it on
    sentence_count: bool = True

    @classmethod
    def from_config(cls, config: Any) -> "CheckThresholds":
        """Thresholds from a config section holding fields of the same names (the
        rest keep their defaults)."""
        names = {f.name for f in fields(cls)}
        present = getattr(type(config), "model_fields", None) or vars(config)
        return cls(**{name: getattr(config, name) for name in present if name in names})


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def repeat_ngram_frac(tokens: list[str]) -> float:
    """Share of word n-grams that repeat an earlier one.

    n is 3 for outputs of 9+ words and 2 below, so short outputs are not judged
    on a handful of trigrams.
    """
    n = 3 if len(tokens) >= 9 else 2
    grams = [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    if len(grams) < 2:
        return 0.0
    return (len(grams) - len(set(grams))) / len(grams)


def tandem_repeats(tokens: list[str], max_span: int = 8) -> int:
    """The most back-to-back copies of any span of 1..max_span words (1: none)."""
    best = 1
    n = len(tokens)
    for span in range(1, max_span + 1):
        i = 0
        while i + 2 * span <= n:
            copies = 1
            while tokens[i + copies * span:i + (copies + 1) * span] == tokens[i:i + span]:
                copies += 1
            best = max(best, copies)
            # A run of copies cannot start a longer run inside itself at this span.
            i += max(1, (copies - 1) * span) if copies > 1 else 1
    return best


def count_sentences(split: Callable[[str], list[str]], text: str) -> int:
    """Sentences in ``text``; the splitter runs only where a boundary may be (it is
    slow, and most sentences have no punctuation before their end)."""
    if not text.strip():
        return 0
    if not may_hold_sentences(text):
        return 1
    return len([s for s in split(text) if s.strip()])


def ends_sentence(text: str) -> bool:
    return bool(_END.search(text))


def copy_frac(source_words: list[str], output_words: list[str]) -> float:
    """Share of the output's words found in the source (numbers excluded)."""
    out = [w for w in output_words if not w.isdigit()]
    if not out:
        return 0.0
    src = set(source_words)
    return sum(1 for w in out if w in src) / len(out)


class TranslationChecker:
    """Scores (source, output) pairs and decides which checks fail.

    Args:
        target: the language outputs must be in.
        thresholds: ``CheckThresholds``.
        split_source / split_target: sentence splitters (``layout.sentence_splitter``).
        lid: an object with ``predict(texts) -> list[dict[code, prob]]``
            (``langforge.langid.LidModel``); None loads lid.176 on first use, and a
            target the LID model has no label for switches the language check off.
    """

    def __init__(self, target: Language, thresholds: CheckThresholds,
                 split_source: Callable[[str], list[str]],
                 split_target: Callable[[str], list[str]], lid: Any = None):
        self.target = target
        self.thresholds = thresholds
        self.split_source = split_source
        self.split_target = split_target
        self._lid = lid

    def _lid_model(self):
        if self._lid is None and self.thresholds.min_other_lid_score is not None:
            self._lid = default_lid()
        return self._lid

    def lid_available(self) -> bool:
        lid = self._lid_model()
        if lid is None:
            return False
        label_of = getattr(lid, "label_of", None)
        return label_of is None or label_of(self.target) is not None

    def score(self, sources: list[str], outputs: list[str],
              logprobs: list[float | None] | None = None) -> list[dict[str, float | str]]:
        """Signals for each pair (``logprobs``: the model's mean log-probability)."""
        t = self.thresholds
        lid_scores: list[dict[str, float]] = [{} for _ in outputs]
        if t.min_other_lid_score is not None and self.lid_available():
            lid_scores = self._lid_model().predict(list(outputs))
        signals = []
        for i, (src, out) in enumerate(zip(sources, outputs)):
            src_words, out_words = words(src), words(out)
            k = t.length_ratio_smoothing_chars
            sig: dict[str, float | str] = {
                "src_chars": len(src), "out_chars": len(out),
                "length_ratio": round((len(out) + k) / (len(src) + k), 4),
                "copy_frac": round(copy_frac(src_words, out_words), 4),
                "src_words": len(src_words),
                "repeat_ngram_frac": round(repeat_ngram_frac(out_words), 4),
                "tandem_repeats": tandem_repeats(out_words),
                "src_ends_sentence": int(ends_sentence(src)),
                "out_ends_sentence": int(ends_sentence(out)),
                "src_sentences": count_sentences(self.split_source, src),
                "out_sentences": count_sentences(self.split_target, out),
            }
            if lid_scores[i]:
                top, top_score = max(lid_scores[i].items(), key=lambda kv: kv[1])
                sig.update(lid_top=top, lid_top_score=round(top_score, 4),
                           lid_target_score=float(f"{lid_scores[i].get(self.target.code, 0.0):.3g}"))
            if logprobs is not None and logprobs[i] is not None:
                sig["mean_logprob"] = round(float(logprobs[i]), 4)
            signals.append(sig)
        return signals

    def decide(self, sig: dict[str, float | str]) -> list[str]:
        """The checks ``sig`` fails, in ``REASONS`` order (empty: the pair passes)."""
        t = self.thresholds
        failed = []
        if t.sentence_count and (sig["out_chars"] == 0
                                 or sig["out_sentences"] < sig["src_sentences"]):
            failed.append("mt_sentence_count")
        if (t.max_copy_frac is not None and sig["src_words"] >= t.min_copy_words
                and sig["copy_frac"] >= t.max_copy_frac):
            failed.append("mt_copy")
        if t.min_other_lid_score is not None and "lid_top" in sig:
            target_score = sig["lid_target_score"]
            if (target_score < t.min_target_lid_score_alone
                    or (sig["lid_top"] != self.target.code and target_score < t.min_target_lid_score
                        and sig["lid_top_score"] >= t.min_other_lid_score)):
                failed.append("mt_wrong_language")
        if ((t.max_repeat_ngram_frac is not None
             and sig["repeat_ngram_frac"] > t.max_repeat_ngram_frac)
                or (t.max_tandem_repeats is not None
                    and sig["tandem_repeats"] > t.max_tandem_repeats)):
            failed.append("mt_repetition")
        if t.truncation and (sig.get("hit_max_length")
                             or (sig["src_ends_sentence"] and not sig["out_ends_sentence"])):
            failed.append("mt_truncated")
        ratio = sig["length_ratio"]
        if ((t.min_length_ratio is not None and ratio < t.min_length_ratio)
                or (t.max_length_ratio is not None and ratio > t.max_length_ratio)):
            failed.append("mt_length_ratio")
        if (t.min_mean_logprob is not None and "mean_logprob" in sig
                and sig["mean_logprob"] < t.min_mean_logprob):
            failed.append("mt_low_logprob")
        return failed


def summarize(signals: list[dict[str, Any]], failures: list[list[str]]) -> dict[str, Any]:
    """The per-document record of the checks: counts and the extreme values."""
    summary: dict[str, Any] = {
        "sentences": len(signals),
        "failed": dict(sorted(Counter(r for f in failures for r in f).items())),
        "failed_sentences": [i for i, f in enumerate(failures) if f],
    }
    for key, pick in (("length_ratio", min), ("length_ratio", max), ("copy_frac", max),
                      ("repeat_ngram_frac", max), ("lid_target_score", min),
                      ("mean_logprob", min)):
        values = [s[key] for s in signals if key in s]
        if values:
            summary[f"{pick.__name__}_{key}"] = pick(values)
    return summary


def default_lid():
    """fastText lid.176 through ``langforge.langid`` (loaded on first prediction)."""
    from langforge.langid import LidModel, default_model_path

    return LidModel(default_model_path(), name="lid176")
