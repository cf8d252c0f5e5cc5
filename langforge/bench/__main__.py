"""``python -m langforge.bench``: build the benchmark crawls, run the systems, report.

(a) datatrove 0.10: WarcReader -> Trafilatura (favour_precision, fallbacks on, as
FineWeb-2 runs it) -> LanguageFilter (lid.176) -> Gopher; (b) langforge, pre-filter
off; (c) langforge, pre-filter on, both as ``langforge language`` runs them (build
spec, Luigi, Parquet outputs of ExtractShard -> IdentifyShard -> FilterShard);
(d) datatrove with trafilatura ``fast=True`` (a control); (f) the floor: reading the
WARC files only. Two crawls (``--crawl``): ``eval`` (the pre-filter's floor was
tuned on it) and ``mixed`` (``langforge.bench.crawl_mixed``, not tuned on). Each run is a fresh
subprocess on the same WARC files; the systems take turns within each round so
that load from elsewhere on the machine spreads over all of them. Figures are
medians over the rounds; "per core" divides by CPU seconds (the run's own and
its worker processes'), so it does not depend on how many cores a system used.
"At scale" subtracts each system's start-up: in each round every system also runs
on a one-page crawl (the crawl's first Swahili page: imports, models, one page
through every stage), and its median CPU time there is taken off its runs on the
crawl. A Common Crawl WARC file holds ~40,000 pages, so start-up, a third or more
of (c)'s run on these small crawls, is a rounding error in a real build.
On the eval crawl, (b) also runs with 2 workers against 1 (wall time, the crawl read
4 times so that 16 files share 2 workers; ``--scaling-peer`` runs datatrove the same way
as a reference; ``--no-scaling`` skips it). ``--part
scheduler`` (also in ``all``) times one ``luigid`` scheduling thousands of shard tasks
(``langforge.bench.scale``).
After the runs, the sharded deduplication (``pipelines.dedup``) runs on (b)'s builds
(the memory check's x1 and x{--memory-repeat} builds on the eval crawl, else the last
(b) run's), in a fresh process where only the dedup tasks are left to run; its report
(``tasks.json`` in the dedup output) gives each step's task count and the median and
largest peak resident memory per task, beside the language's document count.
``--part translate`` (also in ``all``, the default) adds the translation benchmark
(``langforge.bench.translate``): the stage vs a plain CTranslate2 loop, and
CTranslate2 vs transformers on the same random-weight Marian model.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from langforge.bench.crawl import build_crawl, startup_warc
from langforge.bench.crawl_mixed import build_mixed_crawl
from langforge.bench.runners import measure, run_langforge
from langforge.bench.scale import run_scheduler_part
from langforge.bench.translate import run_part as run_translate_part

MAX_WORKER_RSS_MIB = 1536
MIN_SPEEDUP_2_WORKERS = 1.8
# the scaling runs read the crawl 4 times: 16 files of ~256 pages for 2 workers. The
# build's fixed start-up before Luigi forks (imports, models: ~3 s) weighs on 8 files
# twice what it does on 16 (README, "Workers", lists the runs on 8 and on 16 files); a
# real WARC file holds ~40,000 pages
SCALING_REPEAT = 4
CRAWLS = {
    "eval": "trafilatura evaluation pages + Global Voices Swahili; the pre-filter floor "
            "was tuned on it",
    "mixed": "real pages, ~110 languages, African languages near Swahili, TICO-19 "
             "Swahili, heavy pages; not tuned on",
}
SYSTEMS = {
    "a": ("datatrove 0.10", {"system": "datatrove"}),
    # what `langforge language` runs: Luigi, Parquet outputs, the build spec
    "b": ("langforge, pre-filter off", {"system": "langforge-luigi", "prefilter": False}),
    "c": ("langforge, pre-filter on", {"system": "langforge-luigi", "prefilter": True}),
    # like with like: datatrove with trafilatura's fast=True, as langforge runs it
    "d": ("datatrove, trafilatura fast", {"system": "datatrove", "fast": True}),
    # the physical floor: reading the WARC files only (gzip + records + payloads)
    "f": ("reading the WARCs only (floor)", {"system": "floor"}),
}


def default_shared_data() -> Path:
    env = os.environ.get("LANGFORGE_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "data"


def peak_mib(result: dict[str, Any]) -> float:
    """Peak resident memory of the largest single process of a run."""
    return max(result["peak_rss_mib"], result["peak_child_rss_mib"])


def summarize(runs: list[dict[str, Any]],
              startups: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Medians of one system's runs (counts are the same in every run); with
    ``startups`` (its runs on the one-page crawl) also the CPU seconds of start-up
    and the pages per CPU second once start-up is taken off
    (``pages_per_cpu_s_at_scale``; None when a run took no longer than start-up)."""
    first = runs[0]
    wall = statistics.median(r["wall_s"] for r in runs)
    cpu = statistics.median(r["cpu_s"] for r in runs)
    startup = statistics.median(r["cpu_s"] for r in startups) if startups else None
    at_scale = None
    if startup is not None and cpu > startup:
        at_scale = (first["pages"] - startups[0]["pages"]) / (cpu - startup)
    return {
        "runs": len(runs), "pages": first["pages"], "wall_s": wall, "cpu_s": cpu,
        "startup_cpu_s": startup, "pages_per_cpu_s_at_scale": at_scale,
        "pages_per_s": first["pages"] / wall if wall else 0.0,
        "pages_per_cpu_s": first["pages"] / cpu if cpu else 0.0,
        "peak_mib": statistics.median(peak_mib(r) for r in runs),
        "lid_docs": len(first["lid_urls"]), "docs": len(first["urls"]),
        "lid_urls": first["lid_urls"], "urls": first["urls"],
    }


