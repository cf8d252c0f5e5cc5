"""``langforge language``, ``languages`` and ``scheduler``: building a language."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys

from langforge.cli import EXIT_FAILED, EXIT_OK, HelpFormatter
from langforge.sources.cc_listing import DEFAULT_BASE_URL

log = logging.getLogger("langforge")


def cmd_language(args: argparse.Namespace) -> int:
    from langforge.config import load_config

    # fail fast, before the graph's heavy imports
    config = load_config(args.language, overrides=args.config)
    from langforge.langid import require_model

    require_model(config.lid)  # a missing LID model names `make models LID=...` at once
    from pipelines.language import format_summary, language_task, resolve_warcs, run_language

    task = language_task(args.language, build_dir=args.build_dir,
                         warcs=resolve_warcs(args.warcs) if args.warcs else None,
                         files_per_shard=args.files_per_shard,
                         seed=args.seed or "", crawl=args.crawl or "", cc_crawl=args.cc_crawl or "",
                         config_file=args.config or "",
                         limit=args.limit, select=args.select, start=args.start,
                         index=args.index or "", cdx=args.cdx or "",
                         tlds=tuple(t for group in args.tld or () for t in group),
                         base_url=args.cc_base, stream=args.stream,
                         records_per_shard=args.records_per_shard)
    spec = task.spec
    source = (f"index selection of {len(spec.shards())} shard(s)" if spec.selection
              else f"{len(spec.warcs)} WARC file(s)" + (", streamed" if spec.stream else ""))
    log.info("building %s into %s (build %s: %s, config %s, %s scheduler, %d worker(s))",
             task.language, task.lang_dir, task.build_id, source, config.digest(),
             args.scheduler, args.workers)
    ok, summary = run_language(task, workers=args.workers, scheduler=args.scheduler,
                               host=args.host, port=args.port)
    if summary:
        print()
        print(format_summary(summary))
        where = f"{task.build_dir}/{task.language}/" if task.store else f"{task.lang_dir}/"
        print(f"\noutputs: {where}  (dataset/, tokenizer/, rejected/, summary.json, "
              "report.html)" + (f"; this machine's working copy: {task.lang_dir}/"
                               if task.store else ""))
        if summary.get("outcome") not in (None, "ok"):
            print(f"langforge: {task.language}: {summary['outcome']} (summary and report "
                  "written)", file=sys.stderr)
    if not ok:
        from pipelines.base import FAILURES

        causes = "".join(f"\n  {line}" for line in dict.fromkeys(FAILURES)) or \
            " (no task failed here: see the scheduler's log)"
        print(f"langforge: the {task.language} build did not complete:{causes}",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_languages(args: argparse.Namespace) -> int:
    from langforge.config import configured_languages, load_config
    from langforge.errors import ConfigError
    from langforge.languages import TOOLS, get_language
    from langforge.mt_models import MODELS, check_language_support

    def mt_models(lang) -> str:
        names = []
        for name, spec in MODELS.items():
            try:
                check_language_support(spec, lang)
            except ConfigError:
                continue
            names.append(name.split("-")[0].split("_")[0])
        return ",".join(dict.fromkeys(names)) or "-"

    tools = list(TOOLS)
    print(f"{'code':<10} {'name':<18} {'LID used':<9} " + " ".join(f"{t:<8}" for t in tools)
          + " MT models")
    for code in configured_languages():
        lang = get_language(code)
        print(f"{code:<10} {lang.name:<18} {load_config(code).lid.model:<9} "
              + " ".join(f"{lang.label(t) or '-':<8}" for t in tools) + f" {mt_models(lang)}")
    print("\n'-': the tool has no label for the language. LID used: the model the config "
          "names (glotlid/openlid: make models LID=...). MT models: translation models that "
          "cover it (make models MT=...).")
    return EXIT_OK


def cmd_scheduler(args: argparse.Namespace) -> int:
    luigid = shutil.which("luigid") or os.path.join(os.path.dirname(sys.executable), "luigid")
    from langforge.store import local_build_dir

    state = os.path.join(local_build_dir(args.build_dir, "scheduler"), "luigi")
    os.makedirs(os.path.join(state, "logs"), exist_ok=True)
    # A worker that stops answering (killed, machine lost) has its running task failed
    # after worker_disconnect_delay; the task is offered again retry_delay later, and the
    # workers still waiting for the graph take it over (luigid's defaults: 60 s, 900 s).
    config = os.path.join(state, "luigid.cfg")
    with open(config, "w", encoding="utf-8") as fh:
        fh.write("[scheduler]\n"
                 f"worker_disconnect_delay = {args.worker_disconnect_delay}\n"
                 f"retry_delay = {args.retry_delay}\n"
                 f"state_path = {os.path.join(state, 'state.pickle')}\n")
    os.environ["LUIGI_CONFIG_PATH"] = config
    command = [luigid, "--address", args.host, "--port", str(args.port),
               "--state-path", os.path.join(state, "state.pickle"),
               "--logdir", os.path.join(state, "logs")]
    takeover = args.worker_disconnect_delay + args.retry_delay
    print(f"luigid on http://{args.host}:{args.port} (state and logs in {state}); "
          f"a dead worker's task is taken over after ~{takeover:.0f} s; Ctrl-C to stop",
          flush=True)
    os.execv(luigid, command)
    return EXIT_FAILED  # not reached


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _port(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a TCP port is 1-65535, got {value}")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("language", help="build one language end to end (the Luigi graph)",
                       formatter_class=HelpFormatter,
                       description="Extract, identify, filter and deduplicate web text, "
                       "translate the English seed, publish the dataset and train the expanded "
                       "tokenizer. Completed steps are not redone.")
    p.add_argument("language", help="language code: sw, swa, swh or swh_Latn (see "
                   "'langforge languages')")
    p.add_argument("--build-dir", default="build", help="outputs go to BUILD_DIR/<code>/")
    p.add_argument("--warcs", default=None, help="WARC files: paths, globs, directories, URLs "
                   "or crawl-data/... paths separated by spaces/commas, or @list.txt; remote "
                   "files are downloaded into BUILD_DIR/cache/warc/ (or --stream); default: "
                   "the embedded sample crawl")
    p.add_argument("--files-per-shard", type=_positive_int, default=1,
                   help="WARC files per shard task")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="TOML of deltas over the shipped language config (e.g. [quality] "
                   "min_words = 400, or the file `langforge calibrate --out` writes); "
                   "validated like the shipped one")
    cc = p.add_argument_group(
        "Common Crawl", "Instead of --warcs: read N files of a crawl (--cc-crawl with --limit; "
        "~1 GB each), or fetch only the records an index selects (--index and/or --cdx; "
        "--cc-crawl then restricts the query to that crawl).")
    cc.add_argument("--cc-crawl", default=None, metavar="CRAWL",
                    help="crawl id, e.g. CC-MAIN-2025-08 (see index.commoncrawl.org/collinfo.json)")
    cc.add_argument("--limit", type=int, default=None,
                    help="WARC files to read from the crawl; with --index, at most this many "
                    "records")
    cc.add_argument("--select", choices=["sample", "range"], default="sample",
                    help="a deterministic seeded sample of the listing, or a range from --start")
    cc.add_argument("--start", type=int, default=0, help="first file of --select range")
    cc.add_argument("--stream", action="store_true",
                    help="read remote WARC files as they arrive instead of keeping them in "
                    "BUILD_DIR/cache/warc/")
    cc.add_argument("--index", default=None, metavar="PATH_OR_URL",
                    help="columnar index Parquet files (paths, globs or URLs, comma separated) "
                    "or your own table with warc_filename, warc_record_offset, "
                    "warc_record_length (Parquet or CSV); selects the language by its CLD2 label")
    cc.add_argument("--tld", action="append", default=None, metavar="TLD",
                    help="also select hosts under these top-level domains (tz,ke or repeat)",
                    type=lambda text: [t for t in text.replace(",", " ").split() if t])
    cc.add_argument("--cdx", default=None, metavar="URL_PATTERN",
                    help="select captures of a URL pattern (e.g. '*.go.tz') from the CDX API; "
                    "needs --cc-crawl")
    cc.add_argument("--records-per-shard", type=_positive_int, default=1000,
                    help="selected records per fetch shard")
    cc.add_argument("--cc-base", default=DEFAULT_BASE_URL, metavar="URL",
                    help="where Common Crawl files are fetched from: a mirror, or "
                    "https://commoncrawl.s3.amazonaws.com/ inside AWS us-east-1")
    p.add_argument("--seed", default=None, help="English seed documents to translate "
                   "(JSONL/Parquet/text); default: the language config, else the embedded seed")
    p.add_argument("--crawl", default=None, help="crawl name recorded on documents")
    p.add_argument("--workers", type=_positive_int, default=1, help="Luigi worker processes")
    p.add_argument("--scheduler", choices=["local", "central"], default="local",
                   help="'central' uses a running luigid (make scheduler)")
    p.add_argument("--host", default="127.0.0.1", help="central scheduler host")
    p.add_argument("--port", type=_port, default=8082, help="central scheduler port")
    p.set_defaults(func=cmd_language)

    p = sub.add_parser("languages", help="list configured languages and each tool's label",
                       description="List the configured languages with their label in each "
                       "tool (fastText lid.176, GlotLID, NLLB, M2M100, MADLAD-400, CLD2); "
                       "'-' means the tool does not cover the language.")
    p.set_defaults(func=cmd_languages)

    p = sub.add_parser("scheduler", help="start luigid (the Luigi scheduler and its web UI)",
                       formatter_class=HelpFormatter,
                       description="Start Luigi's central scheduler in the foreground; then "
                       "run 'langforge language ... --scheduler central' and watch the graph "
                       "at http://HOST:PORT.")
    p.add_argument("--build-dir", default="build", help="state and logs go to BUILD_DIR/luigi/")
    p.add_argument("--host", default="127.0.0.1", help="address to bind; keep 127.0.0.1 "
                   "unless workers on other machines must reach it")
    p.add_argument("--port", type=_port, default=8082, help="port of the scheduler and its web UI")
    p.add_argument("--worker-disconnect-delay", type=float, default=60.0, metavar="S",
                   help="a worker silent this long is dead: its running task fails")
    p.add_argument("--retry-delay", type=float, default=15.0, metavar="S",
                   help="a failed task (e.g. of a dead worker) is offered again after this")
    p.set_defaults(func=cmd_scheduler)
