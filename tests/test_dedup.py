"""Exact and MinHash near-duplicate removal on planted duplicates of real text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from langforge.config import LanguageConfig, load_config
from langforge.dedup import (exact_dedup, lsh_collision_probability, near_dedup,
                             normalize_for_dedup, text_digest)
from langforge.document import Document, StageStats
from langforge.errors import ConfigError, InputError

REPO = Path(__file__).resolve().parent.parent


def run(stage, docs, *args, **kwargs):
    stats = StageStats("dedup")
    rejected = []
    stats.on_reject = rejected.append
    kept = list(stage(lambda: iter(docs), *args, stats, **kwargs))
    return kept, rejected, stats


@pytest.fixture(scope="module")
def news_docs(shared_data) -> list[Document]:
    """Distinct real Swahili documents of twenty news sentences (~300 words) each."""
    lines = (shared_data / "text/globalvoices-en-sw/train.swa").read_text("utf-8").splitlines()
    return [Document(id=f"gv{i}", text=" ".join(lines[i * 20:(i + 1) * 20]))
            for i in range(300)]


@pytest.fixture(scope="module")
def sw_config() -> LanguageConfig:
    return LanguageConfig(language="swh_Latn")


def test_normalisation():
    assert normalize_for_dedup("  Habari\u00a0YA\n\tLeo ") == "habari ya leo"
    # NFC: a decomposed "é" equals the composed one
    assert text_digest("Caf\u0065\u0301") == text_digest("café")
    assert text_digest("habari ya leo") != text_digest("habari ya kesho")


def test_exact_dedup_removes_case_and_whitespace_variants():
    texts = ["Habari ya leo.", "Mvua inanyesha.", "HABARI  ya\nleo.", "Jua kali.",
             " habari ya leo. ", "Mvua inanyesha.", "Habari ya leo!"]
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    kept, rejected, stats = run(exact_dedup, docs)
    assert [d.id for d in kept] == ["d0", "d1", "d3", "d6"]
    assert [d.metadata["dup_cluster_size"] for d in kept] == [3, 2, 1, 1]
    assert [(r.id, r.reason, r.detail["duplicate_of"]) for r in rejected] == [
        ("d2", "exact_duplicate", "d0"), ("d4", "exact_duplicate", "d0"),
        ("d5", "exact_duplicate", "d1")]
    assert stats.docs_in == 7 and stats.docs_out == 4 and stats.dropped == {"exact_duplicate": 3}


def test_exact_dedup_is_deterministic_and_first_wins(news_docs):
    rng = random.Random(7)
    copied = rng.sample(range(50), 20)
    planted = news_docs[:50] + [Document(id=f"copy{i}", text=news_docs[i].text.upper())
                                for i in copied]
    rng.shuffle(planted)
    kept = run(exact_dedup, planted)[0]
    assert [d.id for d in kept] == [d.id for d in run(exact_dedup, planted)[0]]
    position = {d.id: n for n, d in enumerate(planted)}
    expected = []
    for i in range(50):
        pair = [f"gv{i}", f"copy{i}"] if i in copied else [f"gv{i}"]
        expected.append(min(pair, key=position.get))  # the earlier one is kept
    assert [d.id for d in kept] == sorted(expected, key=position.get)
    assert sum(d.metadata["dup_cluster_size"] == 2 for d in kept) == 20


def test_exact_dedup_empty_input_and_empty_texts():
    assert run(exact_dedup, [])[0] == []
    kept, rejected, _ = run(exact_dedup, [Document(id="a", text=""), Document(id="b", text=" \n")])
    assert [d.id for d in kept] == ["a"] and rejected[0].detail["duplicate_of"] == "a"


def test_dedup_needs_the_same_stream_twice(sw_config):
    calls = []

    def make_docs():
        calls.append(1)
        return iter([Document(id="a", text=f"call {len(calls)}")])

    with pytest.raises(InputError, match="different stream on the second pass"):
        list(exact_dedup(make_docs, StageStats("dedup")))
    calls.clear()
    with pytest.raises(InputError, match="different stream on the second pass"):
        list(near_dedup(make_docs, sw_config, StageStats("dedup")))
    shrinking = [[Document(id="a", text="x"), Document(id="b", text="y")],
                 [Document(id="a", text="x")]]
    with pytest.raises(InputError, match=r"\(1 documents, the first pass saw 2\)"):
        list(exact_dedup(lambda: iter(shrinking.pop(0)), StageStats("dedup")))


def edit_words(text: str, changes: int, rng: random.Random) -> str:
    """A copy with ``changes`` words replaced, as a re-posted article would have."""
    words = text.split()
    for pos in rng.sample(range(len(words)), changes):
        words[pos] = rng.choice(["habari", "leo", "kesho", "sana", "mpya", "zaidi"])
    return " ".join(words)


def test_near_dedup_finds_edited_copies_and_leaves_distinct_docs(news_docs, sw_config):
    rng = random.Random(3)
    originals = news_docs[:200]
    sources = rng.sample(range(200), 40)
    # 2 words changed in 145+: 5-gram Jaccard 0.87-0.99 (mean 0.95), linked with p > 0.99
    copies = [Document(id=f"edit{i}", text=edit_words(originals[i].text, 2, rng))
              for i in sources]
    docs = originals + copies
    kept, rejected, stats = run(near_dedup, docs, sw_config)

    assert [d.id for d in kept] == [d.id for d in originals], "distinct documents stay"
    assert sorted(r.id for r in rejected) == sorted(d.id for d in copies)
    for rejection in rejected:
        assert rejection.reason == "near_duplicate"
        assert rejection.detail["duplicate_of"] == f"gv{rejection.id[4:]}"
    sizes = {d.id: d.metadata["near_dup_cluster_size"] for d in kept}
    assert sum(sizes.values()) == len(docs)
    assert {i for i, d in enumerate(originals) if sizes[d.id] == 2} == set(sources)
    assert stats.docs_in == 240 and stats.docs_out == 200
    assert stats.dropped == {"near_duplicate": 40}


def test_near_dedup_first_in_input_order_and_chains(news_docs, sw_config):
    base = news_docs[0].text
    rng = random.Random(5)
    variants = [Document(id=f"v{i}", text=edit_words(base, 2, rng)) for i in range(4)]
    other = news_docs[1]
    docs = [other, variants[2], variants[0], variants[3], variants[1]]
    kept, rejected, _ = run(near_dedup, docs, sw_config)
    assert [d.id for d in kept] == [other.id, "v2"]
    assert kept[1].metadata["near_dup_cluster_size"] == 4
    assert {r.detail["duplicate_of"] for r in rejected} == {"v2"}
    again = run(near_dedup, docs, sw_config)
    assert [d.id for d in again[0]] == [d.id for d in kept]


def test_near_dedup_short_and_empty_docs(sw_config):
    docs = [Document(id="e1", text=""), Document(id="e2", text="  ...  "),
            Document(id="s1", text="Habari ya leo"), Document(id="s2", text="habari YA leo!"),
            Document(id="s3", text="Habari ya kesho")]
    kept, rejected, _ = run(near_dedup, docs, sw_config)
    # documents without words are left to exact dedup; short ones are one shingle
    assert [d.id for d in kept] == ["e1", "e2", "s1", "s3"]
    assert [(r.id, r.detail["duplicate_of"]) for r in rejected] == [("s2", "s1")]
    assert run(near_dedup, [], sw_config)[0] == []


def test_near_dedup_rejects_bad_parameters(sw_config):
    with pytest.raises(ConfigError, match="bands must be at least 1"):
        near_dedup(lambda: iter([]), sw_config, StageStats("dedup"), bands=0)


def test_lsh_curve_of_the_fineweb2_setting():
    assert lsh_collision_probability(0.5) == pytest.approx(0.053, abs=0.001)
    assert lsh_collision_probability(0.8) == pytest.approx(0.924, abs=0.001)
    assert lsh_collision_probability(0.95) > 0.999


def test_dedup_stage_removes_the_samples_planted_duplicates(tmp_path):
    """The pipeline's dedup stage (exact, then near with the Swahili config) on the
    embedded sample: every planted copy goes, under its own reason, and every distinct
    article stays with its cluster sizes recorded."""
    import json

    from langforge.dedup import deduplicate

    config = load_config("sw")
    assert config.dedup.near and config.dedup.exact
    manifest = json.loads((REPO / "resources/sample/manifest.json").read_text(encoding="utf-8"))
    pages = [p for p in manifest["pages"] if p["language"] == "swh_Latn" and p["category"] in
             ("article", "borderline_article", "exact_duplicate", "near_duplicate")]
    docs = [Document(id=p["url"], text=p["text"], url=p["url"]) for p in pages]
    stats = StageStats("dedup")
    rejected = []
    stats.on_reject = rejected.append
    kept = {d.id: d for d in deduplicate(lambda: iter(docs), config, stats, tmp_path)}
    reasons = {r.id: (r.reason, r.detail["duplicate_of"]) for r in rejected}
    planted = [p for p in pages if p["duplicate_of"]]
    assert len(reasons) == len(planted) and sum(p["category"] == "near_duplicate"
                                                for p in planted) >= 5
    groups: dict[str, set[str]] = {}
    for page in planted:
        groups.setdefault(page["duplicate_of"], {page["duplicate_of"]}).add(page["url"])
    for members in groups.values():
        # the first of each group in crawl order stays; every other member points at it
        (stays,) = members - set(reasons)
        assert all(reasons[u][1] == stays for u in members - {stays})
        assert kept[stays].metadata["dup_cluster_size"] + \
            kept[stays].metadata["near_dup_cluster_size"] - 1 == len(members)
    assert set(kept) | set(reasons) == {p["url"] for p in pages}
    paired = {u for p in planted for u in (p["url"], p["duplicate_of"])}
    assert all(d.metadata["near_dup_cluster_size"] == 1 and d.metadata["dup_cluster_size"] == 1
               for u, d in kept.items() if u not in paired)
    assert stats.docs_in == len(docs) and stats.docs_out == len(kept)
    assert stats.dropped == {"exact_duplicate": sum(p["category"] == "exact_duplicate"
                                                    for p in planted),
                             "near_duplicate": sum(p["category"] == "near_duplicate"
                                                   for p in planted)}
    assert list(tmp_path.iterdir()) == []  # the spill file is gone


def test_dedup_stage_follows_the_config(tmp_path, sw_config):
    from langforge.dedup import deduplicate

    docs = [Document(id=str(i), text=t) for i, t in enumerate(["a b", "A  b", "c"])]
    off = sw_config.model_copy(update={"dedup": sw_config.dedup.model_copy(
        update={"exact": False, "near": False})})
    stats = StageStats("dedup")
    assert [d.id for d in deduplicate(lambda: iter(docs), off, stats, tmp_path)] == ["0", "1", "2"]
    exact_only = sw_config.model_copy(update={"dedup": sw_config.dedup.model_copy(
        update={"near": False})})
    assert [d.id for d in deduplicate(lambda: iter(docs), exact_only, StageStats("dedup"),
                                      tmp_path)] == ["0", "2"]
