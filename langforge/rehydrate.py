"""Rehydration as in FineWeb-2: repeat each kept document by its duplicate cluster size.

Deduplication keeps one document per cluster and records how big the cluster was
(``langforge.dedup``). FineWeb-2 reports that upsampling by that size improved its
ablations for some languages, mostly high-resource ones, with very large clusters
left at one copy as likely lower quality; it did not tune the weights much. So
``rehydrate`` is an export option, off by default (``quality_model.rehydrate``).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Iterable, Iterator, Mapping

from langforge.document import Document, StageStats

#: FineWeb-2's rehydration weights (huggingface/fineweb-2 README, "Deduplication
#: informed upsampling", commit d0defb2): the smallest cluster size of each range ->
#: copies of the kept document. Sizes 2-3 give N copies, 4 gives 3, 5-99 give 5,
#: 100-999 give 8, and 1000+ give 1 ("very large clusters are lower quality").
FINEWEB2_REHYDRATION_WEIGHTS: dict[int, int] = {1: 1, 2: 2, 3: 3, 5: 5, 100: 8, 1000: 1}


def cluster_size(doc: Document) -> int:
    """How many crawled documents a kept document stands for.

    Exact dedup records ``dup_cluster_size`` (copies of the text, itself included);
    near dedup then clusters the survivors and records ``near_dup_cluster_size``.
    FineWeb-2's ``minhash_cluster_size`` counts every member of the MinHash cluster,
    exact copies included; here the members' own exact copies are not recorded on
    the kept document, so this is ``dup_cluster_size + near_dup_cluster_size - 1``,
    exact when only the kept document had exact copies and a lower bound otherwise.
    """
    meta = doc.metadata or {}
    exact = meta.get("dup_cluster_size")
    near = meta.get("near_dup_cluster_size")
    exact = int(exact) if isinstance(exact, (int, float)) and exact >= 1 else 1
    near = int(near) if isinstance(near, (int, float)) and near >= 1 else 1
    return exact + near - 1


def rehydration_weight(size: int,
                       weights: Mapping[int, int] = FINEWEB2_REHYDRATION_WEIGHTS) -> int:
    """Copies of a document whose duplicate cluster has ``size`` members."""
    limits = sorted(weights)
    if size < limits[0]:
        raise ValueError(f"cluster size {size} is below the smallest weighted size {limits[0]}")
    return int(weights[limits[bisect_right(limits, size) - 1]])


def rehydrate(docs: Iterable[Document],
              weights: Mapping[int, int] = FINEWEB2_REHYDRATION_WEIGHTS,
              stats: StageStats | None = None) -> Iterator[Document]:
    """Repeat each document by its cluster size's weight (FineWeb-2's "re-hydration").

    Copies are the same document (same id); ``metadata["rehydration_weight"]``
    records the weight on each. ``stats`` counts documents in and rows out, and
    ``stats.extra["rehydration_copies"]`` maps each weight to its documents.
    """
    for doc in docs:
        weight = rehydration_weight(cluster_size(doc), weights)
        doc.metadata["rehydration_weight"] = weight
        if stats is not None:
            stats.count_in(doc.text)
            copies = stats.extra.setdefault("rehydration_copies", {})
            copies[str(weight)] = copies.get(str(weight), 0) + 1
        for _ in range(weight):
            yield stats.count_out(doc) if stats is not None else doc


def rehydration_card_lines(stats: StageStats | Mapping[str, Any] | None,
                           weights: Mapping[int, int] = FINEWEB2_REHYDRATION_WEIGHTS
                           ) -> list[str]:
    """The card's rehydration paragraph; ``stats`` is ``rehydrate``'s (or None when the
    export was not rehydrated)."""
    if stats is None:
        return ["Not rehydrated: each kept document appears once; `dup_cluster_size` and "
                "the provenance's `near_dup_cluster_size` allow FineWeb-2-style upsampling."]
    data = stats.to_dict() if isinstance(stats, StageStats) else dict(stats)
    limits = sorted(weights)
    ranges = []
    for i, low in enumerate(limits):
        high = limits[i + 1] - 1 if i + 1 < len(limits) else None
        span = f"{low}" if high == low else (f"{low}-{high}" if high else f"{low}+")
        ranges.append(f"cluster size {span}: {weights[low]}x")
    copies = (data.get("extra") or {}).get("rehydration_copies") or {}
    return ["Rehydrated as FineWeb-2 does (huggingface/fineweb-2, \"Deduplication informed "
            "upsampling\"): each web document is repeated by the size of the duplicate "
            "cluster it was kept from (" + ", ".join(ranges) + "); the cluster size is "
            "`dup_cluster_size` + `near_dup_cluster_size` - 1. Repeated rows share their id "
            "and carry `rehydration_weight` in `provenance`.",
            f"{data.get('docs_in', 0):,} documents became {data.get('docs_out', 0):,} rows ("
            + ", ".join(f"{n:,} x{w}" for w, n in sorted(copies.items(), key=lambda kv:
                                                           int(kv[0]))) + ")."]
