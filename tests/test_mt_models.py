"""The MT model registry, tokenizer conventions and fetch (offline paths only)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess

import pytest

from langforge import mt_models
from langforge.errors import ConfigError, FetchError, MissingModelError
from langforge.languages import get_language
from langforge.mt_models import (MODELS, MTModel, MTTokenizer, check_language_support,
                                 conversion_command, fetch_model, models_dir, resolve_model)
from mt_fixtures import build_tiny_model

SW = get_language("sw")
EN = get_language("en")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return build_tiny_model(tmp_path_factory.mktemp("tiny-mt"))


def test_registry_names_repos_and_licences():
    expected = {
        "nllb-200-distilled-600M": ("facebook/nllb-200-distilled-600M", "nllb", "CC-BY-NC-4.0"),
        "nllb-200-distilled-1.3B": ("facebook/nllb-200-distilled-1.3B", "nllb", "CC-BY-NC-4.0"),
        "m2m100_418M": ("facebook/m2m100_418M", "m2m100", "MIT"),
        "madlad400-3b-mt": ("google/madlad400-3b-mt", "madlad", "Apache-2.0"),
        "opus-mt-en-sw": ("Helsinki-NLP/opus-mt-en-sw", "opus-mt", "CC-BY-4.0"),
    }
    assert {name: (m.repo, m.family, m.licence) for name, m in MODELS.items()} == expected


def test_models_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("LANGFORGE_MODELS_DIR", str(tmp_path))
    assert models_dir() == tmp_path
    monkeypatch.delenv("LANGFORGE_MODELS_DIR")
    assert models_dir().name == "models"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_model_supports_swahili_from_english(name):
    check_language_support(name, SW, EN)


def test_madlad_without_a_label_is_an_error_not_spanish():
    congo_swahili = get_language("swc")  # no MADLAD label in the registry
    with pytest.raises(ConfigError, match=r"madlad400-3b-mt has no label for swc_Latn"):
        check_language_support("madlad400-3b-mt", congo_swahili, EN)


def test_bilingual_model_rejects_another_pair():
    with pytest.raises(ConfigError, match=r"translates only eng_Latn -> swh_Latn"):
        check_language_support("opus-mt-en-sw", get_language("yo"), EN)


def test_unknown_model_name_lists_known_ones():
    with pytest.raises(ConfigError, match=r"unknown translation model 'nllb-9000'.*m2m100_418M"):
        check_language_support("nllb-9000", SW)


def test_resolve_model(tmp_path, tiny):
    assert resolve_model("m2m100_418M", tmp_path) is None
    assert resolve_model(tmp_path / "nowhere") is None
    assert resolve_model(str(tiny)) == tiny
    # a registered name needs its own tokenizer files, not just model.bin
    target = tmp_path / "m2m100_418M"
    target.mkdir()
    shutil.copy(tiny / "model.bin", target / "model.bin")
    assert resolve_model("m2m100_418M", tmp_path) is None
    shutil.copy(tiny / "sentencepiece.model", target / "sentencepiece.bpe.model")
    assert resolve_model("m2m100_418M", tmp_path) == target


def test_conversion_command_is_int8_with_tokenizer_files(tmp_path):
    command = conversion_command(MODELS["opus-mt-en-sw"], tmp_path / "out", converter="ct2")
    assert command == ["ct2", "--model", "Helsinki-NLP/opus-mt-en-sw", "--output_dir",
                       str(tmp_path / "out"), "--quantization", "int8",
                       "--copy_files", "source.spm", "target.spm"]
    nllb = conversion_command(MODELS["nllb-200-distilled-600M"], tmp_path, "float16", "ct2")
    assert nllb[-4:] == ["--quantization", "float16", "--copy_files", "sentencepiece.bpe.model"]


def test_fetch_offline_env_is_a_fetch_error(tmp_path):
    # conftest sets HF_HUB_OFFLINE=1
    with pytest.raises(FetchError, match=r"cannot fetch nllb-200-distilled-600M .*HF_HUB_OFFLINE"):
        fetch_model("nllb-200-distilled-600M", tmp_path)
    assert not any(tmp_path.iterdir())


def test_fetch_without_network_names_model_and_cause(monkeypatch, tmp_path):
    monkeypatch.delenv("HF_HUB_OFFLINE")

    def no_dns(host, *args, **kwargs):
        raise socket.gaierror(-3, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(FetchError, match=r"cannot fetch m2m100_418M \(facebook/m2m100_418M\): "
                                         r"huggingface.co is unreachable .*name resolution"):
        fetch_model("m2m100_418M", tmp_path)


def test_fetch_needs_torch_and_transformers(monkeypatch, tmp_path):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [])
    real_find_spec = mt_models.importlib.util.find_spec
    monkeypatch.setattr(mt_models.importlib.util, "find_spec",
                        lambda name: None if name == "torch" else real_find_spec(name))
    with pytest.raises(MissingModelError, match=r"needs torch .*pip install torch"):
        fetch_model("m2m100_418M", tmp_path)


@pytest.fixture
def hub_reachable(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [])
    monkeypatch.setattr(mt_models, "_check_converter_deps", lambda: None)


def test_fetch_runs_the_converter_and_records_the_licence(hub_reachable, tmp_path, tiny):
    calls = []

    def converter(command, **kwargs):
        calls.append(command)
        out = tmp_path / command[command.index("--output_dir") + 1]
        out.mkdir()
        shutil.copy(tiny / "model.bin", out / "model.bin")
        shutil.copy(tiny / "sentencepiece.model", out / "sentencepiece.bpe.model")
        return subprocess.CompletedProcess(command, 0, "", "")

    path = fetch_model("nllb-200-distilled-600M", tmp_path, run=converter)
    assert path == tmp_path / "nllb-200-distilled-600M"
    assert calls[0][1:3] == ["--model", "facebook/nllb-200-distilled-600M"]
    card = json.loads((path / "langforge-model.json").read_text())
    assert card["licence"] == "CC-BY-NC-4.0" and card["repo"] == "facebook/nllb-200-distilled-600M"
    assert "CC-BY-NC-4.0" in (path / "LICENSE.txt").read_text()
    assert fetch_model("nllb-200-distilled-600M", tmp_path, run=None) == path  # already there


def test_failed_conversion_leaves_nothing(hub_reachable, tmp_path):
    def converter(command, **kwargs):
        return subprocess.CompletedProcess(command, 1, "", "OSError: repo not found")

    with pytest.raises(FetchError, match=r"converting m2m100_418M .*exit code 1: OSError: repo"):
        fetch_model("m2m100_418M", tmp_path, run=converter)
    assert list(tmp_path.iterdir()) == []


def _family_dir(tmp_path, tiny, model: MTModel, vocabulary: list[str]):
    for name in model.tokenizer_files:
        shutil.copy(tiny / "sentencepiece.model", tmp_path / name)
    (tmp_path / "shared_vocabulary.json").write_text(json.dumps(vocabulary))
    return tmp_path


def test_nllb_convention(tmp_path, tiny):
    model = MODELS["nllb-200-distilled-600M"]
    path = _family_dir(tmp_path, tiny, model, ["</s>", "eng_Latn", "swh_Latn"])
    tok = MTTokenizer(model, path, EN, SW)
    [tokens] = tok.encode(["The farmer went to the market."])
    assert tokens[0] == "eng_Latn" and tokens[-1] == "</s>" and len(tokens) > 3
    assert tok.target_prefix() == ["swh_Latn"]
    pieces = tok.source_sp.encode("mvua ilinyesha", out_type=str)
    assert tok.decode(["swh_Latn", *pieces]) == "mvua ilinyesha"


def test_m2m100_and_madlad_and_opus_conventions(tmp_path, tiny):
    dirs = {}
    for name, vocabulary in (("m2m100_418M", ["__en__", "__sw__"]),
                             ("madlad400-3b-mt", ["<2sw>"]), ("opus-mt-en-sw", ["</s>"])):
        (tmp_path / name).mkdir()
        dirs[name] = _family_dir(tmp_path / name, tiny, MODELS[name], vocabulary)
    m2m = MTTokenizer(MODELS["m2m100_418M"], dirs["m2m100_418M"], EN, SW)
    assert m2m.encode(["rain"])[0][0] == "__en__" and m2m.target_prefix() == ["__sw__"]
    madlad = MTTokenizer(MODELS["madlad400-3b-mt"], dirs["madlad400-3b-mt"], EN, SW)
    assert madlad.target_prefix() is None and madlad.encode(["rain"])[0][-1] == "</s>"
    opus = MTTokenizer(MODELS["opus-mt-en-sw"], dirs["opus-mt-en-sw"], EN, SW)
    [tokens] = opus.encode(["rain"])
    assert tokens[-1] == "</s>" and opus.target_prefix() is None
    assert opus.decode(tokens[:-1]) == "rain"


def test_language_token_missing_from_vocabulary_fails_early(tmp_path, tiny):
    model = MODELS["nllb-200-distilled-600M"]
    path = _family_dir(tmp_path, tiny, model, ["eng_Latn", "fra_Latn"])
    with pytest.raises(ConfigError, match=r"no token 'swh_Latn'"):
        MTTokenizer(model, path, EN, SW)
