"""Layout "cells": one cell per line after a tab, a blank line between rows (FORMAT.md §2.2 B)."""

from __future__ import annotations

from collections.abc import Iterable

from .grid import TableGrid, flat_row
from .outline import Block, Heading, Paragraph


def table_lines(grid: TableGrid) -> list[str]:
    """Each row's cells on their own tab-prefixed lines, rows separated by a blank line."""
    out: list[str] = []
    for row in grid.rows:
        out += [f"\t{slot.text if slot else ''}" for slot in flat_row(row)]
        out.append("")
    return out


def render_cells(blocks: Iterable[Block]) -> str:
    """Prose lines as they are; a table's cells one per line (a line without a tab would join a cell)."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            out += [block.text, ""]
        else:
            out += ["", *table_lines(block.grid), ""]
    return "\n".join(out)
