"""The translation stage: English seed documents to a synthetic corpus with CTranslate2.

``translation_plan`` decides before any work whether the stage can run (a model
is configured, known, supports the language and is on disk) and otherwise says
why and which command fixes it. ``translate_documents`` splits each document into
sentences (keeping its layout), translates them in token-based batches with
``translate_iterable``, reassembles, checks every sentence and yields synthetic
documents with their provenance. What happens to a document with a failing
sentence is ``on_failure``: ``drop`` it under the check's name, ``keep`` it with
the record, or ``repair`` it: each failing sentence is translated once more with
safer decoding (wider beam, repetition penalty, no repeated n-grams, a tighter
length cap) and checked again; the document is kept when every sentence then
passes (``metadata.checks.repaired`` says which and how), dropped otherwise.
"""

from __future__ import annotations

import importlib.util
import math
import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

from langforge.document import Document, StageStats, stable_id
from langforge.storage import read_json, write_docs, write_json
from langforge.errors import ConfigError
from langforge.languages import Language, get_language
from langforge.mt_models import (MODELS, MTModel, MTTokenizer, check_language_support, get_model,
                                 model_for, models_dir, resolve_model)
from langforge.translate.checks import REASONS, CheckThresholds, TranslationChecker, summarize
from langforge.translate.layout import Layout, sentence_splitter, split_document
from langforge.translate.normalize import source_normalizer, target_normalizer
from langforge.translate.seed import SeedChunk

ON_FAILURE = ("drop", "keep", "repair")


@dataclass(frozen=True)
class TranslateSettings:
    """Stage settings beyond ``TranslateConfig``; ``from_config`` takes any field of the
    same name the config section has."""

    max_batch_tokens: int = 2048  # CTranslate2 batch size in source tokens
    # Tokens read ahead per translate_iterable call: CTranslate2 sorts them by length
    # into batches, and max_decoding_length is sized from the longest of them.
    window_tokens: int = 32_768
    max_source_tokens: int = 256  # NLLB was trained on inputs of at most 512 tokens
    max_decoding_ratio: float = 3.0  # target tokens allowed per source token
    max_decoding_tokens: int = 512
    on_failure: str = "drop"  # "keep": record failing checks, drop nothing; "repair": see module
    # Decoding of the one repair attempt. Loops and dropped or copied content are the
    # usual failures of a small beam (NLLB: fairseq 4639, 5108), so widen the beam,
    # penalise tokens already produced, forbid a repeated 3-gram of pieces, and cap
    # the length tighter so a loop that still gets through stops sooner.
    repair_beam_size: int = 4
    repair_repetition_penalty: float = 1.2
    repair_no_repeat_ngram_size: int = 3
    repair_max_decoding_ratio: float = 2.0
    # Moses punctuation normalisation of each source sentence before tokenizing and of
    # each output sentence, as the NLLB / fairseq pipelines do (normalize.py).
    punct_normalization: bool = True
    checks: CheckThresholds = field(default_factory=CheckThresholds)

    def __post_init__(self):
        if self.on_failure not in ON_FAILURE:
            raise ConfigError(f"translate.on_failure: {self.on_failure!r} is not one of "
                              f"{', '.join(ON_FAILURE)}")
        for name in ("max_batch_tokens", "window_tokens", "max_source_tokens",
                     "max_decoding_tokens", "repair_beam_size"):
            if getattr(self, name) < 1:
                raise ConfigError(f"translate.{name}: must be at least 1")
        if self.repair_repetition_penalty < 1 or self.repair_no_repeat_ngram_size < 0:
            raise ConfigError("translate.repair_repetition_penalty must be at least 1 and "
                              "translate.repair_no_repeat_ngram_size at least 0")

    @classmethod
    def from_config(cls, config: Any) -> "TranslateSettings":
        present = getattr(type(config), "model_fields", None) or {}
        names = {f.name for f in fields(cls)} - {"checks"}
        return cls(**{n: getattr(config, n) for n in present if n in names},
                   checks=CheckThresholds.from_config(config))


