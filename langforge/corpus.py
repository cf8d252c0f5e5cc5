"""Corpus-level helpers shared by the dataset, tokenizer and summary steps."""

from __future__ import annotations

import json
import os
from dataclasses import fields
from pathlib import Path
from typing import Iterable, Iterator

from langforge.document import Document, stable_id
from langforge.errors import ConfigError

_BUCKETS = 10_000


def is_heldout(doc_id: str, heldout_frac: float) -> bool:
    """Whether a document is held back from tokenizer training (stable by id)."""
    return int(stable_id("heldout", doc_id), 16) % _BUCKETS < heldout_frac * _BUCKETS


def training_texts(native: Iterable[Document], synthetic: Iterable[Document],
                   heldout_frac: float, synthetic_share: float) -> tuple[list[str], list[str]]:
    """Split native documents into (train, held-out) texts and add synthetic text to
    the training side up to ``synthetic_share`` of its characters.

    Held-out documents are native only and never trained on.
    """
    train, heldout = [], []
    native_chars = 0
    for doc in native:
        if is_heldout(doc.id, heldout_frac):
            heldout.append(doc.text)
        else:
            train.append(doc.text)
            native_chars += len(doc.text)
    if synthetic_share > 0:
        budget = native_chars * synthetic_share / (1 - synthetic_share) if synthetic_share < 1 \
            else float("inf")
        used = 0
        for doc in synthetic:
            if used + len(doc.text) > budget:
                break
            train.append(doc.text)
            used += len(doc.text)
    return train, heldout


def read_text_documents(path: str | os.PathLike, option: str = "input") -> Iterator[Document]:
    """Documents of a file in any of three formats, told apart by content, not name:
    Parquet (a ``text`` column; ``id`` and other document fields are kept when
    present), JSONL (one object with a ``text`` string per line) or plain UTF-8
    text (one document per non-empty line).

    Raises:
        ConfigError: the file cannot be read or lacks text; the message names
            ``option`` (e.g. ``--corpus``) and the file.
    """
    path = Path(path)
    where = f"{option} {path}"
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise ConfigError(f"{where}: cannot read: {exc.strerror or exc}") from None
    if head.startswith(b"PAR1"):
        yield from _parquet_documents(path, where)
    elif head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _jsonl_documents(path, where)
    else:
        yield from _plain_documents(path, where)


def _parquet_documents(path: Path, where: str) -> Iterator[Document]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise ConfigError(f"{where}: not a readable Parquet file: {exc}") from None
    if "text" not in parquet.schema_arrow.names:
        raise ConfigError(f"{where}: the Parquet file has no 'text' column (columns: "
                          f"{', '.join(parquet.schema_arrow.names)})")
    names = {f.name for f in fields(Document)} & set(parquet.schema_arrow.names)
    for batch in parquet.iter_batches(batch_size=1024, columns=sorted(names)):
        for row in batch.to_pylist():
            text = row.get("text")
            if not isinstance(text, str):
                continue
            row.setdefault("id", None)
            row["id"] = row["id"] or stable_id("text", text)
            yield Document.from_record(row)


def _lines(path: Path, where: str) -> Iterator[tuple[int, str]]:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            yield from enumerate(handle, 1)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{where}: not UTF-8 text, JSONL or Parquet ({exc.reason} at byte "
                          f"{exc.start})") from None


def _jsonl_documents(path: Path, where: str) -> Iterator[Document]:
    for number, line in _lines(path, where):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ConfigError(f"{where}: line {number} is not JSON ({exc})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise ConfigError(f"{where}: line {number} has no 'text' string")
        yield Document(id=str(row.get("id") or stable_id("line", str(number), row["text"])),
                       text=row["text"], url=row.get("url"))


def _plain_documents(path: Path, where: str) -> Iterator[Document]:
    for number, line in _lines(path, where):
        text = line.rstrip("\r\n")
        if text.strip():
            yield Document(id=stable_id("line", str(number), text), text=text)
