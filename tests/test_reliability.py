"""Crash and resume, and concurrent workers against one central scheduler.

Both compare against an uninterrupted single-worker build: the final dataset must
be byte-identical, with no document lost or duplicated.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from pipelines.language import SAMPLE_WARC

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent


def split_warc(source: Path, out_dir: Path, parts: int) -> list[Path]:
    """Cut a record-per-gzip-member WARC into ``parts`` files at request records."""
    data = source.read_bytes()
    with source.open("rb") as fh:
        it = ArchiveIterator(fh)
        starts = [it.get_record_offset() for record in it if record.rec_type == "request"]
    cuts = [0] + [starts[len(starts) * i // parts] for i in range(1, parts)] + [len(data)]
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(parts):
        path = out_dir / f"part-{i}.warc.gz"
        path.write_bytes(data[cuts[i]:cuts[i + 1]])
        paths.append(path)
    return paths


def cli(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "langforge.cli", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)


def build(build_dir: Path, warcs: list[Path], *extra: str) -> subprocess.CompletedProcess:
    proc = cli("language", "sw", "--build-dir", str(build_dir),
               "--warcs", ",".join(map(str, warcs)), *extra)
    out, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, out[-3000:]
    return out


def dataset_digest(build_dir: Path) -> dict[str, str]:
    """sha256 of every dataset file and of the document ids (lost/duplicated check)."""
    lang = build_dir / "swh_Latn"
    digests = {str(p.relative_to(lang)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in sorted((lang / "dataset").rglob("*")) if p.is_file()}
    import pyarrow.parquet as pq

    ids = [i for p in sorted((lang / "dataset" / "data").glob("*.parquet"))
           for i in pq.read_table(p, columns=["id"]).column("id").to_pylist()]
    assert len(ids) == len(set(ids)), "duplicated documents"
    digests["ids"] = hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()
    return digests


@pytest.fixture(scope="module")
def warcs(tmp_path_factory):
    return split_warc(SAMPLE_WARC, tmp_path_factory.mktemp("warcs"), 4)


@pytest.fixture(scope="module")
def reference(warcs, tmp_path_factory):
    build_dir = tmp_path_factory.mktemp("reference")
    build(build_dir, warcs)
    summary = json.loads((build_dir / "swh_Latn" / "summary.json").read_text())
    return dataset_digest(build_dir), summary


def test_split_keeps_every_record(warcs):
    def count(paths):
        return sum(1 for p in paths for _ in ArchiveIterator(p.open("rb")))
    assert count(warcs) == count([SAMPLE_WARC])


def test_sigkill_at_random_points_then_resume_is_byte_identical(warcs, reference, tmp_path):
    ref_digest, ref_summary = reference
    rng = random.Random(20261121)
    kills = 0
    for attempt in range(12):
        proc = cli("language", "sw", "--build-dir", str(tmp_path),
                   "--warcs", ",".join(map(str, warcs)), start_new_session=True)
        # start-up takes ~2 s; later attempts resume further along the graph
        time.sleep(rng.uniform(1.5, 3.0 + attempt / 4))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate()
        # whatever a kill left, nothing incomplete may look complete
        for marker in tmp_path.rglob("_SUCCESS"):
            assert not marker.parent.name.startswith(".tmp-"), marker
    print(f"SIGKILLs survived: {kills}")
    assert kills >= 4, "the run finished before it could be killed often enough"
    build(tmp_path, warcs)
    assert dataset_digest(tmp_path) == ref_digest
    summary = json.loads((tmp_path / "swh_Latn" / "summary.json").read_text())
    assert summary["stages"] == ref_summary["stages"]
    assert summary["final"] == ref_summary["final"]
    assert not list(tmp_path.rglob(".tmp-*")), "the resumed run left temporaries of killed runs"


def test_two_local_builds_on_one_build_dir_wait_instead_of_racing(warcs, reference, tmp_path):
    ref_digest, _ = reference
    procs = [cli("language", "sw", "--build-dir", str(tmp_path), "--warcs",
                 ",".join(map(str, warcs))) for _ in range(2)]
    outputs = [p.communicate(timeout=900)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], "\n".join(o[-2000:] for o in outputs)
    assert not any("Traceback" in o for o in outputs)
    assert any("waiting for it to finish" in o for o in outputs)
    started = [line for o in outputs for line in o.splitlines()
               if "langforge.pipeline: start " in line]
    assert len(started) == len(set(started)), "a task ran twice"
    assert dataset_digest(tmp_path) == ref_digest


def _wait_for_scheduler(port: int) -> None:
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/task_list?data=%7B%7D",
                                   timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("luigid did not answer within 20 s")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_three_workers_on_one_scheduler_run_each_task_once(warcs, reference, tmp_path):
    ref_digest, _ = reference
    port = _free_port()
    luigid = Path(sys.executable).with_name("luigid")
    state = tmp_path / "luigi"
    state.mkdir()
    server = subprocess.Popen([str(luigid), "--address", "127.0.0.1", "--port", str(port),
                               "--state-path", str(state / "state.pickle"),
                               "--logdir", str(state)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        _wait_for_scheduler(port)
        # the scheduler listens on loopback only
        listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout \
            if Path("/usr/bin/ss").exists() or Path("/bin/ss").exists() else ""
        if listening:
            assert f"127.0.0.1:{port}" in listening and f"0.0.0.0:{port}" not in listening
        build_dir = tmp_path / "build"
        workers = [cli("language", "sw", "--build-dir", str(build_dir), "--warcs",
                       ",".join(map(str, warcs)), "--scheduler", "central", "--port", str(port))
                   for _ in range(3)]
        outputs = [w.communicate(timeout=600)[0] for w in workers]
        assert all(w.returncode == 0 for w in workers), "\n".join(o[-2000:] for o in outputs)
    finally:
        server.terminate()
        server.wait(timeout=10)
    started = [line.split("start ", 1)[1].strip() for out in outputs
               for line in out.splitlines() if "langforge.pipeline: start " in line]
    assert len(started) == len(set(started)), "a task ran twice"
    shard_tasks = [t for t in started if t.startswith("langforge.ExtractShard(")]
    assert len(shard_tasks) == len(warcs)
    assert sum(1 for out in outputs if "langforge.pipeline: start " in out) >= 2, \
        "the work was not shared between workers"
    assert dataset_digest(build_dir) == ref_digest


def test_a_dead_central_workers_task_is_taken_over(warcs, reference, tmp_path):
    """Two workers on one scheduler; the one running TrainTokenizer is SIGKILLed: the
    scheduler fails its task after the disconnect delay, offers it again after the
    retry delay, and the surviving worker finishes the build."""
    ref_digest, _ = reference
    port = _free_port()
    scheduler = cli("scheduler", "--build-dir", str(tmp_path), "--port", str(port),
                    "--worker-disconnect-delay", "5", "--retry-delay", "2",
                    start_new_session=True)
    try:
        _wait_for_scheduler(port)
        command = ("language", "sw", "--build-dir", str(tmp_path / "build"), "--warcs",
                   ",".join(map(str, warcs)), "--scheduler", "central", "--port", str(port))
        first = cli(*command, start_new_session=True)
        for line in first.stdout:
            if "langforge.pipeline: start langforge.TrainTokenizer" in line:
                break
        else:
            pytest.fail("the first worker finished without reaching TrainTokenizer")
        second = cli(*command)
        time.sleep(1)
        os.killpg(first.pid, signal.SIGKILL)
        first.communicate()
        out, _ = second.communicate(timeout=600)
        assert second.returncode == 0, out[-3000:]
        assert "start langforge.TrainTokenizer" in out, "the survivor did not take the task over"
    finally:
        os.killpg(scheduler.pid, signal.SIGTERM)
        scheduler.communicate(timeout=30)
    assert dataset_digest(tmp_path / "build") == ref_digest


def test_the_scheduler_shows_short_parameters_and_progress(tmp_path):
    """What luigid's task list shows of a build: a build id and a shard number (not the
    WARC list), and each task's status message with counts. Read from the scheduler
    once the build is done (it keeps finished tasks and their last message), so what
    is checked does not depend on catching a task while it runs; the live messages are
    checked in tests/test_progress.py."""
    port = _free_port()
    scheduler = cli("scheduler", "--build-dir", str(tmp_path), "--port", str(port),
                    start_new_session=True)
    try:
        _wait_for_scheduler(port)
        worker = cli("language", "sw", "--build-dir", str(tmp_path / "build"),
                     "--scheduler", "central", "--port", str(port))
        out, _ = worker.communicate(timeout=600)
        assert worker.returncode == 0, out[-3000:]
        url = f"http://127.0.0.1:{port}/api/task_list?data=%7B%22status%22%3A%22DONE%22%7D"
        tasks = json.loads(urllib.request.urlopen(url, timeout=30).read())["response"]
    finally:
        os.killpg(scheduler.pid, signal.SIGTERM)
        scheduler.communicate(timeout=30)
    ours = {i: t for i, t in tasks.items() if t["name"].startswith("langforge.")}
    assert ours, sorted(t["name"] for t in tasks.values())
    for task in ours.values():
        assert set(task["params"]) <= {"language", "build_dir", "build_id", "shard", "chunk",
                                       "max_gap_bytes", "path", "partition"}, task["params"]
    reported = [t for t in ours.values() if t.get("status_message")]
    for task in reported:
        assert task["status_message"].startswith("done: ") and " in, " in task["status_message"]
        assert len(task["status_message"]) <= 500
    assert any(t["name"] == "langforge.ExtractShard" for t in reported), sorted(
        t["name"] for t in reported)
    log_lines = [line for line in out.splitlines() if "langforge.pipeline: " in line]
    assert max(len(line) for line in log_lines) < 300


def test_bad_files_beside_good_ones_cost_nothing(warcs, reference, tmp_path):
    """A 0-byte WARC, a file that is no WARC and a WARC with junk before its first
    record, among the good files of one build: every good page still reaches the
    dataset, each bad input is counted under a named reason, exit 0, no traceback."""
    _, ref_summary = reference
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.warc.gz").write_bytes(b"")
    (bad / "notes.warc.gz").write_text("these are my notes, not a crawl\n" * 20)
    junk_first = bad / "junk-first.warc.gz"
    junk_first.write_bytes(b"\r\n\xef\xbb\xbf" + warcs[0].read_bytes())
    build_dir = tmp_path / "build"
    out = build(build_dir, [*warcs[1:], junk_first, bad / "empty.warc.gz", bad / "notes.warc.gz"])
    assert "Traceback" not in out
    summary = json.loads((build_dir / "swh_Latn" / "summary.json").read_text())
    assert summary["final"]["native_documents"] == ref_summary["final"]["native_documents"]
    read = summary["stages"]["read"]
    assert read["dropped"].get("input_empty") == 1 and read["dropped"].get("input_not_warc") == 1
    assert read["dropped"].get("warc_skipped_bytes") == 1
    assert read["docs_out"] == ref_summary["stages"]["read"]["docs_out"]
