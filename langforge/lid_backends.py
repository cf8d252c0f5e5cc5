"""Offline language-ID models from PyPI wheels, beside fastText (``langforge.langid``).

lid.176 has no label for Hausa, Igbo, Zulu, Xhosa, Kinyarwanda or Tigrinya and
fails on Yoruba, Somali and Malagasy (measured in ``docs/lid-comparison.md``).
These models ship their weights inside their wheels, so they run offline:

- ``heliport`` (HPLT's HeLI-OTS identifier, 220 languages; labels ISO 639-3);
- ``py3langid`` (langid.py retrained, 145 labels; ISO 639-1 where one exists);
- ``lingua`` (lingua-language-detector, 75 languages; ISO 639-3).

Each backend answers like ``LidModel``: ``predict(texts, k)`` gives, per text, a
dict of probabilities per canonical code (most likely first; a label the
registry lacks is kept as ``<model>:<label>``), ``label_of(lang)`` the model's
label for a language (None if it has none) and ``codes()`` every canonical code
the model can name. Labels are mapped through the registry
(``langforge/data/languages.toml``, tool keys ``heliport``, ``py3langid``,
``lingua``), never typed here.

Scores: py3langid's are its normalised probabilities and lingua's its
confidence values (both sum to 1). heliport's raw scores are mean per-n-gram
penalties (lower is better, in log10 units); they are turned into probabilities
with ``p ~ 10 ** -raw`` over all its labels, so a gap of 1 between the best two
labels gives the best about 0.9.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from langforge.errors import MissingModelError
from langforge.languages import Language, from_label


class _Backend:
    """Common parts: label mapping, lazy loading, pickling without the model."""

    name = ""
    #: the registry tool key holding this model's labels
    tool = ""
    #: the PyPI distribution that ships the model
    package = ""

    def __init__(self) -> None:
        self._model: Any = None
        self._labels: frozenset[str] | None = None
        self._codes: dict[str, str] = {}  # label -> code, filled as labels are seen

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_model"] = None
        return state

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"

    def _load(self) -> Any:
        if self._model is None:
            try:
                self._model = self._open()
            except ImportError as exc:
                raise MissingModelError(
                    f"LID model {self.name!r} needs the {self.package} package, which is not "
                    f"installed ({exc}). Run `make install`.") from None
        return self._model

    def _open(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def raw_labels(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def label_of(self, lang: Language) -> str | None:
        """This model's label for ``lang``, or None if it has none."""
        label = lang.label(self.tool)
        return label if label is not None and label in self._label_set() else None

    def _label_set(self) -> frozenset[str]:
        if self._labels is None:
            self._labels = frozenset(self.raw_labels())
        return self._labels

    def code_of(self, label: str) -> str:
        code = self._codes.get(label)
        if code is None:
            lang = from_label(self.tool, label)
            code = self._codes[label] = lang.code if lang is not None else f"{self.name}:{label}"
        return code

    def codes(self) -> frozenset[str]:
        """Every canonical code (or ``<model>:<label>``) this model can name."""
        return frozenset(self.code_of(label) for label in self.raw_labels())

    def predict(self, texts: list[str], k: int = -1,
                threshold: float = 0.0) -> list[dict[str, float]]:
        """Probabilities per canonical code for each text, most likely first.

        A text with no visible character gets ``{}`` (no evidence). ``k`` = -1
        keeps every label; codes whose probability is below ``threshold`` are left out.
        """
        if k == 0 or k < -1:
            raise ValueError(f"k must be -1 (all labels) or positive, got {k}")
        results: list[dict[str, float]] = []
        for text in texts:
            line = " ".join(text.split())
            if not line:
                results.append({})
                continue
            ranked = self._rank(line)
            merged: dict[str, float] = {}
            for label, prob in ranked:
                code = self.code_of(label)
                merged[code] = merged.get(code, 0.0) + prob
            items = sorted(merged.items(), key=lambda kv: -kv[1])
            if k > 0:
                items = items[:k]
            results.append({code: min(1.0, p) for code, p in items if p >= threshold})
        return results

    def _rank(self, text: str) -> list[tuple[str, float]]:  # pragma: no cover - abstract
        raise NotImplementedError


class HeliportModel(_Backend):
    """HPLT's heliport (HeLI-OTS), weights in the ``heliport`` wheel."""

    name, tool, package = "heliport", "heliport", "heliport"

    def _open(self) -> Any:
        import heliport

        return heliport.Identifier()

    def raw_labels(self) -> list[str]:
        return [label for label, _ in self._load().identify_topk_with_score("a", 1000)
                if label not in ("und", "zxx")]

    def _rank(self, text: str) -> list[tuple[str, float]]:
        raw = self._load().identify_topk_with_score(text, 1000)
        raw = [(label, score) for label, score in raw if label not in ("und", "zxx")]
        if not raw:
            return []
        best = min(score for _, score in raw)
        weights = [(label, 10.0 ** -(score - best)) for label, score in raw]
        total = math.fsum(w for _, w in weights)
        return [(label, w / total) for label, w in weights]


class Py3langidModel(_Backend):
    """py3langid (langid.py), weights in the ``py3langid`` wheel."""

    name, tool, package = "py3langid", "py3langid", "py3langid"

    def _open(self) -> Any:
        from py3langid.langid import LanguageIdentifier

        return LanguageIdentifier.from_model_file("data/model.npz.xz", norm_probs=True)

    def raw_labels(self) -> list[str]:
        return sorted(set(self._load().nb_classes) - {"zxx"})

    def _rank(self, text: str) -> list[tuple[str, float]]:
        return [(label, float(p)) for label, p in self._load().rank(text) if label != "zxx"]


class LinguaModel(_Backend):
    """lingua-language-detector, all 75 languages, high-accuracy mode."""

    name, tool, package = "lingua", "lingua", "lingua-language-detector"

    def _open(self) -> Any:
        from lingua import LanguageDetectorBuilder

        return LanguageDetectorBuilder.from_all_languages().build()

    def raw_labels(self) -> list[str]:
        from lingua import Language as LinguaLanguage

        return sorted(lang.iso_code_639_3.name.lower() for lang in LinguaLanguage.all())

    def _rank(self, text: str) -> list[tuple[str, float]]:
        values = self._load().compute_language_confidence_values(text)
        return [(v.language.iso_code_639_3.name.lower(), float(v.value)) for v in values]


#: Wheel-shipped models by name (fastText models are in ``langforge.langid``).
BACKENDS: dict[str, type[_Backend]] = {
    cls.name: cls for cls in (HeliportModel, Py3langidModel, LinguaModel)}


@lru_cache(maxsize=None)
def backend(name: str) -> _Backend:
    """One shared instance per model name (loading a model takes seconds)."""
    return BACKENDS[name]()
