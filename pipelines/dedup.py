"""The sharded deduplication's tasks (``langforge.dedup_sharded``), parallel per shard
or per partition, whose result ``pipelines.native.Deduplicate`` gathers:

    FilterShard(i) -> DedupKeys(i) -> DedupExact(p) -> DedupSignatures(i)
        -> DedupBuckets(p) -> DedupClusters -> DedupShard(i) -> Deduplicate

``DedupKeys`` / ``DedupExact`` run with ``dedup.exact``, ``DedupSignatures`` /
``DedupBuckets`` / ``DedupClusters`` with ``dedup.near``. Each task's memory is
bounded by its shard or partition (``DedupClusters``: by the linked documents);
each records its peak resident memory and duration in its ``stats.json``
(``extra.peak_rss_mb``, ``extra.seconds``), gathered into the dedup output's
``tasks.json``.

Each intermediate output also records what it was built from (``inputs.json``):
the ``_SUCCESS`` time of each quality shard it depends on, directly or through
another step, and the modification time of the quality outputs' directory. It
counts as incomplete when one of those shards was rebuilt since under the same
fingerprint (as a retry of a failed shard does), so no step reuses keys or
clusters of the shard's earlier contents. The check costs one ``stat`` while
nothing in the quality directory changed.
"""

from __future__ import annotations

from pathlib import Path

import luigi

from langforge.document import StageStats
from langforge.storage import DOCS_NAME, SUCCESS, read_json, write_json
from pipelines.base import LanguageTask, ShardTask, stage_output

INPUTS = "inputs.json"


