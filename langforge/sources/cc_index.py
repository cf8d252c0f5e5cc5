"""Find the records worth fetching: Common Crawl's columnar index and its CDX API.

The columnar (Parquet) URL index has one row per capture with the CLD2 verdict
(``content_languages``, e.g. ``"swa,eng"``), the host's top-level domain and the
record's place in its WARC file (``warc_filename``, ``warc_record_offset``,
``warc_record_length``). DuckDB queries it where it lies (local files, or HTTPS
with Range reads of only the needed columns), and equally a user's own table of
filename/offset/length exported from Athena or Spark (CSV or Parquet).

CLD2 misses many low-resource languages, so an index query narrows the work; it
never replaces the pipeline's own LID. The counts offered here sit beside the
counts the LID keeps.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import urlencode

import pyarrow as pa
import pyarrow.parquet as pq

from langforge.errors import ConfigError, InputError
from langforge.languages import Language
from langforge.sources.cc_listing import (
    DEFAULT_BASE_URL, DEFAULT_CDX_URL, check_crawl, list_crawl_paths, normalise_base_url,
    resolve_url)
from langforge.sources.http import HttpClient
from langforge.storage import atomic_path

log = logging.getLogger(__name__)

#: The columnar index's columns this module reads (Common Crawl's names).
INDEX_COLUMNS = ("url", "url_host_tld", "url_host_registered_domain", "content_languages",
                 "warc_filename", "warc_record_offset", "warc_record_length",
                 "fetch_status", "content_mime_detected", "crawl", "subset")
#: The least a user-supplied table must have.
REQUIRED_COLUMNS = ("warc_filename", "warc_record_offset", "warc_record_length")


@dataclass(frozen=True, order=True)
class IndexRecord:
    """One capture to fetch: where its record lies, and what the index says of it."""

    warc_filename: str
    warc_record_offset: int
    warc_record_length: int
    url: str | None = None
    crawl: str | None = None
    content_languages: str | None = None
    url_host_tld: str | None = None

    @property
    def end(self) -> int:
        """One past the record's last byte."""
        return self.warc_record_offset + self.warc_record_length


SELECTION_SCHEMA = pa.schema([
    ("warc_filename", pa.string()),
    ("warc_record_offset", pa.int64()),
    ("warc_record_length", pa.int64()),
    ("url", pa.string()),
    ("crawl", pa.string()),
    ("content_languages", pa.string()),
    ("url_host_tld", pa.string()),
])


@dataclass(frozen=True)
class IndexQuery:
    """Which captures to select. With both ``language`` and ``tlds``, ``match="any"``
    takes either (CLD2 says the language, or the host is under a TLD) and
    ``match="all"`` requires both. Filters on columns a table lacks are errors."""

    language: Language | None = None
    tlds: tuple[str, ...] = ()
    match: str = "any"
    primary_language_only: bool = False
    crawl: str | None = None
    subset: str | None = "warc"
    fetch_status: int | None = 200
    mime_types: tuple[str, ...] = ("text/html", "application/xhtml+xml")
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.match not in ("any", "all"):
            raise ConfigError(f"IndexQuery.match must be 'any' or 'all', got {self.match!r}")
        if self.language is not None and not isinstance(self.language, Language):
            raise ConfigError("IndexQuery.language must be a Language from the registry "
                              "(langforge.languages.get_language)")
        if self.language is not None and self.language.label("cld2") is None:
            raise ConfigError(f"{self.language.code} has no CLD2 label in the language "
                              "registry; select by tlds instead")
        if self.limit is not None and self.limit < 1:
            raise ConfigError(f"IndexQuery.limit must be >= 1, got {self.limit}")
        object.__setattr__(self, "tlds", tuple(t.strip().lstrip(".").lower() for t in self.tlds))