@dataclass(frozen=True)
class TranslationPlan:
    """Whether the stage can run: ``ready`` with a model, or ``skipped`` with why."""

    status: str
    model_path: Path | None = None
    model: MTModel | None = None
    reason: str | None = None
    hint: str | None = None

    @property
    def skipped(self) -> bool:
        return self.status == "skipped"

    @classmethod
    def ready(cls, path: Path, model: MTModel) -> "TranslationPlan":
        return cls("ready", model_path=Path(path), model=model)

    @classmethod
    def skip(cls, reason: str, hint: str | None) -> "TranslationPlan":
        return cls("skipped", reason=reason, hint=hint)


#: What translating needs beyond the core install: ``pip install 'langforge[translate]'``.
_TRANSLATE_PACKAGES = ("ctranslate2", "sacremoses")


def translation_plan(config: Any, target: Language,
                     directory: Path | None = None) -> TranslationPlan:
    """Decide before any work whether translation into ``target`` can run.

    Raises:
        ConfigError: unknown model name, a model without the language (never a
            silent fallback), or a directory that is not a CTranslate2 model.
    """
    name = config.model.strip()
    source = get_language(config.source_language)
    example = next(iter(MODELS))
    if not name:
        return TranslationPlan.skip(
            "no translation model configured (translate.model is empty)",
            f"run `make models MT={example}` (`langforge models fetch --mt {example}`), then "
            f"build with a --config file holding [translate] model = \"{example}\"")
    directory = directory or models_dir()
    if name in MODELS:
        check_language_support(MODELS[name], target, source)
        path = resolve_model(name, directory)
        if path is None:
            return TranslationPlan.skip(f"model {name} not found in {directory}/",
                                        f"make models MT={name}")
        return _ready(path, MODELS[name])
    path = Path(name).expanduser()
    if not path.exists():
        if os.sep not in name and "/" not in name:
            get_model(name)  # raises ConfigError listing the known names
        return TranslationPlan.skip(f"model directory {path} not found",
                                    f"convert a model into it, or use `make models MT={example}`")
    if resolve_model(path) is None:
        raise ConfigError(f"translate.model: {path} is not a CTranslate2 model directory "
                          "(model.bin and its SentencePiece model)")
    model = model_for(name, path)
    check_language_support(model, target, source)
    return _ready(path, model)


def _ready(path: Path, model: MTModel) -> TranslationPlan:
    """Ready, or skipped when the packages translating needs are not installed."""
    missing = [package for package in _TRANSLATE_PACKAGES
               if importlib.util.find_spec(package) is None]
    if missing:
        return TranslationPlan.skip(
            f"{' and '.join(missing)} not installed (the translate extra), needed to run "
            f"{model.name}",
            "pip install 'langforge[translate]' (`make install` installs the core only)")
    return TranslationPlan.ready(path, model)


def _target_splitter(target: Language):
    try:
        return sentence_splitter(target)
    except ConfigError:
        # pysbd has no rules for most low-resource languages; English rules find the
        # terminal punctuation that Latin-script languages share.
        return sentence_splitter(get_language("eng_Latn"))