def recall(found: list[str], reference: list[str]) -> float:
    ref = set(reference)
    return len(ref & set(found)) / len(ref) if ref else 1.0


def _at_scale_ratio(s: dict[str, Any], base: dict[str, Any] | None) -> float | None:
    if not base or not s.get("pages_per_cpu_s_at_scale") \
            or not base.get("pages_per_cpu_s_at_scale"):
        return None
    return s["pages_per_cpu_s_at_scale"] / base["pages_per_cpu_s_at_scale"]


def format_table(summary: dict[str, dict[str, Any]]) -> list[str]:
    base, floor = summary.get("a"), summary.get("f")
    lines = [f"{'system':<36} {'pages':>6} {'wall s':>7} {'pages/s':>8} {'pages/s/core':>12} "
             f"{'x (a)':>6} {'at scale':>8} {'of floor':>8} {'peak MiB':>8} {'sw LID':>6} "
             f"{'sw kept':>7}"]
    for key, (label, _) in SYSTEMS.items():
        if key not in summary:
            continue
        s = summary[key]
        ratio = (f"{s['pages_per_cpu_s'] / base['pages_per_cpu_s']:.2f}"
                 if base and base["pages_per_cpu_s"] else "-")
        of_floor = (f"{s['pages_per_cpu_s'] / floor['pages_per_cpu_s']:.1%}"
                    if floor and floor["pages_per_cpu_s"] else "-")
        scale = _at_scale_ratio(s, base)
        scale = "-" if scale is None else f"{scale:.2f}"
        lines.append(f"({key}) {label:<32} {s['pages']:>6} {s['wall_s']:>7.1f} "
                     f"{s['pages_per_s']:>8.1f} {s['pages_per_cpu_s']:>12.1f} {ratio:>6} "
                     f"{scale:>8} {of_floor:>8} {s['peak_mib']:>8.0f} {s['lid_docs']:>6} "
                     f"{s['docs']:>7}")
    startups = [f"({key}) {s['startup_cpu_s']:.1f} s" for key, s in summary.items()
                if s.get("startup_cpu_s") is not None]
    if startups:
        lines.append("at scale: each system's start-up CPU time (its run on a one-page crawl) "
                     "taken off its runs: " + ", ".join(startups))
    return lines


