"""The ``langforge`` command line.

Exit codes: 0 success, 1 the run failed, 2 usage or configuration error (bad
arguments, unknown language, invalid config, missing model) detected before work.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys

from langforge.errors import ConfigError, FetchError, LangforgeError, MissingModelError

log = logging.getLogger("langforge")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    for noisy in ("luigi", "luigi-interface", "trafilatura", "datasets", "urllib3", "filelock",
                   "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


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


def cmd_models_fetch(args: argparse.Namespace) -> int:
    from langforge.mt_models import fetch_model, models_dir

    path = fetch_model(args.mt, models_dir())
    print(f"model {args.mt} ready in {path}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="langforge",
        description="Build a pre-training corpus and an expanded tokenizer for one language.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("language", help="build one language end to end (the Luigi graph)",
                       formatter_class=argparse.ArgumentDefaultsHelpFormatter,
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

    p = sub.add_parser("languages", help="list configured languages and each tool's label")
    p.set_defaults(func=cmd_languages)

    p = sub.add_parser("scheduler", help="start luigid (the Luigi scheduler and its web UI)",
                       formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--build-dir", default="build", help="state and logs go to BUILD_DIR/luigi/")
    p.add_argument("--host", default="127.0.0.1", help="address to bind; keep 127.0.0.1 "
                   "unless workers on other machines must reach it")
    p.add_argument("--port", type=int, default=8082)
    p.set_defaults(func=cmd_scheduler)

    p = sub.add_parser("models", help="fetch models (needs a network)")
    models_sub = p.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    f = models_sub.add_parser("fetch", help="fetch or convert a translation model",
                              formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    f.add_argument("--mt", required=True, help="model name, e.g. nllb-200-distilled-600M")
    f.set_defaults(func=cmd_models_fetch)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        return args.func(args)
    except (ConfigError, MissingModelError) as exc:
        print(f"langforge: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FetchError as exc:
        print(f"langforge: download failed: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except LangforgeError as exc:
        print(f"langforge: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("langforge: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
