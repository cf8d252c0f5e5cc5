"""The published dataset: Parquet shards per split and a Hub dataset card.

Layout of ``out_dir`` (written as one atomic directory)::

    data/native-00000-of-00002-<content hash>.parquet      web documents
    data/synthetic-00000-of-00001-<content hash>.parquet   translated from English
    README.md                                              dataset card

Nothing else: rejected records, statistics and completion markers live elsewhere
in the build, so a generic Parquet glob or ``load_dataset(out_dir)`` sees only the
data. Each data file's name ends in a hash of its bytes, so a rebuild with other
data has other file names and ``datasets`` never serves a cached copy of the old
rows (its cache key includes the data file paths).

Each split holds ``config.dataset.shard_docs`` documents per shard, in input order.
A split with no documents has no files and is left out of the card's ``configs``:
``datasets`` refuses a declared split that has no rows ("corresponds to no data"),
so declaring it would make the whole dataset unloadable. Output bytes depend only
on the input documents, the config and the summary.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import urlsplit

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from langforge.config import LanguageConfig
from langforge.document import Document, StageStats, stable_id
from langforge.errors import FetchError, InputError
from langforge.languages import Language
from langforge.quality_report import SCORE_COLUMN_DOC, card_lines
from langforge.rehydrate import rehydration_card_lines
from langforge.storage import atomic_path, is_complete, link_or_copy

SPLITS = ("native", "synthetic")

#: Quality signals promoted to their own float column (null when a document lacks
#: one); every signal also stays in the ``signals`` JSON column.
MAIN_SIGNALS = ("word_count", "mean_word_length", "non_alpha_words_ratio", "stopword_count",
                "dup_line_frac", "line_punct_ratio", "quality_score")

#: Metadata keys promoted to columns; the rest of ``Document.metadata`` goes into
#: the ``provenance`` JSON column so nothing recorded upstream is lost.
_METADATA_COLUMNS = ("crawl", "warc_date", "dup_cluster_size")

# lid_scores, signals and provenance are JSON strings: their keys differ between
# documents, and a string column loads the same in every `datasets` / pandas version
# (a struct would need one fixed key set, a map type is not a `datasets` feature).
SCHEMA = pa.schema(
    [("text", pa.string()), ("id", pa.string()), ("url", pa.string()),
     ("source", pa.string()), ("crawl", pa.string()), ("warc_date", pa.string()),
     ("language", pa.string()), ("language_score", pa.float64()),
     ("lid_scores", pa.string())]
    + [(name, pa.float64()) for name in MAIN_SIGNALS]
    + [("signals", pa.string()), ("dup_cluster_size", pa.int64()), ("kind", pa.string()),
       ("provenance", pa.string())])

COLUMN_DOCS = {
    "text": "the document's main text (UTF-8)",
    "id": "stable document id (16 hex chars; derived from the WARC record or seed id)",
    "url": "source URL (null for synthetic documents)",
    "source": "where the document was read: `<WARC file name>@<byte offset>` or the seed file",
    "crawl": "Common Crawl crawl name, e.g. CC-MAIN-2020-34 (null if unknown)",
    "warc_date": "capture date from the WARC header (ISO 8601, null if unknown)",
    "language": "canonical language code (ISO 639-3 + script)",
    "language_score": "LID model probability of `language` (null for synthetic documents)",
    "lid_scores": "JSON object: the LID model's top labels and probabilities",
    **{name: f"quality signal `{name}` (float, null if not computed)" for name in MAIN_SIGNALS},
    "quality_score": SCORE_COLUMN_DOC,
    "signals": "JSON object: every quality signal computed for the document",
    "dup_cluster_size": "documents in this document's duplicate cluster before dedup",
    "kind": "`native` (web) or `synthetic` (machine-translated)",
    "provenance": "JSON object: remaining metadata; for synthetic documents the source id, "
                  "model, licence, decoding settings and output checks",
}

_SIZE_CATEGORIES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
                    (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M"),
                    (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B"),
                    (10_000_000_000, "1B<n<10B"), (100_000_000_000, "10B<n<100B"),
                    (1_000_000_000_000, "100B<n<1T"))
_ROW_BATCH = 1000
_TOP_DOMAINS = 10


def size_category(n_docs: int) -> str:
    """The Hub's ``size_categories`` value for a dataset of ``n_docs`` rows."""
    for limit, name in _SIZE_CATEGORIES:
        if n_docs < limit:
            return name
    return "n>1T"


