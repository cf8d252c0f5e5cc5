"""Split a document into translatable sentences and put the translations back.

A document is read line by line; blank lines, fenced or indented code, and lines
with no letter are kept verbatim. Each other line keeps its layout marker
(heading ``#``, list bullet or number, quote ``>``, indentation) and its
protected spans (URLs, e-mail addresses, inline code, table bars), and the text
between them is cut into sentences with pysbd. Reassembly concatenates the kept
pieces and the translated sentences in their original order, so the layout of
the output is the layout of the input.

Lines are never joined: web text (trafilatura output, seed datasets) puts one
paragraph per line, and joining them would merge distinct paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import langcodes

from langforge.errors import ConfigError
from langforge.languages import Language

_FENCE = re.compile(r"^\s*(```|~~~)")
_INDENTED_CODE = re.compile(r"^(\t| {4})")
_MARKER = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+•]\s+|\d{1,3}[.)]\s+|>\s?))")
_PROTECTED = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]]"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                                 # e-mail addresses
    r"|`[^`\n]+`"                                                   # inline code
    r"|\s*\|\s*"                                                    # table cell bars
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
# Punctuation that can end a sentence, followed by more text: without one, a text is
# one sentence and the (slow) splitter need not run.
_INNER_BOUNDARY = re.compile(r"[.!?…;:؟।。！？።]\S*\s+\S")


def may_hold_sentences(text: str) -> bool:
    """False when ``text`` surely holds at most one sentence."""
    return bool(_INNER_BOUNDARY.search(text))


@dataclass
class Line:
    """One line of a document: verbatim pieces and sentence slots, in order.

    ``pieces`` holds strings (kept verbatim) and ints (an index into the
    document's ``sentences``).
    """

    pieces: list[str | int] = field(default_factory=list)

    @property
    def sentence_ids(self) -> list[int]:
        return [p for p in self.pieces if isinstance(p, int)]


@dataclass
class Layout:
    """A document cut into lines and sentences (see ``split_document``)."""

    lines: list[Line]
    sentences: list[str]

    def reassemble(self, translations: list[str]) -> str:
        """The document text with sentence ``i`` replaced by ``translations[i]``."""
        if len(translations) != len(self.sentences):
            raise ValueError(f"{len(translations)} translations for {len(self.sentences)} "
                             "sentences")
        out = []
        for line in self.lines:
            out.extend(translations[p] if isinstance(p, int) else p for p in line.pieces)
        return "".join(out)


@lru_cache(maxsize=8)
def _segmenter(iso639_1: str):
    import pysbd

    return pysbd.Segmenter(language=iso639_1, clean=False)


def sentence_splitter(source: Language):
    """A function text -> sentences (whitespace kept) for the source language.

    pysbd (maintained, rule-based, keeps every character) covers 22 languages by
    ISO 639-1 code; a source language it lacks is a config error, found before work.
    """
    import pysbd.languages

    # pysbd knows macrolanguages by ISO 639-1 code (arb -> ar, cmn -> zh).
    code = langcodes.Language.get(source.iso639_3).prefer_macrolanguage().language or ""
    if code not in pysbd.languages.LANGUAGE_CODES:
        raise ConfigError(f"translate.source_language: no sentence splitter for {source.code} "
                          f"(pysbd covers {', '.join(sorted(pysbd.languages.LANGUAGE_CODES))})")
    segmenter = _segmenter(code)

    def split(text: str) -> list[str]:
        if not may_hold_sentences(text):
            return [text]
        parts = segmenter.segment(text)
        # pysbd promises to keep every character with clean=False; if a rule ever
        # breaks that, translating the text whole is safer than losing some of it.
        return parts if "".join(parts) == text else [text]

    return split


def _split_text(text: str, split, layout: Layout, line: Line) -> None:
    """Append the sentences of ``text`` (no protected span inside) to ``line``."""
    if not _HAS_LETTER.search(text):
        line.pieces.append(text)
        return
    for part in split(text):
        stripped = part.strip()
        if not stripped:
            line.pieces.append(part)
            continue
        start = part.index(stripped)
        if start:
            line.pieces.append(part[:start])
        if _HAS_LETTER.search(stripped):
            line.pieces.append(len(layout.sentences))
            layout.sentences.append(stripped)
        else:
            line.pieces.append(stripped)
        end = start + len(stripped)
        if end < len(part):
            line.pieces.append(part[end:])


def split_document(text: str, split) -> Layout:
    """Cut ``text`` into lines of verbatim pieces and sentences to translate.

    ``split`` is a sentence splitter (``sentence_splitter(source)``).
    ``layout.reassemble(layout.sentences) == text`` always holds.
    """
    layout = Layout(lines=[], sentences=[])
    in_fence = False
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        ending = raw[len(body):]
        line = Line()
        layout.lines.append(line)
        if _FENCE.match(body):
            in_fence = not in_fence
            line.pieces.append(raw)
            continue
        if in_fence or _INDENTED_CODE.match(body) or not _HAS_LETTER.search(body):
            line.pieces.append(raw)
            continue
        marker = ""
        while (match := _MARKER.match(body[len(marker):])) and match.group(1):
            marker += match.group(1)
        if marker:
            line.pieces.append(marker)
        position = len(marker)
        for match in _PROTECTED.finditer(body, position):
            if match.start() > position:
                _split_text(body[position:match.start()], split, layout, line)
            line.pieces.append(match.group(0))
            position = match.end()
        if position < len(body):
            _split_text(body[position:], split, layout, line)
        if ending:
            line.pieces.append(ending)
    return layout
