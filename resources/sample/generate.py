"""Generate langforge's embedded sample: a small Common-Crawl-like WARC, an English
seed set for translation, and a manifest with the ground truth of every page.

    .venv/bin/python resources/sample/generate.py [--out DIR]

Everything is seeded and timestamps are fixed, so every run writes byte-identical
files (record ids are uuid5 of the URL; warcio's per-record gzip members carry
mtime 0). The texts are written for this project: see the texts_*.py modules.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import struct
import sys
import unicodedata
import uuid
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the text modules beside this script

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

import chrome  # noqa: E402
import pages_sw  # noqa: E402
from langforge.languages import get_language  # noqa: E402
from texts_other import LANGS  # noqa: E402
from texts_seed_en import SEED_DOCS  # noqa: E402
from texts_sw_quality import QUALITY_PAGES  # noqa: E402
from texts_world import WORLD  # noqa: E402

SEED = 20240611
CRAWL = "LANGFORGE-SAMPLE-2024"
YEAR_START = datetime(2024, 1, 3, 6, 0, 0, tzinfo=timezone.utc)
SW_DOMAINS = {
    "kilimo": ["kilimobora.or.tz", "shambani.co.ke"], "afya": ["afyayako.or.tz", "daktarileo.co.ke"],
    "elimu": ["elimuyetu.ac.tz", "darasani.co.tz"], "michezo": ["michezoleo.co.tz", "uwanjani.co.ke"],
    "matangazo": ["kilosadc.go.tz", "mkurangadc.go.tz"], "biashara": ["sokoletu.co.tz"],
    "mazingira": ["mazingirayetu.or.ke"], "teknolojia": ["teknohabari.co.ke"],
    "usafiri": ["safarisalama.co.tz"], "burudani": ["burudanileo.co.ke"], "maji": ["majisafi.or.tz"],
    "hali-ya-hewa": ["haliyahewaleo.co.tz"],
}
SW_NEWS = ["habarimpya.co.tz", "mwangazaleo.co.tz", "sautiyapwani.co.ke", "kalamuyetu.co.ug"]
OTHER_DOMAINS = {
    "eng_Latn": ["riverside-chronicle.co.uk", "northgate-news.com", "sciencedigest.org.au", "techhelp.ie"],
    "fra_Latn": ["journal-rhone.fr", "dakar-info.sn"], "deu_Latn": ["stadtbote-online.de", "grazer-blatt.at"],
    "spa_Latn": ["diariodelsur.es", "noticiasrosario.com.ar"], "por_Latn": ["jornaldonorte.pt", "recifehoje.com.br"],
    "ind_Latn": ["beritabandung.co.id", "kabarjogja.id"], "tur_Latn": ["egehaber.com.tr"],
    "ita_Latn": ["cronacabologna.it"], "nld_Latn": ["utrechtsnieuws.nl", "gentsekrant.be"],
}
OTHER_COUNTS = {"eng_Latn": 36, "fra_Latn": 13, "deu_Latn": 13, "spa_Latn": 13, "por_Latn": 12,
                "ind_Latn": 12, "tur_Latn": 12, "ita_Latn": 8, "nld_Latn": 8}
# CLD2 labels for languages outside the registry, used for realistic mislabels.
CLD2_EXTRA = {"ms": ("msa", "MALAY"), "gl": ("glg", "GALICIAN"), "un": ("und", "Unknown")}
SERVERS = ["nginx", "Apache/2.4.41 (Ubuntu)", "cloudflare", "LiteSpeed", "nginx/1.18.0"]


@dataclass
class Page:
    url: str
    language: str | None  # canonical code; None for pages with no language
    category: str
    title: str = ""
    blocks: list = field(default_factory=list)
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    body: bytes | None = None  # set when not rendered from blocks
    extra_headers: list = field(default_factory=list)
    html_lang: str | None = None
    meta_charset: str | None = "utf-8"
    encoding: str = "utf-8"
    cld2: str | None = None  # CLD2's top label (may be a deliberate mislabel)
    metadata: bool = True
    comments: bool = False
    duplicate_of: str | None = None
    ui_lang: str | None = None

    @property
    def text(self) -> str:
        return "\n".join([self.title] + [t for _, t in self.blocks]) if self.blocks else ""


def slugify(title: str, n: int) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    keep = "".join(c.lower() if c.isalnum() else "-" for c in ascii_title)
    return "-".join(part for part in keep.split("-") if part)[:60] + f"-{n}"


def lid_label(code: str) -> str:
    """The two-letter label CLD2 gives a language (lid.176's, else py3langid's)."""
    lang = get_language(code)
    return lang.label("lid176") or lang.label("py3langid")


def swahili_pages(rng: random.Random) -> list[Page]:
    pages: list[Page] = []
    n = 0

    def add(title, blocks, section, category="article", domain=None, **kw):
        nonlocal n
        n += 1
        domain = domain or rng.choice(SW_DOMAINS.get(section, []) + SW_NEWS)
        month = rng.randint(1, 12)
        url = f"https://{domain}/{section}/2024/{month:02d}/{slugify(title, n)}"
        html_lang = rng.choices(["sw", "sw-TZ", None, "en-US", "sw-KE"], [50, 20, 12, 8, 10])[0]
        page = Page(url=url, language="swh_Latn", category=category, title=title, blocks=blocks,
                    html_lang=html_lang, cld2="sw", comments=rng.random() < 0.3, **kw)
        pages.append(page)
        return page

    for i in range(156):
        topic = pages_sw.TOPICS[i % len(pages_sw.TOPICS)]
        add(*pages_sw.topic_article(rng, topic), topic["section"])
    for i in range(len(pages_sw.RECIPES)):
        add(*pages_sw.recipe_page(rng, i), "mapishi", domain="jikonikwetu.co.tz")
    for i in range(len(pages_sw.STORIES)):
        add(*pages_sw.story_page(rng, i), "hadithi", domain="hadithizetu.co.tz")
    for i in range(len(pages_sw.FORUM_THREADS)):
        add(*pages_sw.forum_page(rng, i), "jukwaa", domain="jukwaahuru.co.tz")
    for _ in range(6):
        add(*pages_sw.blog_page(rng), "blogu", domain=rng.choice(["maishayangu.blogspot.com",
                                                                  "kalamuyabibi.wordpress.com"]))
    originals = [p for p in pages if p.category == "article" and p.url.split("/")[3] not in ("jukwaa",)]
    # Syndicated copies: the same article at another site, with that site's chrome.
    for orig in rng.sample(originals, 6):
        add(orig.title, list(orig.blocks), orig.url.split("/")[3], category="exact_duplicate",
            domain=rng.choice(SW_NEWS), duplicate_of=orig.url)
    # Updated copies: a sentence edited, a paragraph added.
    for orig in rng.sample([p for p in originals if not p.duplicate_of], 6):
        blocks = list(orig.blocks)
        kind, text = blocks[1]
        blocks[1] = (kind, text.replace(".", " kwa mujibu wa taarifa za awali.", 1))
        blocks.append(("p", "Taarifa hii imehaririwa ili kuongeza maelezo mapya kutoka kwa mamlaka husika."))
        add("Imesasishwa: " + orig.title, blocks, orig.url.split("/")[3], category="near_duplicate",
            duplicate_of=orig.url)
    for make, category, count in [(pages_sw.junk_linklist, "junk_linklist", 3),
                                  (pages_sw.junk_spam, "junk_spam", 3),
                                  (pages_sw.junk_short, "junk_short", 3),
                                  (pages_sw.junk_numbers, "junk_numbers", 1),
                                  (pages_sw.junk_repeated, "junk_repeated", 1)]:
        for _ in range(count):
            add(*make(rng), "kurasa", category=category)
    pages[-5].status = "404 Not Found"  # one of the short pages is an honest 404
    add("Wasiliana Nasi", [], "kurasa", category="junk_boilerplate")
    # Deliberate CLD2 mislabels, as in real Common Crawl data.
    for page, label in zip(rng.sample([p for p in pages if p.category == "article"], 5),
                           ["en", "en", "un", "lg", "en"]):
        page.cld2 = label
    return pages


def quality_pages(rng: random.Random) -> list[Page]:
    """Swahili pages that pass extraction and LID but trip one quality threshold each
    (``junk_quality_<threshold key>``), and borderline articles that pass them all.

    They are drawn from their own generator and written after every other record, so
    adding them left the earlier records byte-identical.
    """
    pages = []
    for n, (category, section, title, blocks) in enumerate(QUALITY_PAGES, 1):
        domain = rng.choice(SW_DOMAINS.get(section, []) + SW_NEWS)
        url = f"https://{domain}/{section}/2024/{rng.randint(1, 12):02d}/{slugify(title, 900 + n)}"
        html_lang = rng.choices(["sw", "sw-TZ", None, "sw-KE"], [50, 20, 15, 15])[0]
        pages.append(Page(url=url, language="swh_Latn", category=category, title=title,
                          blocks=list(blocks), html_lang=html_lang, cld2="sw"))
    return pages


def world_pages(rng: random.Random) -> list[Page]:
    """Articles in the other configured languages (texts_world.py), so that every
    configured language builds a small corpus from the sample. Drawn from their own
    generator and written after every other record, like the quality pages."""
    pages = []
    for lang in sorted(WORLD):
        bank = WORLD[lang]
        chrome.UI.setdefault(lang, bank["ui"])
        iso = lid_label(lang)
        for n, (section, title, paragraphs) in enumerate(bank["articles"], 1):
            domain = rng.choice(bank["domains"])
            slug = slugify(title, n)
            if slug.startswith("-"):  # a title with no Latin letters: percent-encoded, as browsers send it
                slug = quote("-".join(title.split()), safe="-") + f"-{n}"
            url = f"https://{domain}/{section}/2024/{rng.randint(1, 12):02d}/{slug}"
            pages.append(Page(url=url, language=lang, category="article", title=title,
                              blocks=[("p", text) for text in paragraphs],
                              html_lang=rng.choice([iso, iso, iso, None]), cld2=iso,
                              metadata=rng.random() >= 0.08, comments=rng.random() < 0.2))
    return pages


def other_pages(rng: random.Random) -> list[Page]:
    pages = []
    for lang, count in OTHER_COUNTS.items():
        bank = LANGS[lang]
        for i in range(count):
            topic_name = rng.choice(sorted(bank["topics"]))
            titles, sentences = bank["topics"][topic_name]
            ctx = {"city": rng.choice(bank["cities"]), "name": rng.choice(bank["names"])}
            fmt = lambda s: s.replace("{city}", ctx["city"]).replace("{name}", ctx["name"]).replace(  # noqa: E731
                "{n}", str(rng.randint(12, 480)))
            picked = rng.sample(sentences, min(len(sentences), rng.randint(6, 9)))
            blocks = [("p", fmt(" ".join(picked[j:j + 3]))) for j in range(0, len(picked), 3)]
            title = fmt(rng.choice(titles))
            domain = rng.choice(OTHER_DOMAINS[lang])
            iso = lid_label(lang)
            pages.append(Page(url=f"https://{domain}/{topic_name}/{slugify(title, i)}", language=lang,
                              category="article", title=title, blocks=blocks,
                              html_lang=rng.choice([iso, iso, None]), cld2=iso,
                              comments=rng.random() < 0.2))
    for page, label in zip(rng.sample([p for p in pages if p.language == "ind_Latn"], 2), ["ms", "ms"]):
        page.cld2 = label
    next(p for p in pages if p.language == "por_Latn").cld2 = "gl"
    eng = [p for p in pages if p.language == "eng_Latn"]
    dup = eng[0]
    pages.append(Page(url=dup.url.replace(dup.url.split("/")[2], "syndicated-news.net"), language="eng_Latn",
                      category="exact_duplicate", title=dup.title, blocks=list(dup.blocks),
                      html_lang="en", cld2="en", duplicate_of=dup.url))
    links = [("li", f"{name} news") for name in ["Local", "World", "Sport", "Weather", "Jobs", "Cars",
                                                  "Property", "Dating", "Travel", "Games", "Puzzles"]]
    pages.append(Page(url="https://northgate-news.com/sitemap", language="eng_Latn", category="junk_linklist",
                      title="Site map", blocks=links, html_lang="en", cld2="en"))
    return pages


def png_bytes(rng: random.Random, size: int = 48) -> bytes:
    """A real (valid) PNG image: random RGB pixels."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
    raw = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(size * 3)) for _ in range(size))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def odd_pages(rng: random.Random) -> list[Page]:
    fr = LANGS["fra_Latn"]["topics"]["sante"][1]
    de = LANGS["deu_Latn"]["topics"]["ratgeber"][1]
    api = {"status": "ok", "items": [{"id": i, "jina": f"Bidhaa {i}", "bei": 1500 * i} for i in range(1, 6)]}
    return [
        Page(url="https://habarimpya.co.tz/wp-content/uploads/2024/03/nembo.png", language=None,
             category="binary", content_type="text/html", body=png_bytes(rng), metadata=False),
        Page(url="https://sokoletu.co.tz/api/v1/bidhaa?ukurasa=1", language=None, category="non_html",
             content_type="application/json", body=json.dumps(api, ensure_ascii=False).encode(), metadata=False),
        Page(url="https://journal-rhone.fr/sante/conseils-pour-mieux-dormir-archives", language="fra_Latn",
             category="legacy_charset", title="Cinq conseils pour mieux dormir – été",
             blocks=[("p", " ".join(fr[:4])), ("p", " ".join(fr[4:]) + " Œuvre collective, coût : 0 €.")],
             content_type="text/html", meta_charset="windows-1252", encoding="cp1252", html_lang="fr", cld2="fr"),
        Page(url="http://stadtbote-online.de/archiv/2009/energie-sparen.html", language="deu_Latn",
             category="legacy_charset", title="So sparen Sie Energie im Winter - Ratgeber für Hausbesitzer",
             blocks=[("p", " ".join(de[:3])), ("p", " ".join(de[3:]) + " Größere Einsparungen bringt ein Austausch.")],
             content_type="text/html", meta_charset=None, encoding="latin-1", html_lang=None, cld2="de"),
        Page(url="http://mwangazaleo.co.tz/habari/zamani", language=None, category="redirect",
             status="301 Moved Permanently", content_type="text/html",
             body=b"<html><body>Moved <a href=\"https://mwangazaleo.co.tz/habari/\">here</a></body></html>",
             extra_headers=[("Location", "https://mwangazaleo.co.tz/habari/")], metadata=False),
        Page(url="https://kalamuyetu.co.ug/feed/empty", language=None, category="empty",
             content_type="text/html; charset=UTF-8", body=b"", metadata=False),
    ]


