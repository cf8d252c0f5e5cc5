"""The scale-out launch recipes (docs/scale-out.md, docs/scale-out/): their worker
and scheduler commands parse with langforge's own argument parser, and the
Kubernetes manifests and the Slurm script hang together. Offline and fast: nothing
here starts a scheduler, a worker or a cluster."""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import socket
import stat
import subprocess
from pathlib import Path

import pytest

from langforge.cli import build_parser
from langforge.cli.language import cmd_language, cmd_scheduler

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "scale-out.md"
SBATCH = REPO / "docs" / "scale-out" / "slurm-array.sbatch"
K8S = REPO / "docs" / "scale-out" / "k8s-job.yaml"


# -- helpers -----------------------------------------------------------------------------

def parse(argv: list[str], command: str):
    """``argv`` (without the leading ``langforge``) parsed by the real CLI parser; a
    usage error fails the test with the command line, instead of exiting. Options
    must be spelt out in full: argparse would also take an abbreviation, which a
    later option could make ambiguous."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        pytest.fail(f"langforge rejects {shlex.join(['langforge', *argv])!r} (exit {exc.code})")
    (subcommands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    known = set(subcommands.choices[command]._option_string_actions)
    for token in argv:
        if token.startswith("--") and token.split("=", 1)[0] not in known:
            pytest.fail(f"{token.split('=', 1)[0]} is not an option of langforge {command}")
    assert args.command == command
    assert args.func is {"language": cmd_language, "scheduler": cmd_scheduler}[command]
    return args


def langforge_argv(argv: list[str]) -> list[str]:
    """The arguments after the ``langforge`` executable (a bare name or a path)."""
    assert argv and Path(argv[0]).name == "langforge", argv
    return argv[1:]


def shell_command(text: str, start: str, *, commented: bool = False) -> str:
    """The one command line of a shell text that begins with ``start``, its
    backslash continuations joined; ``commented``: the line is in a comment."""
    lines = text.splitlines()
    prefix = r"#\s+" if commented else r"\s*"
    found = [i for i, line in enumerate(lines)
             if re.match(prefix + re.escape(start) + r"(\s|$)", line)]
    assert len(found) == 1, f"{len(found)} lines start with {start!r}"
    i = found[0]
    parts = [lines[i].lstrip("#").strip()]
    while parts[-1].endswith("\\"):
        parts[-1] = parts[-1][:-1]
        i += 1
        parts.append(lines[i].lstrip("#").strip() if commented else lines[i].strip())
    return " ".join(p.strip() for p in parts)


def substitute(command: str, values: dict[str, str]) -> str:
    """Shell variables ``$NAME`` and ``${NAME}`` replaced by sample values; one left
    over fails (the recipe uses a variable the test does not know)."""
    def value(match: re.Match) -> str:
        name = match.group(1) or match.group(2)
        assert name in values, f"unexpected variable ${name} in {command!r}"
        return values[name]

    return re.sub(r"\$\{(\w+)\}|\$(\w+)", value, command)


def k8s_expand(argv: list[str], env: dict[str, str]) -> list[str]:
    """Kubernetes' expansion of ``$(NAME)`` in a container's command and args, from
    the container's env (``$$`` escapes a dollar)."""
    def one(text: str) -> str:
        def value(match: re.Match) -> str:
            if match.group(0) == "$$":
                return "$"
            assert match.group(1) in env, f"$({match.group(1)}) is not in the container's env"
            return env[match.group(1)]

        return re.sub(r"\$\$|\$\((\w+)\)", value, text)

    return [one(str(a)) for a in argv]


# -- the documented commands themselves ---------------------------------------------------

def test_parse_rejects_a_wrong_flag():
    """The checks below are not vacuous: a misspelt option or a bad value fails."""
    good = ["language", "sw", "--scheduler", "central", "--host", "h", "--workers", "2"]
    parse(good, "language")
    for bad in (["language", "sw", "--schedular", "central"],
                ["language", "sw", "--scheduler", "remote"],
                ["language", "sw", "--workers", "K"],
                ["scheduler", "--worker-disconnect", "60"]):
        with pytest.raises(pytest.fail.Exception):
            parse(bad, bad[0])


