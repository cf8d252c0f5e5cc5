"""The build report: what happened to every document, as HTML and Markdown.

``write_report(build_dir, summary)`` reads the build's ``dataset/`` shards and
``rejected/*.parquet`` files, and writes ``report.html`` (one self-contained page:
inline CSS, plots as base64 PNG), ``report.md`` (same content; plots as files in
``report_files/``) next to them. Missing parts (no rejected files, an empty dataset,
skipped stages, no tokenizer) are reported as missing, never an error.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from langforge.dataset import MAIN_SIGNALS
from langforge.filters.decide import THRESHOLD_SIGNALS
from langforge.report import plots
from langforge.report.collect import (LID_STAGE, QUALITY_STAGE, KeptData, RejectedData,
                                      collect_kept, collect_rejected)
from langforge.report.render import (Columns, Details, Example, Fact, Facts, Image, Paragraph,
                                     Report, Section, Table, images, to_html, to_markdown)
from langforge.report.tokenizer import tokenizer_section
from langforge.storage import atomic_path

__all__ = ["write_report", "build_report"]

IMAGE_DIR = "report_files"
_LOG_SIGNALS = {"word_count"}  # heavy-tailed: 50 to 100k words
_TOP = 15
_QUANTILES = (0.0, 0.1, 0.5, 0.9, 1.0)


def write_report(build_dir: Path, summary: dict[str, Any], *, seed: int = 0,
                 examples_per_split: int = 3, examples_per_reason: int = 2,
                 max_example_chars: int = 600) -> tuple[Path, Path]:
    """Write ``report.html``, ``report.md`` and ``report_files/`` into ``build_dir``.

    Args:
        build_dir: the language's build directory (``build/<code>/``), holding
            ``dataset/`` and ``rejected/`` (either may be absent).
        summary: the run summary (see ``langforge.summary.build_summary``).
        seed: seeds the choice of example documents.
        examples_per_split: kept documents shown per split.
        examples_per_reason: rejected records shown per (stage, reason).
        max_example_chars: example texts are cut to this length.

    Returns:
        The paths of ``report.html`` and ``report.md``.
    """
    build_dir = Path(build_dir)
    report = build_report(build_dir, summary, seed=seed, examples_per_split=examples_per_split,
                          examples_per_reason=examples_per_reason,
                          max_example_chars=max_example_chars)
    with atomic_path(build_dir / IMAGE_DIR) as tmp:
        tmp.mkdir(parents=True)
        for image in images([b for s in report.sections for b in s.blocks]):
            (tmp / f"{image.name}.png").write_bytes(image.png)
    html_path, md_path = build_dir / "report.html", build_dir / "report.md"
    with atomic_path(html_path) as tmp:
        tmp.write_text(to_html(report), encoding="utf-8")
    with atomic_path(md_path) as tmp:
        tmp.write_text(to_markdown(report, IMAGE_DIR), encoding="utf-8")
    return html_path, md_path


def build_report(build_dir: Path, summary: dict[str, Any], *, seed: int = 0,
                 examples_per_split: int = 3, examples_per_reason: int = 2,
                 max_example_chars: int = 600) -> Report:
    """The report model (sections of tables, plots and examples) of a build."""
    build_dir = Path(build_dir)
    kept = collect_kept(build_dir / "dataset", seed, examples_per_split)
    rejected = collect_rejected(build_dir / "rejected", seed + 1, examples_per_reason)
    config = summary.get("config") or {}
    name = summary.get("language_name") or summary.get("language", "?")
    sections = [
        _overview(summary, kept, rejected),
        _funnel(summary),
        _lid(config, kept, rejected),
        _quality(config, kept, rejected),
        _domains(kept),
        _lengths(kept),
        _duplicates(summary, kept),
        _quality_model(summary),
        _synthetic(summary, kept),
        tokenizer_section(summary),
        _kept_examples(kept, max_example_chars),
        _rejected_examples(rejected, max_example_chars),
    ]
    subtitle = (f"{summary.get('language', '?')} | langforge "
                f"{summary.get('langforge_version', '?')} | config "
                f"{summary.get('config_digest', '?')}")
    return Report(title=f"langforge build report: {name}", subtitle=subtitle, sections=sections)


def _num(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


#: What a drop at each stage means, for the first screen's "why dropped" figure.
_STAGE_DROPS = {"read": "unreadable or not HTML", "prefilter": "surely another language",
                "extract": "no main text", "identify": "not the language",
                "quality": "failed a quality threshold", "dedup": "duplicates"}


def _overview(summary: dict[str, Any], kept: KeptData, rejected: RejectedData) -> Section:
    final = summary.get("final") or {}
    blocks: list = [Facts(_key_facts(summary, kept))]
    rows = [["language", f"{summary.get('language_name', '?')} ({summary.get('language', '?')})"]]
    rows += [[key.replace("_", " "), value] for key, value in final.items()]
    if not final:
        rows += [["native documents", kept.docs("native")],
                 ["synthetic documents", kept.docs("synthetic")]]
    rows.append(["rejected records on disk", sum(rejected.counts.values())])
    build_rows = [["langforge version", summary.get("langforge_version", "?")],
                  ["config digest", summary.get("config_digest", "?")]]
    build = summary.get("build") or {}
    if build.get("id"):
        build_rows.append(["build id", build["id"]])
    inputs = summary.get("inputs") or {}
    if inputs.get("config_file"):
        build_rows.append(["config file (deltas)", inputs["config_file"]])
    for warc in inputs.get("warcs") or []:
        build_rows.append(["WARC input", _input_name(warc)])
    if inputs.get("selection"):
        build_rows.append(["index selection", _input_name(inputs["selection"])])
    if inputs.get("seed"):
        build_rows.append(["English seed", _input_name(inputs["seed"])])
    blocks.append(Details("The build in figures, its inputs and its config",
                          [Columns([Table(["dataset", "value"], rows),
                                    Table(["build", "value"], build_rows)])]))
    if summary.get("failed_shards"):
        blocks.insert(0, Paragraph("Failed shards (their documents are missing): "
                                   + ", ".join(summary["failed_shards"]), "warn"))
    if summary.get("outcome") not in (None, "ok"):
        blocks.insert(0, Paragraph(f"Outcome: {summary['outcome']}.", "warn"))
    elif not kept.docs("native") and not kept.docs("synthetic"):
        blocks.append(Paragraph("The dataset is empty (or was not written).", "warn"))
    return Section("overview", "Overview", blocks,
                   "What the build kept, why it dropped the rest and what the expanded "
                   "tokenizer gains; each figure is explained in its section below.")


def _key_facts(summary: dict[str, Any], kept: KeptData) -> list[Fact]:
    """Documents kept, why the others were dropped, and the tokenizer's gain."""
    final, stages = summary.get("final") or {}, summary.get("stages") or {}
    native = final.get("native_documents", kept.docs("native"))
    synthetic = final.get("synthetic_documents", kept.docs("synthetic"))
    first = next((st for name, st in stages.items() if name not in _OFF_FUNNEL), {})
    read = first.get("docs_in", 0)
    kept_text = (f"of {read:,} web records read ({native / read:.1%})" if read
                 else "no web records read")
    if synthetic:
        kept_text += f", plus {synthetic:,} translated"
    if final.get("characters"):
        kept_text += f"; {final['characters']:,} characters"
        if final.get("words"):
            kept_text += f", {final['words']:,} words"
    facts = [Fact("Documents kept", f"{native:,}", kept_text + ".")]
    drops = [(name, sum((st.get("dropped") or {}).values()), st.get("dropped") or {})
             for name, st in stages.items() if name not in _OFF_FUNNEL]
    drops = sorted(((n, total, d) for n, total, d in drops if total), key=lambda x: -x[1])
    if drops:
        total = sum(t for _, t, _ in drops)
        parts = []
        for name, count, reasons in drops[:4]:
            why = _STAGE_DROPS.get(name) or max(reasons, key=reasons.get)
            parts.append(f"{count:,} at {name} ({why})")
        more = sum(t for _, t, _ in drops[4:])
        facts.append(Fact("Dropped", f"{total:,}", "; ".join(parts)
                          + (f"; {more:,} elsewhere" if more else "")
                          + ". Every reason is in the funnel below."))
    else:
        facts.append(Fact("Dropped", "0", "No stage dropped a document."))
    tok = summary.get("tokenizer") or {}
    heldout = tok.get("heldout") or {}
    if _num(heldout.get("tokens_per_word_base")) and _num(heldout.get("tokens_per_word_merged")):
        english = tok.get("english_heldback") or {}
        text = (f"{tok.get('added_pieces', 0):,} pieces added to {tok.get('base', 'the base')}: "
                f"{heldout['tokens_per_word_base']:.2f} → "
                f"{heldout['tokens_per_word_merged']:.2f} tokens per word on held-back text")
        if english.get("lines"):
            text += (f"; {english.get('changed_lines', 0):,} of {english['lines']:,} unseen "
                     "English lines changed")
        facts.append(Fact("Tokenizer", f"{heldout.get('token_reduction_frac', 0):.1%} fewer "
                          "tokens", text + "."))
    else:
        stage = stages.get("vocab") or {}
        facts.append(Fact("Tokenizer", stage.get("status", "none"),
                          stage.get("reason") or "No tokenizer figures recorded."))
    return facts


