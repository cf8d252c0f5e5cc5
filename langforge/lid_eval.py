"""Measure a language decision: recall on the language's text, false positives on others'.

Used by ``langforge lid-eval`` (text the user brings), by
``langforge.lid_compare`` (the model comparison in ``docs/lid-comparison.md``),
by ``langforge.calibrate`` (held-out figures) and by the tests, on real text
from ``../shared/data/text`` (Tatoeba, UDHR, AfriSenti, Global Voices, TICO-19).

Documents are built like web pages of about ``doc_chars`` characters from
sentence-per-line text (consecutive lines joined). Every source is split in two
halves, by position: the first half (``part="calibrate"``) is what calibration
may read, the second (``part="report"``) is what figures are reported on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from langforge.config import LanguageConfig
from langforge.document import Document, StageStats

DOC_CHARS = 600
_MENTION = re.compile(r"(@user\b|@\w+|https?://\S+|#)")

#: ISO 639-3 codes of the shared text that are the same language as a configured code
#: (macro-language and individual codes), e.g. Malagasy plt = mlg.
SAME_LANGUAGE = {
    "swh_Latn": {"swh", "swa"}, "plt_Latn": {"plt", "mlg"}, "npi_Deva": {"npi", "nep"},
    "zho_Hans": {"cmn", "zho"}, "arb_Arab": {"arb", "ara"},
}


def iso_codes(code: str) -> set[str]:
    """The ISO 639-3 codes that count as ``code``'s language in the shared text."""
    return SAME_LANGUAGE.get(code, {code.split("_", 1)[0]})


def join_units(units: Iterable[str], doc_chars: int = DOC_CHARS) -> list[str]:
    """Consecutive non-empty lines joined (one per line) into documents of at least
    ``doc_chars`` characters; a shorter rest is dropped."""
    docs: list[str] = []
    current: list[str] = []
    size = 0
    for unit in units:
        unit = unit.strip()
        if not unit:
            continue
        current.append(unit)
        size += len(unit) + 1
        if size >= doc_chars:
            docs.append("\n".join(current))
            current, size = [], 0
    return docs


def _tweets(path: Path) -> list[str]:
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    out = []
    for row in rows:
        text = _MENTION.sub(" ", row.split("\t")[0])
        text = " ".join(text.split())
        if text:
            out.append(text)
    return out


def _udhr_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()[4:]
            if line.strip() and line.strip() != "---"]


def shared_units(data_dir: Path) -> dict[tuple[str, str], list[str]]:
    """(source, ISO 639-3) -> text units (sentences, tweets, lines) of the shared text."""
    text = Path(data_dir) / "text"
    sets: dict[tuple[str, str], list[str]] = {}
    for path in sorted((text / "tatoeba-laser112").glob("tatoeba.*-eng.*")):
        code = path.name.split(".")[1].split("-")[0]
        if path.suffix[1:] == code:
            sets[("tatoeba", code)] = path.read_text(encoding="utf-8").splitlines()
    index = (text / "udhr-unicode" / "index.xml").read_text(encoding="utf-8")
    for name, code in re.findall(r"<udhr f='([^']+)'\s+iso639-3='([^']+)'", index):
        path = text / "udhr-unicode" / "txt" / f"udhr_{name}.txt"
        if path.is_file():
            sets[(f"udhr:{name}", code)] = _udhr_lines(path)
    for lang_dir in sorted((text / "afrisenti").glob("*")):
        if lang_dir.is_dir():
            code = {"swa": "swh"}.get(lang_dir.name, lang_dir.name)
            units = [t for f in sorted(lang_dir.glob("*.tsv")) for t in _tweets(f)]
            sets[("afrisenti", code)] = units
    gv = text / "globalvoices-en-sw"
    if gv.is_dir():
        # calibration of Swahili read train.swa whole: only the English side is used here
        sets[("globalvoices", "eng")] = (gv / "train.en").read_text(
            encoding="utf-8").splitlines()[:6000]
    tico = text / "tico19" / "tico19-test.sw"
    if tico.is_file():
        sets[("tico19", "swh")] = tico.read_text(encoding="utf-8").splitlines()
    return sets


