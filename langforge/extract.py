"""HTML pages to main text: size and binary checks, charset decoding, trafilatura.

``extract_pages`` is a stage over ``WebPage`` records. Each page is checked before
any parsing (``record_too_large``, ``binary_payload``), decoded (a byte order mark,
else the HTTP charset, else the ``<meta>`` charset, else detection;
``charset_undecodable`` when nothing fits), then handed to trafilatura: fast
first; then, for a page whose fast text is empty or short, or on which
readability finds more than twice as much text, trafilatura's comparison with
its fallback extractors (readability, jusText) runs on the fast result
(``ExtractConfig.fallback``), starting from the trees the fast run kept (no
second parse: ``_keeping_trees`` wraps ``trafilatura.core._extract_and_compare``,
otherwise unchanged). A page that makes trafilatura fail is counted as
``extraction_error`` and the stream goes on.
"""

from __future__ import annotations

import codecs
import functools
import html
import inspect
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from copy import copy
from dataclasses import dataclass

import charset_normalizer
import trafilatura
from lxml.etree import Element, tostring
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

try:  # the comparison stage of trafilatura's cascade on its own: internals of trafilatura 2.3
    from trafilatura import core as _trafilatura_core
    from trafilatura.core import _forum_thread_page, determine_returnstring
    from trafilatura.external import compare_extraction, try_readability
    from trafilatura.htmlprocessing import prune_unwanted_nodes, tree_cleaning
    from trafilatura.metadata import Document as _TrafilaturaDocument
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    STAGED_FALLBACK = list(inspect.signature(compare_extraction).parameters) == [
        "cleaned_tree", "raw_tree", "body", "text", "options"]
    #: the fast run's trees can be kept for the look and the fallback stage
    #: (``_keeping_trees``, which wraps ``trafilatura.core._extract_and_compare``)
    _STAGES = getattr(_trafilatura_core, "_extract_and_compare", None)
    KEEP_TREES = STAGED_FALLBACK and callable(_STAGES) and list(
        inspect.signature(_STAGES).parameters) == [
        "cleaned_tree", "cleaned_tree_backup", "tree", "options"]
except ImportError:  # another trafilatura: the fallback reruns the whole extraction
    STAGED_FALLBACK = KEEP_TREES = False

from langforge.config import ExtractConfig
from langforge.document import Document, StageStats, WebPage

# Browsers decode these labels as the superset encoding (WHATWG Encoding Standard);
# pages labelled latin-1 routinely hold cp1252 quotes and dashes.
_SUPERSET = {
    "ascii": "cp1252", "iso8859_1": "cp1252", "iso8859_9": "cp1254", "iso8859_11": "cp874",
    "tis_620": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949",
    "shift_jis": "cp932",
}
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04", b"\x1f\x8b",
    b"RIFF", b"OggS", b"ID3", b"fLaC", b"wOFF", b"wOF2", b"\x00\x00\x01\x00", b"7z\xbc\xaf",
    b"Rar!", b"MZ", b"\x7fELF", b"BM", b"\xca\xfe\xba\xbe", b"\x00asm", b"SQLite format",
)
# UTF-32 first: its little-endian BOM starts with UTF-16's
_BOM_CODECS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
               (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
               (codecs.BOM_UTF16_BE, "utf-16-be"))
# labels of one-byte charsets: any byte string decodes, so a UTF-8 page that
# declares one of them decodes "fine" into mojibake
SINGLE_BYTE_CHARSETS = ("cp125", "iso8859", "latin", "koi8", "mac", "cp874", "cp437", "cp850",
                        "ascii")
_SNIFF_BYTES = 4096
_PRESCAN_BYTES = 4096  # the HTML spec prescans 1024; real pages put <meta> later
_DETECT_BYTES = 256 * 1024  # charset detection looks at this much of the page
_TEXT_CONTROLS = b"\t\n\r\f\x1b"
# every byte but the control characters text never holds: deleting these leaves those
_NOT_BINARY_CONTROLS = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
_MAX_CONTROL_FRAC = 0.1
_MAX_REPLACED_FRAC = 0.05

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_HTML_LANG_RE = re.compile(r"""<html\b[^>]{0,2000}?\blang\s*=\s*["']?\s*([A-Za-z0-9_-]{1,35})""",
                           re.IGNORECASE)