def _input_name(item: Any) -> str:
    """An input as the summary describes it: its name and fingerprint."""
    if isinstance(item, dict):
        return f"{item.get('name')} (fingerprint {item.get('fingerprint')})"
    return str(item)


#: Stages that are not a step of the web documents' funnel: translation is a side
#: branch (its input is the English seed) and the tokenizer trains on the dataset
#: minus a held-out part, which would read as a drop.
_OFF_FUNNEL = frozenset({"translate", "vocab"})


def _chars_out(stage: dict[str, Any]) -> int | None:
    """Characters kept by a stage, or None where it passes on records without text yet
    (reading WARC pages counts payload bytes in, no text out)."""
    chars, docs = stage.get("chars_out", 0), stage.get("docs_out", 0)
    return None if docs and not chars else chars


_FUNNEL_LEAD = ("How many documents and characters each stage received and kept, and why it "
               "dropped the rest; look for the stage and reason that drop the most.")


def _funnel(summary: dict[str, Any]) -> Section:
    stages = summary.get("stages") or {}
    if not stages:
        return Section("funnel", "Documents through the stages",
                       [Paragraph("The summary records no stages.", "warn")], _FUNNEL_LEAD)
    rows, drops = [], Counter()
    for name, st in stages.items():
        docs_in, docs_out = st.get("docs_in", 0), st.get("docs_out", 0)
        dropped = st.get("dropped") or {}
        for reason, n in dropped.items():
            drops[f"{name}: {reason}"] += n
        rows.append([name, st.get("status", "ok"), docs_in, docs_out,
                     f"{docs_out / docs_in:.1%}" if docs_in else "-",
                     st.get("chars_in", 0), _chars_out(st),
                     ", ".join(f"{r} {n:,}" for r, n in sorted(dropped.items(),
                                                                key=lambda kv: -kv[1])) or "-"])
    blocks: list = [Table(["stage", "status", "docs in", "docs out", "kept", "chars in",
                           "chars out", "dropped (reason n)"], rows)]
    for name, st in stages.items():
        if st.get("status", "ok") != "ok":
            hint = f" Fix: {st['hint']}" if st.get("hint") else ""
            blocks.append(Paragraph(f"Stage {name} {st.get('status')}: "
                                    f"{st.get('reason') or 'no reason recorded'}.{hint}", "warn"))
    names = [n for n in stages if n not in _OFF_FUNNEL] or list(stages)
    first = stages[names[0]]
    blocks.append(Image("funnel", plots.funnel(
        ["input", *names], [first.get("docs_in", 0)] + [stages[n].get("docs_out", 0)
                                                        for n in names],
        [first.get("chars_in", 0)] + [_chars_out(stages[n]) for n in names],
        ["input"] + [stages[n].get("status", "ok") for n in names]),
        "Documents and characters entering the pipeline and left after each stage (the "
        "translation branch is in the table above and under Synthetic data; the tokenizer "
        "trains on the dataset without dropping any of it)"))
    if drops:
        top = sorted(drops.items(), key=lambda kv: (-kv[1], kv[0]))
        blocks.append(Image("drop_reasons", plots.drop_reasons([k for k, _ in top],
                                                               [v for _, v in top]),
                            "Dropped documents by stage and reason"))
    return Section("funnel", "Documents through the stages", blocks, _FUNNEL_LEAD)


