"""The vocabulary stage for ``tokenizer.json`` bases (byte-level BPE: Mistral-NeMo's
tekken, LLaMA-3 style): learn new merges as a continuation of the base's BPE,
export, and evaluate with the same keys as the SentencePiece path where they apply.

Writes ``tokenizer.json`` (the extended tokenizer), ``hf/`` (a directory
``transformers.AutoTokenizer`` loads), ``init_map.jsonl``, ``sizes.png`` and
``evaluation.json``. There is no ``.model`` and no ``addon`` method: both need a
SentencePiece base.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from tokenizers import Tokenizer

from langforge.config import VocabConfig
from langforge.document import StageStats
from langforge.errors import ConfigError
from langforge.languages import Language
from langforge.storage import write_json
from langforge.vocab.base import KIND_TEKKEN, BaseTokenizer, is_byte_piece
from langforge.vocab.bytelevel import (ByteLevelExtension, extend_bpe_json, extended_prefix,
                                       load_bpe_json, protected_substrings)
from langforge.vocab.english import bytelevel_pair_costs
from langforge.vocab.english import describe as english_describe
from langforge.vocab.evaluate import (agreement, heldout_metrics, parity_metrics,
                                      reference_metrics)
from langforge.vocab.sizes import write_size_plot
from langforge.vocab.training import sample_sentences

#: Special-token roles written to the exported ``tokenizer_config.json``: the first
#: name the tokenizer has as a special token fills the role.
SPECIAL_ROLES = {
    "bos_token": ("<s>", "<|begin_of_text|>", "<bos>"),
    "eos_token": ("</s>", "<|end_of_text|>", "<eos>"),
    "unk_token": ("<unk>",),
    "pad_token": ("<pad>", "<|finetune_right_pad_id|>"),
}


def load_bpe_base(base: BaseTokenizer) -> Tokenizer:
    """The base as a ``tokenizers.Tokenizer`` (a tekken file is converted first)."""
    if base.kind == KIND_TEKKEN:
        from langforge.vocab.tekken import tekken_to_hf

        return tekken_to_hf(base.path)
    tokenizer, _ = load_bpe_json(base.path)
    return tokenizer


class TokenizerEncoder:
    """A ``tokenizers.Tokenizer`` seen through the methods the evaluation calls on a
    SentencePiece processor (ids without special tokens)."""

    def __init__(self, tokenizer: Tokenizer):
        self.tokenizer = tokenizer
        self._byte_ids = _byte_ids(tokenizer)

    def encode(self, lines: list[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch(lines, add_special_tokens=False)]

    def get_piece_size(self) -> int:
        return self.tokenizer.get_vocab_size()

    def is_byte(self, token_id: int) -> bool:
        return token_id in self._byte_ids


def _byte_ids(tokenizer: Tokenizer) -> set[int]:
    """Tokens standing for one byte of a character split across tokens: ``<0xNN>``
    fallback pieces, and in a byte-level vocabulary the single non-ASCII bytes."""
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    data = json.loads(tokenizer.to_str())
    byte_level = "ByteLevel" in json.dumps([data.get("pre_tokenizer"), data.get("decoder")])
    char_byte = {char: byte for byte, char in bytes_to_unicode().items()}
    return {i for token, i in tokenizer.get_vocab().items()
            if is_byte_piece(token) or (byte_level and char_byte.get(token, 0) >= 0x80)}


def _specials(tokenizer: Tokenizer) -> dict[str, str]:
    data = json.loads(tokenizer.to_str())
    names = {t["content"] for t in data.get("added_tokens", []) if t.get("special")}
    roles = {}
    for role, candidates in SPECIAL_ROLES.items():
        found = next((name for name in candidates if name in names), None)
        if found is not None:
            roles[role] = found
    return roles


def export_hf_json(tokenizer: Tokenizer, out_dir: Path) -> Path:
    """Write a directory ``AutoTokenizer.from_pretrained`` loads (fast tokenizer only:
    a byte-level BPE has no SentencePiece model for a slow one)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(out_dir / "tokenizer.json"))
    special = _specials(tokenizer)
    config = {"tokenizer_class": "PreTrainedTokenizerFast", "clean_up_tokenization_spaces": False,
              "model_max_length": 1_000_000_000, **special}
    (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")
    (out_dir / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")
    return out_dir


def write_init_map_json(base: Tokenizer, merged: Tokenizer, extension: ByteLevelExtension,
                        size: int, path: Path) -> int:
    """One JSON line per new token: its id, the token and its text, its ids and tokens
    under the base (its bytes segmented by the base's merges) and its corpus frequency."""
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        for (left, right), frequency in zip(extension.merges[:size], extension.frequencies):
            token = left + right
            base_tokens = [t.value for t in base.model.tokenize(token)]
            new_id = merged.token_to_id(token)
            row = {"id": new_id, "piece": token, "text": merged.decode([new_id]),
                   "base_ids": [base.token_to_id(t) for t in base_tokens],
                   "base_pieces": base_tokens, "frequency": frequency}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
    return rows


def _lines(texts: Sequence[str]) -> list[str]:
    return [line for text in texts for line in text.splitlines() if line.strip()]


def roundtrip(hf, base: Tokenizer, texts: Sequence[str]) -> dict:
    """Lines the exported tokenizer decodes back to exactly themselves; a line that
    fails while the base round-trips it is a regression (the base's own normaliser
    may legitimately change text, e.g. NFC)."""
    lines = _lines(texts)
    failing = [line for line in lines
               if hf.decode(hf.encode(line, add_special_tokens=False)) != line]
    regressions = [line for line in failing
                   if base.decode(base.encode(line, add_special_tokens=False).ids) == line]
    return {"lines": len(lines), "roundtrip_lines": len(lines) - len(failing),
            "roundtrip_frac": round(1 - len(failing) / len(lines), 6) if lines else 1.0,
            "regressions": len(regressions), "examples": failing[:5]}


def _row(name: str, size: int, used: int, base: TokenizerEncoder, merged: TokenizerEncoder,
         new_ids: set[int], heldout, reference, english_check) -> dict:
    held = heldout_metrics(base, merged, heldout)
    seen = {i for ids in merged.encode(_lines(heldout)) for i in ids if i in new_ids} \
        if heldout else set()
    row = {"method": name, "addon_vocab_size_requested": size, "addon_vocab_size_used": used,
           "added_pieces": used, "unreachable_pieces": 0,
           "used_on_heldout_frac": round(len(seen) / len(new_ids), 6) if new_ids else 0.0,
           "token_reduction_frac": held["token_reduction_frac"],
           "tokens_per_word_merged": held["tokens_per_word_merged"],
           "chars_per_token_merged": held["chars_per_token_merged"],
           "byte_fallback_rate_merged": held["byte_fallback_rate_merged"],
           "reference_changed_lines_frac":
               reference_metrics(base, merged, reference)["changed_lines_frac"]}
    if english_check:
        row["english_check_changed_lines_frac"] = reference_metrics(
            base, merged, english_check)["changed_lines_frac"]
    return row


def _new_ids(tokenizer: Tokenizer, extension: ByteLevelExtension, size: int) -> set[int]:
    return {tokenizer.token_to_id(a + b) for a, b in extension.merges[:size]}


def build_bytelevel(base_ref: BaseTokenizer, train_texts: Iterable[str],
                    heldout_texts: Sequence[str], reference_texts: Sequence[str],
                    lang: Language, config: VocabConfig, out_dir: Path, stats: StageStats, *,
                    protect_reference: bool, min_protected_substring_count: int | None,
                    compare_methods: bool, sweep_sizes: Sequence[int],
                    parallel: tuple[Sequence[str], Sequence[str]] | None,
                    english_check_texts: Sequence[str],
                    on_progress: Callable[[int], None] | None = None) -> dict:
    """``build_tokenizer`` for a ``tokenizer.json`` / tekken base (method ``continuation``).

    Raises:
        ConfigError: empty training text, a base that is not BPE, or a failed check
            (a new token unreachable, the export not round-tripping or disagreeing).
    """
    base = load_bpe_base(base_ref)
    sentences = sample_sentences(train_texts, config.max_sentences, config.seed, stats)
    if not sentences:
        raise ConfigError(f"no training text for {lang.code}: the vocabulary stage needs "
                          "at least one non-empty line")
    size = config.addon_vocab_size
    protected_texts = list(reference_texts) if protect_reference else []
    protected_tokens: set[str] = set()
    if protected_texts and min_protected_substring_count is not None:
        protected_tokens = protected_substrings(base, protected_texts,
                                                min_protected_substring_count)
    sizes = sorted({size, *sweep_sizes}) if sweep_sizes else [size]
    # The sweep's sizes are prefixes of one run: BPE merges are ordered.
    english_cost = bytelevel_pair_costs(base) if config.english_cost_ratio else None
    extension = extend_bpe_json(base, sentences, max(sizes), protected_texts,
                                protected_tokens=protected_tokens, english_cost=english_cost,
                                max_cost_ratio=config.english_cost_ratio,
                                on_progress=on_progress)
    used = min(size, len(extension.merges))
    merged = extended_prefix(extension, used, base)

    merged.save(str(out_dir / "tokenizer.json"))
    hf_dir = export_hf_json(merged, out_dir / "hf")
    write_init_map_json(base, merged, extension, used, out_dir / "init_map.jsonl")
    base_enc, merged_enc = TokenizerEncoder(base), TokenizerEncoder(merged)
    evaluation = {
        "base": config.base, "base_kind": base_ref.kind, "language": lang.code,
        "method": "continuation", "addon_vocab_size_requested": size,
        "addon_vocab_size_used": used, "added_pieces": used, "unreachable_pieces": 0,
        "skipped_pieces": {}, "vocab_size": merged.get_vocab_size(),
        "heldout": heldout_metrics(base_enc, merged_enc, heldout_texts),
        "reference": reference_metrics(base_enc, merged_enc, reference_texts),
        "training": {k: stats.extra.get(k) for k in
                     ("sentences_seen", "sentences_sampled", "long_lines_split")},
        "protected": {"enabled": bool(protected_texts or english_cost),
                      "english_cost_ratio": config.english_cost_ratio,
                      "english_words": english_describe() if english_cost else None,
                      "protected_strings": len(protected_tokens),
                      "min_protected_substring_count": min_protected_substring_count,
                      "excluded_merges": len(extension.excluded),
                      "excluded_examples": [{"piece": p, "frequency": f}
                                            for p, f in extension.excluded[:25]]},
    }
    if english_check_texts:
        evaluation["english_check"] = reference_metrics(base_enc, merged_enc, english_check_texts)
    if parallel is not None:
        evaluation["parity"] = parity_metrics(base_enc, merged_enc, *parallel)
    from langforge.vocab.export import load_hf

    hf = load_hf(hf_dir)
    evaluated = [*heldout_texts, *reference_texts, *english_check_texts]
    evaluation["hf_agreement"] = agreement(
        merged_enc, lambda lines: [hf.encode(l, add_special_tokens=False) for l in lines],
        evaluated)
    evaluation["roundtrip"] = roundtrip(hf, base, evaluated)
    if evaluation["roundtrip"]["regressions"]:
        raise ConfigError("the extended tokenizer does not decode back to the input where the "
                          f"base does, e.g. {evaluation['roundtrip']['examples'][:2]!r}")
    check = english_check_texts
    methods = [_row("continuation", size, used, base_enc, merged_enc,
                    _new_ids(merged, extension, used), heldout_texts, reference_texts, check)]
    if compare_methods and protected_texts:
        free = extend_bpe_json(base, sentences, size)
        methods.append(_row("continuation_unprotected", size, len(free.merges), base_enc,
                            TokenizerEncoder(free.tokenizer),
                            _new_ids(free.tokenizer, free, size), heldout_texts,
                            reference_texts, check))
    evaluation["methods"] = methods
    rows = []
    for sweep_size in sizes if sweep_sizes else []:
        count = min(sweep_size, len(extension.merges))
        tokenizer = extended_prefix(extension, count, base)
        rows.append(_row("continuation", sweep_size, count, base_enc, TokenizerEncoder(tokenizer),
                         _new_ids(tokenizer, extension, count), heldout_texts, reference_texts,
                         check))
    evaluation["sizes"] = rows
    if rows:
        write_size_plot(rows, out_dir / "sizes.png")
    stats.extra.update(added_pieces=used,
                       token_reduction_frac=evaluation["heldout"]["token_reduction_frac"])
    write_json(out_dir / "evaluation.json", evaluation)
    return evaluation
