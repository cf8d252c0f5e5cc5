"""Expanded vocabulary: learn new pieces for a language, merge them safely into a
base tokenizer, export, and measure on held-out text.

``build_tokenizer`` is the pipeline's entry. Its default method, ``continuation``,
learns new BPE merges on top of the base's own segmentation (every piece is
reachable and ordered as real BPE would order it); ``addon`` is the common recipe
of training a separate SentencePiece model and appending its pieces, kept for
comparison. Both go through the same safe merge and the same checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from langforge.config import VocabConfig
from langforge.document import StageStats
from langforge.errors import ConfigError
from langforge.languages import Language
from langforge.storage import write_json
from langforge.vocab.base import (MODEL_BPE, MODEL_TYPE_NAMES, BaseTokenizer,
                                  base_tokenizer_path, check_normalizers, load_model_proto,
                                  resolve_base)
from langforge.vocab.continuation import (LearnedMerges, learn_merges, protected_strings,
                                          protected_substrings)
from langforge.vocab.evaluate import (agreement, heldout_metrics, parity_metrics,
                                      reference_metrics)
from langforge.vocab.export import export_hf, load_hf, write_init_map
from langforge.vocab.merge import MergeResult, merge_pieces, processor
from langforge.vocab.sizes import write_size_plot
from langforge.vocab.training import sample_sentences, train_addon, write_sentences

METHODS = ("continuation", "addon")
DEFAULT_SWEEP_SIZES = (2000, 4000, 8000, 16000)
#: English substrings seen this often are protected too (generalises beyond the reference).
DEFAULT_MIN_PROTECTED_SUBSTRING_COUNT = 5

__all__ = ["METHODS", "BaseTokenizer", "base_tokenizer_path", "build_tokenizer",
           "check_normalizers", "corpus_token_counts", "resolve_base",
           "export_hf", "learn_merges", "load_hf", "load_model_proto", "merge_pieces",
           "protected_strings", "sample_sentences", "train_addon"]


class _Candidate:
    """One merged tokenizer under evaluation: how it was made and what it added."""

    def __init__(self, merge: MergeResult, requested: int, used: int,
                 frequencies: dict[str, int], learned: LearnedMerges | None = None):
        self.merge, self.requested, self.used = merge, requested, used
        self.frequencies, self.learned = frequencies, learned
        self.sp = processor(merge.proto)


def _continuation(base, sentences, size: int, protected: set[str],
                  learned: LearnedMerges | None = None) -> _Candidate:
    learned = learned or learn_merges(base, sentences, size, protected)
    pieces = learned.pieces[:size]
    merge = merge_pieces(base, pieces)
    frequencies = dict(zip(learned.pieces, learned.frequencies))
    return _Candidate(merge, size, len(pieces), frequencies, learned)


def _addon(base, sentence_file: Path, size: int, prefix: Path, seed: int) -> _Candidate:
    addon, used = train_addon(sentence_file, base, size, prefix, seed)
    return _Candidate(merge_pieces(base, addon), size, used, {})


def _summary(name: str, candidate: _Candidate, base_sp, heldout, reference,
             english_check) -> dict:
    held = heldout_metrics(base_sp, candidate.sp, heldout)
    added = set(candidate.merge.added)
    used = {piece for ids in candidate.sp.encode([l for t in heldout for l in t.splitlines()])
            for piece in map(candidate.sp.id_to_piece, ids) if piece in added}
    row = {"method": name, "addon_vocab_size_requested": candidate.requested,
           "addon_vocab_size_used": candidate.used, "added_pieces": len(candidate.merge.added),
           "unreachable_pieces": len(candidate.merge.unreachable),
           "used_on_heldout_frac": round(len(used) / len(added), 6) if added else 0.0,
           "token_reduction_frac": held["token_reduction_frac"],
           "tokens_per_word_merged": held["tokens_per_word_merged"],
           "chars_per_token_merged": held["chars_per_token_merged"],
           "byte_fallback_rate_merged": held["byte_fallback_rate_merged"],
           "reference_changed_lines_frac":
               reference_metrics(base_sp, candidate.sp, reference)["changed_lines_frac"]}
    if english_check:
        row["english_check_changed_lines_frac"] = reference_metrics(
            base_sp, candidate.sp, english_check)["changed_lines_frac"]
    return row


def build_tokenizer(train_texts: Iterable[str], heldout_texts: Sequence[str],
                    reference_texts: Sequence[str], lang: Language, config: VocabConfig,
                    out_dir: Path, stats: StageStats, *, method: str = "continuation",
                    protect_reference: bool = True,
                    min_protected_substring_count: int | None =
                    DEFAULT_MIN_PROTECTED_SUBSTRING_COUNT,
                    compare_methods: bool = True,
                    sweep_sizes: Sequence[int] = DEFAULT_SWEEP_SIZES,
                    parallel: tuple[Sequence[str], Sequence[str]] | None = None,
                    english_check_texts: Sequence[str] = ()) -> dict:
    """Learn new pieces for ``lang``, merge them into the base, export, evaluate.

    Writes into ``out_dir``: ``merged.model``, ``addon.model`` (the separately
    trained add-on, when the ``addon`` method runs, alone or for comparison),
    ``hf/`` (a directory ``AutoTokenizer`` loads), ``init_map.jsonl``,
    ``sizes.png`` and ``evaluation.json``, whose dict is returned. A
    ``tokenizer.json`` / tekken base (``config.base``, see ``resolve_base``) is
    extended by ``bytelevel_build.build_bytelevel`` instead: ``tokenizer.json``
    in place of ``merged.model``, the same evaluation keys where they apply.

    ``heldout_texts`` must never have been trained on; ``reference_texts`` (English)
    is protected: with ``protect_reference`` no new piece changes how it tokenizes,
    and English substrings seen ``min_protected_substring_count`` times are
    protected as well (None: only the reference's own pairs). ``parallel`` is
    (native lines, English lines) for parity; ``english_check_texts`` is other
    English text on which changed lines are reported.

    Raises:
        ConfigError: unknown method, empty training text, or a base/add-on mismatch.
        MissingModelError: the base tokenizer is not installed.
        FetchError: an ``hf:`` base cannot be downloaded.
    """
    if method not in METHODS:
        raise ConfigError(f"unknown vocabulary method {method!r}; known: {', '.join(METHODS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    base_ref = resolve_base(config.base)
    if not base_ref.is_sentencepiece:
        if method != "continuation":
            raise ConfigError(f"method {method!r} needs a SentencePiece base; {config.base} is "
                              f"a {base_ref.kind} tokenizer: use method 'continuation'")
        from langforge.vocab.bytelevel_build import build_bytelevel

        return build_bytelevel(
            base_ref, train_texts, heldout_texts, reference_texts, lang, config, out_dir, stats,
            protect_reference=protect_reference,
            min_protected_substring_count=min_protected_substring_count,
            compare_methods=compare_methods, sweep_sizes=sweep_sizes, parallel=parallel,
            english_check_texts=english_check_texts)
    base = load_model_proto(base_ref.path)
    if method == "continuation" and base.trainer_spec.model_type != MODEL_BPE:
        raise ConfigError(f"method 'continuation' needs a BPE base; {config.base} is "
                          f"{MODEL_TYPE_NAMES[base.trainer_spec.model_type]}: use method 'addon'")
    sentences = sample_sentences(train_texts, config.max_sentences, config.seed, stats,
                                 base.trainer_spec.max_sentence_length or 4192)
    if not sentences:
        raise ConfigError(f"no training text for {lang.code}: the vocabulary stage needs "
                          "at least one non-empty line")
    sentence_file = write_sentences(sentences, out_dir / "train_sentences.txt")
    size = config.addon_vocab_size
    protected: set[str] = set()
    if protect_reference and reference_texts:
        protected = protected_strings(base, reference_texts)
        if min_protected_substring_count is not None:
            protected |= protected_substrings(reference_texts, min_protected_substring_count)
    sizes = sorted({size, *sweep_sizes}) if sweep_sizes else [size]

    candidates: dict[str, _Candidate] = {}
    if method == "continuation" or compare_methods:
        # The sweep's sizes are prefixes of one run: BPE merges are ordered.
        learned = learn_merges(base, sentences, max(sizes) if method == "continuation" else size,
                               protected)
        candidates["continuation"] = _continuation(base, sentences, size, protected, learned)
        if compare_methods and protected:
            candidates["continuation_unprotected"] = _continuation(base, sentences, size, set())
    if method == "addon" or compare_methods:
        candidates["addon"] = _addon(base, sentence_file, size, out_dir / "addon", config.seed)
    chosen = candidates[method]
    sentence_file.unlink()

    merged = chosen.merge.proto
    (out_dir / "merged.model").write_bytes(merged.SerializeToString())
    hf_dir = export_hf(merged, out_dir / "hf")
    write_init_map(base, merged, chosen.merge.added, chosen.frequencies,
                   out_dir / "init_map.jsonl")
    base_sp = processor(base)

    evaluation = {
        "base": config.base, "language": lang.code, "method": method,
        "addon_vocab_size_requested": size, "addon_vocab_size_used": chosen.used,
        "added_pieces": len(chosen.merge.added),
        "unreachable_pieces": len(chosen.merge.unreachable),
        "skipped_pieces": dict(sorted(chosen.merge.skipped.items())),
        "vocab_size": len(merged.pieces),
        "heldout": heldout_metrics(base_sp, chosen.sp, heldout_texts),
        "reference": reference_metrics(base_sp, chosen.sp, reference_texts),
        "training": {k: stats.extra.get(k) for k in
                     ("sentences_seen", "sentences_sampled", "long_lines_split")},
    }
    if chosen.learned is not None:
        evaluation["protected"] = {
            "enabled": bool(protected), "protected_strings": len(protected),
            "min_protected_substring_count": min_protected_substring_count,
            "excluded_merges": len(chosen.learned.excluded),
            "excluded_examples": [{"piece": p, "frequency": f}
                                  for p, f in chosen.learned.excluded[:25]]}
    if english_check_texts:
        evaluation["english_check"] = reference_metrics(base_sp, chosen.sp, english_check_texts)
    if parallel is not None:
        evaluation["parity"] = parity_metrics(base_sp, chosen.sp, *parallel)
    hf = load_hf(hf_dir)
    evaluation["hf_agreement"] = agreement(
        chosen.sp, lambda lines: [hf.encode(l, add_special_tokens=False) for l in lines],
        [*heldout_texts, *reference_texts, *english_check_texts])
    evaluation["methods"] = [_summary(name, cand, base_sp, heldout_texts, reference_texts,
                                      english_check_texts)
                             for name, cand in candidates.items()]
    evaluation["sizes"] = _sweep(base, sentences, sentence_file, sizes, method, chosen, protected,
                                 base_sp, heldout_texts, reference_texts, english_check_texts,
                                 out_dir, config.seed) if sweep_sizes else []
    if evaluation["sizes"]:
        write_size_plot(evaluation["sizes"], out_dir / "sizes.png")
    stats.extra.update(added_pieces=evaluation["added_pieces"],
                       token_reduction_frac=evaluation["heldout"]["token_reduction_frac"])
    write_json(out_dir / "evaluation.json", evaluation)
    return evaluation


def corpus_token_counts(base_name: str, tokenizer_dir: Path, texts: Sequence[str]) -> dict:
    """Tokens of ``texts`` under the base and under the tokenizer ``build_tokenizer``
    wrote to ``tokenizer_dir`` (``merged.model``, or ``tokenizer.json`` for a
    byte-level base): ``{"tokens_base": n, "tokens_merged": m}``."""
    base_ref = resolve_base(base_name)
    lines = [text for text in texts if text]
    if base_ref.is_sentencepiece:
        import sentencepiece as spm

        base_sp = spm.SentencePieceProcessor(model_file=str(base_ref.path))
        merged_sp = spm.SentencePieceProcessor(model_file=str(Path(tokenizer_dir) / "merged.model"))
    else:
        from tokenizers import Tokenizer

        from langforge.vocab.bytelevel_build import TokenizerEncoder, load_bpe_base

        base_sp = TokenizerEncoder(load_bpe_base(base_ref))
        merged_path = Path(tokenizer_dir) / "tokenizer.json"
        merged_sp = TokenizerEncoder(Tokenizer.from_file(str(merged_path)))
    return {"tokens_base": sum(map(len, base_sp.encode(lines))) if lines else 0,
            "tokens_merged": sum(map(len, merged_sp.encode(lines))) if lines else 0}


def _sweep(base, sentences, sentence_file, sizes, method, chosen, protected, base_sp,
           heldout, reference, english_check, out_dir, seed) -> list[dict]:
    """One row per add-on size, so the user can pick a size."""
    rows = []
    for size in sizes:
        if method == "continuation":
            candidate = _continuation(base, sentences, size, protected, chosen.learned)
        else:
            write_sentences(sentences, sentence_file)
            candidate = _addon(base, sentence_file, size, out_dir / f".sweep-{size}", seed)
            for leftover in out_dir.glob(f".sweep-{size}.*"):
                leftover.unlink()
        rows.append(_summary(method, candidate, base_sp, heldout, reference, english_check))
    if sentence_file.exists():
        sentence_file.unlink()
    return rows
