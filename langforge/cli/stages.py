"""One subcommand per library stage, each from and to Parquet document files.

``extract`` reads WARC files; ``identify``, ``filter``, ``dedup`` read the
documents files a previous command wrote (``langforge.storage`` format) and write
the documents they keep; ``translate`` reads an English seed file; ``dataset``
publishes documents files as a Hugging Face dataset directory. Every command
prints its ``StageStats`` (documents in, kept, dropped by named reason) and can
write the rejected records (``--rejected``) and the stats (``--stats``), which
``dataset --stage-stats`` puts in the dataset card.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

from langforge.cli import EXIT_OK
from langforge.document import Document, StageStats
from langforge.progress import Progress

#: The Parquet format every documents file of these commands has.
DOCS_HELP = "documents file(s) (Parquet, as written by another langforge stage command)"


def existing_file(value: str) -> Path:
    """argparse type: a path that must be an existing file (else a usage error)."""
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"no such file: {value}")
    return path


def existing_path(value: str) -> Path:
    path = Path(value)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"no such file or directory: {value}")
    return path


def format_stats(stats: StageStats, seconds: float | None = None) -> str:
    """A few lines: documents and characters in and kept, drops by reason, status."""
    took = f" in {seconds:.1f} s" if seconds is not None else ""
    dropped = sum(stats.dropped.values())
    lines = [f"{stats.stage}: {stats.docs_in:,} in, {stats.docs_out:,} kept, {dropped:,} "
             f"dropped{took}"]
    if stats.chars_out or not stats.docs_out:  # "read" passes pages on: no text counted yet
        lines.append(f"  characters: {stats.chars_in:,} in, {stats.chars_out:,} kept")
    for reason, count in sorted(stats.dropped.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  dropped {reason:<34} {count:>9,}")
    if stats.status != "ok":
        hint = f" (fix: {stats.hint})" if stats.hint else ""
        lines.append(f"  {stats.status}: {stats.reason}{hint}")
    return "\n".join(lines)


def read_all(paths: Iterable[Path]) -> Iterator[Document]:
    """The documents of several files, one after the other."""
    from langforge.storage import read_docs

    for path in paths:
        yield from read_docs(path)


def run_stage(args: argparse.Namespace, names: tuple[str, ...],
              make_stream: Callable[..., Iterable[Document]]) -> list[StageStats]:
    """Stream ``make_stream(*stats)`` into ``args.output`` with progress on the last
    stage; write ``--rejected`` / ``--stats`` when asked; print the stats."""
    from langforge.storage import RejectWriter, write_docs, write_json

    writer = RejectWriter() if args.rejected else None
    all_stats = [StageStats(stage=name, on_reject=writer) for name in names]
    start = time.monotonic()
    with Progress(names[-1], unit="docs") as bar:
        all_stats[-1].on_progress = bar.update_to
        written = write_docs(make_stream(*all_stats), args.output)
    seconds = time.monotonic() - start
    for stats in all_stats:
        stats.on_progress = None
    if writer is not None:
        writer.write(args.rejected)
    if args.stats:
        write_json(args.stats, [s.to_dict() for s in all_stats])
    for stats in all_stats:
        print(format_stats(stats, seconds if stats is all_stats[-1] else None))
    print(f"wrote {written:,} documents to {args.output}"
          + (f"; {len(writer.rows):,} rejected records to {args.rejected}" if writer else ""))
    return all_stats


def _config(language: str):
    from langforge.config import load_config

    return load_config(language)


def cmd_extract(args: argparse.Namespace) -> int:
    from langforge.errors import InputError
    from langforge.parallel import prefilter_and_extract
    from langforge.sources.warc import iter_pages

    config = _config(args.language)
    if args.no_prefilter:
        config = config.model_copy(update={
            "prefilter": config.prefilter.model_copy(update={"enabled": False})})

    def pages(read: StageStats) -> Iterator:
        # an unusable input is counted and skipped; only when no input at all is
        # usable does the command fail (nothing is written then)
        bad: list[InputError] = []
        seen_ids: set[str] = set()  # page ids unique across the files, as in a shard
        for path in args.warcs:
            yield from iter_pages(path, read, crawl=args.crawl or None,
                                  on_bad_input=bad.append, seen_ids=seen_ids)
        if bad and len(bad) == len(args.warcs):
            raise bad[0]
        for error in bad:
            print(f"langforge: skipped input {error}", file=sys.stderr)

    def stream(read: StageStats, prefilter: StageStats,
               extract: StageStats) -> Iterator[Document]:
        # the pipeline's extraction step (ExtractShard): pre-filter, worker pool
        # under per-page limits, trafilatura fast with its fallback rerun
        return prefilter_and_extract(pages(read), config, prefilter, extract)

    run_stage(args, ("read", "prefilter", "extract"), stream)
    return EXIT_OK


def cmd_identify(args: argparse.Namespace) -> int:
    from langforge.langid import identify

    config = _config(args.language)
    run_stage(args, ("identify",),
              lambda stats: identify(read_all(args.inputs), config.lang, config.lid, stats))
    return EXIT_OK


def cmd_filter(args: argparse.Namespace) -> int:
    from langforge.filters import quality_filter

    config = _config(args.language)
    run_stage(args, ("quality",),
              lambda stats: quality_filter(read_all(args.inputs), config, stats))
    return EXIT_OK


def cmd_dedup(args: argparse.Namespace) -> int:
    from langforge.dedup import exact_dedup, near_dedup

    config = _config(args.language)

    def make_docs() -> Iterator[Document]:
        return read_all(args.inputs)

    if args.method == "exact":
        stream = lambda stats: exact_dedup(make_docs, stats)  # noqa: E731
    else:
        stream = lambda stats: near_dedup(make_docs, config, stats)  # noqa: E731
    run_stage(args, ("dedup",), stream)
    return EXIT_OK


def cmd_translate(args: argparse.Namespace) -> int:
    from langforge.errors import MissingModelError
    from langforge.translate import load_seed, translate_documents, translation_plan

    config = _config(args.language)
    changes = {key: value for key, value in (("model", args.model), ("beam_size", args.beam_size),
                                             ("compute_type", args.compute_type))
               if value is not None}
    settings = config.translate.model_copy(update=changes)
    plan = translation_plan(settings, config.lang)
    if plan.skipped:
        hint = f"; to fix: {plan.hint}" if plan.hint else ""
        raise MissingModelError(f"cannot translate: {plan.reason}{hint}")
    seed = args.seed or settings.seed or str(_embedded_seed())
    limit = args.limit if args.limit is not None else settings.max_documents
    run_stage(args, ("translate",),
              lambda stats: translate_documents(load_seed(seed, limit=limit,
                                                          language=settings.source_language),
                                                config.lang, settings, stats, plan=plan))
    return EXIT_OK


def _embedded_seed() -> Path:
    from langforge.build import default_seed

    return default_seed()


def cmd_dataset(args: argparse.Namespace) -> int:
    from langforge.dataset import push_to_hub, write_dataset
    from langforge.storage import mark_success, read_json
    from langforge.summary import build_summary

    config = _config(args.language)
    upstream = [StageStats.from_dict(d) for path in args.stage_stats for d in read_json(path)]
    inputs = {"documents": [str(p) for p in args.inputs],
              "synthetic": [str(p) for p in args.synthetic]}
    summary = build_summary(config, upstream, inputs=inputs, final={}, tokenizer=None)
    stats = StageStats("dataset")
    start = time.monotonic()
    with Progress("dataset", unit="docs") as bar:
        stats.on_progress = bar.update_to
        result = write_dataset(read_all(args.inputs), read_all(args.synthetic), args.output,
                               config, summary, stats=stats)
    mark_success(args.output)
    print(format_stats(stats, time.monotonic() - start))
    splits = ", ".join(f"{split} {n:,}" for split, n in result["splits"].items())
    print(f"wrote dataset {args.output} ({splits} documents; {len(result['files'])} files)")
    if args.push_to_hub:
        url = push_to_hub(args.output, args.push_to_hub, private=args.private)
        print(f"pushed to the Hugging Face Hub: {url}")
    return EXIT_OK


def _stage_parser(sub: argparse._SubParsersAction, name: str, help: str,
                  description: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=description)
    p.add_argument("-l", "--language", required=True,
                   help="language code (sw, swa, swh, swh_Latn); its config gives the "
                   "thresholds (see 'langforge languages')")
    p.add_argument("-o", "--output", required=True, type=Path,
                   help="documents file to write (Parquet; written atomically)")
    p.add_argument("--rejected", type=Path, default=None,
                   help="also write every dropped record, with its reason, to this Parquet "
                   "file")
    p.add_argument("--stats", type=Path, default=None,
                   help="also write the stage counts as JSON (for 'langforge dataset "
                   "--stage-stats')")
    return p


def register(sub: argparse._SubParsersAction) -> None:
    p = _stage_parser(sub, "extract", "extract main text from WARC files",
                      "Read the HTML responses of WARC/ARC files (gzipped or not), skip the "
                      "pages the pre-filter finds surely in another language, and extract "
                      "the main text of the others with trafilatura (fast, rerun with its "
                      "fallback extractors when the text is empty or short), as a build's "
                      "extraction step does; drops have named reasons.")
    p.add_argument("warcs", nargs="+", type=existing_file, metavar="WARC", help="WARC files")
    p.add_argument("--crawl", default=None,
                   help="crawl name recorded on documents; default: the WARC's warcinfo")
    p.add_argument("--no-prefilter", action="store_true",
                   help="extract every page (as [prefilter] enabled = false)")
    p.set_defaults(func=cmd_extract)

    p = _stage_parser(sub, "identify", "language identification (fastText) of documents",
                      "Label each document's language with the configured LID model and keep "
                      "those in the language whose score passes lid.min_score.")
    p.add_argument("inputs", nargs="+", type=existing_file, metavar="DOCS", help=DOCS_HELP)
    p.set_defaults(func=cmd_identify)

    p = _stage_parser(sub, "filter", "quality signals and the language's thresholds",
                      "Compute quality signals (kept on each document) and drop documents "
                      "that trip one of the language's thresholds (config section quality).")
    p.add_argument("inputs", nargs="+", type=existing_file, metavar="DOCS", help=DOCS_HELP)
    p.set_defaults(func=cmd_filter)

    p = _stage_parser(sub, "dedup", "remove duplicate documents (exact or MinHash)",
                      "Keep the first document of each group of duplicates across all inputs, "
                      "in the order given. The inputs are read twice.")
    p.add_argument("inputs", nargs="+", type=existing_file, metavar="DOCS", help=DOCS_HELP)
    p.add_argument("--method", choices=("exact", "near"), default="exact",
                   help="exact: same normalised text; near: MinHash LSH on word 5-grams "
                   "(run both by chaining two commands)")
    p.set_defaults(func=cmd_dedup)

    p = _stage_parser(sub, "translate", "translate English seed documents (CTranslate2)",
                      "Translate English seed documents into the language with a CTranslate2 "
                      "model and check every output sentence; writes the synthetic documents. "
                      "Needs a model: 'langforge models list'.")
    p.add_argument("--seed", default=None, help="English seed (JSONL/Parquet/text); default: "
                   "translate.seed of the config, else the embedded sample seed")
    p.add_argument("--model", default=None, help="model name or CTranslate2 directory; "
                   "default: translate.model of the config")
    p.add_argument("--limit", type=int, default=None,
                   help="translate at most this many documents; default: "
                   "translate.max_documents of the config")
    p.add_argument("--beam-size", type=int, default=None,
                   help="default: translate.beam_size of the config")
    p.add_argument("--compute-type", default=None,
                   help="CTranslate2 compute type (int8, float32, ...); default: config")
    p.set_defaults(func=cmd_translate)

    p = sub.add_parser("dataset", help="publish documents as a Hugging Face dataset directory",
                       description="Write Parquet shards (splits native and synthetic) and the "
                       "dataset card (README.md) into a directory that datasets.load_dataset "
                       "loads; optionally upload it to the Hub.")
    p.add_argument("inputs", nargs="+", type=existing_file, metavar="DOCS",
                   help="native (web) documents files")
    p.add_argument("-l", "--language", required=True, help="language code (sw, swh_Latn, ...)")
    p.add_argument("-o", "--output", required=True, type=Path,
                   help="dataset directory to create (replaced if it exists)")
    p.add_argument("--synthetic", nargs="*", type=existing_file, default=[], metavar="DOCS",
                   help="synthetic (translated) documents files")
    p.add_argument("--stage-stats", nargs="*", type=existing_file, default=[], metavar="JSON",
                   help="stats files written by the stage commands' --stats, for the card's "
                   "per-stage counts")
    p.add_argument("--push-to-hub", default=None, metavar="REPO",
                   help="also upload to this Hub dataset repo (owner/name); needs a network "
                   "and 'huggingface-cli login'")
    p.add_argument("--private", action="store_true", help="create the Hub repo as private")
    p.set_defaults(func=cmd_dataset)
