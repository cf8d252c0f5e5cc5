"""Derive a language's thresholds, stopwords and word list from trusted text.

``calibrate`` reads a reference corpus of text known to be good and in the
language (plain text, JSONL, Parquet, TSV), measures every signal on it and sets
each threshold so that the reference keeps (almost) all its documents. The method:

- **Documents.** JSONL / Parquet records are documents as they are; plain text
  lines (one document, paragraph or sentence a line; blank lines ignored) and TSV
  rows are joined, one per line, until a document has at least ``min_doc_chars``
  characters, so sentence-per-line corpora and tweets look like short web pages.
- **Quality thresholds.** Each threshold gets a drop budget (``budget_frac``, 0.5%
  of the reference by default). Language-intrinsic signals (mean word length,
  share of non-alphabetic words, script ratio) are set at the budget quantile with
  a margin (``INTRINSIC_MARGIN``) for the distance between clean reference text and
  good web text, and never tighter than the current value (the language file's,
  else the language-neutral default; FineWeb-2's published values): reference
  prose is cleaner than good web pages (a page of figures or job titles is good
  text with short or long words), so it is evidence to loosen a rule (Amharic's or
  Zulu's word lengths), not to tighten it. A threshold without a default (script
  ratio) is set from the quantile alone. Structural signals (words, lines,
  punctuation, repetition) keep the current value unless it would drop more than the
  budget of the reference; then they are loosened to the budget quantile (off when
  that quantile is 0).
- **Stopwords.** The short words (at most ``MAX_STOPWORD_CHARS`` characters) found
  in the most documents, up to ``MAX_STOPWORDS``, each in at least
  ``MIN_STOPWORD_DOC_FRAC`` of documents; ``min_stopwords`` is FineWeb-2's 2,
  loosened if the reference needs it.
- **Word list and lexical guard.** The ``WORDLIST_SIZE`` most frequent words of at
  least 3 letters (seen in 2+ documents) are the language's word list, less the
  words of a contrast text in other languages (``--contrast``, e.g. the English side
  of a parallel corpus: quoted English, names, hashtags). Its
  thresholds are cross-fitted: the list is derived from even-numbered documents and
  measured on odd-numbered ones, and vice versa, so the shares are those of unseen
  text. With ``q`` the 1% quantile of those held-out shares, the guard
  ``min_wordlist_frac`` is ``GUARD_FACTOR * q`` and the second opinion's bar is
  ``SECOND_OPINION_FACTOR * q``: the factors leave room for text in other genres
  than the reference (measured for Swahili: a list from news keeps conversation,
  legal text and health dialogue), while related languages sit far below (Lingala,
  Kikongo, Kimbundu, Bemba, Luganda, Kirundi: at most 0.04 on UDHR).
- **LID floor.** FineWeb-2's rule ``max(0.3, min(0.9, median - std))`` of the
  language's score on the reference is used as is for GlotLID and OpenLID, the
  models it was made for. fastText lid.176 is not GlotLID: it spreads Swahili's
  probability over related labels, so median - std drops a quarter of trusted
  Swahili. For lid.176 (and the wheel-shipped heliport and py3langid, whose scores
  are not GlotLID's either) the floor is the rule's value or the reference's 5%
  quantile, whichever is lower, and documents the model ranks lower are left to
  the lexical second opinion. The whole decision, with other languages' text, is
  calibrated by ``langforge.lid_calibrate``.

Every threshold's share of the reference it drops, and the total, are reported.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np

from langforge.config import LanguageConfig, QualityConfig
from langforge.errors import ConfigError, InputError, MissingModelError
from langforge.filters.decide import THRESHOLD_SIGNALS
from langforge.filters.signals import quality_signals
from langforge.text import WordSplitter, word_splitter

#: Thresholds set at the reference's quantile (with margin), tightening or loosening.
INTRINSIC = ("min_mean_word_length", "max_mean_word_length", "max_non_alpha_words_ratio",
             "min_script_ratio")
#: Relative margin added to intrinsic thresholds beyond the budget quantile.
INTRINSIC_MARGIN = 0.2
MAX_STOPWORD_CHARS = 7
MAX_STOPWORDS = 12
MIN_STOPWORD_DOC_FRAC = 0.15
FINEWEB2_MIN_STOPWORDS = 2
WORDLIST_SIZE = 3000
WORDLIST_MIN_WORD_CHARS = 3
GUARD_FACTOR = 0.45
#: A word this much as frequent in the contrast text as in the reference is foreign.
CONTRAST_RATIO = 0.2
SECOND_OPINION_FACTOR = 0.7
#: The second opinion needs the language within the model's top 10 above 1%.
SECOND_OPINION_SCORE = 0.01
#: Below this many held-out documents the lexical thresholds are not set.
MIN_LEXICAL_DOCS = 40
LID176_QUANTILE = 0.05


@dataclass
class Calibration:
    """What ``calibrate`` derived, with the evidence for it."""

    language: str
    references: list[str]
    documents: int
    chars: int
    lid: dict[str, Any] = field(default_factory=dict)
    quality: dict[str, Any] = field(default_factory=dict)
    stopwords: list[str] = field(default_factory=list)
    wordlist: list[str] = field(default_factory=list)
    drop_frac: dict[str, float] = field(default_factory=dict)
    total_drop_frac: float = 0.0
    lid_drop_frac: float | None = None
    notes: list[str] = field(default_factory=list)
    date: str = ""

    def provenance(self) -> dict[str, str]:
        refs = ", ".join(self.references)
        return {
            "calibration": f"langforge calibrate on {refs} ({self.documents} documents, "
                           f"{self.chars} chars) on {self.date}",
            "calibration_method": "langforge.calibrate: per-threshold drop budget; intrinsic "
                                  "signals at the budget quantile with margin, structural ones "
                                  "loosened only; stopwords by document frequency; cross-fitted "
                                  "word list guard; LID floor FineWeb-2 rule (other than GlotLID "
                                  "/ OpenLID: capped at the 5% quantile)",
            "calibration_drops": f"total {self.total_drop_frac:.2%} of the reference; "
                                 + ", ".join(f"{k} {v:.2%}" for k, v in self.drop_frac.items()
                                             if v > 0),
        }


# --- reading references -------------------------------------------------------------

def _join_units(units: Iterable[str], min_doc_chars: int) -> list[str]:
    docs, current, size = [], [], 0
    for unit in units:
        unit = unit.strip()
        if not unit:
            continue
        current.append(unit)
        size += len(unit)
        if size >= min_doc_chars:
            docs.append("\n".join(current))
            current, size = [], 0
    if current and size >= min_doc_chars // 2:
        docs.append("\n".join(current))
    return docs


def read_reference(path: str | Path, *, text_field: str = "text", min_doc_chars: int = 500,
                   skip_lines: int = 0) -> list[str]:
    """Documents of a reference corpus.

    Args:
        path: ``.jsonl``/``.json`` (one object a line; each a document), ``.parquet``
            (each row a document), ``.tsv``/``.csv`` (a header row; rows joined like
            lines) or plain text (any other suffix).
        text_field: the field/column holding the text (TSV: else the first column).
        min_doc_chars: plain text and TSV: consecutive non-empty lines are joined
            into documents of at least this size.
        skip_lines: plain text only: header lines to skip (UDHR files have 4).

    Raises:
        InputError: the file is missing, unreadable or has no text field.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"reference {path} does not exist")
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".json"):
            docs = []
            with path.open(encoding="utf-8") as fh:
                for number, line in enumerate(fh, 1):
                    if line.strip():
                        record = json.loads(line)
                        if text_field not in record:
                            raise InputError(f"{path}:{number}: no {text_field!r} field")
                        docs.append(str(record[text_field]))
            return [d for d in docs if d.strip()]
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            table = pq.read_table(path)
            if text_field not in table.column_names:
                raise InputError(f"{path}: no {text_field!r} column "
                                 f"(columns: {', '.join(table.column_names)})")
            return [d for d in table.column(text_field).to_pylist() if d and d.strip()]
        if suffix in (".tsv", ".csv"):
            with path.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh, delimiter="\t" if suffix == ".tsv" else ","))
            if not rows:
                return []
            column = rows[0].index(text_field) if text_field in rows[0] else 0
            # rows are sentences or tweets: joined like lines of plain text
            return _join_units((row[column] for row in rows[1:] if len(row) > column),
                               min_doc_chars)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"reference {path}: cannot read: {exc}") from None
    return _join_units(text.splitlines()[skip_lines:], min_doc_chars)


