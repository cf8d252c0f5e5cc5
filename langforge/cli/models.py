"""``langforge models``: fetching models that are only on model hubs."""

from __future__ import annotations

import argparse

from langforge.cli import EXIT_OK, HelpFormatter


def cmd_models_fetch(args: argparse.Namespace) -> int:
    from langforge.errors import ConfigError

    if not args.mt and not args.lid:
        raise ConfigError("models fetch: give --mt NAME and/or --lid NAME")
    if args.lid:
        from langforge.langid import fetch_lid_model

        path = fetch_lid_model(args.lid)
        print(f"LID model {args.lid} ready in {path}")
    if args.mt:
        from langforge.mt_models import fetch_model, models_dir

        path = fetch_model(args.mt, models_dir())
        print(f"model {args.mt} ready in {path}")
    return EXIT_OK


def cmd_models_list(args: argparse.Namespace) -> int:
    from langforge.mt_models import MODELS, models_dir, resolve_model

    for name, spec in MODELS.items():
        present = "present" if resolve_model(name) else f"missing (make models MT={name})"
        print(f"{name:<26} {spec.licence:<14} {present}")
    print(f"models directory: {models_dir()}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("models", help="list or fetch translation models (fetch needs a network)",
                       description="Translation models exist only on model hubs: 'fetch' "
                       "converts one to CTranslate2 (int8) into the models directory.")
    actions = p.add_subparsers(dest="models_command", required=True, metavar="ACTION")
    f = actions.add_parser("fetch", help="fetch a language-ID model or fetch/convert a "
                           "translation model",
                           formatter_class=HelpFormatter)
    f.add_argument("--mt", default=None, help="translation model name, e.g. "
                   "nllb-200-distilled-600M (see 'langforge models list')")
    f.add_argument("--lid", default=None, choices=["glotlid", "openlid"],
                   help="language-ID model for languages lid.176 lacks (GlotLID v3 / OpenLID)")
    f.set_defaults(func=cmd_models_fetch)
    f = actions.add_parser("list", help="list known translation models and whether present")
    f.set_defaults(func=cmd_models_list)
