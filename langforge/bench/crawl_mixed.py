"""A second benchmark crawl, of a different make than ``langforge.bench.crawl``.

The first crawl is the trafilatura evaluation pages (mostly German and English)
plus Global Voices Swahili in their layouts; its pre-filter floor was tuned on
it. This one is built to be hard for a Swahili build and was not tuned on:

- ``real``: real pages of other sites and languages: a seeded half of the
  evaluation pages, the newspaper pages (ar, zh, ja, es, th, en) and every HTML
  response of the real Common Crawl and wget WARC excerpts in ``../shared/data``;
- ``many``: text of ~110 languages (Tatoeba) in real layouts (one page each);
- ``related``: UDHR text of every African language in ``udhr-unicode`` except
  Swahili (Bantu languages lid.176 confuses with Swahili among them: Lingala,
  Kirundi, Kinyarwanda, Luganda, Shona, Comorian, Nyanja ...) in real layouts;
- ``swahili``: TICO-19 Swahili (not Global Voices) in real layouts;
- ``heavy``: real layouts with 0.5-1.5 MB of inline script, style and navigation
  added, some of them with Swahili text (category ``swahili``).

The page's category is in its URL (``https://<category>.bench2.invalid/...``), so
a run's kept URLs can be counted per category. Byte-identical on every build.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from langforge.bench.crawl import (BenchCrawl, _main_paragraphs, _parse, read_eval_pages,
                                   swahili_page, write_crawl)
from langforge.errors import InputError

CATEGORIES = ("real", "many", "related", "swahili", "heavy")
UDHR = Path("text") / "udhr-unicode"
TATOEBA = Path("text") / "tatoeba-laser112"
TICO_SW = Path("text") / "tico19" / "tico19-test.sw"
NEWSPAPER = Path("extraction") / "newspaper-multilingual" / "html"
REAL_WARCS = ("warc/cc-2020-34/warcfile.warc.gz", "warc/dolma/sample-0000.warc.gz",
              "warc/dolma/sample-0001.warc.gz", "warc/cc-whirlwind/whirlwind.warc.gz")
SWAHILI_CODES = {"swh", "swa", "swc"}
#: Bantu languages near Swahili (and those lid.176 calls Swahili), given more pages.
CLOSE_TO_SWAHILI = ("swb", "zdj", "lin", "run", "kin", "lug", "sna", "nya", "bem", "kng",
                    "kon", "kik", "tum", "loz", "kam", "luo", "hau", "yor", "zul", "xho")


def category_of(url: str) -> str:
    match = re.match(r"https://([a-z]+)\.bench2\.invalid/", url)
    return match.group(1) if match else "real"


def _paragraphs(lines: list[str], rng: random.Random, low: int = 3, high: int = 6) -> list[str]:
    out, i = [], 0
    while i < len(lines):
        n = rng.randint(low, high)
        out.append(" ".join(lines[i:i + n]))
        i += n
    return out


def udhr_texts(shared_data: Path, region: str = "Africa") -> dict[str, list[str]]:
    """Lines of each UDHR text of ``region`` (ISO 639-3 -> lines), Swahili left out."""
    root = ET.parse(shared_data / UDHR / "index.xml").getroot()
    texts: dict[str, list[str]] = {}
    for entry in root.iter("udhr"):
        code, name = entry.get("iso639-3") or "", entry.get("f") or ""
        if entry.get("region") != region or code in SWAHILI_CODES or code in texts:
            continue
        path = shared_data / UDHR / "txt" / f"udhr_{name}.txt"
        if not path.is_file():
            continue
        body = path.read_text("utf-8").split("---", 1)[-1]
        lines = [" ".join(line.split()) for line in body.splitlines()]
        lines = [line for line in lines if len(line) >= 30]
        if len(lines) >= 20:
            texts[code] = lines
    return texts


def tatoeba_texts(shared_data: Path) -> dict[str, list[str]]:
    texts = {}
    for path in sorted((shared_data / TATOEBA).glob("tatoeba.*-eng.*")):
        code = path.name.split(".")[1].split("-")[0]
        if path.suffix == ".eng" or code in SWAHILI_CODES:
            continue
        texts[code] = [line.strip() for line in path.read_text("utf-8").splitlines()
                       if line.strip()]
    return texts


def real_warc_pages(shared_data: Path) -> list[tuple[str, bytes]]:
    pages = []
    for name in REAL_WARCS:
        path = shared_data / name
        if not path.is_file():
            continue
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" in ctype:
                    pages.append((record.rec_headers.get_header("WARC-Target-URI"),
                                  record.content_stream().read()))
    return pages


def heavy(raw: bytes, rng: random.Random) -> bytes:
    """``raw`` with 0.5-1.5 MB of inline script and style and a long menu before its body text."""
    size = rng.randint(1, 3) * 1024 * 1024
    script = b"<script>var d=[" + b",".join(b'"%08x"' % rng.getrandbits(32)
                                            for _ in range(size // 22)) + b"];</script>"
    style = b"<style>" + b"".join(b".c%d{margin:%dpx}" % (i, i % 17) for i in range(5000)) \
        + b"</style>"
    menu = b"<ul>" + b"".join(b'<li><a href="/p%d">Menu item %d</a></li>' % (i, i)
                             for i in range(3000)) + b"</ul>"
    at = raw.lower().find(b"<body")
    at = raw.find(b">", at) + 1 if at >= 0 else 0
    return raw[:at] + script + style + menu + raw[at:]


def build_mixed_crawl(out_dir: Path, shared_data: Path, *, swahili_share: float = 0.046,
                      related_share: float = 0.108, heavy_pages: int = 24, files: int = 4,
                      seed: int = 2) -> BenchCrawl:
    """Write the second benchmark crawl as ``files`` WARC.gz files under ``out_dir``."""
    rng = random.Random(seed)
    evals = read_eval_pages(shared_data)
    rng.shuffle(evals)
    real_eval, layouts = evals[:len(evals) // 2], evals[len(evals) // 2:]
    records: list[tuple[str, bytes, str]] = [(u, r, "text/html") for u, r in real_eval]
    records += [(u, r, "text/html") for u, r in real_warc_pages(shared_data)]
    for path in sorted((shared_data / NEWSPAPER).glob("*.html")):
        records.append((f"https://real.bench2.invalid/news/{path.stem}", path.read_bytes(),
                        "text/html; charset=utf-8"))
    # layouts with few main paragraphs, so that one text fills several pages
    layouts = [(u, r) for u, r in layouts
               if (doc := _parse(r)) is not None
               and 3 <= len(_main_paragraphs(doc)) <= MAX_PARAGRAPHS]
    layout_iter = iter(layouts * 20)

    def place(category: str, code: str, paragraphs: list[str], pages: int) -> list[str]:
        urls = []
        for _ in range(pages * 4):  # some layouts cannot carry text: try others
            if len(urls) == pages or len(paragraphs) < MIN_LEFT:
                break
            url, raw = next(layout_iter)
            page = swahili_page(raw, paragraphs)
            if page is None:
                continue
            new_url = (f"https://{category}.bench2.invalid/{code}/{len(urls)}/"
                       + url.split("//", 1)[-1])
            records.append((new_url, page, "text/html; charset=utf-8"))
            urls.append(new_url)
        return urls

    for code, lines in tatoeba_texts(shared_data).items():
        place("many", code, _paragraphs(lines, rng), 1)
    base = len(records)
    related = udhr_texts(shared_data)
    related_wanted = round(related_share * base / (1 - related_share - swahili_share))
    # the languages closest to Swahili first, with more pages each, then the others
    order = [c for c in CLOSE_TO_SWAHILI if c in related]
    order += [c for c in related if c not in CLOSE_TO_SWAHILI]
    related_urls: list[str] = []
    for code in order:
        if len(related_urls) >= related_wanted:
            break
        pages = min(3 if code in CLOSE_TO_SWAHILI else 1, related_wanted - len(related_urls))
        related_urls += place("related", code, _paragraphs(related[code], rng, 2, 4), pages)
    sw_lines = [line.strip() for line in (shared_data / TICO_SW).read_text("utf-8").splitlines()
                if line.strip()]
    sw_paragraphs = _paragraphs(sw_lines, rng)
    sw_wanted = round(swahili_share * base / (1 - related_share - swahili_share))
    swahili_urls = place("swahili", "swh", sw_paragraphs, sw_wanted)
    if len(swahili_urls) < sw_wanted:
        raise InputError(f"only {len(swahili_urls)} Swahili pages could be made, "
                         f"{sw_wanted} wanted")
    # heavy pages: half of them Swahili (which must survive), half other real pages
    sw_records = [r for r in records if category_of(r[0]) == "swahili"]
    other_records = [r for r in records[:base] if category_of(r[0]) == "real"]
    for i in range(heavy_pages):
        url, raw, ctype = rng.choice(sw_records if i % 2 else other_records)
        new_url = f"https://heavy.bench2.invalid/{i}/" + url.split("//", 1)[-1]
        if i % 2:
            swahili_urls.append(new_url)
        records.append((new_url, heavy(raw, rng), ctype))
    rng.shuffle(records)
    return write_crawl(out_dir, "bench2", records, files, swahili_urls, seed)


#: Paragraphs a text must still have to fill one more page.
MIN_LEFT = 4
#: Layouts with more main-content paragraphs than this are not used to carry text.
MAX_PARAGRAPHS = 8
