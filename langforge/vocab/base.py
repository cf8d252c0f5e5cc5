"""Base tokenizers: where to find them, and what their SentencePiece model says.

The offline default is Mistral-7B v0.1's SentencePiece model, shipped as a data
file in the ``mistral-common`` wheel. The Makefile installs that wheel with
``--no-deps`` (its dependencies clash with ours), so the file is located with
``importlib.util.find_spec`` without importing the package.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sentencepiece import sentencepiece_model_pb2 as model_pb2

from langforge.errors import ConfigError, MissingModelError

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


def base_tokenizer_path(name_or_path: str) -> Path:
    """The file of a base tokenizer given by name (``mistral-7b-v0.1``) or path.

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
            f"({', '.join(sorted(KNOWN_BASES))}) or an existing .model / tokenizer.json path; "
            "the named ones are installed by `make install`")
    package, relative = known
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
