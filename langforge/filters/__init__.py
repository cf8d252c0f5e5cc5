"""Per-language quality filtering: signals (score) and thresholds (decide).

``quality_filter`` is the stage: it stores every signal on the document (so
thresholds can be re-tuned later without re-extraction) and drops documents
that trip one of the language's thresholds, under ``quality_<threshold key>``.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from langforge.config import LanguageConfig
from langforge.document import Document, StageStats
from langforge.filters.decide import THRESHOLD_SIGNALS, decide, reason_for
from langforge.filters.signals import SIGNAL_NAMES, quality_signals, script_ratio
from langforge.text import WordSplitter, word_splitter

__all__ = ["quality_filter", "quality_signals", "decide", "reason_for", "SIGNAL_NAMES",
           "THRESHOLD_SIGNALS"]


def quality_filter(docs: Iterable[Document], config: LanguageConfig,
                   stats: StageStats) -> Iterator[Document]:
    """Score each document, keep it or reject it with the threshold it tripped.

    Raises:
        ConfigError: at call time, before any document is read, if the config's
            word splitter or the language's script is unusable.
    """
    split_words = word_splitter(config)
    stopwords = frozenset(word.casefold() for word in config.quality.stopwords)
    script = config.lang.script
    script_ratio("", script)  # an unknown script fails here, not mid-stream
    return _filter(docs, config, stats, split_words, stopwords, script)


def _filter(docs: Iterable[Document], config: LanguageConfig, stats: StageStats,
            split_words: WordSplitter, stopwords: frozenset[str],
            script: str) -> Iterator[Document]:
    for doc in docs:
        stats.count_in(doc.text)
        doc.signals.update(quality_signals(doc.text, split_words, stopwords, script=script))
        verdict = decide(doc.signals, config.quality)
        if verdict is None:
            yield stats.count_out(doc)
        else:
            reason, detail = verdict
            stats.reject(doc, reason, **detail)
