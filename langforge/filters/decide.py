"""Decisions: compare quality signals with the language's thresholds.

Each threshold key of ``QualityConfig`` names its direction (``min_``/``max_``)
and the signal it bounds. A threshold that is None (left out of the config, or
listed in ``off``) is off; one the config does not define yet is off too, so the
config can grow without touching this module.
"""

from __future__ import annotations

from typing import Any, Mapping

from langforge.config import QualityConfig

#: threshold key -> signal it bounds; ``min_`` keys trip below, ``max_`` keys above.
#: Order is the order of checks (cheap, coarse rules first).
THRESHOLD_SIGNALS: dict[str, str] = {
    "min_words": "word_count",
    "max_words": "word_count",
    "min_mean_word_length": "mean_word_length",
    "max_mean_word_length": "mean_word_length",
    "max_non_alpha_words_ratio": "non_alpha_words_ratio",
    "min_stopwords": "stopword_count",
    "min_script_ratio": "script_ratio",
    "max_symbol_word_ratio": "symbol_word_ratio",
    "max_bullet_lines_frac": "bullet_lines_frac",
    "max_ellipsis_lines_frac": "ellipsis_lines_frac",
    "max_dup_line_frac": "dup_line_frac",
    "max_dup_para_frac": "dup_para_frac",
    **{f"max_top_{n}gram_char_frac": f"top_{n}gram_char_frac" for n in (2, 3, 4)},
    **{f"max_dup_{n}gram_char_frac": f"dup_{n}gram_char_frac" for n in range(5, 11)},
    "min_line_punct_ratio": "line_punct_ratio",
    "max_short_line_frac": "short_line_frac",
    "max_new_line_ratio": "new_line_ratio",
}


def reason_for(key: str) -> str:
    """The rejection reason for a threshold key (``quality_min_words``)."""
    return f"quality_{key}"


def decide(signals: Mapping[str, float], quality: QualityConfig
           ) -> tuple[str, dict[str, Any]] | None:
    """The first threshold the signals trip, as ``(reason, detail)``, or None to keep.

    ``detail`` is ``{"signal", "value", "threshold"}``. A signal missing from
    ``signals`` cannot trip its threshold (e.g. ``script_ratio`` when the script
    was not given).
    """
    for key, signal in THRESHOLD_SIGNALS.items():
        threshold = getattr(quality, key, None)
        if threshold is None or signal not in signals:
            continue
        value = signals[signal]
        tripped = value < threshold if key.startswith("min_") else value > threshold
        if tripped:
            return reason_for(key), {"signal": signal, "value": value, "threshold": threshold}
    return None
