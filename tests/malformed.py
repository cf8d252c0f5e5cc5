"""WARC builders for tests, and a generator of broken WARCs.

``warc_bytes`` writes small, deterministic WARC files with warcio's own writer.
``malformed_cases`` derives one broken file per kind of damage seen in real crawls
(from a real Common Crawl WARC when the shared data is present, else from pages
these builders write); each case says which good pages must still come out and
which named reasons the reader and the extractor must count.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from conftest import SHARED_DATA
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WARC_DATE = "2024-05-01T12:00:00Z"
LONG_TEXT = ("Habari za asubuhi. Mji wa Dar es Salaam una watu wengi sana na biashara "
             "nyingi katika soko kuu la Kariakoo. Watoto wanaenda shule kila siku. ")


class UnseekableStream(io.RawIOBase):
    """A pure stream, like an HTTP download: no seek, no tell."""

    def __init__(self, payload: bytes, chunk_bytes: int = 4096):
        self._inner = io.BytesIO(payload)
        self._chunk_bytes = chunk_bytes

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk = self._inner.read(min(len(buffer), self._chunk_bytes))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@dataclass
class Rec:
    """One WARC record to write."""

    url: str
    rec_type: str = "response"
    body: bytes = b""
    status: str = "200 OK"
    content_type: str | None = "text/html; charset=utf-8"
    http_headers: list[tuple[str, str]] = field(default_factory=list)
    warc_headers: dict[str, str] = field(default_factory=dict)
    record_id: str = ""
    http: bool = True  # response payload starts with HTTP status line and headers


def html_page(title: str, paragraphs: int = 4, text: str = LONG_TEXT, lang: str = "sw",
              head: str = "") -> str:
    body = "".join(f"<p>{text} ({title} {i})</p>\n" for i in range(paragraphs))
    return (f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head>{head}<title>{title}</title></head>"
            f"<body><nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>\n{body}"
            f"</article><footer>Copyright</footer></body></html>\n")


def record_id(url: str, rec_type: str = "response") -> str:
    return f"<urn:uuid:{zlib.crc32(f'{rec_type} {url}'.encode()):08x}-0000-4000-8000-000000000000>"


def warc_bytes(records: list[Rec], *, gzipped: bool = True, warcinfo: dict | None = None) -> bytes:
    """A WARC file (one gzip member per record when ``gzipped``) holding ``records``."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    if warcinfo is not None:
        info = writer.create_warcinfo_record("test.warc.gz", warcinfo)
        info.rec_headers.replace_header("WARC-Date", WARC_DATE)
        info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo", "warcinfo"))
        writer.write_record(info)
    for rec in records:
        headers = {"WARC-Date": WARC_DATE,
                   "WARC-Record-ID": rec.record_id or record_id(rec.url, rec.rec_type),
                   **rec.warc_headers}
        if rec.rec_type == "response" and rec.http:
            http_headers = list(rec.http_headers)
            if rec.content_type is not None:
                http_headers.insert(0, ("Content-Type", rec.content_type))
            status = StatusAndHeaders(rec.status, http_headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(rec.url, "response", payload=io.BytesIO(rec.body),
                                               http_headers=status, warc_headers_dict=headers)
        else:
            content_type = {"metadata": "application/warc-fields"}.get(rec.rec_type,
                                                                      rec.content_type)
            record = writer.create_warc_record(rec.url, rec.rec_type, payload=io.BytesIO(rec.body),
                                               warc_content_type=content_type,
                                               warc_headers_dict=headers)
        writer.write_record(record)
    return out.getvalue()


def cld2_metadata(url: str, code: str = "swa", reliable: bool = True) -> Rec:
    """A Common Crawl style metadata record for the response at ``url``."""
    cld2 = {"reliable": reliable, "text-bytes": 1234,
            "languages": [{"code": code[:2], "code-iso-639-3": code, "text-covered": 0.98,
                           "score": 950.0, "name": "SWAHILI"}]}
    body = (f"fetchTimeMs: 120\r\ncharset-detected: UTF-8\r\n"
            f"languages-cld2: {json.dumps(cld2)}\r\n").encode()
    return Rec(url, rec_type="metadata", body=body,
               warc_headers={"WARC-Concurrent-To": record_id(url)})


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def gzip_members(data: bytes) -> list[tuple[int, int]]:
    """(start, end) byte ranges of each gzip member of a multi-member file."""
    spans, start = [], 0
    while start < len(data):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        decompressor.decompress(data[start:])
        end = len(data) - len(decompressor.unused_data)
        spans.append((start, end))
        start = end
    return spans


def regzip(member_payload: bytes) -> bytes:
    return gzip.compress(member_payload, mtime=0)


def counts(counter: Counter) -> dict[str, int]:
    return {k: v for k, v in sorted(counter.items()) if v}


# -- broken files ---------------------------------------------------------------------------

#: Reasons a damaged record may be counted under, by the reader or the extractor.
DAMAGE_REASONS = frozenset({
    "warc_truncated", "warc_corrupt_record", "warc_length_mismatch", "warc_skipped_bytes",
    "warc_revisit", "input_empty", "input_unreadable", "input_not_warc", "not_http",
    "http_status_not_ok", "not_html", "empty_payload", "payload_too_large",
    "record_too_large", "binary_payload", "charset_undecodable", "extraction_empty",
    "extraction_error", "text_too_short",
})


@dataclass
class Case:
    """One broken file: which URLs are damaged, and which reasons must be counted."""

    kind: str
    data: bytes
    damaged_urls: set[str] = field(default_factory=set)
    reasons: set[str] = field(default_factory=set)  # each must be counted at least once
    documents: set[str] = field(default_factory=set)  # damaged URLs that must still come out
    before: list[bytes] = field(default_factory=list)  # whole files read first, same run
    texts: dict[str, str] = field(default_factory=dict)  # URL -> text its document must hold
    extra: set[str] = field(default_factory=set)  # stats.extra counters that must be counted
    standalone: bool = False  # data is not derived from the base file


def synthetic_base(pages: int = 8) -> bytes:
    """A gzipped WARC of good Swahili pages with CC-style metadata (no shared data)."""
    records: list[Rec] = []
    for i in range(pages):
        url = f"http://sw.example/page/{i}"
        records += [Rec(url, body=html_page(f"Ukurasa {i}").encode()), cld2_metadata(url)]
    return warc_bytes(records, warcinfo={"isPartOf": "CC-MAIN-TEST"})


def _members(data: bytes) -> list[bytes]:
    return [data[a:b] for a, b in gzip_members(data)]


def _plain(member: bytes) -> bytes:
    return gzip.decompress(member)


def _response_indexes(members: list[bytes]) -> list[int]:
    return [i for i, m in enumerate(members) if b"WARC-Type: response" in _plain(m)[:2000]]


def _url(member: bytes) -> str:
    for line in _plain(member)[:4000].split(b"\r\n"):
        if line.startswith(b"WARC-Target-URI:"):
            return line.split(b":", 1)[1].strip().decode()
    return ""


def _one(rec: Rec) -> bytes:
    if rec.rec_type == "response" and not rec.http:  # warcio's writer insists on HTTP
        return _raw_record(rec.url, rec.body, rec.content_type or "")
    return warc_bytes([rec])


def _raw_record(url: str, block: bytes, content_type: str, rec_type: str = "response",
                extra_headers: str = "", gzipped: bool = True) -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Record-ID: {record_id(url, rec_type)}"
            f"\r\nWARC-Date: {WARC_DATE}\r\nWARC-Target-URI: {url}\r\n{extra_headers}"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    record = head.encode() + block + b"\r\n\r\n"
    return regzip(record) if gzipped else record


def _header(member: bytes, name: bytes) -> str:
    for line in _plain(member)[:4000].split(b"\r\n"):
        if line.lower().startswith(name.lower() + b":"):
            return line.split(b":", 1)[1].strip().decode()
    return ""


def _with_header(member: bytes, name: bytes, value: bytes | None) -> bytes:
    """The record with one WARC header replaced (None: removed), re-gzipped."""
    plain = _plain(member)
    head, sep, rest = plain.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(name.lower() + b":")]
    if value is not None:
        lines.append(name + b": " + value)
    return regzip(b"\r\n".join(lines) + sep + rest)