def _reader_sql(sources: Sequence[str]) -> str:
    """DuckDB's table function for the sources (all Parquet, or all CSV)."""
    kinds = {"csv" if s.lower().endswith((".csv", ".csv.gz", ".tsv", ".tsv.gz")) else "parquet"
             for s in sources}
    if len(kinds) > 1:
        raise ConfigError("index sources mix CSV and Parquet; pass one kind at a time")
    listing = "[" + ", ".join("'" + s.replace("'", "''") + "'" for s in sources) + "]"
    if kinds == {"csv"}:
        return f"read_csv({listing}, header=true, union_by_name=true)"
    hive = "true" if any("crawl=" in s for s in sources) else "false"
    return f"read_parquet({listing}, union_by_name=true, hive_partitioning={hive})"


def _duckdb():
    try:
        import duckdb
    except ImportError:
        raise ConfigError("an index query (INDEX= / --index) needs DuckDB: pip install "
                          "'langforge[cc-index]' (`make install` installs the core only)") from None
    return duckdb


def _connect():
    duckdb = _duckdb()
    con = duckdb.connect()
    # Bounded, like the rest of the client: the machine is shared with other work.
    con.execute("SET threads TO 2")
    return con


def query_index(sources: str | os.PathLike | Sequence[str | os.PathLike],
                query: IndexQuery) -> list[IndexRecord]:
    """Select captures from a columnar index or a user's table, in file/offset order.

    ``sources`` are local paths, globs or HTTPS URLs of Parquet files (Common
    Crawl's ``cc-index/table/...`` files, see ``columnar_index_urls``) or CSV files.
    Exact duplicate rows are returned once.

    Raises:
        ConfigError: no source, or a filter needs a column the table lacks.
        InputError: DuckDB cannot read a source.
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    sources = [str(s) for s in sources]
    if not sources:
        raise ConfigError("no index source given")
    duckdb = _duckdb()

    con = _connect()
    relation = _reader_sql(sources)
    try:
        columns = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()}
    except duckdb.Error as exc:
        raise InputError(f"cannot read index {sources[0]}{' …' if len(sources) > 1 else ''}: "
                         f"{exc}") from exc
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ConfigError(f"index table lacks column(s) {', '.join(missing)}; it needs "
                          f"{', '.join(REQUIRED_COLUMNS)}")

    where, params = [], []

    def need(column: str, why: str) -> None:
        if column not in columns:
            raise ConfigError(f"index table lacks column {column!r}, needed to {why}")

    selectors = []
    if query.language is not None and "content_languages" not in columns and not query.tlds:
        # A table of the user's own records (warc_filename, offset, length): every row
        # is wanted; our LID decides the language after the fetch.
        log.warning("index table %s has no content_languages column: taking every row "
                    "(language ID decides after the fetch)", sources[0])
    elif query.language is not None:
        need("content_languages", f"select {query.language.code} by CLD2")
        if query.primary_language_only:
            selectors.append("split_part(content_languages, ',', 1) = ?")
        else:
            selectors.append("list_contains(string_split(content_languages, ','), ?)")
        params.append(query.language.label("cld2"))
    if query.tlds:
        need("url_host_tld", "select by top-level domain")
        selectors.append(f"lower(url_host_tld) IN ({', '.join('?' * len(query.tlds))})")
        params.extend(query.tlds)
    if selectors:
        where.append("(" + (" OR " if query.match == "any" else " AND ").join(selectors) + ")")
    for column, value in (("crawl", query.crawl), ("subset", query.subset),
                          ("fetch_status", query.fetch_status)):
        if value is not None and column in columns:
            where.append(f"{column} = ?")
            params.append(value)
    if query.mime_types and "content_mime_detected" in columns:
        where.append(f"content_mime_detected IN ({', '.join('?' * len(query.mime_types))})")
        params.extend(query.mime_types)

    names = [f.name for f in fields(IndexRecord)]
    select = ", ".join(n if n in columns else f"NULL AS {n}" for n in names)
    sql = (f"SELECT DISTINCT {select} FROM {relation}"
           f"{' WHERE ' + ' AND '.join(where) if where else ''}"
           " ORDER BY warc_filename, warc_record_offset, warc_record_length"
           f"{f' LIMIT {int(query.limit)}' if query.limit else ''}")
    try:
        rows = con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise InputError(f"index query failed on {sources[0]}: {exc}") from exc
    finally:
        con.close()
    return [IndexRecord(r[0], int(r[1]), int(r[2]), *r[3:]) for r in rows]


def columnar_index_urls(crawl: str, client: HttpClient | None = None, *, subset: str = "warc",
                        base_url: str = DEFAULT_BASE_URL) -> list[str]:
    """HTTPS URLs of one crawl's columnar index files (one ``subset``), for
    ``query_index``; DuckDB then reads only the columns and row groups it needs."""
    paths = list_crawl_paths(check_crawl(crawl), client, kind="cc-index-table",
                             base_url=base_url)
    chosen = [resolve_url(p, base_url) for p in paths if f"/subset={subset}/" in p]
    if not chosen:
        raise InputError(f"no subset={subset} files in {crawl}'s cc-index-table listing")
    return chosen


def query_cdx(url_pattern: str, crawl: str, client: HttpClient | None = None, *,
              cdx_url: str = DEFAULT_CDX_URL, match_type: str | None = None,
              language: Language | None = None, fetch_status: int | None = 200,
              limit: int | None = None) -> list[IndexRecord]:
    """Captures of ``url_pattern`` (e.g. ``*.go.tz``) from the CDX URL-index API.

    Pages are read one after the other (the CDX server is shared and rate-limited).
    ``language`` keeps captures whose CLD2 languages include the language's label.
    """
    client = client or HttpClient()
    endpoint = f"{normalise_base_url(cdx_url)}{check_crawl(crawl)}-index"
    params = {"url": url_pattern, "output": "json"}
    if match_type:
        params["matchType"] = match_type
    filters = []
    if fetch_status is not None:
        filters.append(f"=status:{fetch_status}")
    if language is not None:
        if language.label("cld2") is None:
            raise ConfigError(f"{language.code} has no CLD2 label in the language registry")
        filters.append(f"languages:{language.label('cld2')}")
    query = urlencode([*params.items(), *(("filter", f) for f in filters)])
    info = client.get_bytes(f"{endpoint}?{query}&showNumPages=true", missing_ok=True)
    if info is None:
        return []
    try:
        pages = int(json.loads(info)["pages"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{endpoint}: unexpected showNumPages answer {info[:200]!r}") from exc
    records: list[IndexRecord] = []
    for page in range(pages):
        body = client.get_bytes(f"{endpoint}?{query}&page={page}", missing_ok=True)
        for line in (body or b"").decode("utf-8").splitlines():
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                records.append(IndexRecord(
                    row["filename"], int(row["offset"]), int(row["length"]), url=row.get("url"),
                    crawl=crawl, content_languages=row.get("languages")))
            except (ValueError, KeyError) as exc:
                raise InputError(f"{endpoint}: bad CDX line {line[:200]!r} ({exc})") from exc
            if limit is not None and len(records) >= limit:
                return sorted(set(records))
    return sorted(set(records))


def write_selection(records: Iterable[IndexRecord], path: str | os.PathLike) -> int:
    """Write selected captures as Parquet, atomically (the input of fetch shards)."""
    rows = [asdict(r) for r in records]
    with atomic_path(path) as tmp:
        pq.write_table(pa.Table.from_pylist(rows, schema=SELECTION_SCHEMA), tmp,
                       compression="zstd")
    return len(rows)


def read_selection(path: str | os.PathLike, start: int = 0,
                   stop: int | None = None) -> list[IndexRecord]:
    """Rows ``start:stop`` of a selection file (one fetch shard's records)."""
    from langforge.store import input_exists, open_input

    if not input_exists(str(path)):
        raise InputError(f"selection file {path} does not exist")
    with open_input(str(path)) as handle:
        table = pq.read_table(handle)
    stop = table.num_rows if stop is None else min(stop, table.num_rows)
    return [IndexRecord(**row) for row in table.slice(start, max(0, stop - start)).to_pylist()]
