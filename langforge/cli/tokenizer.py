"""``langforge tokenizer eval`` and ``build``: measure or make an expanded tokenizer.

``eval`` compares a merged tokenizer with its base on text never trained on, with
the metric functions of ``langforge.vocab.evaluate`` (the same figures the
pipeline writes to ``tokenizer/evaluation.json``); ``build`` runs the pipeline's
vocabulary step on documents files.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from langforge.cli import EXIT_OK
from langforge.config import resources_dir
from langforge.cli.stages import existing_file, existing_path

HF_DIR = "hf"  # where build_tokenizer exports the Hugging Face tokenizer, beside merged.model
SEED_EN = resources_dir() / "sample" / "seed_en.jsonl"


def resolve_tokenizer(path: Path) -> tuple[Path, Path | None]:
    """(SentencePiece model, Hugging Face directory or None) of a ``--tokenizer``.

    A ``.model`` file is used with the ``hf/`` directory beside it, if any (the
    layout of ``build/<code>/tokenizer/``); a Hugging Face directory must hold the
    ``tokenizer.model`` that ``langforge`` exports next to ``tokenizer.json``.

    Raises:
        ConfigError: a directory without ``tokenizer.model``.
    """
    from langforge.errors import ConfigError

    if path.suffix == ".json":  # a byte-level BPE tokenizer.json
        return path, None
    if path.is_dir():
        model = path / "tokenizer.model"
        if not model.is_file() and (path / "tokenizer.json").is_file():
            return path / "tokenizer.json", None
        if not model.is_file():
            raise ConfigError(f"{path} has no tokenizer.model: give a SentencePiece .model "
                              "file or a directory exported by langforge (tokenizer/hf)")
        return model, path
    hf_dir = path.parent / HF_DIR
    return path, hf_dir if (hf_dir / "tokenizer.json").is_file() else None


def read_texts(path: Path, option: str = "--text") -> list[str]:
    """Texts of a file: plain text (one document per line), JSONL or Parquet with a
    ``text`` column, whatever its name (see ``langforge.corpus.read_text_documents``).

    Raises:
        ConfigError: the file cannot be read; the message names ``option``.
    """
    from langforge.corpus import read_text_documents

    return [doc.text for doc in read_text_documents(path, option)]


def _documents(paths: list[Path], option: str):
    from langforge.corpus import read_text_documents

    for path in paths:
        yield from read_text_documents(path, option)


def evaluate(tokenizer: Path, base: str, texts: list[str], english: list[str],
             hf_dir: Path | None = None) -> dict[str, Any]:
    """The evaluation of ``tokenizer`` against ``base`` as a JSON-ready dict.

    Raises:
        MissingModelError: the base tokenizer is not installed.
        ConfigError: a file is not a SentencePiece model.
    """
    import sentencepiece as spm

    from langforge.vocab import base_tokenizer_path, load_hf, load_model_proto
    from langforge.vocab.evaluate import agreement, heldout_metrics, reference_metrics

    if Path(tokenizer).suffix == ".json":
        # Byte-level BPE: both sides are Hugging Face tokenizers; there is no second
        # implementation to compare with.
        from tokenizers import Tokenizer

        from langforge.vocab.base import resolve_base
        from langforge.vocab.bytelevel_build import TokenizerEncoder, load_bpe_base

        base_sp = TokenizerEncoder(load_bpe_base(resolve_base(base)))
        merged_sp = TokenizerEncoder(Tokenizer.from_file(str(tokenizer)))
        hf_dir = None
    else:
        base_path = base_tokenizer_path(base)
        base_sp = spm.SentencePieceProcessor(
            model_proto=load_model_proto(base_path).SerializeToString())
        merged_sp = spm.SentencePieceProcessor(
            model_proto=load_model_proto(tokenizer).SerializeToString())
    result: dict[str, Any] = {
        "tokenizer": str(tokenizer), "base": base, "vocab_size": merged_sp.get_piece_size(),
        "base_vocab_size": base_sp.get_piece_size(),
        "text": heldout_metrics(base_sp, merged_sp, texts)}
    if english:
        result["english"] = reference_metrics(base_sp, merged_sp, english)
    if hf_dir is not None:
        hf = load_hf(hf_dir)
        result["hf_dir"] = str(hf_dir)
        result["hf_agreement"] = agreement(
            merged_sp, lambda lines: [hf.encode(line, add_special_tokens=False)
                                      for line in lines], [*texts, *english])
    return result


def _fmt(value: Any, percent: bool = False) -> str:
    if value is None:
        return "-"
    if percent:
        return f"{value:.2%}"
    return f"{value:,}" if isinstance(value, int) else f"{value:.3f}"


def format_evaluation(result: dict[str, Any]) -> str:
    """A small table: base vs merged on the text, then the English and HF checks."""
    text = result["text"]
    lines = [f"{result['tokenizer']} ({result['vocab_size']:,} pieces) vs base {result['base']} "
             f"({result['base_vocab_size']:,} pieces) on {text['lines']:,} lines, "
             f"{text['words']:,} words", "",
             f"{'':<22} {'base':>12} {'merged':>12}"]
    for label, key, percent in (("tokens", "tokens", False),
                                ("tokens per word", "tokens_per_word", False),
                                ("characters per token", "chars_per_token", False),
                                ("bytes per token", "bytes_per_token", False),
                                ("byte-fallback rate", "byte_fallback_rate", True)):
        lines.append(f"{label:<22} {_fmt(text[f'{key}_base'], percent):>12} "
                     f"{_fmt(text[f'{key}_merged'], percent):>12}")
    lines.append(f"{'token reduction':<22} {'':>12} {_fmt(text['token_reduction_frac'], True):>12}")
    english = result.get("english")
    if english:
        lines.append(f"English lines whose tokens changed: {english['changed_lines']:,} of "
                     f"{english['lines']:,} ({english['changed_lines_frac']:.2%})")
    agree = result.get("hf_agreement")
    if agree:
        lines.append(f"SentencePiece vs Hugging Face export: {agree['agreeing_lines']:,} of "
                     f"{agree['lines']:,} lines give the same ids "
                     f"({agree['agreement_frac']:.2%})")
        lines += [f"  differs on: {example[:100]!r}" for example in agree["examples"]]
    elif "hf_dir" not in result and not result["tokenizer"].endswith(".json"):
        lines.append("SentencePiece vs Hugging Face: not checked (no hf/ directory found; "
                     "pass the export directory as --tokenizer)")
    return "\n".join(lines)


def cmd_eval(args: argparse.Namespace) -> int:
    from langforge.storage import write_json

    model, hf_dir = resolve_tokenizer(args.tokenizer)
    texts = [t for path in args.text for t in read_texts(path, "--text")]
    english = [t for path in args.english for t in read_texts(path, "--english")]
    result = evaluate(model, args.base, texts, english, hf_dir)
    print(format_evaluation(result))
    if args.json:
        write_json(args.json, result)
        print(f"wrote {args.json}")
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from langforge.config import load_config
    from langforge.corpus import training_texts
    from langforge.document import StageStats
    from langforge.vocab import build_tokenizer

    config = load_config(args.language)
    changes = {"addon_vocab_size": args.addon_vocab_size, "method": args.method}
    vocab = config.vocab.model_copy(update={k: v for k, v in changes.items() if v is not None})
    train, heldout = training_texts(_documents(args.corpus, "--corpus"),
                                    _documents(args.synthetic, "--synthetic"),
                                    vocab.heldout_frac, vocab.synthetic_share)
    if args.english:
        reference_path, option = Path(args.english), "--english"
    elif vocab.protected_reference:
        reference_path, option = Path(vocab.protected_reference), "vocab.protected_reference"
    else:
        reference_path, option = SEED_EN, "the embedded English seed"
    reference = read_texts(reference_path, option)
    check = [t for path in args.check_english for t in read_texts(path, "--check-english")]
    stats = StageStats("vocab")
    sweep = [] if args.no_sweep else vocab.sweep_sizes
    evaluation = build_tokenizer(
        train, heldout, reference, config.lang, vocab, args.output, stats, method=vocab.method,
        protect_reference=vocab.protect_reference,
        min_protected_substring_count=vocab.min_protected_substring_count,
        compare_methods=vocab.compare_methods and not args.no_compare, sweep_sizes=sweep,
        english_check_texts=check)
    print(format_build(evaluation, vocab.base, vocab.method))
    merged = "tokenizer.json" if evaluation.get("base_kind", "sentencepiece") != "sentencepiece" \
        else "merged.model"
    print(f"wrote {args.output}/ ({merged}, hf/, init_map.jsonl, evaluation.json)")
    return EXIT_OK


def format_build(evaluation: dict[str, Any], base: str, method: str) -> str:
    """What a build did, with English change on protected AND on unseen English."""
    held = evaluation["heldout"]
    lines = [f"added {evaluation['added_pieces']:,} pieces to {base} ({method}); held-out "
             f"tokens/word {_fmt(held['tokens_per_word_base'])} -> "
             f"{_fmt(held['tokens_per_word_merged'])} ({held['token_reduction_frac']:.1%} "
             f"fewer tokens on {held['lines']:,} held-out lines)"]
    for key, label in (("reference", "protected English reference"),
                       ("english_heldback", "held-back (unprotected) English reference"),
                       ("english_check", "--check-english text")):
        figures = evaluation.get(key)
        if figures and figures.get("lines"):
            lines.append(f"English lines changed, {label}: {figures['changed_lines']:,} of "
                         f"{figures['lines']:,} ({figures['changed_lines_frac']:.2%})")
    agree = evaluation.get("hf_agreement")
    if agree:
        lines.append(f"SentencePiece vs Hugging Face export: {agree['agreeing_lines']:,} of "
                     f"{agree['lines']:,} lines agree; unreachable new pieces: "
                     f"{evaluation.get('unreachable_pieces', 0):,} dropped")
    return "\n".join(lines)


def cmd_apply(args: argparse.Namespace) -> int:
    from langforge.vocab.apply import apply_tokenizer

    english = [t for path in args.english for t in read_texts(path, "--english")] \
        if args.english else read_texts(SEED_EN, "the embedded English seed")
    report = apply_tokenizer(args.model, args.tokenizer, args.output, init=args.init,
                             english=english)
    print(f"resized {args.model} from {report['base_vocab_size']:,} to "
          f"{report['new_vocab_size']:,} tokens ({report['init']} init of "
          f"{report['new_rows']:,} new rows); English logits over the base vocabulary: "
          f"max difference {report['max_logit_abs_diff']:.2e} on "
          f"{report['english_lines_compared']:,} lines; new rows equal their initialisation")
    print(f"wrote {args.output}/ (model.safetensors, tokenizer, apply.json)")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tokenizer", help="evaluate or build an expanded tokenizer",
                       description="Measure a merged (expanded) SentencePiece tokenizer "
                       "against its base, or build one from documents files.")
    actions = p.add_subparsers(dest="tokenizer_command", required=True, metavar="ACTION")

    e = actions.add_parser("eval", help="compare a merged tokenizer with its base on text",
                           description="Tokens per word, characters and bytes per token, "
                           "byte-fallback rate and token reduction on --text; with --english, "
                           "the English lines whose tokenization changed; and whether the "
                           "Hugging Face export gives SentencePiece's ids on every line.")
    e.add_argument("--tokenizer", required=True, type=existing_path,
                   help="merged .model file (its sibling hf/ is checked too) or a Hugging "
                   "Face directory exported by langforge")
    e.add_argument("--base", default="mistral-7b-v0.1",
                   help="base tokenizer: a known name or a SentencePiece .model path")
    e.add_argument("--text", required=True, nargs="+", type=existing_file, metavar="FILE",
                   help="text in the language, never trained on (plain text, JSONL or "
                   "Parquet with a text column)")
    e.add_argument("--english", nargs="*", type=existing_file, default=[], metavar="FILE",
                   help="English text whose tokenization should not change (same formats)")
    e.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    e.set_defaults(func=cmd_eval)

    b = actions.add_parser("build", help="learn new pieces from documents and merge them",
                           description="The pipeline's vocabulary step on documents files: "
                           "hold out part of the corpus, learn new pieces, merge them into "
                           "the base tokenizer (config section vocab), export and evaluate.")
    b.add_argument("language", help="language code (sw, swh_Latn, ...)")
    b.add_argument("--corpus", required=True, nargs="+", type=existing_file, metavar="DOCS",
                   help="native text: plain text (one document per line), JSONL or Parquet "
                   "with a text column (e.g. from 'langforge dedup'), whatever the file name")
    b.add_argument("--synthetic", nargs="*", type=existing_file, default=[], metavar="DOCS",
                   help="synthetic documents, same formats (used up to vocab.synthetic_share)")
    b.add_argument("-o", "--output", required=True, type=Path, help="output directory")
    b.add_argument("--english", default=None, type=existing_file, metavar="FILE",
                   help="English text to protect (same formats; a share, "
                   "vocab.english_heldout_frac, is held back unprotected to measure change); "
                   "default: vocab.protected_reference, else the embedded English seed. "
                   "English is protected without it too (wordfreq word frequencies, "
                   "vocab.english_cost_ratio)")
    b.add_argument("--check-english", nargs="*", type=existing_file, default=[],
                   metavar="FILE", help="other English, never protected, on which changed "
                   "lines are reported")
    b.add_argument("--addon-vocab-size", type=int, default=None,
                   help="new pieces wanted; default: vocab.addon_vocab_size of the config")
    b.add_argument("--method", choices=("continuation", "addon"), default=None,
                   help="default: vocab.method of the config")
    b.add_argument("--no-sweep", action="store_true",
                   help="skip the evaluation across add-on sizes (faster)")
    b.add_argument("--no-compare", action="store_true",
                   help="skip building the other method for comparison (faster)")
    b.set_defaults(func=cmd_build)

    a = actions.add_parser("apply", help="resize a Hugging Face causal LM to an expanded "
                           "tokenizer", description="Grow a causal LM's input and output "
                           "embeddings to the merged vocabulary, initialise each new row as "
                           "the mean of its base sub-token rows (init_map.jsonl), save "
                           "safetensors + tokenizer and verify: on English, the logits over "
                           "the base vocabulary are unchanged, and every new row equals its "
                           "initialisation. Needs torch: pip install -e '.[apply]'.")
    a.add_argument("--model", required=True, type=existing_path,
                   help="Hugging Face model directory (AutoModelForCausalLM)")
    a.add_argument("--tokenizer", required=True, type=existing_path,
                   help="the tokenizer/ directory of a build (hf/ and init_map.jsonl)")
    a.add_argument("-o", "--output", required=True, type=Path, help="output directory")
    a.add_argument("--init", choices=("mean", "length"), default="mean",
                   help="new rows: mean of the base sub-token rows (Swallow), or weighted by "
                   "the characters each sub-token covers")
    a.add_argument("--english", nargs="*", type=existing_file, default=[], metavar="FILE",
                   help="English text for the logit check (default: the embedded English seed)")
    a.set_defaults(func=cmd_apply)
