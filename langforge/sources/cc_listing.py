"""Which WARC files to read: local paths, lists, a crawl's listing; selection; shards.

A Common Crawl snapshot has ~90,000 WARC files listed in
``crawl-data/<crawl>/warc.paths.gz``. A user picks N of them (a deterministic
sample, or a range), and the pipeline groups them into shards of a few files each
so that a crawl is thousands of tasks, not hundreds of thousands.
"""

from __future__ import annotations

import glob
import gzip
import re
from pathlib import Path, PurePosixPath
from typing import Iterable, Sequence, TypeVar
from urllib.parse import urlsplit

from langforge.document import stable_id
from langforge.errors import ConfigError, InputError
from langforge.sources.http import HttpClient

#: Common Crawl's public HTTPS endpoint (CloudFront in front of the S3 bucket).
DEFAULT_BASE_URL = "https://data.commoncrawl.org/"
#: The bucket's own HTTPS endpoint: cheaper from inside AWS us-east-1.
S3_BASE_URL = "https://commoncrawl.s3.amazonaws.com/"
#: The CDX URL-index server (pywb).
DEFAULT_CDX_URL = "https://index.commoncrawl.org/"

#: Listings published per crawl under crawl-data/<crawl>/<kind>.paths.gz.
LISTING_KINDS = ("warc", "wat", "wet", "cc-index", "cc-index-table", "robotstxt",
                 "non200responses", "segment")

_CRAWL_RE = re.compile(r"^CC-MAIN-\d{4}-\d{2}$")
_WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_GLOB_CHARS = set("*?[")

T = TypeVar("T")


def check_crawl(crawl: str) -> str:
    """Return ``crawl`` if it looks like ``CC-MAIN-2025-08``, else raise ConfigError."""
    if not isinstance(crawl, str) or not _CRAWL_RE.match(crawl):
        raise ConfigError(f"crawl {crawl!r} is not a Common Crawl id like CC-MAIN-2025-08 "
                          "(see https://index.commoncrawl.org/collinfo.json)")
    return crawl


def normalise_base_url(base_url: str) -> str:
    """``base_url`` with one trailing slash; only http(s) is accepted."""
    scheme = urlsplit(base_url).scheme
    if scheme not in ("http", "https"):
        raise ConfigError(
            f"base URL {base_url!r} must be http(s): use {DEFAULT_BASE_URL} (anywhere), "
            f"{S3_BASE_URL} (inside AWS us-east-1) or a mirror")
    return base_url.rstrip("/") + "/"


def is_url(text: str) -> bool:
    return urlsplit(text).scheme in ("http", "https")


