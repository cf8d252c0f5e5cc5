"""Where outputs go and how they are written: atomically, and as Parquet.

All file output passes through here so that a killed run never leaves a file that
looks complete (write to a temporary name in the same directory, then rename), and
so that a shared filesystem can replace the local disk in one place.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import uuid
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from langforge.document import Document, Rejection, StageStats

SUCCESS = "_SUCCESS"
DOCS_NAME = "docs.parquet"  # the documents file of a stage directory

DOC_SCHEMA = pa.schema([
    ("id", pa.string()),
    ("text", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("kind", pa.string()),
    ("language", pa.string()),
    ("language_score", pa.float64()),
    ("lid_scores", pa.string()),
    ("signals", pa.string()),
    ("metadata", pa.string()),
])

REJECT_SCHEMA = pa.schema([
    ("stage", pa.string()),
    ("reason", pa.string()),
    ("id", pa.string()),
    ("url", pa.string()),
    ("text", pa.string()),
    ("detail", pa.string()),
])

_BATCH = 1000


def _tmp_name(path: Path) -> Path:
    return path.with_name(f".tmp-{path.name}-{uuid.uuid4().hex[:8]}")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary sibling path; on success rename it to ``path``.

    Works for files and directories. On error the temporary is removed and
    ``path`` is left untouched.
    """
    path = Path(path)
    if path.is_symlink():  # e.g. dataset/ linked to a bigger disk: replace the target
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_name(path)
    try:
        yield tmp
        if path.is_dir() and tmp.is_dir():
            shutil.rmtree(path)
        os.replace(tmp, path)
    finally:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        elif tmp.exists():
            tmp.unlink()


def write_json(path: str | os.PathLike, data: Any, *, sort_keys: bool = True) -> None:
    """Write JSON atomically (UTF-8, trailing newline; keys sorted unless the
    insertion order carries meaning)."""
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys,
                                  default=str) + "\n", encoding="utf-8")


def read_json(path: str | os.PathLike) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _write_rows(rows: Iterable[dict[str, Any]], path: Path, schema: pa.Schema) -> int:
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def warm_up() -> None:
    """pyarrow's first conversion of Python values imports pandas (~0.3 s): do it in
    this process, before it forks task processes, so that they do not each import it."""
    pa.array([0])


def write_docs(docs: Iterable[Document], path: str | os.PathLike) -> int:
    """Stream documents into one Parquet file, atomically. Returns the count."""
    with atomic_path(path) as tmp:
        return _write_rows((doc.to_record() for doc in docs), tmp, DOC_SCHEMA)


def count_docs(path: str | os.PathLike) -> int:
    """How many documents a file written by ``write_docs`` holds (from its metadata)."""
    return pq.ParquetFile(path).metadata.num_rows


def read_docs(path: str | os.PathLike) -> Iterator[Document]:
    """Stream the documents of a Parquet file written by ``write_docs``."""
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=_BATCH):
        for row in batch.to_pylist():
            yield Document.from_record(row)


class RejectWriter:
    """The reject sink of ``StageStats``: rejected records as Parquet.

    With a ``path`` (inside a stage's temporary directory, which the stage renames
    into place) rows stream to disk in batches, so memory stays bounded however
    many records a shard drops; ``close()`` finishes the file. Without one, rows are
    kept and ``write(path)`` writes them atomically (small, interactive uses).
    """

    def __init__(self, path: str | os.PathLike | None = None, max_text_chars: int = 2000):
        self.path = Path(path) if path is not None else None
        self.max_text_chars = max_text_chars
        self.rows: list[dict[str, Any]] = []
        self.count = 0
        self._writer: pq.ParquetWriter | None = None

    def __call__(self, rejection: Rejection) -> None:
        row = rejection.to_record()
        row["text"] = row["text"][: self.max_text_chars]
        self.rows.append(row)
        self.count += 1
        if self.path is not None and len(self.rows) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, REJECT_SCHEMA, compression="zstd")
        self._writer.write_table(pa.Table.from_pylist(self.rows, schema=REJECT_SCHEMA))
        self.rows = []

    def close(self) -> int:
        """Write what is buffered and finish the streamed file. Returns the count."""
        if self.path is None:
            raise ValueError("RejectWriter without a path: use write(path)")
        if self.rows or self._writer is None:
            self._flush()
        self._writer.close()
        return self.count

    def write(self, path: str | os.PathLike) -> int:
        with atomic_path(path) as tmp:
            return _write_rows(self.rows, tmp, REJECT_SCHEMA)


def read_rejections(path: str | os.PathLike) -> list[dict[str, Any]]:
    rows = pq.read_table(path).to_pylist()
    for row in rows:
        row["detail"] = json.loads(row["detail"]) if row["detail"] else {}
    return rows


def mark_success(directory: str | os.PathLike) -> None:
    (Path(directory) / SUCCESS).write_text("", encoding="utf-8")


def is_complete(directory: str | os.PathLike) -> bool:
    return (Path(directory) / SUCCESS).is_file()


def load_stats(directory: str | os.PathLike) -> list[StageStats]:
    """The ``StageStats`` a stage directory recorded in its ``stats.json``."""
    return [StageStats.from_dict(d) for d in read_json(Path(directory) / "stats.json")]


def link_or_copy(source: str | os.PathLike, dest: str | os.PathLike) -> None:
    """Hard-link ``source`` to ``dest`` (published files share the work files' bytes),
    or copy it where the filesystem cannot link."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)
