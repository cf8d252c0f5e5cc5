"""Random-weight CTranslate2 models and the translation throughput benchmark.

``build_random_model`` writes a real CTranslate2 Transformer (random weights, a
SentencePiece model for its vocabulary) so tests and benchmarks exercise the real
loading and decoding path offline. ``bench_translate`` measures the stage against
a plain ``translate_batch`` loop on the same sentences and the same model.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from langforge.mt_models import MTModel, write_model_card

SP_MODEL = "sentencepiece.model"


def train_sentencepiece(lines: list[str], prefix: Path, vocab_size: int) -> Path:
    """Train a small unigram SentencePiece model on ``lines``; returns the .model path.

    ``vocab_size`` must leave room for the 256 byte pieces."""
    import sentencepiece as spm

    prefix.parent.mkdir(parents=True, exist_ok=True)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=str(prefix), vocab_size=vocab_size,
        character_coverage=1.0, hard_vocab_limit=False, num_threads=1, minloglevel=2,
        # Byte pieces make every text round-trip, whatever characters it holds.
        byte_fallback=True,
        bos_id=1, eos_id=2, unk_id=0, pad_id=-1)
    return prefix.with_suffix(".model")


def _shape(name: str, d_model: int, ffn: int, vocab: int) -> tuple[int, ...] | None:
    if name.endswith(("embeddings_0/weight", "embeddings/weight", "projection/weight")):
        return (vocab, d_model)
    if name.endswith("layer_norm/gamma") or name.endswith("layer_norm/beta"):
        return (d_model,)
    if "self_attention/linear_0" in name:
        return (3 * d_model, d_model)
    if "/attention/linear_1" in name:
        return (2 * d_model, d_model)
    if "attention/linear_" in name:
        return (d_model, d_model)
    if "ffn/linear_0" in name:
        return (ffn, d_model)
    if "ffn/linear_1" in name:
        return (d_model, ffn)
    return None


def build_random_model(output_dir: Path, sp_model: Path, layers: int = 6, d_model: int = 512,
                       heads: int = 8, ffn: int = 2048, seed: int = 0) -> Path:
    """Save a random-weight Transformer (pre-norm, shared vocabulary) in ``output_dir``.

    With the defaults it has the shape of an OPUS-MT (Marian) model: 6+6 layers,
    d_model 512, 8 heads, FFN 2048. The SentencePiece model is copied beside it and
    a ``langforge-model.json`` card (family ``plain``) written.
    """
    import sentencepiece as spm
    from ctranslate2.specs import model_spec, transformer_spec

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocabulary = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    spec = transformer_spec.TransformerSpec.from_config(layers, heads)
    rng = np.random.default_rng(seed)
    for name, value in spec.variables().items():
        if value is not None:
            continue
        shape = _shape(name, d_model, ffn, len(vocabulary))
        if shape is None:
            raise ValueError(f"random model: no shape rule for weight {name}")
        if name.endswith("gamma"):
            array = np.ones(shape, dtype=np.float32)
        elif name.endswith("beta"):
            array = np.zeros(shape, dtype=np.float32)
        else:
            array = rng.normal(0.0, d_model ** -0.5, size=shape).astype(np.float32)
        scope, attr = name.rsplit("/", 1)
        setattr(model_spec.index_spec(spec, scope), attr, array)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.register_file(str(sp_model), SP_MODEL)
    spec.validate()
    output_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(output_dir))
    write_model_card(output_dir, MTModel(
        name=output_dir.name, family="plain", licence="none (random weights)",
        sp_source=SP_MODEL))
    return output_dir


def bench_translate(texts: list[str], model_dir: Path, target: Any, config: Any,
                    settings: Any = None, repeats: int = 2) -> dict[str, float]:
    """Target tokens per second of the stage vs a plain ``translate_batch`` loop.

    Both translate the same sentences (the stage's own split of ``texts``) with one
    loaded model, the same beam, token batch size and ``max_decoding_length``; the
    plain loop hands CTranslate2 the same windows of sentences the stage reads ahead.
    The stage adds splitting, tokenization, checks (fastText included) and
    reassembly. The two take turns ``repeats`` times (so load from elsewhere on the
    machine falls on both) and the median rate of each is reported.
    """
    from langforge.document import Document, StageStats
    from langforge.languages import get_language
    from langforge.mt_models import model_for
    from langforge.translate.stage import (TranslateSettings, TranslationPlan, _Engine,
                                           translate_documents)

    source = get_language(config.source_language)
    plan = TranslationPlan.ready(model_dir, model_for(str(model_dir), model_dir))
    settings = settings or TranslateSettings()
    engine = _Engine(plan, source, target, config, settings)
    docs = [Document(id=f"bench-{i}", text=t) for i, t in enumerate(texts)]
    windows: list[list[list[str]]] = [[]]
    window_tokens = 0
    for doc in docs:
        tokens = engine.tokenizer.encode(engine.layout(doc.text).sentences)
        windows[-1].extend(tokens)
        window_tokens += sum(map(len, tokens))
        if window_tokens >= settings.window_tokens:
            windows.append([])
            window_tokens = 0
    prefix = engine.tokenizer.target_prefix()

    # The same batches the stage makes: windows, then length groups within each.
    batches = [[window[i] for i in group] for window in windows if window
               for group in engine.length_groups(window)]

    def plain() -> int:
        produced = 0
        for batch in batches:
            results = engine.translator.translate_batch(
                batch, target_prefix=[prefix] * len(batch) if prefix else None,
                max_batch_size=settings.max_batch_tokens, batch_type="tokens",
                beam_size=config.beam_size,
                max_decoding_length=engine.max_decoding_length(batch), return_scores=True)
            produced += sum(len(r.hypotheses[0]) for r in results)
        return produced

    def stage() -> int:
        stats = StageStats("translate")
        for _ in translate_documents(docs, target, config, stats, plan=plan, settings=settings,
                                     engine=engine):
            pass
        return stats.extra.get("target_tokens", 0)

    runs: dict[str, list[float]] = {"plain": [], "stage": []}
    produced: dict[str, int] = {}
    # One untimed round: the first pass over new batch shapes (CTranslate2's buffers)
    # and the first fastText load would otherwise count against whichever runs first.
    plain()
    stage()
    for _ in range(repeats):
        for name, run in (("plain", plain), ("stage", stage)):
            start = time.perf_counter()
            produced[name] = run()
            runs[name].append(produced[name] / (time.perf_counter() - start))
    rates = {name: statistics.median(values) for name, values in runs.items()}
    return {"documents": len(docs), "sentences": sum(map(len, windows)), "runs": repeats,
            "plain_target_tokens": produced["plain"], "stage_target_tokens": produced["stage"],
            "plain_tokens_per_s": round(rates["plain"], 1),
            "stage_tokens_per_s": round(rates["stage"], 1),
            "stage_vs_plain": round(rates["stage"] / rates["plain"], 3),
            "stage_vs_plain_runs": [round(s / p, 3) for s, p in zip(runs["stage"], runs["plain"])]}


def marian_size_model(workdir: Path, lines: list[str], vocab_size: int = 8000, layers: int = 6,
                      d_model: int = 512) -> Path:
    """A random-weight model of OPUS-MT size (6+6 layers, d_model 512) in ``workdir``,
    built once (SentencePiece trained on ``lines``); smaller shapes for tests."""
    model_dir = workdir / f"marian-random-{layers}x{d_model}"
    if (model_dir / "model.bin").is_file():
        return model_dir
    sp_model = train_sentencepiece(lines, workdir / "spm-marian", vocab_size)
    return build_random_model(model_dir, sp_model, layers=layers, d_model=d_model,
                              heads=8 if d_model % 8 == 0 else 4, ffn=4 * d_model)
