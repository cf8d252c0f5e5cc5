"""The published dataset: shards, card, loading with `datasets`, determinism."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from langforge.dataset import (COLUMN_DOCS, MAIN_SIGNALS, SCHEMA, hub_language_code,
                               push_to_hub, size_category, url_domain, write_dataset)
from langforge.document import Document, StageStats, stable_id
from langforge.errors import FetchError, InputError
from langforge.languages import get_language
from langforge.storage import mark_success

SW_TEXT = ("Serikali ya Tanzania imetangaza mpango mpya wa elimu kwa wanafunzi wa shule za "
           "msingi katika mikoa yote.\nWazazi wengi wamefurahia uamuzi huo na kusema kuwa "
           "utasaidia watoto wao kupata elimu bora zaidi.")


def native_doc(i: int, host: str = "habari.example.tz", **signals) -> Document:
    url = f"https://www.{host}/makala/{i}"
    return Document(
        id=stable_id(url), text=f"{SW_TEXT} Makala namba {i}.", url=url,
        source=f"crawl.warc.gz@{1000 * i}", kind="native", language="swh_Latn",
        language_score=0.62 + i / 100, lid_scores={"swh_Latn": 0.62 + i / 100, "eng_Latn": 0.1},
        signals={"word_count": 40.0 + i, "mean_word_length": 6.1, "non_alpha_words_ratio": 0.01,
                 "stopword_count": 7.0, "dup_line_frac": 0.0, "line_punct_ratio": 1.0,
                 "lid_score": 0.62 + i / 100, **signals},
        metadata={"crawl": "CC-MAIN-2020-34", "warc_date": "2020-08-08T17:00:00Z",
                  "charset": "utf-8", "html_lang": "sw", "dup_cluster_size": 1 + i % 2})


def synthetic_doc(i: int) -> Document:
    return Document(
        id=stable_id("seed", str(i)), text=f"Hii ni tafsiri ya hati ya {i}.",
        source="resources/sample/seed_en.jsonl", kind="synthetic", language="swh_Latn",
        metadata={"source_id": f"seed-{i}", "model": "nllb-200-distilled-600M",
                  "licence": "CC-BY-NC-4.0", "decoding": {"beam_size": 2},
                  "checks": {"length_ratio": True, "output_language": True}})


@pytest.fixture
def summary(swahili_config) -> dict:
    return {
        "language": "swh_Latn", "language_name": "Swahili", "langforge_version": "0.1.0",
        "config_digest": swahili_config.digest(),
        "config": swahili_config.model_dump(mode="json"),
        "inputs": {"warcs": ["resources/sample/crawl.warc.gz"],
                   "seed": "resources/sample/seed_en.jsonl"},
        "stages": {
            "read": {"stage": "read", "status": "ok", "reason": None, "hint": None,
                     "docs_in": 20, "docs_out": 12, "chars_in": 90000, "chars_out": 80000,
                     "dropped": {"not_html": 8}, "extra": {}},
            "identify": {"stage": "identify", "status": "ok", "reason": None, "hint": None,
                         "docs_in": 12, "docs_out": 5, "chars_in": 20000, "chars_out": 9000,
                         "dropped": {"wrong_language": 6, "low_language_score": 1},
                         "extra": {}},
            "translate": {"stage": "translate", "status": "skipped",
                          "reason": "no translation model configured",
                          "hint": "make models MT=nllb-200-distilled-600M", "docs_in": 0,
                          "docs_out": 0, "chars_in": 0, "chars_out": 0, "dropped": {},
                          "extra": {}},
        },
        "final": {"native_documents": 5, "synthetic_documents": 0, "characters": 900,
                  "words": 150},
        "failed_shards": [],
    }


def with_shard_docs(config, n: int):
    return config.model_copy(update={"dataset": config.dataset.model_copy(
        update={"shard_docs": n})})


def read_card_header(out_dir: Path) -> dict:
    text = (out_dir / "README.md").read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise AssertionError("card has no YAML header")
    return yaml.safe_load(text.split("---\n")[1])


def test_writes_shards_and_card(tmp_path, swahili_config, summary):
    out = tmp_path / "dataset"
    result = write_dataset([native_doc(i) for i in range(5)], [synthetic_doc(i) for i in range(2)],
                           out, swahili_config, summary)
    assert result["splits"] == {"native": 5, "synthetic": 2}
    native_file, synthetic_file, card = result["files"]
    assert re.fullmatch(r"data/native-00000-of-00001-[0-9a-f]{12}\.parquet", native_file)
    assert re.fullmatch(r"data/synthetic-00000-of-00001-[0-9a-f]{12}\.parquet", synthetic_file)
    assert card == "README.md"
    assert sorted(f"data/{p.name}" for p in (out / "data").iterdir()) == [native_file,
                                                                          synthetic_file]
    # the name carries a hash of the file's bytes
    assert hashlib.sha256((out / native_file).read_bytes()).hexdigest()[:12] in native_file
    assert result["top_domains"] == [["habari.example.tz", 5]]
    table = pq.read_table(out / native_file)
    assert table.schema.names == SCHEMA.names
    row = table.to_pylist()[0]
    assert row["crawl"] == "CC-MAIN-2020-34" and row["dup_cluster_size"] == 1
    assert row["word_count"] == 40.0 and json.loads(row["signals"])["lid_score"] == 0.62
    assert json.loads(row["provenance"]) == {"charset": "utf-8", "html_lang": "sw"}
    synth = pq.read_table(out / synthetic_file).to_pylist()[0]
    assert synth["url"] is None and synth["kind"] == "synthetic"
    assert json.loads(synth["provenance"])["licence"] == "CC-BY-NC-4.0"


def test_missing_signal_is_null(tmp_path, swahili_config, summary):
    doc = native_doc(0)
    del doc.signals["line_punct_ratio"]
    write_dataset([doc], [], tmp_path / "d", swahili_config, summary)
    row = pq.read_table(next((tmp_path / "d/data").glob("native-*.parquet"))).to_pylist()[0]
    assert row["line_punct_ratio"] is None and row["word_count"] == 40.0


def test_sharding_is_by_shard_docs(tmp_path, swahili_config, summary):
    config = with_shard_docs(swahili_config, 2)
    result = write_dataset((native_doc(i) for i in range(5)), iter(()), tmp_path / "d",
                           config, summary)
    names = result["files"][:-1]
    assert [n.rsplit("-", 1)[0] for n in names] == [f"data/native-0000{i}-of-00003"
                                                   for i in range(3)]
    assert result["files"][-1] == "README.md"
    rows = [pq.read_metadata(tmp_path / "d" / n).num_rows for n in names]
    assert rows == [2, 2, 1]
    ids = [r for n in names for r in pq.read_table(tmp_path / "d" / n)["id"].to_pylist()]
    assert ids == [native_doc(i).id for i in range(5)]  # input order kept
    assert not list((tmp_path / "d/data").glob(".*"))  # no temporary part left


def test_deterministic_bytes(tmp_path, swahili_config, summary):
    config = with_shard_docs(swahili_config, 3)
    for name in ("a", "b"):
        write_dataset([native_doc(i) for i in range(7)], [synthetic_doc(0)], tmp_path / name,
                      config, summary)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*")
                     if p.is_file())
    assert len(files_a) == 5
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_card_yaml_header(tmp_path, swahili_config, summary):
    write_dataset([native_doc(i) for i in range(3)], [synthetic_doc(0)], tmp_path / "d",
                  swahili_config, summary)
    header = read_card_header(tmp_path / "d")
    assert header["language"] == ["sw"]
    assert header["license"] == swahili_config.dataset.license
    assert header["size_categories"] == ["n<1K"]
    assert header["task_categories"] == ["text-generation"]
    assert "Swahili" in header["pretty_name"]
    native, synthetic = (sorted(f"data/{p.name}" for p in (tmp_path / "d/data").glob(f"{s}-*"))
                         for s in ("native", "synthetic"))
    assert header["configs"] == [{"config_name": "default", "data_files": [
        {"split": "native", "path": native}, {"split": "synthetic", "path": synthetic}]}]


def test_card_sections(tmp_path, swahili_config, summary):
    write_dataset([native_doc(i) for i in range(4)] + [native_doc(9, host="blog.example.ke")],
                  [synthetic_doc(0)], tmp_path / "d", swahili_config, summary)
    card = (tmp_path / "d/README.md").read_text(encoding="utf-8")
    for heading in ("## Sources and crawls", "## Pipeline", "## Filter thresholds", "## Columns",
                    "## Known limitations", "## Licences and synthetic data"):
        assert heading in card
    assert "crawl CC-MAIN-2020-34: 5 documents" in card
    assert f"config digest `{swahili_config.digest()}`" in card
    # the skipped stage shows its reason and the command that fixes it
    assert "| translate | skipped |" in card
    assert "make models MT=nllb-200-distilled-600M" in card
    assert "| identify | ok | 12 | 5 |" in card and "wrong_language 6" in card
    assert f"| lid.min_score | {swahili_config.lid.min_score} |" in card
    assert f"| quality.min_line_punct_ratio | {swahili_config.quality.min_line_punct_ratio} |" \
        in card
    assert "FineWeb-2 configs/swh_Latn.yml" in card  # threshold provenance
    for column in COLUMN_DOCS:
        assert f"| `{column}` |" in card
    assert "habari.example.tz 80.0%" in card and "blog.example.ke 20.0%" in card
    assert "| nllb-200-distilled-600M | CC-BY-NC-4.0 | 1 |" in card


def test_empty_synthetic_split_is_omitted(tmp_path, swahili_config, summary):
    result = write_dataset([native_doc(0)], [], tmp_path / "d", swahili_config, summary)
    assert result["splits"] == {"native": 1, "synthetic": 0}
    header = read_card_header(tmp_path / "d")
    assert [f["split"] for f in header["configs"][0]["data_files"]] == ["native"]
    card = (tmp_path / "d/README.md").read_text(encoding="utf-8")
    assert "No synthetic documents: no translation model configured." in card


def test_fully_empty_dataset_has_card_without_configs(tmp_path, swahili_config, summary):
    result = write_dataset([], [], tmp_path / "d", swahili_config, summary)
    assert result["files"] == ["README.md"] and result["top_domains"] == []
    assert "configs" not in read_card_header(tmp_path / "d")
    assert "The web split is empty." in (tmp_path / "d/README.md").read_text(encoding="utf-8")


def test_kind_mismatch_fails_and_keeps_previous_output(tmp_path, swahili_config, summary):
    out = tmp_path / "d"
    write_dataset([native_doc(0)], [], out, swahili_config, summary)
    before = (out / "README.md").read_bytes()
    with pytest.raises(InputError, match="kind 'synthetic' but was given in the 'native'"):
        write_dataset([native_doc(1), synthetic_doc(0)], [], out, swahili_config, summary)
    assert (out / "README.md").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d"]  # no temporary directory left


def test_stats_count_every_document(tmp_path, swahili_config, summary):
    stats = StageStats("dataset")
    write_dataset([native_doc(i) for i in range(3)], [synthetic_doc(0)], tmp_path / "d",
                  swahili_config, summary, stats=stats)
    assert (stats.docs_in, stats.docs_out, dict(stats.dropped)) == (4, 4, {})
    assert stats.chars_out == sum(len(native_doc(i).text) for i in range(3)) + len(
        synthetic_doc(0).text)


def test_loads_with_datasets_parquet_and_by_card(tmp_path, swahili_config, summary):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "d"
    write_dataset([native_doc(i) for i in range(5)], [synthetic_doc(i) for i in range(2)],
                  out, with_shard_docs(swahili_config, 2), summary)
    files = {split: sorted(str(p) for p in (out / "data").glob(f"{split}-*.parquet"))
             for split in ("native", "synthetic")}
    by_files = datasets.load_dataset("parquet", data_files=files, cache_dir=str(tmp_path / "c1"))
    by_card = datasets.load_dataset(str(out), cache_dir=str(tmp_path / "c2"))
    for ds in (by_files, by_card):
        assert sorted(ds) == ["native", "synthetic"]
        assert ds["native"].num_rows == 5 and ds["synthetic"].num_rows == 2
        assert ds["native"].column_names == SCHEMA.names
        assert ds["native"][0]["text"].startswith("Serikali ya Tanzania")
        assert ds["synthetic"][0]["language_score"] is None
        assert json.loads(ds["native"][0]["lid_scores"])["swh_Latn"] == pytest.approx(0.62)


def test_loads_by_card_without_synthetic(tmp_path, swahili_config, summary):
    datasets = pytest.importorskip("datasets")
    write_dataset([native_doc(0)], [], tmp_path / "d", swahili_config, summary)
    ds = datasets.load_dataset(str(tmp_path / "d"), cache_dir=str(tmp_path / "c"))
    assert list(ds) == ["native"] and ds["native"].num_rows == 1


@pytest.mark.parametrize(("n", "category"), [(0, "n<1K"), (999, "n<1K"), (1000, "1K<n<10K"),
                                             (123_456, "100K<n<1M"), (10**13, "n>1T")])
def test_size_category(n, category):
    assert size_category(n) == category


@pytest.mark.parametrize(("code", "hub"), [("swh_Latn", "sw"), ("yor_Latn", "yo"),
                                           ("zdj_Latn", "zdj"), ("kmb_Latn", "kmb")])
def test_hub_language_code(code, hub):
    assert hub_language_code(get_language(code)) == hub


@pytest.mark.parametrize(("url", "domain"), [("https://www.bbc.com/swahili/x", "bbc.com"),
                                             ("http://Habari.CO.tz:8080/", "habari.co.tz"),
                                             ("", None), (None, None), ("not a url", None)])
def test_url_domain(url, domain):
    assert url_domain(url) == domain


def test_main_signals_are_columns():
    for name in MAIN_SIGNALS:
        assert SCHEMA.field(name).type == "double"


def test_push_to_hub_needs_finished_dataset(tmp_path, swahili_config, summary):
    out = tmp_path / "d"
    write_dataset([native_doc(0)], [], out, swahili_config, summary)
    with pytest.raises(InputError, match="not a finished dataset"):
        push_to_hub(out, "someone/langforge-sw")
    mark_success(out)
    with pytest.raises(FetchError, match="offline mode is on"):
        push_to_hub(out, "someone/langforge-sw", token="hf_dummy")


@pytest.mark.slow
def test_real_swahili_text_roundtrip(shared_data, tmp_path, swahili_config, summary):
    datasets = pytest.importorskip("datasets")
    lines = (shared_data / "text/globalvoices-en-sw/train.swa").read_text(
        encoding="utf-8").splitlines()[:3000]
    docs = [Document(id=stable_id("gv", str(i)), text="\n".join(lines[i:i + 3]),
                     url=f"https://sw.globalvoices.org/{i}", language="swh_Latn",
                     language_score=0.7) for i in range(0, len(lines), 3)]
    result = write_dataset(docs, [], tmp_path / "d", with_shard_docs(swahili_config, 400),
                           summary)
    assert result["splits"]["native"] == 1000 and len(result["files"]) == 4
    ds = datasets.load_dataset(str(tmp_path / "d"), cache_dir=str(tmp_path / "c"))
    assert ds["native"]["text"] == [d.text for d in docs]
    assert "sw.globalvoices.org 100.0%" in (tmp_path / "d/README.md").read_text(encoding="utf-8")


def test_a_rebuild_with_other_rows_is_not_served_from_the_cache(tmp_path, swahili_config,
                                                                 summary):
    """`datasets` caches by the card's data file patterns: names carrying the content hash
    make a rebuild's rows visible without clearing the cache."""
    import datasets

    cache = str(tmp_path / "cache")
    out = tmp_path / "d"
    write_dataset([native_doc(i) for i in range(5)], [], out, swahili_config, summary)
    assert len(datasets.load_dataset(str(out), split="native", cache_dir=cache)) == 5
    write_dataset([native_doc(i) for i in range(3)], [], out, swahili_config, summary)
    assert len(datasets.load_dataset(str(out), split="native", cache_dir=cache)) == 3


