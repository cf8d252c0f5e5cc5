"""Safe merge of new pieces into a base SentencePiece model.

Rules (each protects a failure seen in published merges): skip pieces the base
has; never add byte, control, unknown or user-defined pieces; into a BPE base
add only pieces from a BPE learner; give added pieces unique scores below the
base's lowest, in merge order, so that SentencePiece and Hugging Face
``tokenizers`` (which ranks merges by order) apply them identically; keep only
pieces that are reachable, i.e. that the merged model produces for the piece's
own text, in SentencePiece and in the Hugging Face export alike.

Characters: SentencePiece's BPE starts from characters whether or not the
vocabulary has them (a character it lacks is only turned into byte pieces at the
end), so a new piece such as ``▁छ`` is produced even when the base byte-falls-back
on ``छ``. Hugging Face's BPE turns such a character into bytes BEFORE merging and
can then never form the piece. Every character of a new piece that the base lacks
is therefore added as a piece of its own, ahead of the pieces that use it: both
libraries then start from the same alphabet and produce the same ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import sentencepiece as spm
from sentencepiece import sentencepiece_model_pb2 as model_pb2

from langforge.errors import ConfigError
from langforge.vocab.base import (MODEL_BPE, MODEL_TYPE_NAMES, PIECE_BYTE, PIECE_CONTROL,
                                  PIECE_NORMAL, PIECE_UNKNOWN, PIECE_USER_DEFINED,
                                  check_normalizers, score_floor)

_SKIP_REASONS = {PIECE_BYTE: "byte_piece", PIECE_CONTROL: "control_piece",
                 PIECE_UNKNOWN: "unknown_piece", PIECE_USER_DEFINED: "user_defined_piece"}
_MAX_REACHABILITY_ROUNDS = 8


@dataclass
class MergeResult:
    """The merged model and an account of every candidate piece."""

    proto: model_pb2.ModelProto
    added: list[str]
    skipped: Counter = field(default_factory=Counter)
    unreachable: list[str] = field(default_factory=list)
    #: Characters the base lacked, added as pieces so that new pieces can use them.
    characters: list[str] = field(default_factory=list)


def scores_below(floor: float, count: int) -> list[float]:
    """``count`` distinct float32 scores, strictly decreasing, all below ``floor``.

    Scores are stored as float32: near the -1e9 of Mistral's whitespace pieces
    consecutive integers collapse, so each step is at least one float32 ulp.
    """
    scores = []
    value = np.float32(floor)
    for _ in range(count):
        value = min(np.float32(value - np.float32(1)), np.nextafter(value, np.float32(-np.inf)))
        scores.append(float(value))
    return scores


def processor(proto: model_pb2.ModelProto) -> spm.SentencePieceProcessor:
    return spm.SentencePieceProcessor(model_proto=proto.SerializeToString())


def probe_model(proto: model_pb2.ModelProto) -> model_pb2.ModelProto:
    """A copy of ``proto`` that encodes a piece's own text as is (no dummy prefix,
    whitespace kept), to ask whether the piece is produced."""
    probe = model_pb2.ModelProto()
    probe.CopyFrom(proto)
    probe.normalizer_spec.add_dummy_prefix = False
    probe.normalizer_spec.remove_extra_whitespaces = False
    return probe


def unreachable_pieces(proto: model_pb2.ModelProto, pieces: list[str]) -> list[str]:
    """The pieces SentencePiece does not produce as one token for their own text."""
    if not pieces:
        return []
    sp = processor(probe_model(proto))
    texts = [piece.replace("\u2581", " ") for piece in pieces]
    encoded = sp.encode(texts)
    return [piece for piece, ids in zip(pieces, encoded) if ids != [sp.piece_to_id(piece)]]


def unreachable_pieces_hf(proto: model_pb2.ModelProto, pieces: list[str]) -> list[str]:
    """The pieces the Hugging Face export of ``proto`` does not produce as one token
    for their own text."""
    if not pieces:
        return []
    from langforge.vocab.export import hf_tokenizer

    tokenizer = hf_tokenizer(probe_model(proto))
    vocab = tokenizer.get_vocab()
    texts = [piece.replace("\u2581", " ") for piece in pieces]
    encoded = tokenizer.encode_batch(texts, add_special_tokens=False)
    return [piece for piece, enc in zip(pieces, encoded) if enc.ids != [vocab.get(piece)]]


def missing_characters(base: model_pb2.ModelProto, pieces: Iterable[str]) -> list[str]:
    """Characters of ``pieces`` that are not pieces of ``base``, in first-use order."""
    existing = {piece.piece for piece in base.pieces}
    missing: dict[str, None] = {}
    for name in pieces:
        for ch in name:
            if ch not in existing and ch not in missing:
                missing[ch] = None
    return list(missing)


def fit_budget(base: model_pb2.ModelProto, pieces: list[str], budget: int) -> list[str]:
    """The longest prefix of ``pieces`` that, with the characters it needs and the
    base lacks (see ``merge_pieces``), adds at most ``budget`` pieces."""
    existing = {piece.piece for piece in base.pieces}
    seen: set[str] = set()
    used = 0
    for count, name in enumerate(pieces):
        new_chars = {ch for ch in name if ch not in existing and ch not in seen}
        if used + 1 + len(new_chars) > budget:
            return pieces[:count]
        seen |= new_chars
        used += 1 + len(new_chars)
    return list(pieces)


def _candidates_from_addon(base: model_pb2.ModelProto, addon: model_pb2.ModelProto,
                           skipped: Counter) -> list[str]:
    check_normalizers(base, addon)
    if base.trainer_spec.model_type == MODEL_BPE and addon.trainer_spec.model_type != MODEL_BPE:
        raise ConfigError(
            f"the base tokenizer is BPE but the add-on is "
            f"{MODEL_TYPE_NAMES[addon.trainer_spec.model_type]}: its pieces would not be "
            "reachable by pairwise merges; train a BPE add-on")
    # BPE pieces are stored in merge order (score descending); keep that order.
    ordered = sorted(enumerate(addon.pieces), key=lambda item: (-item[1].score, item[0]))
    names = []
    for _, piece in ordered:
        if piece.type != PIECE_NORMAL:
            skipped[_SKIP_REASONS.get(piece.type, "not_normal_piece")] += 1
            continue
        names.append(piece.piece)
    return names


def merge_pieces(base: model_pb2.ModelProto,
                 candidates: Iterable[str] | model_pb2.ModelProto) -> MergeResult:
    """Append new pieces to a copy of ``base``, in order, under the merge rules.

    ``candidates`` is an add-on ``ModelProto`` (its normal pieces in merge order)
    or piece strings in merge order (from a learner that respects the base).
    Characters the base lacks are added first (``MergeResult.characters``, also
    in ``added``); a piece that SentencePiece or the Hugging Face export would not
    produce for its own text is dropped and listed in ``unreachable``.

    Raises:
        ConfigError: the add-on's normaliser or model type does not fit the base.
    """
    skipped: Counter = Counter()
    if isinstance(candidates, model_pb2.ModelProto):
        names = _candidates_from_addon(base, candidates, skipped)
    else:
        names = list(candidates)
    existing = {piece.piece for piece in base.pieces}
    chosen: list[str] = []
    for name in names:
        if not name:
            skipped["empty_piece"] += 1
        elif name in existing:
            skipped["in_base" if name not in chosen else "duplicate"] += 1
        elif not name.strip("\u2581"):
            skipped["whitespace_only"] += 1
        elif name.startswith("<") and name.endswith(">") and len(name) > 2:
            skipped["markup_like"] += 1  # would read as a byte or control piece
        else:
            chosen.append(name)
            existing.add(name)

    unreachable: list[str] = []
    for _ in range(_MAX_REACHABILITY_ROUNDS):
        characters = missing_characters(base, chosen)
        pieces = characters + [name for name in chosen if name not in characters]
        merged = _append(base, pieces)
        lost = set(unreachable_pieces(merged, pieces)) | set(unreachable_pieces_hf(merged, pieces))
        if not lost:
            break
        unreachable.extend(name for name in chosen if name in lost)
        chosen = [name for name in chosen if name not in lost]
    else:
        raise ConfigError("added pieces kept turning unreachable after "
                          f"{_MAX_REACHABILITY_ROUNDS} rounds of removal")
    skipped["unreachable"] += len(unreachable)
    return MergeResult(merged, pieces, +skipped, unreachable, characters)


def _append(base: model_pb2.ModelProto, names: list[str]) -> model_pb2.ModelProto:
    merged = model_pb2.ModelProto()
    merged.CopyFrom(base)
    for name, score in zip(names, scores_below(score_floor(base), len(names))):
        piece = merged.pieces.add()
        piece.piece, piece.score, piece.type = name, score, PIECE_NORMAL
    merged.trainer_spec.vocab_size = len(merged.pieces)
    return merged
