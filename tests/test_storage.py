"""Atomic writes and Parquet document/rejection files."""

import pytest

from langforge.document import Document, Rejection, StageStats
from langforge.storage import (RejectWriter, atomic_path, read_docs, read_rejections, write_docs,
                               write_json, read_json)


def test_atomic_path_leaves_nothing_on_failure(tmp_path):
    target = tmp_path / "out.json"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []


def test_atomic_directory_replaces_whole(tmp_path):
    target = tmp_path / "stage"
    for name in ("a", "b"):
        with atomic_path(target) as tmp:
            tmp.mkdir()
            (tmp / name).write_text(name)
    assert [p.name for p in target.iterdir()] == ["b"]


def test_docs_round_trip_and_empty_file(tmp_path):
    docs = [Document(id=str(i), text=f"t{i}", signals={"x": i}, metadata={"m": [i]})
            for i in range(2500)]
    assert write_docs(docs, tmp_path / "d.parquet") == 2500
    assert list(read_docs(tmp_path / "d.parquet")) == docs
    assert write_docs([], tmp_path / "e.parquet") == 0
    assert list(read_docs(tmp_path / "e.parquet")) == []


def test_streamed_rejections_are_all_written_in_order(tmp_path):
    writer = RejectWriter(tmp_path / "r.parquet")
    stats = StageStats("quality", on_reject=writer)
    for i in range(2345):
        stats.reject(Document(id=str(i), text="x" * 3000), "quality_min_words", value=i)
    assert len(writer.rows) < 1000  # flushed in batches, not held
    assert writer.close() == 2345
    rows = read_rejections(tmp_path / "r.parquet")
    assert [r["id"] for r in rows] == [str(i) for i in range(2345)]
    assert len(rows[0]["text"]) == 2000 and rows[5]["detail"]["value"] == 5


def test_streamed_writer_with_no_rejections_writes_an_empty_file(tmp_path):
    writer = RejectWriter(tmp_path / "r.parquet")
    assert writer.close() == 0
    assert read_rejections(tmp_path / "r.parquet") == []


def test_json_keeps_order_when_asked(tmp_path):
    write_json(tmp_path / "a.json", {"b": 1, "a": 2}, sort_keys=False)
    assert list(read_json(tmp_path / "a.json")) == ["b", "a"]
    assert isinstance(Rejection("s", "r", "1", None, ""), Rejection)


def test_a_symlinked_output_directory_is_replaced_at_its_target(tmp_path):
    from langforge.storage import atomic_path

    target = tmp_path / "big-disk" / "dataset"
    target.mkdir(parents=True)
    (target / "old.txt").write_text("old")
    link = tmp_path / "build" / "dataset"
    link.parent.mkdir()
    link.symlink_to(target)
    with atomic_path(link) as tmp:
        tmp.mkdir()
        (tmp / "new.txt").write_text("new")
    assert link.is_symlink() and sorted(p.name for p in link.iterdir()) == ["new.txt"]
    assert not list(tmp_path.rglob(".tmp-*"))