class _Engine:
    """The loaded pieces of one translation run: tokenizer, translator, checker."""

    def __init__(self, plan: TranslationPlan, source: Language, target: Language, config: Any,
                 settings: TranslateSettings, translator: Any = None, lid: Any = None):
        self.plan, self.config, self.settings = plan, config, settings
        self.tokenizer = MTTokenizer(plan.model, plan.model_path, source, target)
        self._translator = translator
        self.split_source = sentence_splitter(source)
        self.checker = TranslationChecker(target, settings.checks, self.split_source,
                                          _target_splitter(target), lid=lid)
        self.normalize_source = self.normalize_target = None
        if settings.punct_normalization:
            self.normalize_source = source_normalizer(source)
            self.normalize_target = target_normalizer(target)

    @property
    def translator(self):
        if self._translator is None:
            import ctranslate2

            self._translator = ctranslate2.Translator(
                str(self.plan.model_path), device="auto", compute_type=self.config.compute_type,
                inter_threads=self.config.inter_threads, intra_threads=self.config.intra_threads)
        return self._translator

    def layout(self, text: str) -> Layout:
        """The document's layout, its sentences normalised for the model."""
        layout = split_document(text, self.split_source)
        if self.normalize_source:
            layout.sentences[:] = [self.normalize_source(s) for s in layout.sentences]
        return layout

    def max_decoding_length(self, tokens: list[list[str]], ratio: float | None = None) -> int:
        longest = max((len(t) for t in tokens), default=1)
        ratio = self.settings.max_decoding_ratio if ratio is None else ratio
        return min(self.settings.max_decoding_tokens, math.ceil(ratio * longest) + 10)

    def length_groups(self, tokens: list[list[str]]) -> list[list[int]]:
        """Indices of ``tokens`` grouped by length (each group within a factor of
        ~1.5), so each group's max_decoding_length is sized from inputs like its own
        and a looping short sentence stops early."""
        groups: dict[int, list[int]] = {}
        for i, t in enumerate(tokens):
            groups.setdefault(int(math.log(max(len(t), 4), 1.5)), []).append(i)
        return [groups[key] for key in sorted(groups)]

    def decoding(self) -> dict[str, Any]:
        return {"beam_size": self.config.beam_size, "compute_type": self.config.compute_type,
                "batch_type": "tokens", "max_batch_size": self.settings.max_batch_tokens,
                "max_decoding_ratio": self.settings.max_decoding_ratio,
                "max_decoding_tokens": self.settings.max_decoding_tokens,
                "punct_normalization": "moses" if self.settings.punct_normalization else None}

    def repair_decoding(self) -> dict[str, Any]:
        """The decoding of a repair attempt (recorded on repaired documents)."""
        s = self.settings
        return {"beam_size": s.repair_beam_size, "repetition_penalty": s.repair_repetition_penalty,
                "no_repeat_ngram_size": s.repair_no_repeat_ngram_size,
                "max_decoding_ratio": s.repair_max_decoding_ratio}

    def translate(self, tokens: list[list[str]], repair: bool = False
                  ) -> list[tuple[str, float | None, int, bool]]:
        """(text, mean log-probability, output tokens, hit the length limit) for each
        tokenized sentence, in order; ``repair``: with ``repair_decoding()``."""
        prefix = self.tokenizer.target_prefix()
        options: dict[str, Any] = {"beam_size": self.config.beam_size}
        ratio = None
        if repair:
            options = self.repair_decoding()
            ratio = options.pop("max_decoding_ratio")
        out: list[Any] = [None] * len(tokens)
        for group in self.length_groups(tokens):
            source = [tokens[i] for i in group]
            max_length = self.max_decoding_length(source, ratio)
            results = self.translator.translate_iterable(
                iter(source), target_prefix=iter([prefix] * len(source)) if prefix else None,
                max_batch_size=self.settings.max_batch_tokens, batch_type="tokens",
                max_decoding_length=max_length, return_scores=True, **options)
            for i, result in zip(group, results):
                hypothesis = result.hypotheses[0]
                # CTranslate2's score is the log-probability normalised by length.
                score = result.scores[0] if result.scores else None
                text = self.tokenizer.decode(hypothesis)
                if self.normalize_target:
                    text = self.normalize_target(text)
                out[i] = (text, score, len(hypothesis), len(hypothesis) >= max_length)
        return out


