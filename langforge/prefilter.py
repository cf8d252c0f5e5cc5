"""Language-targeted pre-filter: skip extraction of pages surely not in the language.

Trafilatura costs about 95% of a WARC pipeline's time, and when one low-resource
language is built almost every page is in another language. Cheap evidence read
from the raw page decides which pages can skip extraction:

1. a declared language (``<html lang>``, HTTP ``Content-Language``) naming the
   target keeps the page (declarations of other languages are too often wrong
   to drop a page on their own);
2. Common Crawl's CLD2 metadata listing the target keeps the page;
3. fastText (the LID model of the build) on the longest text blocks of a fast
   regex tag-stripping of the page body: when no block gives the target the
   configured floor, ``prefilter_lid_other``. Blocks, not the whole page, so
   that a page whose boilerplate is in another language still shows its
   target-language paragraphs; the longest ones, because main text comes in
   long blocks and menus in short ones, and so the fastText cost per page is
   bounded;
4. when the language has a word list (``lid.wordlist``), the blocks fastText let
   through must have the share of listed words the LID guard asks of an extracted
   document (``lid.min_wordlist_frac``), else ``prefilter_lexical_other``: pages in
   related languages that fastText confuses with the target (Lingala, Kirundi or
   Comorian for Swahili) skip extraction too;
5. only when fastText has too little text to read, CLD2 metadata that is
   reliable, does not list the target and gives other languages most of the
   text means ``prefilter_cld2_other`` (CLD2 mislabels low-resource languages,
   so it never overrules fastText). Otherwise the page goes on to extraction.

Signals are computed by ``page_signals`` and decided by ``decide`` against the
language's ``[prefilter]`` thresholds, so the thresholds can be tuned for recall
(see ``python -m langforge.bench``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from langforge.config import LanguageConfig, LidConfig, PrefilterConfig
from langforge.document import StageStats, WebPage
from langforge.errors import UnknownLanguageError
from langforge.extract import SINGLE_BYTE_CHARSETS, codec_name, html_lang, meta_charset
from langforge.langid import LidModel, load_wordlist, wordlist_counts
from langforge.languages import Language, get_language

#: Pages scored together (fastText predicts a list in one call).
BATCH_PAGES = 64
#: Why pages were kept, counted in ``StageStats.extra``.
KEPT_REASONS = ("kept_declared", "kept_cld2", "kept_lid", "kept_no_evidence")

# Elements whose content is never visible text (one alternative per element is
# faster than a back-reference).
_INVISIBLE_RE = re.compile(
    r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<svg\b.*?</svg\s*>|<!--.*?-->"
    r"|<noscript\b.*?</noscript\s*>|<template\b.*?</template\s*>", re.IGNORECASE | re.DOTALL)
# Tags that end a block of text; other tags (a, span, em...) join their text.
_BLOCK_TAG_RE = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|td|th|tr|table|section|article|header|footer|nav|aside"
    r"|main|blockquote|pre|title|dd|dt|dl|form|figure|figcaption|option|button|label)\b[^>]*>",
    re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]*>")
# The same two in bytes: for a charset in which the bytes of "<" and ">" are never part
# of another character (ASCII, UTF-8, the one-byte charsets, the CJK multi-byte ones),
# tags are stripped before decoding, which is a fifth cheaper on real pages (the same
# blocks on both bench crawls); UTF-16/32, ISO-2022 and the rest are decoded first.
_BLOCK_TAG_BYTES_RE = re.compile(_BLOCK_TAG_RE.pattern.encode("ascii"), re.IGNORECASE)
_TAG_BYTES_RE = re.compile(_TAG_RE.pattern.encode("ascii"))
_TAGS_AS_BYTES = ("utf-8", *SINGLE_BYTE_CHARSETS, "gb18030", "gbk", "gb2312", "big5", "cp932",
                  "cp949", "cp950", "shift_jis", "euc")
_BODY_RE = re.compile(rb"<body\b", re.IGNORECASE)
# The same invisible elements found in bytes, so that they are skipped before the
# scan limit counts: a page with megabytes of inline script or JSON before its text
# must still show its text.
_INVISIBLE_OPEN_RE = re.compile(rb"<(script|style|svg|noscript|template)\b|<!--", re.IGNORECASE)
_INVISIBLE_CLOSE_RE = {name: re.compile(rb"</" + name + rb"\s*>", re.IGNORECASE)
                       for name in (b"script", b"style", b"svg", b"noscript", b"template")}
_HEAD_BYTES = 16 * 1024  # where <html lang> and <meta charset> are looked for


@dataclass(frozen=True, slots=True)
class PageSignals:
    """Cheap language evidence for one page (None: no evidence of that kind)."""

    declared: str | None  # "target", "other" or None (no usable declaration)
    cld2_reliable: bool | None
    cld2_target_frac: float | None  # share of text CLD2 gives the target
    cld2_other_frac: float | None  # share of text CLD2 gives other languages
    lid_chars: int  # characters of the blocks fastText read
    lid_target_score: float | None  # best block's probability for the target
    lid_top_language: str | None  # top language of the longest block
    lid_top_score: float | None
    #: word-list share of the blocks reaching the LID floor (None: no list, no block)
    lid_wordlist_frac: float | None = None


@dataclass(frozen=True, slots=True)
class WordlistGuard:
    """The language's word list and the share of listed words a page's text needs."""

    words: frozenset[str]
    min_frac: float

    @classmethod
    def from_config(cls, config: PrefilterConfig, lid: LidConfig | None) -> "WordlistGuard | None":
        """The guard ``config.wordlist_guard`` asks for; None when off or the language
        has no word list or no ``min_wordlist_frac``."""
        if not config.wordlist_guard or lid is None or lid.wordlist is None \
                or lid.min_wordlist_frac is None:
            return None
        return cls(load_wordlist(lid), lid.min_wordlist_frac)

    def frac(self, blocks: list[str]) -> float | None:
        found, counted = wordlist_counts(" ".join(blocks), self.words)
        return found / counted if counted else None


def text_blocks(content: bytes, http_charset: str | None, max_scan_bytes: int,
                min_block_chars: int) -> list[str]:
    """A fast approximation of a page's visible text blocks (for language ID only).

    The body (from ``<body`` on, else from the start) is decoded with the declared
    charset, or UTF-8, replacing bad bytes, at most ``max_scan_bytes`` of it not
    counting scripts, styles and comments (see ``visible_bytes``), which are
    removed; block tags end a block, other tags
    are dropped (before decoding where the charset allows: ``_TAGS_AS_BYTES``),
    entities unescaped. Blocks shorter than ``min_block_chars`` are left out.
    """
    match = _BODY_RE.search(content)
    start = match.start() if match else 0
    charset = codec_name(http_charset) or meta_charset(content) or "utf-8"
    visible = visible_bytes(content, start, max_scan_bytes)
    if charset.startswith(_TAGS_AS_BYTES):  # invisible elements are gone already
        text = _TAG_BYTES_RE.sub(b" ", _BLOCK_TAG_BYTES_RE.sub(b"\n", visible)).decode(
            charset, "replace")
    else:  # e.g. UTF-16: the byte scan found no tags; find them in the decoded text
        text = _INVISIBLE_RE.sub(" ", visible.decode(charset, "replace"))
        text = _TAG_RE.sub(" ", _BLOCK_TAG_RE.sub("\n", text))
    text = html.unescape(text)
    # collapsing whitespace only shortens a line: a line already too short is skipped
    blocks = (" ".join(line.split()) for line in text.split("\n")
              if len(line) >= min_block_chars)
    return [block for block in blocks if len(block) >= min_block_chars]


def visible_bytes(content: bytes, start: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``content`` from ``start`` on, leaving out scripts,
    styles, SVG, templates and comments (an element left open runs to the end)."""
    parts, size, pos = [], 0, start
    while size < limit and pos < len(content):
        room = limit - size
        match = _INVISIBLE_OPEN_RE.search(content, pos, pos + room + 16)  # a tag across the end
        if match is not None and match.start() >= pos + room:
            match = None
        end = match.start() if match else min(len(content), pos + room)
        parts.append(content[pos:end])
        size += end - pos
        if match is None:
            break
        if match.group(1) is None:  # a comment
            close = content.find(b"-->", match.end())
            pos = close + 3 if close >= 0 else len(content)
        else:
            found = _INVISIBLE_CLOSE_RE[match.group(1).lower()].search(content, match.end())
            pos = found.end() if found else len(content)
        parts.append(b" ")
    return b"".join(parts)


