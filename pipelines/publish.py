"""Publishing: the dataset's data files, the rejected records and the tokenizer, each
built under the work directory and keyed by its fingerprint. ``LanguageCorpus``
(pipelines.language) publishes them with the card, the summary and the report."""

from __future__ import annotations

import logging
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from luigi.util import requires

from langforge import quality_model as qm
from langforge.corpus import training_texts
from langforge.document import StageStats
from langforge.progress import Progress
from langforge.rehydrate import rehydrate
from langforge.dataset import unique_ids, write_data
from langforge.storage import (DOCS_NAME, REJECT_SCHEMA, count_docs, load_stats, read_docs,
                               read_json, write_json)
from langforge.summary import empty_corpus_reason
from langforge.vocab import build_tokenizer, corpus_token_counts
from pipelines.base import REJECTED, LanguageTask, stage_output
from pipelines.native import Deduplicate
from pipelines.synthetic import TranslateSeed

log = logging.getLogger("langforge.pipeline")

#: Inside the dataset's work dir: what the card needs, and the rejected records.
INFO_NAME = "info.json"
REJECTED_DIR = "rejected"


@requires(Deduplicate, TranslateSeed)
class ScoreQuality(LanguageTask):
    """Model-based quality: a fastText classifier of trusted text (translated seed,
    reference files) against the language's identified web documents; every
    deduplicated document gets ``signals["quality_score"]``, and ``quality_model``'s
    ``min_model_score`` / ``top_fraction`` select a subset (the rest rejected by name).
    Without positives the stage is ``skipped`` and the documents pass unscored."""

    def output(self):
        return self.success_target(self.layout.quality_model)

    def run(self):
        layout = self.layout
        with stage_output(layout.quality_model, task=self) as out:
            qm.run_stage(layout, out.dir, out.stats(qm.STAGE,
                                                    total=count_docs(layout.dedup / DOCS_NAME)),
                         out.docs_path)


@requires(ScoreQuality, TranslateSeed)
class BuildDataset(LanguageTask):
    """The language's dataset: Parquet splits under ``data/`` of its (fingerprinted)
    work directory, with ``info.json`` and every stage's rejected records.

    This is the task to require from your own Luigi graph: its output's directory
    holds ``data/native-*.parquet`` and ``data/synthetic-*.parquet``.
    """

    def output(self):
        return self.success_target(self.layout.dataset_work)

    def run(self):
        layout = self.layout
        native_dir, synthetic_dir = layout.quality_model, layout.translate
        with stage_output(layout.dataset_work, task=self) as out:
            _write_rejected(layout.stage_dirs(final=False), out.dir / REJECTED_DIR)
            dataset_stats = out.stats("dataset", total=count_docs(native_dir / DOCS_NAME)
                                      + count_docs(synthetic_dir / DOCS_NAME))
            native = unique_ids(read_docs(native_dir / DOCS_NAME), dataset_stats)
            rehydrated = None
            if self.config.quality_model.rehydrate:  # FineWeb-2's weights by cluster size
                rehydrated = StageStats("rehydrate")
                native = rehydrate(native, stats=rehydrated)
            info = write_data(native, read_docs(synthetic_dir / DOCS_NAME), out.dir,
                              self.config, stats=dataset_stats)
            dataset_stats.extra.update(info["splits"])
            info["rehydrate"] = rehydrated.to_dict() if rehydrated else None
            evaluation = native_dir / "model" / "metrics.json"
            info["quality_model"] = read_json(evaluation) if evaluation.is_file() else None
            write_json(out.dir / INFO_NAME, info)


def _write_rejected(stage_dirs: list[Path], target: Path) -> None:
    """Gather every stage's rejected records into ``target/<stage>.parquet``."""
    by_stage: dict[str, list[pa.Table]] = {}
    for directory in stage_dirs:
        path = directory / REJECTED
        if path.is_file():
            table = pq.read_table(path)
            for stage in sorted(set(table.column("stage").to_pylist())):
                by_stage.setdefault(stage, []).append(
                    table.filter(pa.compute.equal(table.column("stage"), stage)))
    target.mkdir(parents=True)
    for stage, tables in sorted(by_stage.items()):
        pq.write_table(pa.concat_tables(tables).cast(REJECT_SCHEMA), target / f"{stage}.parquet",
                       compression="zstd")


class _TokenizerProgress:
    """The tokenizer step's progress: each phase a log line and the scheduler's status,
    merges learned a bar (log lines off a terminal) and the task's percentage."""

    def __init__(self, out, code: str):
        self.out, self.code, self.bar = out, code, None

    def phase(self, text: str) -> None:
        log.info("vocab %s: %s", self.code, text)
        self.out.tell(f"vocab: {text}", force=True)

    def merges(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = Progress(f"vocab merges {self.code}", total=total, unit="merges")
        self.bar.update_to(done)
        self.out.tell(f"vocab: {done:,} of {total:,} merges learned",
                      percentage=round(100 * done / total) if total else None)

    def __enter__(self) -> "_TokenizerProgress":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


@requires(BuildDataset)
class TrainTokenizer(LanguageTask):
    """Expanded vocabulary: train on the kept corpus, merge into the base, evaluate.
    With no text to train on, the stage is ``skipped`` with the reason."""

    def output(self):
        return self.success_target(self.layout.tokenizer_work)

    def run(self):
        config, layout = self.config, self.layout
        native = layout.native
        train, heldout = training_texts(
            read_docs(native), read_docs(layout.translate / DOCS_NAME),
            config.vocab.heldout_frac, config.vocab.synthetic_share)
        with stage_output(layout.tokenizer_work, task=self) as out:
            stats = out.stats("vocab")
            if not train:
                upstream = [s for d in layout.stage_dirs(final=False) for s in load_stats(d)]
                reason = empty_corpus_reason(upstream, config.lang) or \
                    "no native text to train the vocabulary on"
                stats.skip(reason)
                write_json(out.dir / "evaluation.json", {"skipped": reason})
                return
            reference = [doc.text for doc in self._reference_docs()]
            vocab = config.vocab
            with _TokenizerProgress(out, config.lang.code) as progress:
                evaluation = build_tokenizer(
                    train, heldout, reference, config.lang, vocab, out.dir, stats,
                    method=vocab.method, protect_reference=vocab.protect_reference,
                    min_protected_substring_count=vocab.min_protected_substring_count,
                    compare_methods=vocab.compare_methods, sweep_sizes=vocab.sweep_sizes,
                    on_progress=progress.merges, on_phase=progress.phase)
            # Counted here, where the tokenizer's format is known (byte-level or not).
            evaluation["corpus"] = corpus_token_counts(
                vocab.base, out.dir, [doc.text for doc in read_docs(native)])
            write_json(out.dir / "evaluation.json", evaluation)

    def _reference_docs(self):
        """English text whose tokenization must not change (default: the English seed)."""
        from langforge.translate import load_seed

        return load_seed(self.config.vocab.protected_reference or self.spec.seed)
