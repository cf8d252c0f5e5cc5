"""Quality signals: named numbers computed from a document's text.

Signals only measure; ``langforge.filters.decide`` compares them with the
language's thresholds. Names are stable (they are persisted in ``doc.signals``).
A ratio whose denominator is empty (no words, no lines) is 0.0.

Lines are the non-empty lines of the text (after stripping); paragraphs are
blocks separated by blank lines. The definitions follow Gopher (Rae et al. 2021)
and FineWeb / FineWeb-2 as implemented in datatrove, made Unicode-aware.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Sequence

import regex

from langforge.errors import ConfigError
from langforge.text import WordSplitter

#: Every signal ``quality_signals`` returns, in order.
SIGNAL_NAMES = (
    "char_count", "word_count", "mean_word_length", "non_alpha_words_ratio",
    "stopword_count", "line_count", "dup_line_frac", "line_punct_ratio",
    "symbol_word_ratio", "bullet_lines_frac", "ellipsis_lines_frac", "dup_para_frac",
    "top_2gram_char_frac", "top_3gram_char_frac", "top_4gram_char_frac",
    "dup_5gram_char_frac", "dup_6gram_char_frac", "dup_7gram_char_frac",
    "dup_8gram_char_frac", "dup_9gram_char_frac", "dup_10gram_char_frac",
    "short_line_frac", "new_line_ratio", "script_ratio",
)

TOP_NGRAM_SIZES = (2, 3, 4)
DUP_NGRAM_SIZES = (5, 6, 7, 8, 9, 10)
#: FineWeb's short line: at most this many characters.
SHORT_LINE_MAX_CHARS = 30

# Sentence terminals of every script (Unicode Sentence_Terminal: . ! ? 。 । ॥ ។ ። ؟ ...)
# plus the semicolon and the ellipsis, which end many web lines.
_LINE_END = regex.compile(r"[\p{Sentence_Terminal};…]$")
# Closing quotes and brackets after the terminal ("... he said.") are skipped.
_TRAILING_CLOSERS = "\"'»”’)]}›」』）"
_BULLETS = ("•", "‣", "◦", "▪", "▫", "●", "○", "■", "□", "➢", "►", "▸", "-", "–", "—", "*", "·")
_ELLIPSES = ("...", "…")
_LETTERS = regex.compile(r"\p{L}+")

# ISO 15924 codes that are not single Unicode scripts.
_SCRIPT_UNION = {
    "Jpan": ("Hira", "Kana", "Hani"),
    "Kore": ("Hang", "Hani"),
    "Hans": ("Hani",),
    "Hant": ("Hani",),
}


@lru_cache(maxsize=64)

def _has_letter(word: str) -> bool:
    # the first character settles most words without a generator per word
    return bool(word) and (word[0].isalpha() or any(map(str.isalpha, word)))

def _script_letters(script: str) -> "regex.Pattern[str]":
    parts = _SCRIPT_UNION.get(script, (script,))
    try:
        return regex.compile("[" + "".join(rf"\p{{Script={p}}}" for p in parts) + "]+")
    except regex.error:
        raise ConfigError(f"unknown script {script!r}: not a Unicode script code "
                          "(ISO 15924, e.g. Latn, Ethi, Deva)") from None


def _frac(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _ends_in_punct(line: str) -> bool:
    return bool(_LINE_END.search(line.rstrip(_TRAILING_CLOSERS)))


def _dup_frac(items: Sequence[str]) -> float:
    """Share of items that repeat an earlier item."""
    return _frac(len(items) - len(set(items)), len(items))


def top_ngram_char_frac(words: Sequence[str], n: int, total_chars: int) -> float:
    """Share of word characters in the most frequent n-gram, if it repeats (Gopher).

    Characters are those of the words (spaces and stripped punctuation excluded).
    """
    if len(words) < n or not total_chars:
        return 0.0
    counts = Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    top = max(counts.values())
    if top < 2:
        return 0.0
    # among equally frequent n-grams, the longest
    chars = max(sum(map(len, gram)) for gram, count in counts.items() if count == top)
    return chars * top / total_chars


def dup_ngram_char_frac(words: Sequence[str], n: int, total_chars: int) -> float:
    """Share of word characters inside n-grams that repeat an earlier n-gram (Gopher).

    Scans left to right; a repeated n-gram's words are counted once and skipped,
    so overlapping repeats do not count characters twice (as in datatrove).
    """
    if len(words) < n or not total_chars:
        return 0.0
    seen: set[tuple[str, ...]] = set()
    dup_chars, i = 0, 0
    while i <= len(words) - n:
        gram = tuple(words[i:i + n])
        if gram in seen:
            dup_chars += sum(map(len, gram))
            i += n
        else:
            seen.add(gram)
            i += 1
    return dup_chars / total_chars


def script_ratio(text: str, script: str) -> float:
    """Share of the text's letters that are in ``script`` (ISO 15924, e.g. ``Latn``)."""
    letters = sum(map(len, _LETTERS.findall(text)))
    in_script = sum(map(len, _script_letters(script).findall(text)))
    return _frac(in_script, letters)


def quality_signals(text: str, split_words: WordSplitter,
                    stopwords: frozenset[str] = frozenset(), *,
                    script: str | None = None) -> dict[str, float]:
    """Every quality signal of ``text`` (see ``SIGNAL_NAMES``).

    Args:
        text: the document.
        split_words: the language's word splitter (``langforge.text.word_splitter``).
        stopwords: casefolded stopwords; ``stopword_count`` counts occurrences.
        script: the language's ISO 15924 script; without it ``script_ratio`` is absent.
    """
    words = split_words(text)
    word_chars = sum(map(len, words))
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    paragraphs = [p.strip() for p in regex.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if p]
    n_words, n_lines = len(words), len(lines)
    signals = {
        "char_count": float(len(text)),
        "word_count": float(n_words),
        "mean_word_length": _frac(word_chars, n_words),
        "non_alpha_words_ratio": _frac(sum(1 for w in words if not _has_letter(w)), n_words),
        "stopword_count": float(sum(w.casefold() in stopwords for w in words)) if stopwords
        else 0.0,
        "line_count": float(n_lines),
        "dup_line_frac": _dup_frac(lines),
        "line_punct_ratio": _frac(sum(map(_ends_in_punct, lines)), n_lines),
        "symbol_word_ratio": _frac(max(text.count("#"), sum(map(text.count, _ELLIPSES))),
                                   n_words),
        "bullet_lines_frac": _frac(sum(line.startswith(_BULLETS) for line in lines), n_lines),
        "ellipsis_lines_frac": _frac(sum(line.rstrip(_TRAILING_CLOSERS).endswith(_ELLIPSES)
                                         for line in lines), n_lines),
        "dup_para_frac": _dup_frac(paragraphs),
    }
    for n in TOP_NGRAM_SIZES:
        signals[f"top_{n}gram_char_frac"] = top_ngram_char_frac(words, n, word_chars)
    repeats = True
    for n in DUP_NGRAM_SIZES:
        # No repeated n-gram means no repeated longer one: skip the rest (exact).
        value = dup_ngram_char_frac(words, n, word_chars) if repeats else 0.0
        signals[f"dup_{n}gram_char_frac"] = value
        repeats = value > 0
    signals["short_line_frac"] = _frac(sum(len(line) <= SHORT_LINE_MAX_CHARS for line in lines),
                                       n_lines)
    signals["new_line_ratio"] = _frac(text.count("\n"), n_words)
    if script is not None:
        signals["script_ratio"] = script_ratio(text, script)
    return signals
