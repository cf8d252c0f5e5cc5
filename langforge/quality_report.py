"""What the report and the dataset card show of the quality classifier
(``langforge.quality_model``): the score's distribution, an example at each decile,
its rank correlation with the heuristic signals, and the card's section."""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from langforge.config import QualityModelConfig
from langforge.document import Document
from langforge.quality_model import REJECT_REASON, SCORE_SIGNAL

#: Heuristic signals the report correlates with the model's score.
HEURISTIC_SIGNALS = ("word_count", "mean_word_length", "non_alpha_words_ratio",
                     "stopword_count", "dup_line_frac", "line_punct_ratio",
                     "top_2gram_char_frac", "dup_5gram_char_frac", "short_line_frac",
                     "new_line_ratio")


def score_report(docs: Iterable[Document], *, bins: int = 20, example_chars: int = 300,
                 signals: Sequence[str] = HEURISTIC_SIGNALS) -> dict[str, Any]:
    """What the report shows of the scores of the kept documents: a histogram,
    one example at each decile (the document nearest the decile's score, ties by
    id) and Spearman's rank correlation of the score with each heuristic signal."""
    from langforge.quality_model import spearman

    rows = [(float(d.signals[SCORE_SIGNAL]), d.id, d) for d in docs
            if isinstance(d.signals.get(SCORE_SIGNAL), (int, float))]
    if not rows:
        return {"documents": 0}
    scores = np.array([r[0] for r in rows])
    counts, edges = np.histogram(scores, bins=bins, range=(0.0, 1.0))
    deciles = []
    for q in range(0, 101, 10):
        value = float(np.quantile(scores, q / 100))
        _, doc_id, doc = min(rows, key=lambda r: (abs(r[0] - value), r[1]))
        deciles.append({"quantile": q / 100, "score": round(value, 4), "id": doc_id,
                        "url": doc.url, "example_score": doc.signals[SCORE_SIGNAL],
                        "text": doc.text[:example_chars]})
    correlations = {}
    for name in signals:
        values = [r[2].signals.get(name) for r in rows]
        if all(isinstance(v, (int, float)) for v in values) and len(set(values)) > 1 \
                and len(rows) > 2:
            rho = spearman(scores, np.array(values, dtype=float))
            correlations[name] = None if rho is None else round(rho, 4)
    return {"documents": len(rows), "mean": round(float(scores.mean()), 4),
            "histogram": {"edges": [round(float(e), 4) for e in edges],
                          "counts": [int(c) for c in counts]},
            "deciles": deciles, "spearman": correlations}


#: The ``quality_score`` column's line in the card's column table.
SCORE_COLUMN_DOC = ("quality classifier score in [0, 1]: fastText's probability that the "
                    "document is like the trusted text (see 'Quality classifier'); null when "
                    "the classifier was skipped")


def card_lines(metrics: Mapping[str, Any] | None, config: QualityModelConfig,
               skipped: str | None = None) -> list[str]:
    """The card's 'Quality classifier' section (Markdown lines, no heading)."""
    if skipped or not metrics:
        return [f"No quality classifier was trained: {skipped or 'the stage did not run'}. "
                "The `quality_score` column is null."]
    auc = metrics.get("roc_auc")
    lines = ["`quality_score` comes from a fastText supervised classifier (softmax, "
             f"{config.dim}-dimensional word vectors, "
             f"{config.epochs} epochs, one thread, seed {metrics['settings']['seed']}) "
             "trained on this language's own text:", "",
             "- **positives** (trusted text): "
             + "; ".join(f"{s['name']} ({s['kind']}, licence {s['license']}, "
                         f"{s['documents']:,} documents)" for s in metrics["positives"]),
             "- **negatives**: a seeded sample of this build's web documents that passed "
             "language identification (before the quality filter; licence: as the web text "
             f"of this dataset), {sum(s['documents'] for s in metrics['negatives']):,} "
             "documents"]
    if not metrics.get("synthetic_positives"):
        lines.append("- no translated seed was used (no translation model, or the option is "
                     "off): the positives are the reference text alone")
    docs = metrics["documents"]
    lines += ["", "Two models are trained, each on one half of the documents (two-fold "
              "cross-fitting); a document used in training is scored by the model that never "
              "saw it, any other by the mean of both. Over these held-out scores "
              f"({docs['positives']:,} positives, {docs['negatives']:,} negatives) the ROC AUC "
              "is " + (f"{auc:.3f}." if isinstance(auc, (int, float)) else "not measurable."),
              "The score measures likeness to the positives, not correctness: text unlike the "
              "reference's genre (dialogue, lists, recipes) scores low even when it is good."]
    if config.min_model_score is not None:
        lines.append(f"Documents scoring below {config.min_model_score} were left out "
                     f"(`{REJECT_REASON}`, kept in the rejected records).")
    elif config.top_fraction is not None:
        lines.append(f"Only the best-scoring {config.top_fraction:.0%} of the web documents "
                     f"were kept; the rest are in the rejected records as `{REJECT_REASON}`.")
    else:
        lines.append("No document was dropped by the score: select with `quality_score`.")
    return lines
