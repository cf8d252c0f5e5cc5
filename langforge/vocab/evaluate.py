"""How much a merged tokenizer helps, measured on text never trained on.

Fertility (tokens per word), characters and bytes per token, the byte-fallback
rate, parity against English on parallel text, the share of protected
(reference) lines whose tokenization changed, and whether SentencePiece and the
Hugging Face export agree on every evaluated line.

A tokenizer here is a SentencePiece processor, or anything with the same
``encode(lines)``, ``get_piece_size()`` and ``is_byte(id)`` (the byte-level
path's ``bytelevel_build.TokenizerEncoder``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sentencepiece as spm

from langforge.text import split_whitespace

Encoder = Callable[[list[str]], list[list[int]]]


def _lines(texts: Sequence[str]) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line.strip()]


def _ratio(numerator: float, denominator: float) -> float | None:
    return round(numerator / denominator, 6) if denominator else None


def _byte_ids(sp: spm.SentencePieceProcessor) -> set[int]:
    return {i for i in range(sp.get_piece_size()) if sp.is_byte(i)}


def heldout_metrics(base: spm.SentencePieceProcessor, merged: spm.SentencePieceProcessor,
                    texts: Sequence[str]) -> dict:
    """Token economy of the base and merged tokenizers on ``texts``."""
    lines = _lines(texts)
    words = sum(len(split_whitespace(line)) for line in lines)
    chars = sum(len(line) for line in lines)
    utf8_bytes = sum(len(line.encode("utf-8")) for line in lines)
    out = {"lines": len(lines), "words": words, "chars": chars, "bytes": utf8_bytes}
    for name, sp in (("base", base), ("merged", merged)):
        encoded = sp.encode(lines) if lines else []
        tokens = sum(len(ids) for ids in encoded)
        byte_ids = _byte_ids(sp)
        fallback = sum(1 for ids in encoded for i in ids if i in byte_ids)
        out[f"tokens_{name}"] = tokens
        out[f"tokens_per_word_{name}"] = _ratio(tokens, words)
        out[f"chars_per_token_{name}"] = _ratio(chars, tokens)
        out[f"bytes_per_token_{name}"] = _ratio(utf8_bytes, tokens)
        out[f"byte_fallback_rate_{name}"] = _ratio(fallback, tokens) if tokens else 0.0
    reduction = 1 - out["tokens_merged"] / out["tokens_base"] if out["tokens_base"] else 0.0
    out["token_reduction_frac"] = round(reduction, 6)
    return out


def reference_metrics(base: spm.SentencePieceProcessor, merged: spm.SentencePieceProcessor,
                      texts: Sequence[str]) -> dict:
    """Share of protected lines whose token ids changed."""
    lines = _lines(texts)
    if not lines:
        return {"lines": 0, "changed_lines": 0, "changed_lines_frac": 0.0}
    changed = sum(a != b for a, b in zip(base.encode(lines), merged.encode(lines)))
    return {"lines": len(lines), "changed_lines": changed,
            "changed_lines_frac": round(changed / len(lines), 6)}


def parity_metrics(base: spm.SentencePieceProcessor, merged: spm.SentencePieceProcessor,
                   native: Sequence[str], english: Sequence[str]) -> dict:
    """Tokens for the language over tokens for English on parallel text (1.0 = parity)."""
    native_lines, english_lines = _lines(native), _lines(english)
    out = {"lines": len(native_lines)}
    for name, sp in (("base", base), ("merged", merged)):
        native_tokens = sum(map(len, sp.encode(native_lines))) if native_lines else 0
        english_tokens = sum(map(len, sp.encode(english_lines))) if english_lines else 0
        out[f"parity_{name}"] = _ratio(native_tokens, english_tokens)
    return out


def agreement(sp: spm.SentencePieceProcessor, encode_hf: Encoder, texts: Sequence[str]) -> dict:
    """Lines on which the Hugging Face export gives exactly SentencePiece's ids."""
    lines = _lines(texts)
    if not lines:
        return {"lines": 0, "agreeing_lines": 0, "agreement_frac": 1.0, "examples": []}
    ours, theirs = sp.encode(lines), encode_hf(lines)
    differing = [line for line, a, b in zip(lines, ours, theirs) if a != b]
    return {"lines": len(lines), "agreeing_lines": len(lines) - len(differing),
            "agreement_frac": round(1 - len(differing) / len(lines), 6),
            "examples": differing[:5]}
