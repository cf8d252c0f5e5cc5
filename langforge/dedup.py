"""Exact and MinHash near-duplicate removal, in two streaming passes.

Both stages take ``make_docs``, a callable returning a fresh iterator over the
same documents in the same order (e.g. ``lambda: read_docs(path)``). Pass 1
keeps only a small fingerprint per document; pass 2 streams the documents again
and keeps the first of each cluster, so memory does not grow with text size and
the result is deterministic given the input order.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np
import xxhash
from datasketch import MinHash

from langforge.config import LanguageConfig
from langforge.document import Document, StageStats, counted
from langforge.errors import ConfigError, InputError
from langforge.text import WordSplitter, normalizer, word_splitter

MakeDocs = Callable[[], Iterable[Document]]

_CHUNK = 65_536


def normalize_for_dedup(text: str) -> str:
    """NFC, casefolded, whitespace runs collapsed to one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def text_digest(text: str) -> int:
    """64-bit xxh3 hash of the normalised text.

    64 bits keep the first pass at 8 bytes per document; the chance of any false
    match among n documents is about n^2 / 2^65 (3e-6 for ten million).
    """
    return xxhash.xxh3_64_intdigest(normalize_for_dedup(text).encode("utf-8", "surrogatepass"))


class _Growing:
    """An append-only numpy array grown in chunks (no Python object per item)."""

    def __init__(self, dtype, width: int | None = None):
        self._shape = (_CHUNK,) if width is None else (_CHUNK, width)
        self._dtype = dtype
        self._chunks: list[np.ndarray] = []
        self._fill = _CHUNK

    def append(self, value) -> None:
        if self._fill == _CHUNK:
            self._chunks.append(np.empty(self._shape, dtype=self._dtype))
            self._fill = 0
        self._chunks[-1][self._fill] = value
        self._fill += 1

    def array(self) -> np.ndarray:
        if not self._chunks:
            return np.empty((0,) + self._shape[1:], dtype=self._dtype)
        self._chunks[-1] = self._chunks[-1][:self._fill]
        out = np.concatenate(self._chunks)
        self._chunks = [out]
        self._fill = _CHUNK  # a later append starts a new chunk
        return out


def _second_pass_error(expected: int, got: int | None = None) -> InputError:
    more = "" if got is None else f" ({got} documents, the first pass saw {expected})"
    return InputError(f"make_docs() returned a different stream on the second pass{more}: it "
                      "must return the same documents in the same order each call")


def exact_dedup(make_docs: MakeDocs, stats: StageStats) -> Iterator[Document]:
    """Keep the first document of each group with the same normalised text.

    Sets ``metadata["dup_cluster_size"]`` on every kept document and rejects the
    others as ``exact_duplicate`` with ``duplicate_of`` = the kept document's id.

    Raises:
        InputError: the second call of ``make_docs`` yields a different stream.
    """
    digests = _Growing(np.uint64)
    for doc in make_docs():
        digests.append(text_digest(doc.text))
    order = digests.array()
    unique, counts = np.unique(order, return_counts=True)
    del order
    kept_ids: dict[int, str] = {}  # only clusters with duplicates
    index = -1
    for index, doc in enumerate(make_docs()):
        stats.count_in(doc.text)
        digest = text_digest(doc.text)
        pos = int(np.searchsorted(unique, np.uint64(digest)))
        if pos == len(unique) or int(unique[pos]) != digest:
            raise _second_pass_error(int(counts.sum()))
        size = int(counts[pos])
        if size == 1:
            doc.metadata["dup_cluster_size"] = 1
            yield stats.count_out(doc)
        elif digest in kept_ids:
            stats.reject(doc, "exact_duplicate", duplicate_of=kept_ids[digest])
        else:
            kept_ids[digest] = doc.id
            doc.metadata["dup_cluster_size"] = size
            yield stats.count_out(doc)
    if index + 1 != int(counts.sum()):
        raise _second_pass_error(int(counts.sum()), index + 1)


