"""Read what a build left on disk into the figures the report shows.

Everything is streamed in record batches: numeric columns are kept (a few floats
per document), texts only through seeded reservoir samples, so a report of a
large build needs memory for its numbers, not its text.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import pyarrow.compute as pc
import pyarrow.parquet as pq

from langforge.dataset import SPLITS, url_domain

#: Stage names (as in ``langforge.summary.STAGE_ORDER``) whose rejections the
#: LID and quality plots compare with the kept documents.
LID_STAGE = "identify"
QUALITY_STAGE = "quality"

_BATCH_ROWS = 2048
_NUMERIC_COLUMNS = ("language_score", "dup_cluster_size")


class Reservoir:
    """A seeded uniform sample of at most ``size`` items from a stream."""

    def __init__(self, size: int, rng: random.Random):
        self.size, self.rng = size, rng
        self.items: list[Any] = []
        self.seen = 0

    def offer(self, make: Callable[[], Any]) -> None:
        """Count one item; build it with ``make()`` only if it enters the sample."""
        self.seen += 1
        if len(self.items) < self.size:
            self.items.append(make())
            return
        slot = self.rng.randrange(self.seen)
        if slot < self.size:
            self.items[slot] = make()


@dataclass
class KeptData:
    """Per-split figures of the published dataset."""

    numeric: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)  # split -> col
    signals: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # native
    length_chars: dict[str, np.ndarray] = field(default_factory=dict)
    domains: Counter = field(default_factory=Counter)
    tlds: Counter = field(default_factory=Counter)
    models: Counter = field(default_factory=Counter)  # (model, licence) -> docs
    checks: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def docs(self, split: str) -> int:
        return len(self.length_chars.get(split, ()))


@dataclass
class RejectedData:
    """Figures of the rejected records, by stage and reason."""

    counts: Counter = field(default_factory=Counter)  # (stage, reason) -> records
    lid_scores: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    signals: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    tripped: Counter = field(default_factory=Counter)  # quality signal -> records it dropped
    examples: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def _batches(path: Path, columns: list[str] | None = None) -> Iterator[Any]:
    parquet = pq.ParquetFile(path)
    names = parquet.schema_arrow.names
    wanted = [c for c in columns if c in names] if columns else None
    yield from parquet.iter_batches(batch_size=_BATCH_ROWS, columns=wanted)


def shard_paths(dataset_dir: Path, split: str) -> list[Path]:
    return sorted((dataset_dir / "data").glob(f"{split}-*.parquet"))


def _loads(value: Any) -> Any:
    if not isinstance(value, str) or not value:
        return {}
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return {}


def collect_kept(dataset_dir: Path, seed: int, examples_per_split: int) -> KeptData:
    """Numeric columns, domains, synthetic provenance and a sample of each split."""
    data = KeptData()
    rng = random.Random(seed)
    for split in SPLITS:
        numeric: dict[str, list[np.ndarray]] = defaultdict(list)
        lengths: list[np.ndarray] = []
        sample = Reservoir(examples_per_split, rng)
        for path in shard_paths(dataset_dir, split):
            for batch in _batches(path):
                names = batch.schema.names
                for col in _NUMERIC_COLUMNS:
                    if col in names:
                        values = batch.column(col).to_numpy(zero_copy_only=False)
                        numeric[col].append(np.asarray(values, dtype=float))
                lengths.append(pc.utf8_length(batch.column("text")).to_numpy(
                    zero_copy_only=False))
                for url in (batch.column("url").to_pylist() if "url" in names else ()):
                    domain = url_domain(url)
                    if domain:
                        data.domains[domain] += 1
                        data.tlds[domain.rsplit(".", 1)[-1]] += 1
                if split == "synthetic" and "provenance" in names:
                    for value in batch.column("provenance").to_pylist():
                        _add_provenance(data, _loads(value))
                if split == "native" and "signals" in names:
                    for value in batch.column("signals").to_pylist():
                        _add_numbers(data.signals, _loads(value))
                for i in range(batch.num_rows):
                    sample.offer(lambda i=i: _example_row(batch, i))
        data.numeric[split] = {col: np.concatenate(parts) for col, parts in numeric.items()}
        data.length_chars[split] = (np.concatenate(lengths) if lengths
                                    else np.zeros(0, dtype=np.int64))
        data.examples[split] = sample.items
    return data


def _example_row(batch: Any, index: int) -> dict[str, Any]:
    row = batch.slice(index, 1).to_pylist()[0]
    return {k: row.get(k) for k in ("id", "url", "text", "language_score", "provenance")}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _add_numbers(into: dict[str, list[float]], values: dict[str, Any]) -> None:
    for name, value in values.items():
        if _is_number(value):
            into[name].append(float(value))


def _flatten_checks(checks: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, float]]:
    """Numeric leaves of a document's check record: numbers as they are, booleans
    as 0/1 (so their mean is a pass rate), lists by their length."""
    for name, value in checks.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            yield from _flatten_checks(value, f"{key}.")
        elif isinstance(value, (bool, int, float)):
            yield key, float(value)
        elif isinstance(value, list):
            yield f"{key} (count)", float(len(value))


def _add_provenance(data: KeptData, provenance: dict[str, Any]) -> None:
    data.models[(str(provenance.get("model") or "unknown"),
                 str(provenance.get("licence") or "unknown"))] += 1
    checks = provenance.get("checks")
    if isinstance(checks, dict):
        for name, value in _flatten_checks(checks):
            data.checks[name].append(value)


def collect_rejected(rejected_dir: Path, seed: int, examples_per_reason: int) -> RejectedData:
    """Counts, LID scores, signals and a sample per (stage, reason) of rejected records."""
    data = RejectedData()
    if not rejected_dir.is_dir():
        return data
    rng = random.Random(seed)
    samples: dict[tuple[str, str], Reservoir] = {}
    for path in sorted(rejected_dir.glob("*.parquet")):
        data.files.append(path.name)
        for batch in _batches(path):
            for row in batch.to_pylist():
                key = (str(row.get("stage") or path.stem), str(row.get("reason") or "unknown"))
                data.counts[key] += 1
                detail = _loads(row.get("detail"))
                score = detail.get("language_score")
                if _is_number(score):
                    data.lid_scores[key[0]].append(float(score))
                signals = detail.get("signals")
                if key[0] == QUALITY_STAGE and isinstance(signals, dict):
                    _add_numbers(data.signals, signals)
                if key[0] == QUALITY_STAGE and isinstance(detail.get("signal"), str):
                    data.tripped[detail["signal"]] += 1
                if key not in samples:
                    samples[key] = Reservoir(examples_per_reason, rng)
                samples[key].offer(lambda row=row, detail=detail: {
                    "id": row.get("id"), "url": row.get("url"), "text": row.get("text") or "",
                    "detail": detail})
    data.examples = {key: samples[key].items for key in sorted(samples)}
    return data
