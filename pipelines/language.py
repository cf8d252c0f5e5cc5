"""The per-language wrapper task and the function ``make language`` calls."""

from __future__ import annotations

import glob
import logging
import time
from pathlib import Path

import luigi
from luigi.util import requires

from langforge.config import load_config
from langforge.errors import ConfigError, InputError
from langforge.summary import build_summary, format_summary
from langforge.storage import DOCS_NAME, read_json, write_json
from langforge.sources.cc_listing import check_crawl, expand_warc_inputs, is_url
from langforge.sources.commoncrawl import DEFAULT_BASE_URL, DEFAULT_CDX_URL
from pipelines.acquire import (ListCrawl, QueryIndex, acquisition_summary, failed_shards, plan,
                               reset_failed_shards, selection_size)
from pipelines.base import LanguageTask, load_stats
from pipelines.publish import BuildDataset, TrainTokenizer, _upstream_dirs

log = logging.getLogger("langforge.pipeline")

SAMPLE_WARC = Path(__file__).resolve().parent.parent / "resources" / "sample" / "crawl.warc.gz"


@requires(TrainTokenizer)
class LanguageCorpus(LanguageTask):
    """Everything for one language: dataset, tokenizer, ``summary.json`` and the report."""

    def output(self):
        return luigi.LocalTarget(str(self.lang_dir / "summary.json"))

    def run(self):
        config = self.config
        stats = [s for d in _upstream_dirs(self) for s in load_stats(d)]
        dataset_stats = next((s for s in stats if s.stage == "dataset"), None)
        tokenizer = read_json(self.lang_dir / "tokenizer" / "evaluation.json")
        final = {
            "native_documents": dataset_stats.extra.get("native", 0) if dataset_stats else 0,
            "synthetic_documents": dataset_stats.extra.get("synthetic", 0) if dataset_stats else 0,
        }
        final.update(_corpus_sizes(self.lang_dir, tokenizer))
        dataset_task = self.requires().requires()
        summary = build_summary(config, stats, inputs=dataset_task.inputs(), final=final,
                                tokenizer=tokenizer, failed_shards=failed_shards(self),
                                acquisition=acquisition_summary(self, config.lang.label("cld2")))
        from langforge.report import write_report

        write_report(self.lang_dir, summary)
        # Written last: its presence means the whole language is complete.
        write_json(self.output().path, summary, sort_keys=False)  # stages in pipeline order


def _corpus_sizes(lang_dir: Path, tokenizer: dict) -> dict:
    """Characters and words of the native corpus, and its tokens under the base and the
    merged tokenizer (counted by ``TrainTokenizer``, which knows the tokenizer format)."""
    from langforge.storage import read_docs

    characters = words = 0
    for doc in read_docs(lang_dir / "work" / "dedup" / DOCS_NAME):
        characters += len(doc.text)
        words += len(doc.text.split())
    sizes = {"characters": characters, "words": words}
    sizes.update((tokenizer or {}).get("corpus") or {})
    return sizes


def resolve_warcs(spec: str | None) -> list[str]:
    """WARC files from a user's spec: paths, globs, directories, URLs or Common Crawl
    paths (``crawl-data/...``), space/comma separated, or ``@file`` listing one a line.
    Empty -> the embedded sample. Remote files are downloaded (or streamed) by the graph."""
    if not spec:
        return [str(SAMPLE_WARC)]
    items: list[str] = []
    for part in spec.replace(",", " ").split():
        if part.startswith("@"):
            listing = Path(part[1:])
            if not listing.is_file():
                raise ConfigError(f"WARC list file not found: {listing}")
            items += [line.strip() for line in listing.read_text().splitlines()
                      if line.strip() and not line.startswith("#")]
        else:
            items.append(part)
    paths: list[str] = []
    for item in items:
        if is_url(item) or item.startswith("crawl-data/"):
            paths.append(item)
            continue
        if Path(item).is_dir():
            paths += [str(Path(p).resolve()) for p in expand_warc_inputs([item])]
            continue
        matches = sorted(glob.glob(item)) if any(c in item for c in "*?[") else [item]
        if not matches:
            raise ConfigError(f"no WARC file matches {item!r}")
        for match in matches:
            if not Path(match).is_file():
                raise ConfigError(f"WARC file not found: {match}")
            paths.append(str(Path(match).resolve()))
    return sorted(set(paths))


