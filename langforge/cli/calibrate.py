"""``langforge calibrate``: derive a language's thresholds from trusted text."""

from __future__ import annotations

import argparse
import sys

from langforge.cli import EXIT_OK, HelpFormatter


def cmd_calibrate(args: argparse.Namespace) -> int:
    from langforge.calibrate import calibrate, format_report, read_reference, write_calibration
    from langforge.config import _read_toml, config_dir, load_config
    from langforge.errors import ConfigError

    config = load_config(args.language)
    if args.write and args.out:
        raise ConfigError("calibrate: give --out PATH or --write, not both")
    docs: list[str] = []
    for path in args.reference:
        docs.extend(read_reference(path, text_field=args.text_field,
                                   min_doc_chars=args.min_doc_chars, skip_lines=args.skip_lines))
    contrast: list[str] = []
    for path in args.contrast or ():
        contrast.extend(read_reference(path, text_field=args.text_field,
                                       min_doc_chars=args.min_doc_chars))
    result = calibrate(config, docs, references=args.reference, budget_frac=args.budget,
                       contrast_docs=contrast)
    print(format_report(result))
    out = config_dir() / f"{config.language}.toml" if args.write else args.out
    if out is None:
        print("\n(dry run: give --out PATH to write a TOML, or --write to update "
              f"{config_dir() / (config.language + '.toml')})", file=sys.stderr)
        return EXIT_OK
    current = config_dir() / f"{config.language}.toml"
    base = _read_toml(current) if current.is_file() else {}
    toml_path, words_path = write_calibration(result, out, base=base,
                                              keep_stopwords=args.keep_stopwords)
    print(f"\nwritten: {toml_path} and {words_path}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "calibrate", help="derive thresholds, stopwords and a word list from trusted text",
        formatter_class=HelpFormatter,
        description="Measure every quality and LID signal on a reference corpus of trusted "
        "text in the language, derive the thresholds, stopwords and the word list of the "
        "lexical guard (method: langforge/calibrate.py), and report the share of the reference "
        "each threshold drops. Writes nothing unless --out or --write is given.")
    p.add_argument("language", help="language code, e.g. sw")
    p.add_argument("--reference", action="append", required=True, metavar="PATH",
                   help="trusted text: plain text (a document per line or paragraph, joined "
                   "to --min-doc-chars), .jsonl, .parquet or .tsv; repeat for several files")
    p.add_argument("--contrast", action="append", metavar="PATH", help="text in other "
                   "languages (e.g. the English side of the parallel corpus) whose frequent "
                   "words are kept out of the word list; repeatable")
    p.add_argument("--text-field", default="text", help="JSONL/Parquet/TSV field with the text")
    p.add_argument("--min-doc-chars", type=int, default=500, help="plain text: join lines "
                   "into documents of at least this many characters")
    p.add_argument("--skip-lines", type=int, default=0, help="plain text: header lines to skip "
                   "in each file (UDHR: 4)")
    p.add_argument("--budget", type=float, default=0.005, help="share of the reference one "
                   "threshold may drop")
    p.add_argument("--out", default=None, help="write the TOML here (and the word list beside "
                   "it as <name>.words.txt)")
    p.add_argument("--write", action="store_true", help="update the language's own config file")
    p.add_argument("--keep-stopwords", action="store_true", help="keep the config's stopword "
                   "list (e.g. a curated one) instead of writing the derived one")
    p.set_defaults(func=cmd_calibrate)
