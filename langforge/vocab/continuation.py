"""New BPE merges learned as a continuation of the base tokenizer's own BPE.

Appending an independently trained add-on leaves most of its pieces unused: the
base's merges fire first and produce segmentations the add-on never saw. Here
the corpus is first segmented by the BASE model, then the most frequent adjacent
pair is merged, repeatedly, exactly as SentencePiece will apply the new pieces
at encoding time (new pieces score below every base piece, so they only fire
once the base has finished). Every learned piece is therefore reachable and
ordered as real BPE would order it.

SentencePiece's BPE merges any adjacent pair whose concatenation is in the
vocabulary, so pairs are counted by their concatenated string.

English-neutral option: a piece is never learned when its string is the
concatenation of an adjacent pair in the base segmentation of the protected
text; the protected text then tokenizes exactly as before.
"""

from __future__ import annotations

import heapq
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from sentencepiece import sentencepiece_model_pb2 as model_pb2

from langforge.errors import ConfigError
from langforge.vocab.base import PIECE_NORMAL, PIECE_USER_DEFINED, is_byte_piece
from langforge.vocab.merge import processor

SPACE = "\u2581"
#: A pair seen fewer times than this is noise, not a piece worth a new embedding.
DEFAULT_MIN_PAIR_FREQ = 2
_HAN_LIKE = {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"}


@dataclass
class LearnedMerges:
    """New pieces in merge order, with what the learner saw."""

    pieces: list[str] = field(default_factory=list)
    frequencies: list[int] = field(default_factory=list)
    excluded: list[tuple[str, int]] = field(default_factory=list)
    protected_strings: int = 0
    word_types: int = 0


@lru_cache(maxsize=65536)
def _script(ch: str) -> str | None:
    """A coarse Unicode script class, as SentencePiece's trainer splits by script
    (Han, Hiragana and Katakana count as one; combining marks join their base)."""
    category = unicodedata.category(ch)
    if category[0] == "N":
        return "Number"
    if category[0] not in "LM":
        return "Common"
    name = unicodedata.name(ch, "")
    head = name.split(" ", 1)[0]
    if head == "COMBINING" or not head:
        return None
    return "Han" if head in _HAN_LIKE else head


class PieceRules:
    """Which strings may become pieces, following the base's trainer settings."""

    def __init__(self, base: model_pb2.ModelProto):
        spec = base.trainer_spec
        if spec.treat_whitespace_as_suffix:
            raise ConfigError("bases that treat whitespace as a suffix are not supported")
        self.max_chars = spec.max_sentencepiece_length or 16
        self.split_digits = spec.split_digits
        self.split_by_script = spec.split_by_unicode_script
        self._cache: dict[str, bool] = {}

    def allowed(self, piece: str) -> bool:
        verdict = self._cache.get(piece)
        if verdict is None:
            verdict = self._cache[piece] = self._check(piece)
        return verdict

    def _check(self, piece: str) -> bool:
        if len(piece) > self.max_chars:
            return False
        body = piece[1:] if piece.startswith(SPACE) else piece
        if not body or SPACE in body:
            return False
        if self.split_digits and any(ch.isdigit() for ch in body):
            return False
        if self.split_by_script:
            scripts = {_script(ch) for ch in body} - {None}
            if len(scripts) > 1:
                return False
        return True


def word_counts(sentences: Iterable[str]) -> Counter:
    """Whitespace-separated words (as the base's ``▁word`` strings) and their counts."""
    counts: Counter = Counter()
    for sentence in sentences:
        counts.update(SPACE + token for token in sentence.split(" ") if token)
    return counts


class BaseSegmenter:
    """Segments words with the base model, bytes turned back into characters."""

    def __init__(self, base: model_pb2.ModelProto):
        probe = model_pb2.ModelProto()
        probe.CopyFrom(base)
        probe.normalizer_spec.add_dummy_prefix = False
        probe.normalizer_spec.remove_extra_whitespaces = False
        self._sp = processor(probe)

    def segment(self, words: Sequence[str]) -> list[list[str]]:
        texts = [word.replace(SPACE, " ") for word in words]
        return [_bytes_to_chars(pieces) for pieces in self._sp.encode(texts, out_type=str)]


def _bytes_to_chars(pieces: list[str]) -> list[str]:
    out: list[str] = []
    pending = bytearray()
    for piece in pieces:
        if is_byte_piece(piece):
            pending.append(int(piece[3:5], 16))
            continue
        if pending:
            out.extend(pending.decode("utf-8", "replace"))
            pending.clear()
        out.append(piece)
    if pending:
        out.extend(pending.decode("utf-8", "replace"))
    return out


def resegment(symbols: list[str], scores: dict[str, float]) -> list[str]:
    """SentencePiece's BPE encoding from a given start: repeatedly merge the adjacent
    pair whose concatenation scores highest, leftmost first on ties."""
    symbols = list(symbols)
    while len(symbols) > 1:
        best_at, best_score = -1, 0.0
        for i in range(len(symbols) - 1):
            score = scores.get(symbols[i] + symbols[i + 1])
            if score is not None and (best_at < 0 or score > best_score):
                best_at, best_score = i, score
        if best_at < 0:
            break
        symbols[best_at:best_at + 2] = [symbols[best_at] + symbols[best_at + 1]]
    return symbols


def protected_strings(base: model_pb2.ModelProto, texts: Iterable[str]) -> set[str]:
    """Concatenations of adjacent pairs in the base segmentation of ``texts``: a new
    piece equal to one of them would change how that text tokenizes."""
    words = list(word_counts(line for text in texts for line in text.splitlines()))
    protected: set[str] = set()
    for segmentation in BaseSegmenter(base).segment(words):
        protected.update(a + b for a, b in zip(segmentation, segmentation[1:]))
    return protected


def learn_merges(base: model_pb2.ModelProto, sentences: Iterable[str], max_merges: int,
                 protected: set[str] | None = None,
                 min_pair_freq: int = DEFAULT_MIN_PAIR_FREQ,
                 english_cost: Mapping[str, float] | None = None,
                 max_cost_ratio: float | None = None,
                 on_progress: Callable[[int], None] | None = None) -> LearnedMerges:
    """Learn up to ``max_merges`` new pieces continuing the base's BPE on ``sentences``.

    Stops early when no allowed pair occurs ``min_pair_freq`` times (a small
    corpus supports fewer pieces). Pieces in ``protected`` are never learned;
    those that would have been are reported in ``excluded``.

    ``english_cost`` (see ``english.pair_costs``) gives, per candidate piece, the
    share of English word tokens whose base segmentation it would change; with
    ``max_cost_ratio`` a piece is excluded when that cost exceeds
    ``max_cost_ratio`` times its own share of the corpus's words (what it would
    save), so a piece common in English must be very common in the language to be
    worth it. ``on_progress`` is called with the number of pieces learned so far.
    """
    if max_merges < 0:
        raise ConfigError(f"max_merges must not be negative, got {max_merges}")
    rules = PieceRules(base)
    protected = protected or set()
    counts = word_counts(sentences)
    words = sorted(counts)
    freqs = [counts[word] for word in words]
    segs = BaseSegmenter(base).segment(words)
    scores = {p.piece: p.score for p in base.pieces if p.type in (PIECE_NORMAL, PIECE_USER_DEFINED)}

    pair_count: Counter = Counter()
    where: dict[str, set[int]] = defaultdict(set)

    def account(index: int, sign: int) -> None:
        seg, freq = segs[index], freqs[index]
        for a, b in zip(seg, seg[1:]):
            joined = a + b
            if rules.allowed(joined):
                pair_count[joined] += sign * freq
                if sign > 0:
                    where[joined].add(index)
                if pair_count[joined] > 0:
                    heapq.heappush(heap, (-pair_count[joined], joined))

    heap: list[tuple[int, str]] = []
    for index in range(len(words)):
        account(index, +1)
    result = LearnedMerges(word_types=len(words), protected_strings=len(protected))
    total_words = sum(freqs) or 1
    costly = english_cost is not None and max_cost_ratio is not None
    excluded_seen: set[str] = set()
    next_score = min(scores.values(), default=0.0) - 1.0
    while heap and len(result.pieces) < max_merges:
        negative, joined = heapq.heappop(heap)
        count = -negative
        if count != pair_count.get(joined, 0) or joined in scores or joined in excluded_seen:
            continue  # stale heap entry, or already decided
        if count < min_pair_freq:
            break
        if joined in protected or (
                costly and english_cost.get(joined, 0.0) > max_cost_ratio * count / total_words):
            excluded_seen.add(joined)
            result.excluded.append((joined, count))
            continue
        scores[joined] = next_score
        next_score -= 1.0
        result.pieces.append(joined)
        result.frequencies.append(count)
        for index in sorted(where.pop(joined, ())):
            account(index, -1)
            segs[index] = resegment(segs[index], scores)
            account(index, +1)
        pair_count.pop(joined, None)
        if on_progress is not None:
            on_progress(len(result.pieces))
    return result


def protected_substrings(texts: Iterable[str], min_count: int, max_chars: int = 16) -> set[str]:
    """Substrings of the protected text's words (``▁``-marked at word starts) seen at
    least ``min_count`` times.

    Pair protection keeps the reference itself unchanged; this wider net keeps new
    pieces away from strings common in the reference's language in general, so
    that OTHER text in that language also keeps its tokenization.
    """
    if min_count < 1:
        raise ConfigError(f"min_count must be at least 1, got {min_count}")
    counts: Counter = Counter()
    for word, freq in word_counts(line for text in texts for line in text.splitlines()).items():
        for start in range(len(word)):
            for end in range(start + 2, min(len(word), start + max_chars) + 1):
                counts[word[start:end]] += freq
    return {s for s, n in counts.items() if n >= min_count}