# --- deriving ---------------------------------------------------------------------------

def derive_stopwords(docs: Sequence[list[str]], *, max_words: int = MAX_STOPWORDS,
                     max_chars: int = MAX_STOPWORD_CHARS,
                     min_doc_frac: float = MIN_STOPWORD_DOC_FRAC) -> list[str]:
    """The short words found in the most documents (casefolded words per document)."""
    if not docs:
        return []
    doc_freq = Counter(w for words in docs for w in set(words)
                       if len(w) <= max_chars and any(ch.isalpha() for ch in w))
    ranked = sorted(doc_freq.items(), key=lambda kv: (-kv[1], kv[0]))
    return [w for w, n in ranked[:max_words] if n / len(docs) >= min_doc_frac]


def derive_wordlist(docs: Sequence[list[str]], *, size: int = WORDLIST_SIZE,
                    min_word_chars: int = WORDLIST_MIN_WORD_CHARS, min_docs: int = 2,
                    contrast: Counter | None = None) -> list[str]:
    """The ``size`` most frequent words (letters only, ``min_word_chars`` or longer,
    in at least ``min_docs`` documents), most frequent first.

    ``contrast`` counts words of text in other languages (e.g. the English side of
    a parallel corpus): a word at least ``CONTRAST_RATIO`` times as frequent there
    (per word) as in the reference is left out, so English words, names and
    hashtags quoted in the reference do not count as the language's words.
    """
    counts: Counter = Counter()
    doc_freq: Counter = Counter()
    for words in docs:
        kept = [w for w in words if len(w) >= min_word_chars and w.isalpha()]
        counts.update(kept)
        doc_freq.update(set(kept))
    total = sum(counts.values()) or 1
    contrast_total = sum(contrast.values()) if contrast else 0

    def foreign(word: str) -> bool:
        return bool(contrast_total) and \
            contrast[word] / contrast_total >= CONTRAST_RATIO * counts[word] / total

    ranked = sorted((w for w in counts if doc_freq[w] >= min_docs and not foreign(w)),
                    key=lambda w: (-counts[w], w))
    return ranked[:size]


