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

Swahili's decision is calibrated on single sentences instead (line-level LID judges
lines alone): ``calibrate_sentences`` (``python -m langforge.lid_calibrate --sentences``)
adds a confusable word list for each language the decision in force lets through on the
calibration half and searches a grid over model, floor, guard, second-opinion bar,
Wilson bound and confusable bar (docs/lid-comparison.md).
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


# --- single sentences (line-level LID) ------------------------------------------------------

#: Swahili sentences of the calibration half: this many Global Voices train.swa lines (the
#: genre of web text) beside the first half of Tatoeba, UDHR and TICO-19.
SENTENCE_GV_LINES = 2000
SENTENCE_MIN_CHARS = 20
#: The sentence grid (``calibrate_sentences``).
SENTENCE_MODELS = ("heliport", "lid176")
SENTENCE_FLOORS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
SENTENCE_GUARDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)
SENTENCE_SECOND_OPINION = (0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8)
SENTENCE_Z = (None, 0.5, 1.0)
SENTENCE_CONFUSABLE_BARS = (0.1, 0.15, 0.2, 0.25)
#: A language whose calibration sentences the decision in force lets through this often
#: gets a confusable word list (the sentence-level form of ``_leak_codes``).
SENTENCE_LEAK_LIST_MIN = 2
CONFUSABLE_LIST_SIZE = 1000