def render(page: Page, rng: random.Random, headlines: dict[str, list[str]]) -> bytes:
    if page.body is not None:
        return page.body
    ui_lang = page.language
    if page.language == "swh_Latn" and rng.random() < 0.15:
        ui_lang = "eng_Latn"  # an English CMS theme around Swahili content
    html = chrome.render_page(
        rng=rng, ui_lang=ui_lang, html_lang=page.html_lang, domain=page.url.split("/")[2],
        title=page.title, blocks=page.blocks, headlines=rng.sample(headlines[page.language], 4),
        comment_names=["mwananchi", "Mzalendo", "baba_neema", "Kijana wa Mjini", "anon"],
        date_text=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", meta_charset=page.meta_charset,
        comments=page.comments, cookie=rng.random() < 0.6)
    return html.encode(page.encoding)


def cld2_json(page: Page, text_bytes: int, rng: random.Random) -> str:
    label = page.cld2
    if label in CLD2_EXTRA:
        iso3, name = CLD2_EXTRA[label]
    else:
        lang = get_language(label)
        iso3, name = lang.label("cld2"), lang.name.upper()
    reliable = label != "un"
    entry = {"code": label, "code-iso-639-3": iso3, "text-covered": round(rng.uniform(0.62, 0.99), 2),
             "score": float(rng.randint(480, 1400)), "name": name}
    return json.dumps({"reliable": reliable, "text-bytes": text_bytes, "languages": [entry]},
                      separators=(",", ":"))


