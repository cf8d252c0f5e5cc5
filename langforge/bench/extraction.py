"""``python -m langforge.bench.extraction``: extraction quality and CPU time on real pages.

Page sets (from ``../shared/data/extraction``, see its SOURCES.md):

* ``eval`` and ``cache``: trafilatura's evaluation pages (``tests/eval``, 884
  pages, and ``tests/cache``, 106 pages, of ``trafilatura-eval-990.tar.xz``),
  each URL with snippets that must appear (``with``) and boilerplate that must
  not (``without``). Scored as trafilatura's own evaluation does: a found
  ``with`` snippet is a true positive, a missing one a false negative, a found
  ``without`` snippet a false positive; also snippet recall and boilerplate
  removal (share of ``without`` snippets absent), as ``tests/test_extract.py``.
* ``newspaper``: 7 news pages (ar, zh, ja, es, th, en) with their expected body
  text, scored by bag-of-tokens precision/recall/F1 (Chinese, Japanese and Thai
  tokens are characters).

Systems, all through ``langforge.extract.extract_pages`` (same decoding, size and
``min_text_chars`` rules; a dropped page counts as empty text):

* ``a``: langforge before the fallback: trafilatura ``fast=True``, ``fallback=False``;
* ``b``: langforge now: fast, then trafilatura's fallback stage (readability,
  jusText) on the fast result where the text is short, or under
  ``fallback_probe_below_chars`` (1000) and readability finds twice as much;
* ``c``: trafilatura without ``fast`` on every page, langforge's other settings;
* ``d``: trafilatura's own defaults with ``favor_precision=True`` (no ``fast``,
  comments included);
* ``e``: ``b`` without the readability look (``fallback_probe_below_chars = 0``):
  the fallback stage on short pages only.

Extraction time: process CPU time (user + system) of ``extract_pages`` over a page
set for ``a``, ``b``, ``e`` and ``c``, median of ``--runs`` rounds; within a round
the systems take turns page by page (paired), so that load from elsewhere on a
shared machine falls on all of them alike.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from trafilatura.settings import Extractor

from langforge import extract as extract_module
from langforge.config import ExtractConfig
from langforge.document import StageStats, WebPage

EVAL_ARCHIVE = Path("extraction") / "trafilatura-eval-990.tar.xz"
NEWSPAPER = Path("extraction") / "newspaper-multilingual"
#: newspaper page -> expected text file
NEWSPAPER_PAGES = {"arabic_article": "arabic", "chinese_article": "chinese", "cnn_article": "cnn",
                   "japanese_article": "japanese", "japanese_article2": "japanese2",
                   "spanish_article": "spanish", "thai_article": "thai"}
SYSTEMS = {
    "a": "langforge before (fast only)",
    "b": "langforge with fallback",
    "c": "trafilatura without fast, langforge's other settings",
    "d": "trafilatura defaults + favor_precision",
    "e": "langforge, fallback_probe_below_chars = 0",
}
TIMED = ("a", "b", "e", "c")
_CHAR_TOKEN = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\w+")


def default_shared_data() -> Path:
    return Path(__file__).resolve().parents[3] / "shared" / "data"


def _page(url: str, content: bytes) -> WebPage:
    return WebPage(url=url, content=content, record_id=url, source=url)


def eval_sets(shared_data: Path) -> dict[str, list[tuple[WebPage, dict]]]:
    """``eval`` and ``cache``: (page, its evaldata entry), sorted by URL."""
    files: dict[str, tuple[str, bytes]] = {}
    with tarfile.open(shared_data / EVAL_ARCHIVE, "r:xz") as tar:
        evaldata = json.load(tar.extractfile("tests/evaldata.json"))
        for member in tar:
            parts = member.name.split("/")
            if member.isfile() and len(parts) == 3 and parts[1] in ("eval", "cache"):
                files.setdefault(parts[2], (parts[1], tar.extractfile(member).read()))
    sets: dict[str, list] = {"eval": [], "cache": []}
    for url, item in sorted(evaldata.items()):
        if item["file"] in files:
            where, content = files[item["file"]]
            sets[where].append((_page(url, content), item))
    return sets


def newspaper_set(shared_data: Path) -> list[tuple[WebPage, str]]:
    root = shared_data / NEWSPAPER
    return [(_page(f"https://newspaper.example/{name}", (root / "html" / f"{name}.html")
                   .read_bytes()), (root / "text" / f"{text}.txt").read_text("utf-8"))
            for name, text in NEWSPAPER_PAGES.items()]


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        out.extend(word if _CHAR_TOKEN.search(word) else [word])
    return out


def _prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_snippets(items: list[tuple[WebPage, dict]], texts: dict[str, str]) -> dict[str, Any]:
    tp = fn = fp = tn = 0
    for page, item in items:
        text = texts.get(page.url, "")
        found = sum(snippet in text for snippet in item["with"])
        present = sum(snippet in text for snippet in item["without"])
        tp, fn = tp + found, fn + len(item["with"]) - found
        fp, tn = fp + present, tn + len(item["without"]) - present
    return {**_prf(tp, fp, fn), "snippet_recall": round(tp / (tp + fn), 4),
            "boilerplate_removal": round(tn / (tn + fp), 4)}


def score_tokens(items: list[tuple[WebPage, str]], texts: dict[str, str]) -> dict[str, Any]:
    from collections import Counter

    tp = fp = fn = 0
    for page, expected in items:
        got, want = Counter(tokens(texts.get(page.url, ""))), Counter(tokens(expected))
        common = sum((got & want).values())
        tp, fp, fn = tp + common, fp + sum(got.values()) - common, fn + sum(want.values()) - common
    return _prf(tp, fp, fn)


@contextmanager
def _system(name: str, min_text_chars: int) -> Iterator[ExtractConfig]:
    """The config (and, for c and d, the extractor) of one system."""
    if name in ("a", "b", "e"):
        yield ExtractConfig(min_text_chars=min_text_chars, fallback=name != "a",
                            **({"fallback_probe_below_chars": 0} if name == "e" else {}))
        return

    def no_fast(config: ExtractConfig, fast: bool = True) -> Extractor:
        if name == "c":
            return Extractor(output_format="txt", fast=False, precision=config.favor_precision,
                             comments=config.include_comments, tables=config.include_tables)
        return Extractor(output_format="txt", precision=True)  # trafilatura's defaults

    with mock.patch.object(extract_module, "_extractor", no_fast):
        yield ExtractConfig(min_text_chars=min_text_chars, fallback=False)


def run_system(name: str, pages: list[WebPage],
               min_text_chars: int) -> tuple[dict[str, str], StageStats, float]:
    """Texts by URL, the stage's stats and the CPU seconds extraction took."""
    stats = StageStats("extract")
    with _system(name, min_text_chars) as config:
        start = time.process_time()
        docs = list(extract_module.extract_pages(pages, config, stats))
        cpu = time.process_time() - start
    return {d.url: d.text for d in docs}, stats, cpu


