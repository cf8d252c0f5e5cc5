"""The per-stage commands, ``tokenizer``, ``report``, usage errors, help, and luigid's UI."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from langforge.bench.scale import central_scheduler, scheduler_api
from langforge.cli import build_parser, main
from langforge.config import load_config
from langforge.corpus import training_texts
from langforge.storage import read_docs, read_json, write_docs
from mt_fixtures import build_tiny_model
from pipelines.language import SAMPLE_WARC

SEED = Path(__file__).resolve().parent.parent / "resources" / "sample" / "seed_en.jsonl"


def rows(path: Path) -> int:
    return pq.read_metadata(path).num_rows


def stderr_lines(captured) -> list[str]:
    return [line for line in captured.err.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> Path:
    """extract -> identify -> filter -> dedup on the embedded sample, each with
    --rejected and --stats."""
    out = tmp_path_factory.mktemp("stages")
    steps = [("extract", [str(SAMPLE_WARC)], "extract"),
             ("identify", [str(out / "extract.parquet")], "identify"),
             ("filter", [str(out / "identify.parquet")], "filter"),
             ("dedup", [str(out / "filter.parquet")], "dedup")]
    for command, inputs, name in steps:
        code = main([command, *inputs, "-l", "sw", "-o", str(out / f"{name}.parquet"),
                     "--rejected", str(out / f"{name}-rejected.parquet"),
                     "--stats", str(out / f"{name}.json")])
        assert code == 0, command
    return out


def test_stage_chain_counts_add_up(chain):
    previous_out = None
    for name, stages in (("extract", ["read", "prefilter", "extract"]),
                         ("identify", ["identify"]), ("filter", ["quality"]), ("dedup", ["dedup"])):
        stats = read_json(chain / f"{name}.json")
        assert [s["stage"] for s in stats] == stages
        last = stats[-1]
        assert last["status"] == "ok" and last["docs_out"] == rows(chain / f"{name}.parquet")
        if previous_out is not None:
            assert last["docs_in"] == previous_out
        dropped = sum(n for s in stats for n in s["dropped"].values())
        assert last["docs_in"] - last["docs_out"] == sum(last["dropped"].values())
        rejected = pq.read_table(chain / f"{name}-rejected.parquet").to_pylist()
        assert len(rejected) == dropped
        assert {(r["stage"], r["reason"]) for r in rejected} == {
            (s["stage"], reason) for s in stats for reason in s["dropped"]}
        previous_out = last["docs_out"]
    read = read_json(chain / "extract.json")[0]
    assert read["docs_in"] > 300 and read["docs_out"] == read_json(chain / "extract.json")[1][
        "docs_in"]
    assert {doc.language for doc in read_docs(chain / "identify.parquet")} == {"swh_Latn"}
    # other languages' pages: skipped by the pre-filter (as in a build) or dropped by LID
    prefiltered = sum(read_json(chain / "extract.json")[1]["dropped"].values())
    assert prefiltered + read_json(chain / "identify.json")[0]["dropped"].get(
        "lid_not_target", 0) > 50


def test_stage_prints_its_stats(chain, tmp_path, capsys):
    assert main(["filter", str(chain / "identify.parquet"), "-l", "swh", "-o",
                 str(tmp_path / "q.parquet")]) == 0
    out = capsys.readouterr().out
    stats = read_json(chain / "filter.json")[0]
    dropped = sum(stats["dropped"].values())
    assert out.startswith(f"quality: {stats['docs_in']:,} in, {stats['docs_out']:,} kept, "
                          f"{dropped:,} dropped in ")
    for reason, count in stats["dropped"].items():
        assert f"dropped {reason:<34} {count:>9,}" in out
    assert f"wrote {stats['docs_out']:,} documents to {tmp_path / 'q.parquet'}" in out
    assert not list(tmp_path.glob(".tmp-*"))


def test_near_dedup(chain, tmp_path):
    assert main(["dedup", str(chain / "filter.parquet"), "--method", "near", "-l", "sw",
                 "-o", str(tmp_path / "near.parquet"), "--stats", str(tmp_path / "n.json")]) == 0
    stats = read_json(tmp_path / "n.json")[0]
    exact = read_json(chain / "dedup.json")[0]
    assert set(stats["dropped"]) == {"near_duplicate"}
    # near-duplicates include the exact ones
    assert stats["dropped"]["near_duplicate"] >= sum(exact["dropped"].values())


def test_corrupt_warc_fails_with_one_line_and_no_output(tmp_path, capsys):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"")
    assert main(["extract", str(bad), "-l", "sw", "-o", str(tmp_path / "x.parquet")]) == 1
    lines = stderr_lines(capsys.readouterr())
    assert len(lines) == 1 and lines[0] == f"langforge: error: {bad}: not a WARC/ARC file (it " \
        "holds no record)"
    assert not (tmp_path / "x.parquet").exists()


def test_dataset_from_stage_files(chain, tmp_path, capsys):
    out = tmp_path / "ds"
    assert main(["dataset", str(chain / "dedup.parquet"), "-l", "sw", "-o", str(out),
                 "--stage-stats", *(str(chain / f"{n}.json") for n in
                                    ("extract", "identify", "filter", "dedup"))]) == 0
    kept = rows(chain / "dedup.parquet")
    assert f"wrote dataset {out} (native {kept:,}, synthetic 0 documents;" in \
        capsys.readouterr().out
    assert (out / "_SUCCESS").is_file()
    card = (out / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["language"] == ["sw"] and header["license"] and header["size_categories"]
    identify = read_json(chain / "identify.json")[0]
    assert f"| identify | ok | {identify['docs_in']:,} | {identify['docs_out']:,} |" in card
    import datasets

    loaded = datasets.load_dataset(str(out), split="native")
    assert len(loaded) == kept and {"text", "id", "url"} <= set(loaded.column_names)


def test_push_to_hub_offline_is_one_clear_line(chain, tmp_path, capsys):
    # conftest sets HF_HUB_OFFLINE=1: the upload must refuse before any connection.
    code = main(["dataset", str(chain / "dedup.parquet"), "-l", "sw", "-o",
                 str(tmp_path / "ds"), "--push-to-hub", "someone/swahili"])
    lines = stderr_lines(capsys.readouterr())
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith("langforge: network error: cannot push to the Hub: offline mode")


def test_translate_without_model_names_the_fix(tmp_path, capsys):
    assert main(["translate", "-l", "sw", "-o", str(tmp_path / "syn.parquet")]) == 2
    lines = stderr_lines(capsys.readouterr())
    assert len(lines) == 1 and "no translation model configured" in lines[0]
    assert "make models MT=" in lines[0] and not (tmp_path / "syn.parquet").exists()


def test_translate_with_a_tiny_real_model(tmp_path, capsys):
    model = build_tiny_model(tmp_path / "mt")
    assert main(["translate", "-l", "sw", "--model", str(model), "--seed", str(SEED),
                 "--limit", "3", "--beam-size", "1", "-o", str(tmp_path / "syn.parquet"),
                 "--rejected", str(tmp_path / "rej.parquet"),
                 "--stats", str(tmp_path / "t.json")]) == 0
    stats = read_json(tmp_path / "t.json")[0]
    assert stats["stage"] == "translate" and stats["docs_in"] == 3
    assert stats["docs_out"] + sum(stats["dropped"].values()) == 3
    assert all(reason.startswith("mt_") for reason in stats["dropped"])
    assert stats["extra"]["sentences"] > 0
    assert rows(tmp_path / "syn.parquet") == stats["docs_out"]
    assert capsys.readouterr().out.startswith("translate: 3 in, ")


@pytest.fixture(scope="module")
def tokenizer_dir(chain, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tok") / "tokenizer"
    assert main(["tokenizer", "build", "sw", "--corpus", str(chain / "dedup.parquet"), "-o",
                 str(out), "--addon-vocab-size", "300", "--no-sweep", "--no-compare"]) == 0
    return out


def test_tokenizer_eval_reproduces_the_build_evaluation(chain, tokenizer_dir, tmp_path, capsys):
    evaluation = read_json(tokenizer_dir / "evaluation.json")
    assert evaluation["added_pieces"] == 300 and evaluation["sizes"] == []
    vocab = load_config("sw").vocab
    _, heldout = training_texts(read_docs(chain / "dedup.parquet"), [], vocab.heldout_frac, 0)
    heldout_docs = [doc for doc in read_docs(chain / "dedup.parquet") if doc.text in heldout]
    write_docs(heldout_docs, tmp_path / "heldout.parquet")
    capsys.readouterr()
    assert main(["tokenizer", "eval", "--tokenizer", str(tokenizer_dir / "merged.model"),
                 "--text", str(tmp_path / "heldout.parquet"), "--english", str(SEED),
                 "--json", str(tmp_path / "eval.json")]) == 0
    result = read_json(tmp_path / "eval.json")
    assert result["text"] == evaluation["heldout"]  # the same metric functions, same text
    assert result["text"]["token_reduction_frac"] > 0.1
    assert result["english"]["changed_lines"] == 0 and result["english"]["lines"] > 100
    assert result["hf_agreement"]["agreement_frac"] == 1.0
    out = capsys.readouterr().out
    assert "tokens per word" in out and "byte-fallback rate" in out
    assert "English lines whose tokens changed: 0 of" in out
    assert "SentencePiece vs Hugging Face export:" in out and "(100.00%)" in out


def test_tokenizer_eval_on_hf_dir_and_bad_dir(tokenizer_dir, tmp_path, capsys):
    text = tmp_path / "sw.txt"
    text.write_text("Habari za asubuhi, watoto wanakwenda shuleni.\nMvua kubwa imenyesha.\n",
                    encoding="utf-8")
    assert main(["tokenizer", "eval", "--tokenizer", str(tokenizer_dir / "hf"),
                 "--text", str(text)]) == 0
    assert "2 of 2 lines give the same ids" in capsys.readouterr().out
    assert main(["tokenizer", "eval", "--tokenizer", str(tmp_path), "--text", str(text)]) == 2
    lines = stderr_lines(capsys.readouterr())
    assert len(lines) == 1 and "has no tokenizer.model" in lines[0]


def test_report_needs_a_finished_build(tmp_path, capsys):
    assert main(["report", "sw", "--build-dir", str(tmp_path)]) == 1
    lines = stderr_lines(capsys.readouterr())
    assert len(lines) == 1 and "summary.json" in lines[0]
    assert f"langforge language sw --build-dir {tmp_path}" in lines[0]


@pytest.mark.parametrize("argv", [
    [], ["bogus"], ["extract"], ["extract", "missing.warc.gz", "-l", "sw", "-o", "x.parquet"],
    ["dedup", "in.parquet", "--method", "fuzzy"], ["tokenizer"], ["tokenizer", "eval"],
    ["language"], ["report"], ["models"], ["identify", "-l", "sw"],
])
def test_usage_error_is_one_line_and_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    captured = capsys.readouterr()
    lines = stderr_lines(captured)
    assert captured.out == "" and len(lines) == 1
    assert lines[0].startswith("langforge: error: ") and lines[0].endswith(" --help')")
    assert "(see 'langforge" in lines[0]


def walk(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from walk(child)


def subcommands() -> list[str]:
    return [p.prog for p in walk(build_parser())]


@pytest.mark.parametrize("prog", subcommands())
def test_every_help_explains_options_and_defaults(prog):
    parser = next(p for p in walk(build_parser()) if p.prog == prog)
    assert issubclass(parser.formatter_class, argparse.ArgumentDefaultsHelpFormatter)
    text = parser.format_help()
    assert text.startswith(f"usage: {prog}")
    if prog != "langforge":
        assert parser.description, f"{prog} has no description"
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        assert action.help, f"{prog}: {action.dest} has no help"
        shows_default = action.option_strings and action.default not in (None, argparse.SUPPRESS)
        if shows_default:
            assert f"(default: {action.default})" in " ".join(text.split()), \
                f"{prog}: the default of {action.dest} is not shown"


def test_stage_commands_are_listed_in_top_help():
    text = build_parser().format_help()
    for name in ("extract", "identify", "filter", "dedup", "translate", "dataset", "tokenizer",
                 "report", "language", "languages", "scheduler"):
        assert f"    {name} " in text


# --- the scheduler UI (luigid) ---------------------------------------------------------


@pytest.fixture
def luigid(tmp_path):
    with central_scheduler(tmp_path / "luigi") as port:
        yield port


@pytest.mark.slow
@pytest.mark.timeout(300)  # a failed task keeps a central-scheduler worker waiting
def test_central_scheduler_shows_readable_tasks(luigid, tmp_path, capfd):
    # capfd, not capsys: SentencePiece training writes to the stderr file descriptor.
    build = tmp_path / "build"
    code = main(["language", "sw", "--build-dir", str(build), "--scheduler", "central",
                 "--port", str(luigid)])
    assert code == 0
    done = scheduler_api(luigid, "task_list", {"status": "DONE"})
    families = {task["name"] for task in done.values()}
    assert {"langforge.ExtractShard", "langforge.IdentifyShard", "langforge.FilterShard",
            "langforge.Deduplicate", "langforge.TranslateSeed", "langforge.BuildDataset",
            "langforge.TrainTokenizer", "langforge.LanguageCorpus"} <= families
    shard = next(t for t in done.values() if t["name"] == "langforge.ExtractShard")
    assert shard["params"]["language"] == "swh_Latn" and shard["params"]["shard"] == "0"
    assert shard["display_name"].startswith("langforge.ExtractShard(")
    assert "language=swh_Latn" in shard["display_name"] and "shard=0" in shard["display_name"]
    assert not scheduler_api(luigid, "task_list", {"status": "FAILED"})
    out = capfd.readouterr().out
    assert "langforge 0.1.0: Swahili (swh_Latn)" in out and "dedup" in out

    # `langforge report` re-renders the finished build's report from summary.json
    lang_dir = build / "swh_Latn"
    (lang_dir / "report.html").unlink()
    assert main(["report", "sw", "--build-dir", str(build)]) == 0
    page = (lang_dir / "report.html").read_text(encoding="utf-8")
    assert '<section id="funnel">' in page and (lang_dir / "report.md").is_file()
    assert f"file://{(lang_dir / 'report.html').resolve()}" in capfd.readouterr().out


def test_tokenizer_eval_reads_a_byte_level_tokenizer_json(tmp_path, capsys):
    """`tokenizer eval` on a byte-level output: here the tekken base itself, so the
    comparison must show no change at all."""
    from langforge.cli import main as cli_main
    from langforge.vocab.base import resolve_base
    from langforge.vocab.bytelevel_build import load_bpe_base

    path = tmp_path / "tokenizer.json"
    load_bpe_base(resolve_base("tekken-240911")).save(str(path))
    text = tmp_path / "sw.txt"
    text.write_text("Habari za asubuhi, wakulima wanavuna mahindi.\nWatoto wanasoma shuleni.\n")
    english = tmp_path / "en.txt"
    english.write_text("The farmers harvest maize in the morning.\n")
    out = tmp_path / "eval.json"
    assert cli_main(["tokenizer", "eval", "--tokenizer", str(tmp_path), "--base",
                     "tekken-240911", "--text", str(text), "--english", str(english),
                     "--json", str(out)]) == 0
    result = json.loads(out.read_text())
    assert result["text"]["token_reduction_frac"] == 0
    assert result["english"]["changed_lines"] == 0
    assert "SentencePiece vs Hugging Face: not checked" not in capsys.readouterr().out
