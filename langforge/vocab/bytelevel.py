"""Vocabulary expansion for Hugging Face ``tokenizer.json`` BPE models (byte-level,
LLaMA-3 style), which cannot go through the SentencePiece merge.

Same method as ``continuation``: pre-tokenize with the base's own normaliser and
pre-tokenizer, segment with the base's BPE, then learn new merges on top, most
frequent pair first. ``tokenizers`` ranks merges by list position, so appended
merges fire only after every base merge; vocabulary and merges are extended
together (each new token is exactly one new merge of two existing tokens).

Tokenizers converted from tiktoken (Mistral's tekken, LLaMA-3) set
``ignore_merges``: a pre-token that is itself in the vocabulary becomes one token
without going through the merges. A new token equal to a whole protected
pre-token would therefore change that text, so such tokens are never learned.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path

from tokenizers import Tokenizer

from langforge.errors import ConfigError

DEFAULT_MIN_PAIR_FREQ = 2


@dataclass
class ByteLevelExtension:
    """The extended tokenizer and the new merges in order, with what was excluded."""

    tokenizer: Tokenizer
    merges: list[tuple[str, str]] = field(default_factory=list)
    frequencies: list[int] = field(default_factory=list)
    excluded: list[tuple[str, int]] = field(default_factory=list)


def _pretokenized(tokenizer: Tokenizer, texts: Iterable[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        for line in text.splitlines():
            if not line.strip():
                continue
            if tokenizer.normalizer is not None:
                line = tokenizer.normalizer.normalize_str(line)
            pieces = (tokenizer.pre_tokenizer.pre_tokenize_str(line)
                      if tokenizer.pre_tokenizer is not None else [(line, None)])
            counts.update(piece for piece, _ in pieces)
    return counts


def _segment(tokenizer: Tokenizer, word: str) -> list[str]:
    return [token.value for token in tokenizer.model.tokenize(word)]


def _apply(symbols: list[str], left: str, right: str) -> list[str]:
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def load_bpe_json(path: Path | Tokenizer) -> tuple[Tokenizer, dict]:
    """A ``tokenizer.json`` (or a loaded tokenizer) and its parsed form; only BPE
    models are accepted."""
    if isinstance(path, Tokenizer):
        tokenizer, path = path, "the base tokenizer"
    else:
        try:
            tokenizer = Tokenizer.from_file(str(path))
        except Exception as exc:  # tokenizers raises a bare Exception on bad files
            raise ConfigError(f"{path} is not a Hugging Face tokenizer.json: {exc}") from None
    data = json.loads(tokenizer.to_str())
    if data["model"].get("type") != "BPE":
        raise ConfigError(f"{path}: model type {data['model'].get('type')!r}; only BPE "
                          "tokenizer.json models can be extended")
    return tokenizer, data


def protected_substrings(tokenizer: Tokenizer, texts: Iterable[str], min_count: int,
                         max_chars: int = 16) -> set[str]:
    """Substrings (in the tokenizer's own alphabet) of the pre-tokens of ``texts``
    seen at least ``min_count`` times: new tokens equal to one are not learned, so
    that other text in the protected language keeps its tokenization too."""
    if min_count < 1:
        raise ConfigError(f"min_count must be at least 1, got {min_count}")
    counts: Counter = Counter()
    for word, freq in _pretokenized(tokenizer, texts).items():
        for start in range(len(word)):
            for end in range(start + 2, min(len(word), start + max_chars) + 1):
                counts[word[start:end]] += freq
    return {s for s, n in counts.items() if n >= min_count}


def extend_bpe_json(base: Path | Tokenizer, sentences: Sequence[str], max_merges: int,
                    protected_texts: Sequence[str] = (),
                    min_pair_freq: int = DEFAULT_MIN_PAIR_FREQ,
                    protected_tokens: Set[str] = frozenset(),
                    english_cost: tuple[Mapping[tuple[str, str], float],
                                        Mapping[str, float]] | None = None,
                    max_cost_ratio: float | None = None,
                    on_progress: Callable[[int], None] | None = None) -> ByteLevelExtension:
    """Learn up to ``max_merges`` new merges for a ``tokenizer.json`` BPE base.

    A pair adjacent anywhere in the base segmentation of ``protected_texts`` is
    never merged, and no new token equals one of its whole pre-tokens, so that
    text tokenizes exactly as before; nor does a new token equal one of
    ``protected_tokens`` (strings in the tokenizer's alphabet). With
    ``english_cost`` (``english.bytelevel_pair_costs``) and ``max_cost_ratio``, a
    merge is skipped when the share of English tokens it would change exceeds
    ``max_cost_ratio`` times its share of the corpus's pre-tokens (as in
    ``continuation.learn_merges``). ``on_progress`` gets the merges learned so far.

    Raises:
        ConfigError: the base is not a BPE tokenizer.json, ``max_merges`` is negative,
            or an extension check fails (a new token unreachable by the merges).
    """
    if max_merges < 0:
        raise ConfigError(f"max_merges must not be negative, got {max_merges}")
    base, data = load_bpe_json(base if isinstance(base, Tokenizer) else Path(base))
    counts = _pretokenized(base, sentences)
    words = sorted(counts)
    freqs = [counts[w] for w in words]
    segs = [_segment(base, w) for w in words]
    protected_words = set(_pretokenized(base, protected_texts))
    protected = {pair for w in protected_words
                 for seg in [_segment(base, w)] for pair in zip(seg, seg[1:])}
    vocab = dict(data["model"]["vocab"])
    taken = set(vocab) | {t["content"] for t in data.get("added_tokens", [])}

    pair_count: Counter = Counter()
    where: dict[tuple[str, str], set[int]] = defaultdict(set)
    heap: list = []

    def account(index: int, sign: int) -> None:
        seg = segs[index]
        for pair in zip(seg, seg[1:]):
            pair_count[pair] += sign * freqs[index]
            if sign > 0:
                where[pair].add(index)
            if pair_count[pair] > 0:
                heapq.heappush(heap, (-pair_count[pair], pair))

    for index in range(len(words)):
        account(index, +1)
    result = ByteLevelExtension(base)
    decided: set[tuple[str, str]] = set()
    total_words = sum(freqs) or 1
    pair_cost, word_cost = english_cost if english_cost and max_cost_ratio else ({}, {})
    while heap and len(result.merges) < max_merges:
        negative, pair = heapq.heappop(heap)
        if -negative != pair_count.get(pair, 0) or pair in decided:
            continue
        if -negative < min_pair_freq:
            break
        decided.add(pair)
        joined = pair[0] + pair[1]
        if joined in taken:  # the base reaches that token by another split
            continue
        costly = (pair_cost.get(pair, 0.0) + word_cost.get(joined, 0.0)
                  > (max_cost_ratio or 0.0) * -negative / total_words) if pair_cost else False
        if pair in protected or joined in protected_words or joined in protected_tokens \
                or costly:
            result.excluded.append((joined, -negative))
            continue
        taken.add(joined)
        result.merges.append(pair)
        result.frequencies.append(-negative)
        for index in sorted(where.pop(pair, ())):
            account(index, -1)
            segs[index] = _apply(segs[index], *pair)
            account(index, +1)
        if on_progress is not None:
            on_progress(len(result.merges))
    result.tokenizer = _extended(data, result.merges)
    _check(result.tokenizer, result.merges)
    return result


def _extended(data: dict, merges: list[tuple[str, str]]) -> Tokenizer:
    data = json.loads(json.dumps(data))
    model = data["model"]
    used_ids = list(model["vocab"].values()) + [t["id"] for t in data.get("added_tokens", [])]
    next_id = max(used_ids, default=-1) + 1
    as_lists = bool(model["merges"]) and isinstance(model["merges"][0], list)
    for offset, (left, right) in enumerate(merges):
        model["vocab"][left + right] = next_id + offset
        model["merges"].append([left, right] if as_lists or not model["merges"]
                               else f"{left} {right}")
    return Tokenizer.from_str(json.dumps(data))


def _check(tokenizer: Tokenizer, merges: list[tuple[str, str]]) -> None:
    """Every new token is one merge of two known tokens and is reachable through
    the merges (not only as a whole pre-token, which ``ignore_merges`` allows)."""
    vocab = tokenizer.get_vocab()
    by_merges = Tokenizer.from_str(tokenizer.to_str())
    if getattr(by_merges.model, "ignore_merges", False):
        by_merges.model.ignore_merges = False
    for left, right in merges:
        if left not in vocab or right not in vocab:
            raise ConfigError(f"merge {left!r} + {right!r} refers to a token not in the vocabulary")
        joined = left + right
        if _segment(by_merges, joined) != [joined]:
            raise ConfigError(f"new token {joined!r} is not reachable by the extended merges")


def extended_prefix(extension: ByteLevelExtension, size: int, base: Tokenizer) -> Tokenizer:
    """The base extended with only the first ``size`` learned merges (merges are ordered,
    so this is what learning ``size`` merges would have given)."""
    _, data = load_bpe_json(base)
    return _extended(data, extension.merges[:size])