def _arc_file(pages: int = 2, wrong_length: dict[int, int] | None = None) -> bytes:
    """A small ARC (v1) file, one gzip member per record; ``wrong_length`` maps a
    page number to the bytes added to its declared length."""
    def arc_record(i: int) -> bytes:
        url, body = f"http://arc.example/{i}", html_page(f"Arc {i}").encode()
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        length = len(http) + (wrong_length or {}).get(i, 0)
        return regzip(f"{url} 93.184.216.34 20140216050221 text/html {length}\n".encode()
                      + http + b"\n")

    desc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    header = regzip(b"filedesc://test.arc 127.0.0.1 20140216050221 text/plain "
                    + str(len(desc)).encode() + b"\n" + desc + b"\n")
    return header + b"".join(arc_record(i) for i in range(pages))


def malformed_cases(base: bytes) -> list[Case]:
    """Broken variants of ``base`` (a gzipped WARC, one member per record)."""
    members = _members(base)
    responses = _response_indexes(members)
    mid = responses[len(responses) // 2]
    victim = _url(members[mid])
    insert_at = mid  # a record boundary before the middle response (and its request)
    while insert_at > 0 and b"WARC-Type: request" in _plain(members[insert_at - 1])[:2000]:
        insert_at -= 1

    def inserted(*extra: bytes) -> bytes:
        return b"".join(members[:insert_at] + list(extra) + members[insert_at:])

    def replaced(new: bytes) -> bytes:
        return b"".join(members[:mid] + [new] + members[mid + 1:])

    plain_all = b"".join(_plain(m) for m in members)
    cases: list[Case] = []

    last = responses[-1]
    cut = members[last][: len(members[last]) // 2]
    cases.append(Case("truncated_gzip_member", b"".join(members[:last]) + cut,
                      {_url(members[last])}, {"warc_truncated"}))

    corrupt = bytearray(members[mid])
    for k in range(len(corrupt) // 2, len(corrupt) // 2 + 24):
        corrupt[k] ^= 0x5A
    cases.append(Case("corrupt_bytes_mid_record", replaced(bytes(corrupt)), {victim}, set()))

    plain_mid = _plain(members[mid])
    garbage = plain_mid[: len(plain_mid) // 3] + b"\x00\xff garbage \xfe" * 50
    cases.append(Case("corrupt_bytes_uncompressed", b"".join(
        [_plain(m) for m in members[:mid]] + [garbage]
        + [_plain(m) for m in members[mid + 1:]]), {victim}, {"warc_length_mismatch"}))

    length = int(plain_mid.split(b"Content-Length:", 1)[1].split(b"\r\n", 1)[0])
    for label, wrong in (("small", length // 2), ("large", length + 5000)):
        cases.append(Case(f"wrong_content_length_{label}_gz", replaced(
            _with_header(members[mid], b"Content-Length", str(wrong).encode())),
            {victim}, {"warc_length_mismatch"}))
        plain_wrong = _plain(_with_header(members[mid], b"Content-Length", str(wrong).encode()))
        cases.append(Case(f"wrong_content_length_{label}_plain", b"".join(
            [_plain(m) for m in members[:mid]] + [plain_wrong]
            + [_plain(m) for m in members[mid + 1:]]), {victim}, {"warc_length_mismatch"}))

    for header in (b"WARC-Type", b"WARC-Target-URI", b"Content-Length", b"WARC-Record-ID"):
        cases.append(Case(f"missing_header_{header.decode()}", replaced(
            _with_header(members[mid], header, None)), {victim}, set()))

    cases.append(Case("non_http_payload", inserted(
        _one(Rec("http://bad.example/nohttp", http=False, body=b"hello, this is not HTTP\r\n",
                 content_type="application/http; msgtype=response")),
        _one(Rec("dns:bad.example", http=False, body=b"20240501 bad.example. 300 IN A 1.2.3.4",
                 content_type="text/dns"))),
        {"http://bad.example/nohttp", "dns:bad.example"}, {"not_http"}))

    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
    cases.append(Case("binary_labelled_html", inserted(_one(Rec(
        "http://bad.example/png", body=png, content_type="text/html"))),
        {"http://bad.example/png"}, {"binary_payload"}))

    cyrillic = ("\u0423\u0447\u0438\u0442\u0435\u043b\u044c \u0441\u043a\u0430\u0437\u0430\u043b, "
                "\u0447\u0442\u043e \u0432\u0441\u0435 \u0443\u0447\u0435\u043d\u0438\u043a\u0438 "
                "\u043f\u043e\u043b\u0443\u0447\u0430\u0442 \u043d\u043e\u0432\u044b\u0435 "
                "\u043a\u043d\u0438\u0433\u0438. ") * 3
    cases.append(Case("wrong_or_missing_charset", inserted(
        _one(Rec("http://bad.example/wrong-charset", content_type="text/html; charset=utf-8",
                 body=html_page("Kirusi", text=cyrillic).encode("cp1251"))),
        _one(Rec("http://bad.example/no-charset", content_type="text/html",
                 body=html_page("Bila", head='<meta charset="no-such">').encode("utf-8"))),
        _one(Rec("http://bad.example/bogus-http", content_type="text/html; charset=bogus",
                 body=html_page("Bogus").encode("utf-8")))),
        set(), set(), {"http://bad.example/wrong-charset", "http://bad.example/no-charset",
                       "http://bad.example/bogus-http"}))

    huge = html_page("Kubwa", paragraphs=300_000, text="Habari. ").encode()  # ~50 MB
    cases.append(Case("page_50mb", inserted(_one(Rec("http://bad.example/huge", body=huge))),
                      {"http://bad.example/huge"}, {"record_too_large"}))

    nested = ("<html><body>" + "<div>" * 100_000 + "<p>" + LONG_TEXT * 3 + "</p>"
              + "</div>" * 100_000 + "</body></html>").encode()
    cases.append(Case("deeply_nested_html", inserted(_one(Rec("http://bad.example/nested",
                                                             body=nested))),
                      {"http://bad.example/nested"}, set()))

    cases.append(Case("empty_responses", inserted(
        _one(Rec("http://bad.example/empty-body", body=b"")),
        _one(Rec("http://bad.example/empty-record", http=False, body=b"",
                 content_type="application/http; msgtype=response"))),
        {"http://bad.example/empty-body", "http://bad.example/empty-record"},
        {"empty_payload", "not_http"}))

    cases.append(Case("arc_file", _arc_file(), set(), set(),
                      {"http://arc.example/0", "http://arc.example/1"}))
    cases.append(Case("uncompressed_warc", plain_all, set(), set()))

    bomb = gzip.compress(b" " * (200 * 1024 * 1024), compresslevel=9)  # 200 MiB from ~200 KB
    cases.append(Case("decompression_bomb", inserted(_one(Rec(
        "http://bad.example/bomb", body=bomb, http_headers=[("Content-Encoding", "gzip")]))),
        {"http://bad.example/bomb"}, {"payload_too_large"}))

    dirty = (html_page("Chafu\x01\x02", text=LONG_TEXT + "\x00\x07\x1b bell \x7f ").encode()
             .replace(b"Habari za", b"Habari \xff\xfe\xc3( za"))
    url_record = _with_header(_one(Rec("http://bad.example/dirty-url", body=html_page(
        "Anwani").encode())), b"WARC-Target-URI", b"http://bad.example/\x01\x7f\xff\xfe/p\xc3(")
    cases.append(Case("invalid_utf8_and_controls", inserted(
        _one(Rec("http://bad.example/dirty", body=dirty)), url_record),
        set(), set(), {"http://bad.example/dirty"}))

    long_line = html_page("Mstari", paragraphs=1,
                          text=LONG_TEXT * 6_000).replace("\n", " ").encode()  # one 900 KB line
    long_header = _with_header(_one(Rec("http://bad.example/long-header", body=html_page(
        "Kichwa").encode())), b"X-Long", b"x" * 2_000_000)
    cases.append(Case("extremely_long_lines", inserted(
        _one(Rec("http://bad.example/long-line", body=long_line)), long_header),
        set(), set(), {"http://bad.example/long-line", "http://bad.example/long-header"}))
    cases += record_level_cases(members, mid, insert_at)
    cases += file_level_cases(members, responses)
    return cases


def record_level_cases(members: list[bytes], mid: int, insert_at: int) -> list[Case]:
    """Damage inside one record, or records that are not what they claim."""
    victim = _url(members[mid])

    def inserted(*extra: bytes) -> bytes:
        return b"".join(members[:insert_at] + list(extra) + members[insert_at:])

    cases: list[Case] = []
    cut_headers = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Len"
    cases.append(Case("truncated_http_headers", inserted(_raw_record(
        "http://bad.example/cut-headers", cut_headers, "application/http; msgtype=response")),
        {"http://bad.example/cut-headers"}, {"empty_payload"}))

    twin = Rec("http://bad.example/same-id", body=html_page("Pacha").encode(),
               record_id=_header(members[mid], b"WARC-Record-ID"))
    cases.append(Case("duplicate_record_ids", inserted(_one(twin)), set(), set(),
                      {"http://bad.example/same-id", victim}, extra={"duplicate_record_ids"}))

    revisit = _raw_record(
        victim, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        "application/http; msgtype=response", rec_type="revisit",
        extra_headers="WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-"
                      "digest\r\nWARC-Refers-To-Target-URI: " + victim + "\r\n")
    cases.append(Case("revisit_record", inserted(revisit), set(), {"warc_revisit"}, {victim}))

    request = b"GET /page HTTP/1.1\r\nHost: bad.example\r\nUser-Agent: test\r\n\r\n"
    cases.append(Case("response_holding_a_request", inserted(_raw_record(
        "http://bad.example/request", request, "application/http; msgtype=request")),
        {"http://bad.example/request"}, {"not_http"}))

    # the middle response's own records, reversed (metadata, response, request)
    first = insert_at
    last = mid + 1
    while last < len(members) and b"WARC-Type: metadata" in _plain(members[last])[:2000]:
        last += 1
    cases.append(Case("records_out_of_order", b"".join(
        members[:first] + members[first:last][::-1] + members[last:]), set(), set(), {victim}))

    cases.append(Case("mixed_gzip_and_plain_members", b"".join(
        [m if i % 3 else _plain(m) for i, m in enumerate(members)]), set(), set()))

    # each character's UTF-8 bytes are valid in cp1252 too (a wrong label decodes
    # "fine" into mojibake), and some lie outside Latin-1
    mojibake_text = ("Habari za \u2018asubuhi\u2019, mwalimu Se\u00f1or na caf\u00e9; "
                     "\u014b\u0254mb\u025b ya m\u025b. ") * 20
    beyond_latin1 = "\u014b\u0254mb\u025b ya m\u025b"
    cases.append(Case("charset_declared_differs_from_used", inserted(
        _one(Rec("http://bad.example/utf8-as-1252", content_type="text/html; charset=windows-1252",
                 body=html_page("Tofauti", text=mojibake_text).encode())),
        _one(Rec("http://bad.example/utf8-meta-latin1", content_type="text/html",
                 body=html_page("Meta", text=mojibake_text,
                                head='<meta charset="iso-8859-1">').encode()))),
        set(), set(), {"http://bad.example/utf8-as-1252", "http://bad.example/utf8-meta-latin1"},
        texts={"http://bad.example/utf8-as-1252": "\u2018asubuhi\u2019, mwalimu Se\u00f1or",
               "http://bad.example/utf8-meta-latin1": beyond_latin1}))

    # each BOM with a contradicting charset label, or none
    boms = {"utf-8-sig": "iso-8859-1", "utf-16": "utf-8", "utf-32": None,
            "utf-16-be": "windows-1252", "utf-16-le": None}
    bom_pages = []
    for encoding, charset in boms.items():
        text = html_page(f"BOM {encoding}", text=mojibake_text)
        body = text.encode(encoding)
        if encoding in ("utf-16-be", "utf-16-le"):  # these codecs write no BOM themselves
            body = "\ufeff".encode(encoding) + body
        content_type = "text/html" + (f"; charset={charset}" if charset else "")
        bom_pages.append(_one(Rec(f"http://bad.example/bom-{encoding}", body=body,
                                  content_type=content_type)))
    urls = {f"http://bad.example/bom-{encoding}" for encoding in boms}
    cases.append(Case("byte_order_marks", inserted(*bom_pages), set(), set(), urls,
                      texts={url: beyond_latin1 for url in urls}))

    wide = {"utf-16le": "utf-16-le", "utf-16": "utf-16-be", "UTF-16BE": "utf-16-be"}
    cases.append(Case("utf16_without_bom", inserted(*(
        _one(Rec(f"http://bad.example/wide-{label}", content_type=f"text/html; charset={label}",
                 body=html_page(f"Pana {label}", text=mojibake_text).encode(encoding)))
        for label, encoding in wide.items())), set(), set(),
        {f"http://bad.example/wide-{label}" for label in wide},
        texts={f"http://bad.example/wide-{label}": beyond_latin1 for label in wide}))

    attributes = " ".join(f'data-a{i}="{i}"' for i in range(100_000))
    many = (f"<html><body><div {attributes}><article><p>{LONG_TEXT * 3}</p></article></div>"
            "</body></html>").encode()
    cases.append(Case("html_100k_attributes", inserted(_one(Rec(
        "http://bad.example/attributes", body=many))), set(), set(),
        {"http://bad.example/attributes"}, texts={"http://bad.example/attributes": LONG_TEXT[:40]}))

    tables = ("<html><body>" + "<table><tr><td>" * 5_000 + f"<p>{LONG_TEXT * 3}</p>"
              + "</td></tr></table>" * 5_000 + "</body></html>").encode()
    cases.append(Case("deeply_nested_tables", inserted(_one(Rec(
        "http://bad.example/tables", body=tables))), {"http://bad.example/tables"}, set()))

    cases.append(Case("arc_bad_lengths", _arc_file(4, {1: 400, 2: -40}),
                      {"http://arc.example/1", "http://arc.example/2"},
                      set(), {"http://arc.example/0", "http://arc.example/3"}, standalone=True))
    return cases


def file_level_cases(members: list[bytes], responses: list[int]) -> list[Case]:
    """Bytes that belong to no record, and whole files that are no WARC."""
    base = b"".join(members)
    skipped = {"warc_skipped_bytes"}
    cases = [
        Case("crlf_before_first_member", b"\r\n" + base, set(), skipped),
        Case("bom_before_first_member", b"\xef\xbb\xbf" + base, set(), skipped),
        Case("junk_before_first_member", b"<html>not a record</html>\x00\xff" * 40 + base,
             set(), skipped),
    ]
    # before and after responses, in the middle, and at the end
    places = sorted({responses[0], responses[0] + 1, responses[len(responses) // 2],
                     responses[-1]})

    def padded(junk: bytes) -> bytes:
        out = [m if i not in places else junk + m for i, m in enumerate(members)]
        return b"".join(out) + junk

    cases.append(Case("nul_padding_between_members", padded(b"\x00" * 512), set(), skipped))
    cases.append(Case("garbage_between_members", padded(b"\xde\xad garbage \x1f\x8b\x08 junk"),
                      set(), skipped))
    cases.append(Case("crlf_between_members", padded(b"\r\n"), set(), skipped))
    plain = [_plain(m) for m in members]
    cases.append(Case("uncompressed_with_junk", b"\xef\xbb\xbf" + b"".join(
        [p if i not in places else b"junk line\r\n" + p for i, p in enumerate(plain)]),
        set(), skipped))

    cases.append(Case("zero_byte_file", base, set(), {"input_empty"}, before=[b""]))
    cases.append(Case("not_a_warc_file", base, set(), {"input_not_warc"},
                      before=[gzip.compress(b"<html><body>not a WARC</body></html>\n" * 50)]))
    requests_only = b"".join(_raw_record(
        f"http://req.example/{i}", b"GET / HTTP/1.1\r\nHost: req.example\r\n\r\n",
        "application/http; msgtype=request", rec_type="request") for i in range(3))
    cases.append(Case("request_records_only", base, set(), set(), before=[requests_only]))
    metadata_only = b"".join(m for m in members if b"WARC-Type: metadata" in _plain(m)[:2000])
    cases.append(Case("metadata_records_only", base, set(), set(),
                      before=[metadata_only or warc_bytes([cld2_metadata("http://x.example/")])]))
    return cases


#: The real Common Crawl file the broken variants derive from, when present.
SHARED_BASE = SHARED_DATA / "warc/cc-2020-34/warcfile.warc.gz"
