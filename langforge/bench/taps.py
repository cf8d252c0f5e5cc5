"""A datatrove pipeline step that records the URLs passing through it (bench only)."""

from __future__ import annotations

import json
from pathlib import Path

from datatrove.pipeline.base import PipelineStep


class UrlTap(PipelineStep):
    """Pass documents on unchanged; write their URLs to ``<directory>/<rank>.json``."""

    name = "url tap"
    type = "bench"

    def __init__(self, directory: str):
        super().__init__()
        self.directory = directory

    def run(self, data, rank: int = 0, world_size: int = 1):
        urls = []
        for doc in data:
            urls.append(doc.metadata.get("url") or doc.id)
            yield doc
        Path(self.directory).mkdir(parents=True, exist_ok=True)
        (Path(self.directory) / f"{rank:05d}.json").write_text(json.dumps(urls))

    @staticmethod
    def collect(directory: str | Path) -> list[str]:
        """Every URL recorded under ``directory``, rank by rank."""
        return [url for path in sorted(Path(directory).glob("*.json"))
                for url in json.loads(path.read_text())]