def translate_documents(docs: Iterable[Document], target: Language, config: Any,
                        stats: StageStats, plan: TranslationPlan | None = None,
                        translator: Any = None, settings: TranslateSettings | None = None,
                        lid: Any = None, engine: _Engine | None = None) -> Iterator[Document]:
    """Translate English documents into ``target``; yield the synthetic documents.

    Args:
        docs: source documents (``load_seed``).
        config: the language's ``TranslateConfig``.
        plan: ``translation_plan(config, target)`` when the caller made it already;
            a skipped plan marks ``stats`` skipped (reason, hint) and yields nothing.
        translator: a loaded ``ctranslate2.Translator`` (or an object with the same
            ``translate_iterable``); None loads the plan's model on first use.
        settings: batch sizes and check thresholds; None takes them from ``config``.
        lid: the LID model for the output-language check (None: lid.176).
    """
    plan = plan or translation_plan(config, target)
    if plan.skipped:
        stats.skip(plan.reason, plan.hint)
        return
    settings = settings or TranslateSettings.from_config(config)
    source = get_language(config.source_language)
    engine = engine or _Engine(plan, source, target, config, settings, translator, lid)
    stats.extra.setdefault("model", plan.model.name)
    stats.extra.setdefault("licence", plan.model.licence)
    pending: list[tuple[Document, Layout, list[list[str]]]] = []
    pending_tokens = 0
    for doc in docs:
        stats.count_in(doc.text)
        layout = engine.layout(doc.text)
        if not layout.sentences:
            stats.reject(doc, "mt_nothing_to_translate")
            continue
        tokens = engine.tokenizer.encode(layout.sentences)
        longest = max(len(t) for t in tokens)
        if longest > settings.max_source_tokens:
            stats.reject(doc, "mt_source_too_long", source_tokens=longest,
                         max_source_tokens=settings.max_source_tokens)
            continue
        pending.append((doc, layout, tokens))
        pending_tokens += sum(len(t) for t in tokens)
        if pending_tokens >= settings.window_tokens:
            yield from _finish(pending, engine, plan, target, settings, stats)
            pending, pending_tokens = [], 0
    yield from _finish(pending, engine, plan, target, settings, stats)


@dataclass
class _Checked:
    """One translated document and the checks on its sentences."""

    doc: Document
    layout: Layout
    tokens: list[list[str]]
    outputs: list[str]
    signals: list[dict[str, Any]]
    failures: list[list[str]]
    repairs: list[dict[str, Any]] = field(default_factory=list)


def _check(engine: _Engine, sources: list[str],
           translated: list[tuple[str, float | None, int, bool]]
           ) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """Signals and failed checks of each (source, translation) pair."""
    signals = engine.checker.score(sources, [t[0] for t in translated],
                                   [t[1] for t in translated])
    for sig, (_, _, _, hit) in zip(signals, translated):
        if hit:
            sig["hit_max_length"] = 1
    return signals, [engine.checker.decide(sig) for sig in signals]


def _repair(checked: list[_Checked], engine: _Engine, stats: StageStats) -> None:
    """Translate every failing sentence of ``checked`` once more with the repair
    decoding (one batch for all), check again, and update the documents in place."""
    todo = [(item, j) for item in checked for j, f in enumerate(item.failures) if f]
    if not todo:
        return
    translated = engine.translate([item.tokens[j] for item, j in todo], repair=True)
    stats.extra["mt_repair_attempted_sentences"] += len(todo)
    stats.extra["repair_target_tokens"] = (stats.extra.get("repair_target_tokens", 0)
                                           + sum(t[2] for t in translated))
    signals, failures = _check(engine, [item.layout.sentences[j] for item, j in todo], translated)
    for (item, j), result, sig, failed in zip(todo, translated, signals, failures):
        item.repairs.append({"sentence": j, "failed": item.failures[j], "first_output":
                             item.outputs[j], "still_failed": failed})
        item.outputs[j], item.signals[j], item.failures[j] = result[0], sig, failed


