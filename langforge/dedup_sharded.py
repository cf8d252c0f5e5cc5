"""Deduplication in parallel steps whose memory is bounded by a shard or a partition.

The same decisions as ``langforge.dedup.deduplicate`` over the shards read in
order (exact by normalised-text digest, then MinHash LSH near-dedup of the exact
survivors, clusters = connected components, the first document of each cluster
kept), computed in the way datatrove / FineWeb do it:

1. ``write_exact_keys`` (per shard): each document's text digest, index and id,
   one Arrow record batch per digest partition (``digest % partitions``).
2. ``resolve_exact_partition`` (per partition): the groups of equal digests across
   all shards; each member's keeper (the smallest ``(shard, index)``), the group
   size and the keeper's id.
3. ``write_signatures`` (per shard): the MinHash band hashes of the shard's exact
   survivors, one record batch per hash partition (``band hash % partitions``),
   and the shard's document ids (index-aligned, for step 5).
4. ``match_buckets`` (per partition): documents sharing a band hash; each is
   linked to the first (smallest node) of its bucket, as the single-process
   ``_clusters`` does.
5. ``resolve_clusters`` (one task; memory grows with the linked documents only):
   connected components of the links, root = the smallest node of each
   component (= the first document in input order), its size and the root's id.
6. ``filter_shard`` (per shard): keeps and rejects the shard's documents with the
   same reasons and metadata as the single-process stage.

A document is addressed by its node ``shard << 32 | index`` (index = position in
its shard), so node order is the input order of the single-process run. The
intermediate files are Arrow IPC files, read memory-mapped: a step reads one
partition's batch, or one shard's slice of a node-sorted table, never the whole.
``deduplicate_sharded`` runs all steps in one process (tests, library use); the
Luigi graph (``pipelines.dedup``) runs them as parallel tasks.
"""

from __future__ import annotations

import time
from array import array
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np
import pyarrow as pa
import xxhash

from langforge.config import LanguageConfig
from langforge.dedup import _hash32, _shingles, text_digest
from langforge.document import Document, StageStats
from langforge.errors import ConfigError, InputError
from langforge.text import word_splitter, normalizer

#: At most this many partitions (each a parallel task of steps 2 and 4).
MAX_PARTITIONS = 64
#: Bits of a node for the document's index within its shard.
INDEX_BITS = 32

EXACT_KEYS = "exact_keys.arrow"
EXACT_GROUPS = "exact_groups.arrow"
SIGNATURES = "signatures.arrow"
IDS = "ids.arrow"
PAIRS = "pairs.arrow"
CLUSTERS = "clusters.arrow"

KEY_SCHEMA = pa.schema([("digest", pa.uint64()), ("index", pa.uint32()), ("id", pa.string())])
GROUP_SCHEMA = pa.schema([("node", pa.int64()), ("keeper", pa.int64()), ("size", pa.int64()),
                          ("keeper_id", pa.string())])
SIGNATURE_SCHEMA = pa.schema([("band", pa.uint16()), ("hash", pa.uint64()),
                              ("index", pa.uint32())])
IDS_SCHEMA = pa.schema([("id", pa.string())])
PAIR_SCHEMA = pa.schema([("node", pa.int64()), ("first", pa.int64())])
CLUSTER_SCHEMA = pa.schema([("node", pa.int64()), ("root", pa.int64()), ("size", pa.int64()),
                            ("root_id", pa.string())])


def partition_count(shards: int) -> int:
    """Partitions of steps 2 and 4: one per shard (so a partition holds about a
    shard's worth of keys), at most ``MAX_PARTITIONS``."""
    return max(1, min(MAX_PARTITIONS, shards))


def node_of(shard: int, index: int | np.ndarray) -> int | np.ndarray:
    return (np.int64(shard) << INDEX_BITS) | np.asarray(index, dtype=np.int64) \
        if isinstance(index, np.ndarray) else (shard << INDEX_BITS) | index


# -- Arrow files ---------------------------------------------------------------------

def _write_batches(path: Path, schema: pa.Schema, batches: Iterable[pa.RecordBatch],
                   metadata: dict[str, str] | None = None) -> None:
    if metadata:
        schema = schema.with_metadata(metadata)
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, schema) as writer:
        for batch in batches:
            writer.write_batch(batch)


