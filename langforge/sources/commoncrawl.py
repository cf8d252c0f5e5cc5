"""Common Crawl acquisition: the three ways in, as one import.

1. Local or listed WARCs: ``expand_warc_inputs`` (paths, globs, directories, list
   files, URLs).
2. A crawl's WARC files: ``list_crawl_paths`` -> ``select_paths`` (sample or range)
   -> ``shard_groups``; per shard ``download_warcs`` (resume, retries, integrity
   checks) or ``open_warc`` to stream without keeping files.
3. Index-targeted records: ``query_index`` (DuckDB over the columnar index or a
   user's table) or ``query_cdx`` -> ``write_selection`` -> ``selection_shards``;
   per shard ``read_selection`` -> ``fetch_records`` (coalesced Range requests into
   a local WARC shard with the original bytes).

All network access goes through ``HttpClient`` (``langforge.sources.http``).
"""

from langforge.sources.cc_download import (
    Download, DownloadReport, WarcCheck, check_warc, download_warc, download_warcs, open_warc,
    part_path)
from langforge.sources.cc_fetch import (
    FetchReport, RangeGroup, coalesce, fetch_records, record_problem, selection_shards)
from langforge.sources.cc_index import (
    INDEX_COLUMNS, REQUIRED_COLUMNS, IndexQuery, IndexRecord, columnar_index_urls, query_cdx,
    query_index, read_selection, write_selection)
from langforge.sources.cc_listing import (
    DEFAULT_BASE_URL, DEFAULT_CDX_URL, S3_BASE_URL, check_crawl, expand_warc_inputs,
    list_crawl_paths, listing_url, local_path_for, resolve_url, select_paths, shard_groups)
from langforge.sources.http import HttpClient, HttpConfig

__all__ = [
    "DEFAULT_BASE_URL", "DEFAULT_CDX_URL", "INDEX_COLUMNS", "REQUIRED_COLUMNS", "S3_BASE_URL",
    "Download", "DownloadReport", "FetchReport", "HttpClient", "HttpConfig", "IndexQuery",
    "IndexRecord", "RangeGroup", "WarcCheck", "check_crawl", "check_warc", "coalesce",
    "columnar_index_urls", "download_warc", "download_warcs", "expand_warc_inputs",
    "fetch_records", "list_crawl_paths", "listing_url", "local_path_for", "open_warc",
    "part_path", "query_cdx", "query_index", "read_selection", "record_problem", "resolve_url",
    "select_paths", "selection_shards", "shard_groups", "write_selection",
]