def longest_blocks(blocks: list[str], max_chars: int) -> list[str]:
    """The longest blocks, longest first, until ``max_chars`` characters are taken."""
    chosen, total = [], 0
    for block in sorted(blocks, key=len, reverse=True):
        if total >= max_chars:
            break
        chosen.append(block[:max_chars - total])
        total += len(chosen[-1])
    return chosen


@lru_cache(maxsize=4096)
def _declared_code(tag: str) -> str | None:
    """The canonical code a language tag (``sw``, ``en-US``, ``de_DE``) resolves to."""
    primary = tag.strip().replace("_", "-").split("-", 1)[0]
    if not primary or primary.lower() in ("x", "i", "und", "mul", "zxx"):
        return None
    try:
        return get_language(primary).code
    except UnknownLanguageError:
        return primary.lower()  # a real tag for a language the registry lacks


def declared_language(page: WebPage, lang: Language) -> str | None:
    """``"target"`` when the page declares ``lang`` (``<html lang>`` or Content-Language),
    ``"other"`` when it declares only other languages, None when it declares none."""
    head = page.content[:_HEAD_BYTES].decode("latin-1")  # tags are ASCII
    tags = [html_lang(head) or ""]
    tags += (page.content_language or "").split(",")
    codes = {code for code in map(_declared_code, filter(None, (t.strip() for t in tags)))
             if code}
    if not codes:
        return None
    return "target" if lang.code in codes else "other"