def language_task(language: str, build_dir: str = "build", warcs: list[str] | None = None,
                  files_per_shard: int = 1, seed: str = "", crawl: str = "", *,
                  cc_crawl: str = "", limit: int | None = None, select: str = "sample",
                  start: int = 0, index: str = "", tlds: tuple[str, ...] = (), cdx: str = "",
                  cdx_url: str = DEFAULT_CDX_URL, base_url: str = DEFAULT_BASE_URL,
                  stream: bool = False, records_per_shard: int = 1000) -> LanguageCorpus:
    """The wrapper task for a language, after validating its config (fails fast).

    The source is ``warcs`` (local files or URLs; default the embedded sample), or
    ``limit`` files of the crawl ``cc_crawl``, or the records an ``index`` table
    and/or a ``cdx`` URL pattern select (``tlds`` adds top-level domains, ``cc_crawl``
    restricts to one crawl). The crawl listing or the index query runs here: the
    number of shards depends on it.
    """
    config = load_config(language)
    build_dir = str(Path(build_dir).resolve())
    selection = ""
    if index or cdx:
        if warcs:
            raise ConfigError("give WARC files or an index query, not both")
        if cc_crawl:
            check_crawl(cc_crawl)
        query = QueryIndex(language=config.language, build_dir=build_dir, index=index,
                           tlds=tuple(tlds), cdx=cdx, cdx_url=cdx_url, crawl=cc_crawl,
                           limit=limit or 0)
        selection = plan(query).output().path
        if not selection_size(selection):
            raise InputError(f"the index offered no record for {config.language} (CLD2 label "
                             f"{config.lang.label('cld2')}, TLDs {', '.join(tlds) or 'none'})")
    elif cc_crawl:
        if warcs:
            raise ConfigError("give WARC files or a crawl to sample, not both")
        if not limit:
            raise ConfigError(f"say how many WARC files of {cc_crawl} to read (--limit N): a "
                              "whole crawl is ~90,000 files of ~1 GB each")
        listing = ListCrawl(build_dir=build_dir, crawl=check_crawl(cc_crawl), limit=limit,
                            select=select, start=start, base_url=base_url)
        warcs = plan(listing).paths()
        crawl = crawl or cc_crawl
    if records_per_shard < 1 or files_per_shard < 1:
        raise ConfigError("files and records per shard must be >= 1")
    return LanguageCorpus(language=config.language, build_dir=build_dir,
                          warcs=tuple(warcs or ([] if selection else resolve_warcs(None))),
                          files_per_shard=files_per_shard, seed=seed, crawl=crawl,
                          base_url=base_url, stream=stream, selection=selection,
                          records_per_shard=records_per_shard)


def run_language(task: LanguageCorpus, *, workers: int = 1, scheduler: str = "local",
                 host: str = "127.0.0.1", port: int = 8082) -> tuple[bool, dict | None]:
    """Run the graph; returns (success, summary or None)."""
    kwargs = {"local_scheduler": scheduler == "local", "workers": workers,
              "detailed_summary": True, "log_level": "WARNING"}
    if scheduler != "local":
        kwargs.update(scheduler_host=host, scheduler_port=port)
        # Several workers share the graph: a worker stays until the whole graph is
        # done (it may have to wait for a task another worker is running).
        config = luigi.configuration.get_config()
        for key, value in (("keep_alive", "true"), ("wait_interval", "0.5"),
                           ("wait_jitter", "0.5")):
            if not config.has_option("worker", key):
                config.set("worker", key, value)
    reset_failed_shards(task)
    result = luigi.build([task], **kwargs)
    while scheduler != "local" and result.scheduling_succeeded and not task.complete():
        # The rest of the graph is running on other workers: wait for it. Building
        # again is cheap, and takes the work over if those workers die.
        time.sleep(2)
        result = luigi.build([task], **kwargs)
    ok = result.scheduling_succeeded and task.complete()
    summary = read_json(task.output().path) if task.complete() else None
    if not ok:
        log.error("%s", result.summary_text)
    return ok, summary


__all__ = ["LanguageCorpus", "language_task", "run_language", "resolve_warcs", "format_summary"]
