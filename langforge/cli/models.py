"""``langforge models``: fetching models that are only on model hubs."""

from __future__ import annotations

import argparse

from langforge.cli import EXIT_OK, HelpFormatter


def cmd_models_fetch(args: argparse.Namespace) -> int:
    from langforge.mt_models import fetch_model, models_dir

    path = fetch_model(args.mt, models_dir())
    print(f"model {args.mt} ready in {path}")
    return EXIT_OK


def cmd_models_list(args: argparse.Namespace) -> int:
    from langforge.mt_models import MODELS, models_dir, resolve_model

    for name, spec in MODELS.items():
        present = "present" if resolve_model(name) else f"missing (make models MT={name})"
        licence = getattr(spec, "licence", getattr(spec, "license", ""))
        print(f"{name:<26} {licence:<14} {present}")
    print(f"models directory: {models_dir()}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("models", help="list or fetch translation models (fetch needs a network)",
                       description="Translation models exist only on model hubs: 'fetch' "
                       "converts one to CTranslate2 (int8) into the models directory.")
    actions = p.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    f = actions.add_parser("fetch", help="fetch or convert a translation model",
                           formatter_class=HelpFormatter)
    f.add_argument("--mt", required=True, help="model name, e.g. nllb-200-distilled-600M "
                   "(see 'langforge models list')")
    f.set_defaults(func=cmd_models_fetch)
    f = actions.add_parser("list", help="list known translation models and whether present")
    f.set_defaults(func=cmd_models_list)
