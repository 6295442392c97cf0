"""Layout "tabs": one table row per line, cells joined by tabs, as a Word or web copy gives (§2.2 A)."""

from __future__ import annotations

from collections.abc import Iterable

from .grid import TableGrid, flat_row
from .outline import Block, Heading, Paragraph

# Merged label cells: a horizontal merge is one cell, a vertical one leaves an empty cell below.


def table_lines(grid: TableGrid) -> list[str]:
    """The table's rows as tab-separated lines."""
    return ["\t".join(slot.text if slot else "" for slot in flat_row(row)) for row in grid.rows]


def render_tabs(blocks: Iterable[Block]) -> str:
    """Headings and paragraphs as lines with a blank line between, tables as tab rows."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            out += [block.text, ""]
        else:
            out += [*table_lines(block.grid), ""]
    return "\n".join(out)