# C0 controls other than tab and newline, and DEL: never wanted in corpus text
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# libxml2's HTML parser compares each attribute of a tag with every one before it:
# 10^5 attributes on one tag take minutes, inside C code no timer can interrupt
_MAX_TAG_ATTRIBUTES = 1000
_LONG_TAG_RE = re.compile(r"<([A-Za-z][\w:-]{0,40})(\s[^<>]{4096,})>")
_ATTRIBUTE_RE = re.compile(r"""\s[^\s=<>"']+\s*=""")
# each of those attributes ends in "=", with no "<" or ">" in the tag: a tag holding
# more than the limit shows that many "=" after its "<", which this finds in a fraction
# of _LONG_TAG_RE's time (and on most pages with many "=" in all, finds nothing)
_MANY_EQUALS_RE = re.compile(r"<[A-Za-z](?:[^=<>]*+=){%d}" % (_MAX_TAG_ATTRIBUTES + 1))
_TITLE_RE = re.compile(r"<title\b[^>]{0,200}>(.{0,2000}?)</title\s*>", re.IGNORECASE | re.DOTALL)


#: Whether an extracted text may be in the build's language.
TextCheck = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class DecodedHtml:
    text: str
    charset: str  # Python codec name
    source: str  # "http", "meta" or "detected"


def bom_codec(content: bytes) -> tuple[str, int] | None:
    """The codec a byte order mark at the start names, and the BOM's length."""
    for bom, name in _BOM_CODECS:
        if content.startswith(bom):
            return name, len(bom)
    return None


def _wide_codec(content: bytes, charset: str | None) -> str | None:
    """The UTF-16/32 codec a declared charset names, with the byte order read from
    the bytes when the label leaves it open (``utf-16`` without a BOM)."""
    name = codec_name(charset)
    if not name or not name.startswith(("utf-16", "utf-32")):
        return None
    if name in ("utf-16", "utf-32"):
        width = 2 if name == "utf-16" else 4
        head = content[:_SNIFF_BYTES]
        # ASCII markup: the zero bytes of each code unit come last in little-endian
        little = head[width - 1::width].count(0) >= head[0::width].count(0)
        return f"{name}-{'le' if little else 'be'}"
    return name


def is_binary(content: bytes, charset: str | None = None) -> bool:
    """True when the payload is surely not text: a known file signature, or too many
    control bytes (NUL included) at its start. Text with a byte order mark, or in
    the UTF-16/32 encoding ``charset`` declares, counts as text."""
    head = content[:_SNIFF_BYTES]
    if bom_codec(head) is not None:
        return False
    wide = _wide_codec(head, charset)
    if wide is not None:
        width = 4 if wide.startswith("utf-32") else 2
        try:
            head.decode(wide) if len(head) < _SNIFF_BYTES else head[
                : len(head) - len(head) % width].decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            return False
    if head.lstrip(b" \t\r\n").startswith(_BINARY_MAGIC) or head.startswith(_BINARY_MAGIC):
        return True
    if not head:
        return False
    controls = len(head.translate(None, _NOT_BINARY_CONTROLS))
    return controls / len(head) > _MAX_CONTROL_FRAC


def codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label (browser supersets applied), or None."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except (LookupError, ValueError):
        return None
    key = name.replace("-", "_")
    return codecs.lookup(_SUPERSET.get(key, key)).name


