"""Exports of a merged SentencePiece model: a Hugging Face tokenizer directory and
the map that initialises the new embeddings.

The Hugging Face ``tokenizer.json`` is built here rather than by transformers'
converter: that converter ranks BPE merges by piece id, while SentencePiece
ranks them by score, and the two orders differ for Mistral's whitespace pieces
(score -1e9, low ids), which makes the stock conversion disagree with
SentencePiece on lines with double spaces. Ranking merges by score, as
SentencePiece does, gives identical ids.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from sentencepiece import sentencepiece_model_pb2 as model_pb2
from tokenizers import AddedToken, Tokenizer, decoders, models, normalizers, processors

from langforge.errors import ConfigError
from langforge.vocab.base import (MODEL_BPE, PIECE_CONTROL, PIECE_NORMAL, PIECE_UNKNOWN,
                                  PIECE_USER_DEFINED)
from langforge.vocab.merge import processor

SPACE = "\u2581"


def bpe_merges(proto: model_pb2.ModelProto) -> list[tuple[str, str]]:
    """Every (left, right) pair whose concatenation is a piece, ranked the way
    SentencePiece applies them: by the piece's score, then by piece id."""
    ids = {p.piece: i for i, p in enumerate(proto.pieces)
           if p.type in (PIECE_NORMAL, PIECE_USER_DEFINED)}
    ranked = []
    for piece, index in ids.items():
        score = proto.pieces[index].score
        for cut in range(1, len(piece)):
            left, right = piece[:cut], piece[cut:]
            if left in ids and right in ids:
                ranked.append((-score, index, ids[left], left, right))
    ranked.sort()
    return [(left, right) for *_, left, right in ranked]


def hf_tokenizer(proto: model_pb2.ModelProto) -> Tokenizer:
    """A ``tokenizers.Tokenizer`` that encodes exactly as the SentencePiece BPE model."""
    if proto.trainer_spec.model_type != MODEL_BPE:
        raise ConfigError("the Hugging Face export handles BPE SentencePiece models only")
    spec = proto.normalizer_spec
    vocab = {p.piece: i for i, p in enumerate(proto.pieces)}
    unk = next((p.piece for p in proto.pieces if p.type == PIECE_UNKNOWN), None)
    tokenizer = Tokenizer(models.BPE(vocab=vocab, merges=bpe_merges(proto), unk_token=unk,
                                     fuse_unk=True, byte_fallback=proto.trainer_spec.byte_fallback))
    # Prepend + Replace rather than a Metaspace pre-tokenizer: Metaspace skips the
    # dummy prefix when the text already starts with a space, SentencePiece does not.
    steps = ([normalizers.Precompiled(spec.precompiled_charsmap)]
             if spec.precompiled_charsmap else [])
    if spec.add_dummy_prefix:
        steps.append(normalizers.Prepend(SPACE))
    steps.append(normalizers.Replace(" ", SPACE))
    tokenizer.normalizer = normalizers.Sequence(steps)
    steps = [decoders.Replace(SPACE, " "), decoders.ByteFallback(), decoders.Fuse()]
    if spec.add_dummy_prefix:
        steps.append(decoders.Strip(content=" ", left=1, right=0))
    tokenizer.decoder = decoders.Sequence(steps)
    specials = [p.piece for p in proto.pieces if p.type in (PIECE_CONTROL, PIECE_UNKNOWN)]
    tokenizer.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    bos_id = proto.trainer_spec.bos_id
    if 0 <= bos_id < len(proto.pieces):
        bos = proto.pieces[bos_id].piece
        tokenizer.post_processor = processors.TemplateProcessing(
            single=f"{bos} $A", pair=f"{bos} $A {bos} $B", special_tokens=[(bos, bos_id)])
    return tokenizer


def _piece_or_none(proto: model_pb2.ModelProto, index: int) -> str | None:
    return proto.pieces[index].piece if 0 <= index < len(proto.pieces) else None


def export_hf(proto: model_pb2.ModelProto, out_dir: Path) -> Path:
    """Write a directory ``transformers.AutoTokenizer.from_pretrained`` loads:
    ``tokenizer.model`` (SentencePiece), ``tokenizer.json`` and the configs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "tokenizer.model").write_bytes(proto.SerializeToString())
    hf_tokenizer(proto).save(str(out_dir / "tokenizer.json"))
    spec = proto.trainer_spec
    special = {"bos_token": _piece_or_none(proto, spec.bos_id),
               "eos_token": _piece_or_none(proto, spec.eos_id),
               "unk_token": _piece_or_none(proto, spec.unk_id),
               "pad_token": _piece_or_none(proto, spec.pad_id)}
    special = {k: v for k, v in special.items() if v is not None}
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "add_bos_token": True,
              "add_eos_token": False, "legacy": False, "clean_up_tokenization_spaces": False,
              "add_prefix_space": proto.normalizer_spec.add_dummy_prefix,
              "model_max_length": 1_000_000_000, **special}
    (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")
    (out_dir / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")
    return out_dir


def write_init_map(base: model_pb2.ModelProto, merged: model_pb2.ModelProto,
                   added: Sequence[str], frequencies: dict[str, int], path: Path) -> int:
    """One JSON line per new piece: its id, its ids and pieces under the base
    tokenizer (for mean initialisation) and its corpus frequency (for FOCUS-style
    weighting). Returns the number of lines."""
    base_sp, merged_sp = processor(base), processor(merged)
    probe = model_pb2.ModelProto()
    probe.CopyFrom(base)
    probe.normalizer_spec.add_dummy_prefix = False
    probe_sp = processor(probe)
    texts = [piece.replace(SPACE, " ") for piece in added]
    base_ids = probe_sp.encode(texts) if texts else []
    with path.open("w", encoding="utf-8") as out:
        for piece, ids in zip(added, base_ids):
            row = {"id": merged_sp.piece_to_id(piece), "piece": piece, "base_ids": ids,
                   "base_pieces": [base_sp.id_to_piece(i) for i in ids],
                   "frequency": frequencies.get(piece, 0)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(added)


def load_hf(directory: Path, use_fast: bool = True):
    """Load an exported directory with ``transformers.AutoTokenizer``."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(directory), use_fast=use_fast)

