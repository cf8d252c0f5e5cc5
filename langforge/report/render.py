"""One report model, two renderings: self-contained HTML and Markdown.

Sections hold blocks (paragraphs, key figures, tables, images, text examples,
folded details); the pages themselves are Jinja2 templates in
``langforge/templates/`` (``report.html.j2``, ``report.md.j2``). The HTML
environment autoescapes every value: document text, URLs, reasons and config
values all come from the web or from users. The Markdown template escapes HTML
in text too, so web text cannot inject markup into a rendered README.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Union

import jinja2
from markupsafe import Markup, escape


@dataclass
class Paragraph:
    text: str
    tone: str = ""  # "", "note" or "warn": how the HTML box is coloured


@dataclass
class Fact:
    """One key figure of the first screen: a title, the figure, what it means."""

    title: str
    figure: str
    text: str


@dataclass
class Facts:
    facts: list[Fact]


@dataclass
class Table:
    header: list[str]
    rows: list[list[Any]]
    caption: str = ""


@dataclass
class Image:
    name: str  # file stem in report_files/ for the Markdown rendering
    png: bytes
    alt: str


@dataclass
class Example:
    title: str
    meta: str
    text: str
    open: bool = True  # shown unfolded in the HTML


@dataclass
class Columns:
    """Blocks side by side on a wide screen, one under the other on a narrow one."""

    blocks: list[Block]


@dataclass
class Details:
    """Blocks folded away under a one-line summary (HTML ``<details>``)."""

    summary: str
    blocks: list[Block]


Block = Union[Paragraph, Facts, Table, Image, Example, Columns, Details]


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    lead: str = ""  # one sentence: what the section shows and what to look at


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section]


def images(blocks: list[Block]) -> list[Image]:
    """Every image among ``blocks``, also inside columns and folded details."""
    found: list[Image] = []
    for block in blocks:
        if isinstance(block, Image):
            found.append(block)
        elif isinstance(block, (Columns, Details)):
            found += images(block.blocks)
    return found


def cell(value: Any) -> str:
    """A table value as text: thousands separators, 4 significant digits."""
    if isinstance(value, bool) or value is None:
        return "-" if value is None else str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def is_numeric(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _breakable(text: str) -> Markup:
    # Long snake_case names may wrap after an underscore, not mid-word.
    return Markup(str(escape(text)).replace("_", "_<wbr>"))


def _md_text(value: Any) -> str:
    return html.escape(str(value), quote=False).replace("\n", " ")


def _md_cell(value: Any) -> str:
    return _md_text(cell(value)).replace("|", "\\|")


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _kind(block: Block) -> str:
    return type(block).__name__.lower()


@lru_cache(maxsize=2)
def _environment(markdown: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("langforge", "templates"),
        autoescape=not markdown, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters.update(cell=cell, breakable=_breakable, md=_md_text, md_cell=_md_cell,
                       fence=_fence, kind=_kind,
                       b64=lambda data: base64.b64encode(data).decode("ascii"))
    env.tests["numeric"] = is_numeric
    return env


def to_html(report: Report) -> str:
    """The report as one HTML page with inline CSS and base64 PNG images."""
    return _environment(False).get_template("report.html.j2").render(report=report)


def to_markdown(report: Report, image_dir: str | None) -> str:
    """The report as Markdown; images link to ``image_dir/<name>.png`` (or are left
    out, with their caption, when ``image_dir`` is None)."""
    text = _environment(True).get_template("report.md.j2").render(report=report,
                                                                  image_dir=image_dir)
    return _single_blank_lines(text).rstrip() + "\n"


def _single_blank_lines(text: str) -> str:
    """Runs of blank lines (left by the template's blocks) made one, except inside
    fenced example texts, which stay as they are."""
    out: list[str] = []
    fence = ""
    for line in text.split("\n"):
        if fence:
            fence = "" if line == fence else fence
        elif re.match(r"`{3,}text$", line):
            fence = line[:-len("text")]
        elif not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return "\n".join(out)
