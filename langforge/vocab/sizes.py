"""The add-on size sweep as a plot, so a user can pick the size."""

from __future__ import annotations

from pathlib import Path

from langforge.storage import atomic_path


def write_size_plot(rows: list[dict], path: Path) -> Path:
    """Token reduction and changed reference lines against the number of added pieces."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    added = [row["added_pieces"] for row in rows]
    fig, left = plt.subplots(figsize=(6, 3.5))
    left.plot(added, [100 * row["token_reduction_frac"] for row in rows], "o-", color="C0")
    left.set_xlabel("added pieces")
    left.set_ylabel("held-out token reduction (%)", color="C0")
    right = left.twinx()
    key = "english_check_changed_lines_frac" if "english_check_changed_lines_frac" in rows[0] \
        else "reference_changed_lines_frac"
    right.plot(added, [100 * row[key] for row in rows], "s--", color="C3")
    right.set_ylabel("changed English lines (%)", color="C3")
    left.set_title("Vocabulary size sweep")
    fig.tight_layout()
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=100)
    plt.close(fig)
    return path
