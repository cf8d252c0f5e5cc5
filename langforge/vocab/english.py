"""English protection that needs nothing from the user: word frequencies from the
``wordfreq`` package.

A new piece changes an English word only if the piece is the concatenation of two
ADJACENT pieces of the word's base segmentation: new pieces score below every
base piece, so the base's merges all fire first and a new one can only join two
pieces of that final base segmentation. ``pair_costs`` therefore segments every
word of wordfreq's English list with the base (as ``▁word``, ``▁Word``,
``▁WORD`` and without the word-start mark, as after punctuation) and adds, for
each adjacent pair, the frequency of the words it would change: the share of
English word tokens that merge would touch.

The learner (``continuation.learn_merges``) then excludes a piece when that
English cost exceeds ``max_cost_ratio`` times the piece's share of the target
corpus's words. Measured on Swahili (Global Voices, Mistral-7B v0.1 base, 8,000
pieces): fewer tokens on held-out Swahili / lines changed in TICO-19 + Tatoeba
sw-en English / in the English of 40 other Tatoeba pairs: no protection
45.5% / 3.6% / 0.8%; pairs of the 100k most frequent words protected outright
33.9% / 0.6% / 0.01%; the cost ratio 0.003 (the default) 43.7% / 0.5% / 0.15%. A hard cut on frequency protects too much (every rare
English word shares pairs with the language), the ratio keeps pieces the
language needs and drops those that buy little for their English cost.

Why wordfreq: it is a maintained package on PyPI whose English list merges
Wikipedia, subtitles, news, books, web text, Twitter and Reddit (data
CC BY-SA 4.0, code Apache-2.0; only used to decide which merges to skip,
nothing of it is written out), so it reflects English in general rather than
one small reference.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import defaultdict
from pathlib import Path

from sentencepiece import sentencepiece_model_pb2 as model_pb2

from langforge.errors import MissingModelError

log = logging.getLogger(__name__)

SPACE = "\u2581"
WORDLIST = "large"
#: How often each spelling of a wordfreq (lower-case) word is assumed to appear,
#: relative to the word's frequency: at a word start as is, capitalised, upper
#: case; and without the word-start mark (after a quote or a bracket).
FORM_WEIGHTS = ((lambda w: SPACE + w, 1.0), (lambda w: SPACE + w.capitalize(), 0.3),
                (lambda w: SPACE + w.upper(), 0.05), (lambda w: w, 0.05),
                (lambda w: w.capitalize(), 0.02), (lambda w: w.upper(), 0.01))

_CACHE: dict[tuple[str, int | None], dict[str, float]] = {}


def wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


def english_words(limit: int | None = None) -> list[tuple[str, float]]:
    """(word, frequency) of wordfreq's English list, most frequent first.

    Raises:
        MissingModelError: wordfreq is not installed.
    """
    try:
        import wordfreq
    except ImportError:
        raise MissingModelError("English protection needs the 'wordfreq' package: "
                                "pip install wordfreq (a langforge dependency; run "
                                "`make install`)") from None
    words = wordfreq.top_n_list("en", limit or 10**7, wordlist=WORDLIST)
    return [(word, wordfreq.word_frequency(word, "en", wordlist=WORDLIST)) for word in words]


def pair_costs(base: model_pb2.ModelProto, limit: int | None = None) -> dict[str, float]:
    """For each concatenation of adjacent pieces in the base segmentation of an
    English word, the summed frequency of the word spellings it occurs in.

    Cached per base model in this process and on disk (``cache_dir()``): computing
    them takes ~25 s for wordfreq's 320k-word list, reading them back under 1 s.
    """
    key = (hashlib.sha1(base.SerializeToString()).hexdigest(), limit)
    cached = _CACHE.get(key)
    if cached is None:
        path = _cache_file(*key)
        cached = _read_costs(path)
        if cached is None:
            cached = _pair_costs(base, limit)
            _write_costs(cached, path)
        _CACHE[key] = cached
    return cached


def _pair_costs(base: model_pb2.ModelProto, limit: int | None) -> dict[str, float]:
    from langforge.vocab.continuation import BaseSegmenter

    weighted: dict[str, float] = defaultdict(float)
    for word, frequency in english_words(limit):
        for form, weight in FORM_WEIGHTS:
            weighted[form(word)] += frequency * weight
    forms = list(weighted)
    costs: dict[str, float] = defaultdict(float)
    for form, segmentation in zip(forms, BaseSegmenter(base).segment(forms)):
        for pair in {a + b for a, b in zip(segmentation, segmentation[1:])}:
            costs[pair] += weighted[form]
    return dict(costs)


def cache_dir() -> Path:
    """Where derived data that depends only on installed resources is kept between
    runs: ``LANGFORGE_CACHE_DIR``, else ``$XDG_CACHE_HOME/langforge`` (``~/.cache``)."""
    env = os.environ.get("LANGFORGE_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "langforge"


def _cache_file(base_sha1: str, limit: int | None) -> Path:
    """The cached costs of a base: keyed by the base, the word limit, wordfreq's
    version and this module's code (FORM_WEIGHTS, the cost rule)."""
    code = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()
    key = hashlib.sha1(f"{base_sha1}:{limit}:{wordfreq_version()}:{code}".encode()).hexdigest()
    return cache_dir() / "english-pair-costs" / f"{key[:20]}.parquet"


