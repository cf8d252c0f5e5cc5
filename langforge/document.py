"""Records that flow between stages, and the statistics each stage keeps.

A stage is a generator over records: it counts what it sees in a ``StageStats``,
yields what it keeps and hands every drop, with a named reason, to
``StageStats.reject`` so that nothing is silently lost.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Callable, Iterator


def stable_id(*parts: str) -> str:
    """A short deterministic id (16 hex chars) for the given parts."""
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass(slots=True)
class WebPage:
    """One HTTP response read from a WARC file, before text extraction."""

    url: str
    content: bytes
    record_id: str
    source: str  # "<warc path>@<byte offset>"
    warc_date: str = ""
    content_type: str = ""
    http_charset: str | None = None
    content_language: str | None = None  # HTTP Content-Language header
    crawl: str | None = None
    cld2: dict[str, Any] | None = None  # Common Crawl's languages-cld2 metadata
    #: Set when another page already has this record id (a duplicate WARC-Record-ID):
    #: mixed into the id so that two different pages never share one.
    id_salt: str = ""
    #: Already extracted text (a WET ``conversion`` record), not HTML: extraction keeps it.
    is_text: bool = False

    @property
    def id(self) -> str:
        if self.id_salt:
            return stable_id(self.record_id or self.source, self.id_salt)
        return stable_id(self.record_id or self.source)


@dataclass(slots=True)
class Document:
    """A text document with everything later stages and the dataset need.

    ``lid_scores`` maps canonical language codes (or ``model:label`` for labels the
    registry does not know) to the LID model's probability; ``language_score`` is
    the score of the language being built. ``signals`` holds quality signals under
    stable names so thresholds can be re-tuned without re-extraction.
    """

    id: str
    text: str
    url: str | None = None
    source: str = ""
    kind: str = "native"  # "native" (web) or "synthetic" (translated)
    language: str | None = None
    language_score: float | None = None
    lid_scores: dict[str, float] = field(default_factory=dict)
    signals: dict[str, float] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)

    _JSON_FIELDS = ("lid_scores", "signals", "metadata")

    def to_record(self) -> dict[str, Any]:
        """A flat row for Parquet: dict fields become JSON strings."""
        row = asdict(self)
        for name in self._JSON_FIELDS:
            row[name] = json.dumps(row[name], ensure_ascii=False, sort_keys=True)
        return row

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> "Document":
        names = {f.name for f in fields(cls)}
        data = {k: v for k, v in row.items() if k in names}
        for name in cls._JSON_FIELDS:
            value = data.get(name)
            data[name] = json.loads(value) if isinstance(value, str) else (value or {})
        return cls(**data)


@dataclass(slots=True)
class Rejection:
    """A dropped record: which stage, why, and enough to audit it."""

    stage: str
    reason: str
    id: str
    url: str | None
    text: str
    detail: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        row = asdict(self)
        row["detail"] = json.dumps(self.detail, ensure_ascii=False, sort_keys=True, default=str)
        return row


RejectSink = Callable[[Rejection], None]


@dataclass
class StageStats:
    """Counts of one stage: documents in and out, drops by named reason, status.

    ``status`` is ``ok``, ``skipped`` (the stage could not run, e.g. no model; then
    ``reason`` says why and ``hint`` the command that fixes it) or ``failed``.
    """

    stage: str
    docs_in: int = 0
    docs_out: int = 0
    chars_in: int = 0
    chars_out: int = 0
    dropped: Counter = field(default_factory=Counter)
    status: str = "ok"
    reason: str | None = None
    hint: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    on_reject: RejectSink | None = field(default=None, repr=False, compare=False)
    #: Called with the number of inputs seen so far (progress reporting).
    on_progress: Callable[[int], None] | None = field(default=None, repr=False, compare=False)

    def count_in(self, text: str | bytes = "") -> None:
        self.docs_in += 1
        self.chars_in += len(text)
        if self.on_progress is not None:
            self.on_progress(self.docs_in)

    def count_out(self, doc: Document) -> Document:
        self.docs_out += 1
        self.chars_out += len(doc.text)
        return doc

    def reject(self, item: Document | WebPage, reason: str, **detail: Any) -> None:
        """Count a drop under ``reason`` and pass it to the reject sink, if any."""
        self.dropped[reason] += 1
        if self.on_reject is None:
            return
        if isinstance(item, Document):
            text, url = item.text, item.url
            detail = {"signals": item.signals, "language": item.language,
                      "language_score": item.language_score, **detail}
        else:
            text, url = "", item.url
            detail = {"source": item.source, "content_type": item.content_type, **detail}
        self.on_reject(Rejection(self.stage, reason, item.id, url, text, detail))

    def skip(self, reason: str, hint: str | None = None) -> None:
        self.status, self.reason, self.hint = "skipped", reason, hint

    def merge(self, other: "StageStats") -> None:
        """Add another shard's counts of the same stage into this one."""
        self.docs_in += other.docs_in
        self.docs_out += other.docs_out
        self.chars_in += other.chars_in
        self.chars_out += other.chars_out
        self.dropped.update(other.dropped)
        if other.status != "ok" and self.status == "ok":
            self.status, self.reason, self.hint = other.status, other.reason, other.hint
        for key, value in other.extra.items():
            if isinstance(value, (int, float)) and isinstance(self.extra.get(key, 0), (int, float)):
                self.extra[key] = self.extra.get(key, 0) + value
            else:
                self.extra.setdefault(key, value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stage": self.stage, "status": self.status, "reason": self.reason,
            "hint": self.hint, "docs_in": self.docs_in, "docs_out": self.docs_out,
            "chars_in": self.chars_in, "chars_out": self.chars_out,
            "dropped": dict(sorted(self.dropped.items())), "extra": self.extra,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "StageStats":
        stats = cls(stage=data["stage"])
        for key in ("status", "reason", "hint", "docs_in", "docs_out", "chars_in", "chars_out"):
            setattr(stats, key, data.get(key, getattr(stats, key)))
        stats.dropped = Counter(data.get("dropped", {}))
        stats.extra = dict(data.get("extra", {}))
        return stats


def counted(items: Iterator[Document], stats: StageStats) -> Iterator[Document]:
    """Pass documents through unchanged, counting them in and out (for stages
    that only annotate)."""
    for doc in items:
        stats.count_in(doc.text)
        yield stats.count_out(doc)
