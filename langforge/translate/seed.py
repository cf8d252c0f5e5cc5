"""English seed documents for translation: read with ``datasets``, cut into chunks.

A seed is a local JSONL, Parquet or plain-text file (documents separated by blank
lines), or a Hub dataset (``hf:owner/name``) streamed where a network exists.
Chunks are deterministic runs of consecutive documents, so a pipeline can
translate chunk by chunk and resume a killed run without redoing finished chunks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from langforge.document import Document, stable_id
from langforge.errors import ConfigError, FetchError, InputError
from langforge.languages import get_language

HUB_PREFIX = "hf:"
_BUILDERS = {".jsonl": "json", ".json": "json", ".jsonl.gz": "json", ".json.gz": "json",
             ".parquet": "parquet", ".txt": "text", ".text": "text", ".md": "text"}


def _builder(path: Path) -> str:
    name = path.name.lower()
    for suffix, builder in sorted(_BUILDERS.items(), key=lambda kv: -len(kv[0])):
        if name.endswith(suffix):
            return builder
    raise ConfigError(f"translate.seed: {path}: unknown seed format (use "
                      f"{', '.join(sorted(_BUILDERS))} or {HUB_PREFIX}owner/dataset)")


def _stream(spec: str, min_score: float | None):
    import datasets

    if spec.startswith(HUB_PREFIX):
        repo = spec[len(HUB_PREFIX):]
        try:
            stream = datasets.load_dataset(repo, split="train", streaming=True)
        except Exception as exc:  # datasets raises many types for "no network / no such repo"
            raise FetchError(f"cannot stream seed dataset {repo} from the Hub: "
                             f"{type(exc).__name__}: {exc}") from None
        if min_score is not None:
            stream = stream.filter(lambda row: (row.get("score") or 0) >= min_score)
        return stream
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"seed file {path} not found")
    builder = _builder(path)
    kwargs = {"sample_by": "paragraph"} if builder == "text" else {}
    return datasets.load_dataset(builder, data_files=str(path), split="train", streaming=True,
                                 **kwargs)


def load_seed(path: str | Path, limit: int | None = None, min_score: float | None = None,
              language: str = "eng_Latn") -> Iterator[Document]:
    """Stream seed documents (``text`` column; id from ``id`` or a hash of the text).

    Args:
        path: a JSONL / Parquet / text file, or ``hf:owner/name`` (network needed).
        limit: stop after this many documents.
        min_score: Hub seeds only: keep rows whose ``score`` is at least this
            (FineWeb-Edu's educational score).
        language: the seed's language (canonical code or alias).

    Raises:
        InputError: the file is missing, unreadable, or a row has no text.
        FetchError: a Hub seed cannot be streamed.
    """
    if limit is not None and limit < 1:
        raise ConfigError(f"translate.max_documents: must be at least 1, got {limit}")
    code = get_language(language).code
    spec = str(path)
    stream = _stream(spec, min_score)
    name = spec if spec.startswith(HUB_PREFIX) else Path(spec).name
    try:
        for index, row in enumerate(stream):
            if limit is not None and index >= limit:
                break
            text = row.get("text")
            if not isinstance(text, str):
                raise InputError(f"seed {spec}: row {index} has no 'text' string column")
            row_id = row.get("id")
            doc_id = str(row_id) if row_id not in (None, "") else stable_id("seed", text)
            yield Document(id=doc_id, text=text, url=row.get("url") or None,
                           source=f"{name}:{index}", kind="native", language=code)
    except (ValueError, OSError) as exc:
        # datasets reports a malformed file as one of these when the stream is read
        raise InputError(f"seed {spec}: cannot read: {type(exc).__name__}: {exc}") from None


@dataclass(frozen=True)
class SeedChunk:
    """A run of consecutive seed documents, numbered from 0."""

    index: int
    docs: list[Document]

    @property
    def name(self) -> str:
        return f"chunk-{self.index:05d}"


def chunk_seed(docs: Iterable[Document], chunk_docs: int) -> Iterator[SeedChunk]:
    """Cut ``docs`` into chunks of ``chunk_docs`` documents (the last may be shorter).

    The same seed and size always give the same chunks, so a chunk's output names
    which documents it holds and a resumed run can skip finished chunks.
    """
    if chunk_docs < 1:
        raise ConfigError(f"chunk_docs must be at least 1, got {chunk_docs}")
    batch: list[Document] = []
    index = 0
    for doc in docs:
        batch.append(doc)
        if len(batch) == chunk_docs:
            yield SeedChunk(index, batch)
            batch, index = [], index + 1
    if batch:
        yield SeedChunk(index, batch)
