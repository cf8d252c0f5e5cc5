"""``make bench``'s scale-out figures: one central scheduler with thousands of shard
tasks, and a build with 2 workers against 1 on the same crawl.

The scheduler figure runs trivial tasks (an input each, done at once) against a real
``luigid`` on 127.0.0.1, so what is measured is the scheduler and the worker's round
trips to it, the part that grows with the number of shards of a whole-crawl build.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import luigi

SCHEDULER_TASKS = (1000, 4000)

# Tasks of the scheduler figure: a shard of a build (its input exists; running it only
# records that it ran, in this process) and the build that needs every shard.
_DONE: set[tuple[str, int]] = set()


class _Input(luigi.ExternalTask):
    shard = luigi.IntParameter()

    def complete(self) -> bool:
        return True


class _Shard(luigi.Task):
    shard = luigi.IntParameter()
    run_id = luigi.Parameter()

    def requires(self):
        return _Input(shard=self.shard)

    def complete(self) -> bool:
        return (self.run_id, self.shard) in _DONE

    def run(self) -> None:
        _DONE.add((self.run_id, self.shard))


class _Build(luigi.Task):
    shards = luigi.IntParameter()
    run_id = luigi.Parameter()

    def requires(self):
        return [_Shard(shard=i, run_id=self.run_id) for i in range(self.shards)]

    def complete(self) -> bool:
        return (self.run_id, -1) in _DONE

    def run(self) -> None:
        _DONE.add((self.run_id, -1))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scheduler_api(port: int, method: str, data: dict) -> dict:
    """One call of the ``luigid`` API on 127.0.0.1 (e.g. ``task_list``); its response."""
    query = urllib.parse.urlencode({"data": json.dumps(data)})
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/{method}?{query}",
                                timeout=10) as response:
        return json.load(response)["response"]


@contextmanager
def central_scheduler(state_dir: Path) -> Iterator[int]:
    """A ``luigid`` on 127.0.0.1 (its state and logs in ``state_dir``); yields its port."""
    port = _free_port()
    (state_dir / "logs").mkdir(parents=True, exist_ok=True)
    binary = Path(sys.executable).with_name("luigid")
    process = subprocess.Popen([str(binary), "--address", "127.0.0.1", "--port", str(port),
                                "--state-path", str(state_dir / "state.pickle"),
                                "--logdir", str(state_dir / "logs")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                scheduler_api(port, "task_list", {"status": "DONE"})
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"luigid did not start on port {port}") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def scheduler_figure(shards: int, port: int) -> dict[str, float]:
    """Schedule and run a build of ``shards`` trivial shard tasks (plus their inputs)
    with one worker against the scheduler on ``port``; wall seconds and ms per shard."""
    start = time.perf_counter()
    ok = luigi.build([_Build(shards=shards, run_id=f"{shards}-{time.time_ns()}")],
                     scheduler_host="127.0.0.1", scheduler_port=port, workers=1,
                     log_level="WARNING")
    wall = time.perf_counter() - start
    if not ok:
        raise RuntimeError(f"the scheduler run of {shards} shard tasks failed")
    return {"shards": shards, "tasks": 2 * shards + 1, "wall_s": wall,
            "ms_per_shard": 1000 * wall / shards}


def run_scheduler_part(sizes: tuple[int, ...] = SCHEDULER_TASKS) -> list[dict[str, float]]:
    """The scheduler figure for each size, printed; a fresh luigid for each."""
    results = []
    for shards in sizes:
        with tempfile.TemporaryDirectory(prefix="langforge-luigid-") as state, \
                central_scheduler(Path(state)) as port:
            result = scheduler_figure(shards, port)
        results.append(result)
        print(f"  scheduler: {shards} shard tasks (+{shards} inputs, 1 build task) through "
              f"one luigid, 1 worker: {result['wall_s']:.1f} s wall, "
              f"{result['ms_per_shard']:.1f} ms per shard", flush=True)
    return results

