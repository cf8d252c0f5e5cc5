"""Training text for the add-on: sampled sentences, and the SentencePiece add-on.

The training stream is sampled down to ``max_sentences`` lines with a seeded
reservoir, so memory stays bounded however large the corpus is; lines longer
than the base's ``max_sentence_length`` are split at whitespace rather than left
for SentencePiece to skip silently.
"""

from __future__ import annotations

import os
import sys
import random
import re
from collections.abc import Iterable
from pathlib import Path

import sentencepiece as spm

from langforge.document import Document, StageStats, stable_id
from langforge.errors import ConfigError
from langforge.vocab.base import (MODEL_TYPE_NAMES, PIECE_NORMAL, check_normalizers,
                                  load_model_proto)

#: SentencePiece's own default line limit, used when the base does not say.
DEFAULT_MAX_SENTENCE_BYTES = 4192
_MAX_SIZE_RE = re.compile(r"Vocabulary size too high \((\d+)\)\. Please set it to a value <= (\d+)")
_MIN_SIZE_RE = re.compile(r"Vocabulary size is smaller than required_chars\. (\d+) vs (\d+)")
_TRAIN_ATTEMPTS = 4


def split_long_line(line: str, max_bytes: int) -> list[str]:
    """Split a line into chunks of at most ``max_bytes`` UTF-8 bytes, at spaces
    where possible (a single longer word is cut at a character boundary)."""
    if len(line.encode("utf-8")) <= max_bytes:
        return [line]
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for word in line.split(" "):
        word_bytes = len(word.encode("utf-8"))
        while word_bytes > max_bytes:
            if current:
                chunks.append(" ".join(current))
                current, size = [], 0
            cut = word.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")
            chunks.append(cut)
            word = word[len(cut):]
            word_bytes = len(word.encode("utf-8"))
        extra = word_bytes + (1 if current else 0)
        if current and size + extra > max_bytes:
            chunks.append(" ".join(current))
            current, size = [], 0
            extra = word_bytes
        current.append(word)
        size += extra
    if current:
        chunks.append(" ".join(current))
    return [chunk for chunk in chunks if chunk.strip()]


def sample_sentences(texts: Iterable[str], max_sentences: int, seed: int,
                     stats: StageStats, max_sentence_bytes: int = DEFAULT_MAX_SENTENCE_BYTES
                     ) -> list[str]:
    """A seeded uniform sample of at most ``max_sentences`` non-empty lines, in
    stream order.

    Each text is counted in ``stats``; an empty text is rejected as ``empty_text``.
    ``stats.extra`` records lines seen, lines split and sentences sampled.
    """
    if max_sentences < 1:
        raise ConfigError(f"max_sentences must be at least 1, got {max_sentences}")
    rng = random.Random(seed)
    reservoir: list[tuple[int, str]] = []
    seen = split_lines = 0
    for text in texts:
        stats.count_in(text)
        doc = Document(id=stable_id("vocab", text), text=text)
        if not text.strip():
            stats.reject(doc, "empty_text")
            continue
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            pieces = split_long_line(line, max_sentence_bytes)
            split_lines += len(pieces) > 1
            for sentence in pieces:
                if len(reservoir) < max_sentences:
                    reservoir.append((seen, sentence))
                else:
                    slot = rng.randrange(seen + 1)
                    if slot < max_sentences:
                        reservoir[slot] = (seen, sentence)
                seen += 1
        stats.count_out(doc)
    reservoir.sort()
    stats.extra.update(sentences_seen=seen, sentences_sampled=len(reservoir),
                       long_lines_split=split_lines)
    return [sentence for _, sentence in reservoir]


def write_sentences(sentences: list[str], path: Path) -> Path:
    path.write_text("".join(s + "\n" for s in sentences), encoding="utf-8")
    return path


