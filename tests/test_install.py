"""A plain (non-editable) install: the wheel carries the language configs, word lists,
templates and the embedded sample, and builds a language from any directory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _source_copy(target: Path) -> Path:
    """The source tree without build outputs (setuptools writes build/ beside it)."""
    top = {".git", ".venv", "build", "models", ".gl", ".whl", ".pytest_cache"}

    def ignore(directory: str, names: list[str]) -> list[str]:
        at_top = Path(directory) == ROOT
        return [n for n in names if (at_top and n in top) or n == "__pycache__"
                or n.endswith(".egg-info")]

    shutil.copytree(ROOT, target, ignore=ignore)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv holding only the langforge wheel; its dependencies come from the
    test environment through a .pth line (offline: nothing is downloaded)."""
    tmp = tmp_path_factory.mktemp("install")
    src = _source_copy(tmp / "src")
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--no-index", "-w", str(wheels), str(src)],
                   check=True, capture_output=True)
    wheel = next(wheels.glob("langforge-*.whl"))
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # Dependencies (not langforge: .pth files of that directory are not processed, so
    # the editable install of the checkout stays invisible).
    Path(purelib, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    return venv, wheel


def test_wheel_ships_configs_word_lists_and_sample(installed):
    import zipfile

    _, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    configs = {p.name for p in (ROOT / "resources" / "languages").iterdir()
               if p.suffix in (".toml", ".txt")}
    assert {f"langforge/resources/languages/{n}" for n in configs} <= names
    for rel in ("sample/crawl.warc.gz", "sample/seed_en.jsonl", "sample/manifest.json",
                "models/lid.176.ftz", "models/mistral-7b-v0.1.model", "models/NOTICE.md"):
        assert f"langforge/resources/{rel}" in names
    assert "langforge/data/languages.toml" in names
    assert any(n.startswith("langforge/templates/") for n in names)


def test_installed_package_loads_every_language_from_anywhere(installed, tmp_path):
    venv, _ = installed
    code = ("import langforge, json; from langforge.config import configured_languages, "
            "load_config; print(json.dumps([langforge.__file__, configured_languages(), "
            "load_config('sw').language]))")
    out = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path,
                         check=True, capture_output=True, text=True).stdout
    module, languages, sw = json.loads(out)
    assert module.startswith(str(venv)), "the checkout was imported, not the wheel"
    assert "swh_Latn" in languages and len(languages) >= 13 and sw == "swh_Latn"


def test_installed_command_builds_the_sample_from_another_directory(installed, tmp_path):
    venv, _ = installed
    proc = subprocess.run([str(venv / "bin" / "langforge"), "language", "sw", "--build-dir",
                           str(tmp_path / "out")], cwd=tmp_path, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                               "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1",
                               "LANG": "C.UTF-8"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((tmp_path / "out" / "swh_Latn" / "summary.json").read_text())
    assert summary["final"]["native_documents"] > 100
    assert (tmp_path / "out" / "swh_Latn" / "report.html").is_file()
