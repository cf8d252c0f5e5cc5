"""Compare the offline LID models per configured language and recalibrate the decisions.

    python -m langforge.lid_compare --data ../shared/data [--write] [--out docs/lid-comparison.md]

Reads the real text of ``../shared/data/text`` (Tatoeba, UDHR, AfriSenti, Global
Voices English, TICO-19) as documents of ~600 characters, each source split in
halves by position (``langforge.lid_eval``). On the **calibration half** it
calibrates each language's decision with every candidate model that has a label
for it (``langforge.lid_calibrate``) and picks the best; with ``--write`` the
language's config, word list and confusable word lists are rewritten (Swahili,
calibrated on Global Voices, keeps its decision). On the **report half**, never read
by calibration, it measures each model alone (its top label) and the shipped
decision (``identify`` with the config as written), and writes the table.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from langforge.config import config_dir, configured_languages, load_config
from langforge.errors import MissingModelError
from langforge.languages import get_language
from langforge.lid_eval import evaluate, iso_codes, shared_documents, split_by_language

MODELS = ("lid176", "heliport", "py3langid", "lingua")
#: Languages whose decision is calibrated elsewhere (see their provenance): Swahili on
#: single sentences, by ``python -m langforge.lid_calibrate --sentences``.
KEEP = ("swh_Latn",)


def _model(name: str):
    from langforge.langid import LidModel, default_model_path
    from langforge.lid_backends import backend

    return LidModel(default_model_path()) if name == "lid176" else backend(name)


def _source_code(iso: str) -> str:
    try:
        return get_language(iso).code
    except Exception:
        return ""


def _flatten(docs):
    keys = list(docs)
    texts, index = [], {}
    for key in keys:
        index[key] = list(range(len(texts), len(texts) + len(docs[key])))
        texts.extend(docs[key])
    return keys, texts, index


def _source_name(key: tuple[str, str]) -> str:
    return key[0] if key[0].startswith("udhr") else f"{key[0]}:{key[1]}"


def calibrate_all(data_dir: Path, codes: list[str], write: bool, log=print) -> dict:
    """Calibrate each language on the calibration half; returns code -> result."""
    from langforge.lid_calibrate import CANDIDATES, calibrate_decision
    from langforge.text import word_splitter

    docs = shared_documents(data_dir, part="calibrate")
    keys, texts, index = _flatten(docs)
    scores = {}
    for name in CANDIDATES:
        start = time.time()
        scores[name] = _model(name).predict(texts, k=-1)
        log(f"  {name}: scored {len(texts)} calibration documents in {time.time() - start:.0f}s")
    results = {}
    for code in codes:
        config = load_config(code)
        same = iso_codes(code)
        pos = [j for key in keys if key[1] in same for j in index[key]]
        neg = [(_source_name(key), j) for key in keys if key[1] not in same for j in index[key]]
        source_codes = {_source_name(key): _source_code(key[1]) for key in keys}
        confusable_text: dict[str, list[str]] = {}
        for key in keys:
            c = source_codes[_source_name(key)]
            if c and c != code and c.split("_")[1] == config.lang.script:
                confusable_text.setdefault(c, []).extend(docs[key])
        tried = []
        for name in CANDIDATES:
            model = _model(name)
            if model.label_of(config.lang) is None:
                continue
            result = calibrate_decision(
                config, model, [texts[j] for j in pos], [(s, texts[j]) for s, j in neg],
                split_words=word_splitter(config), pos_scores=[scores[name][j] for j in pos],
                neg_scores=[scores[name][j] for _, j in neg], confusable_text=confusable_text,
                source_codes=source_codes)
            tried.append(result)
            log(f"  {code} {name}: cv recall {result.cv_recall:.3f}, leaked {result.leaked} "
                f"{dict(result.leaked_by.most_common(3))}")
        good = [r for r in tried if r.cv_recall >= 0.97] or tried
        # ties: prefer the model that names the confusables itself (no extra word lists)
        best = min(good, key=lambda r: (r.leaked, -r.cv_recall, len(r.confusable_wordlists),
                                        CANDIDATES.index(r.model)))
        best.notes.append("candidates (cv recall / leaked): " + ", ".join(
            f"{r.model} {r.cv_recall:.1%} / {r.leaked}" for r in tried))
        results[code] = best
        if write and code not in KEEP:
            sources = sorted({_source_name(k).split(":")[0] for k in keys if k[1] in same})
            write_decision(best, ", ".join(sources))
    return results


def write_decision(result, sources: str, directory: Path | None = None) -> Path:
    """Rewrite the language's config ``[lid]`` section and provenance, and its word lists."""
    import tomllib

    import tomli_w

    directory = directory or config_dir()
    path = directory / f"{result.language}.toml"
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")][:3]
    data = tomllib.loads(text)
    lid = data.setdefault("lid", {})
    for key in ("wordlist", "min_wordlist_frac", "second_opinion_top_k",
                "min_second_opinion_score", "min_second_opinion_wordlist_frac",
                "wordlist_confidence_z", "confusable_wordlists",
                "max_confusable_wordlist_frac"):
        lid.pop(key, None)
    lid.update({k: v for k, v in result.lid.items() if v is not None})
    words_path = directory / f"{result.language}.words.txt"
    if result.wordlist:
        lid["wordlist"] = words_path.name
        words_path.write_text(
            f"# {result.language} word list: the {len(result.wordlist)} most frequent words of "
            f"the calibration half of {sources} (../shared/data/text), less words as frequent "
            "in other languages' text; langforge.lid_calibrate\n"
            + "\n".join(result.wordlist) + "\n", encoding="utf-8")
    elif words_path.exists():
        words_path.unlink()
    if result.confusable_wordlists:
        lid["confusable_wordlists"] = {}
        for conf, words in result.confusable_wordlists.items():
            conf_path = directory / f"{result.language}.{conf}.words.txt"
            conf_path.write_text(
                f"# words of {conf} (calibration half of ../shared/data/text) that "
                f"{result.language}'s calibration text never uses; langforge.lid_calibrate\n"
                + "\n".join(words) + "\n", encoding="utf-8")
            lid["confusable_wordlists"][conf] = conf_path.name
    data.setdefault("provenance", {})["lid"] = result.provenance(sources)
    out = "\n".join(header) + "\n\n" + tomli_w.dumps(data)
    path.write_text(out, encoding="utf-8")
    return path


