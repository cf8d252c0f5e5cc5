"""Vocabulary expansion for Hugging Face ``tokenizer.json`` BPE models (byte-level,
LLaMA-3 style), which cannot go through the SentencePiece merge.

Same method as ``continuation``: pre-tokenize with the base's own normaliser and
pre-tokenizer, segment with the base's BPE, then learn new merges on top, most
frequent pair first. ``tokenizers`` ranks merges by list position, so appended
merges fire only after every base merge; vocabulary and merges are extended
together (each new token is exactly one new merge of two existing tokens).
"""

from __future__ import annotations

import heapq
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tokenizers import Tokenizer

from langforge.errors import ConfigError

DEFAULT_MIN_PAIR_FREQ = 2


@dataclass
class ByteLevelExtension:
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


def load_bpe_json(path: Path) -> tuple[Tokenizer, dict]:
    """A ``tokenizer.json`` and its parsed form; only BPE models are accepted."""
    try:
        tokenizer = Tokenizer.from_file(str(path))
    except Exception as exc:  # tokenizers raises a bare Exception on bad files
        raise ConfigError(f"{path} is not a Hugging Face tokenizer.json: {exc}") from None
    data = json.loads(tokenizer.to_str())
    if data["model"].get("type") != "BPE":
        raise ConfigError(f"{path}: model type {data['model'].get('type')!r}; only BPE "
                          "tokenizer.json models can be extended")
    return tokenizer, data


def extend_bpe_json(path: Path, sentences: Sequence[str], max_merges: int,
                    protected_texts: Sequence[str] = (),
                    min_pair_freq: int = DEFAULT_MIN_PAIR_FREQ) -> ByteLevelExtension:
    """Learn up to ``max_merges`` new merges for a ``tokenizer.json`` BPE base.

    A pair adjacent anywhere in the base segmentation of ``protected_texts`` is
    never merged, so that text tokenizes exactly as before.
    """
    base, data = load_bpe_json(Path(path))
    counts = _pretokenized(base, sentences)
    words = sorted(counts)
    freqs = [counts[w] for w in words]
    segs = [_segment(base, w) for w in words]
    protected = {pair for w in _pretokenized(base, protected_texts)
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
        if pair in protected:
            result.excluded.append((joined, -negative))
            continue
        taken.add(joined)
        result.merges.append(pair)
        result.frequencies.append(-negative)
        for index in sorted(where.pop(pair, ())):
            account(index, -1)
            segs[index] = _apply(segs[index], *pair)
            account(index, +1)
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
    """Every new token is one merge of two known tokens and is reachable."""
    vocab = tokenizer.get_vocab()
    for left, right in merges:
        if left not in vocab or right not in vocab:
            raise ConfigError(f"merge {left!r} + {right!r} refers to a token not in the vocabulary")
        joined = left + right
        if _segment(tokenizer, joined) != [joined]:
            raise ConfigError(f"new token {joined!r} is not reachable by the extended merges")
