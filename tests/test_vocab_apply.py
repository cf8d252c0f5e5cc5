"""``langforge tokenizer apply`` on a tiny random Mistral built in the test (no download):
English logits unchanged, new rows initialised as documented, reloadable."""

from __future__ import annotations

import json

import pytest

torch = pytest.importorskip("torch", reason="torch is not installed: pip install -e '.[apply]'")

from transformers import (AutoModelForCausalLM, AutoTokenizer, LlamaConfig,  # noqa: E402
                          LlamaForCausalLM, MistralConfig, MistralForCausalLM,
                          PreTrainedTokenizerFast)

from langforge.cli import main  # noqa: E402
from langforge.config import VocabConfig  # noqa: E402
from langforge.document import StageStats  # noqa: E402
from langforge.errors import ConfigError  # noqa: E402
from langforge.languages import get_language  # noqa: E402
from langforge.vocab import base_tokenizer_path, build_tokenizer, load_model_proto  # noqa: E402
from langforge.vocab.apply import apply_tokenizer, init_weights  # noqa: E402
from langforge.vocab.export import export_hf  # noqa: E402

from test_vocab import ENGLISH, HELDOUT, SWAHILI  # noqa: E402

NEPALI = ["सबै मानिसहरू जन्मजात स्वतन्त्र हुन्", "मानिसहरू सबै समान छन्",
          "सबै मानिसहरू स्वतन्त्र छन्", "हरेक व्यक्तिलाई स्वतन्त्रताको अधिकार छ"]


def _tiny_model(path, tie: bool, llama: bool = False, dtype=None):
    """A random 2-layer Mistral (or Llama) with Mistral-7B v0.1's vocabulary size."""
    torch.manual_seed(0)
    config_class, model_class = (LlamaConfig, LlamaForCausalLM) if llama else \
        (MistralConfig, MistralForCausalLM)
    config = config_class(vocab_size=32000, hidden_size=32, intermediate_size=64,
                          num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                          max_position_embeddings=512, tie_word_embeddings=tie)
    model = model_class(config).eval()
    if dtype is not None:
        model = model.to(dtype)
    model.save_pretrained(str(path), safe_serialization=True)
    export_hf(load_model_proto(base_tokenizer_path("mistral-7b-v0.1")), path)
    return model


@pytest.fixture(scope="module")
def tokenizer_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("tok")
    build_tokenizer(SWAHILI.splitlines() * 3 + NEPALI * 3, HELDOUT, ENGLISH, get_language("sw"),
                    VocabConfig(addon_vocab_size=200, max_sentences=1000), out,
                    StageStats("vocab"), sweep_sizes=(), compare_methods=False)
    return out


@pytest.mark.parametrize("tie,llama", [(False, False), (True, True)])
def test_apply_resizes_initialises_and_keeps_english(tokenizer_dir, tmp_path, tie, llama):
    model_dir, out = tmp_path / "model", tmp_path / "out"
    original = _tiny_model(model_dir, tie, llama)
    rows = [json.loads(line) for line in (tokenizer_dir / "init_map.jsonl").read_text().splitlines()]
    assert any(len(row["piece"]) == 1 for row in rows)  # a Devanagari character the base lacked
    report = apply_tokenizer(model_dir, tokenizer_dir, out, english=ENGLISH)
    assert report["new_vocab_size"] == 32000 + len(rows)
    assert report["english_lines_compared"] == len(ENGLISH)
    assert report["english_logits_equal"] and report["new_input_rows_equal_init"]
    assert report["tied_embeddings"] is tie
    assert report["max_logit_abs_diff"] <= 1e-5
    resized = AutoModelForCausalLM.from_pretrained(str(out)).eval()
    # AutoTokenizer beside a Mistral config imports mistral-common, installed here
    # without its dependencies (tiktoken): the Llama case checks AutoTokenizer.
    tokenizer = (AutoTokenizer if llama else PreTrainedTokenizerFast).from_pretrained(str(out))
    assert len(tokenizer) == resized.get_input_embeddings().weight.shape[0] == 32000 + len(rows)
    old_in = original.get_input_embeddings().weight.detach()
    new_in = resized.get_input_embeddings().weight.detach()
    assert torch.equal(new_in[:32000], old_in)
    for row in rows:  # the documented init: the plain mean of the base sub-token rows
        expected = old_in[row["base_ids"]].mean(dim=0)
        assert torch.allclose(new_in[row["id"]], expected, atol=1e-6), row["piece"]
    if not tie:
        old_out = original.get_output_embeddings().weight.detach()
        new_out = resized.get_output_embeddings().weight.detach()
        assert torch.equal(new_out[:32000], old_out)
        row = rows[-1]
        assert torch.allclose(new_out[row["id"]], old_out[row["base_ids"]].mean(dim=0),
                              atol=1e-6)
    # English logits over the base vocabulary: the same as the original model's
    with torch.no_grad():
        for line in ENGLISH:
            ids = torch.tensor([tokenizer.encode(line)])
            assert int(ids.max()) < 32000
            assert torch.allclose(resized(ids).logits[0, :, :32000], original(ids).logits[0],
                                  atol=1e-5)
    # a Swahili line now uses new tokens, and the resized model runs on them
    ids = tokenizer.encode(HELDOUT[0])
    assert max(ids) >= 32000
    with torch.no_grad():
        assert resized(torch.tensor([ids])).logits.shape[-1] == 32000 + len(rows)


