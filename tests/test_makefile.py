"""What the Makefile echoes and installs, read with ``make -n`` (nothing is run)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def make(*args: str) -> str:
    """``make -n ...`` as a user runs it: without the recursion variables of a `make test`
    that may be running this suite (they add "Entering directory" lines)."""
    if shutil.which("make") is None:
        pytest.skip("make not installed")
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", "--no-print-directory", "-n", *args], cwd=ROOT, env=env,
                          check=True, capture_output=True, text=True).stdout


def dry_run(*args: str) -> list[str]:
    # -o: take the venv as installed, so only the target's own recipe is printed
    return make("-o", ".venv/.langforge-installed", "-o", ".venv/.langforge-core",
                *args).splitlines()


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
    recipe = make("-B", "install", "VENV=/nonexistent-venv")
    assert "pip install --quiet -e .\n" in recipe and "[test]" not in recipe  # the core
    # pip is upgraded only when the venv's own is older than 22
    assert "--upgrade pip" not in recipe and "< 22)' \\\n  || " in recipe


def test_language_needs_the_core_install_only_and_test_adds_the_test_tools():
    recipe = make("-B", "language", "VENV=/nonexistent-venv")
    assert "pip install --quiet -e .\n" in recipe and "[test]" not in recipe
    recipe = make("-B", "test", "VENV=/nonexistent-venv")
    assert "pip install --quiet -e .\n" in recipe and "-e '.[test]'" in recipe


def test_a_missing_extra_is_not_said_to_come_with_make_install(monkeypatch):
    """`make install` installs the core only: the hints for the cc-index and translate
    extras name the extra, never `make install` as what installs it."""
    import sys

    from langforge.errors import ConfigError, MissingModelError
    from langforge.sources import cc_index
    from langforge import mt_models

    install = make("-B", "install", "VENV=/nonexistent-venv")
    assert "pip install --quiet -e .\n" in install and "-e '.[" not in install
    monkeypatch.setitem(sys.modules, "duckdb", None)  # import duckdb raises ImportError
    with pytest.raises(ConfigError) as duckdb_missing:
        cc_index._duckdb()
    hints = [str(duckdb_missing.value)]

    def no_converter(*args, **kwargs):
        raise FileNotFoundError("ct2-transformers-converter")

    monkeypatch.setattr(mt_models, "_check_hub_reachable", lambda model: None)
    monkeypatch.setattr(mt_models, "_check_converter_deps", lambda: None)
    with pytest.raises(MissingModelError) as converter_missing:
        mt_models.fetch_model("nllb-200-distilled-600M", directory=ROOT / "no-such-models-dir",
                              run=no_converter)
    hints.append(str(converter_missing.value))
    from langforge.translate import stage

    monkeypatch.setattr(stage, "_TRANSLATE_PACKAGES", ("no_such_package_lf",))
    hints.append(stage._ready(ROOT, mt_models.get_model("nllb-200-distilled-600M")).hint)
    assert "langforge[cc-index]" in hints[0]
    assert all("langforge[translate]" in hint for hint in hints[1:]), hints
    assert not any("make install installs it" in hint or "(`make install`)" in hint
                   for hint in hints), hints