def halves(items: Sequence, part: str) -> list:
    """The calibration (first) or report (second) half of a source, by position."""
    if part not in ("calibrate", "report", "all"):
        raise ValueError(f"part must be calibrate, report or all, got {part!r}")
    mid = len(items) // 2
    return list(items[:mid] if part == "calibrate" else items[mid:] if part == "report"
                else items)


def shared_documents(data_dir: Path, part: str = "report", doc_chars: int = DOC_CHARS
                     ) -> dict[tuple[str, str], list[str]]:
    """(source, ISO 639-3) -> documents of ``doc_chars``+ characters from one half."""
    return {key: join_units(halves(units, part), doc_chars)
            for key, units in shared_units(data_dir).items()}


@dataclass
class Evaluation:
    """What a decision kept of the language's text and let through of others'."""

    language: str
    positives: int = 0
    kept: int = 0
    negatives: int = 0
    leaked: int = 0
    dropped: Counter = field(default_factory=Counter)
    leaked_by: Counter = field(default_factory=Counter)
    leaked_examples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.kept / self.positives if self.positives else float("nan")

    @property
    def false_positive_rate(self) -> float:
        return self.leaked / self.negatives if self.negatives else float("nan")

    def format(self) -> str:
        lines = [f"{self.language}: recall {self.recall:.2%} ({self.kept}/{self.positives}); "
                 f"false positives {self.false_positive_rate:.3%} "
                 f"({self.leaked}/{self.negatives})"]
        if self.dropped:
            lines.append("  dropped in-language documents by reason: " + ", ".join(
                f"{r} {n}" for r, n in self.dropped.most_common()))
        if self.leaked_by:
            lines.append("  let through, by source: " + ", ".join(
                f"{s} {n}" for s, n in self.leaked_by.most_common(10)))
        return "\n".join(lines)


def kept_mask(config: LanguageConfig, texts: Sequence[str], model=None,
              dropped: Counter | None = None) -> list[bool]:
    """Which ``texts`` the language decision of ``config`` keeps (the real
    ``identify`` stage, with its model, guard and line-level settings)."""
    from langforge.langid import identify

    stats = StageStats("lid")
    docs = [Document(id=str(i), text=text) for i, text in enumerate(texts)]
    kept_ids = {doc.id for doc in identify(docs, config.lang, config.lid, stats, model=model,
                                           split_words=_splitter(config))}
    if dropped is not None:
        dropped.update(stats.dropped)
    return [str(i) in kept_ids for i in range(len(texts))]


def _splitter(config: LanguageConfig):
    from langforge.text import word_splitter

    return word_splitter(config)


def evaluate(config: LanguageConfig, positives: dict[str, list[str]],
             negatives: dict[str, list[str]], model=None, examples: int = 5) -> Evaluation:
    """Recall on ``positives`` and false positives on ``negatives`` (source -> texts)."""
    result = Evaluation(config.lang.code)
    for source, texts in positives.items():
        mask = kept_mask(config, texts, model, result.dropped)
        result.positives += len(texts)
        result.kept += sum(mask)
    names = list(negatives)
    flat = [(name, text) for name in names for text in negatives[name]]
    mask = kept_mask(config, [text for _, text in flat], model)
    for (name, text), kept in zip(flat, mask):
        result.negatives += 1
        if kept:
            result.leaked += 1
            result.leaked_by[name] += 1
            if len(result.leaked_examples) < examples:
                result.leaked_examples.append((name, text[:200]))
    return result


def split_by_language(docs: dict[tuple[str, str], list[str]], code: str
                      ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(positives, negatives) of the shared documents for canonical ``code``."""
    same = iso_codes(code)
    positives = {f"{s}:{c}": d for (s, c), d in docs.items() if c in same and d}
    negatives = {f"{s}:{c}" if not s.startswith("udhr") else s: d
                 for (s, c), d in docs.items() if c not in same and d}
    return positives, negatives
