"""``langforge lid-eval``: recall and false positives of a language decision on your text."""

from __future__ import annotations

import argparse
import json

from langforge.cli import EXIT_OK, HelpFormatter


def cmd_lid_eval(args: argparse.Namespace) -> int:
    from langforge.calibrate import read_reference
    from langforge.config import load_config
    from langforge.lid_eval import evaluate

    config = load_config(args.language)
    if args.model:
        config = config.model_copy(update={"lid": config.lid.model_copy(
            update={"model": args.model})})

    def documents(paths: list[str]) -> dict[str, list[str]]:
        out = {}
        for path in paths or ():
            if args.lines:
                text = open(path, encoding="utf-8").read()
                out[path] = [line.strip() for line in text.splitlines() if line.strip()]
            else:
                out[path] = read_reference(path, text_field=args.text_field,
                                           min_doc_chars=args.doc_chars)
        return out

    result = evaluate(config, documents(args.text), documents(args.other),
                      examples=args.examples)
    if args.json:
        print(json.dumps({"language": result.language, "model": config.lid.model,
                          "positives": result.positives, "kept": result.kept,
                          "recall": result.recall, "negatives": result.negatives,
                          "leaked": result.leaked,
                          "false_positive_rate": result.false_positive_rate,
                          "dropped": dict(result.dropped), "leaked_by": dict(result.leaked_by)},
                         ensure_ascii=False, indent=1, default=str))
        return EXIT_OK
    print(f"model: {config.lid.model}")
    print(result.format())
    for source, text in result.leaked_examples:
        print(f"  let through ({source}): {text[:120]!r}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "lid-eval", formatter_class=HelpFormatter,
        help="measure a language's LID decision: recall on its text, false positives on others'",
        description="Run the language decision of LANG's config (model, floor, lexical and "
                    "script guards, confusables) on text you bring: --text files are in the "
                    "language (recall), --other files are not (false positives). Plain text, "
                    "JSONL, Parquet or TSV; lines are joined into documents of --doc-chars "
                    "characters unless --lines judges each line alone.")
    parser.add_argument("language", help="language code (sw, swh, swh_Latn, ...)")
    parser.add_argument("--text", nargs="+", required=True, metavar="FILE",
                        help="text in the language")
    parser.add_argument("--other", nargs="*", default=[], metavar="FILE",
                        help="text in other languages")
    parser.add_argument("--doc-chars", type=int, default=600,
                        help="lines are joined into documents of at least this many characters")
    parser.add_argument("--lines", action="store_true", help="judge each line alone")
    parser.add_argument("--text-field", default="text", help="JSONL/Parquet field with the text")
    parser.add_argument("--model", choices=["lid176", "glotlid", "openlid", "heliport",
                                            "py3langid", "lingua"],
                        help="use this LID model instead of the config's")
    parser.add_argument("--examples", type=int, default=5,
                        help="show this many other-language documents let through")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(func=cmd_lid_eval)
