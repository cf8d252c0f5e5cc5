"""Build directories and WARC inputs on object storage (``s3://``, ``gs://``, ``hf://``,
``memory://``...) through fsspec.

A worker never shares a disk with another: it keeps a local working copy of the
build dir (``work_root``: ``$LANGFORGE_WORK_DIR/<digest of the URL>``, default
``~/.cache/langforge/work/...``), runs each task there exactly as in a local build,
and exchanges outputs through the store:

* before a task runs, the outputs of the tasks it requires are pulled into the
  working copy (``pull_dir``); of the tasks further up the graph only their
  bookkeeping (stats, failures: what the summary reads) unless the output is a
  language-level one (quality model, dataset, tokenizer), which is pulled whole;
* after it ran, its output directory is pushed (``push_dir``): the data objects
  under a prefix of their own (``<dir>/<attempt>/...``, a fresh id per attempt),
  then the marker ``<dir>/_SUCCESS`` naming that attempt and its files. A store has
  no atomic rename; a killed push leaves objects no marker names, and readers only
  ever read what a marker names. ``complete()`` of a task is "its marker exists";
* the published files (``dataset/``, ``tokenizer/``, ``rejected/``, the report) go
  to plain keys under ``<language>/``, so ``datasets.load_dataset`` reads them from
  the bucket; ``summary.json`` is written last and names the build's fingerprint,
  as in a local build (``langforge.publish.is_published``).

Credentials and endpoints are fsspec's: for S3 the usual AWS variables, and
``FSSPEC_S3_ENDPOINT_URL`` for an S3-compatible server (fsspec reads
``FSSPEC_<PROTOCOL>_<ARG>``). Install the implementation with ``pip install
'langforge[s3]'`` (or ``[gcs]``).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import os
import uuid
from pathlib import Path, PurePosixPath
from typing import Iterable
from urllib.parse import urlsplit

from langforge.errors import ConfigError
from langforge.storage import SUCCESS, atomic_path

log = logging.getLogger("langforge.store")

#: Schemes that are never a store (WARC inputs fetched over HTTP, or plain paths).
_NOT_STORES = {"", "http", "https", "file", "local"}
#: Work outputs of one shard, partition or chunk: the tasks further down the graph
#: than their direct readers need only their bookkeeping (not their data files).
_PER_PART = ("shard-", "part-", "chunk-")
_DATA_SUFFIXES = (".parquet", ".arrow", ".warc.gz", ".warc")
#: What a pulled directory's local marker records besides the store's marker.
_PARTIAL = "partial"

_EXTRAS = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs"}


def is_store_url(location: str) -> bool:
    """``s3://...``, ``gs://...``, ``hf://...``, ``memory://...``: a location fsspec
    reads and writes (not an HTTP URL, which is fetched as a WARC input)."""
    location = str(location)
    return "://" in location and urlsplit(location).scheme.lower() not in _NOT_STORES


def _filesystem(url: str):
    import fsspec

    try:
        return fsspec.core.url_to_fs(url)
    except ImportError as exc:
        scheme = urlsplit(url).scheme
        extra = _EXTRAS.get(scheme)
        hint = f"pip install 'langforge[{extra}]'" if extra else \
            f"install the fsspec implementation of {scheme}://"
        raise ConfigError(f"{url}: {scheme}:// needs a package that is not installed "
                          f"({exc}); {hint}") from exc
    except ValueError as exc:
        raise ConfigError(f"{url}: not a storage location fsspec knows: {exc}") from exc


def work_root(url: str) -> Path:
    """This machine's working copy of the build dir ``url``."""
    from langforge.vocab.english import cache_dir

    base = os.environ.get("LANGFORGE_WORK_DIR") or str(cache_dir() / "work")
    name = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return Path(base).expanduser().resolve() / name