_LID_LEAD = ("The language score of kept and rejected documents against the threshold "
             "(dashed); kept documents should sit well to the right of it.")


def _lid(config: dict[str, Any], kept: KeptData, rejected: RejectedData) -> Section:
    lid = config.get("lid") or {}
    min_score = lid.get("min_score")
    kept_scores = kept.numeric.get("native", {}).get("language_score", np.zeros(0))
    by_lid = np.asarray(rejected.lid_scores.get(LID_STAGE, []), dtype=float)
    later = np.asarray([s for stage, values in rejected.lid_scores.items()
                        if stage != LID_STAGE for s in values], dtype=float)
    blocks: list = [Paragraph(f"Model {lid.get('model', '?')}; documents scoring below "
                              f"min_score = {min_score} for the language are rejected.")]
    if not len(kept_scores) and not len(by_lid) and not len(later):
        blocks.append(Paragraph("No language scores recorded (no kept or rejected documents "
                                "with a score).", "note"))
        return Section("lid", "Language identification scores", blocks, _LID_LEAD)
    thresholds = [(float(min_score), "min_score")] if _num(min_score) else []
    blocks.append(Image("lid_scores", plots.histogram(
        {"kept": (kept_scores, plots.KEPT), f"rejected by {LID_STAGE}": (by_lid, plots.REJECTED),
         "rejected later": (later, plots.LATER)},
        "Language score of kept and rejected documents", "LID score for the language",
        thresholds, bins=np.linspace(0, 1, 41)), "LID score histogram, threshold dashed"))
    return Section("lid", "Language identification scores", blocks, _LID_LEAD)


