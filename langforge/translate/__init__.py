"""Document-aware translation with CTranslate2, and checks on every output sentence.

The synthetic corpus: English seed documents (``load_seed``) translated into the
language being built (``translate_documents``), when a model is on disk
(``translation_plan``). See ``stage`` for the flow, ``layout`` for how documents
are cut and reassembled, ``checks`` for the output checks.
"""

from langforge.translate.checks import REASONS, CheckThresholds, TranslationChecker
from langforge.translate.layout import Layout, sentence_splitter, split_document
from langforge.translate.seed import SeedChunk, chunk_seed, load_seed
from langforge.translate.stage import (TranslateSettings, TranslationPlan, translate_chunks,
                                       translate_documents, translation_plan)

__all__ = [
    "REASONS", "CheckThresholds", "Layout", "SeedChunk", "TranslateSettings",
    "TranslationChecker", "TranslationPlan", "chunk_seed", "load_seed", "sentence_splitter",
    "split_document", "translate_chunks", "translate_documents", "translation_plan",
]
