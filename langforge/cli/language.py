"""``langforge language``, ``languages`` and ``scheduler``: building a language."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys

from langforge.cli import EXIT_FAILED, EXIT_OK, HelpFormatter

log = logging.getLogger("langforge")


def cmd_language(args: argparse.Namespace) -> int:
    from langforge.config import load_config

    load_config(args.language)  # fail fast, before the graph's heavy imports
    from pipelines.language import format_summary, language_task, resolve_warcs, run_language

    task = language_task(args.language, build_dir=args.build_dir,
                         warcs=resolve_warcs(args.warcs), files_per_shard=args.files_per_shard,
                         seed=args.seed or "", crawl=args.crawl or "")
    log.info("building %s into %s (%d WARC file(s), %s scheduler, %d worker(s))",
             task.language, task.lang_dir, len(task.warcs), args.scheduler, args.workers)
    ok, summary = run_language(task, workers=args.workers, scheduler=args.scheduler,
                               host=args.host, port=args.port)
    if summary:
        print()
        print(format_summary(summary))
        print(f"\noutputs: {task.lang_dir}/  (dataset/, tokenizer/, rejected/, summary.json, "
              "report.html)")
    if not ok:
        print(f"langforge: the {task.language} build did not complete; see the log above",
              file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_languages(args: argparse.Namespace) -> int:
    from langforge.config import configured_languages
    from langforge.languages import TOOLS, get_language

    tools = list(TOOLS)
    print(f"{'code':<10} {'name':<22} " + " ".join(f"{t:<8}" for t in tools))
    for code in configured_languages():
        lang = get_language(code)
        print(f"{code:<10} {lang.name:<22} " + " ".join(f"{lang.label(t) or '-':<8}" for t in tools))
    return EXIT_OK


def cmd_scheduler(args: argparse.Namespace) -> int:
    luigid = shutil.which("luigid") or os.path.join(os.path.dirname(sys.executable), "luigid")
    state = os.path.join(args.build_dir, "luigi")
    os.makedirs(os.path.join(state, "logs"), exist_ok=True)
    command = [luigid, "--address", args.host, "--port", str(args.port),
               "--state-path", os.path.join(state, "state.pickle"),
               "--logdir", os.path.join(state, "logs")]
    print(f"luigid on http://{args.host}:{args.port} (state and logs in {state}); "
          "Ctrl-C to stop", flush=True)
    os.execv(luigid, command)
    return EXIT_FAILED  # not reached


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("language", help="build one language end to end (the Luigi graph)",
                       formatter_class=HelpFormatter,
                       description="Extract, identify, filter and deduplicate web text, "
                       "translate the English seed, publish the dataset and train the expanded "
                       "tokenizer. Completed steps are not redone.")
    p.add_argument("language", help="language code: sw, swa, swh or swh_Latn (see "
                   "'langforge languages')")
    p.add_argument("--build-dir", default="build", help="outputs go to BUILD_DIR/<code>/")
    p.add_argument("--warcs", default=None, help="WARC files: paths or globs separated by "
                   "spaces/commas, or @list.txt; default: the embedded sample crawl")
    p.add_argument("--files-per-shard", type=int, default=1, help="WARC files per shard task")
    p.add_argument("--seed", default=None, help="English seed documents to translate "
                   "(JSONL/Parquet/text); default: the language config, else the embedded seed")
    p.add_argument("--crawl", default=None, help="crawl name recorded on documents")
    p.add_argument("--workers", type=int, default=1, help="Luigi worker processes")
    p.add_argument("--scheduler", choices=["local", "central"], default="local",
                   help="'central' uses a running luigid (make scheduler)")
    p.add_argument("--host", default="127.0.0.1", help="central scheduler host")
    p.add_argument("--port", type=int, default=8082, help="central scheduler port")
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
    p.add_argument("--port", type=int, default=8082)
    p.set_defaults(func=cmd_scheduler)