def hub_language_code(lang: Language) -> str:
    """ISO 639-1 code when the language has one (a two-letter alias), else ISO 639-3."""
    two_letter = [a for a in lang.aliases if len(a) == 2 and a.isalpha()]
    return two_letter[0] if two_letter else lang.iso639_3


def url_domain(url: str | None) -> str | None:
    """The host name of ``url`` without a leading ``www.``, lower-cased."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _float_or_none(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def public_source(source: str) -> str:
    """Where a document was read, as a published row may say it: the WARC's file name
    (or a URL without credentials) and the byte offset, never a local absolute path."""
    from langforge.build import display_name

    where, sep, offset = (source or "").rpartition("@")
    if not sep or not offset.isdigit():
        return display_name(source) if source else source
    return f"{display_name(where)}@{offset}"


def dataset_row(doc: Document) -> dict[str, Any]:
    """The published row of a document (columns of ``SCHEMA``)."""
    meta = doc.metadata or {}
    cluster = meta.get("dup_cluster_size")
    row = {
        "text": doc.text, "id": doc.id, "url": doc.url or None,
        "source": public_source(doc.source),
        "crawl": meta.get("crawl") or None, "warc_date": meta.get("warc_date") or None,
        "language": doc.language, "language_score": _float_or_none(doc.language_score),
        "lid_scores": _json(doc.lid_scores or {}),
        "signals": _json(doc.signals or {}),
        "dup_cluster_size": int(cluster) if isinstance(cluster, (int, float)) else None,
        "kind": doc.kind,
        "provenance": _json({k: v for k, v in meta.items() if k not in _METADATA_COLUMNS}),
    }
    for name in MAIN_SIGNALS:
        row[name] = _float_or_none((doc.signals or {}).get(name))
    return row


class _SplitWriter:
    """Writes one split's rows into shards of ``shard_docs``, named once all are known."""

    def __init__(self, data_dir: Path, split: str, shard_docs: int):
        self.data_dir, self.split, self.shard_docs = data_dir, split, shard_docs
        self.parts: list[Path] = []
        self.docs = self.chars = 0
        self.domains: Counter = Counter()
        self.crawls: Counter = Counter()
        self.models: Counter = Counter()
        self._writer: pq.ParquetWriter | None = None
        self._in_shard = 0
        self._batch: list[dict[str, Any]] = []

    def add(self, doc: Document) -> None:
        if doc.kind != self.split:
            raise InputError(f"document {doc.id} has kind {doc.kind!r} but was given in the "
                             f"{self.split!r} split")
        if self._writer is None:
            part = self.data_dir / f".{self.split}-{len(self.parts):05d}.part"
            self.parts.append(part)
            self._writer = pq.ParquetWriter(part, SCHEMA, compression="zstd")
        self._batch.append(dataset_row(doc))
        self._in_shard += 1
        self.docs += 1
        self.chars += len(doc.text)
        domain = url_domain(doc.url)
        if domain:
            self.domains[domain] += 1
        if doc.metadata.get("crawl"):
            self.crawls[str(doc.metadata["crawl"])] += 1
        if self.split == "synthetic":
            self.models[(str(doc.metadata.get("model") or "unknown"),
                         str(doc.metadata.get("licence") or "unknown"))] += 1
        if len(self._batch) >= _ROW_BATCH:
            self._flush()
        if self._in_shard >= self.shard_docs:
            self._close_shard()

    def _flush(self) -> None:
        if self._batch and self._writer is not None:
            self._writer.write_table(pa.Table.from_pylist(self._batch, schema=SCHEMA))
            self._batch = []

    def _close_shard(self) -> None:
        self._flush()
        if self._writer is not None:
            self._writer.close()
        self._writer, self._in_shard = None, 0

    def finish(self) -> list[str]:
        """Close the last shard and give every shard its final name,
        ``<split>-NNNNN-of-MMMMM-<hash of its bytes>.parquet``."""
        self._close_shard()
        names = []
        for i, part in enumerate(self.parts):
            digest = _file_sha256(part)[:12]
            name = f"{self.split}-{i:05d}-of-{len(self.parts):05d}-{digest}.parquet"
            os.replace(part, self.data_dir / name)
            names.append(f"data/{name}")
        return names


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def unique_ids(docs: Iterable[Document], stats: StageStats | None = None) -> Iterator[Document]:
    """The documents with unique ids: a later document whose id was already seen (two
    shards holding one WARC-Record-ID; the reader already separates those within a
    shard) gets an id derived from its id and source, counted in
    ``stats.extra["duplicate_ids_renamed"]``. Deterministic for a given order."""
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            salt = 0
            new_id = stable_id(doc.id, doc.source or "")
            while new_id in seen:
                salt += 1
                new_id = stable_id(doc.id, doc.source or "", str(salt))
            doc.metadata["original_id"] = doc.id
            doc.id = new_id
            if stats is not None:
                stats.extra["duplicate_ids_renamed"] = \
                    stats.extra.get("duplicate_ids_renamed", 0) + 1
        seen.add(doc.id)
        yield doc


