"""The sharded dedup (``langforge.dedup_sharded``, ``pipelines.dedup``) decides exactly
as the single-process ``langforge.dedup.deduplicate`` over the shards in order: the
same kept documents with the same cluster sizes, the same rejections in the same
order, the same counts."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest

from langforge.config import LanguageConfig, load_config
from langforge.dedup import deduplicate
from langforge.dedup_sharded import (CLUSTERS, EXACT_GROUPS, EXACT_KEYS, deduplicate_sharded,
                                     filter_shard, resolve_exact_partition, write_exact_keys)
from langforge.document import Document, StageStats
from langforge.errors import InputError

REPO = Path(__file__).resolve().parent.parent


def _with(config: LanguageConfig, **dedup) -> LanguageConfig:
    return config.model_copy(update={"dedup": config.dedup.model_copy(update=dedup)})


def fresh(doc: Document) -> Document:
    """A copy whose dicts the stage may change (it sets ``metadata``)."""
    return dataclasses.replace(doc, metadata=dict(doc.metadata), signals=dict(doc.signals))


def single(shards: list[list[Document]], config: LanguageConfig, tmp: Path):
    stats = StageStats("dedup")
    rejected = []
    stats.on_reject = rejected.append
    docs = lambda: (fresh(d) for shard in shards for d in shard)  # noqa: E731
    kept = list(deduplicate(docs, config, stats, tmp))
    return kept, rejected, stats


def sharded(shards: list[list[Document]], config: LanguageConfig, tmp: Path, **kwargs):
    stats = StageStats("dedup")
    rejected = []
    stats.on_reject = rejected.append
    makers = [lambda s=s: (fresh(d) for d in s) for s in shards]
    kept = list(deduplicate_sharded(makers, config, stats, tmp, **kwargs))
    return kept, rejected, stats


def assert_same(a, b) -> None:
    (kept_a, rejected_a, stats_a), (kept_b, rejected_b, stats_b) = a, b
    assert [d.id for d in kept_a] == [d.id for d in kept_b]
    assert [d.metadata for d in kept_a] == [d.metadata for d in kept_b]
    assert [(r.id, r.reason, r.detail) for r in rejected_a] == \
        [(r.id, r.reason, r.detail) for r in rejected_b]
    if len(kept_a) + len(rejected_a) < 5000:  # every field, as written
        assert [d.to_record() for d in kept_a] == [d.to_record() for d in kept_b]
        assert [r.to_record() for r in rejected_a] == [r.to_record() for r in rejected_b]
    assert stats_a.to_dict() == stats_b.to_dict()


def split(docs: list[Document], shards: int) -> list[list[Document]]:
    per = -(-len(docs) // shards)
    return [docs[i * per:(i + 1) * per] for i in range(shards)]


# -- the embedded sample -------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_docs() -> list[Document]:
    """The sample's Swahili pages with their planted exact and near duplicates."""
    manifest = json.loads((REPO / "resources/sample/manifest.json").read_text(encoding="utf-8"))
    return [Document(id=p["url"], text=p["text"], url=p["url"]) for p in manifest["pages"]
            if p["language"] == "swh_Latn"]


@pytest.mark.parametrize("shards", [1, 4, 9])
def test_sample_same_decisions_as_single_process(sample_docs, tmp_path, shards):
    config = load_config("sw")
    assert config.dedup.exact and config.dedup.near
    expected = single([sample_docs], config, tmp_path / "single")
    assert expected[2].dropped["exact_duplicate"] and expected[2].dropped["near_duplicate"]
    got = sharded(split(sample_docs, shards), config, tmp_path / "sharded")
    assert_same(expected, got)


@pytest.mark.parametrize("dedup", [{"near": False}, {"exact": False},
                                   {"exact": False, "near": False}])
def test_sample_other_dedup_settings(sample_docs, tmp_path, dedup):
    config = _with(load_config("sw"), **dedup)
    assert_same(single([sample_docs], config, tmp_path / "single"),
                sharded(split(sample_docs, 3), config, tmp_path / "sharded"))


def test_partition_count_does_not_change_decisions(sample_docs, tmp_path):
    config = load_config("sw")
    shards = split(sample_docs, 5)
    first = sharded(shards, config, tmp_path / "p1", partitions=1)
    for partitions in (2, 7, 64):
        assert_same(first, sharded(shards, config, tmp_path / f"p{partitions}",
                                   partitions=partitions))


# -- a synthetic language of 100,000 documents ----------------------------------------

