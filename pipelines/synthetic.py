"""The synthetic part of the graph: English seed documents translated with CTranslate2."""

from __future__ import annotations

from pathlib import Path

import luigi

from langforge.languages import get_language
from langforge.storage import write_docs
from langforge.translate import load_seed, translate_documents, translation_plan
from pipelines.base import LanguageTask, stage_output

DEFAULT_SEED = Path(__file__).resolve().parent.parent / "resources" / "sample" / "seed_en.jsonl"


class TranslateSeed(LanguageTask):
    """Translate the English seed set into the language (skipped without a model)."""

    seed = luigi.Parameter(default="", description="seed file; empty = config, else the "
                           "embedded English seed")

    def output(self):
        return self.success_target(self.stage_dir("translate"))

    def seed_path(self) -> str:
        return self.seed or self.config.translate.seed or str(DEFAULT_SEED)

    def run(self):
        config = self.config
        settings = config.translate
        target = config.lang
        with stage_output(Path(self.output().path).parent) as out:
            stats = out.stats("translate")
            plan = translation_plan(settings, target)
            docs = ()
            if not getattr(plan, "skipped", False):
                get_language(settings.source_language)
                docs = load_seed(self.seed_path(), limit=settings.max_documents)
            write_docs(translate_documents(docs, target, settings, stats, plan=plan), out.docs_path)