def _counted(docs: Iterable[Document], stats: StageStats | None) -> Iterator[Document]:
    for doc in docs:
        if stats is not None:
            stats.count_in(doc.text)
            stats.count_out(doc)
        yield doc


def write_data(native: Iterable[Document], synthetic: Iterable[Document], out_dir: Path,
               config: LanguageConfig, stats: StageStats | None = None) -> dict[str, Any]:
    """Stream both splits into Parquet shards under ``out_dir/data/`` (``out_dir`` must
    be a new directory the caller makes atomic).

    Returns what the card needs (``info``): ``{"splits": {split: documents},
    "characters": {split: chars}, "files": [relative paths], "top_domains":
    [[domain, documents], ...], "crawls": [[crawl, n]], "domains": [[domain, n]],
    "models": [[model, licence, n]]}``.

    Raises:
        InputError: a document's ``kind`` differs from the split it was given in.
    """
    data_dir = Path(out_dir) / "data"
    data_dir.mkdir(parents=True)
    writers = {split: _SplitWriter(data_dir, split, config.dataset.shard_docs)
               for split in SPLITS}
    for split, docs in zip(SPLITS, (native, synthetic)):
        for doc in _counted(docs, stats):
            writers[split].add(doc)
    files = [name for split in SPLITS for name in writers[split].finish()]
    native_writer = writers["native"]
    return {
        "splits": {split: w.docs for split, w in writers.items()},
        "characters": {split: w.chars for split, w in writers.items()},
        "files": files,
        "top_domains": [[d, n] for d, n in _top(native_writer.domains, _TOP_DOMAINS)],
        "crawls": [[c, n] for c, n in _top(native_writer.crawls, len(native_writer.crawls))],
        "domains": [[d, n] for d, n in _top(native_writer.domains, len(native_writer.domains))],
        "models": [[m, lic, n] for (m, lic), n in _top(writers["synthetic"].models,
                                                       len(writers["synthetic"].models))],
    }


def write_card(out_dir: Path, config: LanguageConfig, summary: dict[str, Any],
               info: dict[str, Any]) -> None:
    """Write the dataset card ``out_dir/README.md`` from ``write_data``'s ``info``."""
    card = render_card(config, summary, info, crawls=Counter(dict(info.get("crawls") or [])),
                       domains=Counter(dict(info.get("domains") or [])),
                       models=Counter({(m, lic): n for m, lic, n in info.get("models") or []}))
    (Path(out_dir) / "README.md").write_text(card, encoding="utf-8")


