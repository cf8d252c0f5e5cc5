"""``langforge clean``: remove what no current build uses."""

from __future__ import annotations

import argparse
import sys

from langforge.cli import EXIT_OK, HelpFormatter


def cmd_clean(args: argparse.Namespace) -> int:
    from filelock import FileLock, Timeout

    from langforge.build import remove_paths, stale_outputs
    from langforge.languages import get_language
    from langforge.storage import read_json
    from langforge.store import local_build_dir

    root = local_build_dir(args.build_dir, "clean")
    if args.language:
        lang_dirs = [root / get_language(args.language).code]
    else:
        lang_dirs = sorted(p.parent for p in root.glob("*/builds") if p.is_dir())
    total = 0
    for lang_dir in lang_dirs:
        summary_path = lang_dir / "summary.json"
        if not summary_path.is_file():
            print(f"{lang_dir}: no finished build (summary.json); nothing removed "
                  "(finish or remove the build first)", file=sys.stderr)
            continue
        build = read_json(summary_path).get("build") or {}
        keep = dict(build.get("stages") or {})
        keep["build_ids"] = [build.get("id")]
        lock = FileLock(str(lang_dir / ".build.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            print(f"{lang_dir}: a build is running there; nothing removed", file=sys.stderr)
            continue
        try:
            stale = stale_outputs(lang_dir, keep)
            for path in stale:
                print(f"{'would remove' if args.dry_run else 'removing'} {path}")
            if not args.dry_run:
                remove_paths(stale)
        finally:
            lock.release()
        total += len(stale)
    print(f"{total} stale output(s) {'found' if args.dry_run else 'removed'}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "clean", help="remove stage outputs of earlier configurations and killed runs",
        formatter_class=HelpFormatter,
        description="With --stale: remove every stage output under BUILD_DIR/<language>/work "
        "that the last finished build (its summary.json) does not use: outputs of other "
        "inputs, thresholds or code versions, and temporaries (.tmp-*) of killed runs. "
        "Outputs of earlier configurations are never read by a build, so this only frees "
        "disk. A language whose build is running (locally) is left alone.")
    p.add_argument("language", nargs="?", help="language code (default: every language in "
                   "the build dir)")
    p.add_argument("--build-dir", default="build", help="root of all outputs")
    p.add_argument("--stale", action="store_true", required=True,
                   help="remove outputs no current build uses (the only mode)")
    p.add_argument("--dry-run", action="store_true", help="list what would be removed")
    p.set_defaults(func=cmd_clean)
