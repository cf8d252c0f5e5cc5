"""Documents built from the line-per-sentence real text in ../shared/data/text."""

from __future__ import annotations


def join_lines(lines: list[str], min_chars: int = 300) -> list[str]:
    """Consecutive non-empty lines joined into documents of at least ``min_chars``."""
    docs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        if sum(map(len, current)) >= min_chars:
            docs.append(" ".join(current))
            current = []
    return docs
