"""The report's plots, each returned as PNG bytes.

Figures are built with ``matplotlib.figure.Figure`` and rendered by the Agg
canvas directly, so no pyplot state or GUI backend is involved and the report
can be made in worker processes and on headless machines.
"""

from __future__ import annotations

import io
from typing import Sequence

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

KEPT = "#2a9d8f"
REJECTED = "#e76f51"
LATER = "#f4a261"
SYNTHETIC = "#457b9d"
SKIPPED = "#bbbbbb"
THRESHOLD = "#264653"
_DPI = 110
_ROBUST_MIN = 200  # from this many values on, the x range ignores the extreme 1%


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), dpi=_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=_DPI)
    return buf.getvalue()


def compact_number(value: float) -> str:
    """Tick labels that stay short: 950, 12k, 1.5M, 2G."""
    for scale, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{value / scale:.3g}{suffix}"
    return f"{value:.3g}"


def _thousands(ax, axis: str = "x") -> None:
    fmt = FuncFormatter(lambda v, _: f"{v:,.0f}")
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def _style(ax, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, fontsize=11, loc="left")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="both", alpha=0.25)


def funnel(stages: Sequence[str], docs_out: Sequence[int], chars_out: Sequence[int | None],
           statuses: Sequence[str]) -> bytes:
    """Documents and characters left after each stage (skipped stages in grey).

    Pass the input as a first pseudo-stage with status ``input``; a character
    count of None (not measured by that stage) is labelled so, with no bar.
    """
    fig = _figure(9, 0.45 * len(stages) + 1.6)
    axes = fig.subplots(1, 2, sharey=True)
    palette = {"ok": KEPT, "input": SYNTHETIC, "skipped": SKIPPED}
    colors = [palette.get(s, REJECTED) for s in statuses]
    y = np.arange(len(stages))
    for ax, values, label in ((axes[0], docs_out, "documents"), (axes[1], chars_out,
                                                                  "characters")):
        measured = [v or 0 for v in values]
        ax.barh(y, measured, color=colors)
        _style(ax, f"{label.capitalize()} after each stage", label, "")
        ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: compact_number(v)))
        top = max(measured) if measured and max(measured) > 0 else 1
        for yi, value in zip(y, values):
            ax.text((value or 0) + top * 0.01, yi,
                    "not counted" if value is None else f"{value:,}", va="center", fontsize=8)
        ax.set_xlim(0, top * 1.25)
    axes[0].set_yticks(y, [s if st in ("ok", "input") else f"{s} ({st})"
                           for s, st in zip(stages, statuses)])
    axes[0].invert_yaxis()  # shared: first stage on top for both panels
    return _png(fig)


def drop_reasons(labels: Sequence[str], counts: Sequence[int]) -> bytes:
    """Dropped documents per ``stage: reason``, largest first."""
    fig = _figure(9, 0.32 * len(labels) + 1.4)
    ax = fig.subplots()
    y = np.arange(len(labels))
    ax.barh(y, counts, color=REJECTED)
    ax.set_yticks(y, labels, fontsize=9)
    ax.invert_yaxis()
    _style(ax, "Dropped documents by stage and reason", "documents", "")
    _thousands(ax)
    return _png(fig)


def _view(values: list[np.ndarray], thresholds: Sequence[tuple[float, str]],
          log: bool) -> tuple[float, float, list[tuple[float, str]]]:
    """The x range to show: the data's, widened to thresholds that lie near it.

    A threshold far outside the data (``max_words = 100000`` for 30-word texts)
    would squash every bar into one; it is named in the title instead.
    """
    present = [v for v in values if len(v)]
    data = np.concatenate(present) if present else np.zeros(0)
    if log:
        data = data[data > 0]
    if len(data) >= _ROBUST_MIN:
        # A handful of outliers (a page of one 100-letter word) must not squash the
        # rest; they are clipped into the end bins.
        low, high = (float(q) for q in np.quantile(data, (0.005, 0.995)))
    elif len(data):
        low, high = float(np.min(data)), float(np.max(data))
    else:
        low, high = (min(t for t, _ in thresholds), max(t for t, _ in thresholds)) \
            if thresholds else (0.0, 1.0)
    # "Near" = within a few data spans (decades on a log axis) of the data.
    span = (np.log10(high) - np.log10(low)) if log and low > 0 else high - low
    span = max(span, 1.0 if log else abs(high) * 0.1 or 1.0)
    reach = 1.5 * span if log else 10 * span
    off_scale = []
    for value, label in thresholds:
        if log:
            near = value > 0 and np.log10(low) - reach <= np.log10(value) <= np.log10(high) + reach
        else:
            near = low - reach <= value <= high + reach
        if near:
            low, high = min(low, value), max(high, value)
        else:
            off_scale.append((value, label))
    if high <= low:
        high = low * 10 if log else low + 1.0
    return low, high, off_scale