def synthetic_shards(n: int = 100_000, shards: int = 16, seed: int = 11):
    """Random-word documents (8-30 words of a 4,000-word vocabulary) with planted
    duplicates anywhere earlier in the stream (so across shards): case/space variants
    of the text (exact), copies with the last word changed or one word appended
    (near), near copies of near copies (chains), exact copies of near copies, and
    wordless texts."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnoprstuvwyz"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9)))
             for _ in range(4000)]
    docs: list[Document] = []
    kinds: dict[str, str] = {}
    for i in range(n):
        r = rng.random()
        if docs and r < 0.05:
            source = rng.choice(docs)
            text = source.text.upper() if rng.random() < 0.5 else f"  {source.text}\n"
            kinds[f"d{i}"] = "exact"
        elif docs and r < 0.10:
            source = rng.choice(docs)
            words = source.text.split()
            if words and rng.random() < 0.5:
                words[-1] = rng.choice(vocab)  # one shingle differs
            else:
                words.append(rng.choice(vocab))
            text = " ".join(words)
            kinds[f"d{i}"] = "near"
        elif r < 0.102:
            text = rng.choice(["", " ", "...", "!! ?"])
        else:
            text = " ".join(rng.choice(vocab) for _ in range(rng.randint(8, 30)))
        docs.append(Document(id=f"d{i}", text=text, url=f"https://example.org/{i}"))
    return split(docs, shards), kinds


def test_100k_documents_same_kept_ids_and_clusters(tmp_path):
    shards, kinds = synthetic_shards()
    config = _with(LanguageConfig(language="swh_Latn"), exact=True, near=True)
    expected = single(shards, config, tmp_path / "single")
    got = sharded(shards, config, tmp_path / "sharded")
    assert_same(expected, got)
    kept, rejected, stats = got
    assert stats.docs_in == 100_000
    # the planted duplicates were found, across shards
    exact = {r.id for r in rejected if r.reason == "exact_duplicate"}
    near = {r.id for r in rejected if r.reason == "near_duplicate"}
    assert len(exact) > 4000 and len(near) > 4000
    assert sum(kinds.get(i) == "near" for i in near) > 0.9 * len(near)
    shard_of = {d.id: s for s, shard in enumerate(shards) for d in shard}
    assert sum(shard_of[r.id] != shard_of[r.detail["duplicate_of"]] for r in rejected) > 1000
    assert max(d.metadata["near_dup_cluster_size"] for d in kept) >= 3


# -- steps -----------------------------------------------------------------------------

def test_a_changed_shard_is_refused(tmp_path):
    docs = [Document(id=str(i), text=t) for i, t in enumerate(["a b", "A b", "c"])]
    write_exact_keys(iter(docs), tmp_path / EXACT_KEYS, 2)
    for p in range(2):
        resolve_exact_partition([tmp_path / EXACT_KEYS], p, tmp_path / f"{p}{EXACT_GROUPS}")
    groups = [tmp_path / f"{p}{EXACT_GROUPS}" for p in range(2)]
    kept = list(filter_shard(iter(docs), 0, StageStats("dedup"), exact_groups=groups,
                             clusters=None, expected_docs=3))
    assert [(d.id, d.metadata) for d in kept] == [("0", {"dup_cluster_size": 2}),
                                                  ("2", {"dup_cluster_size": 1})]
    with pytest.raises(InputError, match="holds 2 documents.*taken of 3"):
        list(filter_shard(iter(docs[:2]), 0, StageStats("dedup"), exact_groups=groups,
                          clusters=None, expected_docs=3))


# -- the Luigi graph ---------------------------------------------------------------------

def _fake_build(tmp_path: Path, shards: list[list[Document]], config: LanguageConfig):
    """A build whose quality shards are already in place (the dedup graph's input)."""
    from langforge.build import BuildSpec, Layout
    from langforge.storage import mark_success, write_docs, write_json

    warcs = [str(tmp_path / f"in-{i:02d}.warc.gz") for i in range(len(shards))]
    spec = BuildSpec.create(config, warcs=warcs)
    build_dir = tmp_path / "build"
    spec.save(build_dir)
    layout = Layout(spec, build_dir)
    assert layout.shard_count == len(shards)
    for i, docs in enumerate(shards):
        directory = layout.shard("quality", i)
        directory.mkdir(parents=True)
        write_docs(docs, directory / "docs.parquet")
        write_json(directory / "stats.json", [StageStats("quality").to_dict()])
        mark_success(directory)
    return spec, layout


def _run(spec, layout) -> bool:
    import luigi

    from pipelines.native import Deduplicate

    task = Deduplicate(language=spec.language, build_dir=str(layout.build_dir),
                       build_id=spec.build_id)
    return luigi.build([task], local_scheduler=True, workers=1, log_level="WARNING")


def test_luigi_graph_gathers_what_the_single_process_stage_writes(sample_docs, tmp_path):
    from langforge.storage import load_stats, read_docs, read_json, read_rejections, write_docs

    config = load_config("sw")
    shards = split(sample_docs, 4)
    spec, layout = _fake_build(tmp_path, shards, config)
    assert layout.dedup_partitions == 4
    assert _run(spec, layout)

    kept, rejected, stats = single(shards, config, tmp_path / "single")
    out = layout.dedup
    assert [d.to_record() for d in read_docs(out / "docs.parquet")] == \
        [d.to_record() for d in kept]
    rows = read_rejections(out / "rejected.parquet")
    assert [(r["id"], r["reason"], r["detail"]) for r in rows] == \
        [(r.id, r.reason, r.detail) for r in rejected]
    assert [s.to_dict() for s in load_stats(out)] == [stats.to_dict()]
    # every dedup task reports its peak memory and duration
    report = read_json(out / "tasks.json")
    assert {r["task"] for r in report} == {"dedup_keys", "dedup_exact", "dedup_signatures",
                                           "dedup_buckets", "dedup_clusters", "dedup_shard",
                                           "dedup_gather"}
    assert len(report) == 4 + 4 + 4 + 4 + 1 + 4 + 1
    assert all(r["peak_rss_mb"] >= r["start_rss_mb"] > 0 and r["seconds"] >= 0
               for r in report)
    # in the main process the high-water mark is left alone (others may read it)
    assert {r["peak_rss_method"] for r in report} == {"sampled"}
    # the per-shard copies of the kept documents are gone
    assert not any(layout.shard("dedup_shard", i).exists() for i in range(4))
    assert layout.partition("dedup_buckets", 3).is_dir() and layout.dedup_clusters.is_dir()

    # a shard redone in place (same fingerprint, as a retry of a failed shard does):
    # the dedup steps that depend on it rerun instead of reusing its earlier keys
    import shutil

    shutil.rmtree(out)
    keys_0 = (layout.shard("dedup_keys", 0) / "stats.json").stat().st_mtime_ns
    changed = shards[2][:-3] + [Document(id="late-copy", text=shards[0][0].text)]
    directory = layout.shard("quality", 2)
    shutil.rmtree(directory)
    directory.mkdir()
    write_docs(changed, directory / "docs.parquet")
    (directory / "stats.json").write_text("[]")
    (directory / "_SUCCESS").write_text("")
    assert _run(spec, layout)
    shards[2] = changed
    kept = single(shards, config, tmp_path / "single2")[0]
    assert [d.id for d in read_docs(out / "docs.parquet")] == [d.id for d in kept]
    assert "late-copy" not in {d.id for d in kept}
    # the other shards' keys were kept
    assert (layout.shard("dedup_keys", 0) / "stats.json").stat().st_mtime_ns == keys_0


def test_dedup_settings_rerun_only_the_steps_that_read_them(tmp_path):
    from langforge.build import BuildSpec

    config = load_config("sw")
    warcs = [str(tmp_path / f"in-{i}.warc.gz") for i in range(3)]

    def fingerprints(cfg):
        fp = BuildSpec.create(cfg, warcs=warcs).fingerprints
        return {"keys": fp.dedup_keys(0), "exact": fp.dedup_exact,
                "signatures": fp.dedup_signatures(0), "buckets": fp.dedup_buckets,
                "clusters": fp.dedup_clusters, "shard": fp.dedup_shard(0), "dedup": fp.dedup}

    base = fingerprints(config)
    bands = fingerprints(_with(config, near_bands=20))
    assert {k for k in base if base[k] != bands[k]} == {"signatures", "buckets", "clusters",
                                                         "shard", "dedup"}
    exact_off = fingerprints(_with(config, exact=False))
    assert {k for k in base if base[k] != exact_off[k]} == {"signatures", "buckets",
                                                             "clusters", "shard", "dedup"}
    near_off = fingerprints(_with(config, near=False))
    assert {k for k in base if base[k] != near_off[k]} == {"shard", "dedup"}


@pytest.mark.parametrize("dedup", [{"near": False}, {"exact": False},
                                   {"exact": False, "near": False}])
def test_luigi_graph_with_other_dedup_settings(sample_docs, tmp_path, dedup):
    from langforge.storage import load_stats, read_docs, read_json, read_rejections

    config = _with(load_config("sw"), **dedup)
    shards = split(sample_docs, 3)
    spec, layout = _fake_build(tmp_path, shards, config)
    assert _run(spec, layout)
    kept, rejected, stats = single(shards, config, tmp_path / "single")
    out = layout.dedup
    assert [d.to_record() for d in read_docs(out / "docs.parquet")] == \
        [d.to_record() for d in kept]
    assert [(r["id"], r["reason"], r["detail"]) for r in
            read_rejections(out / "rejected.parquet")] == \
        [(r.id, r.reason, r.detail) for r in rejected]
    assert [s.to_dict() for s in load_stats(out)] == [stats.to_dict()]
    ran = {r["task"] for r in read_json(out / "tasks.json")}
    expected = {"dedup_shard", "dedup_gather"} | ({"dedup_keys", "dedup_exact"} if config.dedup.exact else set()) \
        | ({"dedup_signatures", "dedup_buckets", "dedup_clusters"} if config.dedup.near else set())
    assert ran == expected