def _quality(config: dict[str, Any], kept: KeptData, rejected: RejectedData) -> Section:
    quality = config.get("quality") or {}
    # The main signals, then any other signal the config puts a threshold on.
    shown = list(dict.fromkeys([*MAIN_SIGNALS, *(signal for key, signal in
                                                 THRESHOLD_SIGNALS.items()
                                                 if _num(quality.get(key)))]))
    panels, rows = [], []
    for signal in shown:
        kept_values = np.asarray(kept.signals.get(signal, []), dtype=float)
        rej_values = np.asarray(rejected.signals.get(signal, []), dtype=float)
        thresholds = [(float(quality[key]), key) for key, bounded in THRESHOLD_SIGNALS.items()
                      if bounded == signal and _num(quality.get(key))]
        rows.append([signal, ", ".join(f"{k} {v:g}" for v, k in thresholds) or "off",
                     _median(kept_values), _median(rej_values), rejected.tripped.get(signal, 0)])
        if len(kept_values) or len(rej_values):
            panels.append({"name": signal, "kept": kept_values, "rejected": rej_values,
                           "thresholds": thresholds, "log_x": signal in _LOG_SIGNALS,
                           "rejected_label": f"rejected by {QUALITY_STAGE}"})
    blocks: list = [Table(["signal", "thresholds", "median kept",
                           f"median rejected by {QUALITY_STAGE}", "dropped by this signal"],
                          rows)]
    # Plotted in full: the main signals and every signal that dropped a document; the
    # others (a threshold that dropped nothing here) are folded away.
    main = [p for p in panels if p["name"] in MAIN_SIGNALS or rejected.tripped.get(p["name"])]
    rest = [p for p in panels if p not in main]
    if main:
        blocks.append(Image("quality_signals", plots.signal_grid(main),
                            "Quality signals of kept and rejected documents, thresholds dashed"))
    if rest:
        blocks.append(Details(f"{len(rest)} more signals whose thresholds dropped nothing here",
                              [Image("quality_signals_more", plots.signal_grid(rest),
                                     "Quality signals that dropped no document, thresholds "
                                     "dashed")]))
    if not panels:
        blocks.append(Paragraph("No quality signals recorded.", "note"))
    return Section("quality", "Quality signals", blocks,
                   "Each quality signal of kept and rejected documents with its thresholds and "
                   "the documents each one dropped; a threshold cutting into the bulk of the kept "
                   "documents deserves a look.")


