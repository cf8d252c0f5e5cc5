"""Publishing a finished build: the dataset folder, the rejected records, the
tokenizer, the report and ``summary.json``, from the build's (fingerprinted) work
outputs.

The published files sit at stable paths under ``<build_dir>/<language>/`` and
always belong together: each is replaced atomically, and ``summary.json``, which
names the build's fingerprint, is written last, so a build is published exactly
when its summary carries its fingerprint (``is_published``).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from langforge.acquisition import acquisition_summary, failed_shards
from langforge.build import Layout
from langforge.dataset import publish_dataset
from langforge.storage import (SUCCESS, atomic_path, link_or_copy, load_stats,
                               read_docs, read_json, write_json)
from langforge.summary import build_summary

#: Files of a stage's work dir that are bookkeeping, not output.
_BOOKKEEPING = {SUCCESS, "stats.json", "rejected.parquet"}


def is_published(layout: Layout) -> bool:
    """Whether the published files are this build's (its summary names its fingerprint)."""
    try:
        summary = read_json(layout.summary)
    except (OSError, ValueError):
        return False
    return (summary.get("build") or {}).get("fingerprint") == layout.fp.publish


def build_record(layout: Layout) -> dict[str, Any]:
    """The build's id and the fingerprint of each stage output (kept by ``clean --stale``)."""
    return {"id": layout.spec.build_id, "fingerprint": layout.fp.publish,
            "stages": layout.fp.all()}


def publish_build(layout: Layout) -> dict[str, Any]:
    """Publish the build whose work outputs are complete; returns the summary."""
    from langforge.report import write_report

    spec, config = layout.spec, layout.spec.language_config
    stats = [s for d in layout.stage_dirs() for s in load_stats(d)]
    dataset_stats = next((s for s in stats if s.stage == "dataset"), None)
    evaluation = read_json(layout.tokenizer_work / "evaluation.json")
    tokenizer = None if "skipped" in evaluation else evaluation
    final = {
        "native_documents": dataset_stats.extra.get("native", 0) if dataset_stats else 0,
        "synthetic_documents": dataset_stats.extra.get("synthetic", 0) if dataset_stats else 0,
    }
    final.update(_corpus_sizes(layout.native, tokenizer))
    summary = build_summary(config, stats, inputs=spec.described(), final=final,
                            tokenizer=tokenizer, failed_shards=failed_shards(layout),
                            acquisition=acquisition_summary(layout, config.lang.label("cld2")),
                            build=build_record(layout))
    scores = layout.quality_model / "score_report.json"
    if scores.is_file():  # for the report: distribution, decile examples, correlations
        summary["quality_model"] = read_json(scores)
    info = read_json(layout.dataset_work / "info.json")
    publish_dataset(layout.dataset_work, layout.dataset, config, summary, info)
    _publish_dir(layout.dataset_work / "rejected", layout.rejected)
    _publish_dir(layout.tokenizer_work, layout.tokenizer)
    write_report(layout.lang_dir, summary)
    # Written last: its fingerprint says the published files are this build's.
    write_json(layout.summary, summary, sort_keys=False)  # stages in pipeline order
    return summary


def _publish_dir(source: Path, target: Path) -> None:
    """Replace ``target`` with ``source``'s files (hard links where possible),
    leaving out the stage bookkeeping."""
    with atomic_path(target) as tmp:
        shutil.copytree(source, tmp, copy_function=link_or_copy,
                        ignore=lambda _dir, names: [n for n in names if n in _BOOKKEEPING])


def _corpus_sizes(native: Path, tokenizer: dict | None) -> dict:
    """Characters and words of the native corpus, and its tokens under the base and the
    merged tokenizer (counted by the tokenizer stage, which knows the tokenizer format)."""
    characters = words = 0
    for doc in read_docs(native):
        characters += len(doc.text)
        words += len(doc.text.split())
    sizes = {"characters": characters, "words": words}
    sizes.update((tokenizer or {}).get("corpus") or {})
    return sizes
