"""The ``langforge`` command line.

Each subcommand lives in its own module of this package with a
``register(subparsers)`` function; ``COMMANDS`` lists them in help order.

Exit codes: 0 success, 1 the run failed, 2 usage or configuration error (bad
arguments, unknown language, invalid config, missing model) detected before work.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from langforge.errors import ConfigError, FetchError, LangforgeError, MissingModelError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: Modules of this package that register subcommands, in help order.
COMMANDS = ("language", "models")

HelpFormatter = argparse.ArgumentDefaultsHelpFormatter


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    for noisy in ("luigi", "luigi-interface", "trafilatura", "datasets", "urllib3", "filelock",
                  "matplotlib", "htmldate", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="langforge", formatter_class=HelpFormatter,
        description="Build a pre-training corpus and an expanded tokenizer for one language.",
        epilog="Exit codes: 0 ok, 1 the run failed, 2 usage or configuration error.")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"langforge.cli.{name}").register(sub)
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
