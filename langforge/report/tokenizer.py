"""The report's tokenizer section: what the expanded vocabulary gains and costs.

A short table (tokens per word before and after, fewer tokens on held-back text,
English lines changed, sentencepiece/Hugging Face agreement, unreachable pieces)
beside the size curve; every figure of ``evaluation.json`` is folded underneath,
its row tables (methods, sizes) turned on their side so they fit the page.
"""

from __future__ import annotations

from typing import Any

from langforge.report import plots
from langforge.report.render import Columns, Details, Image, Paragraph, Section, Table, is_numeric

_num = is_numeric


def _scalars(data: dict[str, Any], prefix: str = "") -> list[list[Any]]:
    rows = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows += _scalars(value, f"{name}.")
        elif isinstance(value, (int, float, str)) and not isinstance(value, bool):
            rows.append([name, value])
    return rows


def _row_tables(data: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    return [(key, value) for key, value in data.items()
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value)]


def _by_column(key: str, rows: list[dict[str, Any]]) -> Table:
    """One table of ``evaluation.json``'s rows (methods, sizes) turned on its side: a
    column per row, a row per figure, so a dozen figures fit the page's width."""
    label = next((k for k in ("method", "addon_vocab_size_requested", "addon_vocab_size_used")
                  if all(r.get(k) is not None for r in rows)
                  and len({str(r[k]) for r in rows}) == len(rows)), None)
    names = [str(r[label]) if label else str(i) for i, r in enumerate(rows, 1)]
    if label and label.startswith("addon_vocab_size_"):
        names = [f"{r[label]:,} {label.rsplit('_', 1)[1]}" for r in rows]
    figures = [k for k in dict.fromkeys(k for r in rows for k in r) if k != label]
    # Naming figures (e.g. "method") first, numbers after.
    figures.sort(key=lambda k: all(_num(r.get(k)) or r.get(k) is None for r in rows))
    return Table([key, *names], [[k, *[r.get(k) for r in rows]] for k in figures])


def _lines(figures: dict[str, Any] | None) -> str | None:
    if not figures or not figures.get("lines"):
        return None
    return (f"{figures.get('changed_lines', 0):,} of {figures['lines']:,} lines "
            f"({figures.get('changed_lines_frac', 0):.2%})")


def _tokenizer_rows(tok: dict[str, Any], language: str) -> list[list[Any]]:
    heldout = tok.get("heldout") or {}
    rows: list[list[Any]] = []
    if _num(heldout.get("tokens_per_word_base")) and _num(heldout.get("tokens_per_word_merged")):
        rows.append([f"tokens per word, held-back {language} text (base → expanded)",
                     f"{heldout['tokens_per_word_base']:.2f} → "
                     f"{heldout['tokens_per_word_merged']:.2f}"])
    if _num(heldout.get("token_reduction_frac")):
        rows.append(["fewer tokens on held-back text",
                     f"{heldout['token_reduction_frac']:.1%} ({heldout.get('lines', 0):,} "
                     f"lines, {heldout.get('words', 0):,} words)"])
    added = f"{tok.get('added_pieces', 0):,} to {tok.get('base', '?')}"
    if _num(tok.get("addon_vocab_size_requested")):
        added += f" ({tok['addon_vocab_size_requested']:,} requested)"
    if tok.get("added_characters"):
        added += f", {tok['added_characters']:,} of them single characters the base lacked"
    rows.append(["new pieces", added])
    for key, label in (("english_heldback", "English lines changed, unseen English"),
                       ("english_check", "English lines changed, --check-english text"),
                       ("reference", "English lines changed, protected reference")):
        if _lines(tok.get(key)):
            rows.append([label, _lines(tok[key])])
    agreement = tok.get("hf_agreement") or {}
    if agreement.get("lines"):
        rows.append(["sentencepiece and Hugging Face agree",
                     f"{agreement.get('agreeing_lines', 0):,} of {agreement['lines']:,} lines "
                     f"({agreement.get('agreement_frac', 0):.1%})"])
    if _num(tok.get("unreachable_pieces")):
        rows.append(["unreachable new pieces", f"{tok['unreachable_pieces']:,}"])
    return rows


def tokenizer_section(summary: dict[str, Any]) -> Section:
    """The tokenizer's gain and cost in a short table beside the size curve, with every
    figure of ``evaluation.json`` folded underneath."""
    lead = ("What the expanded vocabulary gains on held-back text and what it costs English: "
            "fewer tokens per word is the gain, changed English lines and library "
            "disagreements should stay at 0.")
    tok = summary.get("tokenizer")
    if not tok:
        stage = (summary.get("stages") or {}).get("vocab") or {}
        why = stage.get("reason") or "the vocabulary stage did not record results"
        hint = f" Fix: {stage['hint']}" if stage.get("hint") else ""
        return Section("tokenizer", "Tokenizer", [Paragraph(f"No tokenizer figures: {why}.{hint}",
                                                            "note")], lead)
    language = summary.get("language_name") or summary.get("language") or "language"
    main: list = [Table(["figure", "value"], _tokenizer_rows(tok, language))]
    sizes = tok.get("sizes") or []
    x_key = next((k for k in ("addon_vocab_size_used", "addon_vocab_size_requested",
                              "addon_vocab_size", "vocab_size", "size", "added_pieces")
                  if sizes and all(_num(r.get(k)) for r in sizes)), None)
    if x_key:
        rows = list({r[x_key]: r for r in sorted(sizes, key=lambda r: r[x_key],
                                                 reverse=True)}.values())[::-1]
        lines = {k.replace("tokens_per_word_merged", "expanded"): [r[k] for r in rows]
                 for k in dict.fromkeys(k for r in rows for k in r)
                 if "tokens_per_word" in k and all(_num(r.get(k)) for r in rows)}
        base = (tok.get("heldout") or {}).get("tokens_per_word_base")
        if lines and _num(base):
            lines = {f"base ({tok.get('base', '?')})": [base] * len(rows), **lines}
        if lines:
            main.append(Image("tokenizer_sizes", plots.curves(
                [r[x_key] for r in rows], lines, "Tokens per word by add-on size",
                x_key.replace("_", " "), "tokens per word"),
                "Tokens per word on held-back text over add-on sizes"))
    more: list = [_by_column(key, rows) for key, rows in _row_tables(tok)]
    more.append(Table(["figure", "value"], _scalars(tok), "Every figure of evaluation.json"))
    return Section("tokenizer", "Tokenizer", [
        Columns(main) if len(main) > 1 else main[0],
        Details("All tokenizer figures: methods compared, add-on sizes, evaluation.json", more),
    ], lead)