def _trainer_options(base, vocab_size: int, sentence_count: int) -> dict:
    """Options that make the add-on segment text the way the base does."""
    trainer, normalizer = base.trainer_spec, base.normalizer_spec
    if normalizer.name not in ("identity", "nfkc", "nmt_nfkc", "nfkc_cf", "nmt_nfkc_cf"):
        raise ConfigError(f"base tokenizer normaliser {normalizer.name!r} is not a built-in "
                          "SentencePiece rule; an add-on cannot reproduce it")
    return dict(
        model_type=MODEL_TYPE_NAMES[trainer.model_type].lower(),
        vocab_size=vocab_size,
        character_coverage=trainer.character_coverage or 1.0,
        byte_fallback=trainer.byte_fallback,
        split_digits=trainer.split_digits,
        split_by_unicode_script=trainer.split_by_unicode_script,
        split_by_whitespace=trainer.split_by_whitespace,
        split_by_number=trainer.split_by_number,
        treat_whitespace_as_suffix=trainer.treat_whitespace_as_suffix,
        max_sentencepiece_length=trainer.max_sentencepiece_length or 16,
        max_sentence_length=trainer.max_sentence_length or DEFAULT_MAX_SENTENCE_BYTES,
        normalization_rule_name=normalizer.name,
        add_dummy_prefix=normalizer.add_dummy_prefix,
        remove_extra_whitespaces=normalizer.remove_extra_whitespaces,
        # The sample already fits the memory budget (sample_sentences); the trainer
        # takes it whole (0 = all; it refuses sizes of 1..100).
        input_sentence_size=sentence_count if sentence_count > 100 else 0,
        shuffle_input_sentence=True,
        hard_vocab_limit=True,
        num_threads=min(os.cpu_count() or 1, 4),
        minloglevel=2,  # SentencePiece logs every merge step otherwise
    )


def train_addon(sentence_file: Path, base, new_pieces: int, model_prefix: Path,
                seed: int = 0) -> tuple[object, int]:
    """Train a SentencePiece add-on with the base's settings.

    The trainer's vocabulary also holds meta pieces, byte pieces and single
    characters; ``new_pieces`` counts only the learned ones, so those are added
    on top. When the corpus supports fewer pieces, SentencePiece says so
    ("Vocabulary size too high ... <= N") and training is retried at N.

    Returns:
        The add-on ``ModelProto`` and the number of learned (multi-character)
        pieces it holds.
    """
    text = sentence_file.read_text(encoding="utf-8")
    sentence_count = text.count("\n")
    if sentence_count == 0:
        raise ConfigError("no training text: the add-on cannot be trained on an empty corpus")
    reserved = 3 + (256 if base.trainer_spec.byte_fallback else 0)
    vocab_size = new_pieces + reserved + len(set(text) - {"\n", " "})
    for _ in range(_TRAIN_ATTEMPTS):
        options = _trainer_options(base, vocab_size, sentence_count)
        spm.set_random_generator_seed(seed)
        try:
            with open(os.devnull, "w") as devnull:
                # sentencepiece silences its log by redirecting sys.stderr's file
                # descriptor, which a replaced stderr (pytest's capsys, a notebook) lacks.
                quiet = {"logstream": devnull} if _has_fileno(sys.stderr) else {}
                spm.SentencePieceTrainer.train(input=str(sentence_file),
                                               model_prefix=str(model_prefix), **quiet,
                                               **options)
            break
        except RuntimeError as exc:
            too_high, too_low = _MAX_SIZE_RE.search(str(exc)), _MIN_SIZE_RE.search(str(exc))
            if too_high:
                vocab_size = int(too_high.group(2))
            elif too_low:
                vocab_size = int(too_low.group(2)) + new_pieces
            else:
                raise
    else:
        raise ConfigError(f"SentencePiece add-on training did not converge on a vocabulary "
                          f"size after {_TRAIN_ATTEMPTS} attempts (last {vocab_size})")
    addon = load_model_proto(f"{model_prefix}.model")
    check_normalizers(base, addon)
    # Single characters are the alphabet, not learned pieces: count merges only.
    learned = sum(piece.type == PIECE_NORMAL and len(piece.piece) > 1 for piece in addon.pieces)
    return addon, learned


def _has_fileno(stream) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        return False
    return True
