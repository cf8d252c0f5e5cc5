"""``langforge audit`` and ``audit-apply``: a native speaker checks the decisions."""

from __future__ import annotations

import argparse
from pathlib import Path

from langforge.cli import EXIT_OK, HelpFormatter


def cmd_audit(args: argparse.Namespace) -> int:
    from langforge.audit import build_sheet, write_sheet
    from langforge.config import load_config
    from langforge.store import local_build_dir

    config = load_config(args.language)
    lang_dir = local_build_dir(args.build_dir, "audit") / config.language
    rows = build_sheet(lang_dir, config, per_stratum=args.per_stratum, seed=args.seed)
    out_dir = Path(args.out) if args.out else lang_dir / "audit"
    csv_path, html_path = write_sheet(rows, out_dir, f"audit-{config.language}")
    strata = sorted({row.stratum for row in rows})
    print(f"{len(rows)} documents in {len(strata)} strata ({', '.join(strata)})")
    print(f"read {html_path}\nmark keep/drop in {csv_path}, then: langforge audit-apply "
          f"{args.language} --marks {csv_path}")
    return EXIT_OK


def cmd_audit_apply(args: argparse.Namespace) -> int:
    from langforge.audit import apply_marks, format_result, read_marks
    from langforge.config import load_config

    load_config(args.language)
    print(format_result(apply_marks(read_marks(args.marks))))
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="write a stratified sample sheet of a build's decisions",
                       formatter_class=HelpFormatter,
                       description="Sample kept documents, rejected documents of each reason "
                       "and documents near a threshold from a finished build into a CSV (to "
                       "mark keep/drop) and an HTML page (to read).")
    p.add_argument("language", help="language code, e.g. sw")
    p.add_argument("--build-dir", default="build", help="the build's root (outputs of "
                   "'langforge language')")
    p.add_argument("--out", default=None, help="directory for the sheet; default "
                   "BUILD_DIR/<code>/audit")
    p.add_argument("--per-stratum", type=int, default=20, help="documents sampled per stratum")
    p.add_argument("--seed", type=int, default=0, help="sampling seed")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("audit-apply", help="precision/recall of the decisions against a "
                       "marked audit sheet", formatter_class=HelpFormatter,
                       description="Read the keep/drop marks of an audit sheet and report the "
                       "precision and recall of the current decisions, and per rejection "
                       "reason the share the speaker would have kept.")
    p.add_argument("language", help="language code, e.g. sw")
    p.add_argument("--marks", required=True, help="the marked CSV sheet")
    p.set_defaults(func=cmd_audit_apply)