def rec_id(kind: str, url: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kind + ':' + url)}>"


def write_warc(pages: list[Page], payloads: list[bytes], dates: list[datetime], rng: random.Random,
               out: io.BufferedIOBase) -> list[dict]:
    writer = WARCWriter(out, gzip=True, warc_version="1.0")
    info_id = rec_id("warcinfo", CRAWL)
    info = (f"isPartOf: {CRAWL}\r\npublisher: langforge (generated sample)\r\n"
            "description: Embedded sample crawl written for langforge tests; see manifest.json\r\n"
            "software: resources/sample/generate.py (warcio)\r\nformat: WARC File Format 1.0\r\n").encode()
    headers = StatusAndHeaders("", [("WARC-Type", "warcinfo"), ("WARC-Date", "2024-12-31T23:59:59Z"),
                                    ("WARC-Record-ID", info_id), ("WARC-Filename", "crawl.warc.gz")],
                               protocol="WARC/1.0")
    writer.write_record(writer.create_warc_record("", "warcinfo", payload=io.BytesIO(info),
                                                  length=len(info), warc_headers=headers))
    ids = []
    for page, payload, date in zip(pages, payloads, dates):
        url, host = page.url, page.url.split("/")[2]
        path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
        warc_date = date.strftime("%Y-%m-%dT%H:%M:%SZ")
        ip = ".".join(str(b) for b in hashlib.sha1(host.encode()).digest()[:4])
        req_id, resp_id, meta_id = rec_id("request", url), rec_id("response", url), rec_id("metadata", url)
        common = [("WARC-Date", warc_date), ("WARC-Warcinfo-ID", info_id)]
        req_http = StatusAndHeaders(f"GET {path} HTTP/1.1", [
            ("User-Agent", "CCBot/2.0 (https://commoncrawl.org/faq/)"),
            ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
            ("Accept-Language", "en-US,en;q=0.5"), ("Accept-Encoding", "br,gzip"), ("Host", host),
            ("Connection", "Keep-Alive")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0,
                                                      http_headers=req_http, warc_headers_dict=dict(
            [("WARC-Type", "request"), *common, ("WARC-Record-ID", req_id), ("WARC-IP-Address", ip)])))
        http_headers = [("Date", format_datetime(date, usegmt=True)), ("Server", rng.choice(SERVERS)),
                        ("Content-Type", page.content_type), *page.extra_headers,
                        ("Content-Length", str(len(payload)))]
        resp_http = StatusAndHeaders(page.status, http_headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                      length=len(payload), http_headers=resp_http,
                                                      warc_headers_dict=dict(
            [("WARC-Type", "response"), *common, ("WARC-Record-ID", resp_id),
             ("WARC-Concurrent-To", req_id), ("WARC-IP-Address", ip)])))
        cld2 = None
        if page.metadata:
            cld2 = cld2_json(page, len(page.text.encode()) or len(payload) // 4, rng)
            meta = (f"fetchTimeMs: {rng.randint(40, 2400)}\r\ncharset-detected: "
                    f"{'UTF-8' if page.encoding == 'utf-8' else 'windows-1252'}\r\n"
                    f"languages-cld2: {cld2}\r\n").encode()
            writer.write_record(writer.create_warc_record(url, "metadata", payload=io.BytesIO(meta),
                                                          length=len(meta), warc_headers_dict=dict(
                [("WARC-Type", "metadata"), *common, ("WARC-Record-ID", meta_id),
                 ("WARC-Concurrent-To", resp_id)])))
        ids.append({"record_id": resp_id, "warc_date": warc_date, "cld2": json.loads(cld2) if cld2 else None})
    return ids


def build(out_dir: Path) -> dict:
    rng = random.Random(SEED)
    pages = swahili_pages(rng) + other_pages(rng) + odd_pages(rng)
    for page in pages:
        if page.metadata and rng.random() < 0.08 and page.category == "article":
            page.metadata = False  # CC has no metadata record for some captures
    urls = [p.url for p in pages]
    if len(set(urls)) != len(urls):
        raise ValueError("duplicate URLs in the sample")
    rng.shuffle(pages)
    headlines: dict[str, list[str]] = {}
    for page in pages:
        if page.language and page.title:
            headlines.setdefault(page.language, []).append(page.title)
    payloads = [render(page, rng, headlines) for page in pages]
    seconds = sorted(rng.randrange(0, 360 * 86400) for _ in pages)
    dates = [YEAR_START + timedelta(seconds=s) for s in seconds]
    # Appended later with a generator of their own: the pages above keep their bytes.
    qrng = random.Random(SEED + 1)
    extra = quality_pages(qrng)
    if {p.url for p in extra} & set(urls):
        raise ValueError("duplicate URLs in the sample")
    payloads += [render(page, qrng, headlines) for page in extra]
    for _ in extra:
        dates.append(dates[-1] + timedelta(seconds=qrng.randrange(600, 7200)))
    pages += extra
    # The other configured languages' articles, appended the same way.
    wrng = random.Random(SEED + 2)
    world = world_pages(wrng)
    if {p.url for p in world} & {p.url for p in pages}:
        raise ValueError("duplicate URLs in the sample")
    for page in world:
        headlines.setdefault(page.language, []).append(page.title)
    payloads += [render(page, wrng, headlines) for page in world]
    for _ in world:
        dates.append(dates[-1] + timedelta(seconds=wrng.randrange(600, 7200)))
    pages += world
    out_dir.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    record_info = write_warc(pages, payloads, dates, rng, buf)
    (out_dir / "crawl.warc.gz").write_bytes(buf.getvalue())
    manifest = {"crawl": CRAWL, "warc": "crawl.warc.gz", "seed": SEED, "pages": []}
    for page, info, payload in zip(pages, record_info, payloads):
        manifest["pages"].append({
            "url": page.url, "language": page.language, "category": page.category, "title": page.title,
            "words": len(page.text.split()), "status": int(page.status.split()[0]),
            "content_type": page.content_type, "encoding": page.encoding if page.body is None else None,
            "html_lang": page.html_lang, "cld2_label": page.cld2 if page.metadata else None,
            "cld2_mislabel": bool(page.metadata and page.language and page.cld2 != lid_label(page.language)),
            "has_comments": page.comments, "duplicate_of": page.duplicate_of,
            "payload_bytes": len(payload), "record_id": info["record_id"], "warc_date": info["warc_date"],
            "text": page.text})
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
    with open(out_dir / "seed_en.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for n, (title, text) in enumerate(SEED_DOCS, 1):
            doc = {"id": f"seed-en-{n:03d}", "title": title, "text": text,
                   "url": f"https://langforge.invalid/seed/{slugify(title, n)}",
                   "license": "CC-BY-4.0 (langforge sample)"}
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output directory (default: beside this script)")
    args = parser.parse_args(argv)
    manifest = build(args.out)
    print(f"wrote {len(manifest['pages'])} pages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
