"""The quality classifier (langforge.quality_model, quality_report, rehydrate): ranking
of real text, determinism, selection reasons, rehydration weights, the config section."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from langforge import quality_model as qm
from langforge import quality_report, rehydrate
from langforge.config import QualityModelConfig, ReferenceText, load_config
from langforge.document import Document, StageStats, stable_id
from langforge.errors import ConfigError, InputError

REPO = Path(__file__).resolve().parent.parent
MANIFEST = REPO / "resources" / "sample" / "manifest.json"
#: Sample pages of junk that has words (the boilerplate page's main text is empty).
JUNK = ("junk_spam", "junk_linklist", "junk_repeated", "junk_numbers")


def _sample_pages(language: str = "swh_Latn") -> list[dict]:
    pages = json.loads(MANIFEST.read_text(encoding="utf-8"))["pages"]
    return [p for p in pages if p["language"] == language and p["text"].strip()]


def _doc(page: dict) -> Document:
    return Document(id=stable_id("sample", page["url"]), text=page["text"], url=page["url"],
                    kind="native", metadata={"category": page["category"]})


def _small_config(**update) -> QualityModelConfig:
    return QualityModelConfig(min_class_docs=5, **update)


# --- real text ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_model(tmp_path_factory, shared_data):
    """Positives: Global Voices (edited news prose); negatives: what the pipeline gives,
    the language's web documents that passed LID, here the sample's Swahili pages
    (junk pages left out, to be judged unseen) and AfriSenti's training tweets."""
    from langforge.calibrate import read_reference

    positives = qm.reference_documents(ReferenceText(
        path=str(shared_data / "text/globalvoices-en-sw/train.swa"), license="CC-BY",
        name="Global Voices"))
    tweets = [Document(id=stable_id("afrisenti-train", str(i)), text=t, kind="native",
                       source="train.tsv")
              for i, t in enumerate(read_reference(shared_data / "text/afrisenti/swa/train.tsv"))]
    web = [_doc(p) for p in _sample_pages() if not p["category"].startswith("junk")]
    out = tmp_path_factory.mktemp("real-model")
    metrics = qm.train_quality_model(positives, web + tweets, out, QualityModelConfig())
    return metrics, qm.QualityModel.load(out), positives


def test_real_text_heldout_auc_is_well_above_chance(real_model):
    metrics, _, _ = real_model
    assert metrics["documents"]["negatives"] > 300
    assert metrics["roc_auc"] > 0.95, metrics
    assert all(auc > 0.9 for auc in metrics["folds"]), metrics["folds"]
    assert metrics["heldout_scores"]["positives"]["median"] > 0.9
    assert metrics["heldout_scores"]["negatives"]["median"] < 0.1


def test_real_text_ranks_prose_above_unseen_tweets_and_sample_junk(real_model, shared_data):
    """Tweets from AfriSenti files never trained on, and the sample's spam, link lists,
    repeated and number pages (never trained on), score below Global Voices."""
    from langforge.calibrate import read_reference

    _, model, positives = real_model
    prose = model.scores([d.text for d in positives], [d.id for d in positives])
    tweets = [t for name in ("dev.tsv", "test.tsv")
              for t in read_reference(shared_data / "text/afrisenti/swa" / name)]
    junk = [p["text"] for p in _sample_pages() if p["category"] in JUNK]
    assert len(tweets) > 100 and len(junk) >= 6
    for negatives in (tweets, junk):
        scores = model.scores(negatives)
        auc = qm.roc_auc(prose + scores, [1] * len(prose) + [0] * len(scores))
        assert auc > 0.95, auc


# --- determinism ----------------------------------------------------------------------------

def _sample_classes() -> tuple[list[Document], list[Document]]:
    pages = _sample_pages()
    positives = [_doc(p) for p in pages if p["category"] == "article"]
    negatives = [_doc(p) for p in pages if p["category"] != "article"]
    return positives, negatives


def test_training_is_deterministic(tmp_path):
    positives, negatives = _sample_classes()
    config = _small_config(epochs=3)
    first = qm.train_quality_model(positives, negatives, tmp_path / "a", config)
    second = qm.train_quality_model(list(reversed(positives)), list(reversed(negatives)),
                                    tmp_path / "b", config)
    for name in ("model-0.bin", "model-1.bin", qm.MANIFEST_NAME, qm.METRICS_NAME):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert first["roc_auc"] == second["roc_auc"]
    qm.train_quality_model(positives, negatives, tmp_path / "c", config, seed=1)
    assert (tmp_path / "c" / "model-0.bin").read_bytes() != \
        (tmp_path / "a" / "model-0.bin").read_bytes()