class Store:
    """A build dir on object storage and this worker's working copy of it."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self.fs, self.root = _filesystem(self.url)
        self.root = self.root.rstrip("/")
        self.local = work_root(self.url)
        self._made: set[str] = set()  # parents made by _put

    def __repr__(self) -> str:
        return f"Store({self.url!r} -> {self.local})"

    # -- keys ------------------------------------------------------------------------

    def rel(self, local_path: str | os.PathLike) -> str:
        """The store-relative name of a path in the working copy."""
        return Path(local_path).resolve().relative_to(self.local).as_posix()

    def key(self, rel: str) -> str:
        return f"{self.root}/{rel}" if rel else self.root

    def exists(self, local_path: str | os.PathLike) -> bool:
        """Whether the store holds this output: for ``<dir>/_SUCCESS`` its marker, for
        a file the file."""
        return self.fs.exists(self.key(self.rel(local_path)))

    # -- files -----------------------------------------------------------------------

    def push_file(self, local_path: str | os.PathLike) -> None:
        self._put(local_path, self.key(self.rel(local_path)))

    def _put(self, local_path: str | os.PathLike, key: str) -> None:
        """Upload one file; its parent "directory" is made once per process (on S3 each
        makedirs is a request of its own, and object stores need none)."""
        parent = str(PurePosixPath(key).parent)
        if parent not in self._made:
            self.fs.makedirs(parent, exist_ok=True)
            self._made.add(parent)
        self.fs.put_file(str(local_path), key)

    def pull_file(self, local_path: str | os.PathLike) -> bool:
        """Copy a file from the store into the working copy (atomically); False when
        the store has none (the local file, if any, is left alone)."""
        key = self.key(self.rel(local_path))
        try:
            data = self.fs.cat_file(key)
        except FileNotFoundError:
            return False
        with atomic_path(local_path) as tmp:
            tmp.write_bytes(data)
        return True

    # -- stage output directories ------------------------------------------------------

    def marker(self, directory: Path) -> dict | None:
        try:
            return json.loads(self.fs.cat_file(self.key(f"{self.rel(directory)}/{SUCCESS}")))
        except FileNotFoundError:
            return None

    def push_dir(self, directory: Path) -> dict:
        """Upload a finished stage directory: its files under a fresh attempt prefix,
        then the marker naming them (written last)."""
        rel = self.rel(directory)
        attempt = uuid.uuid4().hex[:12]
        files = sorted(p.relative_to(directory).as_posix() for p in directory.rglob("*")
                       if p.is_file() and p.name != SUCCESS and not p.name.startswith(".tmp-"))
        for name in files:
            self._put(directory / name, self.key(f"{rel}/{attempt}/{name}"))
        marker = {"attempt": attempt, "files": files}
        self.fs.pipe_file(self.key(f"{rel}/{SUCCESS}"), json.dumps(marker).encode("utf-8"))
        _write_local_marker(directory, marker, partial=False)
        return marker

    def pull_dir(self, directory: Path, *, partial: bool = False) -> bool:
        """Copy a marked stage directory into the working copy (all its files, or with
        ``partial`` only the bookkeeping, not data files). False when unmarked."""
        marker = self.marker(directory)
        if marker is None:
            return False
        local = _read_local_marker(directory)
        if local and local.get("attempt") == marker["attempt"] and \
                (partial or not local.get(_PARTIAL)):
            return True  # already here
        names = [n for n in marker["files"]
                 if not (partial and n.endswith(_DATA_SUFFIXES))]
        rel = self.rel(directory)
        with atomic_path(directory) as tmp:
            tmp.mkdir(parents=True)
            for name in names:
                target = tmp / name
                target.parent.mkdir(parents=True, exist_ok=True)
                self.fs.get_file(self.key(f"{rel}/{marker['attempt']}/{name}"), str(target))
            _write_local_marker(tmp, marker, partial=partial)
        return True

    # -- published files ---------------------------------------------------------------

    def push_tree(self, directory: Path, *, skip: Iterable[str] = ()) -> int:
        """Make the store's copy of ``directory`` (the published files) equal to the
        local one: upload every file to its plain key, then delete the keys under it
        that the local copy no longer has (a previous build's dataset file). The
        top-level names in ``skip`` are left alone. Returns the files uploaded."""
        skip = set(skip) | {".build.lock"}
        rel = self.rel(directory)
        local = set()
        for path in sorted(directory.rglob("*")):
            parts = path.relative_to(directory).parts
            if path.is_file() and parts[0] not in skip and \
                    not any(p.startswith(".tmp-") for p in parts):
                local.add(path.relative_to(directory).as_posix())
                self.push_file(path)
        prefix = self.key(rel) + "/"
        try:
            remote = [k[len(prefix):] for k in self.fs.find(self.key(rel))]
        except FileNotFoundError:
            remote = []
        stale = [self.key(f"{rel}/{name}") for name in remote
                 if name not in local and name.split("/")[0] not in skip]
        if stale:
            self.fs.rm(stale)
        return len(local)


def _write_local_marker(directory: Path, marker: dict, *, partial: bool) -> None:
    (directory / SUCCESS).write_text(json.dumps({**marker, _PARTIAL: partial}),
                                     encoding="utf-8")


def _read_local_marker(directory: Path) -> dict | None:
    try:
        text = (directory / SUCCESS).read_text(encoding="utf-8")
        return json.loads(text) if text else None
    except (OSError, ValueError):
        return None


def store_for(build_dir: str) -> Store | None:
    """The store of a build dir URL (one per process: a task process Luigi forks must
    not use its parent's connections, which async filesystems refuse), or None for a
    local path."""
    return _store(build_dir, os.getpid()) if is_store_url(build_dir) else None


@functools.lru_cache(maxsize=None)
def _store(build_dir: str, pid: int) -> Store:
    return Store(build_dir)


def local_root(build_dir: str) -> Path:
    """Where a build dir's files are read and written on this machine."""
    store = store_for(str(build_dir))
    return store.local if store else Path(build_dir)


def local_build_dir(build_dir: str, command: str) -> Path:
    """The build dir of a command that reads local files only (``report``, ``audit``,
    ``clean``): a store URL is refused with the working copy to give instead."""
    if not is_store_url(str(build_dir)):
        return Path(build_dir)
    raise ConfigError(f"langforge {command} works on a local build dir, not {build_dir}; "
                      f"this machine's working copy of it is --build-dir "
                      f"{work_root(str(build_dir).rstrip('/'))} (what this machine built or "
                      "pulled; the published files are in the store)")


def pulls_whole(directory: Path) -> bool:
    """Whether a task further down the graph pulls this output whole (a
    language-level output) or only its bookkeeping (one shard's)."""
    return not directory.name.startswith(_PER_PART)


# -- WARC inputs on a store ----------------------------------------------------------------

def expand_store_warcs(spec: str) -> list[str]:
    """The WARC objects a store URL names: one object, or a glob's matches (sorted)."""
    fs, path = _filesystem(spec)
    protocol = urlsplit(spec).scheme
    if any(c in path for c in "*?["):
        matches = sorted(fs.glob(path))
        if not matches:
            raise ConfigError(f"WARC glob {spec!r} matches no object")
        return [f"{protocol}://{m.lstrip('/')}" for m in matches]
    if not fs.isfile(path):
        raise ConfigError(f"WARC input {spec!r}: no such object")
    return [spec]


def input_exists(location: str) -> bool:
    """Whether a local file or a store object exists."""
    if not is_store_url(location):
        return Path(location).is_file()
    fs, path = _filesystem(location)
    return fs.isfile(path)


def open_input(location: str):
    """A local file or a store object, opened for binary reading."""
    if not is_store_url(location):
        return open(location, "rb")  # noqa: SIM115 - the caller closes it
    fs, path = _filesystem(location)
    return fs.open(path, "rb")


def store_identity(url: str) -> dict:
    """Size and version (ETag, else modification time) of an object, as a build's
    input identity: a replaced object is another input."""
    fs, path = _filesystem(url)
    info = fs.info(path)
    version = info.get("ETag") or info.get("etag") or info.get("LastModified") or \
        info.get("mtime") or info.get("created")
    return {"size": info.get("size"), "content": f"{info.get('size')}:{version}"}


def open_store_warc(url: str):
    """A buffered binary stream of a WARC object, named by its URL (the documents'
    ``source``)."""
    fs, path = _filesystem(url)
    handle = fs.open(path, "rb", block_size=8 << 20)
    reader = io.BufferedReader(_Named(handle, url), buffer_size=1 << 20)
    return reader


class _Named(io.RawIOBase):
    """A raw-file view of an fsspec file whose ``name`` is the URL it was opened by."""

    def __init__(self, handle, name: str):
        super().__init__()
        self._handle, self.name = handle, name

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._handle.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def close(self) -> None:
        self._handle.close()
        super().close()
