"""The synthetic part of the graph: English seed documents translated with CTranslate2.

The seed is cut into chunks of ``translate.chunk_docs`` documents, one
``TranslateChunk`` task each, so a killed run redoes only unfinished chunks and a
cluster translates chunks in parallel. ``TranslateSeed`` gathers them.
"""

from __future__ import annotations

import math
from itertools import islice
from pathlib import Path

import luigi

from langforge.storage import DOCS_NAME, read_docs, write_docs
from langforge.translate import load_seed, translate_documents, translation_plan
from pipelines.base import LanguageTask, stage_output

class SeedTask(LanguageTask):
    """A task over the build's English seed set (the spec's ``seed``)."""

    def seed_path(self) -> str:
        return self.spec.seed

    def seed_docs(self):
        return load_seed(self.seed_path(), limit=self.config.translate.max_documents)


class TranslateChunk(SeedTask):
    """Translate documents [chunk * chunk_docs, (chunk + 1) * chunk_docs) of the seed
    (``translate.chunk_docs``)."""

    chunk = luigi.IntParameter(description="chunk number")

    def output(self):
        return self.success_target(self.layout.chunk(self.chunk))

    def run(self):
        config = self.config
        chunk_docs = config.translate.chunk_docs
        start = self.chunk * chunk_docs
        docs = islice(self.seed_docs(), start, start + chunk_docs)
        with stage_output(Path(self.output().path).parent, task=self) as out:
            stats = out.stats("translate")
            plan = translation_plan(config.translate, config.lang)
            write_docs(translate_documents(docs, config.lang, config.translate, stats, plan=plan),
                       out.docs_path)


class TranslateSeed(SeedTask):
    """The synthetic corpus: every chunk's documents, or a ``skipped`` record saying
    why translation could not run and which command fixes it."""

    def _plan(self):
        config = self.config
        return translation_plan(config.translate, config.lang)

    def requires(self):
        if self._plan().skipped:
            return []
        chunk_docs = self.config.translate.chunk_docs
        count = sum(1 for _ in self.seed_docs())
        return [TranslateChunk(chunk=i, **self.build_params())
                for i in range(math.ceil(count / chunk_docs))]

    def output(self):
        return self.success_target(self.layout.translate)

    def run(self):
        plan = self._plan()
        chunk_docs = [Path(t.path).parent / DOCS_NAME for t in luigi.task.flatten(self.input())]
        with stage_output(Path(self.output().path).parent, task=self) as out:
            if plan.skipped:  # chunk tasks record their own counts otherwise
                out.stats("translate").skip(plan.reason, plan.hint)
            write_docs((doc for path in chunk_docs for doc in read_docs(path)), out.docs_path)