_TRAIN_SCRIPT = textwrap.dedent("""
    import json, sys
    from langforge import quality_model as qm
    from langforge.config import QualityModelConfig
    from langforge.document import Document
    if sys.argv[2] == "dirty":
        # leave freed heap memory full of 0xFF bytes (NaN when read as floats)
        junk = [bytes([255]) * 3_000_000 for _ in range(8)]
        del junk
    pages = json.load(open(sys.argv[3], encoding="utf-8"))["pages"]
    docs = [Document(id=p["url"], text=p["text"]) for p in pages
            if p["language"] == "swh_Latn" and p["text"].strip()]
    pos = [d for d, p in zip(docs, [p for p in pages if p["language"] == "swh_Latn"
                                    and p["text"].strip()]) if p["category"] == "article"]
    neg = [d for d in docs if d not in pos]
    qm.train_quality_model(pos, neg, sys.argv[1], QualityModelConfig(min_class_docs=5))
""")


def test_model_does_not_depend_on_the_process_heap(tmp_path):
    """fastText leaves most of its input matrix uninitialised on one thread; the
    stage initialises every vector itself, so a process whose heap holds garbage
    trains the same model (without that, it diverges with "Encountered NaN")."""
    for state in ("clean", "dirty"):
        subprocess.run([sys.executable, "-c", _TRAIN_SCRIPT, str(tmp_path / state), state,
                        str(MANIFEST)], check=True, cwd=REPO, timeout=300)
    for name in ("model-0.bin", "model-1.bin", qm.METRICS_NAME):
        assert (tmp_path / "clean" / name).read_bytes() == \
            (tmp_path / "dirty" / name).read_bytes()


def test_training_documents_are_scored_by_the_model_that_did_not_see_them(tmp_path):
    positives, negatives = _sample_classes()
    metrics = qm.train_quality_model(positives, negatives, tmp_path, _small_config())
    model = qm.QualityModel.load(tmp_path)
    manifest = [json.loads(line) for line in
                (tmp_path / qm.MANIFEST_NAME).read_text(encoding="utf-8").splitlines()]
    assert {row["fold"] for row in manifest} == {0, 1}
    assert {row["class"] for row in manifest} == {"positive", "negative"}
    by_id = {d.id: d for d in positives + negatives}
    scored = list(qm.score_documents((by_id[row["id"]] for row in manifest), model))
    assert [d.signals[qm.SCORE_SIGNAL] for d in scored] == \
        [row["heldout_score"] for row in manifest]
    assert metrics["roc_auc"] == pytest.approx(qm.roc_auc(
        [row["heldout_score"] for row in manifest],
        [row["class"] == "positive" for row in manifest]), abs=1e-6)
    # a document never trained on gets the mean of both models
    unseen = Document(id="unseen", text=positives[0].text)
    both = [qm._positive_probs(m, [qm.model_text(unseen.text, 1000)])[0] for m in model.models]
    assert model.scores([unseen.text], [unseen.id])[0] == pytest.approx(sum(both) / 2, abs=1e-6)
    assert model.scores([""]) == [0.0]


def test_too_few_documents_is_a_named_error(tmp_path):
    positives, negatives = _sample_classes()
    with pytest.raises(InputError, match="too few negatives"):
        qm.train_quality_model(positives, negatives[:3], tmp_path, _small_config())


# --- text the model reads -------------------------------------------------------------------

def test_model_text_marks_only_lines_without_punctuation():
    text = "Habari za Arusha\nMvua ilinyesha 2024.\nAlisema: \"Ndiyo.\"\n\nNyumbani"
    assert qm.model_text(text, 1000) == ("habari za arusha <nl> mvua ilinyesha 0000 . "
                                         "alisema : \" ndiyo . \" nyumbani <nl>")
    assert qm.model_text("a b c d", 2) == "a b"


def test_roc_auc_counts_ties_half():
    assert qm.roc_auc([0.9, 0.8, 0.1], [1, 1, 0]) == 1.0
    assert qm.roc_auc([0.5, 0.5], [1, 0]) == 0.5
    assert qm.roc_auc([0.1, 0.9], [1, 0]) == 0.0
    assert qm.roc_auc([0.1], [1]) is None


# --- selection ------------------------------------------------------------------------------

