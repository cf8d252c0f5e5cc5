"""Progress of long steps: a tqdm bar on a terminal, periodic log lines otherwise.

Batch logs (a scheduler's worker log, CI, ``make language > log``) cannot show a
bar: there a line with the count and the rate is logged at most every
``log_every_s`` seconds, and a closing line when the step logged at all, so a
short step stays silent and a long one is visible. ``progress`` wraps an
iterable; ``Progress`` is the same for code that counts by itself, such as the
``StageStats.on_progress`` hook (``Progress.update_to``) or a download
(``Progress.update`` with bytes, ``unit="B"``).
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any, Callable, Iterable, Iterator, TextIO, TypeVar

log = logging.getLogger("langforge.progress")

T = TypeVar("T")

#: Seconds between two log lines when the output is not a terminal.
LOG_EVERY_S = 30.0

_BYTE_UNITS = ("B", "KiB", "MiB", "GiB", "TiB")


def format_amount(value: float, unit: str) -> str:
    """``1,234 docs``, or for bytes ``1.2 MiB``."""
    if unit != "B":
        return f"{value:,.0f} {unit}"
    name = _BYTE_UNITS[0]
    for name in _BYTE_UNITS:
        if abs(value) < 1024 or name == _BYTE_UNITS[-1]:
            break
        value /= 1024
    return f"{value:,.0f} {name}" if name == "B" else f"{value:,.1f} {name}"


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty else False
    except ValueError:  # a closed stream
        return False


class Progress:
    """Progress of one step, counted by the caller.

    Args:
        desc: what is being counted, e.g. ``"extract shard-00003"``.
        total: the expected count, when known (a bar shows a percentage).
        unit: ``"docs"``, ``"records"``, ... or ``"B"`` for bytes (scaled units).
        log_every_s: seconds between log lines when not on a terminal; default
            ``LOG_EVERY_S``.
        stream: where a bar is drawn; default ``sys.stderr``. A bar is drawn only
            when this stream is a terminal.
        clock: monotonic time in seconds (tests pass a fake one).
    """

    def __init__(self, desc: str, total: int | None = None, unit: str = "docs", *,
                 log_every_s: float | None = None, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic):
        log_every_s = LOG_EVERY_S if log_every_s is None else log_every_s
        if log_every_s <= 0:
            raise ValueError(f"log_every_s must be positive, got {log_every_s}")
        self.desc, self.total, self.unit = desc, total, unit
        self.done = 0
        self.log_every_s = log_every_s
        self._clock = clock
        self._start = self._last_log = clock()
        self._logged = False
        self._closed = False
        stream = sys.stderr if stream is None else stream
        self._bar = None
        if _is_terminal(stream):
            from tqdm import tqdm

            # " docs" reads "1,234 docs"; bytes get tqdm's scaled units ("1.2MB").
            self._bar = tqdm(total=total, desc=desc, unit=unit if unit == "B" else f" {unit}",
                             unit_scale=unit == "B",
                             unit_divisor=1024 if unit == "B" else 1000, file=stream,
                             leave=False, dynamic_ncols=True)

    @property
    def elapsed_s(self) -> float:
        return self._clock() - self._start

    def set_total(self, total: int, done: int = 0) -> None:
        """Set the total once known, with what was done before (a resumed download)."""
        self.total = total
        if self._bar is not None:
            self._bar.total = total
        self.update(done)

    def update(self, amount: int = 1) -> None:
        """Count ``amount`` more units."""
        self.update_to(self.done + amount)

    def update_to(self, done: int) -> None:
        """Set the running count (the signature of ``StageStats.on_progress``)."""
        if self._bar is not None:
            self._bar.update(done - self.done)
            self.done = done
            return
        self.done = done
        now = self._clock()
        if now - self._last_log >= self.log_every_s:
            self._last_log = now
            self._logged = True
            log.info("%s: %s", self.desc, self._line(now))

    def _line(self, now: float) -> str:
        elapsed = max(now - self._start, 1e-9)
        of = f" of {format_amount(self.total, self.unit)}" if self.total else ""
        rate = format_amount(self.done / elapsed, self.unit)
        return f"{format_amount(self.done, self.unit)}{of} in {elapsed:,.0f} s ({rate}/s)"

    def close(self) -> None:
        """End the step: remove the bar, or log a closing line if the step logged."""
        if self._closed:
            return
        self._closed = True
        if self._bar is not None:
            self._bar.close()
        elif self._logged:
            log.info("%s: done, %s", self.desc, self._line(self._clock()))

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def progress(iterable: Iterable[T], desc: str, unit: str = "docs", total: int | None = None,
             **options: Any) -> Iterator[T]:
    """Yield from ``iterable`` while showing progress (see ``Progress`` for options).

    ``total`` defaults to ``len(iterable)`` when the iterable has one.
    """
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)  # type: ignore[arg-type]
    with Progress(desc, total, unit, **options) as bar:
        for item in iterable:
            yield item
            bar.update(1)
