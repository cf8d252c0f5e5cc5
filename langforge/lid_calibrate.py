"""Calibrate a language's whole decision (model, floor, guards) on real text, held out.

``langforge.calibrate`` derives thresholds from trusted text of the language only.
A decision that must keep other languages out also needs their text: this module
chooses, for one language,

- the **model**: among the offline models with a label for the language
  (``CANDIDATES``), the one whose calibrated decision lets the fewest other-language
  documents through at a cross-validated recall of at least ``MIN_RECALL``;
- the **word list**: the ``WORDLIST_SIZE`` most frequent words of the language's
  calibration text, less words at least ``CONTRAST_RATIO`` as frequent in the
  other languages' calibration text (so shared words of related languages do not
  count as evidence);
- the **floor** ``min_score``: FineWeb-2's rule ``max(0.3, min(0.9, median - std))``
  capped at the ``FLOOR_QUANTILE`` quantile of the language's scores, so the
  model alone keeps nearly all of the language;
- the **guard** ``min_wordlist_frac`` and the second opinion's bar: multiples of
  the 1% quantile ``q`` of the cross-fitted word-list shares of the language's
  documents (list from one half, share measured on the other); the guard factor
  is the loosest of ``GUARD_FACTORS`` that lets no other-language calibration
  document through, and the length-aware bound (``wordlist_confidence_z``) is on.

Recall is cross-validated (each document judged with the word list derived from
the other half); figures for users are measured by ``langforge.lid_compare`` on
the report half, which calibration never reads.
"""

from __future__ import annotations

import datetime as _dt
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from langforge.calibrate import fineweb2_lid_rule
from langforge.config import LanguageConfig
from langforge.langid import decide_language, wilson_lower

#: Offline models tried for every language (fastText lid.176 and the wheel-shipped ones).
CANDIDATES = ("lid176", "heliport", "py3langid")
WORDLIST_SIZE = 3000
#: A word this much as frequent (per word) in the other languages' text is not evidence.
CONTRAST_RATIO = 0.5
FLOOR_QUANTILE = 0.02
GUARD_FACTORS = (0.3, 0.45, 0.6, 0.75, 0.9)
SECOND_OPINION_FACTOR = 0.9
SECOND_OPINION_SCORE = 0.01
CONFIDENCE_Z = 1.0
MIN_RECALL = 0.97
#: Fewer calibration documents than this give no lexical guard.
MIN_LEXICAL_DOCS = 40
#: Below this 1% quantile of held-out word-list shares the guard is not set.
MIN_GUARD_Q = 0.1
#: The lowest share of a confusable's word list that rejects a document.
MIN_CONFUSABLE_BAR = 0.04


@dataclass
class DecisionCalibration:
    """One model's calibrated decision for one language, with its evidence."""

    language: str
    model: str
    lid: dict[str, Any]
    wordlist: list[str]
    positives: int
    negatives: int
    cv_recall: float
    leaked: int
    leaked_by: Counter = field(default_factory=Counter)
    confusable_wordlists: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def false_positive_rate(self) -> float:
        return self.leaked / self.negatives if self.negatives else 0.0

    def provenance(self, sources: str) -> str:
        return (f"langforge.lid_calibrate on {_dt.date.today().isoformat()}: calibration half of "
                f"{sources} ({self.positives} documents of ~600 chars in the language, "
                f"{self.negatives} of other languages); model {self.model} chosen among "
                f"{', '.join(CANDIDATES)}; cross-validated recall {self.cv_recall:.2%}, other "
                f"languages let through {self.leaked} ({self.false_positive_rate:.3%}); "
                + "; ".join(self.notes))


def _is_word(word: str) -> bool:
    """Letters and combining marks only (Devanagari and Sinhala vowel signs are marks)."""
    return bool(word) and unicodedata.category(word[0])[0] == "L" and all(
        unicodedata.category(ch)[0] in "LM" for ch in word)


def _words(texts: Sequence[str], split_words) -> list[list[str]]:
    return [[w.casefold() for w in split_words(t) if _is_word(w.casefold())] for t in texts]


def _ranked(docs: list[list[str]], min_chars: int, min_docs: int = 2) -> list[str]:
    counts: Counter = Counter()
    doc_freq: Counter = Counter()
    for words in docs:
        kept = [w for w in words if len(w) >= min_chars]
        counts.update(kept)
        doc_freq.update(set(kept))
    return sorted((w for w in counts if doc_freq[w] >= min_docs), key=lambda w: (-counts[w], w))


def _shares(words: list[str], vocab: frozenset[str], min_chars: int) -> tuple[float, int]:
    counted = [w for w in words if len(w) >= min_chars]
    if not counted:
        return 0.0, 0
    return sum(w in vocab for w in counted) / len(counted), len(counted)