def histogram(series: dict[str, tuple[np.ndarray, str]], title: str, xlabel: str,
              thresholds: Sequence[tuple[float, str]] = (), bins: np.ndarray | None = None,
              log_x: bool = False, width: float = 8, height: float = 3.2, ax=None) -> bytes | None:
    """Overlaid histograms (label -> (values, colour)) with threshold lines.

    Draws into ``ax`` when given (and returns None), else returns a PNG.
    """
    fig = None
    if ax is None:
        fig = _figure(width, height)
        ax = fig.subplots()
    present = {}
    for label, (values, color) in series.items():
        values = np.asarray(values, dtype=float)
        values = values[~np.isnan(values)]
        present[label] = (values[values > 0] if log_x else values, color)
    low, high, off_scale = _view([v for v, _ in present.values()], thresholds, log_x)
    edges = bins if bins is not None else (np.geomspace(low, high, 31) if log_x
                                           else np.linspace(low, high, 31))
    for label, (values, color) in present.items():
        if len(values):
            values = np.clip(values, edges[0], edges[-1])
            ax.hist(values, bins=edges, alpha=0.6, color=color,
                    label=f"{label} ({len(values):,})")
    for value, label in thresholds:
        if (value, label) in off_scale:
            continue
        ax.axvline(value, color=THRESHOLD, linestyle="--", linewidth=1.4)
        ax.annotate(f"{label} {value:g}", xy=(value, 0.97), xycoords=("data", "axes fraction"),
                    xytext=(-3, 0), textcoords="offset points", fontsize=7.5, color=THRESHOLD,
                    rotation=90, ha="right", va="top")
    if log_x:
        ax.set_xscale("log")
        # Labels at 1-2-5 steps (50, 100, 200, 500, 1k) read better than 10^2 and
        # matplotlib's crowded minor labels (4x10^1, 6x10^1, ...).
        ax.xaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: compact_number(v)))
        ax.xaxis.set_minor_formatter(NullFormatter())
    else:
        ax.xaxis.set_major_locator(MaxNLocator(5))
        if high >= 1000:
            _thousands(ax)
    ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))
    if off_scale:
        xlabel += "\n(off scale: " + ", ".join(f"{name} {v:g}" for v, name in off_scale) + ")"
    _style(ax, title, xlabel, "documents")
    if any(len(v) for v, _ in present.values()):
        ax.legend(fontsize=8, frameon=True, framealpha=0.85, loc="best")
    return _png(fig) if fig is not None else None


def signal_grid(panels: list[dict]) -> bytes:
    """One histogram per quality signal, kept vs rejected, thresholds marked.

    Each panel: ``{"name", "kept", "rejected", "thresholds": [(value, label)]}``
    and optionally ``"log_x": True`` and ``"rejected_label"``.
    """
    cols = 2 if len(panels) > 1 else 1
    rows = (len(panels) + cols - 1) // cols
    fig = _figure(9.5, 2.8 * rows + 0.4)
    axes = np.atleast_1d(fig.subplots(rows, cols)).ravel()
    for ax, panel in zip(axes, panels):
        rejected_label = panel.get("rejected_label", "rejected")
        histogram({"kept": (panel["kept"], KEPT), rejected_label: (panel["rejected"], REJECTED)},
                  panel["name"], panel["name"], panel["thresholds"], ax=ax,
                  log_x=panel.get("log_x", False))
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    return _png(fig)


def top_bars(labels: Sequence[str], counts: Sequence[int], total: int, title: str) -> bytes:
    """Horizontal bars with each bar's share of ``total``."""
    fig = _figure(9, 0.3 * len(labels) + 1.4)
    ax = fig.subplots()
    y = np.arange(len(labels))
    ax.barh(y, counts, color=SYNTHETIC)
    ax.set_yticks(y, labels, fontsize=9)
    ax.invert_yaxis()
    top = max(counts) if counts else 1
    for yi, value in zip(y, counts):
        ax.text(value + top * 0.01, yi, f"{value / max(total, 1):.1%}", va="center", fontsize=8)
    ax.set_xlim(0, top * 1.15)
    _style(ax, title, "documents", "")
    _thousands(ax)
    return _png(fig)


def bar_counts(xs: Sequence[int], counts: Sequence[int], title: str, xlabel: str) -> bytes:
    fig = _figure(8, 3)
    ax = fig.subplots()
    ax.bar([str(x) for x in xs], counts, color=SYNTHETIC)
    _style(ax, title, xlabel, "documents")
    _thousands(ax, "y")
    return _png(fig)


def curves(x: Sequence[float], lines: dict[str, Sequence[float]], title: str, xlabel: str,
           ylabel: str) -> bytes:
    """Lines over x; a line labelled ``base...`` is the reference, drawn dashed."""
    fig = _figure(6.4, 3.6)
    ax = fig.subplots()
    for label, ys in lines.items():
        if label.startswith("base"):
            ax.plot(x, ys, linestyle="--", color=SKIPPED, label=label)
        else:
            ax.plot(x, ys, marker="o", label=label)
    _style(ax, title, xlabel, ylabel)
    _thousands(ax)
    ax.set_ylim(bottom=0)
    ax.legend(fontsize=8, frameon=False)
    return _png(fig)
