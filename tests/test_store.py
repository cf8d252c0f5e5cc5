"""Build dirs and WARC inputs on object storage (langforge.store).

The unit tests use fsspec's in-memory store. The slow ones run the real S3 path
against moto's S3-compatible server on 127.0.0.1 (what s3fs tests against): a build
with ``--build-dir s3://...`` and ``--warcs 's3://.../*.warc.gz'``, its dataset read
back with ``datasets.load_dataset`` from the bucket, and three workers that share
nothing but luigid and the bucket (each its own HOME, working dir and current
directory), one of them SIGKILLed mid-task: the published dataset is byte-identical
to a single local build over the same inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import fsspec
import pytest

from langforge.errors import ConfigError
from test_reliability import _free_port, _wait_for_scheduler, split_warc
from langforge.storage import SUCCESS
from langforge.store import Store, is_store_url

REPO = Path(__file__).resolve().parent.parent
BUCKET = "lf-test"


# -- the store's own guarantees (in-memory store) ---------------------------------------------

@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("LANGFORGE_WORK_DIR", str(tmp_path / "work"))
    url = f"memory://unit-{tmp_path.name}/build"
    yield Store(url)
    fsspec.filesystem("memory").rm(f"/unit-{tmp_path.name}", recursive=True)


def _stage_dir(store: Store, name: str = "shard-00000.abc") -> Path:
    directory = store.local / "swh_Latn" / "work" / "extract" / name
    directory.mkdir(parents=True)
    (directory / "docs.parquet").write_bytes(b"documents")
    (directory / "stats.json").write_text("[]")
    (directory / SUCCESS).write_text("")
    return directory


def test_which_locations_are_stores():
    assert is_store_url("s3://bucket/build") and is_store_url("gs://b/x")
    assert is_store_url("memory://b/x") and is_store_url("hf://datasets/o/n")
    assert not is_store_url("https://data.commoncrawl.org/x.warc.gz")
    assert not is_store_url("build") and not is_store_url("/abs/build")
    assert not is_store_url("crawl-data/CC-MAIN-2024-10/x.warc.gz")


def test_an_output_counts_only_once_its_marker_is_written(store, monkeypatch):
    directory = _stage_dir(store)
    marker = directory / SUCCESS

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt("killed before the marker")

    with monkeypatch.context() as patch:  # a push killed after the data objects
        patch.setattr(store.fs, "pipe_file", killed)
        with pytest.raises(KeyboardInterrupt):
            store.push_dir(directory)
    assert store.fs.find(store.key(store.rel(directory)))  # data objects are there...
    assert not store.exists(marker)  # ...but the output is not complete
    other = directory.with_name("copy")
    assert not store.pull_dir(directory.rename(other) and directory)  # nothing to read
    other.rename(directory)
    first = store.push_dir(directory)
    assert store.exists(marker)
    (directory / "docs.parquet").write_bytes(b"changed locally")
    # a reader on another machine gets what the marker names, not the unmarked attempt
    again = Store(store.url)
    again.local = store.local.with_name("elsewhere")
    pulled = again.local / directory.relative_to(store.local)
    assert again.pull_dir(pulled)
    assert (pulled / "docs.parquet").read_bytes() == b"documents"
    assert json.loads((pulled / SUCCESS).read_text())["attempt"] == first["attempt"]
    assert sorted(p.name for p in pulled.iterdir()) == ["_SUCCESS", "docs.parquet",
                                                        "stats.json"]


def test_a_partial_pull_takes_bookkeeping_not_data(store):
    directory = _stage_dir(store)
    store.push_dir(directory)
    reader = Store(store.url)
    reader.local = store.local.with_name("reader")
    pulled = reader.local / directory.relative_to(store.local)
    assert reader.pull_dir(pulled, partial=True)
    assert sorted(p.name for p in pulled.iterdir()) == ["_SUCCESS", "stats.json"]
    assert reader.pull_dir(pulled)  # a later full pull completes it
    assert (pulled / "docs.parquet").read_bytes() == b"documents"


def test_publishing_again_removes_the_previous_builds_files(store):
    lang = store.local / "swh_Latn"
    (lang / "dataset" / "data").mkdir(parents=True)
    (lang / "work").mkdir()
    (lang / "work" / "kept.txt").write_text("work")
    old = lang / "dataset" / "data" / "native-00000-of-00001-aaaa.parquet"
    old.write_bytes(b"old")
    store.push_tree(lang, skip=("work",))
    old.unlink()
    (lang / "dataset" / "data" / "native-00000-of-00001-bbbb.parquet").write_bytes(b"new")
    store.push_tree(lang, skip=("work",))
    names = sorted(Path(k).name for k in store.fs.find(store.key("swh_Latn")))
    assert names == ["native-00000-of-00001-bbbb.parquet"]


def test_a_forked_task_process_gets_its_own_store(tmp_path, monkeypatch):
    """Luigi forks a process per task with --workers > 1: it must not reuse the parent's
    filesystem object (s3fs refuses: "This class is not fork-safe")."""
    from langforge.store import store_for

    monkeypatch.setenv("LANGFORGE_WORK_DIR", str(tmp_path))
    parent = store_for("memory://fork/build")
    assert store_for("memory://fork/build") is parent and store_for(str(tmp_path)) is None
    pid = os.fork()
    if pid == 0:  # the child: exit status says what it got
        os._exit(0 if store_for("memory://fork/build") is not parent else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_store_without_its_package_names_the_extra(monkeypatch):
    import importlib

    registry = importlib.import_module("fsspec.registry")  # the module, not its mapping
    monkeypatch.setitem(registry.known_implementations, "gs", {
        "class": "gcsfs_not_installed.GCSFileSystem", "err": "install gcsfs"})
    monkeypatch.delitem(registry._registry, "gs", raising=False)
    with pytest.raises(ConfigError, match=r"langforge\[gcs\]"):
        Store("gs://bucket/build")


@pytest.mark.parametrize("command", [("report", "sw"), ("audit", "sw"), ("clean", "--stale"),
                                     ("scheduler",)])
def test_local_only_commands_name_the_working_copy(command, tmp_path, monkeypatch, capsys):
    from langforge.cli import main

    monkeypatch.setenv("LANGFORGE_WORK_DIR", str(tmp_path))
    code = main([*command, "--build-dir", "s3://bucket/build"])
    err = capsys.readouterr().err
    assert code == 2 and "works on a local build dir" in err and str(tmp_path) in err
    assert not (tmp_path / "s3:").exists() and not Path("s3:").exists()


def test_http_inputs_of_a_store_build_are_streamed_not_cached(tmp_path, monkeypatch):
    """Workers of a store build share no download cache: each streams its shard."""
    from pipelines.language import language_task

    monkeypatch.setenv("LANGFORGE_WORK_DIR", str(tmp_path))
    url = "https://data.example.org/crawl-data/CC-MAIN-2024-10/a.warc.gz"
    task = language_task("sw", build_dir="memory://http/build", warcs=[url])
    assert task.spec.stream and task.spec.warcs == [url]
    local = language_task("sw", build_dir=str(tmp_path / "build"), warcs=[url])
    assert not local.spec.stream


# -- the real S3 path: moto's server on 127.0.0.1 ----------------------------------------------

@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """An S3-compatible server on 127.0.0.1 holding the sample cut into 3 WARC files;
    yields the environment a worker needs to reach it."""
    pytest.importorskip("s3fs", reason="the s3 extra (s3fs) is not installed")
    server_mod = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    from pipelines.language import SAMPLE_WARC

    port = _free_port()
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    env = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
           "AWS_DEFAULT_REGION": "us-east-1",
           "FSSPEC_S3_ENDPOINT_URL": f"http://127.0.0.1:{port}"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    conf = fsspec.config.conf.setdefault("s3", {})
    conf["endpoint_url"] = env["FSSPEC_S3_ENDPOINT_URL"]
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    fs.mkdir(BUCKET)
    for path in split_warc(SAMPLE_WARC, tmp_path_factory.mktemp("parts"), 3):
        fs.put_file(str(path), f"{BUCKET}/warcs/{path.name}")
    try:
        yield env
    finally:
        fsspec.config.conf.get("s3", {}).pop("endpoint_url", None)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()


def cli(place: Path, *args: str, **kwargs) -> subprocess.Popen:
    """``langforge ...`` as a worker of its own: its own HOME, working copy and
    current directory (nothing on disk shared with any other worker)."""
    for sub in ("home", "work", "cwd"):
        (place / sub).mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "HOME": str(place / "home"),
           "LANGFORGE_WORK_DIR": str(place / "work"), "PYTHONPATH": str(REPO)}
    env.pop("LANGFORGE_CACHE_DIR", None)
    return subprocess.Popen([sys.executable, "-m", "langforge.cli", *args], cwd=place / "cwd",
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, **kwargs)


def _finish(proc: subprocess.Popen) -> str:
    out, _ = proc.communicate(timeout=900)
    assert proc.returncode == 0, out[-3000:]
    return out


WARCS = f"s3://{BUCKET}/warcs/*.warc.gz"


def _dataset_files(fs, root: str) -> dict[str, str]:
    return {k[len(root):]: hashlib.sha256(fs.cat_file(k)).hexdigest()
            for k in sorted(fs.find(root))}


@pytest.fixture(scope="module")
def local_reference(s3, tmp_path_factory):
    """A single-worker build with a local build dir over the same S3 WARC objects."""
    place = tmp_path_factory.mktemp("local")
    _finish(cli(place, "language", "sw", "--build-dir", str(place / "build"), "--warcs", WARCS))
    lang = place / "build" / "swh_Latn"
    return {"/" + p.relative_to(lang / "dataset").as_posix():
            hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((lang / "dataset").rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_build_on_s3_loads_with_datasets_and_matches_a_local_build(s3, local_reference,
                                                                     tmp_path, monkeypatch):
    build = f"s3://{BUCKET}/one/build"
    out = _finish(cli(tmp_path / "w", "language", "sw", "--build-dir", build, "--warcs", WARCS))
    assert "start langforge.ExtractShard" in out
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    root = f"{BUCKET}/one/build/swh_Latn/dataset"
    assert _dataset_files(fs, root) == local_reference
    summary = json.loads(fs.cat_file(f"{BUCKET}/one/build/swh_Latn/summary.json"))
    import datasets.config
    from datasets import load_dataset

    # the suite runs datasets offline (no hub); the bucket is on 127.0.0.1 (the network
    # guard still fails any other address)
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(datasets.config, "HF_DATASETS_OFFLINE", False)

    options = {"key": "testing", "secret": "testing",
               "client_kwargs": {"endpoint_url": s3["FSSPEC_S3_ENDPOINT_URL"]}}
    rows = load_dataset("parquet", data_files=f"s3://{root}/data/*.parquet", split="train",
                        storage_options=options, cache_dir=str(tmp_path / "hf"))
    assert len(rows) == summary["final"]["native_documents"] > 100
    # another machine (empty working copy) finds the build complete in the store
    again = _finish(cli(tmp_path / "other", "language", "sw", "--build-dir", build,
                        "--warcs", WARCS))
    assert "langforge.pipeline: start" not in again, again[-2000:]


@pytest.mark.slow
def test_three_share_nothing_workers_one_killed_match_a_local_build(s3, local_reference,
                                                                    tmp_path):
    port = _free_port()
    scheduler = cli(tmp_path / "scheduler", "scheduler", "--build-dir",
                    str(tmp_path / "scheduler" / "state"), "--port", str(port),
                    "--worker-disconnect-delay", "5", "--retry-delay", "2",
                    start_new_session=True)
    build = f"s3://{BUCKET}/many/build"
    command = ("language", "sw", "--build-dir", build, "--warcs", WARCS,
               "--scheduler", "central", "--port", str(port))
    try:
        _wait_for_scheduler(port)
        victim = cli(tmp_path / "w0", *command, start_new_session=True)
        for line in victim.stdout:  # SIGKILL it in the middle of its first stage task
            if "langforge.pipeline: start langforge.ExtractShard" in line:
                break
        else:
            pytest.fail("the first worker finished without starting a shard")
        # one survivor runs two task processes (Luigi forks them: each opens its own
        # connections to the store)
        others = [cli(tmp_path / "w1", *command), cli(tmp_path / "w2", *command, "--workers", "2")]
        time.sleep(0.5)
        os.killpg(victim.pid, signal.SIGKILL)
        victim.communicate()
        outputs = [_finish(w) for w in others]
    finally:
        os.killpg(scheduler.pid, signal.SIGTERM)
        scheduler.communicate(timeout=30)
    started = [line.split("start ", 1)[1].strip() for out in outputs
               for line in out.splitlines() if "langforge.pipeline: start " in line]
    assert all(started.count(t) == 1 for t in started), "a task ran twice in the survivors"
    assert any("ExtractShard" in t for t in started)
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    assert _dataset_files(fs, f"{BUCKET}/many/build/swh_Latn/dataset") == local_reference
    # no worker read another's files: each working copy holds only what it pulled or made
    for i in (1, 2):
        assert not (tmp_path / f"w{i}" / "cwd" / "build").exists()


def test_a_shipped_file_is_the_same_input_on_every_install(tmp_path, monkeypatch):
    """pip gives installed files their install time: a shipped resource (the sample,
    the English seed) is identified by its bytes, so workers installed at different
    times compute the same build id; a user's file keeps size + mtime."""
    import langforge.build as build

    shipped = tmp_path / "resources" / "sample" / "seed.jsonl"
    shipped.parent.mkdir(parents=True)
    shipped.write_text('{"text": "seed"}\n')
    own = tmp_path / "mine.warc.gz"
    own.write_bytes(b"warc")
    monkeypatch.setattr(build, "resources_dir", lambda: tmp_path / "resources")
    before = (build.InputFile.of(str(shipped)), build.InputFile.of(str(own)))
    for path in (shipped, own):
        os.utime(path, ns=(1, 1))
    after = (build.InputFile.of(str(shipped)), build.InputFile.of(str(own)))
    assert before[0] == after[0] and before[0].mtime_ns is None and before[0].content
    assert before[1].fingerprint != after[1].fingerprint
    shipped.write_text('{"text": "other seed"}\n')  # other bytes: another input
    assert build.InputFile.of(str(shipped)).fingerprint != before[0].fingerprint