def _finish(pending: list[tuple[Document, Layout, list[list[str]]]], engine: _Engine,
            plan: TranslationPlan, target: Language, settings: TranslateSettings,
            stats: StageStats) -> Iterator[Document]:
    """Translate the sentences of ``pending`` in one stream, then check and yield each."""
    flat = [t for _, _, tokens in pending for t in tokens]
    translated = engine.translate(flat)
    stats.extra["sentences"] = stats.extra.get("sentences", 0) + len(flat)
    stats.extra["source_tokens"] = stats.extra.get("source_tokens", 0) + sum(map(len, flat))
    stats.extra["target_tokens"] = (stats.extra.get("target_tokens", 0)
                                    + sum(t[2] for t in translated))
    checked, start = [], 0
    for doc, layout, tokens in pending:
        part = translated[start:start + len(tokens)]
        start += len(tokens)
        signals, failures = _check(engine, layout.sentences, part)
        checked.append(_Checked(doc, layout, tokens, [t[0] for t in part], signals, failures))
    if settings.on_failure == "repair":
        for key in ("mt_repair_attempted_sentences", "mt_repaired_sentences",
                    "mt_repaired_documents"):
            stats.extra.setdefault(key, 0)
        _repair(checked, engine, stats)
    decoding = engine.decoding()
    for item in checked:
        doc, failures = item.doc, item.failures
        failed = {reason for f in failures for reason in f}
        if failed and settings.on_failure != "keep":
            reason = next(r for r in REASONS if r in failed)
            index = next(i for i, f in enumerate(failures) if reason in f)
            detail = {"sentence": index, "source_sentence": item.layout.sentences[index],
                      "output_sentence": item.outputs[index], "check_signals": item.signals[index],
                      "failed": sorted(failed)}
            if item.repairs:
                # the first outputs too: the rejected record is where a failed repair
                # is studied
                detail["repair"] = {"decoding": engine.repair_decoding(),
                                    "sentences": item.repairs}
            stats.reject(doc, reason, **detail)
            continue
        checks = summarize(item.signals, failures)
        if item.repairs:
            # Which sentences were redone, why and how; not the first outputs, which
            # would put text known to be bad into the dataset's metadata.
            checks["repaired"] = [{"sentence": r["sentence"], "failed": r["failed"]}
                                  for r in item.repairs]
            checks["repair_decoding"] = engine.repair_decoding()
            stats.extra["mt_repaired_sentences"] += len(item.repairs)
            stats.extra["mt_repaired_documents"] += 1
        model = plan.model
        yield stats.count_out(Document(
            id=stable_id("synthetic", model.name, doc.id),
            text=item.layout.reassemble(item.outputs),
            url=doc.url, source=f"translate:{model.name}", kind="synthetic",
            language=target.code,
            metadata={"source_id": doc.id, "source_url": doc.url, "model": model.name,
                      "model_repo": model.repo, "licence": model.licence,
                      "decoding": decoding, "checks": checks}))


def with_settings(settings: TranslateSettings, **changes: Any) -> TranslateSettings:
    """A copy of ``settings`` with some fields (or check thresholds) changed."""
    check_names = {f.name for f in fields(CheckThresholds)}
    checks = {k: v for k, v in changes.items() if k in check_names}
    rest = {k: v for k, v in changes.items() if k not in check_names}
    return replace(settings, checks=replace(settings.checks, **checks), **rest)


def translate_chunks(chunks: Iterable[SeedChunk], out_dir: Path, target: Language, config: Any,
                     stats: StageStats, plan: TranslationPlan | None = None,
                     settings: TranslateSettings | None = None, translator: Any = None,
                     lid: Any = None) -> list[Path]:
    """Translate ``chunk_seed`` chunks into ``out_dir/<chunk>.parquet``, resumably.

    A chunk is finished when its Parquet file and its ``.stats.json`` both exist
    (each written atomically, stats last); a finished chunk is not translated again,
    its counts are read back into ``stats``. So a killed run, run again, redoes only
    the unfinished chunks and never duplicates a document. Returns the chunk files.
    """
    plan = plan or translation_plan(config, target)
    out_dir = Path(out_dir)
    if plan.skipped:
        stats.skip(plan.reason, plan.hint)
        return []
    settings = settings or TranslateSettings.from_config(config)
    engine: _Engine | None = None
    paths = []
    for chunk in chunks:
        path, stats_path = out_dir / f"{chunk.name}.parquet", out_dir / f"{chunk.name}.stats.json"
        if not (path.is_file() and stats_path.is_file()):
            if engine is None:
                engine = _Engine(plan, get_language(config.source_language), target, config,
                                 settings, translator, lid)
            chunk_stats = StageStats(stats.stage, on_reject=stats.on_reject)
            write_docs(translate_documents(chunk.docs, target, config, chunk_stats, plan=plan,
                                           settings=settings, engine=engine), path)
            write_json(stats_path, chunk_stats.to_dict())
        stats.merge(StageStats.from_dict(read_json(stats_path)))
        paths.append(path)
    return paths
