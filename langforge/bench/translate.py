"""The translation part of ``make bench``: the stage's overhead, and CTranslate2 vs transformers.

(i) stage vs plain loop: ``langforge.translate.bench.bench_translate`` on a
random-weight CTranslate2 model of OPUS-MT size (6+6 layers, d_model 512): the
stage's target tokens/s against a bare ``translate_batch`` loop over the same
sentences and batches (target >= 0.90).

(ii) CTranslate2 vs Hugging Face transformers on the SAME weights: a
``MarianMTModel`` built from a ``MarianConfig`` of the same shape with seeded
random weights and a vocabulary from the SentencePiece model trained here, saved,
then converted with ``ctranslate2.converters.TransformersConverter`` (int8, and
float32 to show the engine apart from quantization). ``generate()`` and
``translate_batch`` decode the same tokenized sentences in the same batches, with
the same beam, the same length cap and the same number of CPU threads. Random
weights rarely produce the end token, so most outputs run to the cap: tokens/s
counts what each side produced. Published figure: CT2 int8 4.7x transformers on
CPU (OPUS-MT en-de, 4 threads).
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from langforge.config import TranslateConfig, resources_dir
from langforge.languages import get_language
from langforge.translate.bench import bench_translate, marian_size_model, train_sentencepiece

SEED = resources_dir() / "sample" / "seed_en.jsonl"
MIN_STAGE_VS_PLAIN = 0.90
PUBLISHED_CT2_VS_TRANSFORMERS = 4.7
TORCH_MISSING = ("torch is not installed (it is only in the bench extra: "
                 "pip install -e '.[bench]', as make bench does)")


def default_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def bench_texts(shared_data: Path | None, max_documents: int | None = None
                ) -> tuple[list[str], list[str]]:
    """(English documents to translate, lines to train the SentencePiece model on).

    The documents are the embedded English seed (headings, lists, paragraphs); the
    vocabulary also learns from TICO-19 en/sw when the shared data is there.
    """
    docs = [json.loads(line)["text"] for line in SEED.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    if max_documents is not None:
        docs = docs[:max_documents]
    lines = [line for doc in docs for line in doc.splitlines() if line.strip()]
    tico = shared_data / "text" / "tico19" if shared_data else None
    if tico is not None and tico.is_dir():
        for name in ("tico19-test.en", "tico19-test.sw"):
            lines += [line for line in (tico / name).read_text(encoding="utf-8").splitlines()
                      if line.strip()]
    return docs, lines


def stage_vs_plain(docs: list[str], lines: list[str], workdir: Path, runs: int, threads: int,
                   layers: int = 6, d_model: int = 512, vocab_size: int = 8000) -> dict[str, Any]:
    """(i): the stage against a plain ``translate_batch`` loop, same model and sentences."""
    model = marian_size_model(workdir, lines, vocab_size=vocab_size, layers=layers,
                              d_model=d_model)
    config = TranslateConfig(model=str(model), beam_size=2, compute_type="int8",
                             intra_threads=threads)
    result = bench_translate(docs, model, get_language("sw"), config, repeats=runs)
    return dict(result, model=f"random {layers}+{layers} layers, d_model {d_model}, int8, beam 2",
                threads=threads)


# --- (ii) the same Marian model in transformers and CTranslate2 -----------------------------

def build_marian(out_dir: Path, sp_model: Path, layers: int = 6, d_model: int = 512,
                 seed: int = 0) -> Path:
    """Save a random-weight ``MarianMTModel`` and its ``MarianTokenizer`` in ``out_dir``.

    The vocabulary is the SentencePiece model's pieces plus ``<pad>`` last, as
    Marian models have it (the decoder starts from the pad token, whose embedding is
    zero; CTranslate2's converter drops it and starts from a zero embedding)."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    pad_id = len(vocab)
    vocab["<pad>"] = pad_id
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        (out_dir / name).write_bytes(Path(sp_model).read_bytes())
    config = MarianConfig(
        vocab_size=len(vocab), d_model=d_model, encoder_layers=layers, decoder_layers=layers,
        encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=4 * d_model,
        decoder_ffn_dim=4 * d_model, max_position_embeddings=512, scale_embedding=True,
        pad_token_id=pad_id, decoder_start_token_id=pad_id, eos_token_id=sp.eos_id(),
        forced_eos_token_id=None, bos_token_id=None)
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()
    with torch.no_grad():
        model.get_input_embeddings().weight[pad_id].zero_()
    model.save_pretrained(out_dir)
    tokenizer = MarianTokenizer(vocab=str(out_dir / "vocab.json"),
                                source_spm=str(out_dir / "source.spm"),
                                target_spm=str(out_dir / "target.spm"))
    tokenizer.save_pretrained(out_dir)
    return out_dir


def convert(hf_dir: Path, out_dir: Path, quantization: str | None) -> Path:
    from ctranslate2.converters import TransformersConverter

    if not (out_dir / "model.bin").is_file():
        TransformersConverter(str(hf_dir)).convert(str(out_dir), quantization=quantization,
                                                    force=True)
    return out_dir


def _batches(sp, sentences: list[str], batch_size: int) -> list[list[list[int]]]:
    """Token ids (+ end token) sorted by length and cut into batches: both sides get
    exactly these."""
    ids = sorted((sp.encode(s) + [sp.eos_id()] for s in sentences), key=len)
    return [ids[i:i + batch_size] for i in range(0, len(ids), batch_size)]


def ct2_vs_transformers(sentences: list[str], lines: list[str], workdir: Path, runs: int,
                        threads: int, layers: int = 6, d_model: int = 512,
                        vocab_size: int = 8000, beam_size: int = 1, batch_size: int = 16,
                        max_new_tokens: int = 64) -> dict[str, Any]:
    """(ii): ``generate()`` vs ``translate_batch`` on the same weights and inputs.

    Returns ``{"skipped": why}`` when torch is not installed."""
    if importlib.util.find_spec("torch") is None:
        return {"skipped": TORCH_MISSING}
    import ctranslate2
    import sentencepiece as spm
    import torch
    from transformers import MarianMTModel

    sp_model = train_sentencepiece(lines, workdir / "spm-hf-marian", vocab_size)
    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    hf_dir = workdir / f"hf-marian-{layers}x{d_model}"
    if not (hf_dir / "config.json").is_file():
        build_marian(hf_dir, sp_model, layers=layers, d_model=d_model)
    ct2_dirs = {"int8": convert(hf_dir, workdir / f"ct2-marian-{layers}x{d_model}-int8", "int8"),
                "float32": convert(hf_dir, workdir / f"ct2-marian-{layers}x{d_model}-f32", None)}
    batches = _batches(sp, sentences, batch_size)
    pad_id, eos_id = sp.get_piece_size(), sp.eos_id()

    torch.set_num_threads(threads)
    model = MarianMTModel.from_pretrained(hf_dir).eval()

    def transformers_run() -> tuple[int, list[list[int]]]:
        produced, outputs = 0, []
        for batch in batches:
            width = max(map(len, batch))
            input_ids = torch.tensor([b + [pad_id] * (width - len(b)) for b in batch])
            with torch.inference_mode():
                out = model.generate(
                    input_ids=input_ids, attention_mask=input_ids.ne(pad_id).long(),
                    num_beams=beam_size, do_sample=False, max_new_tokens=max_new_tokens,
                    min_new_tokens=0, bad_words_ids=[[pad_id]])
            for row in out[:, 1:].tolist():  # after the decoder start token
                row = row[:row.index(eos_id)] if eos_id in row else row
                row = [t for t in row if t != pad_id]
                outputs.append(row)
                produced += len(row)
        return produced, outputs

    translators = {name: ctranslate2.Translator(str(path), device="cpu", compute_type=name,
                                                inter_threads=1, intra_threads=threads)
                   for name, path in ct2_dirs.items()}
    piece_batches = [[[sp.id_to_piece(t) for t in ids] for ids in batch] for batch in batches]

    def ct2_run(name: str) -> tuple[int, list[list[int]]]:
        produced, outputs = 0, []
        for batch in piece_batches:
            for result in translators[name].translate_batch(
                    batch, beam_size=beam_size, max_decoding_length=max_new_tokens,
                    max_batch_size=batch_size):
                hypothesis = [sp.piece_to_id(p) for p in result.hypotheses[0]]
                outputs.append(hypothesis)
                produced += len(hypothesis)
        return produced, outputs

    systems = {"transformers": transformers_run, "ctranslate2_int8": lambda: ct2_run("int8"),
               "ctranslate2_float32": lambda: ct2_run("float32")}
    rates: dict[str, list[float]] = {name: [] for name in systems}
    produced: dict[str, int] = {}
    outputs: dict[str, list[list[int]]] = {}
    for name, run in systems.items():  # warm-up (first-call allocations, lazy init)
        produced[name], outputs[name] = run()
    for _ in range(runs):
        for name, run in systems.items():
            start = time.perf_counter()
            produced[name], outputs[name] = run()
            rates[name].append(produced[name] / (time.perf_counter() - start))
    median = {name: statistics.median(values) for name, values in rates.items()}
    base = outputs["transformers"]

    def agreement(name: str) -> float:
        return sum(a == b for a, b in zip(base, outputs[name])) / len(base) if base else 0.0

    result: dict[str, Any] = {
        "model": f"random MarianMTModel {layers}+{layers} layers, d_model {d_model}, "
                 f"vocab {pad_id + 1}", "sentences": len(sentences), "batch_size": batch_size,
        "beam_size": beam_size, "max_new_tokens": max_new_tokens, "threads": threads,
        "runs": runs, "torch": torch.__version__, "ctranslate2": ctranslate2.__version__}
    for name in systems:
        result[name] = {"tokens": produced[name], "tokens_per_s": round(median[name], 1),
                        "runs_tokens_per_s": [round(r, 1) for r in rates[name]]}
    for name in ("ctranslate2_int8", "ctranslate2_float32"):
        result[f"{name}_vs_transformers"] = round(median[name] / median["transformers"], 2)
        # Same weights, same greedy search: identical outputs show both ran the same model.
        result[f"{name}_same_output_frac"] = round(agreement(name), 3)
    return result


def run_translate_bench(out: Path, shared_data: Path | None, runs: int = 3,
                        threads: int | None = None, max_documents: int | None = None,
                        layers: int = 6, d_model: int = 512, vocab_size: int = 8000,
                        max_new_tokens: int = 64) -> dict[str, Any]:
    """Both parts; writes ``out/translate.json`` and returns the same dict."""
    from langforge.translate.layout import sentence_splitter, split_document

    threads = threads or default_threads()
    workdir = Path(out) / "translate"
    workdir.mkdir(parents=True, exist_ok=True)
    docs, lines = bench_texts(shared_data, max_documents)
    split = sentence_splitter(get_language("en"))
    sentences = [s for doc in docs for s in split_document(doc, split).sentences]
    result = {
        "stage_vs_plain": stage_vs_plain(docs, lines, workdir, runs, threads, layers=layers,
                                         d_model=d_model, vocab_size=vocab_size),
        "ct2_vs_transformers": ct2_vs_transformers(
            sentences, lines, workdir, runs, threads, layers=layers, d_model=d_model,
            vocab_size=vocab_size, max_new_tokens=max_new_tokens),
    }
    (workdir / "translate.json").write_text(json.dumps(result, indent=1) + "\n")
    return result


def format_translate(result: dict[str, Any]) -> list[str]:
    """The lines ``make bench`` prints for the translation part."""
    s = result["stage_vs_plain"]
    ok = s["stage_vs_plain"] >= MIN_STAGE_VS_PLAIN
    lines = [f"translation (i): stage vs plain translate_batch loop, {s['model']}, "
             f"{s['threads']} thread(s), {s['documents']} documents, {s['sentences']} sentences, "
             f"median of {s['runs']} runs",
             f"  plain loop {s['plain_tokens_per_s']:>8.1f} target tokens/s",
             f"  stage      {s['stage_tokens_per_s']:>8.1f} target tokens/s "
             f"(splitting, tokenizing, checks with fastText, reassembly included)",
             f"  [{'PASS' if ok else 'FAIL'}] stage / plain = {s['stage_vs_plain']:.3f} "
             f"(runs {s['stage_vs_plain_runs']}; target >= {MIN_STAGE_VS_PLAIN:.2f})"]
    c = result["ct2_vs_transformers"]
    if "skipped" in c:
        return lines + [f"translation (ii): CTranslate2 vs transformers skipped: {c['skipped']}"]
    lines += [f"translation (ii): same weights, {c['model']}, {c['sentences']} sentences, batch "
              f"{c['batch_size']}, beam {c['beam_size']}, at most {c['max_new_tokens']} new "
              f"tokens, {c['threads']} thread(s), median of {c['runs']} runs "
              f"(torch {c['torch']}, ctranslate2 {c['ctranslate2']})"]
    for name, label in (("transformers", "transformers generate() fp32"),
                        ("ctranslate2_int8", "CTranslate2 int8"),
                        ("ctranslate2_float32", "CTranslate2 float32")):
        row = c[name]
        ratio = "" if name == "transformers" else (
            f"  {c[f'{name}_vs_transformers']:.2f}x transformers, same output as transformers "
            f"on {c[f'{name}_same_output_frac']:.1%} of sentences")
        lines.append(f"  {label:<30} {row['tokens_per_s']:>8.1f} tokens/s "
                     f"({row['tokens']} tokens){ratio}")
    ratio = c["ctranslate2_int8_vs_transformers"]
    lines.append(f"  CTranslate2 int8 / transformers = {ratio:.2f}x "
                 f"(published: ~{PUBLISHED_CT2_VS_TRANSFORMERS}x on CPU for OPUS-MT)")
    return lines


def run_part(out: Path, shared_data: Path | None, runs: int, threads: int | None) -> None:
    """``python -m langforge.bench --part translate``: run both parts and print them."""
    print("translation benchmark (random-weight OPUS-MT-size models built here)", flush=True)
    result = run_translate_bench(out, shared_data, runs=runs, threads=threads)
    print("\n".join(format_translate(result)))
    print(f"details: {Path(out) / 'translate' / 'translate.json'}")
