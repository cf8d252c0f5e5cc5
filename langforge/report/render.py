"""One report model, two renderings: self-contained HTML and Markdown.

Sections hold blocks (paragraphs, tables, images, text examples). Every string
that reaches the HTML goes through ``html.escape``: document text, URLs, reasons
and config values all come from the web or from users.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Union


@dataclass
class Paragraph:
    text: str
    tone: str = ""  # "", "note" or "warn": how the HTML box is coloured


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


Block = Union[Paragraph, Table, Image, Example]


@dataclass
class Section:
    id: str
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    title: str
    subtitle: str
    sections: list[Section]


def _cell(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "-" if value is None else str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def _is_numeric(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _css() -> str:
    return resources.files("langforge").joinpath("templates/report.css").read_text("utf-8")


def to_html(report: Report) -> str:
    """The report as one HTML page with inline CSS and base64 PNG images."""
    esc = html.escape
    toc = "".join(f'<li><a href="#{esc(s.id)}">{esc(s.title)}</a></li>' for s in report.sections)
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(report.title)}</title>", f"<style>{_css()}</style>", "</head>",
             "<body>", "<header>", f"<h1>{esc(report.title)}</h1>",
             f'<p class="subtitle">{esc(report.subtitle)}</p>', "</header>",
             f'<nav class="toc"><h2>Contents</h2><ol>{toc}</ol></nav>', "<main>"]
    for section in report.sections:
        parts.append(f'<section id="{esc(section.id)}"><h2>{esc(section.title)}</h2>')
        parts.extend(_html_block(block) for block in section.blocks)
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_block(block: Block) -> str:
    esc = html.escape
    if isinstance(block, Paragraph):
        cls = f' class="{block.tone}"' if block.tone else ""
        return f"<p{cls}>{esc(block.text)}</p>"
    if isinstance(block, Table):
        # Long snake_case column names may wrap after an underscore, not mid-word.
        head = "".join(f"<th>{esc(h).replace('_', '_<wbr>')}</th>" for h in block.header)
        body = "".join(
            "<tr>" + "".join(f'<td class="num">{esc(_cell(c))}</td>' if _is_numeric(c)
                             else f"<td>{esc(_cell(c))}</td>" for c in row) + "</tr>"
            for row in block.rows)
        caption = f"<caption>{esc(block.caption)}</caption>" if block.caption else ""
        return f'<div class="table"><table>{caption}<thead><tr>{head}</tr></thead>' \
               f"<tbody>{body}</tbody></table></div>"
    if isinstance(block, Image):
        data = base64.b64encode(block.png).decode("ascii")
        return f'<figure><img alt="{esc(block.alt)}" src="data:image/png;base64,{data}">' \
               f"<figcaption>{esc(block.alt)}</figcaption></figure>"
    return (f'<details class="example" open><summary>{esc(block.title)}</summary>'
            f'<p class="meta">{esc(block.meta)}</p><pre>{esc(block.text)}</pre></details>')


def _md_text(text: str) -> str:
    # Escape HTML so that web text cannot inject markup into a rendered README.
    return html.escape(text, quote=False).replace("\n", " ")


def _md_cell(value: Any) -> str:
    return _md_text(_cell(value)).replace("|", "\\|")


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def to_markdown(report: Report, image_dir: str | None) -> str:
    """The report as Markdown; images link to ``image_dir/<name>.png`` (or are left
    out, with their caption, when ``image_dir`` is None)."""
    lines = [f"# {_md_text(report.title)}", "", _md_text(report.subtitle), "", "## Contents", ""]
    lines += [f"{i}. [{_md_text(s.title)}](#{s.id})" for i, s in enumerate(report.sections, 1)]
    for section in report.sections:
        lines += ["", f'<a id="{section.id}"></a>', "", f"## {_md_text(section.title)}", ""]
        for block in section.blocks:
            lines += _md_block(block, image_dir) + [""]
    return "\n".join(lines).rstrip() + "\n"


def _md_block(block: Block, image_dir: str | None) -> list[str]:
    if isinstance(block, Paragraph):
        prefix = {"warn": "> **Warning:** ", "note": "> "}.get(block.tone, "")
        return [prefix + _md_text(block.text)]
    if isinstance(block, Table):
        lines = [f"*{_md_text(block.caption)}*", ""] if block.caption else []
        lines += ["| " + " | ".join(_md_cell(h) for h in block.header) + " |",
                  "|" + "---|" * len(block.header)]
        lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in block.rows]
        return lines
    if isinstance(block, Image):
        if image_dir is None:
            return [f"*(plot: {_md_text(block.alt)})*"]
        return [f"![{_md_text(block.alt)}]({image_dir}/{block.name}.png)"]
    fence = _fence(block.text)
    return [f"**{_md_text(block.title)}** ({_md_text(block.meta)})", "", fence + "text",
            block.text, fence]
