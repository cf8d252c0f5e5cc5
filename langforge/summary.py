"""The run summary: per-stage counts, final sizes and tokenizer figures.

``summary.json`` is what a user (and the report and dataset card) reads to see
what happened to every document: how many entered each stage, how many were kept,
and how many were dropped under which named reason.
"""

from __future__ import annotations

from typing import Any, Iterable

from langforge import __version__
from langforge.config import LanguageConfig
from langforge.document import StageStats
from langforge.languages import Language

#: Stages in the order documents pass through them.
STAGE_ORDER = ("fetch", "read", "prefilter", "extract", "identify", "quality", "dedup",
               "translate", "quality_model", "dataset", "vocab")


def merge_stages(stats: Iterable[StageStats]) -> dict[str, StageStats]:
    """Merge the per-shard stats of each stage, in pipeline order."""
    merged: dict[str, StageStats] = {}
    for item in stats:
        if item.stage in merged:
            merged[item.stage].merge(item)
        else:
            merged[item.stage] = StageStats.from_dict(item.to_dict())
    order = {name: i for i, name in enumerate(STAGE_ORDER)}
    return dict(sorted(merged.items(), key=lambda kv: order.get(kv[0], len(order))))


#: The native stages, in order: a stage that keeps nothing leaves the next ones empty.
NATIVE_STAGES = ("fetch", "read", "prefilter", "extract", "identify", "quality", "dedup")


def empty_corpus_reason(stats: Iterable[StageStats], lang: Language) -> str | None:
    """Why the native corpus is empty (``"no documents after identify: the inputs
    hold no Swahili"``), or None when it is not: the first native stage that ran
    and kept nothing names the cause."""
    merged = merge_stages(stats)
    for name in NATIVE_STAGES:
        stage = merged.get(name)
        if stage is None or stage.status != "ok":
            continue
        if stage.docs_out == 0:
            why = {
                "fetch": "no record could be fetched",
                "read": "the inputs hold no readable HTML or text record",
                "prefilter": f"the inputs hold no {lang.name} (no page looked like it before "
                             "extraction)",
                "extract": f"the inputs hold no {lang.name} text (no page left after the "
                           "pre-filter yielded main text)",
                "identify": f"the inputs hold no {lang.name}",
                "quality": f"every {lang.name} document failed the quality thresholds",
            }.get(name, "nothing was kept")
            if stage.docs_in == 0 and name != "read":
                continue  # an earlier stage already explains it
            return f"no documents after {name}: {why}"
    return None


def build_summary(config: LanguageConfig, stats: Iterable[StageStats], *, inputs: dict[str, Any],
                  final: dict[str, Any], tokenizer: dict[str, Any] | None,
                  failed_shards: list[str] | None = None,
                  acquisition: dict[str, Any] | None = None,
                  build: dict[str, Any] | None = None) -> dict[str, Any]:
    """The summary; ``acquisition`` (how the bytes were fetched, and per crawl what the
    index offered and our LID kept) and ``build`` (the build id and each stage
    output's fingerprint) are included when given. When the native corpus ends
    empty, the later native stages are marked ``skipped`` with the reason, which is
    also the summary's ``outcome``."""
    lang = config.lang
    stats = list(stats)
    stages = {name: s.to_dict() for name, s in merge_stages(stats).items()}
    outcome = empty_corpus_reason(stats, lang)
    if outcome:
        empty_at = outcome.split(":", 1)[0].rsplit(" ", 1)[-1]
        later = NATIVE_STAGES[NATIVE_STAGES.index(empty_at) + 1:]
        for name in later:
            if name in stages and stages[name]["status"] == "ok":
                stages[name].update(status="skipped", reason=outcome)
    summary = {
        "language": lang.code,
        "language_name": lang.name,
        "langforge_version": __version__,
        "config_digest": config.digest(),
        "config": config.model_dump(mode="json"),
        "inputs": inputs,
        "outcome": outcome or "ok",
        "stages": stages,
        "final": final,
        "tokenizer": tokenizer,
        "failed_shards": failed_shards or [],
    }
    if build is not None:
        summary["build"] = build
    if acquisition is not None:
        summary["acquisition"] = acquisition
    return summary


def format_summary(summary: dict[str, Any]) -> str:
    """A one-screen plain-text view of a summary."""
    lines = [f"langforge {summary['langforge_version']}: {summary['language_name']} "
             f"({summary['language']}), config {summary['config_digest']}", ""]
    lines.append(f"{'stage':<10} {'status':<8} {'in':>7} {'kept':>7}  dropped")
    order = {name: i for i, name in enumerate(STAGE_ORDER)}
    said = None
    for name, stage in sorted(summary["stages"].items(), key=lambda kv: order.get(kv[0], 99)):
        dropped = ", ".join(f"{k} {v}" for k, v in sorted(stage["dropped"].items(),
                                                           key=lambda kv: -kv[1]))
        lines.append(f"{name:<10} {stage['status']:<8} {stage['docs_in']:>7} "
                     f"{stage['docs_out']:>7}  {dropped or '-'}")
        if stage["status"] != "ok":
            why = stage["reason"] + (f" -> {stage['hint']}" if stage["hint"] else "")
            lines.append(f"{'':<10} " + (why if why != said else '(same reason)'))
            said = why
    final = summary.get("final") or {}
    lines += ["", "final: " + ", ".join(f"{k.replace('_', ' ')} {v:,}" if isinstance(v, int)
                                        else f"{k.replace('_', ' ')} {v}" for k, v in final.items())]
    tok = summary.get("tokenizer") or {}
    held = tok.get("heldout") or {}
    if held and held.get("lines") == 0:
        lines.append(f"tokenizer: +{_num(tok.get('added_pieces'), ',')} pieces; no held-out "
                     "text to measure them on (too few documents)")
    elif held:
        lines.append(
            f"tokenizer: +{_num(tok.get('added_pieces'), ',')} pieces; held-out tokens/word "
            f"{_num(held.get('tokens_per_word_base'), '.2f')} -> "
            f"{_num(held.get('tokens_per_word_merged'), '.2f')} "
            f"({_num(held.get('token_reduction_frac'), '.1%')} fewer tokens)")
    acquisition = summary.get("acquisition") or {}
    for crawl, counts in (acquisition.get("by_crawl") or {}).items():
        offered = (f"index offered {counts['records_offered']:,}, fetched "
                   f"{counts.get('records_fetched', 0):,}; " if "records_offered" in counts else "")
        recall = counts.get("cld2_recall_frac")
        lines.append(f"{crawl}: {offered}LID kept {counts.get('lid_kept', 0):,} of "
                     f"{counts.get('lid_in', 0):,}" + (f" (CLD2 had labelled {recall:.0%} of them)"
                                                      if recall is not None else ""))
    if summary.get("failed_shards"):
        lines.append(f"FAILED shards: {', '.join(summary['failed_shards'])}")
    if summary.get("outcome") not in (None, "ok"):
        lines.append(f"outcome: {summary['outcome']}")
    return "\n".join(lines)


def _num(value: Any, spec: str) -> str:
    """``value`` formatted with ``spec``, or ``-`` when it is not a number (a small
    corpus leaves some figures undefined)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "-"
    return format(value, spec)