def write_dataset(native: Iterable[Document], synthetic: Iterable[Document], out_dir: Path,
                  config: LanguageConfig, summary: dict[str, Any],
                  stats: StageStats | None = None) -> dict[str, Any]:
    """Stream both splits into Parquet shards under ``out_dir`` and write its card.

    ``out_dir`` is built in a temporary sibling and renamed into place, replacing
    any previous content. Documents are written in the order given (sort upstream
    for a canonical order).

    Args:
        native: web documents (``kind == "native"``).
        synthetic: translated documents (``kind == "synthetic"``).
        out_dir: the dataset directory to create.
        config: the language's config (shard size, licence, thresholds for the card).
        summary: the run summary (stages, inputs, version) shown in the card.
        stats: if given, counts every document written (nothing is dropped here).

    Returns:
        ``write_data``'s ``info``; ``files`` includes ``README.md``.

    Raises:
        InputError: a document's ``kind`` differs from the split it was given in.
    """
    with atomic_path(Path(out_dir)) as tmp:
        tmp.mkdir(parents=True)
        info = write_data(native, synthetic, tmp, config, stats)
        write_card(tmp, config, summary, info)
    info["files"] = info["files"] + ["README.md"]
    return info


def publish_dataset(work_dir: Path, out_dir: Path, config: LanguageConfig,
                    summary: dict[str, Any], info: dict[str, Any]) -> None:
    """Make ``out_dir`` the publishable dataset: the data files ``write_data`` wrote
    under ``work_dir`` (hard-linked where the filesystem allows, else copied) and the
    card, nothing else; replaces ``out_dir`` atomically."""
    with atomic_path(Path(out_dir)) as tmp:
        (tmp / "data").mkdir(parents=True)
        for name in info["files"]:
            link_or_copy(Path(work_dir) / name, tmp / name)
        write_card(tmp, config, summary, info)


def _top(counter: Counter, n: int) -> list[tuple[Any, int]]:
    # Ties broken by key so the card is deterministic.
    return sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]


def _md_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def _card_header(config: LanguageConfig, result: dict[str, Any]) -> dict[str, Any]:
    """The card's YAML metadata, as huggingface_hub's ``DatasetCardData`` (the Hub's
    own model of it) writes it."""
    from huggingface_hub import DatasetCardData

    lang = config.lang
    other = config.dataset.license == "other"
    # Each split names its files, not a glob: the file names carry a hash of their
    # bytes, and `datasets` keys its cache on the patterns the card gives, so a
    # rebuild with other rows is never served from the cache of the old ones.
    splits = [{"split": split,
               "path": [f for f in result["files"] if f.startswith(f"data/{split}-")]}
              for split in SPLITS if result["splits"][split]]
    card_data = DatasetCardData(
        language=[hub_language_code(lang)], license=config.dataset.license,
        license_name=config.dataset.license_name if other else None,
        license_link=config.dataset.license_link if other else None,
        size_categories=[size_category(sum(result["splits"].values()))],
        task_categories=["text-generation"], pretty_name=f"langforge {lang.name} ({lang.code})",
        tags=["langforge", lang.code, "web", "pretraining"],
        configs=[{"config_name": "default", "data_files": splits}] if splits else None)
    return card_data.to_dict()