def fineweb2_lid_rule(scores: Sequence[float]) -> float:
    """FineWeb-2's LID threshold: max(0.3, min(0.9, median - std))."""
    values = np.asarray(scores, dtype=float)
    if values.size == 0:
        return 0.3
    return float(max(0.3, min(0.9, np.median(values) - values.std())))


def _floor(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step


def _ceil(value: float, step: float) -> float:
    return math.ceil(value / step - 1e-9) * step


def _round_threshold(key: str, value: float) -> float:
    step = 0.1 if "word_length" in key else 0.01
    value = _floor(value, step) if key.startswith("min_") else _ceil(value, step)
    return round(value, 2)


def _trips(key: str, values: np.ndarray, threshold: float) -> np.ndarray:
    return values < threshold if key.startswith("min_") else values > threshold


def _quality_thresholds(signals: list[dict[str, float]], defaults: QualityConfig,
                        budget_frac: float) -> dict[str, float | None]:
    thresholds: dict[str, float | None] = {}
    for key, signal in THRESHOLD_SIGNALS.items():
        if key == "min_stopwords" or not hasattr(defaults, key):
            continue
        values = np.array([s.get(signal, 0.0) for s in signals])
        default = getattr(defaults, key)
        low = key.startswith("min_")
        quantile = float(np.quantile(values, budget_frac if low else 1 - budget_frac))
        if key in INTRINSIC:
            value = quantile * (1 - INTRINSIC_MARGIN if low else 1 + INTRINSIC_MARGIN)
            if key == "min_script_ratio":
                value = min(value, 0.9)
            if not low and key.endswith(("_ratio", "_frac")):
                value = min(value, 1.0)
            if value <= 0:
                thresholds[key] = None
                continue
            value = _round_threshold(key, value)
            if default is not None:  # never tighter than the current value
                value = min(value, default) if low else max(value, default)
            thresholds[key] = value
        elif default is None:
            continue
        elif _trips(key, values, default).mean() > budget_frac:
            loosened = _round_threshold(key, quantile)
            thresholds[key] = loosened if loosened > 0 else None
        else:
            thresholds[key] = default
    for low, high in (("min_words", "max_words"),
                      ("min_mean_word_length", "max_mean_word_length")):
        lo, hi = thresholds.get(low), thresholds.get(high)
        if lo is not None and hi is not None and lo >= hi:
            thresholds[low] = None
    return thresholds


def _drop_shares(signals: list[dict[str, float]], thresholds: dict[str, Any]
                 ) -> tuple[dict[str, float], float]:
    n = len(signals)
    any_trip = np.zeros(n, dtype=bool)
    shares = {}
    for key, signal in THRESHOLD_SIGNALS.items():
        threshold = thresholds.get(key)
        if threshold is None:
            continue
        values = np.array([s.get(signal, 0.0) for s in signals])
        trips = _trips(key, values, threshold)
        shares[key] = float(trips.mean()) if n else 0.0
        any_trip |= trips
    return shares, float(any_trip.mean()) if n else 0.0


def _lexical_thresholds(words: list[list[str]], min_word_chars: int, contrast: Counter | None
                        ) -> tuple[dict[str, float], list[str]]:
    """Cross-fitted word-list thresholds, or ({}, notes) when the reference is too small."""
    halves = (words[0::2], words[1::2])
    held_out: list[float] = []
    for train, test in ((halves[0], halves[1]), (halves[1], halves[0])):
        vocab = frozenset(derive_wordlist(train, min_word_chars=min_word_chars,
                                          contrast=contrast))
        for doc in test:
            counted = [w for w in doc if len(w) >= min_word_chars]
            if counted:
                held_out.append(sum(w in vocab for w in counted) / len(counted))
    if len(held_out) < MIN_LEXICAL_DOCS:
        return {}, [f"lexical thresholds not set: {len(held_out)} held-out documents "
                    f"(< {MIN_LEXICAL_DOCS})"]
    q = float(np.quantile(held_out, 0.01))
    lexical = {
        "min_wordlist_frac": round(_floor(GUARD_FACTOR * q, 0.05), 2) or None,
        "min_second_opinion_wordlist_frac": round(_floor(SECOND_OPINION_FACTOR * q, 0.05), 2)
        or None,
    }
    return {k: v for k, v in lexical.items() if v is not None}, [f"held-out word-list share: 1% quantile {q:.3f}, median "
        f"{float(np.median(held_out)):.3f} ({len(held_out)} documents)"]


def calibrate(config: LanguageConfig, docs: Sequence[str], *, references: Sequence[str] = (),
              budget_frac: float = 0.005, model=None,
              contrast_docs: Sequence[str] = ()) -> Calibration:
    """Derive thresholds, stopwords and a word list for ``config``'s language.

    Args:
        config: the language's current config (its model, splitter and defaults).
        docs: trusted reference documents (``read_reference``).
        references: where the documents came from (recorded in the provenance).
        budget_frac: share of the reference one threshold may drop.
        model: a ``LidModel`` (default: the configured one; when its file is
            absent the LID floor is not calibrated and a note says so).
        contrast_docs: text in other languages whose frequent words are kept out
            of the word list (see ``derive_wordlist``).

    Raises:
        ConfigError: no documents, or a budget outside (0, 0.05].
    """
    if not docs:
        raise ConfigError("calibrate: the reference has no documents")
    if not 0 < budget_frac <= 0.05:
        raise ConfigError(f"calibrate: budget_frac must be in (0, 0.05], got {budget_frac}")
    split_words: WordSplitter = word_splitter(config)
    stopword_words = [[w.casefold() for w in split_words(doc)] for doc in docs]
    stopwords = derive_stopwords(stopword_words)
    stopset = frozenset(stopwords)
    script = config.lang.script
    signals = [quality_signals(doc, split_words, stopset, script=script) for doc in docs]
    quality = _quality_thresholds(signals, config.quality, budget_frac)
    if stopwords:
        counts = np.array([s["stopword_count"] for s in signals])
        floor = int(np.quantile(counts, budget_frac))
        quality["min_stopwords"] = max(1, min(FINEWEB2_MIN_STOPWORDS, floor))
    min_chars = config.lid.wordlist_min_word_chars
    contrast = Counter(w.casefold() for doc in contrast_docs for w in split_words(doc))
    lexical, notes = _lexical_thresholds(stopword_words, min_chars, contrast)
    wordlist = derive_wordlist(stopword_words, min_word_chars=min_chars, contrast=contrast)
    if contrast_docs:
        notes.append(f"contrast text: {len(contrast_docs)} documents, "
                     f"{sum(contrast.values())} words")
    result = Calibration(language=config.language, references=list(references),
                         documents=len(docs), chars=sum(map(len, docs)), quality=quality,
                         stopwords=stopwords, wordlist=wordlist, notes=notes,
                         date=_dt.date.today().isoformat())
    result.lid.update(lexical)
    if lexical.get("min_second_opinion_wordlist_frac") is not None:
        result.lid["min_second_opinion_score"] = SECOND_OPINION_SCORE
    result.drop_frac, result.total_drop_frac = _drop_shares(
        signals, {**quality, "min_stopwords": quality.get("min_stopwords")})
    _calibrate_lid(result, config, docs, frozenset(wordlist), split_words, model)
    return result


def _calibrate_lid(result: Calibration, config: LanguageConfig, docs: Sequence[str],
                   wordlist: frozenset[str], split_words: WordSplitter, model) -> None:
    from langforge.langid import LidModel, decide_language, wordlist_frac

    try:
        model = model or LidModel.from_config(config.lid)
        scores = model.predict(list(docs), k=-1)
    except MissingModelError as exc:
        result.notes.append(f"LID floor not calibrated: {exc}")
        return
    code = config.lang.code
    target = np.array([s.get(code, 0.0) for s in scores])
    rule = fineweb2_lid_rule(target)
    if model.name not in ("glotlid", "openlid"):  # the rule was made for GlotLID's scores
        quantile = float(np.quantile(target, LID176_QUANTILE))
        floor = max(0.05, min(rule, _floor(quantile, 0.05)))
        how = f"min(FineWeb-2 rule {rule:.3f}, 5% quantile {quantile:.3f})"
    else:
        floor, how = round(rule, 3), f"FineWeb-2 rule {rule:.3f}"
    result.lid["min_score"] = round(floor, 3)
    result.notes.append(f"LID ({model.name}) score on the reference: median "
                        f"{np.median(target):.3f}, std {target.std():.3f}; min_score = {how}")
    lid_config = config.lid.model_copy(update={**result.lid, "wordlist": "-"})
    drops = 0
    for doc, doc_scores in zip(docs, scores):
        lexical = (wordlist_frac(doc, wordlist, split_words, config.lid.wordlist_min_word_chars)
                   if wordlist else None)
        drops += decide_language(doc_scores, config.lang, lid_config, lexical) is not None
    result.lid_drop_frac = drops / len(docs)


# --- writing ----------------------------------------------------------------------------

def wordlist_path_for(toml_path: Path) -> Path:
    return toml_path.with_name(f"{toml_path.stem}.words.txt")


def write_calibration(result: Calibration, toml_path: str | Path,
                      base: dict[str, Any] | None = None, *,
                      keep_stopwords: bool = False) -> tuple[Path, Path]:
    """Write the TOML (``base``, e.g. the existing language file, updated with the
    calibrated keys and provenance) and the word list beside it. With
    ``keep_stopwords`` the base's stopword list stays (e.g. a curated one).

    Returns:
        (toml path, word-list path).
    """
    import tomli_w

    toml_path = Path(toml_path)
    words_path = wordlist_path_for(toml_path)
    data = json.loads(json.dumps(base or {}))
    data.setdefault("provenance", {}).update(result.provenance())
    lid = data.setdefault("lid", {})
    lid.update({k: v for k, v in result.lid.items() if v is not None})
    if result.wordlist and result.lid.get("min_wordlist_frac") is not None:
        lid["wordlist"] = words_path.name
    quality = data.setdefault("quality", {})
    defaults = QualityConfig()
    off = [k for k, v in result.quality.items() if v is None
           and (getattr(defaults, k, None) is not None or quality.get(k) is not None)]
    for key in off:
        quality.pop(key, None)
    # only deltas: a value equal to the default is left out unless the file set it
    quality.update({k: v for k, v in result.quality.items() if v is not None
                    and (k in quality or v != getattr(defaults, k, None))})
    if off:
        quality["off"] = sorted(set(quality.get("off", [])) | set(off))
    if result.stopwords and not (keep_stopwords and quality.get("stopwords")):
        quality["stopwords"] = result.stopwords
    toml_path.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# {result.language}: written by `langforge calibrate` on {result.date}; "
              "deltas over _defaults.toml.\n")
    tmp = toml_path.with_suffix(".toml.tmp")
    tmp.write_text(header + tomli_w.dumps(data), encoding="utf-8")
    tmp.replace(toml_path)
    words = [f"# {result.language} word list: the {len(result.wordlist)} most frequent words "
             f"of {', '.join(result.references)} ({result.documents} documents), "
             f"langforge calibrate {result.date}", *result.wordlist]
    words_path.write_text("\n".join(words) + "\n", encoding="utf-8")
    return toml_path, words_path


def format_report(result: Calibration) -> str:
    """A human-readable account of the calibration."""
    lines = [f"{result.language}: {result.documents} reference documents "
             f"({result.chars} chars) from {', '.join(result.references)}"]
    lines.append("quality thresholds (share of the reference each drops):")
    for key, value in result.quality.items():
        share = result.drop_frac.get(key)
        shown = "off" if value is None else value
        lines.append(f"  {key:<28} {shown!s:<10} {'' if share is None else f'{share:.2%}'}")
    lines.append(f"total dropped by quality thresholds: {result.total_drop_frac:.2%}")
    lines.append(f"stopwords: {', '.join(result.stopwords) or '(none)'}")
    lines.append(f"word list: {len(result.wordlist)} words; first: "
                 f"{', '.join(result.wordlist[:15])}")
    for key, value in result.lid.items():
        lines.append(f"  lid.{key:<34} {value}")
    if result.lid_drop_frac is not None:
        lines.append(f"dropped by the language decision: {result.lid_drop_frac:.2%}")
    lines.extend(f"note: {note}" for note in result.notes)
    return "\n".join(lines)