def test_card_names_inputs_without_local_paths_and_closes_code_spans(tmp_path, swahili_config,
                                                                     summary):
    described = dict(summary, inputs={
        "warcs": [{"name": "crawl.warc.gz", "fingerprint": "0123456789abcdef"}],
        "seed": {"name": "seed_en.jsonl", "fingerprint": "fedcba9876543210"}},
        stages={"translate": {"status": "skipped", "reason": "no model",
                              "hint": "run `make models MT=x` then set `translate.model`",
                              "docs_in": 0, "docs_out": 0, "dropped": {}}})
    write_dataset([native_doc(0)], [], tmp_path / "d", swahili_config, described)
    card = (tmp_path / "d/README.md").read_text(encoding="utf-8")
    assert "- WARC: `crawl.warc.gz` (fingerprint `0123456789abcdef`)" in card
    assert "`` run `make models MT=x` then set `translate.model` ``" in card
    assert "seed_en.jsonl" not in card  # no synthetic split: the seed is not a source


def test_licence_other_needs_name_and_link(swahili_config):
    from langforge.config import DatasetConfig

    with pytest.raises(ValueError, match="license_name and license_link"):
        DatasetConfig(license="other")
    header_config = swahili_config.model_copy(update={"dataset": DatasetConfig(
        license="other", license_name="my terms", license_link="LICENSE.md")})
    from langforge.dataset import _card_header

    header = _card_header(header_config, {"splits": {"native": 0, "synthetic": 0}, "files": []})
    assert header["license_name"] == "my terms" and header["license_link"] == "LICENSE.md"


def test_ids_are_unique_in_the_dataset():
    """Two shards can hold one WARC-Record-ID: the later document gets a derived id."""
    from langforge.dataset import unique_ids
    from langforge.document import StageStats

    a, b, c = native_doc(0), native_doc(0), native_doc(1)
    b.source = "other.warc.gz@99"
    stats = StageStats("dataset")
    out = list(unique_ids([a, b, c], stats))
    assert len({d.id for d in out}) == 3 and out[0].id == native_doc(0).id
    assert out[1].metadata["original_id"] == native_doc(0).id
    assert stats.extra["duplicate_ids_renamed"] == 1
    again = list(unique_ids([native_doc(0), b, native_doc(1)]))
    assert [d.id for d in again] == [d.id for d in out]  # deterministic
