"""The native (web) part of the graph: per-shard extract, identify, filter; then dedup."""

from __future__ import annotations

from pathlib import Path

import luigi
from luigi.util import requires

from langforge.dedup import exact_dedup
from langforge.extract import extract_pages
from langforge.filters import quality_filter
from langforge.langid import identify
from langforge.sources.warc import iter_pages
from langforge.storage import DOCS_NAME, read_docs, write_docs
from pipelines.base import LanguageTask, stage_output


class WarcFile(luigi.ExternalTask):
    """A WARC file the pipeline does not produce (local path)."""

    task_namespace = "langforge"
    path = luigi.Parameter()

    def output(self):
        return luigi.LocalTarget(self.path)


class ExtractShard(LanguageTask):
    """Read a group of WARC files and extract main text from their HTML pages."""

    shard = luigi.IntParameter(description="shard number")
    warcs = luigi.ListParameter(description="the WARC files of this shard")
    crawl = luigi.Parameter(default="", description="crawl name recorded on documents")

    def requires(self):
        return [WarcFile(path=p) for p in self.warcs]

    def output(self):
        return self.success_target(self.stage_dir("extract", f"shard-{self.shard:05d}"))

    def run(self):
        config = self.config
        with stage_output(Path(self.output().path).parent) as out:
            read, extract = out.stats("read"), out.stats("extract")
            pages = (page for path in self.warcs
                     for page in iter_pages(path, read, crawl=self.crawl or None))
            write_docs(extract_pages(pages, config.extract, extract), out.docs_path)


@requires(ExtractShard)
class IdentifyShard(LanguageTask):
    """Document-level language identification (fastText) of one shard."""

    def output(self):
        return self.success_target(self.stage_dir("identify", f"shard-{self.shard:05d}"))

    def run(self):
        config = self.config
        source = Path(self.input().path).parent / DOCS_NAME
        with stage_output(Path(self.output().path).parent) as out:
            stats = out.stats("identify")
            write_docs(identify(read_docs(source), config.lang, config.lid, stats), out.docs_path)


@requires(IdentifyShard)
class FilterShard(LanguageTask):
    """Per-language quality signals and threshold decisions for one shard."""

    def output(self):
        return self.success_target(self.stage_dir("quality", f"shard-{self.shard:05d}"))

    def run(self):
        config = self.config
        source = Path(self.input().path).parent / DOCS_NAME
        with stage_output(Path(self.output().path).parent) as out:
            stats = out.stats("quality")
            write_docs(quality_filter(read_docs(source), config, stats), out.docs_path)


def shard_groups(warcs: list[str] | tuple[str, ...], files_per_shard: int) -> list[tuple[str, ...]]:
    """Group WARC paths (sorted) into shards of ``files_per_shard`` files."""
    paths = sorted(warcs)
    return [tuple(paths[i:i + files_per_shard]) for i in range(0, len(paths), files_per_shard)]


class Deduplicate(LanguageTask):
    """Exact deduplication across all shards of the language."""

    warcs = luigi.ListParameter(description="all WARC files of the build")
    files_per_shard = luigi.IntParameter(default=1)
    crawl = luigi.Parameter(default="")

    def requires(self):
        return [FilterShard(language=self.language, build_dir=self.build_dir, shard=i,
                            warcs=group, crawl=self.crawl)
                for i, group in enumerate(shard_groups(self.warcs, self.files_per_shard))]

    def output(self):
        return self.success_target(self.stage_dir("dedup"))

    def run(self):
        sources = [Path(t.path).parent / DOCS_NAME for t in self.input()]

        def all_docs():
            for source in sources:
                yield from read_docs(source)

        with stage_output(Path(self.output().path).parent) as out:
            stats = out.stats("dedup")
            write_docs(exact_dedup(all_docs, stats), out.docs_path)
