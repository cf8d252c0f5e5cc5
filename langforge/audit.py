"""Human audit of a language's decisions: a stratified sample sheet, and its marks read back.

``build_sheet`` samples documents of a finished build in strata: kept documents,
rejected documents of each reason (language and quality stages), and kept
documents near a threshold (within ``NEAR_FRAC`` of it, where a small change of
the threshold would flip the decision). ``write_sheet`` writes the sample as CSV
(with an empty ``mark`` column a native speaker fills with ``keep`` or ``drop``)
and as HTML to read it comfortably. ``apply_marks`` reads the marked CSV back and
measures the current decisions against the marks: precision (kept documents the
speaker would keep) and recall (documents the speaker would keep that were kept),
each weighted by how many documents of the build a row stands for, plus the
share of each rejection reason's documents the speaker would have kept.
"""

from __future__ import annotations

import csv
import html
import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from langforge.config import LanguageConfig
from langforge.errors import InputError
from langforge.filters.decide import THRESHOLD_SIGNALS
from langforge.storage import DOCS_NAME, read_docs, read_rejections

#: A kept document is "near" a threshold within this relative distance of it.
NEAR_FRAC = 0.1
#: Stages whose rejections are audited (decisions about the text itself).
AUDITED_STAGES = ("identify", "quality")
EXCERPT_CHARS = 1500
COLUMNS = ("id", "stratum", "weight", "decision", "reason", "url", "detail", "text", "mark")
MARKS = {"keep": True, "k": True, "drop": False, "d": False}


@dataclass
class AuditRow:
    id: str
    stratum: str
    weight: float
    decision: str  # "keep" or "drop"
    reason: str
    url: str
    detail: str
    text: str
    mark: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in COLUMNS}


@dataclass
class AuditResult:
    """Decisions measured against a speaker's marks."""

    marked: int
    precision: float | None
    recall: float | None
    wrongly_dropped_by_reason: dict[str, float] = field(default_factory=dict)
    marked_by_reason: dict[str, int] = field(default_factory=dict)
    #: near:<threshold> stratum -> share of its kept documents the speaker keeps
    near_kept_good: dict[str, float] = field(default_factory=dict)


def _near_thresholds(signals: dict[str, float], config: LanguageConfig) -> list[str]:
    near = []
    checks = [(key, signal, getattr(config.quality, key, None))
              for key, signal in THRESHOLD_SIGNALS.items()]
    checks += [("lid.min_score", "lid_score", config.lid.min_score),
               ("lid.min_wordlist_frac", "wordlist_frac", config.lid.min_wordlist_frac)]
    for key, signal, threshold in checks:
        if threshold is None or signal not in signals or not threshold:
            continue
        if abs(signals[signal] - threshold) <= NEAR_FRAC * abs(threshold):
            near.append(key)
    return near


def _rejections(lang_dir: Path) -> list[dict[str, Any]]:
    published = sorted((lang_dir / "rejected").glob("*.parquet"))
    paths = published or sorted((lang_dir / "work").glob("*/shard-*/rejected.parquet"))
    rows = []
    for path in paths:
        rows.extend(r for r in read_rejections(path) if r["stage"] in AUDITED_STAGES)
    return rows


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + " [...]"


def build_sheet(lang_dir: str | Path, config: LanguageConfig, *, per_stratum: int = 20,
                seed: int = 0) -> list[AuditRow]:
    """A stratified, seeded sample of a build's decisions (see the module docstring).

    Raises:
        InputError: the build has no deduplicated output (run ``langforge language`` first).
    """
    if per_stratum < 1:
        raise ValueError(f"per_stratum must be positive, got {per_stratum}")
    lang_dir = Path(lang_dir)
    kept_path = lang_dir / "work" / "dedup" / DOCS_NAME
    if not kept_path.is_file():
        raise InputError(f"no finished build in {lang_dir} ({kept_path} is missing); run "
                         f"`langforge language {config.language}` first")
    strata: dict[str, list[AuditRow]] = defaultdict(list)
    for doc in read_docs(kept_path):
        signals = {k: round(v, 4) for k, v in sorted(doc.signals.items())}
        row = AuditRow(doc.id, "kept", 1.0, "keep", "", doc.url or "",
                       json.dumps(signals, ensure_ascii=False), _excerpt(doc.text))
        strata["kept"].append(row)
        for key in _near_thresholds(doc.signals, config):
            strata[f"near:{key}"].append(AuditRow(**{**row.as_dict(), "stratum": f"near:{key}"}))
    for rej in _rejections(lang_dir):
        detail = {k: v for k, v in rej["detail"].items() if k != "signals"}
        strata[f"rejected:{rej['reason']}"].append(AuditRow(
            rej["id"], f"rejected:{rej['reason']}", 1.0, "drop", rej["reason"], rej["url"] or "",
            json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
            _excerpt(rej["text"] or "")))
    rng = random.Random(seed)
    sheet: list[AuditRow] = []
    for name in sorted(strata):
        rows = sorted(strata[name], key=lambda r: r.id)
        chosen = rows if len(rows) <= per_stratum else rng.sample(rows, per_stratum)
        weight = len(rows) / len(chosen)
        for row in sorted(chosen, key=lambda r: r.id):
            row.weight = round(weight, 4)
            sheet.append(row)
    return sheet