def meta_charset(content: bytes) -> str | None:
    """The charset a ``<meta charset>`` or ``http-equiv`` tag declares near the top."""
    match = _META_CHARSET_RE.search(content[:_PRESCAN_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore")
    name = codec_name(label)
    # A document whose <meta> can be read as ASCII is not UTF-16 (HTML spec).
    if name and name.startswith("utf-16"):
        return "utf-8"
    return name


def _strict(content: bytes, charset: str) -> str | None:
    try:
        return content.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(content: bytes) -> DecodedHtml | None:
    text = _strict(content, "utf-8")  # most of the web: no need to guess
    if text is not None:
        return DecodedHtml(text, "utf-8", "detected")
    best = charset_normalizer.from_bytes(content[:_DETECT_BYTES]).best()
    name = codec_name(best.encoding) if best is not None else None
    if name is None:
        return None
    text = _strict(content, name)
    if text is None:
        # the sample fitted; a stray byte further on should not lose the page
        text = content.decode(name, "replace")
        if text.count("\ufffd") > _MAX_REPLACED_FRAC * len(text):
            return None
    return DecodedHtml(text, name, "detected")


def _replaced(content: bytes, name: str) -> str | None:
    text = content.decode(name, "replace")
    return text if text.count("\ufffd") <= _MAX_REPLACED_FRAC * len(text) else None


def decode_html(content: bytes, http_charset: str | None) -> DecodedHtml | None:
    """Decode a page: a byte order mark, else HTTP charset, else ``<meta>`` charset,
    else detection.

    A BOM wins over any label (as in browsers). A declared charset that is unknown
    or does not decode falls through to the next; a one-byte charset declared for
    bytes that are valid UTF-8 with non-ASCII characters gives way to UTF-8 (any
    bytes decode in a one-byte charset, as mojibake). As a last resort a declared
    charset is used with replacement characters when at most 5% of the characters
    need one. None: nothing decodes the page.
    """
    bom = bom_codec(content)
    if bom is not None:
        name, size = bom
        text = _strict(content[size:], name) or _replaced(content[size:], name)
        if text is not None:
            return DecodedHtml(text, codecs.lookup(name).name, "bom")
    wide = _wide_codec(content, http_charset)
    declared = [(name, source) for name, source in
                ((wide or codec_name(http_charset), "http"), (meta_charset(content), "meta"))
                if name]
    if declared and all(name.startswith(SINGLE_BYTE_CHARSETS) for name, _ in declared) \
            and not content.isascii():
        text = _strict(content, "utf-8")
        if text is not None:
            return DecodedHtml(text, "utf-8", "detected")
    for name, source in declared:
        text = _strict(content, name)
        if text is not None:
            return DecodedHtml(text, name, source)
    detected = _detect(content)
    if detected is not None:
        return detected
    for name, source in declared:
        text = content.decode(name, "replace")
        if text.count("\ufffd") <= _MAX_REPLACED_FRAC * len(text):
            return DecodedHtml(text, name, source)
    return None


def tame_attributes(text: str) -> str:
    """The page with each start tag that holds more than ``_MAX_TAG_ATTRIBUTES``
    attributes reduced to its bare name (its text is kept)."""
    if text.count("=") <= _MAX_TAG_ATTRIBUTES or not _MANY_EQUALS_RE.search(text):
        return text

    def bare(match: re.Match) -> str:
        attributes = sum(1 for _ in _ATTRIBUTE_RE.finditer(match.group(2)))
        return f"<{match.group(1)}>" if attributes > _MAX_TAG_ATTRIBUTES else match.group(0)

    return _LONG_TAG_RE.sub(bare, text)


def html_lang(text: str) -> str | None:
    """The ``<html lang>`` attribute, read cheaply from the top of the page."""
    match = _HTML_LANG_RE.search(text, 0, _PRESCAN_BYTES * 4)
    return match.group(1) if match else None


def html_title(text: str) -> str | None:
    match = _TITLE_RE.search(text, 0, 256 * 1024)
    if not match:
        return None
    title = " ".join(_CONTROL_RE.sub(" ", html.unescape(match.group(1))).split())
    return title or None


#: Keys of ``StageStats.extra`` the extract stage counts: pages on which readability
#: was tried to see whether the fallbacks could find more (``fallback_probes``), pages
#: on which trafilatura's fallback stage ran (``fallback_reruns``), pages whose text
#: comes from it (``fallback_used``) and pages kept only thanks to it (the fast text
#: was too short: ``fallback_rescued``).
FALLBACK_PROBES = "fallback_probes"
#: pages whose short fast text does not look like the build's language: no look
FALLBACK_NOT_TARGET = "fallback_not_target"
FALLBACK_RERUNS = "fallback_reruns"
FALLBACK_USED = "fallback_used"
FALLBACK_RESCUED = "fallback_rescued"


def _extractor(config: ExtractConfig, fast: bool = True) -> Extractor:
    # fast=True skips trafilatura's readability/jusText fallbacks (without fast: about
    # 1.6x the CPU time on trafilatura's evaluation pages); extract_pages runs them only
    # where the fast text falls short (python -m langforge.bench.extraction)
    return Extractor(output_format="txt", fast=fast, precision=config.favor_precision,
                     comments=config.include_comments, tables=config.include_tables)


def _clean(text: str | None) -> str:
    return _CONTROL_RE.sub("", text).strip() if text else ""


def extract_text(text: str, options: Extractor, url: str | None = None) -> str:
    """Main text of a decoded HTML page (``""`` when trafilatura finds none)."""
    return _extraction(text, options, url)[0]


def _extraction(text: str, options: Extractor, url: str | None, keep_trees: bool = False):
    """The text and trafilatura's document (None when it found nothing, or with a
    trafilatura whose internals langforge does not use): what ``trafilatura.extract``
    returns, with the tree behind it for the fallback stage; given ``keep_trees``,
    also the trees the run started from (``_keeping_trees``; None when not kept)."""
    options.url = url
    if not STAGED_FALLBACK:
        return _clean(trafilatura.extract(text, options=options)), None, None
    kept: list | None = [] if keep_trees and KEEP_TREES else None
    _KEPT.slot = kept
    try:
        document = trafilatura.bare_extraction(text, options=options)
    finally:
        _KEPT.slot = None
    trees = tuple(kept) if kept else None
    if document is None:
        return "", None, trees
    return _clean(determine_returnstring(document, options)), document, trees


_KEPT = threading.local()


def _keeping_trees(extract_and_compare):
    """trafilatura's stages 1-2 (``core._extract_and_compare``: main extractor, then
    the comparison unless ``fast``), unchanged but for one thing: the first call
    while this thread's ``_KEPT.slot`` is open puts the trees it starts from in the
    slot (the cleaned tree's backup, the pruned raw tree). Neither is changed by a
    fast run, and they are what the comparison starts from, so the fallback stage
    does not parse, prune and clean the page again."""

    @functools.wraps(extract_and_compare)
    def stages(cleaned_tree, cleaned_tree_backup, tree, options):
        slot = getattr(_KEPT, "slot", None)
        if slot is not None and not slot:  # not a later recall retry's trees
            slot.extend((cleaned_tree_backup, tree))
        return extract_and_compare(cleaned_tree, cleaned_tree_backup, tree, options)

    stages.langforge_keeps_trees = True
    return stages


if KEEP_TREES and not getattr(_STAGES, "langforge_keeps_trees", False):
    _trafilatura_core._extract_and_compare = _keeping_trees(_STAGES)


def _count(stats: StageStats, key: str) -> None:
    stats.extra[key] = stats.extra.get(key, 0) + 1


def _readability_finds_more(source: str, len_text: int, raw=None) -> bool:
    """Whether readability finds more than twice ``len_text`` characters on the page:
    the test by which trafilatura's comparison prefers readability's text
    (``external._prefer_readability``), as a cheap look before the comparison
    itself. It reads a copy of ``raw``, the fast run's pruned raw tree, where kept
    (readability changes the tree it reads), else the page parsed again. On
    trafilatura's 997 evaluation and newspaper pages both send the same pages on."""
    tree = copy(raw) if raw is not None else load_html(source)
    if tree is None:
        return False
    text = tostring(try_readability(tree), method="text", encoding="unicode")
    return len(" ".join(text.split())) > 2 * len_text


def _fallback_stage(source: str, fast_doc, full: Extractor, trees=None) -> str | None:
    """trafilatura's comparison stage (readability, then jusText) run on the fast
    run's result, as ``trafilatura_sequence`` runs it without ``fast``: the same raw
    tree pruning, the same cleaned tree, while the main extractor runs once. Under
    ``favor_precision`` (no baseline rescue, no recall escalation) the text is
    trafilatura's without ``fast`` but for the main extractor's teaser pruning,
    which ``fast`` skips (on trafilatura's evaluation pages 7 of 997 texts differ,
    by a teaser block). ``trees``: the fast run's (cleaned, raw) trees, kept
    (``_keeping_trees``), else the page is parsed, pruned and cleaned again as the
    fast run did. None when the page does not parse."""
    if trees is not None:
        cleaned, raw = trees
    else:
        tree = load_html(source)
        if tree is None:
            return None
        forum = _forum_thread_page(tree)
        raw = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        if not full.comments and (full.focus == "precision" or not forum):
            raw = prune_unwanted_nodes(raw, REMOVE_COMMENTS_AND_LISTS_XPATH)
        cleaned = tree_cleaning(copy(raw), full)
    if fast_doc is None:
        fast_doc = _TrafilaturaDocument()
        body, text = Element("body"), ""
    else:
        body, text = fast_doc.body, fast_doc.raw_text or ""
    body, _ = compare_extraction(cleaned, raw, body, text, full)
    fast_doc.body = body
    return _clean(determine_returnstring(fast_doc, full))


def _extract_with_fallback(source: str, url: str | None, fast: Extractor,
                           full: Extractor | None, config: ExtractConfig,
                           stats: StageStats, may_be_target: TextCheck | None = None) -> str:
    """The fast text, or trafilatura's fallback stage's where it may find more: on a
    page whose fast text is shorter than ``fallback_below_chars`` (default
    ``min_text_chars``), and on one whose fast text is shorter than
    ``fallback_probe_below_chars`` where readability finds more than twice as much
    (and, given ``may_be_target``, the fast text may be in the build's language).
    An exception of the fast run propagates; one of the fallback leaves the fast
    text. With a trafilatura whose internals differ (``STAGED_FALLBACK`` false) the
    fallback reruns the whole extraction without ``fast`` on short pages and keeps
    the longer text."""
    rerun_below = config.fallback_below_chars or config.min_text_chars
    if not STAGED_FALLBACK or full is None:
        text = extract_text(source, fast, url)
        if full is None or len(text) >= rerun_below:
            return text
        _count(stats, FALLBACK_RERUNS)
        try:
            rerun = extract_text(source, full, url)
        except Exception:  # noqa: BLE001 - the fast text stands
            return text
        return _chosen(text, rerun if len(rerun) > len(text) else text, config, stats)
    text, fast_doc, trees = _extraction(source, fast, url, keep_trees=True)
    full.url = url
    if len(text) >= max(rerun_below, config.fallback_probe_below_chars):
        return text
    try:
        if len(text) >= rerun_below:
            if may_be_target is not None and not may_be_target(text):
                _count(stats, FALLBACK_NOT_TARGET)
                return text
            _count(stats, FALLBACK_PROBES)
            if not _readability_finds_more(source, len(text), trees[1] if trees else None):
                return text
        _count(stats, FALLBACK_RERUNS)
        chosen = _fallback_stage(source, fast_doc, full, trees)
    except Exception:  # noqa: BLE001 - the fast text stands
        return text
    return text if chosen is None else _chosen(text, chosen, config, stats)


def _chosen(text: str, chosen: str, config: ExtractConfig, stats: StageStats) -> str:
    if chosen != text:
        _count(stats, FALLBACK_USED)
        if len(chosen) >= config.min_text_chars > len(text):
            _count(stats, FALLBACK_RESCUED)
    return chosen


def extract_pages(pages: Iterable[WebPage], config: ExtractConfig,
                  stats: StageStats, may_be_target: TextCheck | None = None
                  ) -> Iterator[Document]:
    """Turn pages into documents of their main text.

    Drops, by reason: ``record_too_large``, ``binary_payload``,
    ``charset_undecodable``, ``extraction_error`` (an exception inside the
    extractor), ``extraction_empty`` and ``text_too_short``.

    trafilatura runs with ``fast`` (no fallback extractors). With
    ``config.fallback`` its fallback stage (readability, jusText) runs on the fast
    result of a page whose fast text is empty or shorter than
    ``config.fallback_below_chars`` (default ``min_text_chars``), and of one whose
    fast text is shorter than ``config.fallback_probe_below_chars`` where
    readability finds more than twice as much text; ``stats.extra`` counts
    ``fallback_probes``, ``fallback_reruns`` (fallback stages run),
    ``fallback_used`` (pages whose text comes from one) and ``fallback_rescued``
    (pages kept only thanks to one: the fast text was too short).
    ``may_be_target`` (e.g. ``langforge.langid.MayBeLanguage``) spares the look on
    a page whose fast text is not in the build's language (``fallback_not_target``).
    """
    options = _extractor(config)
    full = _extractor(config, fast=False) if config.fallback else None
    for page in pages:
        stats.count_in(page.content)
        if len(page.content) > config.max_record_bytes:
            stats.reject(page, "record_too_large", bytes=len(page.content))
            continue
        if page.is_text:  # WET: Common Crawl's own extraction, kept as it is
            document = _text_document(page, config, stats)
            if document is not None:
                yield stats.count_out(document)
            continue
        if is_binary(page.content, page.http_charset):
            stats.reject(page, "binary_payload")
            continue
        decoded = decode_html(page.content, page.http_charset)
        if decoded is None:
            stats.reject(page, "charset_undecodable", http_charset=page.http_charset)
            continue
        source = tame_attributes(decoded.text.lstrip("\ufeff"))
        try:
            text = _extract_with_fallback(source, page.url or None, options, full, config,
                                          stats, may_be_target)
        except Exception as exc:  # noqa: BLE001 - one bad page must not end the stream
            stats.reject(page, "extraction_error", error=f"{type(exc).__name__}: {exc}"[:300])
            continue
        if not text:
            stats.reject(page, "extraction_empty")
            continue
        if len(text) < config.min_text_chars:
            stats.reject(page, "text_too_short", chars=len(text))
            continue
        metadata = {
            "warc_date": page.warc_date, "crawl": page.crawl, "charset": decoded.charset,
            "charset_source": decoded.source, "cld2": page.cld2,
            "content_language": page.content_language, "html_lang": html_lang(source),
        }
        title = html_title(source)
        if title:
            metadata["title"] = title
        yield stats.count_out(Document(id=page.id, text=text, url=page.url or None,
                                       source=page.source, kind="native", metadata=metadata))


#: A page whose main text is one short paragraph: its extraction goes through
#: trafilatura's whole fallback stage (readability, then jusText).
_WARM_PAGE = (b"<html><head><title>warm-up</title></head><body><nav><a href='/'>Home</a></nav>"
              b"<div><p>A short paragraph of text, and nothing else.</p></div>"
              b"<footer>Copyright</footer></body></html>")


def warm_up(config: ExtractConfig) -> None:
    """Run extraction once on a small page whose text is short, so that what the
    extractor sets up on first use is set up in this process: jusText's stop lists
    (every language's, ~0.3 s), readability's and trafilatura's first-call state.
    A process that forks workers calls this first, so that each forked task does
    not pay it again (see ``pipelines.language.warm_for_workers``)."""
    page = WebPage(url="https://warm-up.invalid/", content=_WARM_PAGE, record_id="warm-up",
                   source="warm-up", http_charset="utf-8")
    for _ in extract_pages([page], config, StageStats("warm-up")):
        pass


def _text_document(page: WebPage, config: ExtractConfig, stats: StageStats) -> Document | None:
    """A document of a WET record's text (UTF-8), or None when it is rejected."""
    if is_binary(page.content, "utf-8"):
        stats.reject(page, "binary_payload")
        return None
    text = _CONTROL_RE.sub("", page.content.decode("utf-8", "replace")).strip()
    if len(text) < config.min_text_chars:
        stats.reject(page, "text_too_short", chars=len(text))
        return None
    metadata = {"warc_date": page.warc_date, "crawl": page.crawl, "charset": "utf-8",
                "charset_source": "wet", "cld2": page.cld2, "source_format": "wet"}
    return Document(id=page.id, text=text, url=page.url or None, source=page.source,
                    kind="native", metadata=metadata)