def acceptance(summary: dict[str, dict[str, Any]], memory: dict[str, float] | None) -> list[str]:
    lines = []

    def check(ok: bool, text: str) -> None:
        lines.append(f"  [{'PASS' if ok else 'FAIL'}] {text}")

    a, b, c = summary.get("a"), summary.get("b"), summary.get("c")
    for key, s, target in (("b", b, 1.5), ("c", c, 5.0)):
        if not (a and s):
            continue
        ratio = s["pages_per_cpu_s"] / a["pages_per_cpu_s"]
        check(ratio >= target, f"({key}) per core {ratio:.2f}x (a) (target >= {target:g})")
        scale = _at_scale_ratio(s, a)
        if scale is not None:
            check(scale >= target, f"({key}) per core at scale {scale:.2f}x (a), start-up "
                  f"taken off ({s['startup_cpu_s']:.1f} s vs {a['startup_cpu_s']:.1f} s CPU; "
                  f"target >= {target:g})")
    if b and c:
        lid_recall, kept_recall = recall(c["lid_urls"], b["lid_urls"]), recall(c["urls"], b["urls"])
        check(lid_recall >= 0.995, f"(c) finds {lid_recall:.1%} of (b)'s Swahili documents after "
              f"LID ({len(set(b['lid_urls']))}), {kept_recall:.1%} after quality (target >= 99.5%)")
    if memory:
        worst = max(memory.values())
        check(worst < MAX_WORKER_RSS_MIB, f"peak worker memory {worst:.0f} MiB "
              f"(target < {MAX_WORKER_RSS_MIB})")
        one, many = memory["1x"], memory[next(k for k in memory if k != "1x")]
        check(many <= one * 1.15 + 32, f"memory does not grow with crawl size: "
              f"{one:.0f} MiB (1x) vs {many:.0f} MiB")
    return lines