def sentence_units(data_dir, part: str, language: str = "swh_Latn"
                   ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(source, sentence) pairs of 20+ characters of one half of ``../shared/data/text``:
    the language's (Tatoeba, UDHR, TICO-19; tweets are not sentences) and every other
    language's (Tatoeba, UDHR, AfriSenti, Global Voices English). The calibration half of
    Swahili adds the first ``SENTENCE_GV_LINES`` Global Voices lines. Each source is
    filtered to 20+ characters, then halved by position (``lid_eval.halves``)."""
    from pathlib import Path

    from langforge.lid_eval import halves, iso_codes, shared_units

    same = iso_codes(language)
    positives: list[tuple[str, str]] = []
    negatives: list[tuple[str, str]] = []
    for (source, code), units in shared_units(Path(data_dir)).items():
        units = halves([u.strip() for u in units if len(u.strip()) >= SENTENCE_MIN_CHARS], part)
        name = source if source.startswith("udhr") else f"{source}:{code}"
        if code in same:
            if source != "afrisenti":
                positives += [(name, u) for u in units]
        else:
            negatives += [(name, u) for u in units]
    if part == "calibrate" and language == "swh_Latn":
        gv = Path(data_dir) / "text" / "globalvoices-en-sw" / "train.swa"
        lines = [l.strip() for l in gv.read_text(encoding="utf-8").splitlines()
                 if len(l.strip()) >= SENTENCE_MIN_CHARS][:SENTENCE_GV_LINES]
        positives = [("globalvoices:swh", l) for l in lines] + positives
    return positives, negatives


@dataclass
class SentenceCalibration:
    """The sentence-level decision chosen on the calibration half, with its evidence."""

    lid: dict[str, Any]
    model: str
    recall: float
    leaked: int
    positives: int
    negatives: int
    leaked_by: Counter
    confusable_wordlists: dict[str, list[str]]
    grid_size: int
    frontier: list[tuple[int, float, dict]]


def _own_words(texts: Sequence[str], split_words) -> Counter:
    return Counter(w for t in texts for w in {w.casefold() for w in split_words(t)})


def _confusable_list(texts: Sequence[str], own: Counter, split_words, min_chars: int
                     ) -> list[str]:
    """Words of ``texts`` (in two or more of them, most frequent first) that ``own`` (the
    language's word counts) never has."""
    docs = _words(texts, split_words)
    return [w for w in _ranked(docs, min_chars) if own[w] <= 0][:CONFUSABLE_LIST_SIZE]


#: The first line of a confusable word list this calibration derived.
SENTENCE_LIST_HEADER = "langforge.lid_calibrate --sentences"


def _sentence_derived(config: LanguageConfig) -> set[str]:
    """Confusable codes whose word list ``calibrate_sentences`` wrote (its header says so)."""
    from langforge.config import config_dir

    derived = set()
    for conf, name in config.lid.confusable_wordlists.items():
        path = config_dir() / name
        try:
            with path.open(encoding="utf-8") as fh:
                first = fh.readline()
        except OSError:
            continue
        if first.startswith("#") and SENTENCE_LIST_HEADER in first:
            derived.add(conf)
    return derived


def calibrate_sentences(config: LanguageConfig, data_dir, log=print) -> SentenceCalibration:
    """Choose the language's decision for single sentences on the calibration half.

    A grid over model (``SENTENCE_MODELS``), floor, guard, second-opinion bar, Wilson z
    and the confusable word-list bar; the choice lets the fewest other-language sentences
    through at >= ``MIN_RECALL`` recall (ties: higher recall). The language's word list
    is the config's. Confusable word lists: the config's (less those an earlier run
    derived, so that a rerun on the shipped config chooses the same), plus one for every
    language whose calibration sentences that decision lets through at least
    ``SENTENCE_LEAK_LIST_MIN`` times (words of that language's calibration sentences the
    language's calibration text never uses). Their shares are cross-fitted: a sentence of
    the language is measured with a list that does not exclude its own fold's words, a
    sentence of the confusable language with the list built from the other fold.
    """
    from pathlib import Path

    from langforge.langid import (LidModel, default_model_path, load_confusable_wordlists,
                                  load_wordlist, script_frac, wordlist_counts)
    from langforge.lid_backends import backend
    from langforge.lid_eval import halves, iso_codes, shared_units
    from langforge.text import word_splitter

    code = config.lang.code
    split_words = word_splitter(config)
    min_chars = config.lid.wordlist_min_word_chars
    positives, negatives = sentence_units(data_dir, "calibrate", code)
    texts = [t for _, t in positives] + [t for _, t in negatives]
    npos = len(positives)
    sources = [s for s, _ in positives] + [s for s, _ in negatives]
    log(f"sentences: calibration half {npos} in {code}, {len(negatives)} others")
    wordlist = load_wordlist(config.lid)
    counts = np.array([wordlist_counts(t, wordlist, split_words, min_chars) for t in texts],
                      dtype=float)
    hits, counted = counts[:, 0], counts[:, 1]
    share = np.where(counted > 0, hits / np.maximum(counted, 1), 0.0)
    script_ok = np.array([(lambda f: f is None or f >= (config.lid.min_script_frac or 0))(
        script_frac(t, (config.lang.script, *config.lid.scripts))) for t in texts])
    scores = {}
    for name in SENTENCE_MODELS:
        model = LidModel(default_model_path()) if name == "lid176" else backend(name)
        if model.label_of(config.lang) is None:
            continue
        predicted = model.predict(texts, k=-1)
        scores[name] = (np.array([next(iter(s), None) == code for s in predicted]),
                        np.array([s.get(code, 0.0) for s in predicted]),
                        np.array([code in list(s)[:config.lid.second_opinion_top_k]
                                  for s in predicted]))
        log(f"  {name}: scored {len(texts)} sentences")

    def frac_of(words: frozenset[str], i: int) -> float:
        h, n = wordlist_counts(texts[i], words, split_words, min_chars)
        return h / n if n else 0.0

    # the config's confusable word lists, less those an earlier run of this calibration
    # derived (it derives them again, cross-fitted): the result does not depend on them
    derived = _sentence_derived(config)
    base_lid = config.lid.model_copy(update={
        "confusable": [c for c in config.lid.confusable if c not in derived],
        "confusable_wordlists": {c: p for c, p in config.lid.confusable_wordlists.items()
                                 if c not in derived}})
    conf_frac = np.zeros(len(texts))
    for words in load_confusable_wordlists(base_lid).values():
        conf_frac = np.maximum(conf_frac, [frac_of(words, i) for i in range(len(texts))])
    wilson: dict = {None: share}

    def lexical(z):
        if z not in wilson:
            wilson[z] = np.array([wilson_lower(s, int(n), z) for s, n in zip(share, counted)])
        return wilson[z]

    def kept(model, floor, guard, second, z, bar, extra):
        top, score, in_top = scores[model]
        lex = lexical(z)
        on_top = top & (score >= floor)
        rescued = ~on_top & (lex >= second) & in_top & (score >= SECOND_OPINION_SCORE)
        return (script_ok & (np.maximum(conf_frac, extra) < bar) & (on_top | rescued)
                & (lex >= guard))

    # the decision in force (without the derived lists), and the languages it lets through
    lid = base_lid
    in_force = kept(lid.model, lid.min_score, lid.min_wordlist_frac or 0,
                    lid.min_second_opinion_wordlist_frac or 2, lid.wordlist_confidence_z,
                    lid.max_confusable_wordlist_frac, np.zeros(len(texts)))
    leaked = Counter(sources[i] for i in range(npos, len(texts)) if in_force[i])
    log(f"  in force ({lid.model}): recall {in_force[:npos].mean():.2%}, leaked "
        f"{sum(leaked.values())} {dict(leaked)}")
    from langforge.languages import get_language

    source_code = {}
    for (source, iso), _ in shared_units(Path(data_dir)).items():
        try:
            source_code[source if source.startswith("udhr") else f"{source}:{iso}"] = \
                get_language(iso).code
        except Exception:
            pass
    by_code = Counter()
    for source, n in leaked.items():
        if source_code.get(source):
            by_code[source_code[source]] += n
    new_codes = sorted(c for c, n in by_code.items() if n >= SENTENCE_LEAK_LIST_MIN
                       and c not in lid.confusable_wordlists and c != code
                       and c.split("_")[1] == config.lang.script)
    # the language's text calibration may read: the word list's source plus the
    # calibration half of its other sources
    own_texts = [t for _, t in positives]
    gv = Path(data_dir) / "text" / "globalvoices-en-sw" / "train.swa"
    if code == "swh_Latn" and gv.is_file():
        judged = set(own_texts)
        own_texts += [l for l in gv.read_text(encoding="utf-8").splitlines()
                      if l.strip() not in judged]
    for (source, iso), units in shared_units(Path(data_dir)).items():
        if iso in iso_codes(code) and source == "afrisenti":
            own_texts += halves(units, "calibrate")
    own = _own_words(own_texts, split_words)
    folds = (list(range(0, npos, 2)), list(range(1, npos, 2)))
    new_lists: dict[str, list[str]] = {}
    extra = np.zeros(len(texts))
    for conf in new_codes:
        conf_idx = [i for i in range(npos, len(texts)) if source_code.get(sources[i]) == conf]
        new_lists[conf] = _confusable_list([texts[i] for i in conf_idx], own, split_words,
                                           min_chars)
        full = frozenset(new_lists[conf])
        this = np.zeros(len(texts))
        for i in range(npos, len(texts)):
            this[i] = frac_of(full, i)
        # the language's own sentences: a list that may hold their fold's words
        for fold in folds:
            own_without = own - _own_words([texts[i] for i in fold], split_words)
            words = frozenset(_confusable_list([texts[i] for i in conf_idx], own_without,
                                               split_words, min_chars))
            for i in fold:
                this[i] = frac_of(words, i)
        # the confusable's own sentences: the list of the other fold
        conf_folds = (conf_idx[0::2], conf_idx[1::2])
        for test, train in ((conf_folds[0], conf_folds[1]), (conf_folds[1], conf_folds[0])):
            words = frozenset(_confusable_list([texts[i] for i in train], own, split_words,
                                               min_chars))
            for i in test:
                this[i] = frac_of(words, i)
        extra = np.maximum(extra, this)
        log(f"  confusable word list for {conf}: {len(new_lists[conf])} words "
            f"({by_code[conf]} of its sentences let through by the decision in force)")
    results = []
    variants = [(False, np.zeros(len(texts)))] + ([(True, extra)] if new_lists else [])
    for with_lists, extra_frac in variants:
        for model in scores:
            for floor in SENTENCE_FLOORS:
                for guard in SENTENCE_GUARDS:
                    for second in SENTENCE_SECOND_OPINION:
                        if second < guard:
                            continue
                        for z in SENTENCE_Z:
                            for bar in SENTENCE_CONFUSABLE_BARS:
                                k = kept(model, floor, guard, second, z, bar, extra_frac)
                                results.append((int(k[npos:].sum()), float(k[:npos].mean()),
                                                dict(model=model, min_score=floor,
                                                     min_wordlist_frac=guard,
                                                     min_second_opinion_wordlist_frac=second,
                                                     wordlist_confidence_z=z,
                                                     max_confusable_wordlist_frac=bar),
                                                with_lists))
    good = [r for r in results if r[1] >= MIN_RECALL]
    # fewest let through, then the highest recall, then the simpler decision (no new
    # lists, lower confusable bar... as listed first)
    n_leaked, recall, chosen, with_lists = min(
        good, key=lambda r: (r[0], -r[1], r[3]))
    frontier: dict[int, tuple] = {}
    for r in results:
        if r[1] > frontier.get(r[0], (0, 0, None))[1]:
            frontier[r[0]] = r
    final = kept(chosen["model"], chosen["min_score"], chosen["min_wordlist_frac"],
                 chosen["min_second_opinion_wordlist_frac"], chosen["wordlist_confidence_z"],
                 chosen["max_confusable_wordlist_frac"],
                 extra if with_lists else np.zeros(len(texts)))
    leaked_by = Counter(sources[i] for i in range(npos, len(texts)) if final[i])
    return SentenceCalibration(
        lid=chosen, model=chosen["model"], recall=recall, leaked=n_leaked, positives=npos,
        negatives=len(texts) - npos, leaked_by=leaked_by,
        confusable_wordlists=new_lists if with_lists else {}, grid_size=len(results),
        frontier=[(r[0], r[1], {**r[2], "new_lists": r[3]})
                  for _, r in sorted(frontier.items())[:8]])


def main(argv: list[str] | None = None) -> int:
    """``python -m langforge.lid_calibrate --sentences [--data ../shared/data] [--write]``"""
    import argparse
    import json
    from pathlib import Path

    from langforge.config import config_dir, load_config

    parser = argparse.ArgumentParser(description="Calibrate Swahili's sentence-level decision "
                                     "on the calibration half of ../shared/data/text")
    parser.add_argument("--sentences", action="store_true", required=True)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--write", action="store_true", help="write the confusable word "
                        "lists it derives into the config directory")
    parser.add_argument("language", nargs="?", default="sw")
    args = parser.parse_args(argv)
    config = load_config(args.language)
    log = lambda msg: print(msg, flush=True)  # noqa: E731
    result = calibrate_sentences(config, args.data, log)
    log(f"grid of {result.grid_size}; chosen: {json.dumps(result.lid)}; new lists: "
        f"{sorted(result.confusable_wordlists)}")
    log(f"calibration half: recall {result.recall:.2%} of {result.positives}, let through "
        f"{result.leaked} of {result.negatives} ({result.leaked / result.negatives:.3%}) "
        f"{dict(result.leaked_by)}")
    log("frontier (fewest let through -> best recall): " + "; ".join(
        f"{n}: {r:.2%} {c}" for n, r, c in result.frontier))
    if args.write:
        code = config.lang.code
        for conf, words in result.confusable_wordlists.items():
            path = config_dir() / f"{code}.{conf}.words.txt"
            path.write_text(
                f"# words of {conf} sentences (calibration half of ../shared/data/text: "
                f"Tatoeba, UDHR, AfriSenti) that {code}'s calibration text never uses; "
                f"{SENTENCE_LIST_HEADER}\n" + "\n".join(words) + "\n",
                encoding="utf-8")
            log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