def resolve_url(path_or_url: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """A full URL for a Common Crawl path such as ``crawl-data/CC-MAIN-.../x.warc.gz``."""
    if is_url(path_or_url):
        return path_or_url
    return normalise_base_url(base_url) + path_or_url.lstrip("/")


def listing_url(crawl: str, kind: str = "warc", base_url: str = DEFAULT_BASE_URL) -> str:
    """The URL of a crawl's ``<kind>.paths.gz`` listing."""
    if kind not in LISTING_KINDS:
        raise ConfigError(f"unknown listing kind {kind!r}; known: {', '.join(LISTING_KINDS)}")
    return f"{normalise_base_url(base_url)}crawl-data/{check_crawl(crawl)}/{kind}.paths.gz"


def parse_listing(data: bytes, source: str) -> list[str]:
    """The non-empty lines of a (possibly gzipped) listing, in order."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"{source}: not a complete gzip file ({exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not a UTF-8 list of paths ({exc})") from exc
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def list_crawl_paths(crawl: str, client: HttpClient | None = None, kind: str = "warc",
                     base_url: str = DEFAULT_BASE_URL) -> list[str]:
    """The paths (relative to ``base_url``) of every ``kind`` file of ``crawl``."""
    url = listing_url(crawl, kind, base_url)
    paths = parse_listing((client or HttpClient()).get_bytes(url), url)
    if not paths:
        raise InputError(f"{url}: the listing is empty")
    return paths


def expand_warc_inputs(specs: Iterable[str], base_url: str = DEFAULT_BASE_URL) -> list[str]:
    """Local paths and URLs of WARC files from what a user typed.

    Each spec is a URL, a WARC path, a directory (its ``*.warc[.gz]`` files), a glob,
    or a list file (one path or URL per line, plain or gzipped; relative lines are
    relative to the list file, except Common Crawl's ``crawl-data/...`` paths, which
    resolve against ``base_url``). Order is kept and repeats are dropped.

    Raises:
        ConfigError: a spec matches nothing.
    """
    found: list[str] = []
    for spec in specs:
        spec = str(spec).strip()
        if not spec:
            continue
        if is_url(spec):
            found.append(spec)
        elif _GLOB_CHARS & set(spec):
            matches = sorted(glob.glob(spec))
            if not matches:
                raise ConfigError(f"WARC glob {spec!r} matches no file")
            found.extend(matches)
        elif Path(spec).is_dir():
            matches = sorted(str(p) for p in Path(spec).iterdir()
                             if p.name.endswith(_WARC_SUFFIXES))
            if not matches:
                raise ConfigError(f"directory {spec!r} holds no .warc/.warc.gz file")
            found.extend(matches)
        elif not Path(spec).is_file():
            raise ConfigError(f"WARC input {spec!r} is not a URL, file, directory or glob")
        elif spec.endswith(_WARC_SUFFIXES):
            found.append(spec)
        else:
            found.extend(_read_list_file(Path(spec), base_url))
    return list(dict.fromkeys(found))


def _read_list_file(path: Path, base_url: str) -> list[str]:
    entries = []
    for line in parse_listing(path.read_bytes(), str(path)):
        if is_url(line):
            entries.append(line)
        elif line.startswith("crawl-data/"):
            entries.append(resolve_url(line, base_url))
        else:
            entries.append(str((path.parent / line) if not Path(line).is_absolute() else line))
    return entries


def select_paths(paths: Sequence[str], limit: int | None, *, mode: str = "sample",
                 seed: int = 0, start: int = 0) -> list[str]:
    """Choose ``limit`` of ``paths``, deterministically.

    ``mode="sample"`` ranks every path by a seeded hash of its name, so the choice
    does not depend on the listing's order and a larger ``limit`` keeps every file a
    smaller one chose (finished shards stay valid). ``mode="range"`` takes
    ``paths[start:start + limit]``. The result keeps the listing's order.
    """
    if limit is not None and limit < 1:
        raise ConfigError(f"limit must be >= 1 (or None for all), got {limit}")
    if mode == "range":
        if start < 0 or (paths and start >= len(paths)):
            raise ConfigError(f"start {start} is outside the listing of {len(paths)} files")
        return list(paths[start:None if limit is None else start + limit])
    if mode != "sample":
        raise ConfigError(f"unknown selection mode {mode!r}; use 'sample' or 'range'")
    if start:
        raise ConfigError("start applies to mode='range' only")
    if limit is None or limit >= len(paths):
        return list(paths)
    chosen = set(sorted(paths, key=lambda p: (stable_id(str(seed), p), p))[:limit])
    return [p for p in paths if p in chosen]


def shard_groups(items: Sequence[T], per_shard: int) -> list[list[T]]:
    """Consecutive groups of at most ``per_shard`` items (the last may be smaller)."""
    if per_shard < 1:
        raise ConfigError(f"items per shard must be >= 1, got {per_shard}")
    return [list(items[i:i + per_shard]) for i in range(0, len(items), per_shard)]


def local_path_for(path_or_url: str, root: str | Path) -> Path:
    """Where a downloaded file lives under ``root``: its URL path, so names from
    different crawls never collide (``root/crawl-data/CC-MAIN-.../x.warc.gz``)."""
    relative = PurePosixPath(urlsplit(path_or_url).path if is_url(path_or_url) else path_or_url)
    parts = [p for p in relative.parts if p not in ("/", "", ".")]
    if not parts or ".." in parts:
        raise ConfigError(f"cannot map {path_or_url!r} to a local path")
    return Path(root).joinpath(*parts)