def _scored(scores: dict[str, float]) -> list[Document]:
    return [Document(id=doc_id, text=f"text {doc_id}", signals={qm.SCORE_SIGNAL: s})
            for doc_id, s in scores.items()]


def test_min_score_rejects_with_the_named_reason_and_keeps_the_record():
    rejected = []
    stats = StageStats("quality_model", on_reject=rejected.append)
    docs = _scored({"a": 0.9, "b": 0.2, "c": 0.5})
    kept = list(qm.select_by_score(docs, stats, min_score=0.5))
    assert [d.id for d in kept] == ["a", "c"]
    assert stats.dropped == {qm.REJECT_REASON: 1}
    assert (stats.docs_in, stats.docs_out) == (3, 2)
    [rejection] = rejected
    assert (rejection.id, rejection.reason, rejection.text) == ("b", qm.REJECT_REASON, "text b")
    assert rejection.detail["value"] == 0.2 and rejection.detail["threshold"] == 0.5
    assert rejection.detail["selection"] == "min_model_score"


def test_top_fraction_keeps_an_exact_share_ties_broken_by_id():
    docs = _scored({"d": 0.7, "a": 0.7, "b": 0.1, "c": 0.9, "e": 0.7})
    stats = StageStats("quality_model")
    kept = list(qm.select_by_score(lambda: iter(docs), stats, top_fraction=0.4))
    assert [d.id for d in kept] == ["a", "c"]  # c (0.9), then a (first id of the 0.7s)
    assert stats.dropped[qm.REJECT_REASON] == 3
    stats = StageStats("quality_model")
    assert len(list(qm.select_by_score(docs, stats, top_fraction=1.0))) == 5
    assert len(list(qm.select_by_score(docs, StageStats("q"), top_fraction=0.01))) == 1


def test_selection_errors():
    docs = _scored({"a": 0.5})
    with pytest.raises(ConfigError, match="not both"):
        qm.select_by_score(docs, StageStats("q"), min_score=0.5, top_fraction=0.5)
    with pytest.raises(ConfigError, match="top_fraction"):
        qm.select_by_score(docs, StageStats("q"), top_fraction=0)
    with pytest.raises(InputError, match="no quality_score"):
        list(qm.select_by_score([Document(id="x", text="t")], StageStats("q"), min_score=0.1))
    assert len(list(qm.select_by_score(docs, StageStats("q")))) == 1


# --- rehydration ----------------------------------------------------------------------------

@pytest.mark.parametrize("size,copies", [(1, 1), (2, 2), (3, 3), (4, 3), (5, 5), (99, 5),
                                         (100, 8), (999, 8), (1000, 1), (50_000, 1)])
def test_fineweb2_rehydration_weights(size, copies):
    assert rehydrate.rehydration_weight(size) == copies


def test_rehydrate_repeats_by_cluster_size_and_counts():
    docs = [Document(id="solo", text="a"),
            Document(id="exact", text="b", metadata={"dup_cluster_size": 3}),
            Document(id="both", text="c", metadata={"dup_cluster_size": 2,
                                                    "near_dup_cluster_size": 4}),
            Document(id="huge", text="d", metadata={"near_dup_cluster_size": 1500})]
    assert [rehydrate.cluster_size(d) for d in docs] == [1, 3, 5, 1500]
    stats = StageStats("rehydrate")
    out = [d.id for d in rehydrate.rehydrate(docs, stats=stats)]
    assert out == ["solo"] + ["exact"] * 3 + ["both"] * 5 + ["huge"]
    assert (stats.docs_in, stats.docs_out) == (4, 10)
    assert stats.extra["rehydration_copies"] == {"1": 2, "3": 1, "5": 1}
    assert docs[2].metadata["rehydration_weight"] == 5
    text = " ".join(rehydrate.rehydration_card_lines(stats))
    assert "4 documents became 10 rows" in text and "cluster size 5-99: 5x" in text
    assert "cluster size 1000+: 1x" in text
    assert "Not rehydrated" in rehydrate.rehydration_card_lines(None)[0]


# --- config, plan, report, card --------------------------------------------------------------

