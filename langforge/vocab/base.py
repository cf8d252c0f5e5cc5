"""Base tokenizers: where to find them, and what their SentencePiece model says.

The offline default is Mistral-7B v0.1's SentencePiece model, shipped as a data
file in the ``mistral-common`` wheel, which also ships Mistral-NeMo's byte-level
``tekken`` tokenizers; local files and Hub repositories (``hf:owner/name``) work
too. The Makefile installs that wheel with ``--no-deps`` (its dependencies clash
with ours), so the file is located with ``importlib.util.find_spec`` without
importing the package.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sentencepiece import sentencepiece_model_pb2 as model_pb2

from langforge.errors import ConfigError, FetchError, MissingModelError

#: Base tokenizers known by name: (package, path inside the package).
KNOWN_BASES = {
    "mistral-7b-v0.1": ("mistral_common", "data/tokenizer.model.v1"),
    "tekken-240718": ("mistral_common", "data/tekken_240718.json"),
    "tekken-240911": ("mistral_common", "data/tekken_240911.json"),
}

PIECE_NORMAL = model_pb2.ModelProto.SentencePiece.NORMAL
PIECE_UNKNOWN = model_pb2.ModelProto.SentencePiece.UNKNOWN
PIECE_CONTROL = model_pb2.ModelProto.SentencePiece.CONTROL
PIECE_USER_DEFINED = model_pb2.ModelProto.SentencePiece.USER_DEFINED
PIECE_BYTE = model_pb2.ModelProto.SentencePiece.BYTE
MODEL_BPE = model_pb2.TrainerSpec.BPE
MODEL_TYPE_NAMES = {v: k for k, v in model_pb2.TrainerSpec.ModelType.items()}

#: The normaliser fields two models must share for their pieces to mean the same text.
NORMALIZER_FIELDS = ("name", "precompiled_charsmap", "add_dummy_prefix",
                     "remove_extra_whitespaces", "escape_whitespaces")


#: A name that starts with this is a tokenizer on the Hugging Face Hub.
HUB_PREFIX = "hf:"
#: Files tried, in order, in a Hub repository: SentencePiece first (it also gives a
#: merged ``.model``), then a ``tokenizer.json``.
HUB_FILES = ("tokenizer.model", "tokenizer.json")

KIND_SENTENCEPIECE = "sentencepiece"
KIND_TOKENIZER_JSON = "tokenizer.json"
KIND_TEKKEN = "tekken"


@dataclass(frozen=True)
class BaseTokenizer:
    """A resolved base tokenizer: the name it was asked by, its file and its format.

    ``kind`` is ``sentencepiece`` (a ``.model``), ``tokenizer.json`` (a Hugging Face
    BPE tokenizer) or ``tekken`` (Mistral's tiktoken-style JSON, converted to a
    ``tokenizer.json`` when loaded).
    """

    name: str
    path: Path
    kind: str

    @property
    def is_sentencepiece(self) -> bool:
        return self.kind == KIND_SENTENCEPIECE


def _kind_of(path: Path) -> str:
    """SentencePiece unless the file is JSON; a JSON file is tekken or tokenizer.json."""
    with path.open("rb") as handle:
        head = handle.read(64).lstrip()
    if not head.startswith(b"{"):
        return KIND_SENTENCEPIECE
    from langforge.vocab.tekken import is_tekken_data

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ConfigError(f"base tokenizer {path} is neither a SentencePiece model nor "
                          f"valid JSON: {exc}") from None
    return KIND_TEKKEN if is_tekken_data(data) else KIND_TOKENIZER_JSON


def resolve_base(name_or_path: str) -> BaseTokenizer:
    """A base tokenizer given by name, local path or Hub repository.

    Accepts ``mistral-7b-v0.1`` (the SentencePiece model in the ``mistral-common``
    wheel, the offline default), ``tekken-240718`` / ``tekken-240911`` (the wheel's
    Mistral-NeMo byte-level tokenizers), a local ``.model`` or ``tokenizer.json`` /
    tekken ``.json`` path, or ``hf:owner/name`` (downloaded from the Hub; needs a
    network the first time, then the Hub cache is used).

    Raises:
        MissingModelError: a named package or a local file is not there.
        FetchError: a Hub tokenizer cannot be downloaded (offline, unknown repo).
        ConfigError: the file is not a tokenizer langforge can read.
    """
    name = str(name_or_path)
    if name.startswith(HUB_PREFIX):
        path = _hub_tokenizer(name[len(HUB_PREFIX):])
    else:
        path = base_tokenizer_path(name)
    return BaseTokenizer(name=name, path=path, kind=_kind_of(path))


def _offline() -> bool:
    # checked here: huggingface_hub reads the variable only once, when first imported
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _hub_tokenizer(repo: str) -> Path:
    """The first of ``HUB_FILES`` the Hub repository has, from the Hub cache or downloaded."""
    if repo.count("/") != 1 or not all(repo.split("/")):
        raise ConfigError(f"vocab.base: {HUB_PREFIX}{repo!r} must name a Hub repository as "
                          f"{HUB_PREFIX}owner/name")
    from huggingface_hub import hf_hub_download
    from huggingface_hub.errors import EntryNotFoundError, HfHubHTTPError

    for filename in HUB_FILES:  # the cache first, so that a fetched tokenizer works offline
        try:
            return Path(hf_hub_download(repo, filename, local_files_only=True))
        except (EntryNotFoundError, OSError):  # LocalEntryNotFoundError is both
            continue
    if _offline():
        raise FetchError(f"cannot download the tokenizer of Hub repository {repo!r}: offline "
                         "(HF_HUB_OFFLINE is set) and it is not in the Hub cache. Run once with "
                         "a network, or download it and give the local tokenizer.model / "
                         "tokenizer.json path as vocab.base.")
    # The HTTP client under huggingface_hub changed between releases (requests, httpx);
    # its error base class is HfHubHTTPError's base, so take it from there.
    network_errors = (HfHubHTTPError, OSError, *HfHubHTTPError.__bases__)
    missing = []
    for filename in HUB_FILES:
        try:
            return Path(hf_hub_download(repo, filename))
        except EntryNotFoundError:
            missing.append(filename)
        except network_errors as exc:
            raise FetchError(f"cannot download the tokenizer of Hub repository {repo!r}: "
                             f"{exc}") from None
    raise FetchError(f"Hub repository {repo!r} has none of {', '.join(missing)}: give a "
                     "repository with a SentencePiece model or a tokenizer.json")


def base_tokenizer_path(name_or_path: str) -> Path:
    """The file of a base tokenizer given by name (``mistral-7b-v0.1``) or local path
    (see ``resolve_base`` for Hub repositories and formats).

    Raises:
        MissingModelError: the named package or the file is not installed.
    """
    known = KNOWN_BASES.get(str(name_or_path).lower())
    if known is None:
        path = Path(name_or_path).expanduser()
        if path.is_file():
            return path
        raise MissingModelError(
            f"base tokenizer {name_or_path!r} not found: give a known name "
            f"({', '.join(sorted(KNOWN_BASES))}), an existing .model / tokenizer.json path "
            f"or {HUB_PREFIX}owner/name; the named ones are installed by `make install`")
    package, relative = known
    from langforge.config import resources_dir

    shipped = resources_dir() / "models" / f"{str(name_or_path).lower()}.model"
    if shipped.is_file():  # the default base ships with langforge (resources/models/NOTICE.md)
        return shipped
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / relative
        if path.is_file():
            return path
    raise MissingModelError(
        f"base tokenizer {name_or_path!r} needs {relative} from the {package!r} package, "
        "which is not installed: run `make install` (it installs mistral-common==1.13.1 "
        "with --no-deps)")


def load_model_proto(path: str | Path) -> model_pb2.ModelProto:
    """Parse a SentencePiece ``.model`` file."""
    proto = model_pb2.ModelProto()
    try:
        proto.ParseFromString(Path(path).read_bytes())
    except OSError as exc:
        raise MissingModelError(f"cannot read SentencePiece model {path}: {exc}") from None
    except Exception as exc:  # protobuf's DecodeError has no stable import path
        raise ConfigError(f"{path} is not a SentencePiece model: {exc}") from None
    if not proto.pieces:
        raise ConfigError(f"{path} is not a SentencePiece model: it has no pieces")
    return proto


def normalizers_agree(base: model_pb2.ModelProto, addon: model_pb2.ModelProto) -> list[str]:
    """Names of the normaliser settings in which two models differ (empty: they agree)."""
    return [name for name in NORMALIZER_FIELDS
            if getattr(base.normalizer_spec, name) != getattr(addon.normalizer_spec, name)]


def check_normalizers(base: model_pb2.ModelProto, addon: model_pb2.ModelProto) -> None:
    """Raise if the add-on normalises text differently from the base.

    A piece learned on NFKC-normalised text can contain characters the identity
    base never sees, so merging it would silently lose or never match text.

    Raises:
        ConfigError: the normalisers differ (names each differing setting).
    """
    differing = normalizers_agree(base, addon)
    if differing:
        details = ", ".join(
            f"{name}: base {getattr(base.normalizer_spec, name)!r} vs add-on "
            f"{getattr(addon.normalizer_spec, name)!r}" for name in differing
            if name != "precompiled_charsmap") or "precompiled_charsmap differs"
        raise ConfigError(f"normaliser mismatch between add-on and base tokenizer ({details}); "
                          "train the add-on with the base's normalisation")


def score_floor(proto: model_pb2.ModelProto) -> float:
    """The lowest score of any piece of the model."""
    return min(piece.score for piece in proto.pieces)


def is_byte_piece(piece: str) -> bool:
    return len(piece) == 6 and piece.startswith("<0x") and piece.endswith(">")