def test_doc_commands_parse():
    text = DOC.read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```sh\n(.*?)```", text, flags=re.S))
    worker = shell_command(blocks, "langforge language")
    assert worker.startswith("langforge language sw ")
    # the placeholders of the page, filled in
    argv = shlex.split(worker.replace("SCHEDULER_HOST", "10.0.0.5").replace("BUCKET", "bkt")
                       .replace("--workers K", "--workers 4"))
    args = parse(langforge_argv(argv), "language")
    assert (args.language, args.scheduler, args.host, args.port, args.workers) == \
        ("sw", "central", "10.0.0.5", 8082, 4)
    assert args.build_dir == "s3://bkt/build"
    assert args.warcs == "s3://bkt/warcs/*.warc.gz"  # quoted: not expanded by a shell

    sched = parse(langforge_argv(shlex.split(shell_command(blocks, "langforge scheduler"))),
                  "scheduler")
    assert (sched.host, sched.port) == ("0.0.0.0", 8082)
    assert "://" not in sched.build_dir  # luigid's state is local
    for name in ("--worker-disconnect-delay", "--retry-delay", "FSSPEC_S3_ENDPOINT_URL",
                 "LANGFORGE_WORK_DIR", "langforge[s3]", "gcsfs", "slurm-array.sbatch",
                 "k8s-job.yaml"):
        assert name in text, name


def test_fsspec_reads_the_documented_endpoint_variable():
    """FSSPEC_S3_ENDPOINT_URL becomes s3fs's endpoint_url, as the page says."""
    from fsspec.config import set_conf_env

    conf: dict = {}
    set_conf_env(conf, {"FSSPEC_S3_ENDPOINT_URL": "https://minio.example:9000"})
    assert conf == {"s3": {"endpoint_url": "https://minio.example:9000"}}


# -- Kubernetes ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def manifests() -> dict[str, dict]:
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read the manifests")
    docs = [d for d in yaml.safe_load_all(K8S.read_text(encoding="utf-8")) if d is not None]
    kinds = {d["kind"]: d for d in docs}
    assert len(kinds) == len(docs), "one document of each kind"
    assert {k: d["apiVersion"] for k, d in kinds.items()} == \
        {"Deployment": "apps/v1", "Service": "v1", "Job": "batch/v1"}
    return kinds


def only_container(pod_spec: dict) -> dict:
    (container,) = pod_spec["containers"]
    assert container["image"] == "langforge:latest"
    return container