def _stage_rows(summary: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for name, stage in (summary.get("stages") or {}).items():
        dropped = ", ".join(f"{reason} {n:,}" for reason, n in
                            sorted((stage.get("dropped") or {}).items(), key=lambda kv: -kv[1]))
        note = stage.get("reason") or ""
        if stage.get("hint"):
            note += f" (fix: {_code_span(stage['hint'])})"
        rows.append([name, stage.get("status", "ok"), f"{stage.get('docs_in', 0):,}",
                     f"{stage.get('docs_out', 0):,}", f"{stage.get('chars_out', 0):,}",
                     dropped or "-", note or "-"])
    return rows


def _threshold_rows(config: LanguageConfig) -> list[list[Any]]:
    rows: list[list[Any]] = [["lid.model", config.lid.model],
                             ["lid.min_score", config.lid.min_score],
                             ["extract.min_text_chars", config.extract.min_text_chars]]
    for key, value in config.quality.model_dump().items():
        if key == "stopwords":
            value = ", ".join(value) if value else "-"
        rows.append([f"quality.{key}", "off" if value is None else value])
    rows.append(["dedup.exact", config.dedup.exact])
    return rows


def _synthetic_lines(summary: dict[str, Any], result: dict[str, Any],
                     models: Counter) -> list[str]:
    if result["splits"]["synthetic"]:
        lines = ["The synthetic split was machine-translated from English seed documents. "
                 "Its licence terms follow the translation model's:", ""]
        lines += _md_table(["model", "model licence", "documents"],
                           [[m, lic, f"{n:,}"] for (m, lic), n in _top(models, len(models))])
        return lines
    stage = (summary.get("stages") or {}).get("translate") or {}
    why = stage.get("reason") or "the translation stage produced no documents"
    line = f"No synthetic documents: {why}."
    if stage.get("hint"):
        line += f" To produce them: {_code_span(stage['hint'])}."
    return [line]


def _code_span(text: str) -> str:
    """``text`` as one Markdown code span, whatever backticks it holds (CommonMark:
    a fence longer than any run of backticks inside, padded with spaces)."""
    text = " ".join(str(text).split())
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if runs else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _input_line(item: Any) -> str:
    """An input as the card shows it: its name (a file name or a redacted URL, never a
    local path) and its fingerprint."""
    if isinstance(item, dict):
        return f"`{item.get('name')}` (fingerprint `{item.get('fingerprint')}`)"
    return f"`{item}`"


def render_card(config: LanguageConfig, summary: dict[str, Any], result: dict[str, Any],
                *, crawls: Counter, domains: Counter, models: Counter) -> str:
    """The dataset card (README.md): Hub YAML header, then the sections users need."""
    lang = config.lang
    header = yaml.safe_dump(_card_header(config, result), sort_keys=False, allow_unicode=True)
    n_native, n_synth = result["splits"]["native"], result["splits"]["synthetic"]
    final = summary.get("final") or {}
    out = ["---", header.rstrip(), "---", "",
           f"# langforge {lang.name} ({lang.code}) pre-training corpus", "",
           f"{n_native:,} web documents ({result['characters']['native']:,} characters) and "
           f"{n_synth:,} synthetic documents ({result['characters']['synthetic']:,} characters)"
           + (f"; {final['words']:,} words in all" if isinstance(final.get("words"), int) else "")
           + ".", "",
           "```python", "from datasets import load_dataset",
           "ds = load_dataset(\"<this repository or directory>\")", "```", "",
           "Splits: `native` (web text) and `synthetic` (machine-translated); a split with no "
           "documents is absent from the files and from `configs`.", "",
           "## Sources and crawls", ""]
    inputs = summary.get("inputs") or {}
    for warc in inputs.get("warcs") or []:
        out.append(f"- WARC: {_input_line(warc)}")
    if inputs.get("selection"):
        out.append(f"- index selection: {_input_line(inputs['selection'])}")
    if inputs.get("seed") and n_synth:
        out.append(f"- English seed for translation: {_input_line(inputs['seed'])}")
    for crawl, n in _top(crawls, len(crawls)):
        out.append(f"- crawl {crawl}: {n:,} documents")
    if not inputs and not crawls:
        out.append("- (no inputs recorded)")
    out += ["", "## Pipeline", "",
            f"Built with langforge {summary.get('langforge_version', '?')}, config digest "
            f"`{summary.get('config_digest') or config.digest()}`.", ""]
    out += _md_table(["stage", "status", "docs in", "docs out", "chars out", "dropped (reason n)",
                      "note"], _stage_rows(summary))
    if summary.get("failed_shards"):
        out += ["", "Failed shards (their documents are missing): "
                + ", ".join(f"`{s}`" for s in summary["failed_shards"])]
    out += ["", "## Filter thresholds", "",
            "A threshold shown as `off` was not applied.", ""]
    out += _md_table(["setting", "value"], _threshold_rows(config))
    out += ["", "Where the numbers come from:", ""]
    out += [f"- {key}: {value}" for key, value in sorted(config.provenance.items())] or ["- -"]
    stage = (summary.get("stages") or {}).get("quality_model") or {}
    out += ["", "## Quality classifier", ""]
    out += card_lines(result.get("quality_model"), config.quality_model,
                      skipped=stage.get("reason") if stage.get("status") == "skipped" else None)
    if result.get("rehydrate") or config.quality_model.rehydrate:
        out += ["", "## Rehydration", ""] + rehydration_card_lines(result.get("rehydrate"))
    out += ["", "## Columns", ""]
    out += _md_table(["column", "type", "meaning"],
                     [[f"`{f.name}`", str(f.type), COLUMN_DOCS[f.name]] for f in SCHEMA])
    out += ["", "## Known limitations", ""]
    out += _limitations(config, domains, n_native)
    out += ["", "## Licences and synthetic data", "",
            f"Dataset licence: `{config.dataset.license}`. Web text remains subject to its "
            "authors' rights and the Common Crawl terms of use.", ""]
    out += _synthetic_lines(summary, result, models)
    return "\n".join(out) + "\n"


def _limitations(config: LanguageConfig, domains: Counter, n_native: int) -> list[str]:
    lang = config.lang
    model = config.lid.model
    try:
        label = lang.label(model)
    except KeyError:
        label = None
    lid_line = (f"- Language identification used `{model}`"
                + (f" (label `{label}`)" if label else " (which has no label for this language)")
                + f" with a minimum score of {config.lid.min_score}. Short documents and "
                  "closely related varieties the model does not know are the usual errors.")
    lines = [lid_line,
             "- Quality filters are heuristics (FineWeb-2 style); they keep some boilerplate "
             "and drop some good short text."]
    if n_native and domains:
        top = _top(domains, 5)
        share = sum(n for _, n in top) / n_native
        lines.append(f"- Domain skew: the top {len(top)} domains hold {share:.1%} of the web "
                     "documents (" + ", ".join(f"{d} {n / n_native:.1%}" for d, n in top) + ").")
    elif n_native:
        lines.append("- Domain skew: no document carries a URL, so domain shares are unknown.")
    else:
        lines.append("- The web split is empty.")
    lines.append("- Synthetic documents are machine translations: expect translationese and "
                 "errors the output checks did not catch.")
    return lines


def push_to_hub(out_dir: Path, repo_id: str, token: str | None = None,
                private: bool = False) -> str:
    """Upload a finished dataset directory to the Hugging Face Hub as a dataset repo.

    Only called when the user asks for it; nothing in the pipeline uploads.

    Returns:
        The URL of the commit.

    Raises:
        InputError: ``out_dir`` is not a finished dataset (no ``_SUCCESS`` or card).
        FetchError: offline mode is on, or the Hub could not be reached or refused.
    """
    out_dir = Path(out_dir)
    if not is_complete(out_dir) or not (out_dir / "README.md").is_file():
        raise InputError(f"{out_dir} is not a finished dataset (needs README.md and _SUCCESS); "
                         "run the pipeline to the end first")
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        raise FetchError("cannot push to the Hub: offline mode is on (HF_HUB_OFFLINE); unset it "
                         "and log in with `huggingface-cli login` or pass a token")
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError

    # The HTTP client under huggingface_hub changed between releases (requests,
    # httpx); its error base class is HfHubHTTPError's base, so take it from there.
    network_errors = (HfHubHTTPError, OSError, *HfHubHTTPError.__bases__)
    api = HfApi(token=token)
    try:
        api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        info = api.upload_folder(folder_path=str(out_dir), repo_id=repo_id, repo_type="dataset",
                                 ignore_patterns=["_SUCCESS", ".tmp-*", "**/.*"],
                                 commit_message="Upload langforge dataset")
    except network_errors as exc:
        raise FetchError(f"cannot push {out_dir} to {repo_id}: {exc}") from exc
    return str(getattr(info, "commit_url", info))