def calibrate_decision(config: LanguageConfig, model, positives: Sequence[str],
                       negatives: Sequence[tuple[str, str]], *, split_words,
                       pos_scores: list[dict[str, float]] | None = None,
                       neg_scores: list[dict[str, float]] | None = None,
                       confusable_text: dict[str, list[str]] | None = None,
                       source_codes: dict[str, str] | None = None
                       ) -> DecisionCalibration:
    """Calibrate ``config``'s decision with ``model`` on the language's ``positives``
    and the other languages' ``negatives`` ((source, text) pairs).

    ``confusable_text`` (canonical code -> calibration documents) and ``source_codes``
    (negative source -> canonical code): a registered language whose documents the
    calibrated decision still lets through gets a confusable word list (words of its
    text that the language's text never uses)."""
    code = config.lang.code
    min_chars = config.lid.wordlist_min_word_chars
    pos_words = _words(positives, split_words)
    neg_texts = [t for _, t in negatives]
    neg_words = _words(neg_texts, split_words)
    contrast = Counter(w for ws in neg_words for w in ws if len(w) >= min_chars)
    if pos_scores is None:
        pos_scores = model.predict(list(positives), k=-1)
    if neg_scores is None:
        neg_scores = model.predict(neg_texts, k=-1)

    def wordlist(docs: list[list[str]]) -> list[str]:
        ranked = _ranked(docs, min_chars)[:WORDLIST_SIZE * 3]
        counts = Counter(w for ws in docs for w in ws if w in set(ranked))
        total = sum(counts.values()) or 1
        c_total = sum(contrast.values()) or 1
        kept = [w for w in ranked
                if contrast[w] / c_total < CONTRAST_RATIO * counts[w] / total]
        return kept[:WORDLIST_SIZE]

    # cross-fitted shares: each document judged with the list of the other half
    folds = (list(range(0, len(positives), 2)), list(range(1, len(positives), 2)))
    held_out: list[tuple[float, int]] = [(0.0, 0)] * len(positives)
    for train, test in ((folds[0], folds[1]), (folds[1], folds[0])):
        vocab = frozenset(wordlist([pos_words[i] for i in train]))
        for i in test:
            held_out[i] = _shares(pos_words[i], vocab, min_chars)
    full = wordlist(pos_words)
    vocab = frozenset(full)
    neg_shares = [_shares(ws, vocab, min_chars) for ws in neg_words]
    q = float(np.quantile([wilson_lower(s, n, CONFIDENCE_Z) for s, n in held_out], 0.01))

    target = np.array([s.get(code, 0.0) for s in pos_scores])
    rule = fineweb2_lid_rule(target)
    quantile = float(np.quantile(target, FLOOR_QUANTILE))
    floor = max(0.05, min(rule, math.floor(quantile / 0.05) * 0.05))
    notes = [f"{model.name} score on the language: median {np.median(target):.3f}, "
             f"{FLOOR_QUANTILE:.0%} quantile {quantile:.3f}; min_score "
             f"{round(floor, 3)} = min(FineWeb-2 rule {rule:.3f}, that quantile)",
             f"word list {len(full)} words, less words of the other languages' text; "
             f"held-out share (Wilson z={CONFIDENCE_Z}) 1% quantile {q:.3f}"]

    lexical = len(positives) >= MIN_LEXICAL_DOCS and q >= MIN_GUARD_Q
    if len(positives) < MIN_LEXICAL_DOCS:
        notes.append(f"no lexical guard: {len(positives)} calibration documents "
                     f"(< {MIN_LEXICAL_DOCS}) cannot give a word list that transfers")
    elif not lexical:
        notes.append(f"no lexical guard: 1% of the language's own documents have a "
                     f"held-out share below {MIN_GUARD_Q}, so a guard cannot separate")
    # the text checks (script, confusable letters) do not depend on the thresholds
    text_cfg = config.lid.model_copy(update={"confusable": [], "min_score": 1.0})
    probe = {code: 1.0}

    def text_ok(text: str) -> bool:
        verdict = decide_language(probe, config.lang, text_cfg, text=text)
        return verdict is None or not verdict[0].startswith(("lid_wrong_script",
                                                             "lid_confusable_"))

    pos_ok = [text_ok(t) for t in positives]
    neg_ok = [text_ok(t) for t in neg_texts]
    shares_pos = held_out if lexical else [(None, None)] * len(positives)
    shares_neg = neg_shares if lexical else [(None, None)] * len(negatives)

    def run(lid: dict, neg_fracs=None, pos_fracs=None) -> tuple[float, Counter]:
        cfg = config.lid.model_copy(update={**lid, "wordlist": "-" if lexical else "",
                                            "min_script_frac": None, "confusable_chars": {}})
        kept = sum(ok and decide_language(s, config.lang, cfg, share, lexical_words=n,
                                          confusable_fracs=pos_fracs[i] if pos_fracs else None)
                   is None for i, (s, (share, n), ok)
                   in enumerate(zip(pos_scores, shares_pos, pos_ok)))
        leaked: Counter = Counter()
        for i, ((source, _), s, (share, n), ok) in enumerate(
                zip(negatives, neg_scores, shares_neg, neg_ok)):
            if ok and decide_language(s, config.lang, cfg, share, lexical_words=n,
                                      confusable_fracs=neg_fracs[i] if neg_fracs else None
                                      ) is None:
                leaked[source] += 1
        return kept / len(positives), leaked

    best: tuple | None = None
    for factor in GUARD_FACTORS if lexical else (None,):
        if lexical:
            lid = {"model": model.name, "min_score": round(floor, 3),
                   "min_wordlist_frac": max(0.05, round(math.floor(factor * q / 0.01) * 0.01,
                                                        2)),
                   "second_opinion_top_k": 10,
                   "min_second_opinion_score": SECOND_OPINION_SCORE,
                   "min_second_opinion_wordlist_frac": max(
                       0.1, round(math.floor(SECOND_OPINION_FACTOR * q / 0.01) * 0.01, 2)),
                   "wordlist_confidence_z": CONFIDENCE_Z}
            lid["min_second_opinion_wordlist_frac"] = max(
                lid["min_second_opinion_wordlist_frac"], lid["min_wordlist_frac"])
        else:
            lid = {"model": model.name, "min_score": round(floor, 3),
                   "min_wordlist_frac": None, "min_second_opinion_score": None,
                   "min_second_opinion_wordlist_frac": None, "wordlist_confidence_z": None}
        recall, leaked = run(lid)
        candidate = (recall, sum(leaked.values()), factor, lid, leaked)
        if best is None or (candidate[1] < best[1] and recall >= MIN_RECALL) \
                or (candidate[1] == best[1] and recall > best[0]):
            best = candidate
        if not leaked:
            break
    recall, n_leaked, factor, lid, leaked = best
    confusable_lists: dict[str, list[str]] = {}
    if leaked and confusable_text is not None:
        cfg = config.lid.model_copy(update={**lid, "wordlist": "-" if lexical else ""})
        for source_code, texts in confusable_text.items():
            if not any(source_code == c for c in _leak_codes(leaked, source_codes)):
                continue
            conf_words = _words(texts, split_words)
            # cross-fitted: a list without fold A's words, measured on fold B
            worst = 0.0
            for train, test in ((folds[0], folds[1]), (folds[1], folds[0])):
                own = {w for i in train for w in pos_words[i]}
                clist = frozenset(w for w in _ranked(conf_words, min_chars)
                                  if w not in own)
                worst = max([worst] + [_shares(pos_words[i], clist, min_chars)[0]
                                       for i in test])
            own = {w for ws in pos_words for w in ws}
            clist_all = [w for w in _ranked(conf_words, min_chars) if w not in own][:1000]
            confusable_lists[source_code] = clist_all
        if confusable_lists:
            bar = max(MIN_CONFUSABLE_BAR, round(2 * worst + 0.005, 2))
            lid["max_confusable_wordlist_frac"] = bar
            neg_fracs = [{c: _shares(ws, frozenset(l), min_chars)[0]
                          for c, l in confusable_lists.items()} for ws in neg_words]
            recall, leaked = run(lid, neg_fracs)
            n_leaked = sum(leaked.values())
            notes.append(f"confusable word lists for {', '.join(confusable_lists)} (words of "
                         f"their calibration text the language's lacks), bar {bar} = 2 x the "
                         f"highest cross-fitted share of the language's own documents "
                         f"(at least {MIN_CONFUSABLE_BAR})")
    if factor is not None:
        notes.append(f"guard factor {factor} x q")
    # the floor: as low as the other languages allow (the language's own score
    # distribution on one genre does not transfer to others)
    neg_fracs = ([{c: _shares(ws, frozenset(l), min_chars)[0]
                   for c, l in confusable_lists.items()} for ws in neg_words]
                 if confusable_lists else None)
    for lower in np.arange(0.05, lid["min_score"], 0.05):
        trial = {**lid, "min_score": round(float(lower), 2)}
        trial_recall, trial_leaked = run(trial, neg_fracs)
        if sum(trial_leaked.values()) <= n_leaked:
            notes.append(f"min_score lowered from {lid['min_score']} to {trial['min_score']}: "
                         "the lowest floor that lets no more other-language documents through")
            lid, recall, leaked = trial, trial_recall, trial_leaked
            break
    if confusable_lists:
        lid["confusable"] = sorted(set(config.lid.confusable) | set(confusable_lists))
    return DecisionCalibration(language=code, model=model.name, lid=lid,
                               confusable_wordlists=confusable_lists,
                               wordlist=full if lexical else [],
                               positives=len(positives), negatives=len(negatives),
                               cv_recall=recall, leaked=n_leaked, leaked_by=leaked, notes=notes)


def _leak_codes(leaked: Counter, source_codes: dict[str, str] | None) -> set[str]:
    """Canonical codes of the sources that leaked at least twice."""
    return {source_codes.get(source, "") for source, n in leaked.items()
            if n >= 2} - {""} if source_codes else set()