def write_sheet(rows: list[AuditRow], out_dir: str | Path, name: str) -> tuple[Path, Path]:
    """Write ``<name>.csv`` (to mark) and ``<name>.html`` (to read) into ``out_dir``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, html_path = out_dir / f"{name}.csv", out_dir / f"{name}.html"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row.as_dict())
    html_path.write_text(_render_html(rows, name, csv_path.name), encoding="utf-8")
    return csv_path, html_path


def _render_html(rows: list[AuditRow], title: str, csv_name: str) -> str:
    esc = html.escape
    body = []
    for number, row in enumerate(rows, 1):
        body.append(
            f"<tr><td>{number}</td><td>{esc(row.stratum)}</td><td>{esc(row.decision)}</td>"
            f"<td><a href=\"{esc(row.url)}\">{esc(row.url)}</a><pre>{esc(row.text)}</pre>"
            f"<details><summary>detail</summary><code>{esc(row.detail)}</code></details></td>"
            f"<td class=mark>keep / drop</td></tr>")
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td{{border:1px solid #ccc;padding:.4em;vertical-align:top}}pre{{white-space:pre-wrap;
max-width:70em}}.mark{{color:#888}}</style></head><body>
<h1>{esc(title)}</h1>
<p>{len(rows)} documents sampled by stratum: kept, rejected for each reason, and kept
near a threshold. For each, decide whether it belongs in a corpus of good text in
this language, and write <b>keep</b> or <b>drop</b> in the <code>mark</code> column of
<code>{esc(csv_name)}</code> (row number = line number - 1). Then run
<code>langforge audit-apply LANG --marks {esc(csv_name)}</code>.</p>
<table><tr><th>#</th><th>stratum</th><th>decision</th><th>text</th><th>mark</th></tr>
{chr(10).join(body)}
</table></body></html>
"""


def read_marks(path: str | Path) -> list[AuditRow]:
    """The rows of a marked sheet; unmarked rows have ``mark == ""``.

    Raises:
        InputError: the file is missing, lacks sheet columns, or has a mark other
            than keep/drop (k/d), naming the line.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"marks file {path} does not exist")
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise InputError(f"{path}: not an audit sheet (missing columns: "
                             f"{', '.join(sorted(missing))})")
        rows = []
        for line, raw in enumerate(reader, 2):
            mark = (raw["mark"] or "").strip().casefold()
            if mark and mark not in MARKS:
                raise InputError(f"{path}:{line}: mark {raw['mark']!r} is not keep or drop")
            try:
                weight = float(raw["weight"])
            except ValueError:
                raise InputError(f"{path}:{line}: weight {raw['weight']!r} is not a number"
                                 ) from None
            rows.append(AuditRow(**{**{k: raw[k] for k in COLUMNS}, "weight": weight,
                                    "mark": mark}))
    return rows


def apply_marks(rows: Iterable[AuditRow]) -> AuditResult:
    """Precision and recall of the decisions against the marks (see module docstring).

    The ``kept`` and ``rejected:*`` strata partition the build, so they give the
    estimates, each row weighted by the documents it stands for; ``near:*`` rows
    (kept documents sampled again because they sit near a threshold) are reported
    on their own as the share the speaker keeps. Unmarked rows are ignored.
    """
    kept_good = kept_total = good_total = 0.0
    reason_good: dict[str, float] = defaultdict(float)
    reason_total: dict[str, float] = defaultdict(float)
    reason_count: dict[str, int] = defaultdict(int)
    near_good: dict[str, int] = defaultdict(int)
    near_count: dict[str, int] = defaultdict(int)
    marked: set[str] = set()
    for row in rows:
        if not row.mark:
            continue
        marked.add(row.id)
        good = MARKS[row.mark]
        if row.stratum.startswith("near:"):
            near_count[row.stratum] += 1
            near_good[row.stratum] += good
        elif row.decision == "keep":
            kept_total += row.weight
            kept_good += row.weight * good
            good_total += row.weight * good
        else:
            reason_total[row.reason] += row.weight
            reason_good[row.reason] += row.weight * good
            reason_count[row.reason] += 1
            good_total += row.weight * good
    return AuditResult(
        marked=len(marked),
        precision=kept_good / kept_total if kept_total else None,
        recall=kept_good / good_total if good_total else None,
        wrongly_dropped_by_reason={r: reason_good[r] / reason_total[r]
                                   for r in sorted(reason_total)},
        marked_by_reason=dict(sorted(reason_count.items())),
        near_kept_good={k: near_good[k] / near_count[k] for k in sorted(near_count)})


def format_result(result: AuditResult) -> str:
    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.1%}"

    lines = [f"marked documents: {result.marked}",
             f"precision (kept documents the speaker keeps):     {pct(result.precision)}",
             f"recall (documents the speaker keeps that were kept): {pct(result.recall)}"]
    if result.wrongly_dropped_by_reason:
        lines.append("rejected documents the speaker would keep, by reason:")
        for reason, share in result.wrongly_dropped_by_reason.items():
            lines.append(f"  {reason:<36} {pct(share)} of {result.marked_by_reason[reason]} "
                         "marked")
    if result.near_kept_good:
        lines.append("kept documents near a threshold that the speaker keeps:")
        for stratum, share in result.near_kept_good.items():
            lines.append(f"  {stratum.removeprefix('near:'):<36} {pct(share)}")
    return "\n".join(lines)
