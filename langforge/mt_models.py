"""Machine-translation models: a registry by name, their tokenizer conventions, and fetch.

Every model is a CTranslate2 directory (``model.bin`` plus its SentencePiece
model(s)) under ``models_dir()/<name>``. The registry says, per model, where it
comes from, under which licence its outputs travel, and how source and target
languages are given to it; the language labels themselves come from the language
registry (``Language.label("nllb"|"m2m100"|"madlad")``), never typed here.

``make models MT=<name>`` (``fetch_model``) converts a Hugging Face checkpoint with
``ct2-transformers-converter`` (int8 by default) where a network exists, and
records the model's name, repository and licence beside it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from langforge.errors import ConfigError, FetchError, MissingModelError
from langforge.languages import Language, get_language
from langforge.storage import atomic_path

_REPO = Path(__file__).resolve().parent.parent
HUB_HOST = "huggingface.co"
MODEL_CARD = "langforge-model.json"

# How source and target languages reach each family of models.
#   nllb     [src_token] + pieces + ["</s>"], target_prefix [tgt_token], first output dropped
#   m2m100   ["__src__"] + pieces + ["</s>"], target_prefix ["__tgt__"], first output dropped
#   madlad   pieces of "<2tgt> " + text, + ["</s>"]; no target prefix (T5)
#   opus-mt  pieces + ["</s>"] with source.spm; output decoded with target.spm (one pair)
#   plain    pieces only (models built by langforge itself: tests, benchmarks)
#   chars    one token per character (CTranslate2's own character-level test models)
FAMILIES = ("nllb", "m2m100", "madlad", "opus-mt", "plain", "chars")


@dataclass(frozen=True)
class MTModel:
    """One translation model: origin, licence and tokenizer convention."""

    name: str
    family: str
    repo: str = ""
    licence: str = "unknown"
    sp_source: str = ""  # SentencePiece file in the model directory ("" for chars)
    sp_target: str = ""  # target SentencePiece when it differs from sp_source
    pair: tuple[str, str] | None = None  # fixed (source, target) codes of a bilingual model
    note: str = ""

    @property
    def label_tool(self) -> str | None:
        """The language registry tool whose labels this model uses, if any."""
        return self.family if self.family in ("nllb", "m2m100", "madlad") else None

    @property
    def tokenizer_files(self) -> tuple[str, ...]:
        return tuple(f for f in (self.sp_source, self.sp_target) if f)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "family": self.family, "repo": self.repo,
                "licence": self.licence, "sp_source": self.sp_source,
                "sp_target": self.sp_target, "pair": list(self.pair) if self.pair else None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "MTModel":
        pair = data.get("pair")
        family = data.get("family", "")
        if family not in FAMILIES:
            raise ConfigError(f"{MODEL_CARD}: family {family!r} is not one of {', '.join(FAMILIES)}")
        return cls(name=data["name"], family=family, repo=data.get("repo", ""),
                   licence=data.get("licence", "unknown"), sp_source=data.get("sp_source", ""),
                   sp_target=data.get("sp_target", ""), pair=tuple(pair) if pair else None)


MODELS: dict[str, MTModel] = {m.name: m for m in (
    MTModel("nllb-200-distilled-600M", "nllb", "facebook/nllb-200-distilled-600M",
            "CC-BY-NC-4.0", sp_source="sentencepiece.bpe.model",
            note="non-commercial licence: outputs may not be used commercially"),
    MTModel("nllb-200-distilled-1.3B", "nllb", "facebook/nllb-200-distilled-1.3B",
            "CC-BY-NC-4.0", sp_source="sentencepiece.bpe.model",
            note="non-commercial licence: outputs may not be used commercially"),
    MTModel("m2m100_418M", "m2m100", "facebook/m2m100_418M", "MIT",
            sp_source="sentencepiece.bpe.model"),
    MTModel("madlad400-3b-mt", "madlad", "google/madlad400-3b-mt", "Apache-2.0",
            sp_source="spiece.model"),
    # Helsinki-NLP/opus-mt-en-sw is the en->Swahili OPUS-MT model (opus-mt-en-swc is
    # Congo Swahili). The OPUS-MT project releases its models under CC-BY-4.0; the
    # Hub metadata of this repository says Apache-2.0: CC-BY-4.0 is the stricter.
    MTModel("opus-mt-en-sw", "opus-mt", "Helsinki-NLP/opus-mt-en-sw", "CC-BY-4.0",
            sp_source="source.spm", sp_target="target.spm", pair=("eng_Latn", "swh_Latn")),
)}


def models_dir() -> Path:
    """Where fetched models live: ``LANGFORGE_MODELS_DIR`` or ``<repo>/models``."""
    env = os.environ.get("LANGFORGE_MODELS_DIR")
    return Path(env) if env else _REPO / "models"


def get_model(name: str) -> MTModel:
    """The registered model ``name``; ConfigError naming the known ones otherwise."""
    if name not in MODELS:
        raise ConfigError(f"translate.model: unknown translation model {name!r} (known: "
                          f"{', '.join(MODELS)}; or give a CTranslate2 model directory)")
    return MODELS[name]


def is_model_dir(path: Path, model: MTModel | None = None) -> bool:
    """True if ``path`` holds a CTranslate2 model and the tokenizer files it needs."""
    if not (path / "model.bin").is_file():
        return False
    if model is None:
        model = read_model_card(path)
    if model is None:
        return any(path.glob("*.model")) or any(path.glob("*.spm"))
    return all((path / name).is_file() for name in model.tokenizer_files)


def read_model_card(path: Path) -> MTModel | None:
    """The ``MTModel`` recorded beside a converted model, or None without a card."""
    card = path / MODEL_CARD
    if not card.is_file():
        return None
    try:
        return MTModel.from_json(json.loads(card.read_text(encoding="utf-8")))
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"{card}: unreadable model card: {exc}") from None


def write_model_card(path: Path, model: MTModel) -> None:
    """Record name, repository and licence beside a model (``LICENSE.txt`` too)."""
    (path / MODEL_CARD).write_text(json.dumps(model.to_json(), indent=2, sort_keys=True) + "\n",
                                   encoding="utf-8")
    lines = [f"{model.name}: converted from https://huggingface.co/{model.repo}"
             if model.repo else f"{model.name}", f"Licence: {model.licence}"]
    if model.note:
        lines.append(model.note)
    lines.append("Translations made with this model carry this licence; the dataset card "
                 "of the synthetic split names it.")
    (path / "LICENSE.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def resolve_model(name_or_path: str | os.PathLike, directory: Path | None = None) -> Path | None:
    """The directory of a usable model, or None if it is not there.

    ``name_or_path`` is a registered name (looked up under ``directory`` or
    ``models_dir()``) or a path to a CTranslate2 model directory.
    """
    text = str(name_or_path)
    if text in MODELS:
        path = (directory or models_dir()) / text
        return path if is_model_dir(path, MODELS[text]) else None
    path = Path(text).expanduser()
    return path if path.is_dir() and is_model_dir(path) else None


def model_for(name_or_path: str | os.PathLike, path: Path | None = None) -> MTModel:
    """The ``MTModel`` of a registered name, or of a model directory (from its card)."""
    text = str(name_or_path)
    if text in MODELS:
        return MODELS[text]
    card = read_model_card(path or Path(text))
    if card is not None:
        return card
    raise ConfigError(f"translate.model: {text} has no {MODEL_CARD}; name one of "
                      f"{', '.join(MODELS)} or write a card saying the model's family")


def check_language_support(model: str | MTModel, target: Language,
                           source: Language | None = None) -> None:
    """Raise ConfigError unless ``model`` can translate ``source`` into ``target``.

    Called before any work starts: a multilingual model without a label for the
    language would otherwise translate into something else (MADLAD-400 silently
    falls back to Spanish for an unknown ``<2xx>``).
    """
    spec = get_model(model) if isinstance(model, str) else model
    source = source or get_language("eng_Latn")
    if spec.pair is not None:
        if (source.code, target.code) != tuple(spec.pair):
            raise ConfigError(f"translation model {spec.name} translates only {spec.pair[0]} -> "
                              f"{spec.pair[1]}, not {source.code} -> {target.code}")
        return
    tool = spec.label_tool
    if tool is None:
        return
    for lang in (source, target):
        if lang.label(tool) is None:
            raise ConfigError(
                f"translation model {spec.name} has no label for {lang.code} ({lang.name}) in "
                f"the language registry (tool {tool!r}); choose another model (known: "
                f"{', '.join(MODELS)})")


def conversion_command(model: MTModel, output_dir: Path, quantization: str = "int8",
                       converter: str | None = None) -> list[str]:
    """The ``ct2-transformers-converter`` command line that converts ``model``."""
    exe = converter or _converter_path()
    command = [exe, "--model", model.repo, "--output_dir", str(output_dir),
               "--quantization", quantization]
    if model.tokenizer_files:
        command += ["--copy_files", *model.tokenizer_files]
    return command


def _converter_path() -> str:
    beside = Path(sys.executable).parent / "ct2-transformers-converter"
    return str(beside) if beside.is_file() else (shutil.which("ct2-transformers-converter")
                                                 or "ct2-transformers-converter")


def _check_hub_reachable(model: MTModel) -> None:
    if os.environ.get("HF_HUB_OFFLINE", "") not in ("", "0"):
        raise FetchError(f"cannot fetch {model.name} ({model.repo}): HF_HUB_OFFLINE is set. "
                         f"Unset it and run `make models MT={model.name}` with a network, or "
                         f"copy a converted model into {models_dir() / model.name}")
    try:
        socket.getaddrinfo(HUB_HOST, 443)
    except OSError as exc:
        raise FetchError(f"cannot fetch {model.name} ({model.repo}): {HUB_HOST} is unreachable "
                         f"({exc}). Run `make models MT={model.name}` on a machine with a "
                         f"network, then copy models/{model.name} here") from None


def _check_converter_deps() -> None:
    missing = [name for name in ("transformers", "torch") if importlib.util.find_spec(name) is None]
    if missing:
        raise MissingModelError(
            f"converting a model needs {' and '.join(missing)} (ct2-transformers-converter "
            f"loads the checkpoint with them): run `.venv/bin/pip install {' '.join(missing)}` "
            "and then `make models MT=...` again")


def fetch_model(name: str, directory: Path | None = None, quantization: str = "int8",
                run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> Path:
    """Convert model ``name`` from the Hub into ``directory/name`` (atomically).

    Returns the model directory (at once if it is already there).

    Raises:
        ConfigError: unknown model name.
        FetchError: no network, or the converter failed (its message is included).
        MissingModelError: ``transformers``/``torch`` are not installed.
    """
    model = get_model(name)
    directory = directory or models_dir()
    target = directory / name
    if is_model_dir(target, model):
        return target
    _check_hub_reachable(model)
    _check_converter_deps()
    with atomic_path(target) as tmp:
        command = conversion_command(model, tmp, quantization)
        try:
            done = run(command, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise MissingModelError("ct2-transformers-converter not found: install ctranslate2 "
                                    "(pip install 'langforge[translate]')") from None
        if done.returncode != 0:
            tail = (done.stderr or done.stdout or "").strip()[-800:]
            raise FetchError(f"converting {name} ({model.repo}) failed with exit code "
                             f"{done.returncode}: {tail}")
        write_model_card(tmp, model)
    return target


def _vocabulary(path: Path) -> set[str] | None:
    """The target vocabulary of a CTranslate2 model directory, if it has a file for it."""
    for stem in ("shared_vocabulary", "target_vocabulary"):
        if (path / f"{stem}.json").is_file():
            return set(json.loads((path / f"{stem}.json").read_text(encoding="utf-8")))
        if (path / f"{stem}.txt").is_file():
            return set((path / f"{stem}.txt").read_text(encoding="utf-8").splitlines())
    return None


class MTTokenizer:
    """Text to the token strings a model expects, and its output tokens back to text.

    Language tokens follow the model's family (see ``FAMILIES``); they are checked
    against the model's vocabulary when the tokenizer is built, so a language the
    model lacks fails before any translation.
    """

    def __init__(self, model: MTModel, path: Path, source: Language, target: Language):
        import sentencepiece as spm

        check_language_support(model, target, source)
        self.model = model
        self.source_sp = self.target_sp = None
        if model.family != "chars":
            files = model.tokenizer_files or tuple(sorted(p.name for p in path.glob("*.model")))
            if not files or not (path / files[0]).is_file():
                raise MissingModelError(f"{path}: no SentencePiece model ({model.sp_source or '*.model'}); "
                                        f"run `make models MT={model.name}` again")
            self.source_sp = spm.SentencePieceProcessor(model_file=str(path / files[0]))
            self.target_sp = (spm.SentencePieceProcessor(model_file=str(path / files[1]))
                              if len(files) > 1 else self.source_sp)
        tool = model.label_tool
        self._src_label = source.label(tool) if tool else None
        self._tgt_label = target.label(tool) if tool else None
        self._prefix: list[str] | None = None
        self._lead: list[str] = []
        self._text_prefix = ""
        self._eos: list[str] = []
        if model.family == "nllb":
            self._lead, self._prefix, self._eos = [self._src_label], [self._tgt_label], ["</s>"]
        elif model.family == "m2m100":
            self._lead = [f"__{self._src_label}__"]
            self._prefix, self._eos = [f"__{self._tgt_label}__"], ["</s>"]
        elif model.family == "madlad":
            self._text_prefix, self._eos = f"<2{self._tgt_label}> ", ["</s>"]
        elif model.family == "opus-mt":
            self._eos = ["</s>"]
        vocabulary = _vocabulary(path)
        needed = [*self._lead, *(self._prefix or [])]
        if self._text_prefix:
            needed.append(self._text_prefix.strip())
        if vocabulary is not None:
            absent = [token for token in needed if token not in vocabulary]
            if absent:
                raise ConfigError(f"model {model.name} in {path} has no token {absent[0]!r} for "
                                  f"{target.code}/{source.code} in its vocabulary")

    def encode(self, texts: list[str]) -> list[list[str]]:
        """Source token strings for each text, language tokens included."""
        if not texts:
            return []
        if self.source_sp is None:
            return [list(text) for text in texts]
        pieces = self.source_sp.encode([self._text_prefix + t for t in texts], out_type=str)
        if self._text_prefix:
            # <2xx> is one piece of MADLAD's vocabulary; SentencePiece may emit a bare
            # word-boundary piece before it, which the model never saw in training.
            lang_piece = self._text_prefix.strip()
            pieces = [p[1:] if p[:2] == ["▁", lang_piece] else p for p in pieces]
        return [self._lead + p + self._eos for p in pieces]

    def target_prefix(self) -> list[str] | None:
        return list(self._prefix) if self._prefix else None

    def decode(self, tokens: list[str]) -> str:
        """Text of an output hypothesis (the target language token removed)."""
        if self._prefix and tokens[:1] == self._prefix:
            tokens = tokens[1:]
        if self.target_sp is None:
            return "".join(tokens)
        return self.target_sp.decode_pieces(tokens)