def _read_costs(path: Path) -> dict[str, float] | None:
    """The cached costs, or None (absent, unreadable or damaged: computed again)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
        return dict(zip(table.column("pair").to_pylist(), table.column("cost").to_pylist()))
    except Exception:  # noqa: BLE001 - a cache: anything wrong means compute again
        return None


def _write_costs(costs: dict[str, float], path: Path) -> None:
    """Write the cache atomically; a cache that cannot be written is only a cost."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from langforge.storage import atomic_path

    try:
        with atomic_path(path) as tmp:
            pq.write_table(pa.table({"pair": list(costs), "cost": list(costs.values())}), tmp)
    except OSError as exc:
        log.info("English merge costs not cached (%s): computed again next time", exc)


def describe(limit: int | None = None) -> dict:
    """What the protection used, for evaluation.json."""
    return {"source": f"wordfreq {wordfreq_version()} English '{WORDLIST}' list",
            "licence": "wordfreq data CC BY-SA 4.0 (used to choose merges, not redistributed)",
            "words": len(english_words(limit))}


def bytelevel_pair_costs(tokenizer, limit: int | None = None
                         ) -> tuple[dict[tuple[str, str], float], dict[str, float]]:
    """``pair_costs`` for a ``tokenizers`` BPE base (byte-level): costs of adjacent
    token pairs in the base segmentation of English pre-tokens, and of whole
    pre-tokens (a tokenizer with ``ignore_merges`` makes a pre-token that is a
    token one token, whatever its pairs)."""
    from langforge.vocab.bytelevel import _segment

    key = (f"bytelevel:{hashlib.sha1(tokenizer.to_str().encode()).hexdigest()}", limit)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    weighted: dict[str, float] = defaultdict(float)
    for word, frequency in english_words(limit):
        for form, weight in FORM_WEIGHTS:
            text = form(word).replace(SPACE, " ")
            if tokenizer.normalizer is not None:
                text = tokenizer.normalizer.normalize_str(text)
            pieces = (tokenizer.pre_tokenizer.pre_tokenize_str(text)
                      if tokenizer.pre_tokenizer is not None else [(text, None)])
            for piece, _ in pieces:
                weighted[piece] += frequency * weight
    pairs: dict[tuple[str, str], float] = defaultdict(float)
    for piece, weight in weighted.items():
        segmentation = _segment(tokenizer, piece)
        for pair in set(zip(segmentation, segmentation[1:])):
            pairs[pair] += weight
    result = (dict(pairs), dict(weighted))
    _CACHE[key] = result  # type: ignore[assignment]
    return result