def compare(data_dir: Path, codes: list[str], log=print) -> list[dict]:
    """Each model alone (top label) and the shipped decision, on the report half."""
    docs = shared_documents(data_dir, part="report")
    keys, texts, index = _flatten(docs)
    top = {}
    for name in MODELS:
        start = time.time()
        try:
            top[name] = [next(iter(s), None) for s in _model(name).predict(texts, k=1)]
        except MissingModelError as exc:  # lingua is optional (pip install lingua-language-detector)
            log(f"  {name}: not measured: {exc}")
            continue
        log(f"  {name}: scored {len(texts)} report documents in {time.time() - start:.0f}s")
    rows = []
    for code in codes:
        config = load_config(code)
        same = iso_codes(code)
        pos = [j for key in keys if key[1] in same for j in index[key]]
        neg = [(key, j) for key in keys if key[1] not in same for j in index[key]]
        row = {"code": code, "positives": len(pos), "negatives": len(neg), "models": {}}
        for name in MODELS:
            if name not in top:
                row["models"][name] = "not installed"
                continue
            if _model(name).label_of(config.lang) is None:
                row["models"][name] = None
                continue
            kept = sum(top[name][j] == code for j in pos)
            leaks = Counter(_source_name(k) for k, j in neg if top[name][j] == code)
            row["models"][name] = (kept, sum(leaks.values()), leaks)
        positives, negatives = split_by_language(docs, code)
        ev = evaluate(config, positives, negatives)
        row["decision"] = ev
        row["model"] = config.lid.model
        log(f"  {ev.format()}")
        rows.append(row)
    return rows


def write_evaluation(row: dict, directory: Path | None = None) -> Path:
    """Record the report-half figures of a language's decision in its provenance."""
    import re

    path = (directory or config_dir()) / f"{row['code']}.toml"
    ev = row["decision"]
    line = (f'lid_evaluation = "report half of ../shared/data/text (never read by calibration; '
            f'langforge.lid_compare, docs/lid-comparison.md): {row["model"]} decision keeps '
            f'{ev.recall:.1%} of {ev.positives} documents of ~600 chars in the language and lets '
            f'through {ev.false_positive_rate:.3%} ({ev.leaked} of {ev.negatives}) of other '
            f"languages' documents\"")
    text = re.sub(r"^lid_evaluation = .*\n", "", path.read_text(encoding="utf-8"), flags=re.M)
    text = re.sub(r"^(lid = .*)$", lambda m: m.group(1) + "\n" + line, text, count=1,
                  flags=re.M)
    path.write_text(text, encoding="utf-8")
    return path


def format_table(rows: list[dict]) -> str:
    head = ("| language | docs (lang / other) | " + " | ".join(MODELS)
            + " | langforge decision (model) |")
    lines = [head, "|" + "---|" * (len(MODELS) + 3)]
    for row in rows:
        cells = []
        for name in MODELS:
            value = row["models"][name]
            if value is None:
                cells.append("no label")
            elif isinstance(value, str):
                cells.append(value)
            else:
                kept, leaked, _ = value
                cells.append(f"{kept / row['positives']:.1%} / {leaked / row['negatives']:.2%}")
        ev = row["decision"]
        cells.append(f"**{ev.recall:.1%} / {ev.false_positive_rate:.3%}** ({ev.leaked}; "
                     f"{row['model']})")
        lines.append(f"| {row['code']} | {row['positives']} / {row['negatives']} | "
                     + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--write", action="store_true", help="rewrite the language configs")
    parser.add_argument("--out", type=Path, help="write the comparison table (Markdown) here")
    parser.add_argument("--report-only", action="store_true",
                        help="skip calibration: measure the shipped configs on the report half")
    parser.add_argument("languages", nargs="*", help="default: every configured language")
    args = parser.parse_args(argv)
    codes = [get_language(c).code for c in args.languages] or configured_languages()
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    if not args.report_only:
        log("calibration half:")
        results = calibrate_all(args.data, codes, args.write, log)
        for code, result in results.items():
            log(f"{code}: {result.model}; " + "; ".join(result.notes))
    log("report half:")
    rows = compare(args.data, codes, log)
    if args.write:
        for row in rows:
            if row["code"] not in KEEP:
                write_evaluation(row)
    table = format_table(rows)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