def test_apply_keeps_the_checkpoint_dtype(tokenizer_dir, tmp_path):
    model_dir, out = tmp_path / "model", tmp_path / "out"
    original = _tiny_model(model_dir, tie=False, dtype=torch.bfloat16)
    report = apply_tokenizer(model_dir, tokenizer_dir, out, english=ENGLISH)
    assert report["english_logits_equal"] and report["new_input_rows_equal_init"]
    resized = AutoModelForCausalLM.from_pretrained(str(out), dtype="auto")
    assert resized.get_input_embeddings().weight.dtype == torch.bfloat16
    row = json.loads((tokenizer_dir / "init_map.jsonl").read_text().splitlines()[0])
    old_in = original.get_input_embeddings().weight.detach()
    expected = old_in[row["base_ids"]].float().mean(dim=0).to(torch.bfloat16)
    assert torch.equal(resized.get_input_embeddings().weight[row["id"]].detach(), expected)


def test_length_init_weights_and_errors(tokenizer_dir, tmp_path):
    row = {"id": 32000, "base_ids": [1, 2, 3]}
    assert init_weights(row, "mean", len) == [1 / 3] * 3
    assert init_weights(row, "length", lambda i: {1: 1, 2: 1, 3: 2}[i]) == [0.25, 0.25, 0.5]
    model_dir = tmp_path / "model"
    _tiny_model(model_dir, tie=False)
    with pytest.raises(ConfigError, match="no init_map.jsonl|no tokenizer.json"):
        apply_tokenizer(model_dir, tmp_path, tmp_path / "out")
    # a model whose vocabulary is not the tokenizer's base
    torch.manual_seed(0)
    small = MistralForCausalLM(MistralConfig(vocab_size=100, hidden_size=32,
                                             intermediate_size=64, num_hidden_layers=1,
                                             num_attention_heads=4, num_key_value_heads=2))
    small.save_pretrained(str(tmp_path / "small"))
    with pytest.raises(ConfigError, match="has 100 embedding rows"):
        apply_tokenizer(tmp_path / "small", tokenizer_dir, tmp_path / "out2")


def test_apply_command(tokenizer_dir, tmp_path, capsys):
    model_dir = tmp_path / "model"
    _tiny_model(model_dir, tie=False)
    english = tmp_path / "english"  # plain text, no suffix
    english.write_text("\n".join(ENGLISH) + "\n")
    assert main(["tokenizer", "apply", "--model", str(model_dir), "--tokenizer",
                 str(tokenizer_dir), "-o", str(tmp_path / "out"), "--init", "length",
                 "--english", str(english)]) == 0
    report = json.loads((tmp_path / "out" / "apply.json").read_text())
    assert report["init"] == "length" and report["english_logits_equal"] is True
    assert (tmp_path / "out" / "model.safetensors").is_file()
    assert "max difference" in capsys.readouterr().out
