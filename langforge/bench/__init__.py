"""Throughput benchmark: langforge (pre-filter off and on) against datatrove 0.10.

``python -m langforge.bench`` (or ``make bench``) builds the benchmark crawl
(``crawl.py``) and runs each system in a subprocess of its own (``runners.py``),
several times, on the same files; ``report.py`` prints medians and ratios.
"""
