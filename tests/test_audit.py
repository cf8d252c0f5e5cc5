"""The audit sheet of a build and the precision/recall of its marks."""

from __future__ import annotations

import csv

import pytest

from langforge.audit import apply_marks, build_sheet, read_marks, write_sheet
from langforge.cli import main
from langforge.config import load_config
from langforge.document import Document, Rejection
from langforge.errors import InputError
from langforge.storage import RejectWriter, write_docs

SW = load_config("sw")


@pytest.fixture()
def build(tmp_path):
    """A tiny finished build: 30 kept documents (3 near the lid floor), 5 rejected by LID
    and 4 by quality."""
    from langforge.config import load_config

    lang_dir = tmp_path / "build" / "swh_Latn"
    near = load_config("sw").lid.min_score + 0.01  # just above the configured floor
    kept = [Document(f"k{i:02d}", f"kept {i}", url=f"https://a/{i}",
                     signals={"lid_score": near if i < 3 else 0.9, "word_count": 300.0})
            for i in range(30)]
    (lang_dir / "work" / "dedup").mkdir(parents=True)
    write_docs(kept, lang_dir / "work" / "dedup" / "docs.parquet")
    rejects = RejectWriter()
    for i in range(5):
        rejects(Rejection("identify", "lid_not_target", f"l{i}", f"https://b/{i}", f"other {i}",
                          {"top_language": "eng_Latn", "signals": {"lid_score": 0.01}}))
    for i in range(4):
        rejects(Rejection("quality", "quality_min_words", f"q{i}", None, f"short {i}", {}))
    rejects(Rejection("dedup", "exact_duplicate", "d0", None, "dup", {}))
    (lang_dir / "rejected").mkdir()
    rejects.write(lang_dir / "rejected" / "identify.parquet")
    return lang_dir


def test_sheet_is_stratified_and_deterministic(build, tmp_path):
    rows = build_sheet(build, SW, per_stratum=4, seed=1)
    strata = {}
    for row in rows:
        strata.setdefault(row.stratum, []).append(row)
    assert set(strata) == {"kept", "near:lid.min_score", "rejected:lid_not_target",
                           "rejected:quality_min_words"}  # dedup is not a text decision
    assert len(strata["kept"]) == 4 and strata["kept"][0].weight == 7.5
    assert len(strata["near:lid.min_score"]) == 3 and strata["near:lid.min_score"][0].weight == 1
    assert all(r.decision == "drop" and r.reason == "lid_not_target"
               for r in strata["rejected:lid_not_target"])
    assert "signals" not in strata["rejected:lid_not_target"][0].detail
    assert [r.id for r in build_sheet(build, SW, per_stratum=4, seed=1)] == [r.id for r in rows]
    csv_path, html_path = write_sheet(rows, tmp_path / "out", "audit-swh_Latn")
    assert "keep</b> or <b>drop" in html_path.read_text(encoding="utf-8")
    assert [r.id for r in read_marks(csv_path)] == [r.id for r in rows]


def test_marks_give_weighted_precision_and_recall(build, tmp_path):
    rows = build_sheet(build, SW, per_stratum=4, seed=1)
    for row in rows:
        # the speaker drops one sampled kept document and rescues the short ones
        row.mark = "drop" if row.id == rows[0].id else (
            "keep" if row.decision == "keep" or row.reason == "quality_min_words" else "drop")
    result = apply_marks(rows)
    assert result.marked == len({r.id for r in rows})
    kept_rows = {r.id: r for r in rows if r.stratum == "kept"}
    kept_weight = sum(r.weight for r in kept_rows.values())
    good_kept = kept_weight - (kept_rows[rows[0].id].weight if rows[0].id in kept_rows else 0)
    assert result.precision == pytest.approx(good_kept / kept_weight)
    assert result.recall == pytest.approx(good_kept / (good_kept + 4))
    assert result.wrongly_dropped_by_reason == {"lid_not_target": 0.0, "quality_min_words": 1.0}
    assert result.near_kept_good == {"near:lid.min_score": 1.0}
    assert apply_marks([]).precision is None


def test_bad_marks_and_missing_build(build, tmp_path):
    rows = build_sheet(build, SW, per_stratum=2)
    csv_path, _ = write_sheet(rows, tmp_path, "sheet")
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    text = "\n".join([lines[0], lines[1].rsplit(",", 1)[0] + ",maybe"] + lines[2:]) + "\n"
    csv_path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"sheet.csv:2: mark 'maybe' is not keep or drop"):
        read_marks(csv_path)
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="not an audit sheet"):
        read_marks(tmp_path / "other.csv")
    with pytest.raises(InputError, match="run `langforge language swh_Latn` first"):
        build_sheet(tmp_path / "nothing", SW)


def test_cli_audit_and_audit_apply(build, tmp_path, capsys):
    build_dir = build.parent
    assert main(["audit", "sw", "--build-dir", str(build_dir), "--per-stratum", "3"]) == 0
    sheet = build / "audit" / "audit-swh_Latn.csv"
    assert sheet.is_file() and (build / "audit" / "audit-swh_Latn.html").is_file()
    with sheet.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["mark"] = "keep" if row["decision"] == "keep" else "drop"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    capsys.readouterr()
    assert main(["audit-apply", "sw", "--marks", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "precision (kept documents the speaker keeps):     100.0%" in out
    assert main(["audit-apply", "sw", "--marks", str(tmp_path / "none.csv")]) == 1
