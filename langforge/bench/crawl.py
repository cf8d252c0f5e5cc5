"""The benchmark crawl: real pages in other languages plus real Swahili in real layouts.

Other-language pages are the 990 pages of trafilatura's evaluation set (mostly
German and English). Swahili pages are made from real page layouts of that set:
the text of their main-content paragraphs (``<p>`` with at least
``MIN_PARAGRAPH_CHARS`` characters), their ``<title>`` and ``<h1>`` is replaced
by consecutive Global Voices sentences (``train.swa``), while menus, footers
and the declared ``<html lang>`` stay as they were, so that the pre-filter gets
no help from boilerplate or declarations. Pages are shuffled with a seed and
written as gzipped WARC response records, several files, byte-identical on
every build.
"""

from __future__ import annotations

import io
import json
import random
import tarfile
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import lxml.html
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from langforge.errors import InputError

EVAL_ARCHIVE = Path("extraction") / "trafilatura-eval-990.tar.xz"
SWAHILI_TEXT = Path("text") / "globalvoices-en-sw" / "train.swa"
MIN_PARAGRAPH_CHARS = 40
MIN_PARAGRAPHS = 3
WARC_DATE = "2024-01-01T00:00:00Z"
_ID_NAMESPACE = uuid.UUID("6f1f5a52-4c0e-4bb3-9d0e-0b8f6c1f2a10")


