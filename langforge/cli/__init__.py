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
import os
import sys

from langforge.errors import ConfigError, FetchError, LangforgeError, MissingModelError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

#: Modules of this package that register subcommands, in help order.
COMMANDS = ("language", "stages", "tokenizer", "report", "models", "calibrate", "audit",
            "clean", "lid_eval")

HelpFormatter = argparse.ArgumentDefaultsHelpFormatter


class _Subcommands(argparse._SubParsersAction):
    """Subcommands whose help page opens with their one-line help, unless they
    have a longer description."""

    def add_parser(self, name, **kwargs):
        if kwargs.get("help") and not kwargs.get("description"):
            kwargs["description"] = kwargs["help"][0].upper() + kwargs["help"][1:] + "."
        return super().add_parser(name, **kwargs)


class Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line (exit 2) and whose help
    shows every option's default; subcommand parsers inherit both."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Subcommands)

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"langforge: error: {message} (see '{self.prog} --help')\n")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(name)s: %(message)s", datefmt="%H:%M:%S")
    for noisy in ("luigi", "luigi-interface", "trafilatura", "datasets", "urllib3", "filelock",
                  "matplotlib", "htmldate", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # trafilatura warns once per page it cannot extract; the extract stage already
    # counts and records each such page under a named reason.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # langforge uses transformers for tokenizers only: its "PyTorch was not found" advice
    # is noise here.
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="langforge",
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
        print(f"langforge: network error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except LangforgeError as exc:
        print(f"langforge: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader went away (`langforge languages | head`): stop quietly. Not a
        # SIGPIPE handler, which would also kill a host process such as pytest.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("langforge: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # luigi is imported lazily, so its scheduler error is recognised by module.
        rpc = sys.modules.get("luigi.rpc")
        if rpc is None or not isinstance(exc, rpc.RPCError):
            raise
        print(f"langforge: cannot reach the central scheduler ({exc.args[0]}): start it with "
              "`make scheduler`, or run with --scheduler local", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
