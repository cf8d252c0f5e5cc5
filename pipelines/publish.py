"""Publishing: the dataset (Parquet + card + rejected records) and the tokenizer."""

from __future__ import annotations

from pathlib import Path

import luigi
import pyarrow as pa
import pyarrow.parquet as pq
from luigi.util import requires

from langforge.corpus import training_texts
from langforge.dataset import write_dataset
from langforge.storage import (DOCS_NAME, REJECT_SCHEMA, atomic_path, mark_success, read_docs,
                               write_json)
from langforge.vocab import build_tokenizer, corpus_token_counts
from pipelines.base import REJECTED, STATS, LanguageTask, load_stats, stage_output
from pipelines.native import Deduplicate
from pipelines.synthetic import TranslateSeed


def _upstream_dirs(task) -> list[Path]:
    """Every stage directory (one with stage stats) that the task's dependencies,
    transitively, wrote."""
    seen, dirs, todo = set(), [], list(luigi.task.flatten(task.requires()))
    while todo:
        dep = todo.pop()
        if dep.task_id in seen:
            continue
        seen.add(dep.task_id)
        for target in luigi.task.flatten(dep.output()):
            path = Path(target.path)
            if path.name == "_SUCCESS" and (path.parent / STATS).is_file():
                dirs.append(path.parent)
        todo.extend(luigi.task.flatten(dep.requires()))
    return sorted(set(dirs))


@requires(Deduplicate, TranslateSeed)
class BuildDataset(LanguageTask):
    """The language's dataset: ``dataset/`` (Parquet splits + card) and ``rejected/``.

    This is the task to require from your own Luigi graph.
    """

    def output(self):
        return {"dataset": self.success_target(self.lang_dir / "dataset"),
                "rejected": self.success_target(self.lang_dir / "rejected")}

    def run(self):
        config = self.config
        native_dir, synthetic_dir = (Path(t.path).parent for t in self.input())
        stage_dirs = _upstream_dirs(self)
        self._write_rejected(stage_dirs)
        stats = [s for d in stage_dirs for s in load_stats(d)]
        from langforge.summary import build_summary
        from pipelines.acquire import failed_shards

        partial = build_summary(config, stats, inputs=self.inputs(), final={}, tokenizer=None,
                                failed_shards=failed_shards(self))
        target = Path(self.output()["dataset"].path).parent
        with stage_output(target) as out:
            dataset_stats = out.stats("dataset")
            result = write_dataset(read_docs(native_dir / DOCS_NAME),
                                   read_docs(synthetic_dir / DOCS_NAME), out.dir, config, partial,
                                   stats=dataset_stats)
            dataset_stats.extra.update(result["splits"])

    def inputs(self) -> dict:
        return {"warcs": list(self.warcs), "crawl": self.crawl or None,
                "seed": TranslateSeed(language=self.language, build_dir=self.build_dir,
                                      seed=self.seed).seed_path()}

    def _write_rejected(self, stage_dirs: list[Path]) -> None:
        """Gather every stage's rejected records into ``rejected/<stage>.parquet``."""
        by_stage: dict[str, list[pa.Table]] = {}
        for directory in stage_dirs:
            path = directory / REJECTED
            if path.is_file():
                table = pq.read_table(path)
                for stage in sorted(set(table.column("stage").to_pylist())):
                    by_stage.setdefault(stage, []).append(
                        table.filter(pa.compute.equal(table.column("stage"), stage)))
        target = Path(self.output()["rejected"].path).parent
        with atomic_path(target) as tmp:
            tmp.mkdir(parents=True)
            for stage, tables in sorted(by_stage.items()):
                pq.write_table(pa.concat_tables(tables).cast(REJECT_SCHEMA),
                               tmp / f"{stage}.parquet", compression="zstd")
            mark_success(tmp)


@requires(BuildDataset)
class TrainTokenizer(LanguageTask):
    """Expanded vocabulary: train on the kept corpus, merge into the base, evaluate."""

    def output(self):
        return self.success_target(self.lang_dir / "tokenizer")

    def run(self):
        config = self.config
        work = self.lang_dir / "work"
        train, heldout = training_texts(
            read_docs(work / "dedup" / DOCS_NAME), read_docs(work / "translate" / DOCS_NAME),
            config.vocab.heldout_frac, config.vocab.synthetic_share)
        reference = [doc.text for doc in self._reference_docs()]
        with stage_output(Path(self.output().path).parent) as out:
            stats = out.stats("vocab")
            vocab = config.vocab
            evaluation = build_tokenizer(
                train, heldout, reference, config.lang, vocab, out.dir, stats,
                method=vocab.method, protect_reference=vocab.protect_reference,
                min_protected_substring_count=vocab.min_protected_substring_count,
                compare_methods=vocab.compare_methods, sweep_sizes=vocab.sweep_sizes)
            # Counted here, where the tokenizer's format is known (byte-level or not).
            evaluation["corpus"] = corpus_token_counts(
                vocab.base, out.dir, [doc.text for doc in read_docs(work / "dedup" / DOCS_NAME)])
            write_json(out.dir / "evaluation.json", evaluation)

    def _reference_docs(self):
        """English text whose tokenization must not change (default: the English seed)."""
        from langforge.translate import load_seed

        path = self.config.vocab.protected_reference or TranslateSeed(
            language=self.language, build_dir=self.build_dir, seed=self.seed).seed_path()
        return load_seed(path)
