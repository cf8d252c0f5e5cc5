"""``langforge report``: re-render a finished build's report from its summary."""

from __future__ import annotations

import argparse

from langforge.cli import EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from langforge.config import load_config
    from langforge.errors import InputError
    from langforge.report import write_report
    from langforge.storage import read_json
    from langforge.store import local_build_dir

    code = load_config(args.language).language
    lang_dir = local_build_dir(args.build_dir, "report") / code
    summary_path = lang_dir / "summary.json"
    if not summary_path.is_file():
        raise InputError(f"no {summary_path}: build the language first with "
                         f"`langforge language {args.language} --build-dir {args.build_dir}`")
    html_path, md_path = write_report(lang_dir, read_json(summary_path), seed=args.seed,
                                      examples_per_split=args.examples_per_split,
                                      examples_per_reason=args.examples_per_reason)
    print(f"wrote {html_path} and {md_path}")
    print(f"open it: file://{html_path.resolve()}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="re-render report.html / report.md of a finished build",
                       description="Rebuild the HTML and Markdown report of a language from "
                       "BUILD_DIR/<code>/summary.json, dataset/ and rejected/ (e.g. after "
                       "upgrading langforge, or to draw other example documents).")
    p.add_argument("language", help="language code: sw, swa, swh or swh_Latn")
    p.add_argument("--build-dir", default="build", help="the build root that holds <code>/")
    p.add_argument("--seed", type=int, default=0, help="seeds the choice of example documents")
    p.add_argument("--examples-per-split", type=int, default=3,
                   help="kept documents shown per split")
    p.add_argument("--examples-per-reason", type=int, default=2,
                   help="rejected records shown per stage and reason")
    p.set_defaults(func=cmd_report)
