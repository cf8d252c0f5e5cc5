"""Example: langforge's tasks inside your own Luigi graph.

Your task requires the language's ``BuildDataset`` and reads its Parquet splits.
Run it with::

    .venv/bin/luigi --module pipelines.example_user_graph langforge.example.CountTokens \
        --language swh_Latn --local-scheduler
"""

from __future__ import annotations

from pathlib import Path

import luigi
import pyarrow.parquet as pq

from pipelines.language import language_task
from pipelines.publish import BuildDataset


class CountTokens(luigi.Task):
    """Counts whitespace words in the native split of a language's dataset."""

    task_namespace = "langforge.example"
    language = luigi.Parameter(default="swh_Latn")
    build_dir = luigi.Parameter(default="build")

    def requires(self) -> BuildDataset:
        # language_task() validates the config, fills in the defaults (the sample
        # crawl, shard size, seed) and writes the build spec; the dataset task of
        # that build shares its parameters (language, build dir, build id).
        return language_task(self.language, build_dir=self.build_dir).clone(BuildDataset)

    def output(self):
        return luigi.LocalTarget(str(Path(self.build_dir) / self.language / "example-words.txt"))

    def run(self):
        dataset_dir = Path(self.input().path).parent
        words = 0
        for shard in sorted(dataset_dir.glob("data/native-*.parquet")):
            for text in pq.read_table(shard, columns=["text"]).column("text").to_pylist():
                words += len(text.split())
        with self.output().open("w") as fh:
            fh.write(f"{words}\n")