def summarize_dedup(report: dict[str, Any]) -> dict[str, Any]:
    """Per dedup step (keys, exact, signatures, buckets, clusters, shard, gather, in the
    report's order): its tasks, the most one task read (``docs_in``: documents for keys,
    signatures, shard and gather; keys for exact, band entries for buckets, linked
    documents for clusters), the median and the largest peak resident memory per task
    and the largest growth over the task's start (MiB), and the seconds of all its
    tasks; ``report`` is ``runners.dedup_report``'s."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for row in report["tasks"]:
        rows.setdefault(row["task"].removeprefix("dedup_"), []).append(row)
    steps = {}
    for step, tasks in rows.items():
        peaks = [t["peak_rss_mb"] for t in tasks]
        steps[step] = {
            "tasks": len(tasks), "max_docs_in": max(t["docs_in"] for t in tasks),
            "median_peak_mib": statistics.median(peaks), "max_peak_mib": max(peaks),
            "max_growth_mib": max(t["peak_rss_mb"] - t.get("start_rss_mb", t["peak_rss_mb"])
                                  for t in tasks),
            "seconds": round(sum(t.get("seconds", 0.0) for t in tasks), 3),
            "peak_rss_method": sorted({t.get("peak_rss_method", "?") for t in tasks})}
    return {"docs_in": report["docs_in"], "docs_out": report["docs_out"],
            "dropped": report.get("dropped", {}), "steps": steps}


def format_dedup(summary: dict[str, Any], label: str) -> list[str]:
    dropped = ", ".join(f"{k} {v}" for k, v in sorted(summary["dropped"].items()))
    methods = sorted({m for s in summary["steps"].values() for m in s["peak_rss_method"]})
    lines = [f"dedup of {label}: {summary['docs_in']} documents, {summary['docs_out']} kept"
             f"{f' ({dropped})' if dropped else ''}; peak RSS per task, MiB "
             f"({'/'.join(methods)}):",
             f"  {'step':<11} {'tasks':>5} {'max in/task':>11} {'median peak':>11} "
             f"{'max peak':>8} {'max growth':>10} {'s (all)':>8}"]
    for step, s in summary["steps"].items():
        lines.append(f"  {step:<11} {s['tasks']:>5} {s['max_docs_in']:>11} "
                     f"{s['median_peak_mib']:>11.1f} {s['max_peak_mib']:>8.1f} "
                     f"{s['max_growth_mib']:>10.1f} {s['seconds']:>8.2f}")
    return lines


def run_dedup(builds: list[tuple[str, str, int]], warcs: list[str],
              args: argparse.Namespace) -> dict[str, Any]:
    """The sharded dedup on (b)'s builds (``(label, work_dir, repeat)`` of runs already
    done): a measured child each, where only the dedup tasks are left to run."""
    out = {}
    for label, work_dir, repeat in builds:
        spec = dict(SYSTEMS["b"][1], system="langforge-dedup", warcs=warcs, repeat=repeat,
                    work_dir=work_dir)
        result = measure(spec)
        summary = summarize_dedup(result)
        summary.update(wall_s=result["wall_s"], peak_process_mib=peak_mib(result))
        out[label] = summary
        print(f"  dedup of (b)'s build, {label}: {summary['docs_in']} documents, "
              f"{result['wall_s']:.1f} s wall", flush=True)
    return out


def profile_b(warcs: list[str], top: int) -> str:
    """cProfile of (b) in this process (one worker: everything on the profiled stack)."""
    profiler = cProfile.Profile()
    profiler.enable()
    run_langforge(warcs, prefilter=False, workers=1)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def run_crawl(name: str, args: argparse.Namespace) -> dict[str, Any]:
    """Build one benchmark crawl, run the chosen systems on it, print the table."""
    if name == "eval":
        crawl = build_crawl(args.out / "crawl", args.shared_data,
                            swahili_share=args.swahili_share, limit=args.limit)
    else:
        crawl = build_mixed_crawl(args.out / "crawl2", args.shared_data)
    print(f"\nbenchmark crawl '{name}' ({CRAWLS[name]}): {crawl.pages} pages in "
          f"{len(crawl.warcs)} WARC files, {len(crawl.swahili_urls)} Swahili "
          f"({crawl.swahili_share:.1%}); "
          f"{args.runs} runs per system, {args.workers} worker(s) each", flush=True)
    startup = startup_warc(crawl, Path(crawl.warcs[0]).parent / "startup.warc.gz")
    results: dict[str, list[dict[str, Any]]] = {key: [] for key in args.systems}
    startups: dict[str, list[dict[str, Any]]] = {key: [] for key in args.systems}
    for round_ in range(args.runs):
        for key in args.systems:
            spec = dict(SYSTEMS[key][1], warcs=crawl.warcs, workers=args.workers,
                        work_dir=str(args.out / "runs" / f"{name}-{key}-{round_}"))
            result = measure(spec)
            results[key].append(result)
            startups[key].append(measure(dict(
                spec, warcs=[startup],
                work_dir=str(args.out / "runs" / f"{name}-{key}-startup-{round_}"))))
            print(f"  run {round_ + 1} ({key}): {result['wall_s']:.1f} s wall, "
                  f"{result['cpu_s']:.1f} s CPU, {len(result['urls'])} Swahili kept; "
                  f"start-up (1 page) {startups[key][-1]['cpu_s']:.1f} s CPU", flush=True)
    summary = {key: summarize(runs, startups[key]) for key, runs in results.items()}

    memory = None
    if not args.no_memory_check and name == "eval":
        memory = {}
        for repeat in (1, args.memory_repeat):
            spec = dict(SYSTEMS["b"][1], warcs=crawl.warcs, workers=args.workers, repeat=repeat,
                        work_dir=str(args.out / "runs" / f"memory-{repeat}x"))
            result = measure(spec)
            memory[f"{repeat}x"] = peak_mib(result)
            print(f"  memory (b) on the crawl x{repeat} ({result['pages']} pages): peak "
                  f"{memory[f'{repeat}x']:.0f} MiB per process", flush=True)

    builds = []
    if memory is not None:
        builds = [(f"crawl x{repeat}", str(args.out / "runs" / f"memory-{repeat}x"), repeat)
                  for repeat in dict.fromkeys((1, args.memory_repeat))]
    elif "b" in args.systems:
        builds = [("crawl x1", str(args.out / "runs" / f"{name}-b-{args.runs - 1}"), 1)]
    dedup = run_dedup(builds, crawl.warcs, args) if builds else None

    scaling = None
    if not args.no_scaling and name == "eval":
        scaling = run_scaling(crawl.warcs, args)

    print()
    print("\n".join(format_table(summary)))
    if "b" in summary and "a" in summary:
        print(f"(a) and (b) agree on {recall(summary['a']['lid_urls'], summary['b']['lid_urls']):.1%}"
              f" of (b)'s Swahili LID documents (by URL)")
    print("acceptance:")
    print("\n".join(acceptance(summary, memory)))
    if scaling:
        ok = scaling["speedup"] >= MIN_SPEEDUP_2_WORKERS
        print(f"  [{'PASS' if ok else 'FAIL'}] 2 workers {scaling['speedup']:.2f}x 1 worker "
              f"(wall, (b) on the crawl x{SCALING_REPEAT}; target >= {MIN_SPEEDUP_2_WORKERS}; "
              f"{scaling['speedup'] / scaling['machine_speedup']:.0%} of the "
              f"{scaling['machine_speedup']:.2f}x of two independent runs on this machine"
              + (f"; datatrove {scaling['peer_speedup']:.2f}x" if "peer_speedup" in scaling
                 else "") + ")")
    for label, figures in (dedup or {}).items():
        print("\n".join(format_dedup(figures, f"(b)'s build, {label}")))
        print(f"  (the dedup tasks ran in one process, one Luigi worker: {figures['wall_s']:.1f} s "
              f"wall, peak {figures['peak_process_mib']:.0f} MiB)")
    if args.profile:
        print(f"\nprofile of (b), top {args.profile} by own time:")
        print(profile_b(crawl.warcs, args.profile))
    return {"summary": {key: {k: v for k, v in s.items() if not k.endswith("urls")}
                        for key, s in summary.items()}, "memory_mib": memory,
            "scaling": scaling, "dedup": dedup}


def run_scaling(warcs: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """(b) with 1 and with 2 workers on the crawl repeated ``SCALING_REPEAT`` times (more
    files than workers, so that shards balance), taking turns; medians of wall and CPU.
    Two references measured in the same rounds: two independent 1-worker runs at once
    (the machine's own ceiling) and, with ``--scaling-peer``, datatrove with 1 and with 2
    workers on the same files (wall only: its workers are children of its forkserver,
    whose CPU time this process cannot read; ~5 minutes a round)."""
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    peer: dict[int, list[float]] = {1: [], 2: []}
    ceilings = []
    for round_ in range(args.runs):
        # the machine's own ceiling: two independent 1-worker runs at once, each on half
        # of the files (nothing shared, no scheduler)
        halves = [dict(SYSTEMS["b"][1], warcs=(warcs * SCALING_REPEAT)[i::2], workers=1,
                       work_dir=str(args.out / "runs" / f"scaling-pair{i}-{round_}"))
                  for i in range(2)]
        with ThreadPoolExecutor(2) as pool:
            pair = list(pool.map(measure, halves))
        ceilings.append({"wall_s": max(r["wall_s"] for r in pair),
                         "cpu_s": sum(r["cpu_s"] for r in pair)})
        print(f"  scaling run {round_ + 1}, two independent 1-worker runs on half the files "
              f"each, at once: {ceilings[-1]['wall_s']:.1f} s wall, "
              f"{ceilings[-1]['cpu_s']:.1f} s CPU", flush=True)
        for workers in runs:
            spec = dict(SYSTEMS["b"][1], warcs=warcs, workers=workers, repeat=SCALING_REPEAT,
                        work_dir=str(args.out / "runs" / f"scaling-{workers}w-{round_}"))
            result = measure(spec)
            runs[workers].append(result)
            print(f"  scaling run {round_ + 1}, {workers} worker(s): {result['wall_s']:.1f} s "
                  f"wall, {result['cpu_s']:.1f} s CPU ({result['pages']} pages)", flush=True)
        for workers in peer if args.scaling_peer else ():
            spec = dict(SYSTEMS["a"][1], warcs=warcs, workers=workers, repeat=SCALING_REPEAT,
                        work_dir=str(args.out / "runs" / f"scaling-a-{workers}w-{round_}"))
            result = measure(spec)
            peer[workers].append(result["wall_s"])
            print(f"  scaling run {round_ + 1}, datatrove (a), {workers} worker(s): "
                  f"{result['wall_s']:.1f} s wall ({result['pages']} pages)", flush=True)
    wall = {w: statistics.median(r["wall_s"] for r in rs) for w, rs in runs.items()}
    cpu = {w: statistics.median(r["cpu_s"] for r in rs) for w, rs in runs.items()}
    result = {"wall_s": wall, "cpu_s": cpu, "speedup": wall[1] / wall[2],
              "cpu_ratio": cpu[2] / cpu[1], "files": len(warcs) * SCALING_REPEAT,
              "machine_speedup": wall[1] / statistics.median(c["wall_s"] for c in ceilings),
              "machine_cpu_ratio": statistics.median(c["cpu_s"] for c in ceilings) / cpu[1],
              "peer_wall_s": {w: statistics.median(v) for w, v in peer.items() if v}}
    if result["peer_wall_s"]:
        result["peer_speedup"] = result["peer_wall_s"][1] / result["peer_wall_s"][2]
    print(f"  scaling: (b), {result['files']} files: 1 worker {wall[1]:.1f} s, 2 workers "
          f"{wall[2]:.1f} s wall ({result['speedup']:.2f}x); CPU with 2 workers "
          f"{result['cpu_ratio']:.2f}x the CPU with 1; two independent runs on half the "
          f"files each: {result['machine_speedup']:.2f}x (CPU "
          f"{result['machine_cpu_ratio']:.2f}x)",
          flush=True)
    if "peer_speedup" in result:
        print(f"  scaling: datatrove (a), same files: 1 worker {result['peer_wall_s'][1]:.1f} s, "
              f"2 workers {result['peer_wall_s'][2]:.1f} s wall ({result['peer_speedup']:.2f}x)",
              flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m langforge.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("build/bench"))
    parser.add_argument("--shared-data", type=Path, default=default_shared_data())
    parser.add_argument("--runs", type=int, default=3, help="runs per system (median)")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes per system (datatrove workers, langforge extraction)")
    parser.add_argument("--systems", default="abcf", help="which of a, b, c, f (the reading "
                        "floor) and d (datatrove with trafilatura fast=True) to run")
    parser.add_argument("--swahili-share", type=float, default=0.035)
    parser.add_argument("--limit", type=int, default=None, help="evaluation pages used")
    parser.add_argument("--crawl", choices=(*CRAWLS, "both"), default="both",
                        help="which benchmark crawl(s) to run on")
    parser.add_argument("--memory-repeat", type=int, default=10,
                        help="memory check: (b) on the crawl repeated this many times")
    parser.add_argument("--no-memory-check", action="store_true")
    parser.add_argument("--no-scaling", action="store_true",
                        help="skip (b) with 2 workers vs 1 on the eval crawl")
    parser.add_argument("--scaling-peer", action="store_true",
                        help="also run datatrove with 2 workers vs 1 in the scaling rounds")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also print the top N lines of a cProfile of (b)")
    parser.add_argument("--part", choices=("warc", "translate", "scheduler", "all"),
                        default="all", help="the WARC pipeline vs datatrove, the translation "
                        "stage, one luigid with thousands of shard tasks, or all three")
    parser.add_argument("--threads", type=int, default=None,
                        help="translation: CPU threads for both engines (default: min(4, cores))")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.workers < 1 or not set(args.systems) <= set(SYSTEMS):
        parser.error(f"--runs and --workers must be positive, --systems a subset of "
                     f"{''.join(SYSTEMS)}")
    if args.part == "translate":
        run_translate_part(args.out, args.shared_data, args.runs, args.threads)
        return 0
    if args.part == "scheduler":
        run_scheduler_part()
        return 0

    report: dict[str, Any] = {}
    for name in (CRAWLS if args.crawl == "both" else (args.crawl,)):
        report[name] = run_crawl(name, args)
    (args.out / "results.json").write_text(json.dumps(report, indent=1) + "\n")
    if args.part == "all":
        print("\nscheduler (scale-out):")
        report["scheduler"] = run_scheduler_part()
        (args.out / "results.json").write_text(json.dumps(report, indent=1) + "\n")
        print()
        run_translate_part(args.out, args.shared_data, args.runs, args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