@dataclass
class BenchCrawl:
    """What was built: the WARC files and which URLs hold Swahili."""

    warcs: list[str]
    pages: int
    swahili_urls: list[str] = field(default_factory=list)
    seed: int = 0

    @property
    def swahili_share(self) -> float:
        return len(self.swahili_urls) / self.pages if self.pages else 0.0

    def save(self, path: Path) -> None:
        data = asdict(self) | {"swahili_share": round(self.swahili_share, 4)}
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def read_eval_pages(shared_data: Path, limit: int | None = None) -> list[tuple[str, bytes]]:
    """(URL, raw HTML bytes) of the evaluation set's pages, sorted by URL."""
    archive = shared_data / EVAL_ARCHIVE
    if not archive.is_file():
        raise InputError(f"benchmark source {archive} not found (needs ../shared/data)")
    files: dict[str, bytes] = {}
    evaldata: dict | None = None
    with tarfile.open(archive, "r:xz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            name = member.name.rsplit("/", 1)[-1]
            data = tar.extractfile(member).read()
            if name == "evaldata.json":
                evaldata = json.loads(data)
            elif "/eval/" in member.name or "/cache/" in member.name:
                files[name] = data
    if evaldata is None:
        raise InputError(f"{archive}: no evaldata.json inside")
    # a few keys are labels ("hard::site.html"), not URLs; warcio reads HTTP
    # headers only for http(s) targets
    pages = sorted((url if url.startswith(("http://", "https://"))
                    else f"https://bench.invalid/{url.replace('::', '/')}", files[entry["file"]])
                   for url, entry in evaldata.items() if entry.get("file") in files)
    return pages[:limit] if limit else pages


def swahili_paragraphs(shared_data: Path, rng: random.Random) -> list[str]:
    """Global Voices Swahili sentences joined, in order, into paragraphs of 3-6."""
    path = shared_data / SWAHILI_TEXT
    if not path.is_file():
        raise InputError(f"Swahili text {path} not found (needs ../shared/data)")
    lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    paragraphs, i = [], 0
    while i < len(lines):
        n = rng.randint(3, 6)
        paragraphs.append(" ".join(lines[i:i + n]))
        i += n
    return paragraphs


def _main_paragraphs(doc: lxml.html.HtmlElement) -> list:
    return [p for p in doc.iter("p")
            if len(" ".join(p.text_content().split())) >= MIN_PARAGRAPH_CHARS]


def _parse(raw: bytes) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return None


def _replace_text(element, text: str) -> None:
    tail, attrib = element.tail, dict(element.attrib)
    element.clear()
    element.attrib.update(attrib)
    element.text, element.tail = text, tail


def swahili_page(raw: bytes, paragraphs: list[str]) -> bytes | None:
    """The layout of ``raw`` with its main text replaced by Swahili, as UTF-8 HTML.

    Paragraphs are taken from the front of ``paragraphs`` (consumed). None when
    the page has too few main-content paragraphs to carry the text.
    """
    doc = _parse(raw)
    if doc is None:
        return None
    targets = _main_paragraphs(doc)
    if len(targets) < MIN_PARAGRAPHS or len(paragraphs) < len(targets) + 1:
        return None
    heading = paragraphs[0].split(". ")[0][:90]
    for element in list(doc.iter("title", "h1")):
        _replace_text(element, heading)
    for element in targets:
        _replace_text(element, paragraphs.pop(0))
    for meta in doc.xpath("//meta[@charset or translate(@http-equiv, 'CONTENT-TYP', "
                          "'content-typ')='content-type']"):
        meta.getparent().remove(meta)
    head = doc.find("head")
    if head is not None:
        head.insert(0, lxml.html.Element("meta", charset="utf-8"))
    return lxml.html.tostring(doc, encoding="utf-8", method="html", doctype="<!DOCTYPE html>")


def _write_warc(path: Path, records: list[tuple[str, bytes, str]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body, content_type in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            headers = {"WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(_ID_NAMESPACE, url)}>",
                       "WARC-Date": WARC_DATE, "WARC-Identified-Payload-Type": "text/html"}
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict=headers))


def build_crawl(out_dir: Path, shared_data: Path, *, swahili_share: float = 0.035,
                files: int = 4, seed: int = 0, limit: int | None = None) -> BenchCrawl:
    """Write the benchmark crawl as ``files`` WARC.gz files under ``out_dir``.

    Args:
        swahili_share: wanted share of Swahili pages among all pages.
        limit: use only the first ``limit`` evaluation pages (for smoke tests).
    """
    if not 0 < swahili_share < 0.5:
        raise ValueError(f"swahili_share must be in (0, 0.5), got {swahili_share}")
    if files < 1:
        raise ValueError(f"files must be positive, got {files}")
    rng = random.Random(seed)
    others = read_eval_pages(shared_data, limit)
    paragraphs = swahili_paragraphs(shared_data, rng)
    wanted = max(1, round(swahili_share * len(others) / (1 - swahili_share)))
    records = [(url, raw, "text/html") for url, raw in others]
    swahili_urls: list[str] = []
    for url, raw in rng.sample(others, len(others)):
        if len(swahili_urls) == wanted:
            break
        page = swahili_page(raw, paragraphs)
        if page is not None:
            sw_url = url.rstrip("/") + "/sw/"
            records.append((sw_url, page, "text/html; charset=utf-8"))
            swahili_urls.append(sw_url)
    if len(swahili_urls) < wanted:
        raise InputError(f"only {len(swahili_urls)} layouts can carry Swahili text, "
                         f"{wanted} wanted")
    rng.shuffle(records)
    return write_crawl(out_dir, "bench", records, files, swahili_urls, seed)


def write_crawl(out_dir: Path, prefix: str, records: list[tuple[str, bytes, str]], files: int,
                swahili_urls: list[str], seed: int) -> BenchCrawl:
    """Write ``records`` in order as ``files`` WARC.gz files ``<prefix>-NN.warc.gz``
    (earlier ones removed) and the crawl's ``crawl.json``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{prefix}-*.warc.gz"):
        old.unlink()
    warcs = []
    per_file = -(-len(records) // files)
    for i in range(files):
        path = out_dir / f"{prefix}-{i:02d}.warc.gz"
        _write_warc(path, records[i * per_file:(i + 1) * per_file])
        warcs.append(str(path))
    crawl = BenchCrawl(warcs=warcs, pages=len(records), swahili_urls=sorted(swahili_urls),
                       seed=seed)
    crawl.save(out_dir / "crawl.json")
    return crawl


def startup_warc(crawl: BenchCrawl, path: Path) -> str:
    """Write a one-page WARC file holding the crawl's first Swahili page (its record
    copied as it is) and return its path. A system's run on it costs what starting
    costs (imports, models, one page through every stage), so that subtracting it
    from a run on the crawl leaves the cost of the pages themselves."""
    wanted = set(crawl.swahili_urls)
    for warc in crawl.warcs:
        with open(warc, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response" \
                        and record.rec_headers.get_header("WARC-Target-URI") in wanted:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    with path.open("wb") as out:
                        WARCWriter(out, gzip=True).write_record(record)
                    return str(path)
    raise InputError(f"no Swahili page in the crawl {crawl.warcs}: no start-up page")
