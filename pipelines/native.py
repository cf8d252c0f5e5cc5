"""The native (web) part of the graph: per-shard extract, identify, filter; then dedup."""

from __future__ import annotations

from pathlib import Path

import luigi
from luigi.util import requires

from langforge.filters import quality_filter
from langforge.langid import identify
from langforge.sources.warc import iter_pages
from langforge.storage import DOCS_NAME, count_docs, read_docs, write_docs
from langforge.acquisition import shard_inputs
from langforge.build import is_remote
from pipelines.acquire import source_tasks
from pipelines.base import LanguageTask, ShardTask, stage_output


class WarcFile(luigi.ExternalTask):
    """A WARC file the pipeline does not produce (local path)."""

    task_namespace = "langforge"
    path = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(self.path)


class ExtractShard(ShardTask):
    """Read a group of WARC files and extract main text from their HTML pages."""

    def requires(self):
        return [WarcFile(path=p) for p in self.warcs if not is_remote(p)] + source_tasks(self)

    def warc_inputs(self):
        """What to read: local paths, cached downloads, remote streams or the fetched
        records (see ``pipelines.acquire.shard_inputs``)."""
        return shard_inputs(self.layout, self.shard)

    def output(self):
        return self.success_target(self.shard_dir("extract"))

    def run(self):
        from langforge.parallel import prefilter_and_extract

        config = self.config
        with stage_output(Path(self.output().path).parent, task=self) as out:
            read, prefilter = out.stats("read"), out.stats("prefilter")
            extract = out.stats("extract")
            seen_ids: set[str] = set()  # page ids unique across the shard's files
            pages = (page for path in self.warc_inputs()
                     for page in iter_pages(path, read, crawl=self.crawl or None,
                                            seen_ids=seen_ids))
            write_docs(prefilter_and_extract(pages, config, prefilter, extract), out.docs_path)


@requires(ExtractShard)
class IdentifyShard(ShardTask):
    """Document-level language identification (fastText) of one shard."""

    def output(self):
        return self.success_target(self.shard_dir("identify"))

    def run(self):
        config = self.config
        source = Path(self.input().path).parent / DOCS_NAME
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats("identify", total=count_docs(source))
            write_docs(identify(read_docs(source), config.lang, config.lid, stats), out.docs_path)


@requires(IdentifyShard)
class FilterShard(ShardTask):
    """Per-language quality signals and threshold decisions for one shard."""

    def output(self):
        return self.success_target(self.shard_dir("quality"))

    def run(self):
        config = self.config
        source = Path(self.input().path).parent / DOCS_NAME
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats("quality", total=count_docs(source))
            write_docs(quality_filter(read_docs(source), config, stats), out.docs_path)


class Deduplicate(LanguageTask):
    """Exact, then (dedup.near) MinHash near-deduplication across all shards.

    The work runs in the sharded tasks of ``pipelines.dedup`` (per shard and per
    hash partition, memory bounded by one of them); this task gathers their kept
    documents in shard order, their rejections (every exact duplicate, then every
    near duplicate, as the single-process ``langforge.dedup.deduplicate`` writes
    them) and their counts into ``layout.dedup``, with each dedup task's peak
    memory and duration in ``tasks.json``. The per-shard copies are removed after.
    """

    def requires(self):
        from pipelines.dedup import DedupShard

        return [DedupShard(shard=i, **self.build_params())
                for i in range(len(self.spec.shards()))]

    def output(self):
        return self.success_target(self.layout.dedup)

    def run(self):
        import json
        import shutil

        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        from langforge.dedup_sharded import measured
        from langforge.document import Rejection, StageStats
        from langforge.storage import load_stats, write_json
        from pipelines.base import REJECTED
        from pipelines.dedup import step_report

        shard_dirs = [Path(t.path).parent for t in self.input()]
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats("dedup")
            for directory in shard_dirs:
                for part in load_stats(directory):  # counts only (not the task's extra)
                    stats.docs_in += part.docs_in
                    stats.chars_in += part.chars_in
                    stats.docs_out += part.docs_out
                    stats.chars_out += part.chars_out
                    stats.dropped.update(part.dropped)
            gather = StageStats("dedup_gather", docs_in=stats.docs_out)
            with measured(gather):
                write_docs((doc for d in shard_dirs for doc in read_docs(d / DOCS_NAME)),
                           out.docs_path)
                for reason in ("exact_duplicate", "near_duplicate"):
                    for directory in shard_dirs:
                        table = pq.read_table(directory / REJECTED)
                        table = table.filter(pc.equal(table.column("reason"), reason))
                        for row in table.to_pylist():
                            detail = json.loads(row.pop("detail")) if row["detail"] else {}
                            out.rejects(Rejection(**row, detail=detail))
            write_json(out.dir / "tasks.json", step_report(self.layout) + [
                {"task": "dedup_gather", "unit": "", "docs_in": gather.docs_in,
                 "docs_out": gather.docs_in, **gather.extra}])
        for directory in shard_dirs:  # a copy of the kept documents each
            shutil.rmtree(directory, ignore_errors=True)