def _mtime_ns(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


class _DedupStep(LanguageTask):
    """A step of the sharded dedup: complete when its output is in place and was
    built from the current contents of the quality shards it depends on."""

    stage = ""  # the work subdirectory and stats name

    def quality_shards(self) -> list[int]:
        """The quality shards this step's output depends on (directly or not)."""
        return list(range(self.layout.shard_count))

    def _sources(self) -> dict:
        layout = self.layout
        return {"quality_dir": _mtime_ns(layout.work / "quality"),
                "shards": {str(i): _mtime_ns(layout.shard("quality", i) / SUCCESS)
                           for i in self.quality_shards()}}

    def complete(self) -> bool:
        if not super().complete():
            return False
        if self.store is not None:
            # On a store a quality shard is replaced only by a rerun of the same
            # fingerprint, which writes the same bytes: the marker is enough.
            return True
        try:
            recorded = read_json(Path(self.output().path).parent / INPUTS)
        except (OSError, ValueError):
            return False
        if recorded.get("quality_dir") == _mtime_ns(self.layout.work / "quality") and \
                recorded.get("quality_dir") is not None:
            return True  # no quality output was added, removed or replaced since
        return recorded.get("shards") == self._sources()["shards"]

    def _record_inputs(self, directory: Path) -> None:
        write_json(directory / INPUTS, self._sources())

    def _shard_tasks(self, cls) -> list:
        return [cls(shard=i, **self.build_params()) for i in range(self.layout.shard_count)]

    def _partition_tasks(self, cls) -> list:
        return [cls(partition=p, **self.build_params())
                for p in range(self.layout.dedup_partitions)]


def _filter_shard(task: LanguageTask, shard: int):
    from pipelines.native import FilterShard

    return FilterShard(shard=shard, **task.build_params())


def _docs_path(target) -> Path:
    return Path(target.path).parent / DOCS_NAME


class DedupKeys(_DedupStep, ShardTask):
    """Exact-dedup keys of one shard (text digest, index, id), by digest partition."""

    stage = "dedup_keys"

    def quality_shards(self) -> list[int]:
        return [self.shard]

    def requires(self):
        return _filter_shard(self, self.shard)

    def output(self):
        return self.success_target(self.shard_dir(self.stage))

    def run(self):
        from langforge.dedup_sharded import EXACT_KEYS, measured, write_exact_keys
        from langforge.storage import count_docs, read_docs

        source = _docs_path(self.input())
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats(self.stage, total=count_docs(source))
            with measured(stats):
                stats.docs_out = write_exact_keys(read_docs(source), out.dir / EXACT_KEYS,
                                                  self.layout.dedup_partitions, stats)
            self._record_inputs(out.dir)


class DedupExact(_DedupStep):
    """Exact-duplicate groups of one digest partition across all shards."""

    stage = "dedup_exact"
    partition = luigi.IntParameter(description="digest partition")

    def requires(self):
        return self._shard_tasks(DedupKeys)

    def output(self):
        return self.success_target(self.layout.partition(self.stage, self.partition))

    def run(self):
        from langforge.dedup_sharded import EXACT_GROUPS, EXACT_KEYS, measured, \
            resolve_exact_partition

        keys = [Path(t.path).parent / EXACT_KEYS for t in self.input()]
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats(self.stage)
            with measured(stats):
                resolve_exact_partition(keys, self.partition, out.dir / EXACT_GROUPS, stats)
            self._record_inputs(out.dir)


def _exact_groups(task: LanguageTask) -> list[Path]:
    from langforge.dedup_sharded import EXACT_GROUPS

    return [task.layout.partition("dedup_exact", p) / EXACT_GROUPS
            for p in range(task.layout.dedup_partitions)]


class DedupSignatures(_DedupStep, ShardTask):
    """MinHash band hashes of one shard's exact survivors, by hash partition."""

    stage = "dedup_signatures"

    def quality_shards(self) -> list[int]:
        # with exact dedup it reads the exact groups of all shards
        return super().quality_shards() if self.config.dedup.exact else [self.shard]

    def requires(self):
        needs = {"docs": _filter_shard(self, self.shard)}
        if self.config.dedup.exact:
            needs["exact"] = self._partition_tasks(DedupExact)
        return needs

    def output(self):
        return self.success_target(self.shard_dir(self.stage))

    def run(self):
        import numpy as np

        from langforge.dedup_sharded import exact_removed, measured, write_signatures
        from langforge.storage import count_docs, read_docs

        dedup = self.config.dedup
        source = _docs_path(self.input()["docs"])
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats(self.stage, total=count_docs(source))
            with measured(stats):
                removed = exact_removed(_exact_groups(self), self.shard) if dedup.exact \
                    else np.empty(0, np.int64)
                write_signatures(read_docs(source), removed, self.config, out.dir,
                                 self.layout.dedup_partitions, stats,
                                 ngram_words=dedup.near_ngram_words, bands=dedup.near_bands,
                                 rows=dedup.near_rows)
            self._record_inputs(out.dir)


class DedupBuckets(_DedupStep):
    """LSH bucket matching of one hash partition: links between documents that share
    a band."""

    stage = "dedup_buckets"
    partition = luigi.IntParameter(description="band hash partition")

    def requires(self):
        return self._shard_tasks(DedupSignatures)

    def output(self):
        return self.success_target(self.layout.partition(self.stage, self.partition))

    def run(self):
        from langforge.dedup_sharded import PAIRS, SIGNATURES, match_buckets, measured

        signatures = [Path(t.path).parent / SIGNATURES for t in self.input()]
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats(self.stage)
            with measured(stats):
                match_buckets(signatures, self.partition, out.dir / PAIRS, stats)
            self._record_inputs(out.dir)


class DedupClusters(_DedupStep):
    """Near-duplicate clusters: connected components of all links, root = the first
    document in input order."""

    stage = "dedup_clusters"

    def requires(self):
        return {"buckets": self._partition_tasks(DedupBuckets),
                "signatures": self._shard_tasks(DedupSignatures)}

    def output(self):
        return self.success_target(self.layout.dedup_clusters)

    def run(self):
        from langforge.dedup_sharded import CLUSTERS, IDS, PAIRS, measured, resolve_clusters

        pairs = [Path(t.path).parent / PAIRS for t in self.input()["buckets"]]
        ids = [Path(t.path).parent / IDS for t in self.input()["signatures"]]
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats(self.stage)
            with measured(stats):
                resolve_clusters(pairs, ids, out.dir / CLUSTERS, stats)
            self._record_inputs(out.dir)


class DedupShard(_DedupStep, ShardTask):
    """One shard's kept documents and its exact / near duplicate rejections."""

    stage = "dedup_shard"

    def requires(self):
        dedup = self.config.dedup
        needs = {"docs": _filter_shard(self, self.shard)}
        if dedup.exact:
            needs["exact"] = self._partition_tasks(DedupExact)
            needs["keys"] = DedupKeys(shard=self.shard, **self.build_params())
        if dedup.near:
            needs["clusters"] = DedupClusters(**self.build_params())
            needs["signatures"] = DedupSignatures(shard=self.shard, **self.build_params())
        return needs

    def output(self):
        return self.success_target(self.shard_dir(self.stage))

    def run(self):
        from langforge.dedup_sharded import (CLUSTERS, EXACT_KEYS, SIGNATURES, expected_docs,
                                             filter_shard, measured)
        from langforge.storage import count_docs, read_docs, write_docs

        dedup, needs = self.config.dedup, self.input()
        source = _docs_path(needs["docs"])
        counted_by = Path(needs["signatures"].path).parent / SIGNATURES if dedup.near else \
            Path(needs["keys"].path).parent / EXACT_KEYS if dedup.exact else None
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats("dedup", total=count_docs(source))
            with measured(stats):
                docs = filter_shard(
                    read_docs(source), self.shard, stats,
                    exact_groups=_exact_groups(self) if dedup.exact else None,
                    clusters=Path(needs["clusters"].path).parent / CLUSTERS
                    if dedup.near else None,
                    expected_docs=expected_docs(counted_by) if counted_by else None)
                write_docs(docs, out.docs_path)
            self._record_inputs(out.dir)


def dedup_step_dirs(layout) -> list[tuple[str, Path]]:
    """Every intermediate output of the sharded dedup of a build, with its stage."""
    shards, parts = range(layout.shard_count), range(layout.dedup_partitions)
    dirs = [("dedup_keys", layout.shard("dedup_keys", i)) for i in shards]
    dirs += [("dedup_exact", layout.partition("dedup_exact", p)) for p in parts]
    dirs += [("dedup_signatures", layout.shard("dedup_signatures", i)) for i in shards]
    dirs += [("dedup_buckets", layout.partition("dedup_buckets", p)) for p in parts]
    dirs += [("dedup_clusters", layout.dedup_clusters)]
    dirs += [("dedup_shard", layout.shard("dedup_shard", i)) for i in shards]
    return dirs


def step_report(layout) -> list[dict]:
    """Each dedup task's documents, peak resident memory and duration (from the
    ``stats.json`` of the intermediate outputs that exist)."""
    rows = []
    for stage, directory in dedup_step_dirs(layout):
        path = directory / "stats.json"
        if not path.is_file():
            continue
        stats = StageStats.from_dict(read_json(path)[0])
        name = directory.name.split(".")[0]
        rows.append({"task": stage, "unit": "" if name == directory.name else name,
                     "docs_in": stats.docs_in, "docs_out": stats.docs_out, **stats.extra})
    return rows