def timed_rounds(pages: list[WebPage], runs: int, min_text_chars: int,
                 names: tuple[str, ...] = TIMED) -> dict[str, list[float]]:
    """CPU seconds of each system over ``pages``, per round. Paired: each page is
    extracted by every system in turn (the order rotating from page to page)
    before the next page, so that load from elsewhere on a shared machine falls
    on all systems alike."""
    cpu = {name: [] for name in names}
    for _ in range(runs):
        spent = dict.fromkeys(names, 0.0)
        for i, page in enumerate(pages):
            for name in names[i % len(names):] + names[:i % len(names)]:
                spent[name] += run_system(name, [page], min_text_chars)[2]
        for name in names:
            cpu[name].append(spent[name])
    return cpu


def measure(shared_data: Path, runs: int = 3, min_text_chars: int = 200) -> dict[str, Any]:
    sets: dict[str, list] = {**eval_sets(shared_data), "newspaper": newspaper_set(shared_data)}
    # warm up: lazy imports and jusText stop lists load on first use
    warm = [page for page, _ in sets["cache"][:20]]
    for name in SYSTEMS:
        run_system(name, warm, min_text_chars)
    result: dict[str, Any] = {"min_text_chars": min_text_chars, "runs": runs, "systems": SYSTEMS,
                              "timed": TIMED, "sets": {}}
    for set_name, items in sets.items():
        pages = [page for page, _ in items]
        score = score_tokens if set_name == "newspaper" else score_snippets
        entry: dict[str, Any] = {"pages": len(pages), "quality": {}, "cpu_s": {}}
        for name in SYSTEMS:
            texts, stats, _ = run_system(name, pages, min_text_chars)
            entry["quality"][name] = {**score(items, texts), "kept": stats.docs_out,
                                      **stats.extra}
        for name, values in timed_rounds(pages, runs, min_text_chars).items():
            entry["cpu_s"][name] = round(statistics.median(values), 3)
            entry["cpu_s"][f"{name}_runs"] = [round(v, 3) for v in values]
        for name in TIMED[1:]:
            entry[f"cpu_ratio_{name}_over_a"] = round(entry["cpu_s"][name] / entry["cpu_s"]["a"],
                                                      4)
        result["sets"][set_name] = entry
    total = {name: sum(result["sets"][s]["cpu_s"][name] for s in sets) for name in TIMED}
    result["cpu_s_all_sets"] = {k: round(v, 3) for k, v in total.items()}
    for name in TIMED[1:]:
        result[f"cpu_ratio_{name}_over_a_all_sets"] = round(total[name] / total["a"], 4)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m langforge.bench.extraction",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared-data", type=Path, default=default_shared_data())
    parser.add_argument("--runs", type=int, default=3, help="timing rounds (a, b, e, c)")
    parser.add_argument("--min-text-chars", type=int, default=ExtractConfig().min_text_chars)
    parser.add_argument("-o", "--output", type=Path, default=None, help="also write JSON here")
    args = parser.parse_args(argv)
    result = measure(args.shared_data, args.runs, args.min_text_chars)
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.output:
        args.output.write_text(text + "\n", "utf-8")
    for set_name, entry in result["sets"].items():
        ratios = ", ".join(f"{name}/a {entry[f'cpu_ratio_{name}_over_a']}" for name in TIMED[1:])
        print(f"{set_name} ({entry['pages']} pages), CPU {ratios}")
        for name, quality in entry["quality"].items():
            print(f"  {name} {SYSTEMS[name]:<52} " + " ".join(
                f"{k}={v}" for k, v in quality.items()) + f" cpu_s={entry['cpu_s'].get(name)}")
    print("CPU over all sets: " + ", ".join(
        f"{name}/a {result[f'cpu_ratio_{name}_over_a_all_sets']}" for name in TIMED[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
