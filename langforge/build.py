"""One build, described once: its inputs, its config, and what each output is keyed by.

A ``BuildSpec`` holds everything a language build reads: the WARC files (or an
index selection) with the identity of each file, the English seed, and the
effective config (the shipped language config plus the user's ``--config``
deltas). It is written once to ``<build_dir>/<language>/builds/<build_id>.json``,
and every Luigi task of the build takes only ``build_id`` (and a shard or chunk
number): the scheduler shows short parameters, and nothing is threaded through
the graph.

Each stage's output directory is named by a fingerprint of what it was built
from (``Fingerprints``): the fingerprints of its upstream stages (or the identity
of its input files), the config sections it reads, and the source code of the
modules that do its work. Other WARCs rerun everything from extraction; other
quality thresholds rerun quality and what follows; other vocabulary settings
rerun only the tokenizer; an unchanged rerun finds every output in place. An
output of an earlier configuration sits under another name and is never read
(``stale_outputs`` lists them for ``langforge clean --stale``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path, PurePosixPath
from typing import Any, Iterable
from urllib.parse import urlsplit

from langforge import __version__
from langforge.config import LanguageConfig, resources_dir
from langforge.errors import ConfigError

#: Config keys each stage reads ("section" or "section.key"); a change reruns it.
STAGE_CONFIG: dict[str, tuple[str, ...]] = {
    "fetch": (),
    "extract": ("extract", "prefilter", "lid.model", "lid.wordlist", "lid.min_wordlist_frac"),
    "identify": ("lid", "plugin"),
    "quality": ("quality", "plugin"),
    "dedup": ("dedup", "quality.word_splitter", "plugin"),
    # the sharded dedup's steps (``pipelines.dedup``): each reads only what decides it
    "dedup_keys": (),
    "dedup_exact": (),
    "dedup_signatures": ("dedup.exact", "dedup.near_ngram_words", "dedup.near_bands",
                         "dedup.near_rows", "quality.word_splitter", "plugin"),
    "dedup_buckets": (),
    "dedup_clusters": (),
    "dedup_shard": ("dedup.exact", "dedup.near"),
    "translate": ("translate",),
    "quality_model": ("quality_model",),
    "dataset": ("dataset", "quality_model.rehydrate"),
    "tokenizer": ("vocab",),
}

#: Source files (relative to the ``langforge`` package) whose code decides each
#: stage's output; editing them reruns the stage.
STAGE_CODE: dict[str, tuple[str, ...]] = {
    "fetch": ("sources/*.py",),
    "extract": ("extract.py", "prefilter.py", "parallel.py", "sources/warc.py", "document.py",
                "text.py"),
    "identify": ("langid.py", "lid*.py", "text.py"),
    "quality": ("filters/*.py", "text.py"),
    "dedup": ("dedup.py", "dedup_sharded.py", "text.py"),
    "dedup_keys": ("dedup.py", "dedup_sharded.py"),
    "dedup_exact": ("dedup.py", "dedup_sharded.py"),
    "dedup_signatures": ("dedup.py", "dedup_sharded.py", "text.py"),
    "dedup_buckets": ("dedup.py", "dedup_sharded.py"),
    "dedup_clusters": ("dedup.py", "dedup_sharded.py"),
    "dedup_shard": ("dedup.py", "dedup_sharded.py"),
    "translate": ("translate/*.py", "mt_models.py"),
    "quality_model": ("quality_model.py", "quality_report.py"),
    "dataset": ("dataset.py", "storage.py", "rehydrate.py"),
    "tokenizer": ("vocab/*.py", "corpus.py"),
    # the published files: summary, card, report
    "publish": ("publish.py", "summary.py", "dataset.py", "quality_report.py", "rehydrate.py",
                "report/*.py", "templates/*"),
}

_PACKAGE = Path(__file__).resolve().parent


def _digest(*parts: Any) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


@lru_cache(maxsize=None)
def code_version(stage: str) -> str:
    """A hash of the langforge version and the source of the stage's modules."""
    h = hashlib.sha256(__version__.encode())
    for pattern in STAGE_CODE[stage]:
        for path in sorted(_PACKAGE.glob(pattern)):
            h.update(str(path.relative_to(_PACKAGE)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def config_part(config: LanguageConfig, keys: Iterable[str],
                digests: dict[str, str | None] | None = None) -> dict[str, Any]:
    """The values of ``keys`` ("section" or "section.key") of the config, as JSON data.
    Files a section names (the LID word lists) count by their content (``digests``,
    taken when the build was described, else now)."""
    data = config.model_dump(mode="json")
    part: dict[str, Any] = {"language": config.language}
    for key in keys:
        section, _, name = key.partition(".")
        value = data.get(section)
        part[key] = value.get(name) if name and isinstance(value, dict) else value
    # Files a section names (the LID word lists) count by their content.
    files = sorted(set(_file_values(part)))
    if files:
        digests = digests or {}
        part["file_contents"] = {name: digests[name] if name in digests
                                 else file_digest(_config_file(name)) for name in files}
    return part


def config_files(config: LanguageConfig) -> dict[str, str | None]:
    """The content hash of every file the config names (word lists)."""
    names = sorted(set(_file_values(config.model_dump(mode="json"))))
    return {name: file_digest(_config_file(name)) for name in names}


def _file_values(value: Any) -> Iterable[str]:
    """String values that name a word list or other text file (``*.txt``)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _file_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _file_values(item)
    elif isinstance(value, str) and value.endswith(".txt"):
        yield value


def _config_file(name: str) -> Path:
    from langforge.config import config_dir

    path = Path(name)
    return path if path.is_absolute() else config_dir() / path


def file_digest(path: str | os.PathLike) -> str | None:
    """SHA-256 of a (small) file's bytes (a local path or a store object), or None when
    it is missing."""
    from langforge.store import open_input

    try:
        with open_input(str(path)) as handle:
            return hashlib.sha256(handle.read()).hexdigest()[:16]
    except OSError:
        return None


# -- secrets -----------------------------------------------------------------------------

#: Real URLs of this process, by the redacted form stored in specs (see ``conceal``).
_SECRET_URLS: dict[str, str] = {}


def conceal(location: str) -> str:
    """``location`` as a spec, a task parameter or any file may hold it: a URL without
    its password or signed query values. The real URL stays in this process's memory
    (``reveal``); a worker on another machine registers it by being started with the
    same arguments."""
    if "://" not in location:
        return location
    from langforge.sources.http import redact_url

    shown = redact_url(location)
    if shown != location:
        _SECRET_URLS[shown] = location
    return shown


def reveal(location: str) -> str:
    """The real URL of a concealed one (itself when nothing was concealed)."""
    return _SECRET_URLS.get(location, location)


# -- inputs ------------------------------------------------------------------------------

def is_remote(item: str) -> bool:
    """A URL, or a Common Crawl path (``crawl-data/...``) resolved against a base URL."""
    return "://" in item or item.startswith("crawl-data/")


@dataclass(frozen=True)
class InputFile:
    """A file the build reads, and its identity: for a local file its size and
    modification time (a changed file is another input), for an object on a store
    its size and version, for a remote one its URL (Common Crawl files never change)."""

    location: str
    size: int | None = None
    mtime_ns: int | None = None
    content: str | None = None  # a hash of the bytes, for small files read whole

    @classmethod
    def of(cls, location: str) -> "InputFile":
        from langforge.store import is_store_url, store_identity

        if is_store_url(location):  # an object: its size and version (ETag)
            return cls(location, **store_identity(reveal(location)))
        if is_remote(location):
            return cls(location)
        try:
            st = os.stat(location)
        except OSError:
            return cls(location)
        if _is_shipped(location):  # its bytes decide: every install agrees on the build id
            return cls(location, st.st_size, None, file_digest(Path(location)))
        return cls(location, st.st_size, st.st_mtime_ns)

    @property
    def fingerprint(self) -> str:
        if self.content:  # the bytes decide, wherever the file sits
            return _digest(self.content)
        return _digest(self.location, self.size, self.mtime_ns)

    @property
    def name(self) -> str:
        """What to show a reader (summary, card): a local file's name, a remote file's
        redacted URL; never a local absolute path."""
        return display_name(self.location)


def _is_shipped(location: str) -> bool:
    """A file of the installed package's resources (pip sets its mtime to install time)."""
    try:
        return Path(location).resolve().is_relative_to(resources_dir().resolve())
    except (OSError, ValueError):
        return False


def display_name(location: str) -> str:
    """A file name for a local path, a redacted URL (no userinfo, no query) for a
    remote one, a Common Crawl path as it is."""
    if location.startswith("crawl-data/"):
        return location
    if "://" in location:
        parts = urlsplit(location)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return f"{parts.scheme}://{host}{parts.path}"
    return PurePosixPath(location).name or location


@dataclass
class BuildSpec:
    """Everything one language build reads. ``build_id`` hashes all of it."""

    language: str
    config: dict[str, Any]
    warcs: list[str] = field(default_factory=list)
    selection: str = ""
    files_per_shard: int = 1
    records_per_shard: int = 1000
    crawl: str = ""
    base_url: str = ""
    stream: bool = False
    seed: str = ""
    config_file: str = ""
    inputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    config_files: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def create(cls, config: LanguageConfig, *, warcs: Iterable[str] = (), selection: str = "",
               seed: str = "", config_file: str = "", **source: Any) -> "BuildSpec":
        """A spec for ``config`` over these inputs, with each input's identity taken now."""
        warcs = sorted({conceal(w) for w in warcs})
        if config.quality_model.reference:  # reference text: an input, by absolute path
            config = config.model_copy(update={"quality_model": config.quality_model.model_copy(
                update={"reference": [r.model_copy(update={"path": str(Path(r.path).resolve())})
                                      for r in config.quality_model.reference]})})
        if source.get("base_url"):
            source["base_url"] = conceal(source["base_url"])
        seed_path = seed or config.translate.seed or str(default_seed())
        spec = cls(language=config.language, config=config.model_dump(mode="json"),
                   warcs=warcs, selection=selection, seed=seed_path,
                   config_file=config_file, **source)
        files = list(warcs) + [seed_path] + ([selection] if selection else []) \
            + [r["path"] for r in spec.config["quality_model"]["reference"]]
        spec.inputs = {f: asdict(InputFile.of(f)) for f in files}
        spec.config_files = config_files(config)
        if selection:  # a selection's identity is its content (one file per query)
            spec.inputs[selection]["content"] = file_digest(selection)
        if config.vocab.protected_reference:
            ref = config.vocab.protected_reference
            spec.inputs[ref] = asdict(InputFile.of(ref))
        return spec

    # -- identity and storage --------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def build_id(self) -> str:
        return _digest(self.to_json())

    @staticmethod
    def path(build_dir: str | os.PathLike, language: str, build_id: str) -> Path:
        return Path(build_dir) / language / "builds" / f"{build_id}.json"

    def save(self, build_dir: str | os.PathLike) -> Path:
        """Write the spec (once: its name is its content's hash)."""
        from langforge.storage import write_json

        path = self.path(build_dir, self.language, self.build_id)
        if not path.is_file():
            write_json(path, self.to_json())
        return path

    @classmethod
    def load(cls, build_dir: str | os.PathLike, language: str, build_id: str) -> "BuildSpec":
        path = cls.path(build_dir, language, build_id)
        return _load_spec(str(path))

    @cached_property
    def language_config(self) -> LanguageConfig:
        return LanguageConfig.model_validate(self.config)

    def input(self, location: str) -> InputFile:
        return InputFile(**self.inputs[location]) if location in self.inputs \
            else InputFile.of(location)

    def input_fingerprint(self, location: str) -> str:
        return self.input(location).fingerprint

    # -- shards ------------------------------------------------------------------------

    def shards(self) -> list[dict[str, Any]]:
        """Each shard's source: ``{"warcs": (...)}`` (groups of ``files_per_shard``
        files) or ``{"rows": (start, stop)}`` of the index selection."""
        return self._shards

    @cached_property
    def _shards(self) -> list[dict[str, Any]]:
        # Computed once per spec: every shard task and Layout call asks for it.
        from langforge.sources.commoncrawl import selection_shards, shard_groups

        if self.selection:
            size = selection_rows(self.selection)
            return [{"rows": tuple(rows)} for rows in
                    selection_shards(size, self.records_per_shard)]
        return [{"warcs": tuple(group)} for group in
                shard_groups(sorted(self.warcs), self.files_per_shard)]

    @cached_property
    def fingerprints(self) -> "Fingerprints":
        return Fingerprints(self)

    def described(self) -> dict[str, Any]:
        """The inputs as a reader sees them (summary, card): names, never local paths
        or secrets, each with its fingerprint."""
        def entry(location: str) -> dict[str, Any]:
            item = self.input(location)
            out: dict[str, Any] = {"name": item.name, "fingerprint": self.input_fingerprint(location)}
            if item.size is not None:
                out["size_bytes"] = item.size
            return out

        described: dict[str, Any] = {"warcs": [entry(w) for w in self.warcs]}
        if self.selection:  # a file the build wrote: its name, wherever it is kept
            described["selection"] = {**entry(self.selection),
                                      "name": PurePosixPath(self.selection).name}
        described["seed"] = entry(self.seed)
        if self.crawl:
            described["crawl"] = self.crawl
        if self.config_file:
            described["config_file"] = display_name(self.config_file)
        return described


@lru_cache(maxsize=64)
def _load_spec(path: str) -> BuildSpec:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"build spec {path} is missing ({exc.strerror}): start the build with "
                          "`langforge language` (it writes the spec)") from None
    return BuildSpec(**data)


@lru_cache(maxsize=64)
def selection_rows(path: str) -> int:
    """Records in a selection file (a local path, or an object of a store build)."""
    import pyarrow.parquet as pq

    from langforge.store import input_exists, open_input

    if not input_exists(path):
        raise ConfigError(f"selection file {path} does not exist: run the index query first "
                          "(pipelines.language.language_task does)")
    with open_input(path) as handle:
        return pq.ParquetFile(handle).metadata.num_rows


def default_seed() -> Path:
    return resources_dir() / "sample" / "seed_en.jsonl"


def sample_warc() -> Path:
    return resources_dir() / "sample" / "crawl.warc.gz"


class Fingerprints:
    """What each stage output of a build is keyed by (see the module docstring)."""

    def __init__(self, spec: BuildSpec):
        self.spec = spec
        self.config = spec.language_config
        self._shards = spec.shards()
        self._parts = {stage: config_part(self.config, keys, spec.config_files)
                       for stage, keys in STAGE_CONFIG.items()}
        self._memo: dict[tuple, str] = {}

    def _stage(self, stage: str, *upstream: Any) -> str:
        key = (stage, json.dumps(upstream, sort_keys=True, default=str))
        if key not in self._memo:
            self._memo[key] = _digest(stage, code_version(stage), self._parts[stage], upstream)
        return self._memo[key]

    def fetch(self, shard: int) -> str:
        rows = self._shards[shard].get("rows")
        return self._stage("fetch", self.spec.input_fingerprint(self.spec.selection), rows,
                           display_name(self.spec.base_url))

    def extract(self, shard: int) -> str:
        source = self._shards[shard]
        if "rows" in source:
            upstream: Any = self.fetch(shard)
        else:
            upstream = [self.spec.input_fingerprint(w) for w in source["warcs"]]
        return self._stage("extract", upstream, self.spec.crawl, self.spec.stream)

    def identify(self, shard: int) -> str:
        return self._stage("identify", self.extract(shard))

    def quality(self, shard: int) -> str:
        return self._stage("quality", self.identify(shard))

    @cached_property
    def dedup(self) -> str:
        return self._stage("dedup", [self.quality(i) for i in range(len(self._shards))])

    # The sharded dedup's steps (``langforge.dedup_sharded``); ``dedup`` above names
    # their gathered result.
    @cached_property
    def dedup_partitions(self) -> int:
        from langforge.dedup_sharded import partition_count

        return partition_count(len(self._shards))

    def dedup_keys(self, shard: int) -> str:
        return self._stage("dedup_keys", self.quality(shard), self.dedup_partitions)

    @cached_property
    def dedup_exact(self) -> str:
        return self._stage("dedup_exact", [self.dedup_keys(i) for i in range(len(self._shards))])

    def dedup_signatures(self, shard: int) -> str:
        exact = self.dedup_exact if self.config.dedup.exact else None
        return self._stage("dedup_signatures", self.quality(shard), self.dedup_partitions, exact)

    @cached_property
    def dedup_buckets(self) -> str:
        return self._stage("dedup_buckets",
                           [self.dedup_signatures(i) for i in range(len(self._shards))])

    @cached_property
    def dedup_clusters(self) -> str:
        return self._stage("dedup_clusters", self.dedup_buckets)

    def dedup_shard(self, shard: int) -> str:
        dedup = self.config.dedup
        return self._stage("dedup_shard", self.quality(shard),
                           self.dedup_exact if dedup.exact else None,
                           self.dedup_clusters if dedup.near else None)

    @cached_property
    def translate(self) -> str:
        return self._stage("translate", self.spec.input_fingerprint(self.spec.seed))

    @cached_property
    def quality_model(self) -> str:
        """Trained on the translated seed and reference text against the identified web
        documents; scores (and may select) the deduplicated ones."""
        references = [self.spec.input_fingerprint(r["path"])
                      for r in self.spec.config["quality_model"]["reference"]]
        return self._stage("quality_model", self.dedup, self.translate, references,
                           [self.identify(i) for i in range(len(self._shards))])

    @cached_property
    def dataset(self) -> str:
        return self._stage("dataset", self.quality_model, self.translate)

    @cached_property
    def tokenizer(self) -> str:
        ref = self.config.vocab.protected_reference
        return self._stage("tokenizer", self.quality_model, self.translate,
                           self.spec.input_fingerprint(ref or self.spec.seed))

    @cached_property
    def publish(self) -> str:
        """The whole build: the published dataset, tokenizer, summary and report."""
        return _digest("publish", code_version("publish"), self.dataset, self.tokenizer,
                       self.spec.build_id)

    def all(self) -> dict[str, Any]:
        """Every fingerprint (recorded in the summary; ``clean --stale`` keeps these)."""
        n = range(len(self._shards))
        out: dict[str, Any] = {
            "extract": [self.extract(i) for i in n],
            "identify": [self.identify(i) for i in n],
            "quality": [self.quality(i) for i in n],
            "dedup": self.dedup, "translate": self.translate,
            "quality_model": self.quality_model, "dataset": self.dataset,
            "tokenizer": self.tokenizer, "publish": self.publish,
            "dedup_keys": [self.dedup_keys(i) for i in n], "dedup_exact": self.dedup_exact,
            "dedup_signatures": [self.dedup_signatures(i) for i in n],
            "dedup_buckets": self.dedup_buckets, "dedup_clusters": self.dedup_clusters,
            "dedup_shard": [self.dedup_shard(i) for i in n],
        }
        if self.spec.selection:
            out["fetch"] = [self.fetch(i) for i in n]
        return out


class Layout:
    """Where a build's outputs live: the work directory's stage outputs, each named
    by its fingerprint, and the published files. Luigi tasks, the summary and
    ``langforge clean`` all take their paths from here."""

    def __init__(self, spec: BuildSpec, build_dir: str | os.PathLike):
        self.spec, self.build_dir = spec, Path(build_dir)
        self.fp = spec.fingerprints
        self.lang_dir = self.build_dir / spec.language
        self.work = self.lang_dir / "work"

    @property
    def shard_count(self) -> int:
        return len(self.spec.shards())

    def shard(self, stage: str, shard: int) -> Path:
        """A per-shard stage output: ``work/<stage>/shard-NNNNN.<fingerprint>``."""
        fingerprint = getattr(self.fp, stage)(shard)
        return self.work / stage / f"shard-{shard:05d}.{fingerprint}"

    @property
    def dedup(self) -> Path:
        return self.work / "dedup" / self.fp.dedup

    # The sharded dedup's intermediate outputs (per shard: ``shard("dedup_keys", i)``,
    # ``shard("dedup_signatures", i)``, ``shard("dedup_shard", i)``).
    @property
    def dedup_partitions(self) -> int:
        """Partitions of the exact groups and of the LSH buckets."""
        return self.fp.dedup_partitions

    def partition(self, stage: str, part: int) -> Path:
        """A per-partition output (``dedup_exact``, ``dedup_buckets``):
        ``work/<stage>/part-NNNNN.<fingerprint>``."""
        return self.work / stage / f"part-{part:05d}.{getattr(self.fp, stage)}"

    @property
    def dedup_clusters(self) -> Path:
        return self.work / "dedup_clusters" / self.fp.dedup_clusters

    @property
    def translate(self) -> Path:
        return self.work / "translate" / self.fp.translate

    def chunk(self, chunk: int) -> Path:
        return self.work / "translate-chunks" / f"chunk-{chunk:05d}.{self.fp.translate}"

    @property
    def quality_model(self) -> Path:
        return self.work / "quality_model" / self.fp.quality_model

    @property
    def native(self) -> Path:
        """The native documents the dataset and the tokenizer read (scored, selected)."""
        return self.quality_model / "docs.parquet"

    @property
    def dataset_work(self) -> Path:
        return self.work / "dataset" / self.fp.dataset

    @property
    def tokenizer_work(self) -> Path:
        return self.work / "tokenizer" / self.fp.tokenizer

    def stage_dirs(self, *, final: bool = True) -> list[Path]:
        """This build's stage outputs that exist (each holds ``stats.json``), in
        pipeline order; with ``final`` also the dataset and tokenizer work dirs."""
        stages = (["fetch"] if self.spec.selection else []) + ["extract", "identify", "quality"]
        dirs = [self.shard(stage, i) for stage in stages for i in range(self.shard_count)]
        dirs.append(self.dedup)
        dirs += sorted((self.work / "translate-chunks").glob(f"chunk-*.{self.fp.translate}"))
        dirs += [self.translate, self.quality_model]
        if final:
            dirs += [self.dataset_work, self.tokenizer_work]
        return [d for d in dirs if (d / "stats.json").is_file() and (d / "_SUCCESS").is_file()]

    # the published outputs
    @property
    def dataset(self) -> Path:
        return self.lang_dir / "dataset"

    @property
    def rejected(self) -> Path:
        return self.lang_dir / "rejected"

    @property
    def tokenizer(self) -> Path:
        return self.lang_dir / "tokenizer"

    @property
    def summary(self) -> Path:
        return self.lang_dir / "summary.json"


# -- stale outputs -----------------------------------------------------------------------

def _fingerprint_of(name: str) -> str:
    """``shard-00003.<fp>`` or ``<fp>`` -> ``<fp>``."""
    return name.rsplit(".", 1)[-1]


def stale_outputs(lang_dir: Path, keep: dict[str, Any]) -> list[Path]:
    """Stage outputs under ``lang_dir/work`` that no build in ``keep`` (stage ->
    fingerprint or list of them) refers to, temporaries of killed runs, and build
    specs other than the kept ones."""
    wanted: dict[str, set[str]] = {}
    for stage, value in keep.items():
        values = value if isinstance(value, list) else [value]
        wanted.setdefault(stage, set()).update(values)
    wanted.setdefault("translate-chunks", set()).update(wanted.get("translate", set()))
    stale: list[Path] = []
    work = lang_dir / "work"
    for stage_dir in sorted(work.iterdir()) if work.is_dir() else []:
        if not stage_dir.is_dir():
            continue
        for entry in sorted(stage_dir.iterdir()):
            if entry.name.startswith(".tmp-") or \
                    _fingerprint_of(entry.name) not in wanted.get(stage_dir.name, set()):
                stale.append(entry)
    keep_specs = set(keep.get("build_ids", []))
    builds = lang_dir / "builds"
    for spec in sorted(builds.glob("*.json")) if builds.is_dir() else []:
        if spec.stem not in keep_specs:
            stale.append(spec)
    stale += sorted(p for p in lang_dir.glob(".tmp-*"))
    return stale


def remove_paths(paths: Iterable[Path]) -> int:
    count = 0
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink()
        count += 1
    return count