def cld2_fracs(cld2: dict | None, lang: Language) -> tuple[bool | None, float | None, float | None]:
    """(reliable, target share, other share) from CC's ``languages-cld2`` metadata.

    All None when there is no metadata or CLD2 does not know the language (then
    its silence says nothing about the target).
    """
    label = lang.label("cld2")
    if not cld2 or label is None or not isinstance(cld2.get("languages"), list):
        return None, None, None
    target = other = 0.0
    for entry in cld2["languages"]:
        if not isinstance(entry, dict):
            continue
        covered = entry.get("text-covered")
        covered = float(covered) if isinstance(covered, (int, float)) else 0.0
        if entry.get("code-iso-639-3") == label or entry.get("code") == label:
            target += covered
        else:
            other += covered
    return bool(cld2.get("reliable")), target, other


def page_signals(pages: list[WebPage], lang: Language, config: PrefilterConfig,
                 model: LidModel | None, guard: WordlistGuard | None = None
                 ) -> list[PageSignals]:
    """Score a batch of pages (fastText runs once over all their blocks)."""
    partial, samples = [], []
    use_lid = model is not None and config.min_target_lid_score is not None
    for page in pages:
        declared = declared_language(page, lang)
        reliable, target_frac, other_frac = cld2_fracs(page.cld2, lang)
        sample: list[str] = []
        # positive evidence keeps the page whatever fastText says: save its time
        kept_already = (declared == "target" and config.trust_declared_language) or target_frac
        if use_lid and not kept_already:
            blocks = text_blocks(page.content, page.http_charset, config.max_scan_bytes,
                                 config.min_block_chars)
            sample = longest_blocks(blocks, config.max_lid_chars)
            if sum(map(len, sample)) < config.min_lid_chars:
                sample = []
        partial.append((declared, reliable, target_frac, other_frac, sample))
        samples.append(sample)
    flat = [block for sample in samples for block in sample]
    # only labels at or above the floor can decide: fastText's threshold cut returns
    # them alone (a third cheaper than the 1/floor + 1 labels that hold them all);
    # a target scoring under the floor reads as 0 in the evidence, and a block whose
    # top label is under the floor (an unsure block) names no top language (blocks are
    # sampled only when the fastText rule is on, so the floor is set whenever ``flat`` is)
    scores = model.predict(flat, k=-1, threshold=config.min_target_lid_score) if flat else []
    signals, i = [], 0
    for declared, reliable, target_frac, other_frac, sample in partial:
        block_scores, i = scores[i:i + len(sample)], i + len(sample)
        top = next(iter(block_scores[0].items()), (None, None)) if block_scores else (None, None)
        passing = [block for block, s in zip(sample, block_scores)
                   if s.get(lang.code, 0.0) >= config.min_target_lid_score]
        frac = guard.frac(passing) if guard is not None and passing else None
        signals.append(PageSignals(
            declared=declared, cld2_reliable=reliable, cld2_target_frac=target_frac,
            cld2_other_frac=other_frac, lid_chars=sum(map(len, sample)),
            lid_target_score=max((s.get(lang.code, 0.0) for s in block_scores), default=None),
            lid_top_language=top[0], lid_top_score=top[1], lid_wordlist_frac=frac))
    return signals


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether a page goes on to extraction, and the named reason either way."""

    keep: bool
    reason: str  # kept_declared, kept_cld2, kept_lid, kept_no_evidence; prefilter_*


def decide(signals: PageSignals, config: PrefilterConfig,
           min_wordlist_frac: float | None = None) -> Decision:
    """Keep or skip a page on its signals.

    Positive evidence (a declaration, CLD2 listing the language) keeps a page.
    ``min_wordlist_frac`` (see ``WordlistGuard``) skips a page fastText let through
    whose passing blocks have too few of the language's listed words.
    fastText's verdict comes before CLD2's negative one: CLD2 mislabels
    low-resource languages (Common Crawl's whirlwind sample is Aragonese tagged
    Spanish), so CLD2 alone skips a page only when fastText has no text to read.
    """
    if config.trust_declared_language and signals.declared == "target":
        return Decision(True, "kept_declared")
    if signals.cld2_target_frac:
        return Decision(True, "kept_cld2")
    if config.min_target_lid_score is not None and signals.lid_target_score is not None:
        if signals.lid_target_score < config.min_target_lid_score:
            return Decision(False, "prefilter_lid_other")
        if (min_wordlist_frac is not None and signals.lid_wordlist_frac is not None
                and signals.lid_wordlist_frac < min_wordlist_frac):
            return Decision(False, "prefilter_lexical_other")
        return Decision(True, "kept_lid")
    if (config.min_cld2_other_frac is not None and signals.cld2_reliable
            and (signals.cld2_other_frac or 0.0) >= config.min_cld2_other_frac):
        return Decision(False, "prefilter_cld2_other")
    return Decision(True, "kept_no_evidence")


def prefilter_model(config: LanguageConfig) -> LidModel | None:
    """The LID model the language's pre-filter reads blocks with: ``prefilter.model``
    (lid.176 by default: fastText, the cheapest per page), or the ``[lid]`` model when
    that is empty or has no label for the language. None when the pre-filter or its
    fastText rule is off."""
    pre = config.prefilter
    if not pre.enabled or pre.min_target_lid_score is None:
        return None
    if pre.model and pre.model != config.lid.model:
        model = LidModel.from_config(config.lid.model_copy(update={"model": pre.model}))
        if model.label_of(config.lang) is not None:
            return model
    return LidModel.from_config(config.lid)


def prefilter_pages(pages: Iterable[WebPage], lang: Language, config: PrefilterConfig,
                    stats: StageStats, model: LidModel | None = None,
                    lid: LidConfig | None = None) -> Iterator[WebPage]:
    """Drop pages that are surely not in ``lang`` before extraction; keep order.

    Drops ``prefilter_lid_other``, ``prefilter_lexical_other`` (with ``lid``, the
    language's LID config: its word list, see ``WordlistGuard``) and
    ``prefilter_cld2_other`` (detail: the evidence). ``stats.extra`` counts kept pages
    by why they were kept:
    ``kept_declared``, ``kept_cld2``, ``kept_lid`` and ``kept_no_evidence`` (no
    CLD2 verdict and too little text for fastText). With ``config.enabled`` false every page
    passes and the stage is marked skipped.

    Raises:
        MissingModelError: fastText is needed (``min_target_lid_score`` set) and
            the LID model file is absent (raised at the first page).
    """
    if not config.enabled:
        stats.skip("pre-filter disabled ([prefilter] enabled = false)")
        return _passthrough(pages, stats)
    return _prefilter(iter(pages), lang, config, stats, model,
                      WordlistGuard.from_config(config, lid))


def _passthrough(pages: Iterable[WebPage], stats: StageStats) -> Iterator[WebPage]:
    for page in pages:
        stats.count_in(page.content)
        stats.docs_out += 1
        yield page


def _prefilter(pages: Iterator[WebPage], lang: Language, config: PrefilterConfig,
               stats: StageStats, model: LidModel | None,
               guard: WordlistGuard | None) -> Iterator[WebPage]:
    if model is None and config.min_target_lid_score is not None:
        from langforge.langid import default_model_path

        model = LidModel(default_model_path())
    if model is not None and model.label_of(lang) is None:
        # the model cannot speak for this language: its scores are no evidence
        stats.extra["lid_unavailable"] = f"{model.name} has no label for {lang.code}"
        model = None
    for key in KEPT_REASONS:
        stats.extra.setdefault(key, 0)
    while batch := list(islice(pages, BATCH_PAGES)):
        for page, signals in zip(batch, page_signals(batch, lang, config, model, guard)):
            stats.count_in(page.content)
            decision = decide(signals, config, guard.min_frac if guard is not None else None)
            if not decision.keep:
                stats.reject(page, decision.reason, **_evidence(signals))
                continue
            stats.extra[decision.reason] += 1
            stats.docs_out += 1
            yield page


def _evidence(signals: PageSignals) -> dict:
    return {key: value for key, value in (
        ("declared", signals.declared), ("cld2_other_frac", signals.cld2_other_frac),
        ("lid_target_score", signals.lid_target_score),
        ("lid_top_language", signals.lid_top_language), ("lid_top_score", signals.lid_top_score),
        ("lid_chars", signals.lid_chars), ("lid_wordlist_frac", signals.lid_wordlist_frac))
        if value is not None}
