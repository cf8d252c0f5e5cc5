"""Apply an expanded tokenizer to a Hugging Face causal LM for continued pre-training.

The input embeddings and the output layer (``lm_head``; once when they are tied)
grow to the merged vocabulary. Each new row is initialised from ``init_map.jsonl``
(written by ``build_tokenizer``): the new piece's ids under the BASE tokenizer.

Initialisation (``init``):

- ``mean`` (default): the plain mean of the base sub-token rows. This is what
  Swallow does for its Japanese vocabulary expansion of Llama 2 (Fujii et al.,
  2024: "the average of the embeddings of the subwords" under the original
  tokenizer), and the usual baseline (Hewitt, 2021; Gee et al., 2022 "fast
  vocabulary transfer"). It keeps new rows inside the distribution of the old
  ones, and a new piece's first prediction is close to what the model predicted
  for its sub-token sequence.
- ``length``: the mean weighted by how many characters each sub-token covers, so
  that a byte-fallback or one-character sub-token weighs less than a long one.

Not done: Chinese-LLaMA (Cui et al., 2023) simply resized the matrices (new rows
from the default random init) and relied on further training; FOCUS (Dobler &
de Melo, 2023) and WECHSEL weight OVERLAPPING tokens by similarity in auxiliary
fastText embeddings, which need a model trained on the target language that
langforge does not have. The piece frequencies in ``init_map.jsonl`` are kept for
users of those methods.

Checks (``apply.json``): with the saved model reloaded, on English text the logits
over the base vocabulary equal the original model's (the new rows cannot change
them when the input ids are base ids), and every new row equals its
initialisation exactly.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from langforge.errors import ConfigError, LangforgeError, MissingModelError

INIT_METHODS = ("mean", "length")
#: Largest allowed difference between original and resized logits (float noise: the
#: output matrix-vector products run over a different number of rows). Measured
#: 0.0 on the float32 test models; a half-precision model may need a looser check.
LOGIT_TOLERANCE = 1e-4
APPLY_EXTRA = "apply"
HF_TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
                      "tokenizer.model")


class ApplyCheckError(LangforgeError):
    """The resized model failed a check (the CLI exits 1)."""


def _import_torch():
    try:
        import torch
    except ImportError:
        raise MissingModelError(
            "langforge tokenizer apply needs PyTorch: install the optional extra with "
            f"pip install -e '.[{APPLY_EXTRA}]' (the CPU wheel of torch)") from None
    return torch


def tokenizer_files(path: Path) -> tuple[Path, Path]:
    """(Hugging Face tokenizer directory, init_map.jsonl) of a build's ``tokenizer/``
    directory (or of its ``hf/`` directory, with ``init_map.jsonl`` beside it).

    Raises:
        ConfigError: either is missing.
    """
    path = Path(path)
    hf_dir = path / "hf" if (path / "hf" / "tokenizer.json").is_file() else path
    if not (hf_dir / "tokenizer.json").is_file():
        raise ConfigError(f"--tokenizer {path}: no tokenizer.json (give the tokenizer/ "
                          "directory of a build, which holds hf/ and init_map.jsonl)")
    for candidate in (path / "init_map.jsonl", hf_dir.parent / "init_map.jsonl"):
        if candidate.is_file():
            return hf_dir, candidate
    raise ConfigError(f"--tokenizer {path}: no init_map.jsonl beside the tokenizer")


def read_init_map(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for row in rows:
        if not isinstance(row.get("id"), int) or not row.get("base_ids"):
            raise ConfigError(f"{path}: every row needs an id and base_ids, got {row}")
    return rows


def init_weights(row: dict, method: str, piece_lengths) -> list[float]:
    """Weights of ``row``'s base sub-tokens (summing to 1) under ``method``."""
    ids = row["base_ids"]
    if method == "mean":
        return [1.0 / len(ids)] * len(ids)
    if method == "length":
        lengths = [max(piece_lengths(i), 1) for i in ids]
        total = sum(lengths)
        return [n / total for n in lengths]
    raise ConfigError(f"unknown --init {method!r}; known: {', '.join(INIT_METHODS)}")