def test_k8s_scheduler(manifests):
    deployment, service = manifests["Deployment"], manifests["Service"]
    assert deployment["spec"]["replicas"] == 1
    pod = deployment["spec"]["template"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    container = only_container(pod["spec"])
    args = parse(langforge_argv(container["command"] + container.get("args", [])), "scheduler")
    assert args.host == "0.0.0.0"
    assert "://" not in args.build_dir
    assert [p["containerPort"] for p in container["ports"]] == [args.port] == [8082]
    mounts = {m["mountPath"] for m in container.get("volumeMounts", [])}
    assert args.build_dir in mounts  # luigid's state on a volume of its pod
    # the Service reaches that pod and port
    assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    assert [(p["port"], p["targetPort"]) for p in service["spec"]["ports"]] == \
        [(args.port, args.port)]


def test_k8s_workers(manifests):
    job, service = manifests["Job"], manifests["Service"]
    spec = job["spec"]
    assert spec["parallelism"] == spec["completions"] >= 2
    pod = spec["template"]["spec"]
    assert pod["restartPolicy"] in ("Never", "OnFailure")
    container = only_container(pod)
    env = {e["name"]: e["value"] for e in container["env"]}
    argv = k8s_expand(container["command"] + container.get("args", []), env)
    args = parse(langforge_argv(argv), "language")
    assert args.scheduler == "central"
    # the scheduler is the Service above, on its port
    assert args.host == service["metadata"]["name"]
    assert args.port == service["spec"]["ports"][0]["port"]
    assert args.build_dir == f"s3://{env['BUCKET']}/build"
    assert args.warcs == f"s3://{env['BUCKET']}/warcs/*.warc.gz"
    assert args.language == env["LANG_CODE"]
    # one task process per requested CPU, and 2 CPUs / 4Gi as documented
    resources = container["resources"]
    assert resources["requests"] == resources["limits"] == {"cpu": "2", "memory": "4Gi"}
    assert args.workers == int(resources["requests"]["cpu"])
    # the working copy is an emptyDir, mounted where LANGFORGE_WORK_DIR points
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    work = mounts[env["LANGFORGE_WORK_DIR"]]
    assert "emptyDir" in volumes[work]
    # credentials from a Secret, never inline
    assert any("secretRef" in source for source in container["envFrom"])
    assert not any(name.startswith("AWS_") for name in env)
    # a usage error (exit 2) fails the Job instead of being retried
    rules = spec.get("podFailurePolicy", {}).get("rules", [])
    assert any(r["action"] == "FailJob" and 2 in r["onExitCodes"]["values"]
               and r["onExitCodes"]["containerName"] == container["name"] for r in rules)


# -- Slurm ---------------------------------------------------------------------------------

SAMPLE = {"LANG_CODE": "sw", "BUCKET": "bkt", "SCHEDULER_HOST": "sched.example",
          "SCHEDULER_PORT": "8123", "SLURM_CPUS_PER_TASK": "7", "HOME": "/home/u"}


def test_sbatch_syntax_and_header():
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    done = subprocess.run([bash, "-n", str(SBATCH)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    text = SBATCH.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash\n")
    options = dict(re.findall(r"^#SBATCH --([\w-]+)=(\S+)", text, flags=re.M))
    assert re.fullmatch(r"0-\d+", options["array"])
    assert int(options["cpus-per-task"]) >= 1
    assert options.keys() >= {"mem", "time"}
    assert re.search(r"^set -euo pipefail$", text, flags=re.M)
    for name in ("LANG_CODE", "BUCKET", "SCHEDULER_HOST", "SCHEDULER_PORT"):
        assert re.search(rf"^{name}=", text, flags=re.M), name
    # the working copy on node-local scratch, per array task, removed on exit
    assert 'LANGFORGE_WORK_DIR="${TMPDIR:-/tmp}/langforge-${SLURM_JOB_ID}-' \
           '${SLURM_ARRAY_TASK_ID}"' in text
    assert re.search(r"""^trap 'rm -rf "\$LANGFORGE_WORK_DIR"' EXIT$""", text, flags=re.M)


def test_sbatch_worker_command_parses():
    text = SBATCH.read_text(encoding="utf-8")
    worker = shell_command(text, "langforge language")  # a command, not a comment
    args = parse(langforge_argv(shlex.split(substitute(worker, SAMPLE))), "language")
    assert (args.language, args.scheduler, args.host, args.port, args.workers) == \
        ("sw", "central", "sched.example", 8123, 7)  # --workers "$SLURM_CPUS_PER_TASK"
    assert args.build_dir == "s3://bkt/build"
    assert args.warcs == "s3://bkt/warcs/*.warc.gz"


def test_sbatch_scheduler_command_parses():
    """luigid runs outside the array (login/service node): its command is in the
    script's instructions, and parses."""
    sched = shell_command(SBATCH.read_text(encoding="utf-8"), "langforge scheduler",
                          commented=True)
    args = parse(langforge_argv(shlex.split(substitute(sched, SAMPLE))), "scheduler")
    assert args.host == "0.0.0.0"
    assert "://" not in args.build_dir


def test_sbatch_runs_the_worker(tmp_path):
    """The script itself, run by bash with a stand-in `langforge` on PATH and a local
    listening socket as the scheduler: the arguments the worker receives parse, its
    working copy exists during the run and is removed afterwards, and the worker's
    exit status is the task's."""
    bash = shutil.which("bash")
    if bash is None or shutil.which("timeout") is None:
        pytest.skip("needs bash and timeout")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = tmp_path / "argv"
    stub = bin_dir / "langforge"
    stub.write_text("#!/bin/bash\n"
                    f"printf '%s\\0' \"$@\" > {shlex.quote(str(record))}\n"
                    f"printf '%s' \"$LANGFORGE_WORK_DIR\" > {shlex.quote(str(record))}.work\n"
                    "test -d \"$LANGFORGE_WORK_DIR\" || exit 9\n"
                    "exit \"${STUB_EXIT:-0}\"\n")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        for code in (0, 1):
            env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "HOME": str(tmp_path),
                   "TMPDIR": str(scratch), "SLURM_JOB_ID": "11", "SLURM_ARRAY_TASK_ID": "3",
                   "SLURM_CPUS_PER_TASK": "5", "BUCKET": "bkt", "SCHEDULER_HOST": "127.0.0.1",
                   "SCHEDULER_PORT": str(port), "STUB_EXIT": str(code)}
            done = subprocess.run([bash, str(SBATCH)], env=env, capture_output=True, text=True,
                                  timeout=60)
            assert done.returncode == code, done.stderr
            argv = record.read_bytes().decode().split("\0")[:-1]
            args = parse(argv, "language")
            assert (args.language, args.host, args.port, args.workers, args.build_dir) == \
                ("sw", "127.0.0.1", port, 5, "s3://bkt/build")
            assert args.warcs == "s3://bkt/warcs/*.warc.gz"  # not expanded by bash
            work = Path(Path(f"{record}.work").read_text())
            assert work == scratch / "langforge-11-3"
            assert not work.exists()  # removed by the trap
