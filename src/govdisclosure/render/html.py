"""Layout "html": headings, paragraphs and the official merged-cell tables (rowspan/colspan, §1.3-1.5)."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .grid import Slot, TableGrid
from .outline import Block, Heading, Paragraph

MAX_DEPTH = 6


def _cell(slot: Slot) -> str:
    tag = "td" if slot.role == "value" else "th" if slot.role == "header" else "td"
    attrs = ""
    if slot.colspan > 1:
        attrs += f' colspan="{slot.colspan}"'
    if slot.rowspan > 1:
        attrs += f' rowspan="{slot.rowspan}"'
    text = escape(slot.text, quote=False).replace("\u00a0", "&nbsp;")
    return f"<{tag}{attrs}>{text}</{tag}>"


def table_html(grid: TableGrid) -> list[str]:
    """The table element: covered positions are simply not printed, as in the official form."""
    out = ['<table border="1">']
    for row in grid.rows:
        out.append("<tr>" + "".join(_cell(s) for s in row if isinstance(s, Slot)) + "</tr>")
    out.append("</table>")
    return out


def render_html(blocks: Iterable[Block]) -> str:
    """A small HTML document."""
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"></head><body>']
    for block in blocks:
        if isinstance(block, Heading):
            level = min(block.depth + 1, MAX_DEPTH)
            out.append(f"<h{level}>{escape(block.text, quote=False)}</h{level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{escape(block.text, quote=False)}</p>")
        else:
            out += table_html(block.grid)
    out.append("</body></html>")
    return "\n".join(out)
