"""What the Makefile echoes and installs, read with ``make -n`` (nothing is run)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def dry_run(*args: str) -> list[str]:
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    # -o: take the venv as installed, so only the target's own recipe is printed
    out = subprocess.run(["make", "-n", "-o", ".venv/.langforge-installed", "-o",
                          ".venv/.langforge-core", *args], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def test_language_echoes_one_line_without_empty_continuations():
    lines = dry_run("language", "LANG=sw")
    assert len(lines) == 1, lines
    assert " language sw --build-dir build --workers 1 --scheduler local --host " in lines[0]
    assert "--warcs" not in lines[0] and "  " not in lines[0]


def test_language_passes_the_options_given_verbatim():
    (line,) = dry_run("language", "LANG=yo", "WARCS=data/a  b/*.warc.gz", "LIMIT=2",
                      "TLDS=tz,ke", "STREAM=1")
    assert "language yo " in line and "--warcs 'data/a  b/*.warc.gz'" in line
    assert "--limit 2" in line and "--tld 'tz,ke'" in line and line.count("--stream") == 1


def test_install_does_not_upgrade_pip_every_time():
    recipe = subprocess.run(["make", "-n", "-B", "install", "VENV=/nonexistent-venv"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout
    assert "pip install --quiet -e .\n" in recipe and "[test]" not in recipe  # the core
    # pip is upgraded only when the venv's own is older than 22
    assert "--upgrade pip" not in recipe and "< 22)' \\\n  || " in recipe


def test_language_needs_the_core_install_only_and_test_adds_the_test_tools():
    recipe = subprocess.run(["make", "-n", "-B", "language", "VENV=/nonexistent-venv"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout
    assert "pip install --quiet -e .\n" in recipe and "[test]" not in recipe
    recipe = subprocess.run(["make", "-n", "-B", "test", "VENV=/nonexistent-venv"],
                            cwd=ROOT, check=True, capture_output=True, text=True).stdout
    assert "pip install --quiet -e .\n" in recipe and "-e '.[test]'" in recipe
