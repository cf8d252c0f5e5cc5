"""The native (web) part of the graph: per-shard extract, identify, filter; then dedup."""

from __future__ import annotations

from pathlib import Path

import luigi
from luigi.util import requires

from langforge.dedup import deduplicate
from langforge.filters import quality_filter
from langforge.langid import identify
from langforge.sources.commoncrawl import DEFAULT_BASE_URL
from langforge.sources.warc import iter_pages
from langforge.storage import DOCS_NAME, read_docs, write_docs
from pipelines.acquire import is_remote, shard_inputs, shard_params, source_tasks
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
    warcs = luigi.ListParameter(default=(), description="the WARC files of this shard: local "
                                "paths, URLs or Common Crawl paths (crawl-data/...)")
    crawl = luigi.Parameter(default="", description="crawl name recorded on documents")
    base_url = luigi.Parameter(default=DEFAULT_BASE_URL, description="base URL of Common "
                               "Crawl paths")
    stream = luigi.BoolParameter(default=False, description="read remote WARCs as they "
                                 "arrive instead of keeping them in the cache")
    selection = luigi.Parameter(default="", description="index selection (Parquet): fetch its "
                                "rows instead of reading warcs")
    rows = luigi.TupleParameter(default=(), description="(start, stop) rows of the selection")

    def requires(self):
        return [WarcFile(path=p) for p in self.warcs if not is_remote(p)] + source_tasks(self)

    def warc_inputs(self):
        """What to read: local paths, cached downloads, remote streams or the fetched
        records (see ``pipelines.acquire.shard_inputs``)."""
        return shard_inputs(self)

    def output(self):
        return self.success_target(self.stage_dir("extract", f"shard-{self.shard:05d}"))

    def run(self):
        from langforge.langid import LidModel
        from langforge.parallel import extract_parallel
        from langforge.prefilter import prefilter_pages

        config = self.config
        lid = LidModel.from_config(config.lid) if config.prefilter.enabled else None
        with stage_output(Path(self.output().path).parent) as out:
            read, prefilter = out.stats("read"), out.stats("prefilter")
            extract = out.stats("extract")
            pages = (page for path in self.warc_inputs()
                     for page in iter_pages(path, read, crawl=self.crawl or None))
            pages = prefilter_pages(pages, config.lang, config.prefilter, prefilter, model=lid)
            write_docs(extract_parallel(pages, config.extract, extract), out.docs_path)


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
    """Exact, then (dedup.near) MinHash near-deduplication across all shards."""

    warcs = luigi.ListParameter(default=(), description="all WARC files of the build")
    files_per_shard = luigi.IntParameter(default=1)
    crawl = luigi.Parameter(default="")
    base_url = luigi.Parameter(default=DEFAULT_BASE_URL, description="base URL of Common "
                               "Crawl paths")
    stream = luigi.BoolParameter(default=False, description="read remote WARCs without "
                                 "keeping them")
    selection = luigi.Parameter(default="", description="index selection (Parquet) to fetch "
                                "instead of reading warcs")
    records_per_shard = luigi.IntParameter(default=1000, description="selected records per "
                                           "fetch shard")

    def requires(self):
        return [FilterShard(language=self.language, build_dir=self.build_dir, **params)
                for params in shard_params(self)]

    def output(self):
        return self.success_target(self.stage_dir("dedup"))

    def run(self):
        sources = [Path(t.path).parent / DOCS_NAME for t in self.input()]

        def all_docs():
            for source in sources:
                yield from read_docs(source)

        with stage_output(Path(self.output().path).parent) as out:
            stats = out.stats("dedup")
            write_docs(deduplicate(all_docs, self.config, stats, out.dir), out.docs_path)
