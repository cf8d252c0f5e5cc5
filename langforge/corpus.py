"""Corpus-level helpers shared by the dataset, tokenizer and summary steps."""

from __future__ import annotations

from typing import Iterable

from langforge.document import Document, stable_id

_BUCKETS = 10_000


def is_heldout(doc_id: str, heldout_frac: float) -> bool:
    """Whether a document is held back from tokenizer training (stable by id)."""
    return int(stable_id("heldout", doc_id), 16) % _BUCKETS < heldout_frac * _BUCKETS


def training_texts(native: Iterable[Document], synthetic: Iterable[Document],
                   heldout_frac: float, synthetic_share: float) -> tuple[list[str], list[str]]:
    """Split native documents into (train, held-out) texts and add synthetic text to
    the training side up to ``synthetic_share`` of its characters.

    Held-out documents are native only and never trained on.
    """
    train, heldout = [], []
    native_chars = 0
    for doc in native:
        if is_heldout(doc.id, heldout_frac):
            heldout.append(doc.text)
        else:
            train.append(doc.text)
            native_chars += len(doc.text)
    if synthetic_share > 0:
        budget = native_chars * synthetic_share / (1 - synthetic_share) if synthetic_share < 1 \
            else float("inf")
        used = 0
        for doc in synthetic:
            if used + len(doc.text) > budget:
                break
            train.append(doc.text)
            used += len(doc.text)
    return train, heldout