def apply_tokenizer(model_dir: Path, tokenizer_dir: Path, out_dir: Path, *,
                    init: str = "mean", english: list[str] | None = None) -> dict:
    """Resize ``model_dir``'s embeddings to the tokenizer in ``tokenizer_dir``,
    initialise the new rows, save model (safetensors) and tokenizer to ``out_dir``,
    reload and verify. Returns the report also written to ``out_dir/apply.json``.

    Raises:
        MissingModelError: torch is not installed.
        ConfigError: unreadable inputs, or a model whose vocabulary is not the base.
        ApplyCheckError: a verification failed (the report is written first).
    """
    torch = _import_torch()
    from transformers import AutoModelForCausalLM

    if init not in INIT_METHODS:
        raise ConfigError(f"unknown --init {init!r}; known: {', '.join(INIT_METHODS)}")
    hf_dir, init_map = tokenizer_files(tokenizer_dir)
    rows = read_init_map(init_map)
    tokenizer = load_tokenizer(hf_dir)
    try:
        # the checkpoint's own dtype: a bfloat16 model stays bfloat16 on disk
        model = AutoModelForCausalLM.from_pretrained(str(model_dir), dtype="auto")
    except (OSError, ValueError) as exc:
        raise ConfigError(f"--model {model_dir}: not a Hugging Face causal LM: {exc}") from None
    model.eval()
    old_rows = model.get_input_embeddings().weight.shape[0]
    new_size = len(tokenizer)
    first_new = min((row["id"] for row in rows), default=new_size)
    if first_new != old_rows or new_size != old_rows + len(rows):
        raise ConfigError(
            f"--model {model_dir} has {old_rows:,} embedding rows, but the tokenizer's base "
            f"vocabulary has {first_new:,} pieces (+{len(rows):,} new = {new_size:,}): the "
            "tokenizer was not built on this model's tokenizer")
    if sorted(row["id"] for row in rows) != list(range(old_rows, new_size)):
        raise ConfigError(f"{init_map}: ids are not {old_rows}..{new_size - 1}")

    piece_lengths = lambda i: len(tokenizer.convert_ids_to_tokens(i).lstrip("\u2581")) \
        if not tokenizer.convert_ids_to_tokens(i).startswith("<0x") else 1
    original_in = model.get_input_embeddings().weight.detach().clone()
    out_layer = model.get_output_embeddings()
    tied = out_layer is not None and out_layer.weight.data_ptr() == \
        model.get_input_embeddings().weight.data_ptr()
    original_out = None if out_layer is None or tied else out_layer.weight.detach().clone()

    model.resize_token_embeddings(new_size, mean_resizing=False)
    expected_in = torch.empty(len(rows), original_in.shape[1], dtype=original_in.dtype)
    expected_out = None if original_out is None else \
        torch.empty(len(rows), original_out.shape[1], dtype=original_out.dtype)
    with torch.no_grad():
        for k, row in enumerate(sorted(rows, key=lambda r: r["id"])):
            # computed in float32, stored in the model's dtype
            weights = torch.tensor(init_weights(row, init, piece_lengths), dtype=torch.float32)
            ids = torch.tensor(row["base_ids"])
            expected_in[k] = (weights @ original_in[ids].float()).to(original_in.dtype)
            if expected_out is not None:
                expected_out[k] = (weights @ original_out[ids].float()).to(original_out.dtype)
        model.get_input_embeddings().weight[old_rows:] = expected_in
        if expected_out is not None:
            model.get_output_embeddings().weight[old_rows:] = expected_out
    model.config.vocab_size = new_size
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out_dir), safe_serialization=True)
    # The exported files as they are: save_pretrained would rewrite tokenizer_config
    # with a class that, next to a Mistral config.json, makes AutoTokenizer pick
    # mistral-common's tokenizer instead of this one.
    for name in HF_TOKENIZER_FILES:
        if (hf_dir / name).is_file():
            shutil.copyfile(hf_dir / name, out_dir / name)
    del model

    report = {"model": str(model_dir), "tokenizer": str(hf_dir), "init": init,
              "base_vocab_size": old_rows, "new_vocab_size": new_size, "new_rows": len(rows),
              "tied_embeddings": tied}
    report.update(_verify(torch, model_dir, out_dir, old_rows, expected_in, expected_out,
                          tokenizer, english or []))
    (out_dir / "apply.json").write_text(json.dumps(report, indent=2) + "\n")
    failed = [name for name in ("new_input_rows_equal_init", "new_output_rows_equal_init",
                                "english_logits_equal") if report.get(name) is False]
    if failed:
        raise ApplyCheckError(f"tokenizer apply: check failed: {', '.join(failed)} "
                              f"(max logit difference {report.get('max_logit_abs_diff')}; "
                              f"see {out_dir / 'apply.json'})")
    return report


def load_tokenizer(directory: Path):
    """The saved fast tokenizer of ``directory``. Not through ``AutoTokenizer``: next
    to a Mistral ``config.json`` it imports mistral-common's backend, which `make
    install` installs without its dependencies (tiktoken). ``AutoTokenizer`` loads
    the directory wherever mistral-common is complete or absent."""
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast.from_pretrained(str(directory))


def _verify(torch, model_dir, out_dir, old_rows, expected_in, expected_out, tokenizer,
            english: list[str]) -> dict:
    """Reload both models and compare (see the module docstring)."""
    from transformers import AutoModelForCausalLM

    original = AutoModelForCausalLM.from_pretrained(str(model_dir), dtype="auto").eval()
    resized = AutoModelForCausalLM.from_pretrained(str(out_dir), dtype="auto").eval()
    reloaded_tokenizer = load_tokenizer(out_dir)
    out: dict = {"tokenizer_reloads": len(reloaded_tokenizer) == len(tokenizer)}
    out["new_input_rows_equal_init"] = bool(torch.equal(
        resized.get_input_embeddings().weight[old_rows:].detach(), expected_in))
    if expected_out is not None:
        out["new_output_rows_equal_init"] = bool(torch.equal(
            resized.get_output_embeddings().weight[old_rows:].detach(), expected_out))
    lines = [line for text in english for line in text.splitlines() if line.strip()]
    max_diff, checked, same_ids = 0.0, 0, 0
    with torch.no_grad():
        for line in lines:
            ids = reloaded_tokenizer.encode(line)
            if max(ids) >= old_rows:
                continue  # English this tokenizer changes: no base-only input to compare
            same_ids += 1
            tensor = torch.tensor([ids])
            before = original(tensor).logits[0]
            after = resized(tensor).logits[0, :, :old_rows]
            max_diff = max(max_diff, float((before.float() - after.float()).abs().max()))
            checked += 1
    out.update(english_lines=len(lines), english_lines_compared=checked,
               max_logit_abs_diff=max_diff,
               english_logits_equal=(max_diff <= LOGIT_TOLERANCE) if checked else None)
    return out
