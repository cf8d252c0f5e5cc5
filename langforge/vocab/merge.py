"""Safe merge of new pieces into a base SentencePiece model.

Rules (each protects a failure seen in published merges): skip pieces the base
has; never add byte, control, unknown or user-defined pieces; into a BPE base
add only pieces from a BPE learner; give added pieces unique scores below the
base's lowest, in merge order, so that SentencePiece and Hugging Face
``tokenizers`` (which ranks merges by order) apply them identically; keep only
pieces that are reachable, i.e. that the merged model produces for the piece's
own text.
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


def unreachable_pieces(proto: model_pb2.ModelProto, pieces: list[str]) -> list[str]:
    """The pieces the model does not produce as one token for their own text."""
    if not pieces:
        return []
    probe = model_pb2.ModelProto()
    probe.CopyFrom(proto)
    probe.normalizer_spec.add_dummy_prefix = False
    probe.normalizer_spec.remove_extra_whitespaces = False
    sp = processor(probe)
    texts = [piece.replace("\u2581", " ") for piece in pieces]
    encoded = sp.encode(texts)
    return [piece for piece, ids in zip(pieces, encoded) if ids != [sp.piece_to_id(piece)]]


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
        merged = _append(base, chosen)
        lost = set(unreachable_pieces(merged, chosen))
        if not lost:
            break
        unreachable.extend(name for name in chosen if name in lost)
        chosen = [name for name in chosen if name not in lost]
    else:
        raise ConfigError("added pieces kept turning unreachable after "
                          f"{_MAX_REACHABILITY_ROUNDS} rounds of removal")
    skipped["unreachable"] += len(unreachable)
    return MergeResult(merged, chosen, +skipped, unreachable)


def _append(base: model_pb2.ModelProto, names: list[str]) -> model_pb2.ModelProto:
    merged = model_pb2.ModelProto()
    merged.CopyFrom(base)
    for name, score in zip(names, scores_below(score_floor(base), len(names))):
        piece = merged.pieces.add()
        piece.piece, piece.score, piece.type = name, score, PIECE_NORMAL
    merged.trainer_spec.vocab_size = len(merged.pieces)
    return merged
