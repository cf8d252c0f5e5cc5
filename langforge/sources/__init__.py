"""Where pages come from: WARC/ARC files on disk or streamed (``iter_pages``)."""

from langforge.sources.warc import iter_pages

__all__ = ["iter_pages"]