def _open(path: Path) -> pa.ipc.RecordBatchFileReader:
    return pa.ipc.open_file(pa.memory_map(str(path), "r"))


def _metadata(path: Path) -> dict[str, str]:
    meta = _open(path).schema.metadata or {}
    return {k.decode(): v.decode() for k, v in meta.items()}


def _read_partition(paths: Sequence[Path],
                    partition: int) -> tuple[list[int], list[pa.RecordBatch]]:
    """Batch ``partition`` of each shard's file (shard numbers = positions in ``paths``)."""
    shards, batches = [], []
    for shard, path in enumerate(paths):
        reader = _open(path)
        if reader.num_record_batches <= partition:
            raise InputError(f"{path} has {reader.num_record_batches} partitions, "
                             f"partition {partition} was asked for")
        batch = reader.get_batch(partition)
        if batch.num_rows:
            shards.append(shard)
            batches.append(batch)
    return shards, batches


def _partitioned(columns: dict[str, np.ndarray | pa.Array], keys: np.ndarray, partitions: int,
                 schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The rows split into ``partitions`` batches by ``keys % partitions``, each in
    the original row order."""
    part = (keys % np.uint64(partitions)).astype(np.int64)
    order = np.argsort(part, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(np.bincount(part, minlength=partitions))])
    table = pa.table({name: (col.take(pa.array(order)) if isinstance(col, pa.Array)
                             else col[order]) for name, col in columns.items()}, schema=schema)
    for p in range(partitions):
        chunk = table.slice(int(bounds[p]), int(bounds[p + 1] - bounds[p]))
        yield pa.RecordBatch.from_arrays([chunk.column(i).combine_chunks()
                                          for i in range(chunk.num_columns)], schema=schema)


def _sorted_table(path: Path) -> tuple[pa.Table, np.ndarray]:
    """A node-sorted table, memory-mapped, and its node column (zero-copy)."""
    table = _open(path).read_all()
    nodes = table.column("node").to_numpy() if table.num_rows else np.empty(0, np.int64)
    return table, nodes


def _shard_rows(path: Path, shard: int) -> pa.Table:
    """The rows of a node-sorted table whose node is in ``shard`` (a binary search;
    only those pages are read)."""
    table, nodes = _sorted_table(path)
    lo, hi = np.searchsorted(nodes, [node_of(shard, 0), node_of(shard + 1, 0)])
    return table.slice(int(lo), int(hi - lo))


# -- memory of a step ----------------------------------------------------------------

def _rss_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


@contextmanager
def measured(stats: StageStats, sample_every_s: float = 0.02) -> Iterator[None]:
    """Record the step's peak resident memory and duration in ``stats.extra``.

    ``peak_rss_mb`` is the process's resident memory at its highest during the step;
    ``start_rss_mb`` at the start (interpreter, imports, the worker), so the step's
    own share is the difference. In a child process (a Luigi worker of ``--workers
    N``, one per task) the kernel's high-water mark is reset at the start and read
    at the end (``peak_rss_method = "hwm"``); in the main process, whose own peak
    others may measure, resident memory is sampled instead (``"sampled"``, every
    ``sample_every_s``; a shorter spike can be missed).
    """
    import multiprocessing
    import threading

    start_kib = _rss_kib("VmRSS")
    reset = False
    if multiprocessing.parent_process() is not None:
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
                clear.write("5")  # reset this process's peak RSS (VmHWM)
            reset = True
        except OSError:
            pass
    peak = [start_kib or 0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(sample_every_s):
            peak[0] = max(peak[0], _rss_kib("VmRSS") or 0)

    sampler = None if reset or start_kib is None else threading.Thread(target=sample,
                                                                        daemon=True)
    if sampler is not None:
        sampler.start()
    started = time.monotonic()
    try:
        yield
    finally:
        seconds = time.monotonic() - started
        stop.set()
        if sampler is not None:
            sampler.join()
        if reset:
            peak_kib, method = _rss_kib("VmHWM") or 0, "hwm"
        elif start_kib is not None:
            peak_kib, method = max(peak[0], _rss_kib("VmRSS") or 0), "sampled"
        else:  # no /proc: the process's peak so far
            import resource

            peak_kib, method = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "process"
        stats.extra["peak_rss_mb"] = round(peak_kib / 1024, 1)
        if start_kib is not None:
            stats.extra["start_rss_mb"] = round(start_kib / 1024, 1)
        stats.extra["peak_rss_method"] = method
        stats.extra["seconds"] = round(seconds, 3)


# -- step 1: exact keys of a shard ---------------------------------------------------

def write_exact_keys(docs: Iterable[Document], path: Path, partitions: int,
                     stats: StageStats | None = None) -> int:
    """Write each document's text digest, index and id, partitioned by digest.

    Returns the number of documents.
    """
    digests, ids = [], []
    for doc in docs:
        if stats is not None:
            stats.count_in(doc.text)
        digests.append(text_digest(doc.text))
        ids.append(doc.id)
    keys = np.array(digests, dtype=np.uint64)
    columns = {"digest": keys, "index": np.arange(len(keys), dtype=np.uint32),
               "id": pa.array(ids, type=pa.string())}
    _write_batches(path, KEY_SCHEMA, _partitioned(columns, keys, partitions, KEY_SCHEMA),
                   {"docs": str(len(keys)), "partitions": str(partitions)})
    return len(keys)


# -- step 2: exact groups of a partition ---------------------------------------------

def resolve_exact_partition(key_paths: Sequence[Path], partition: int, path: Path,
                            stats: StageStats | None = None) -> int:
    """The exact-duplicate groups of one digest partition across all shards.

    Writes, sorted by node, every member of a group of two or more: its keeper (the
    group's smallest node), the group size and the keeper's id. Returns the number
    of documents removed as exact duplicates.
    """
    shards, batches = _read_partition(key_paths, partition)
    digest = np.concatenate([b.column(0).to_numpy() for b in batches]) if batches \
        else np.empty(0, np.uint64)
    nodes = np.concatenate([node_of(s, b.column(1).to_numpy().astype(np.int64))
                            for s, b in zip(shards, batches)]) if batches \
        else np.empty(0, np.int64)
    ids = pa.concat_arrays([b.column(2) for b in batches]) if batches \
        else pa.array([], pa.string())
    if stats is not None:
        stats.docs_in += len(nodes)
    order = np.lexsort((nodes, digest))
    sorted_digest = digest[order]
    new_group = np.ones(len(order), dtype=bool)
    new_group[1:] = sorted_digest[1:] != sorted_digest[:-1]
    group = np.cumsum(new_group) - 1
    sizes = np.bincount(group) if len(group) else np.empty(0, np.int64)
    first_pos = order[np.flatnonzero(new_group)]  # row of each group's keeper
    member = sizes[group] > 1
    rows = order[member]
    keeper_rows = first_pos[group[member]]
    out_nodes = nodes[rows]
    by_node = np.argsort(out_nodes, kind="stable")
    table = pa.table({
        "node": out_nodes[by_node],
        "keeper": nodes[keeper_rows][by_node],
        "size": sizes[group[member]][by_node].astype(np.int64),
        "keeper_id": ids.take(pa.array(keeper_rows[by_node])),
    }, schema=GROUP_SCHEMA)
    _write_batches(path, GROUP_SCHEMA, table.to_batches() or
                   [pa.RecordBatch.from_pylist([], schema=GROUP_SCHEMA)])
    removed = int(member.sum() - (sizes > 1).sum())
    if stats is not None:
        stats.docs_out += len(nodes) - removed
        stats.dropped["exact_duplicate"] += removed
    return removed


def exact_removed(group_paths: Sequence[Path], shard: int) -> np.ndarray:
    """Sorted indices of the shard's documents that exact dedup removes."""
    removed = []
    for path in group_paths:
        rows = _shard_rows(path, shard)
        if rows.num_rows:
            node = rows.column("node").to_numpy()
            keeper = rows.column("keeper").to_numpy()
            removed.append(node[node != keeper] - node_of(shard, 0))
    return np.sort(np.concatenate(removed)) if removed else np.empty(0, np.int64)


# -- step 3: MinHash band signatures of a shard --------------------------------------

def check_near_parameters(ngram_words: int, bands: int, rows: int) -> None:
    for name, value in (("ngram_words", ngram_words), ("bands", bands), ("rows", rows)):
        if value < 1:
            raise ConfigError(f"near dedup: {name} must be at least 1, got {value}")


def write_signatures(docs: Iterable[Document], removed: np.ndarray, lang_config: LanguageConfig,
                     directory: Path, partitions: int, stats: StageStats | None = None, *,
                     ngram_words: int = 5, bands: int = 14, rows: int = 8,
                     seed: int = 1) -> int:
    """Band hashes of the shard's documents that survive exact dedup (``removed``:
    sorted indices of those that do not), partitioned by band hash, in
    ``directory/signatures.arrow``; every document's id in ``directory/ids.arrow``.
    Documents without words get no signature (never near-duplicates), as in
    ``langforge.dedup.near_dedup``. Returns the number of documents.
    """
    from datasketch import MinHash

    check_near_parameters(ngram_words, bands, rows)
    split_words, normalize = word_splitter(lang_config), normalizer(lang_config)
    minhash = MinHash(num_perm=bands * rows, seed=seed, hashfunc=_hash32, scheme="affine32")
    hashes = array("Q")  # 8 bytes a band hash, not a Python int
    indices = array("I")
    ids: list[str] = []
    removed_set = set(removed.tolist())
    for index, doc in enumerate(docs):
        ids.append(doc.id)
        if stats is not None:
            stats.count_in(doc.text)
        if index in removed_set:
            continue
        if stats is not None:
            stats.docs_out += 1
        shingles = _shingles(doc.text, split_words, normalize, ngram_words)
        if not shingles:
            continue
        minhash.clear()
        minhash.update_batch(shingles)
        values = minhash.hashvalues.reshape(bands, rows)
        hashes.extend(xxhash.xxh3_64_intdigest(band.tobytes()) for band in values)
        indices.append(index)
    keys = np.frombuffer(hashes, dtype=np.uint64) if hashes else np.empty(0, np.uint64)
    index_array = np.frombuffer(indices, dtype=np.uint32) if indices else np.empty(0, np.uint32)
    columns = {"band": np.tile(np.arange(bands, dtype=np.uint16), len(index_array)),
               "hash": keys, "index": np.repeat(index_array, bands)}
    directory = Path(directory)
    _write_batches(directory / SIGNATURES, SIGNATURE_SCHEMA,
                   _partitioned(columns, keys, partitions, SIGNATURE_SCHEMA),
                   {"docs": str(len(ids)), "partitions": str(partitions), "bands": str(bands)})
    _write_batches(directory / IDS, IDS_SCHEMA,
                   [pa.RecordBatch.from_arrays([pa.array(ids, pa.string())], schema=IDS_SCHEMA)])
    return len(ids)


# -- step 4: LSH buckets of a partition ----------------------------------------------

def match_buckets(signature_paths: Sequence[Path], partition: int, path: Path,
                  stats: StageStats | None = None) -> int:
    """Link each document of a bucket (same band, same band hash) to the bucket's
    first document, for the buckets of one hash partition. Writes the distinct
    links (node, first), sorted; returns their number."""
    shards, batches = _read_partition(signature_paths, partition)
    if batches:
        band = np.concatenate([b.column(0).to_numpy() for b in batches])
        hashes = np.concatenate([b.column(1).to_numpy() for b in batches])
        nodes = np.concatenate([node_of(s, b.column(2).to_numpy().astype(np.int64))
                                for s, b in zip(shards, batches)])
    else:
        band, hashes, nodes = (np.empty(0, np.uint16), np.empty(0, np.uint64),
                               np.empty(0, np.int64))
    if stats is not None:
        stats.docs_in += len(nodes)
    order = np.lexsort((nodes, hashes, band))
    band, hashes, nodes = band[order], hashes[order], nodes[order]
    del order
    new_bucket = np.ones(len(nodes), dtype=bool)
    new_bucket[1:] = (hashes[1:] != hashes[:-1]) | (band[1:] != band[:-1])
    first = nodes[np.flatnonzero(new_bucket)][np.cumsum(new_bucket) - 1]
    linked = nodes != first
    pairs = np.unique(np.stack([nodes[linked], first[linked]], axis=1), axis=0) \
        if linked.any() else np.empty((0, 2), np.int64)
    table = pa.table({"node": pairs[:, 0], "first": pairs[:, 1]}, schema=PAIR_SCHEMA)
    _write_batches(path, PAIR_SCHEMA, table.to_batches() or
                   [pa.RecordBatch.from_pylist([], schema=PAIR_SCHEMA)])
    if stats is not None:
        stats.docs_out += len(pairs)
    return len(pairs)


# -- step 5: clusters ----------------------------------------------------------------

def resolve_clusters(pair_paths: Sequence[Path], id_paths: Sequence[Path], path: Path,
                     stats: StageStats | None = None) -> int:
    """Connected components of all links; writes, sorted by node, every document of
    a cluster of two or more with its root (the cluster's smallest node), the
    cluster size and the root's id (``id_paths``: each shard's ``ids.arrow``).
    Returns the number of documents removed as near duplicates."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    sources, targets = [], []
    for pair_path in pair_paths:
        table = _open(pair_path).read_all()
        if table.num_rows:
            sources.append(table.column("node").to_numpy())
            targets.append(table.column("first").to_numpy())
    src = np.concatenate(sources) if sources else np.empty(0, np.int64)
    dst = np.concatenate(targets) if targets else np.empty(0, np.int64)
    nodes = np.unique(np.concatenate([src, dst]))  # sorted: input order
    n = len(nodes)
    if stats is not None:
        stats.docs_in += n
    if n:
        graph = coo_matrix((np.ones(len(src), dtype=np.int8),
                            (np.searchsorted(nodes, src), np.searchsorted(nodes, dst))),
                           shape=(n, n))
        del src, dst, sources, targets
        _, labels = connected_components(graph, directed=False)
        del graph
        first_of_label = np.full(labels.max() + 1, n, dtype=np.int64)
        np.minimum.at(first_of_label, labels, np.arange(n))
        roots = nodes[first_of_label[labels]]
        sizes = np.bincount(labels)[labels].astype(np.int64)
    else:
        roots = sizes = np.empty(0, np.int64)
    # the roots' ids, one shard at a time
    distinct_roots = np.unique(roots)
    root_ids: list[pa.Array] = []
    shard_of = distinct_roots >> INDEX_BITS
    for shard in np.unique(shard_of):
        ids = _open(id_paths[int(shard)]).read_all().column("id")
        wanted = distinct_roots[shard_of == shard] - node_of(int(shard), 0)
        root_ids.append(ids.take(pa.array(wanted)).combine_chunks())
    distinct_ids = pa.concat_arrays(root_ids) if root_ids else pa.array([], pa.string())
    table = pa.table({"node": nodes, "root": roots, "size": sizes,
                      "root_id": distinct_ids.take(
                          pa.array(np.searchsorted(distinct_roots, roots)))},
                     schema=CLUSTER_SCHEMA)
    _write_batches(path, CLUSTER_SCHEMA, table.to_batches() or
                   [pa.RecordBatch.from_pylist([], schema=CLUSTER_SCHEMA)])
    removed = n - len(distinct_roots)
    if stats is not None:
        stats.docs_out += len(distinct_roots)
        stats.dropped["near_duplicate"] += removed
    return removed


# -- step 6: filter a shard ----------------------------------------------------------

def _decisions(rows: pa.Table, shard: int) -> dict[int, tuple[int, int, str]]:
    """index -> (is the keeper, size, keeper's id) for a shard's slice of groups."""
    if not rows.num_rows:
        return {}
    base = node_of(shard, 0)
    index = (rows.column(0).to_numpy() - base).tolist()
    keep = (rows.column(0).to_numpy() == rows.column(1).to_numpy()).tolist()
    return dict(zip(index, zip(keep, rows.column(2).to_pylist(), rows.column(3).to_pylist())))


def filter_shard(docs: Iterable[Document], shard: int, stats: StageStats, *,
                 exact_groups: Sequence[Path] | None, clusters: Path | None,
                 expected_docs: int | None = None) -> Iterator[Document]:
    """The shard's documents that dedup keeps, with the single-process stage's
    metadata (``dup_cluster_size`` with ``exact_groups``, ``near_dup_cluster_size``
    with ``clusters``) and rejections (``exact_duplicate`` / ``near_duplicate``,
    ``duplicate_of`` = the kept document's id, ``cluster_size`` for near ones).

    Raises:
        InputError: the shard holds another number of documents than the earlier
            steps saw (``expected_docs``).
    """
    exact: dict[int, tuple[int, int, str]] = {}
    for path in exact_groups or ():
        exact.update(_decisions(_shard_rows(path, shard), shard))
    near = _decisions(_shard_rows(clusters, shard), shard) if clusters is not None else {}
    index = -1
    for index, doc in enumerate(docs):
        stats.count_in(doc.text)
        if exact_groups is not None:
            keep, size, keeper_id = exact.get(index, (True, 1, ""))
            if not keep:
                stats.reject(doc, "exact_duplicate", duplicate_of=keeper_id)
                continue
            doc.metadata["dup_cluster_size"] = size
        if clusters is not None:
            keep, size, root_id = near.get(index, (True, 1, ""))
            if not keep:
                stats.reject(doc, "near_duplicate", duplicate_of=root_id, cluster_size=size)
                continue
            doc.metadata["near_dup_cluster_size"] = size
        yield stats.count_out(doc)
    if expected_docs is not None and index + 1 != expected_docs:
        raise InputError(f"shard {shard} holds {index + 1} documents, the dedup keys and "
                         f"signatures were taken of {expected_docs}: rebuild its dedup steps")


# -- all steps in one process --------------------------------------------------------

MakeShard = Callable[[], Iterable[Document]]


def deduplicate_sharded(shards: Sequence[MakeShard], lang_config: LanguageConfig,
                        stats: StageStats, scratch_dir: Path,
                        partitions: int | None = None) -> Iterator[Document]:
    """``langforge.dedup.deduplicate`` over the shards in order, by the sharded steps
    (run one after another here); ``shards[i]()`` returns a fresh iterator over
    shard i's documents. Rejections go to ``stats`` in the order the pipeline
    writes them: every exact duplicate (input order), then every near duplicate.
    Scratch files go to ``scratch_dir`` (left there)."""
    dedup = lang_config.dedup
    if dedup.near:
        check_near_parameters(dedup.near_ngram_words, dedup.near_bands, dedup.near_rows)
    scratch = Path(scratch_dir)
    scratch.mkdir(parents=True, exist_ok=True)
    parts = partitions or partition_count(len(shards))
    counts = []
    group_paths: list[Path] | None = None
    if dedup.exact:
        key_paths = [scratch / f"keys-{s:05d}.arrow" for s in range(len(shards))]
        for make, key_path in zip(shards, key_paths):
            counts.append(write_exact_keys(make(), key_path, parts))
        group_paths = [scratch / f"exact-{p:05d}.arrow" for p in range(parts)]
        for p, group_path in enumerate(group_paths):
            resolve_exact_partition(key_paths, p, group_path)
    cluster_path = None
    if dedup.near:
        sig_dirs = [scratch / f"signatures-{s:05d}" for s in range(len(shards))]
        counts = []
        for s, (make, sig_dir) in enumerate(zip(shards, sig_dirs)):
            sig_dir.mkdir(exist_ok=True)
            removed = exact_removed(group_paths, s) if group_paths else np.empty(0, np.int64)
            counts.append(write_signatures(
                make(), removed, lang_config, sig_dir, parts, ngram_words=dedup.near_ngram_words,
                bands=dedup.near_bands, rows=dedup.near_rows))
        pair_paths = [scratch / f"pairs-{p:05d}.arrow" for p in range(parts)]
        for p, pair_path in enumerate(pair_paths):
            match_buckets([d / SIGNATURES for d in sig_dirs], p, pair_path)
        cluster_path = scratch / CLUSTERS
        resolve_clusters(pair_paths, [d / IDS for d in sig_dirs], cluster_path)
    exact_rejects: list = []
    near_rejects: list = []
    sink = stats.on_reject

    def route(rejection) -> None:
        (exact_rejects if rejection.reason == "exact_duplicate" else near_rejects).append(rejection)

    stats.on_reject = route
    try:
        for s, make in enumerate(shards):
            yield from filter_shard(make(), s, stats, exact_groups=group_paths,
                                    clusters=cluster_path,
                                    expected_docs=counts[s] if counts else None)
    finally:
        stats.on_reject = sink
    if sink is not None:
        for rejection in exact_rejects + near_rejects:
            sink(rejection)


def expected_docs(path: Path) -> int:
    """The number of documents a step-1 or step-3 file was taken of."""
    return int(_metadata(path)["docs"])