def _median(values: np.ndarray) -> float | None:
    return float(np.median(values)) if len(values) else None


_DOMAINS_LEAD = ("Which sites the kept documents come from; low-resource web text is often "
                 "dominated by a few sites, which makes a narrow corpus.")


def _domains(kept: KeptData) -> Section:
    total = kept.docs("native")
    if not kept.domains:
        return Section("domains", "Domains (skew)", [Paragraph(
            "No native document carries a URL." if total else "No native documents.", "note")],
            _DOMAINS_LEAD)
    top = sorted(kept.domains.items(), key=lambda kv: (-kv[1], kv[0]))[:_TOP]
    share_top5 = sum(n for _, n in top[:5]) / max(total, 1)
    tlds = sorted(kept.tlds.items(), key=lambda kv: (-kv[1], kv[0]))[:_TOP]
    return Section("domains", "Domains (skew)", [
        Paragraph(f"{len(kept.domains):,} domains; the top 5 hold {share_top5:.1%} of native "
                  "documents."),
        Image("domains", plots.top_bars([d for d, _ in top], [n for _, n in top], total,
                                        "Top domains (share of native documents)"),
              "Top domains"),
        Details("Top domains and top-level domains as tables", [Columns([
            Table(["domain", "documents", "share"],
                  [[d, n, f"{n / total:.1%}"] for d, n in top], "Top domains"),
            Table(["top-level domain", "documents", "share"],
                  [[f".{t}", n, f"{n / total:.1%}"] for t, n in tlds], "Top-level domains")])]),
    ], _DOMAINS_LEAD)


_LENGTHS_LEAD = ("Characters per document in each split; a pile of very short documents "
                 "carries little text to learn from.")


def _lengths(kept: KeptData) -> Section:
    series = {split: values for split, values in kept.length_chars.items() if len(values)}
    if not series:
        return Section("lengths", "Document lengths", [Paragraph("No documents.", "note")],
                       _LENGTHS_LEAD)
    rows = [[split, len(v), *[int(np.quantile(v, q)) for q in _QUANTILES]]
            for split, v in series.items()]
    colors = {"native": plots.KEPT, "synthetic": plots.SYNTHETIC}
    return Section("lengths", "Document lengths", [
        Table(["split", "documents", "min", "p10", "median", "p90", "max"], rows,
              "Characters per document"),
        Image("lengths", plots.histogram(
            {split: (v, colors.get(split, plots.KEPT)) for split, v in series.items()},
            "Document length", "characters (log scale)", log_x=True), "Document length"),
    ], _LENGTHS_LEAD)


_DUPLICATES_LEAD = ("How many copies each kept document had before deduplication; a later "
                    "mix can up-weight documents by these cluster sizes.")


