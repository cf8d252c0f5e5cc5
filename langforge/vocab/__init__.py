"""Expanded vocabulary: learn new pieces for a language, merge them safely into a
base tokenizer, export, and measure on held-out text.

``build_tokenizer`` is the pipeline's entry. Its default method, ``continuation``,
learns new BPE merges on top of the base's own segmentation (every piece is
reachable and ordered as real BPE would order it); ``addon`` is the common recipe
of training a separate SentencePiece model and appending its pieces, kept for
comparison. Both go through the same safe merge and the same checks.

English is protected by default with no input from the user: merges whose
English cost (wordfreq word frequencies, see ``english``) is too high for what
they save are never learned; a given English reference is protected as well,
except a held-back part on which the change of English tokenization is measured.
A build whose Hugging Face export disagrees with SentencePiece on any evaluated
line, or whose merged model has a new piece either library does not produce,
fails with ``TokenizerCheckError`` (after writing ``evaluation.json``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from langforge.config import VocabConfig
from langforge.document import StageStats, stable_id
from langforge.errors import ConfigError, LangforgeError
from langforge.languages import Language
from langforge.storage import write_json
from langforge.vocab.base import (MODEL_BPE, MODEL_TYPE_NAMES, BaseTokenizer,
                                  base_tokenizer_path, check_normalizers, load_model_proto,
                                  resolve_base)
from langforge.vocab.continuation import (LearnedMerges, learn_merges, protected_strings,
                                          protected_substrings)
from langforge.vocab.english import describe as english_describe
from langforge.vocab.english import pair_costs
from langforge.vocab.evaluate import (agreement, heldout_metrics, parity_metrics,
                                      reference_metrics)
from langforge.vocab.export import export_hf, load_hf, write_init_map
from langforge.vocab.merge import (MergeResult, fit_budget, merge_pieces, processor,
                                   unreachable_pieces, unreachable_pieces_hf)
from langforge.vocab.sizes import write_size_plot
from langforge.vocab.training import sample_sentences, train_addon, write_sentences

log = logging.getLogger(__name__)

METHODS = ("continuation", "addon")
DEFAULT_SWEEP_SIZES = (2000, 4000, 8000, 16000)
#: English substrings seen this often are protected too (generalises beyond the reference).
DEFAULT_MIN_PROTECTED_SUBSTRING_COUNT = 5

__all__ = ["METHODS", "BaseTokenizer", "TokenizerCheckError", "split_reference", "base_tokenizer_path", "build_tokenizer",
           "check_normalizers", "corpus_token_counts", "resolve_base",
           "export_hf", "learn_merges", "load_hf", "load_model_proto", "merge_pieces",
           "protected_strings", "sample_sentences", "train_addon"]


class TokenizerCheckError(LangforgeError):
    """The built tokenizer failed a check it must pass (the CLI exits 1)."""


def split_reference(texts: Sequence[str], heldout_frac: float) -> tuple[list[str], list[str]]:
    """The lines of ``texts`` split, stably by content, into (protected, held back).

    The held-back lines are never protected: the change of English tokenization
    measured on them is what unseen English will see.
    """
    protected, held = [], []
    for text in texts:
        for line in text.splitlines():
            if not line.strip():
                continue
            bucket = int(stable_id("english-heldout", line), 16) % 10_000
            (held if bucket < heldout_frac * 10_000 else protected).append(line)
    return protected, held


class _Candidate:
    """One merged tokenizer under evaluation: how it was made and what it added."""

    def __init__(self, merge: MergeResult, requested: int, used: int,
                 frequencies: dict[str, int], learned: LearnedMerges | None = None):
        self.merge, self.requested, self.used = merge, requested, used
        self.frequencies, self.learned = frequencies, learned
        self.sp = processor(merge.proto)


def _continuation(base, sentences, size: int, protected: set[str],
                  learned: LearnedMerges | None = None, **learn_options) -> _Candidate:
    learned = learned or learn_merges(base, sentences, size, protected, **learn_options)
    pieces = fit_budget(base, learned.pieces, size)  # characters the base lacks count too
    merge = merge_pieces(base, pieces)
    frequencies = dict(zip(learned.pieces, learned.frequencies))
    return _Candidate(merge, size, len(pieces), frequencies, learned)


def _addon(base, sentence_file: Path, size: int, prefix: Path, seed: int) -> _Candidate:
    addon, used = train_addon(sentence_file, base, size, prefix, seed)
    return _Candidate(merge_pieces(base, addon), size, used, {})


def _summary(name: str, candidate: _Candidate, base_sp, heldout, reference,
             english_check, english_heldback=()) -> dict:
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
    if english_heldback:
        row["english_heldback_changed_lines_frac"] = reference_metrics(
            base_sp, candidate.sp, english_heldback)["changed_lines_frac"]
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
                    english_check_texts: Sequence[str] = (),
                    on_progress: Callable[[int, int], None] | None = None,
                    on_phase: Callable[[str], None] | None = None) -> dict:
    """Learn new pieces for ``lang``, merge them into the base, export, evaluate.

    Writes into ``out_dir``: ``merged.model``, ``addon.model`` (the separately
    trained add-on, when the ``addon`` method runs, alone or for comparison),
    ``hf/`` (a directory ``AutoTokenizer`` loads), ``init_map.jsonl``,
    ``sizes.png`` and ``evaluation.json``, whose dict is returned. A
    ``tokenizer.json`` / tekken base (``config.base``, see ``resolve_base``) is
    extended by ``bytelevel_build.build_bytelevel`` instead: ``tokenizer.json``
    in place of ``merged.model``, the same evaluation keys where they apply.

    ``heldout_texts`` must never have been trained on. English is protected in
    two ways: merges too costly for English (``config.english_cost_ratio``, word
    frequencies from wordfreq; needs no input) are never learned, and, with
    ``protect_reference``, no new piece changes how ``reference_texts`` tokenizes,
    except a held-back share of its lines (``config.english_heldout_frac``) on
    which the change of unseen English is measured (``english_heldback``; the
    protected part is ``reference``). English substrings of the reference seen
    ``min_protected_substring_count`` times are protected as well (None: only its
    own pairs). ``parallel`` is (native lines, English lines) for parity;
    ``english_check_texts`` is other English text on which changed lines are
    reported (``english_check``). ``on_progress(done, total)`` is called as merges
    are learned; by default a ``langforge.progress.Progress`` shows them.
    ``on_phase(text)`` is told each step as it begins (English merge costs, merges,
    the comparison methods, export, evaluation); by default a log line.

    Raises:
        ConfigError: unknown method, empty training text, or a base/add-on mismatch.
        MissingModelError: the base tokenizer (or wordfreq) is not installed.
        FetchError: an ``hf:`` base cannot be downloaded.
        TokenizerCheckError: the Hugging Face export disagrees with SentencePiece on
            an evaluated line, or a new piece is unreachable in either library
            (``evaluation.json`` is written first).
    """
    if method not in METHODS:
        raise ConfigError(f"unknown vocabulary method {method!r}; known: {', '.join(METHODS)}")
    phase = on_phase or (lambda text: log.info("vocab %s: %s", lang.code, text))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    base_ref = resolve_base(config.base)
    protected_lines, heldback_lines = split_reference(reference_texts,
                                                      config.english_heldout_frac)
    if not base_ref.is_sentencepiece:
        if method != "continuation":
            raise ConfigError(f"method {method!r} needs a SentencePiece base; {config.base} is "
                              f"a {base_ref.kind} tokenizer: use method 'continuation'")
        from langforge.vocab.bytelevel_build import build_bytelevel

        total = max([config.addon_vocab_size, *sweep_sizes])
        phase(f"learning up to {total:,} merges into the byte-level base {config.base}, "
              "then exporting and evaluating")
        with _merge_progress(on_progress, lang, total) as report:
            evaluation = build_bytelevel(
                base_ref, train_texts, heldout_texts, protected_lines, lang, config, out_dir,
                stats, protect_reference=protect_reference,
                min_protected_substring_count=min_protected_substring_count,
                compare_methods=compare_methods, sweep_sizes=sweep_sizes, parallel=parallel,
                english_check_texts=english_check_texts, on_progress=report)
        if heldback_lines:
            from tokenizers import Tokenizer

            from langforge.vocab.bytelevel_build import TokenizerEncoder, load_bpe_base

            evaluation["english_heldback"] = reference_metrics(
                TokenizerEncoder(load_bpe_base(base_ref)),
                TokenizerEncoder(Tokenizer.from_file(str(out_dir / "tokenizer.json"))),
                heldback_lines)
            write_json(out_dir / "evaluation.json", evaluation)
        return evaluation
    base = load_model_proto(base_ref.path)
    if method == "continuation" and base.trainer_spec.model_type != MODEL_BPE:
        raise ConfigError(f"method 'continuation' needs a BPE base; {config.base} is "
                          f"{MODEL_TYPE_NAMES[base.trainer_spec.model_type]}: use method 'addon'")
    phase("sampling training sentences")
    sentences = sample_sentences(train_texts, config.max_sentences, config.seed, stats,
                                 base.trainer_spec.max_sentence_length or 4192)
    if not sentences:
        raise ConfigError(f"no training text for {lang.code}: the vocabulary stage needs "
                          "at least one non-empty line")
    sentence_file = write_sentences(sentences, out_dir / "train_sentences.txt")
    size = config.addon_vocab_size
    protected: set[str] = set()
    if protect_reference and protected_lines:
        protected = protected_strings(base, protected_lines)
        if min_protected_substring_count is not None:
            protected |= protected_substrings(protected_lines, min_protected_substring_count)
    ratio = config.english_cost_ratio
    if ratio:
        phase("English merge costs from wordfreq's word frequencies (cached for this base "
              "once computed)")
    english_cost = pair_costs(base) if ratio else None
    learn_options = {"english_cost": english_cost, "max_cost_ratio": ratio}
    sizes = sorted({size, *sweep_sizes}) if sweep_sizes else [size]

    candidates: dict[str, _Candidate] = {}
    if method == "continuation" or compare_methods:
        # The sweep's sizes are prefixes of one run: BPE merges are ordered. A few
        # more merges than asked for leave room for characters the base lacks.
        total = max(sizes) if method == "continuation" else size
        total += min(total, MAX_EXTRA_CHARACTERS)
        phase(f"learning up to {total:,} merges on {len(sentences):,} sentences")
        with _merge_progress(on_progress, lang, total) as report:
            learned = learn_merges(base, sentences, total, protected, on_progress=report,
                                   **learn_options)
        candidates["continuation"] = _continuation(base, sentences, size, protected, learned)
        if compare_methods and (protected or english_cost):
            phase("for comparison: the same merges without English protection")
            candidates["continuation_unprotected"] = _continuation(
                base, sentences, size, set(), learn_merges(
                    base, sentences, size + min(size, MAX_EXTRA_CHARACTERS), set()))
    if method == "addon" or compare_methods:
        phase(f"{'for comparison: ' if method != 'addon' else ''}training a separate "
              f"{size:,}-piece add-on with SentencePiece")
        candidates["addon"] = _addon(base, sentence_file, size, out_dir / "addon", config.seed)
    chosen = candidates[method]
    sentence_file.unlink()

    merged = chosen.merge.proto
    phase("merging into the base, exporting the Hugging Face tokenizer")
    (out_dir / "merged.model").write_bytes(merged.SerializeToString())
    hf_dir = export_hf(merged, out_dir / "hf")
    write_init_map(base, merged, chosen.merge.added, chosen.frequencies,
                   out_dir / "init_map.jsonl")
    base_sp = processor(base)

    phase("evaluating: held-out text, English, SentencePiece against Hugging Face")
    evaluation = {
        "base": config.base, "language": lang.code, "method": method,
        "addon_vocab_size_requested": size, "addon_vocab_size_used": chosen.used,
        "added_pieces": len(chosen.merge.added),
        "added_characters": len(chosen.merge.characters),
        "unreachable_pieces": len(chosen.merge.unreachable),
        "skipped_pieces": dict(sorted(chosen.merge.skipped.items())),
        "vocab_size": len(merged.pieces),
        "heldout": heldout_metrics(base_sp, chosen.sp, heldout_texts),
        "reference": reference_metrics(base_sp, chosen.sp, protected_lines),
        "english_heldback": reference_metrics(base_sp, chosen.sp, heldback_lines),
        "training": {k: stats.extra.get(k) for k in
                     ("sentences_seen", "sentences_sampled", "long_lines_split")},
    }
    if chosen.learned is not None:
        evaluation["protected"] = {
            "enabled": bool(protected or english_cost),
            "reference_lines_protected": len(protected_lines) if protect_reference else 0,
            "reference_lines_held_back": len(heldback_lines),
            "protected_strings": len(protected),
            "min_protected_substring_count": min_protected_substring_count,
            "english_cost_ratio": ratio,
            "english_words": english_describe() if english_cost else None,
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
    evaluation["unreachable_in_merged"] = {
        "sentencepiece": unreachable_pieces(merged, chosen.merge.added)[:25],
        "huggingface": unreachable_pieces_hf(merged, chosen.merge.added)[:25]}
    evaluation["methods"] = [_summary(name, cand, base_sp, heldout_texts, protected_lines,
                                      english_check_texts, heldback_lines)
                             for name, cand in candidates.items()]
    if sweep_sizes:
        phase(f"size curve: {', '.join(f'{n:,}' for n in sizes)} pieces")
    evaluation["sizes"] = _sweep(base, sentences, sentence_file, sizes, method, chosen, protected,
                                 base_sp, heldout_texts, protected_lines, english_check_texts,
                                 heldback_lines, out_dir, config.seed) if sweep_sizes else []
    if evaluation["sizes"]:
        write_size_plot(evaluation["sizes"], out_dir / "sizes.png")
    stats.extra.update(added_pieces=evaluation["added_pieces"],
                       token_reduction_frac=evaluation["heldout"]["token_reduction_frac"])
    write_json(out_dir / "evaluation.json", evaluation)
    _check(evaluation)
    return evaluation


#: At most this many characters the base lacks are budgeted for on top of the
#: merges asked for (they are then taken out of the same budget: ``fit_budget``).
MAX_EXTRA_CHARACTERS = 512


def _check(evaluation: dict) -> None:
    """Raise ``TokenizerCheckError`` naming every failed check."""
    problems = []
    agree = evaluation["hf_agreement"]
    if agree["agreeing_lines"] != agree["lines"]:
        problems.append(f"the Hugging Face export gives SentencePiece's ids on only "
                        f"{agree['agreeing_lines']:,} of {agree['lines']:,} evaluated lines "
                        f"(first differing: {agree['examples'][:1]})")
    for library, pieces in evaluation["unreachable_in_merged"].items():
        if pieces:
            problems.append(f"new pieces that {library} never produces: {pieces[:5]}")
    if problems:
        raise TokenizerCheckError("tokenizer check failed: " + "; ".join(problems) +
                                  " (details in evaluation.json)")


class _merge_progress:
    """``on_progress`` as a ``learn_merges`` callback, or a Progress of merges."""

    def __init__(self, on_progress, lang: Language, total: int):
        self.on_progress, self.total, self.bar = on_progress, total, None
        if on_progress is None:
            from langforge.progress import Progress

            self.bar = Progress(f"vocab merges {lang.code}", total=total, unit="merges")

    def __enter__(self):
        if self.bar is not None:
            return self.bar.update_to
        return lambda done: self.on_progress(done, self.total)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()


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
           heldout, reference, english_check, english_heldback, out_dir, seed) -> list[dict]:
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
        rows.append(_summary(method, candidate, base_sp, heldout, reference, english_check,
                             english_heldback))
    if sentence_file.exists():
        sentence_file.unlink()
    return rows
