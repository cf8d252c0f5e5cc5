"""Model-based quality selection: a per-language fastText classifier of trusted text.

Positives are text known to be good in the language: the translated seed (the
synthetic split, when a translation model made one) and the reference files the
language's config names (``[[quality_model.reference]]``). Negatives are a seeded
sample of the language's own web documents that passed language ID (before the
quality filter), as FineWeb-Edu / DCLM-style classifiers contrast curated text with
random web text. The classifier is fastText supervised (``fasttext-numpy2-wheel``),
one thread, a fixed seed and every initial vector set by the stage, so the same
inputs give the same model files and scores.

- ``train_quality_model`` samples each class and trains two models with two-fold
  cross-fitting (each on one half of the documents; each scores the half it never
  saw), and writes ``model-0.bin`` / ``model-1.bin``, ``training_manifest.jsonl``
  (every document used: id, class, fold, held-out score, source, licence) and
  ``metrics.json`` (ROC AUC over the held-out scores, counts, settings).
- ``score_documents`` sets ``doc.signals["quality_score"]``: the probability that
  the document is like the positives (a training document's from the model that
  did not see it, any other's the mean of both).
- ``select_by_score`` keeps documents at or above ``min_model_score`` or the
  ``top_fraction`` best, and rejects the others as
  ``quality_model_below_threshold`` (kept in the rejected records).

What the report and the card show of it is in ``langforge.quality_report``;
FineWeb-2's rehydration in ``langforge.rehydrate``.
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np
import regex

from langforge.config import LanguageConfig, QualityModelConfig, ReferenceText
from langforge.document import Document, StageStats, counted, stable_id
from langforge.errors import ConfigError, InputError

STAGE = "quality_model"
SCORE_SIGNAL = "quality_score"
REJECT_REASON = "quality_model_below_threshold"
METRICS_NAME = "metrics.json"
MANIFEST_NAME = "training_manifest.jsonl"
POSITIVE, NEGATIVE = "__label__hq", "__label__web"
_BATCH = 512

# Words (letters with marks, digits, apostrophes inside) and single punctuation marks.
_TOKEN = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}\p{N}'’]*|\p{N}+|[^\s\p{L}\p{M}\p{N}]")
_DIGITS = regex.compile(r"\p{N}")
_TERMINATED = regex.compile(r"[\p{Sentence_Terminal};:…][\"'»”’)\]}›」』）]*$")
#: Marks a line that ends without punctuation (a menu item, a link, a title).
OPEN_LINE_TOKEN = "<nl>"
FOLDS = 2


def model_text(text: str, max_words: int) -> str:
    """What the classifier reads: casefolded tokens on one line, digits as 0, and
    ``<nl>`` after each line that ends without punctuation.

    Line breaks themselves are not kept: a sentence-per-line reference joined into
    documents would teach the model a layout; a line without its full stop is what
    menus, link lists and titles have, and what edited prose rarely has.
    """
    tokens: list[str] = []
    for line in text.casefold().splitlines():
        line = line.strip()
        for match in _TOKEN.finditer(line):
            tokens.append(_DIGITS.sub("0", match.group()))
            if len(tokens) >= max_words:
                return " ".join(tokens)
        if line and not _TERMINATED.search(line):
            tokens.append(OPEN_LINE_TOKEN)
    return " ".join(tokens)


def _key(seed: int, salt: str, doc_id: str) -> int:
    digest = hashlib.blake2b(f"{seed}\x00{salt}\x00{doc_id}".encode("utf-8", "surrogatepass"),
                             digest_size=8).digest()
    return int.from_bytes(digest, "big")


def seeded_sample(docs: Iterable[Document], n: int, seed: int, salt: str) -> list[Document]:
    """``n`` documents chosen by a seeded hash of their id, in id-hash order.

    Independent of the input order and streaming (memory grows with ``n``, not with
    the input); two documents with the same id count once; empty texts are skipped.
    """
    seen: set[str] = set()

    def unique() -> Iterator[tuple[int, str, Document]]:
        for doc in docs:
            if doc.id not in seen and doc.text.strip():
                seen.add(doc.id)
                yield _key(seed, salt, doc.id), doc.id, doc

    return [doc for _, _, doc in heapq.nsmallest(n, unique(), key=lambda t: (t[0], t[1]))]


def fold_of(doc_id: str, seed: int) -> int:
    """The cross-fitting fold (0 or 1) of a document, from a seeded hash of its id."""
    return _key(seed, "fold", doc_id) % FOLDS


# --- positives ----------------------------------------------------------------------

def reference_documents(reference: ReferenceText, min_doc_chars: int = 500,
                        base_dir: str | os.PathLike | None = None) -> list[Document]:
    """The documents of one reference file (read like ``langforge calibrate`` reads
    trusted text), each with its file's name and licence in ``metadata``.

    Raises:
        InputError: the file is missing or unreadable.
    """
    from langforge.calibrate import read_reference

    path = _resolve(reference.path, base_dir)
    name = reference.name or path.name
    texts = read_reference(path, min_doc_chars=min_doc_chars)
    return [Document(id=stable_id("reference", path.name, str(i)), text=text, source=path.name,
                     kind="reference", metadata={"license": reference.license, "name": name})
            for i, text in enumerate(texts)]


def _resolve(path: str, base_dir: str | os.PathLike | None) -> Path:
    out = Path(path).expanduser()
    if not out.is_absolute() and base_dir is not None:
        out = Path(base_dir) / out
    return out


def missing_references(config: QualityModelConfig,
                       base_dir: str | os.PathLike | None = None) -> list[str]:
    """The configured reference files that do not exist (check before a build)."""
    return [str(_resolve(r.path, base_dir)) for r in config.reference
            if not _resolve(r.path, base_dir).is_file()]


def positives_plan(config: QualityModelConfig, synthetic_docs: int) -> tuple[str | None, str]:
    """Whether the stage can run, before reading anything: ``(skip reason or None,
    what the positives are)``. ``synthetic_docs`` is the size of the synthetic split."""
    if not config.enabled:
        return "quality_model.enabled is false", ""
    use_synthetic = config.use_synthetic and synthetic_docs > 0
    if not use_synthetic and not config.reference:
        return ("no positives for the quality model: no translated seed (no translation "
                "model, or quality_model.use_synthetic off) and no [[quality_model.reference]] "
                "file of trusted text in the language"), ""
    parts = []
    if use_synthetic:
        parts.append(f"the translated seed ({synthetic_docs:,} documents)")
    if config.reference:
        parts.append("reference text (" + ", ".join(r.name or Path(r.path).name
                                                     for r in config.reference) + ")")
    if not use_synthetic:
        parts.append("no translated seed: reference text alone")
    return None, "; ".join(parts)


#: The fix named when the stage is skipped for want of positives.
SKIP_HINT = ("name trusted text in the language in a --config file: [[quality_model.reference]] "
             "path = \"...\" license = \"...\"; or set translate.model (make models MT=...)")


# --- the model ------------------------------------------------------------------------

class QualityModel:
    """The two cross-fitted classifiers of a language, loaded lazily (fastText models
    are not picklable).

    A document one model was trained on is scored by the other; any other document
    by the mean of both. So a training document's score is never an in-sample one.
    """

    def __init__(self, paths: Sequence[Path], max_doc_words: int = 1000,
                 trained_fold: Mapping[str, int] | None = None, models: Sequence[Any] = ()):
        self.paths = [Path(p) for p in paths]
        self.max_doc_words = max_doc_words
        self.trained_fold = dict(trained_fold or {})
        self._models = list(models) or None

    @classmethod
    def load(cls, directory: str | os.PathLike) -> "QualityModel":
        """The models ``train_quality_model`` wrote in ``directory``.

        Raises:
            InputError: no model there.
        """
        directory = Path(directory)
        paths = [directory / model_name(k) for k in range(FOLDS)]
        if not all(p.is_file() for p in paths) or not (directory / METRICS_NAME).is_file():
            raise InputError(f"no quality model in {directory}: run the quality_model stage "
                             "first")
        metrics = json.loads((directory / METRICS_NAME).read_text(encoding="utf-8"))
        folds = {}
        with (directory / MANIFEST_NAME).open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                folds[row["id"]] = int(row["fold"])
        return cls(paths, int(metrics["settings"]["max_doc_words"]), folds)

    @property
    def models(self) -> list[Any]:
        if self._models is None:
            import fasttext

            self._models = [fasttext.load_model(str(p)) for p in self.paths]
        return self._models

    def scores(self, texts: Sequence[str], ids: Sequence[str] | None = None) -> list[float]:
        """Probability of the positive class for each text, in [0, 1]; ``ids`` (the
        documents' ids) let a training document be scored by the model that did not
        see it."""
        if not texts:
            return []
        lines = [model_text(t, self.max_doc_words) for t in texts]
        per_model = [_positive_probs(m, lines) for m in self.models]
        out = []
        for i, line in enumerate(lines):
            fold = self.trained_fold.get(ids[i]) if ids is not None else None
            if not line:
                p = 0.0  # no word: no evidence of quality (fastText would give the prior)
            elif fold is not None:
                p = per_model[fold][i]  # model k held fold k back
            else:
                p = sum(probs[i] for probs in per_model) / len(per_model)
            out.append(round(min(1.0, max(0.0, p)), 6))
        return out


def model_name(fold: int) -> str:
    """The file of the model that held back ``fold``."""
    return f"model-{fold}.bin"


def _positive_probs(model: Any, lines: Sequence[str]) -> list[float]:
    labels, probs = model.predict(list(lines), k=2)
    return [dict(zip(labs, (float(x) for x in ps))).get(POSITIVE, 0.0)
            for labs, ps in zip(labels, probs)]


def roc_auc(scores: Sequence[float], labels: Sequence[int]) -> float | None:
    """Exact ROC AUC (Mann-Whitney U, tied scores counted half); None when a class
    is absent."""
    y = np.asarray(labels, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if not n_pos or not n_neg:
        return None
    ranks = average_ranks(scores)
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def average_ranks(values: Sequence[float]) -> np.ndarray:
    """1-based ranks, tied values sharing their average rank (``scipy.stats.rankdata``'s
    default, without importing scipy.stats: 1.5 s of a build's quality stage)."""
    x = np.asarray(values, dtype=float)
    order = np.argsort(x, kind="mergesort")
    ordered = x[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]] if len(x) else np.empty(0, bool)
    starts = np.flatnonzero(first)
    ends = np.r_[starts[1:], len(x)]
    ranks = np.empty(len(x))
    ranks[order] = ((starts + 1 + ends) / 2.0)[np.cumsum(first) - 1]
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Spearman's rank correlation (Pearson's of average ranks); None when either side
    is constant."""
    ra, rb = average_ranks(a), average_ranks(b)
    if len(ra) < 2 or ra.std() == 0 or rb.std() == 0:
        return None
    return float(np.corrcoef(ra, rb)[0, 1])


def _settings(config: QualityModelConfig, seed: int) -> dict[str, Any]:
    return {"epochs": config.epochs, "learning_rate": config.learning_rate, "dim": config.dim,
            "word_ngrams": 1,
            "max_doc_words": config.max_doc_words, "max_positives": config.max_positives,
            "max_negatives": config.max_negatives, "max_class_ratio": config.max_class_ratio,
            "folds": FOLDS, "seed": seed, "loss": "softmax", "thread": 1}


def _source_name(doc: Document) -> str:
    """What the card calls where a training document came from: the reference's name,
    the translation model, or the WARC file (never a local path or a byte offset)."""
    if doc.metadata.get("name"):
        return str(doc.metadata["name"])
    if doc.kind == "synthetic":
        return f"translated seed ({doc.metadata.get('model') or 'unknown model'})"
    where = (doc.source or "").rpartition("@")[0] or doc.source or ""
    return _public(where) or doc.kind


def _sources(docs: Sequence[Document]) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str, str], int] = {}
    for doc in docs:
        key = (doc.kind, _source_name(doc),
               str(doc.metadata.get("license") or doc.metadata.get("licence") or "unknown"))
        counts[key] = counts.get(key, 0) + 1
    return [{"kind": k, "name": n, "license": lic, "documents": c}
            for (k, n, lic), c in sorted(counts.items())]


def stage_extra(metrics: Mapping[str, Any], positives: str) -> dict[str, Any]:
    """What the stage's ``StageStats.extra`` (summary, report) records of a trained
    model: the held-out ROC AUC, the class sizes, what the positives were (from
    ``positives_plan``) and whether the translated seed was among them."""
    return {"roc_auc": metrics.get("roc_auc"), "fold_roc_auc": metrics.get("folds"),
            "positives": metrics["documents"]["positives"],
            "negatives": metrics["documents"]["negatives"], "positives_from": positives,
            "translated_seed_used": bool(metrics.get("synthetic_positives"))}


def train_quality_model(positives: Iterable[Document], negatives: Iterable[Document],
                        out_dir: str | os.PathLike,
                        config: QualityModelConfig | LanguageConfig,
                        seed: int | None = None) -> dict[str, Any]:
    """Train the classifier with two-fold cross-fitting and evaluate it held out.

    Each class is sampled by a seeded hash of the document id (``max_positives``,
    ``max_negatives``, and the larger class at most ``max_class_ratio`` times the
    smaller), then split in two folds by another hash. Model k is trained on the
    other fold (the smaller class repeated to balance) and scores fold k, which it
    never saw: the ROC AUC is over these held-out scores of every sampled document.

    Writes into ``out_dir`` (the caller makes it atomic): ``model-0.bin`` and
    ``model-1.bin``, ``training_manifest.jsonl`` (each document: id, class, fold,
    kind, public source, URL, licence, characters, held-out score) and
    ``metrics.json``, and returns the metrics: ``roc_auc``, per-fold ``folds``
    AUCs, ``documents`` per class, ``heldout_scores`` (quantiles per class),
    ``positives`` / ``negatives`` (sources with licences), ``synthetic_positives``,
    ``reference_positives`` and the ``settings``.

    Raises:
        InputError: fewer than ``min_class_docs`` positives or negatives (the caller
            skips the stage with this message).
        ConfigError: fastText diverged with these settings.
    """
    qm = config.quality_model if isinstance(config, LanguageConfig) else config
    seed = qm.seed if seed is None else seed
    pos = seeded_sample(positives, qm.max_positives, seed, "positive")
    neg = seeded_sample(negatives, qm.max_negatives, seed, "negative")
    for name, docs in (("positives", pos), ("negatives", neg)):
        if len(docs) < qm.min_class_docs:
            raise InputError(f"too few {name} for the quality model: {len(docs)} documents "
                             f"(quality_model.min_class_docs = {qm.min_class_docs})")
    # seeded_sample's order is a seeded hash order: a prefix is a seeded sample too
    cap = int(qm.max_class_ratio * min(len(pos), len(neg)))
    pos, neg = pos[:cap], neg[:cap]
    labelled = [(d, 1) for d in pos] + [(d, 0) for d in neg]
    folds = {d.id: fold_of(d.id, seed) for d, _ in labelled}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {d.id: model_text(d.text, qm.max_doc_words) for d, _ in labelled}
    heldout, fold_aucs = {}, []
    for k in range(FOLDS):
        train = [(texts[d.id], y) for d, y in labelled if folds[d.id] != k]
        model = _train(_balanced_lines(train, seed + k), qm, seed, out_dir)
        model.save_model(str(out_dir / model_name(k)))
        test = [(d, y) for d, y in labelled if folds[d.id] == k]
        probs = _positive_probs(model, [texts[d.id] for d, _ in test])
        for (d, _), p in zip(test, probs):
            heldout[d.id] = round(min(1.0, max(0.0, p)), 6) if texts[d.id] else 0.0
        auc = roc_auc([heldout[d.id] for d, _ in test], [y for _, y in test])
        fold_aucs.append(None if auc is None else round(auc, 6))
    scores = [heldout[d.id] for d, _ in labelled]
    labels = [y for _, y in labelled]
    auc = roc_auc(scores, labels)
    metrics = {
        "roc_auc": None if auc is None else round(auc, 6),
        "folds": fold_aucs,
        "documents": {"positives": len(pos), "negatives": len(neg)},
        "heldout_scores": {
            "positives": _quantiles([s for s, y in zip(scores, labels) if y]),
            "negatives": _quantiles([s for s, y in zip(scores, labels) if not y])},
        "positives": _sources(pos), "negatives": _sources(neg),
        "synthetic_positives": sum(d.kind == "synthetic" for d in pos),
        "reference_positives": sum(d.kind != "synthetic" for d in pos),
        "settings": _settings(qm, seed),
        "classifier": "fastText supervised (fasttext-numpy2-wheel), softmax over two labels",
    }
    _write_manifest(out_dir / MANIFEST_NAME, labelled, folds, heldout)
    (out_dir / METRICS_NAME).write_text(json.dumps(metrics, indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")
    return metrics


def _train(lines: Sequence[str], qm: QualityModelConfig, seed: int, out_dir: Path) -> Any:
    """fastText supervised on ``lines``, with every word vector initialised here.

    fastText 0.9.2 initialises only the first tenth of its input matrix when it
    trains on one thread (``DenseMatrix::uniformThread`` fills block 0 of 10) and
    leaves the rest as the allocator gives it: zeros from a fresh page, or stale
    heap bytes, which makes a model depend on what the process did before and
    sometimes stops training with "Encountered NaN". Seeded initial vectors for
    every word (``pretrainedVectors``) and no hashed n-gram buckets make every row
    defined, so one seed gives one model.
    """
    import fasttext

    words = sorted({w for line in lines for w in line.split(" ")[1:] if w} | {"</s>"})
    vectors = np.random.default_rng(seed).uniform(-1 / qm.dim, 1 / qm.dim,
                                                  size=(len(words), qm.dim))
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".train-") as tmp:
        train_file, init_file = Path(tmp) / "train.txt", Path(tmp) / "init.vec"
        train_file.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        with init_file.open("w", encoding="utf-8") as fh:
            fh.write(f"{len(words)} {qm.dim}\n")
            for word, row in zip(words, vectors):
                fh.write(word + " " + " ".join(f"{x:.6f}" for x in row) + "\n")
        try:
            return fasttext.train_supervised(
                input=str(train_file), lr=qm.learning_rate, epoch=qm.epochs, dim=qm.dim,
                wordNgrams=1, bucket=0, minCount=1, minn=0, maxn=0, loss="softmax", thread=1,
                seed=seed, verbose=0, pretrainedVectors=str(init_file))
        except RuntimeError as exc:  # fastText's "Encountered NaN": training diverged
            raise ConfigError(f"quality model training failed ({exc}): lower "
                              f"quality_model.learning_rate ({qm.learning_rate})") from None


def _balanced_lines(train: Sequence[tuple[str, int]], seed: int) -> list[str]:
    """Training lines, the smaller class repeated (cycled) up to the larger's size,
    in a seeded order; texts without a word are left out."""
    pos_lines = [f"{POSITIVE} {t}" for t, y in train if y and t]
    neg_lines = [f"{NEGATIVE} {t}" for t, y in train if not y and t]
    small, large = sorted((pos_lines, neg_lines), key=len)
    if small:
        small = [small[i % len(small)] for i in range(len(large))]
    lines = small + large
    order = np.random.default_rng(seed).permutation(len(lines))
    return [lines[i] for i in order]


def _quantiles(values: Sequence[float]) -> dict[str, float] | None:
    if not values:
        return None
    q = np.quantile(np.asarray(values), [0.1, 0.5, 0.9])
    return {"p10": round(float(q[0]), 4), "median": round(float(q[1]), 4),
            "p90": round(float(q[2]), 4)}


def _write_manifest(path: Path, labelled: Sequence[tuple[Document, int]],
                    folds: Mapping[str, int], heldout: Mapping[str, float]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc, label in sorted(labelled, key=lambda t: (-t[1], t[0].id)):
            fh.write(json.dumps({
                "id": doc.id, "class": "positive" if label else "negative",
                "fold": folds[doc.id], "heldout_score": heldout[doc.id], "kind": doc.kind,
                "source": _public(doc.source), "url": doc.url,
                "license": doc.metadata.get("license") or doc.metadata.get("licence"),
                "chars": len(doc.text)}, ensure_ascii=False, sort_keys=True) + "\n")


def _public(source: str) -> str:
    from langforge.dataset import public_source

    return public_source(source) if source else ""


# --- scoring and selection ------------------------------------------------------------

def score_documents(docs: Iterable[Document], model: QualityModel,
                    stats: StageStats | None = None) -> Iterator[Document]:
    """Set ``doc.signals["quality_score"]`` on every document (batched predictions);
    nothing is dropped."""
    batch: list[Document] = []
    for doc in docs:
        if stats is not None:
            stats.count_in(doc.text)
        batch.append(doc)
        if len(batch) >= _BATCH:
            yield from _score_batch(batch, model, stats)
            batch = []
    yield from _score_batch(batch, model, stats)


def _score_batch(batch: list[Document], model: QualityModel,
                 stats: StageStats | None) -> Iterator[Document]:
    for doc, score in zip(batch, model.scores([d.text for d in batch], [d.id for d in batch])):
        doc.signals[SCORE_SIGNAL] = score
        yield stats.count_out(doc) if stats is not None else doc


Docs = Sequence[Document] | Callable[[], Iterable[Document]]


def _stream(docs: Docs) -> Iterable[Document]:
    return docs() if callable(docs) else docs


def top_fraction_cutoff(scores: Iterable[tuple[float, str]], fraction: float
                        ) -> tuple[float, str] | None:
    """The last ``(score, id)`` kept when keeping the best ``fraction`` (at least one
    document; ties broken by id), or None for no documents."""
    items = list(scores)
    if not items:
        return None
    keep = max(1, math.ceil(fraction * len(items) - 1e-9))
    return sorted(items, key=lambda t: (-t[0], t[1]))[keep - 1]


def select_by_score(docs: Docs, stats: StageStats, *, min_score: float | None = None,
                    top_fraction: float | None = None) -> Iterator[Document]:
    """Keep documents with a ``quality_score`` of at least ``min_score``, or the best
    ``top_fraction`` of them (ties by id, so the count is exact); reject the others
    as ``quality_model_below_threshold`` with the score and the threshold.

    ``docs`` is a sequence or a callable returning a fresh iterator over the same
    documents (``top_fraction`` reads them twice). With neither threshold every
    document is kept.

    Raises:
        ConfigError: both thresholds, or one out of range.
        InputError: a document has no ``quality_score``.
    """
    if min_score is not None and top_fraction is not None:
        raise ConfigError("select_by_score: give min_score or top_fraction, not both")
    if top_fraction is not None and not 0 < top_fraction <= 1:
        raise ConfigError(f"select_by_score: top_fraction must be in (0, 1], got {top_fraction}")
    if min_score is not None and not 0 <= min_score <= 1:
        raise ConfigError(f"select_by_score: min_score must be in [0, 1], got {min_score}")
    return _select(docs, stats, min_score, top_fraction)


def _score_of(doc: Document) -> float:
    score = doc.signals.get(SCORE_SIGNAL)
    if not isinstance(score, (int, float)):
        raise InputError(f"document {doc.id} has no {SCORE_SIGNAL}: score it first "
                         "(score_documents)")
    return float(score)


def _select(docs: Docs, stats: StageStats, min_score: float | None,
            top_fraction: float | None) -> Iterator[Document]:
    cutoff = None
    if top_fraction is not None:
        cutoff = top_fraction_cutoff(((_score_of(d), d.id) for d in _stream(docs)),
                                     top_fraction)
    for doc in _stream(docs):
        stats.count_in(doc.text)
        score = _score_of(doc)
        if min_score is not None and score < min_score:
            stats.reject(doc, REJECT_REASON, signal=SCORE_SIGNAL, value=score,
                         threshold=min_score, selection="min_model_score")
        elif cutoff is not None and (-score, doc.id) > (-cutoff[0], cutoff[1]):
            stats.reject(doc, REJECT_REASON, signal=SCORE_SIGNAL, value=score,
                         threshold=cutoff[0], selection=f"top_fraction {top_fraction}")
        else:
            yield stats.count_out(doc)


# --- the pipeline stage ----------------------------------------------------------------

def run_stage(layout, out_dir: Path, stats: StageStats, docs_path: Path) -> None:
    """The stage over a build's outputs (``langforge.build.Layout``): train on the
    positives against the identified web documents, score the deduplicated ones into
    ``docs_path`` (selecting when the config asks), or pass them on unscored, the
    stage ``skipped`` with the reason, when there are no positives."""
    from langforge import quality_report
    from langforge.storage import DOCS_NAME, count_docs, read_docs, write_docs, write_json

    qmc = layout.spec.language_config.quality_model
    dedup, translated = layout.dedup / DOCS_NAME, layout.translate / DOCS_NAME
    reason, positives = positives_plan(qmc, count_docs(translated))
    metrics = None
    if reason is None:
        pos = itertools.chain(
            read_docs(translated) if qmc.use_synthetic else (),
            (d for r in qmc.reference
             for d in reference_documents(r, qmc.reference_min_doc_chars)))
        neg = (d for i in range(layout.shard_count)
               for d in read_docs(layout.shard("identify", i) / DOCS_NAME))
        try:
            metrics = train_quality_model(pos, neg, out_dir / "model", qmc)
        except InputError as exc:  # too few documents on a side
            reason = str(exc)
    if metrics is None:
        stats.skip(reason, SKIP_HINT if reason.startswith("no positives") else None)
        write_docs(counted(read_docs(dedup), stats), docs_path)
        return
    stats.extra.update(stage_extra(metrics, positives))
    scored = out_dir / "scored.parquet"
    write_docs(score_documents(read_docs(dedup), QualityModel.load(out_dir / "model")),
               scored)
    write_json(out_dir / "score_report.json", quality_report.score_report(read_docs(scored)))
    write_docs(select_by_score(lambda: read_docs(scored), stats,
                               min_score=qmc.min_model_score, top_fraction=qmc.top_fraction),
               docs_path)
    scored.unlink()