def _duplicates(summary: dict[str, Any], kept: KeptData) -> Section:
    dedup = (summary.get("stages") or {}).get("dedup") or {}
    blocks: list = []
    if dedup:
        dropped = sum((dedup.get("dropped") or {}).values())
        blocks.append(Paragraph(f"Deduplication ({dedup.get('status', 'ok')}): "
                                f"{dedup.get('docs_in', 0):,} in, {dropped:,} dropped as "
                                "duplicates."))
    sizes = kept.numeric.get("native", {}).get("dup_cluster_size", np.zeros(0))
    sizes = sizes[~np.isnan(sizes)].astype(int) if len(sizes) else np.zeros(0, dtype=int)
    if not len(sizes):
        blocks.append(Paragraph("No duplicate cluster sizes recorded.", "note"))
        return Section("duplicates", "Duplicate clusters", blocks, _DUPLICATES_LEAD)
    counts = sorted(Counter(sizes.tolist()).items())
    blocks += [Table(["cluster size", "kept documents"], [[s, n] for s, n in counts]),
               Image("dup_clusters", plots.bar_counts([s for s, _ in counts],
                                                      [n for _, n in counts],
                                                      "Kept documents by duplicate cluster size",
                                                      "documents in the cluster before dedup"),
                     "Duplicate cluster sizes")]
    return Section("duplicates", "Duplicate clusters", blocks, _DUPLICATES_LEAD)


_QUALITY_MODEL_LEAD = ("A fastText classifier of trusted text in the language against this "
                      "build's web text scores every kept document (`quality_score`): look at "
                      "the held-out ROC AUC, whether the examples rise in quality from the "
                      "lowest decile to the highest, and how the score relates to the "
                      "heuristic signals.")


def _quality_model(summary: dict[str, Any]) -> Section:
    title = "Quality classifier"
    stage = (summary.get("stages") or {}).get("quality_model")
    if not stage:
        return Section("quality-model", title, [Paragraph("The build has no quality-model "
                                                          "stage.", "note")], _QUALITY_MODEL_LEAD)
    if stage.get("status", "ok") != "ok":
        hint = f" To train one: {stage['hint']}" if stage.get("hint") else ""
        return Section("quality-model", title, [Paragraph(
            f"No classifier was trained: {stage.get('reason')}.{hint}", "note")],
            _QUALITY_MODEL_LEAD)
    extra = stage.get("extra") or {}
    rows = [["held-out ROC AUC (positives vs this build's web text)", extra.get("roc_auc")],
            ["positives (documents)", extra.get("positives")],
            ["negatives (documents)", extra.get("negatives")],
            ["positives from", extra.get("positives_from")],
            ["documents scored", stage.get("docs_in", 0)],
            ["dropped by the score (selection)", sum((stage.get("dropped") or {}).values())]]
    blocks: list = []
    if not extra.get("translated_seed_used"):
        blocks.append(Paragraph("No translated seed was used (no translation model): the "
                                "positives are the reference text alone.", "note"))
    blocks.append(Table(["quality classifier", "value"], rows))
    scores = summary.get("quality_model") or {}
    histogram = scores.get("histogram") or {}
    if histogram.get("counts"):
        edges = histogram["edges"]
        blocks.append(Image("quality_scores", plots.bar_counts(
            [round(100 * e) for e in edges[:-1]], histogram["counts"],
            "Kept documents by quality score", "score x 100 (bin start)"),
            "Distribution of the quality score"))
    if scores.get("spearman"):
        blocks.append(Table(["heuristic signal", "rank correlation with the score"],
                            [[k, v] for k, v in sorted(scores["spearman"].items())]))
    examples = [Example(f"decile {round(10 * d['quantile'])}: score {d['score']:.3f}",
                        d.get("url") or d.get("id", ""), _cut(d.get("text", ""), 400),
                        open=False)
                for d in scores.get("deciles") or []]
    if examples:
        blocks.append(Details("An example at each decile of the score, lowest first",
                              examples))
    return Section("quality-model", title, blocks, _QUALITY_MODEL_LEAD)