def _shingles(text: str, split_words: WordSplitter, normalize: Callable[[str], str],
              ngram_words: int) -> set[bytes]:
    """Casefolded word n-grams; a text shorter than n words is one shingle."""
    words = [word.casefold() for word in split_words(normalize(text))]
    if len(words) <= ngram_words:
        return {" ".join(words).encode("utf-8", "surrogatepass")} if words else set()
    return {" ".join(words[i:i + ngram_words]).encode("utf-8", "surrogatepass")
            for i in range(len(words) - ngram_words + 1)}


def _hash32(data: bytes) -> int:
    return xxhash.xxh32_intdigest(data)


def lsh_collision_probability(jaccard: float, bands: int = 14, rows: int = 8) -> float:
    """Chance that two documents with this shingle Jaccard similarity share a band."""
    return 1.0 - (1.0 - jaccard ** rows) ** bands


def _clusters(band_hashes: np.ndarray, has_shingles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each document's cluster root (its first member) and the cluster's size.

    Documents sharing any band hash are linked; clusters are the connected
    components, so A~B and B~C puts A, B and C together (as FineWeb-2 does).
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(band_hashes)
    if n == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    candidates = np.flatnonzero(has_shingles)
    sources, targets = [], []
    for band in range(band_hashes.shape[1]):
        values = band_hashes[candidates, band]
        order = candidates[np.argsort(values, kind="stable")]
        sorted_values = band_hashes[order, band]
        new_group = np.ones(len(order), dtype=bool)
        new_group[1:] = sorted_values[1:] != sorted_values[:-1]
        first = order[np.flatnonzero(new_group)][np.cumsum(new_group) - 1]
        linked = order != first
        sources.append(order[linked])
        targets.append(first[linked])
    src, dst = np.concatenate(sources), np.concatenate(targets)
    graph = coo_matrix((np.ones(len(src), dtype=np.int8), (src, dst)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    first_of_label = np.full(labels.max() + 1, n, dtype=np.int64)
    np.minimum.at(first_of_label, labels, np.arange(n))
    return first_of_label[labels], np.bincount(labels)[labels]


def near_dedup(make_docs: MakeDocs, lang_config: LanguageConfig, stats: StageStats, *,
               ngram_words: int = 5, bands: int = 14, rows: int = 8,
               seed: int = 1) -> Iterator[Document]:
    """Drop near-duplicates with MinHash LSH, keeping the first document of each cluster.

    Shingles are casefolded word n-grams from the language's word splitter and
    normaliser. Two documents are linked when any of ``bands`` bands of ``rows``
    MinHash values agree (FineWeb-2: 5-grams, 14 x 8; a pair with Jaccard 0.7 is
    linked with probability 0.56, 0.8 with 0.92, 0.5 with 0.05, see
    ``lsh_collision_probability``); clusters are connected components. Pass 1
    keeps only the band hashes and a text digest (about 130 bytes a document).

    Sets ``metadata["near_dup_cluster_size"]`` on kept documents and rejects the
    others as ``near_duplicate`` with ``duplicate_of`` = the kept document's id.
    Documents without words are never near-duplicates (exact dedup handles them).

    Raises:
        ConfigError: bad parameters or word splitter (at call time).
        InputError: the second call of ``make_docs`` yields a different stream.
    """
    for name, value in (("ngram_words", ngram_words), ("bands", bands), ("rows", rows)):
        if value < 1:
            raise ConfigError(f"near_dedup: {name} must be at least 1, got {value}")
    split_words, normalize = word_splitter(lang_config), normalizer(lang_config)
    return _near_dedup(make_docs, stats, split_words, normalize, ngram_words, bands, rows, seed)


def _near_dedup(make_docs: MakeDocs, stats: StageStats, split_words: WordSplitter,
                normalize: Callable[[str], str], ngram_words: int, bands: int, rows: int,
                seed: int) -> Iterator[Document]:
    minhash = MinHash(num_perm=bands * rows, seed=seed, hashfunc=_hash32, scheme="affine32")
    band_hashes = _Growing(np.uint64, width=bands)
    has_shingles = _Growing(np.bool_)
    digests = _Growing(np.uint64)
    for doc in make_docs():
        shingles = _shingles(doc.text, split_words, normalize, ngram_words)
        minhash.clear()
        minhash.update_batch(shingles)
        values = minhash.hashvalues.reshape(bands, rows)
        band_hashes.append([xxhash.xxh3_64_intdigest(band.tobytes()) for band in values])
        has_shingles.append(bool(shingles))
        digests.append(xxhash.xxh3_64_intdigest(doc.text.encode("utf-8", "surrogatepass")))
    roots, sizes = _clusters(band_hashes.array(), has_shingles.array())
    del band_hashes, has_shingles
    expected = digests.array()
    kept_ids: dict[int, str] = {}  # only roots of clusters with duplicates
    index = -1
    for index, doc in enumerate(make_docs()):
        if index >= len(expected) or int(expected[index]) != xxhash.xxh3_64_intdigest(
                doc.text.encode("utf-8", "surrogatepass")):
            raise _second_pass_error(len(expected))
        stats.count_in(doc.text)
        root, size = int(roots[index]), int(sizes[index])
        if root == index:
            if size > 1:
                kept_ids[index] = doc.id
            doc.metadata["near_dup_cluster_size"] = size
            yield stats.count_out(doc)
        else:
            stats.reject(doc, "near_duplicate", duplicate_of=kept_ids[root],
                         cluster_size=size)
    if index + 1 != len(expected):
        raise _second_pass_error(len(expected), index + 1)


def deduplicate(make_docs: MakeDocs, lang_config: LanguageConfig, stats: StageStats,
                scratch_dir: Path) -> Iterator[Document]:
    """The dedup stage as the language's config asks: exact, then MinHash near-dedup.

    Both passes count in one ``stats`` (documents in = the stage's input, drops
    under ``exact_duplicate`` and ``near_duplicate``). With ``dedup.near`` the
    exact pass's survivors are spilled to a Parquet file in ``scratch_dir`` (removed
    at the end), because near-dedup reads its input twice.

    Raises:
        ConfigError: bad MinHash parameters (at call time).
    """
    dedup = lang_config.dedup
    if not dedup.near:
        return exact_dedup(make_docs, stats) if dedup.exact else counted(make_docs(), stats)
    for name in ("near_ngram_words", "near_bands", "near_rows"):
        if getattr(dedup, name) < 1:
            raise ConfigError(f"dedup.{name} must be at least 1")
    return _exact_then_near(make_docs, lang_config, stats, Path(scratch_dir))


def _exact_then_near(make_docs: MakeDocs, lang_config: LanguageConfig, stats: StageStats,
                     scratch_dir: Path) -> Iterator[Document]:
    from langforge.storage import read_docs, write_docs

    dedup = lang_config.dedup
    spill = scratch_dir / "exact-dedup.parquet"
    first = StageStats(stats.stage, on_reject=stats.on_reject, on_progress=stats.on_progress)
    write_docs(exact_dedup(make_docs, first) if dedup.exact else counted(make_docs(), first),
               spill)
    second = StageStats(stats.stage, on_reject=stats.on_reject)
    try:
        yield from near_dedup(lambda: read_docs(spill), lang_config, second,
                              ngram_words=dedup.near_ngram_words, bands=dedup.near_bands,
                              rows=dedup.near_rows)
    finally:
        spill.unlink(missing_ok=True)
    stats.docs_in += first.docs_in
    stats.chars_in += first.chars_in
    stats.docs_out += second.docs_out
    stats.chars_out += second.chars_out
    stats.dropped.update(first.dropped)
    stats.dropped.update(second.dropped)