def test_defaults_and_validation(tmp_path):
    config = load_config("sw").quality_model
    assert config.enabled and config.reference == [] and not config.rehydrate
    assert config.min_model_score is None and config.top_fraction is None
    both = tmp_path / "both.toml"
    both.write_text("[quality_model]\nmin_model_score = 0.5\ntop_fraction = 0.2\n")
    with pytest.raises(ConfigError, match=r"both.toml: quality_model: .*not both"):
        load_config("sw", overrides=both)
    unlicensed = tmp_path / "ref.toml"
    unlicensed.write_text('[[quality_model.reference]]\npath = "x.txt"\n')
    with pytest.raises(ConfigError, match=r"quality_model\.reference\.0\.license"):
        load_config("sw", overrides=unlicensed)
    off = tmp_path / "off.toml"
    off.write_text("[quality_model]\ntop_fraction = 0.3\noff = [\"min_model_score\"]\n")
    assert load_config("sw", overrides=off).quality_model.top_fraction == 0.3


def test_positives_plan_names_why_the_stage_is_skipped(tmp_path):
    reason, _ = qm.positives_plan(QualityModelConfig(), synthetic_docs=0)
    assert reason.startswith("no positives for the quality model")
    reason, what = qm.positives_plan(QualityModelConfig(), synthetic_docs=12)
    assert reason is None and "translated seed (12 documents)" in what
    ref = QualityModelConfig(reference=[ReferenceText(path=str(tmp_path / "gv.txt"),
                                                      license="CC-BY")])
    reason, what = qm.positives_plan(ref, synthetic_docs=0)
    assert reason is None and "reference text alone" in what
    assert qm.missing_references(ref) == [str(tmp_path / "gv.txt")]
    reason, _ = qm.positives_plan(QualityModelConfig(enabled=False), synthetic_docs=5)
    assert "enabled is false" in reason


def test_report_and_card(tmp_path):
    positives, negatives = _sample_classes()
    ref = tmp_path / "ref.txt"
    ref.write_text("\n".join(d.text for d in positives), encoding="utf-8")
    config = _small_config(reference=[ReferenceText(path=str(ref), license="CC-BY-4.0",
                                                    name="sample prose")])
    metrics = qm.train_quality_model(qm.reference_documents(config.reference[0]), negatives,
                                     tmp_path / "m", config)
    model = qm.QualityModel.load(tmp_path / "m")
    scored = list(qm.score_documents(
        (Document(id=d.id, text=d.text, signals={"word_count": float(len(d.text.split()))})
         for d in positives + negatives), model))
    report = quality_report.score_report(scored)
    assert report["documents"] == len(scored)
    assert sum(report["histogram"]["counts"]) == len(scored)
    assert [d["quantile"] for d in report["deciles"]] == [i / 10 for i in range(11)]
    assert set(report["spearman"]) == {"word_count"}
    card = "\n".join(quality_report.card_lines(metrics, config))
    assert "sample prose (reference, licence CC-BY-4.0" in card
    assert "reference text alone" in card and "ROC AUC is" in card
    assert "No document was dropped" in card
    skipped = quality_report.card_lines(None, config, skipped="no positives")
    assert skipped[0].startswith("No quality classifier was trained: no positives")


def test_sources_are_named_without_paths_or_offsets():
    docs = [Document(id="a", text="x", source="/data/crawl/CC-1.warc.gz@123", kind="native"),
            Document(id="b", text="y", source="/data/crawl/CC-1.warc.gz@456", kind="native"),
            Document(id="c", text="z", kind="synthetic",
                     metadata={"model": "nllb-200-distilled-600M", "licence": "CC-BY-NC-4.0"})]
    assert qm._sources(docs) == [
        {"kind": "native", "name": "CC-1.warc.gz", "license": "unknown", "documents": 2},
        {"kind": "synthetic", "name": "translated seed (nllb-200-distilled-600M)",
         "license": "CC-BY-NC-4.0", "documents": 1}]
    extra = qm.stage_extra({"roc_auc": 0.9, "folds": [0.9, 0.9], "synthetic_positives": 0,
                            "documents": {"positives": 3, "negatives": 4}}, "reference text")
    assert extra["translated_seed_used"] is False and extra["roc_auc"] == 0.9


def test_average_ranks_and_spearman_match_their_definitions():
    """Ties share their average rank (1-based); Spearman is Pearson's of those ranks."""
    from langforge.quality_model import average_ranks, spearman

    assert average_ranks([0.3, 0.1, 0.3, 0.2]).tolist() == [3.5, 1.0, 3.5, 2.0]
    assert average_ranks([]).tolist() == []
    assert spearman([1, 2, 3, 4], [10, 20, 30, 45]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 1], [1, 2, 3]) is None
    assert qm.roc_auc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]) == pytest.approx(0.875)