def _synthetic(summary: dict[str, Any], kept: KeptData) -> Section:
    stage = (summary.get("stages") or {}).get("translate")
    blocks: list = []
    if stage is None:
        blocks.append(Paragraph("The summary has no translate stage.", "note"))
    elif stage.get("status", "ok") != "ok":
        hint = f" To produce synthetic data: {stage['hint']}" if stage.get("hint") else ""
        blocks.append(Paragraph(f"Translation {stage.get('status')}: "
                                f"{stage.get('reason') or 'no reason recorded'}.{hint}", "warn"))
    else:
        dropped = stage.get("dropped") or {}
        rows = [["documents in", stage.get("docs_in", 0)],
                ["documents kept", stage.get("docs_out", 0)]]
        rows += [[f"dropped: {r}", n] for r, n in sorted(dropped.items(), key=lambda kv: -kv[1])]
        rows += [[k, v] for k, v in sorted((stage.get("extra") or {}).items())
                 if _num(v) or isinstance(v, str)]
        blocks.append(Table(["translation", "value"], rows))
    if kept.models:
        blocks.append(Table(["model", "licence", "documents"],
                            [[m, lic, n] for (m, lic), n in sorted(kept.models.items())],
                            "Models and licences of the synthetic split"))
    if kept.checks:
        rows = [[name, len(values), float(np.mean(values)), min(values), max(values)]
                for name, values in sorted(kept.checks.items())]
        blocks.append(Table(["check", "documents", "mean", "min", "max"], rows,
                            "Output checks of kept synthetic documents (true = 1)"))
    return Section("synthetic", "Synthetic data", blocks,
                   "The machine-translated split: English seed documents translated, kept and "
                   "dropped by the output checks, with the models and their licences.")


def _cut(text: str, max_chars: int) -> str:
    return text if len(text) <= max_chars else text[:max_chars].rstrip() + " [...]"


def _kept_examples(kept: KeptData, max_chars: int) -> Section:
    blocks: list = []
    for split, rows in kept.examples.items():
        for row in rows:
            score = row.get("language_score")
            meta = (row.get("url") or "no url") + (f" | LID {score:.3f}" if _num(score) else "")
            blocks.append(Example(f"{split}: {row.get('id')}", meta,
                                  _cut(row.get("text") or "", max_chars)))
    if not blocks:
        blocks.append(Paragraph("No kept documents.", "note"))
    return Section("kept-examples", "Examples of kept documents", blocks,
                   "Random kept documents (seeded), to read what the corpus is made of.")


_REJECTED_LEAD = ("Random rejected records (seeded) per stage and reason, with the value that "
                  "tripped; read them to check that the drops are right.")


def _rejected_examples(rejected: RejectedData, max_chars: int) -> Section:
    if not rejected.files:
        return Section("rejected-examples", "Examples of rejected documents",
                       [Paragraph("No rejected files in this build (rejected/*.parquet).",
                                  "note")], _REJECTED_LEAD)
    blocks: list = [Table(["stage", "reason", "records"],
                          [[s, r, n] for (s, r), n in sorted(rejected.counts.items())])]
    for (stage, reason), rows in rejected.examples.items():
        for row in rows:
            detail = row.get("detail") or {}
            tripped = {k: v for k, v in detail.items() if k not in ("signals", "language")}
            meta = f"id {row.get('id')} | {row.get('url') or 'no url'} | " + ", ".join(
                f"{k}={v:.3g}" if _num(v) else f"{k}={v}" for k, v in sorted(tripped.items()))
            blocks.append(Example(f"{stage}: {reason}", meta,
                                  _cut(row.get("text") or "(no text)", max_chars), open=False))
    return Section("rejected-examples", "Examples of rejected documents", blocks,
                   _REJECTED_LEAD)
