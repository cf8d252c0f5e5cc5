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

#: Stages in the order documents pass through them.
STAGE_ORDER = ("fetch", "read", "prefilter", "extract", "identify", "quality", "dedup", "translate", "dataset", "vocab")


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


def build_summary(config: LanguageConfig, stats: Iterable[StageStats], *, inputs: dict[str, Any],
                  final: dict[str, Any], tokenizer: dict[str, Any] | None,
                  failed_shards: list[str] | None = None,
                  acquisition: dict[str, Any] | None = None) -> dict[str, Any]:
    """The summary; ``acquisition`` (how the bytes were fetched, and per crawl what the
    index offered and our LID kept) is included when given."""
    lang = config.lang
    summary = {
        "language": lang.code,
        "language_name": lang.name,
        "langforge_version": __version__,
        "config_digest": config.digest(),
        "config": config.model_dump(mode="json"),
        "inputs": inputs,
        "stages": {name: s.to_dict() for name, s in merge_stages(stats).items()},
        "final": final,
        "tokenizer": tokenizer,
        "failed_shards": failed_shards or [],
    }
    if acquisition is not None:
        summary["acquisition"] = acquisition
    return summary


def format_summary(summary: dict[str, Any]) -> str:
    """A one-screen plain-text view of a summary."""
    lines = [f"langforge {summary['langforge_version']}: {summary['language_name']} "
             f"({summary['language']}), config {summary['config_digest']}", ""]
    lines.append(f"{'stage':<10} {'status':<8} {'in':>7} {'kept':>7}  dropped")
    order = {name: i for i, name in enumerate(STAGE_ORDER)}
    for name, stage in sorted(summary["stages"].items(), key=lambda kv: order.get(kv[0], 99)):
        dropped = ", ".join(f"{k} {v}" for k, v in sorted(stage["dropped"].items(),
                                                           key=lambda kv: -kv[1]))
        lines.append(f"{name:<10} {stage['status']:<8} {stage['docs_in']:>7} "
                     f"{stage['docs_out']:>7}  {dropped or '-'}")
        if stage["status"] != "ok":
            lines.append(f"{'':<10} {stage['reason']}" + (f" -> {stage['hint']}" if stage["hint"] else ""))
    final = summary.get("final") or {}
    lines += ["", "final: " + ", ".join(f"{k.replace('_', ' ')} {v:,}" if isinstance(v, int)
                                        else f"{k.replace('_', ' ')} {v}" for k, v in final.items())]
    tok = summary.get("tokenizer") or {}
    held = tok.get("heldout") or {}
    if held:
        lines.append(
            f"tokenizer: +{tok.get('added_pieces', 0):,} pieces; held-out tokens/word "
            f"{held.get('tokens_per_word_base', 0):.2f} -> {held.get('tokens_per_word_merged', 0):.2f} "
            f"({held.get('token_reduction_frac', 0):.1%} fewer tokens)")
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
    return "\n".join(lines)
