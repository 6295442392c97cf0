"""Layout "markdown": # headings, paragraphs and GFM pipe tables (FORMAT.md §2.2 D, corpus 008)."""

from __future__ import annotations

from collections.abc import Iterable

from .grid import TableGrid, flat_row
from .outline import Block, Heading, Paragraph

MAX_DEPTH = 6


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def table_lines(grid: TableGrid) -> list[str]:
    """A pipe table: the first grid row is the header, every row padded to the grid's width."""
    out: list[str] = []
    for i, row in enumerate(grid.rows):
        cells = [_escape(slot.text) if slot else "" for slot in flat_row(row)]
        # Padding goes at the end: a merged cell is printed once, as a converter writes it.
        cells += [""] * (grid.width - len(cells))
        out.append("| " + " | ".join(cells) + " |")
        if i == 0:
            out.append("|" + "---|" * grid.width)
    return out


def render_markdown(blocks: Iterable[Block]) -> str:
    """The report as a markdown document."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * min(block.depth + 1, MAX_DEPTH)} {block.text}", ""]
        elif isinstance(block, Paragraph):
            out += [block.text, ""]
        else:
            out += [*table_lines(block.grid), ""]
    return "\n".join(out)
