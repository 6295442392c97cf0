"""Layout reader A: tab-separated rows, one table row per line (FORMAT.md §2.2 A)."""

from __future__ import annotations

import regex

from ..normalize import Line
from .tokens import CellRow, cells_of

BOLD = regex.compile(r"\*\*")


# A whole row of a table drawn in pipes or boxes (`| 行政许可 | 0 |`, `+-----+-----+`).
DRAWN_ROW = regex.compile(r"^\s*+(?:\|.*\||\+-[-+]*+\+)\s*+$")


def is_tab_row(line: Line) -> bool:
    """True when the line holds tab-separated cells: not where tabs part whole rows of a table
    drawn in pipes or boxes (`| 行政许可 | 0 |`, `+-----+`), a pipeline having joined its lines
    with a tab: those are rows, not cells (the boxes' and pipes' readers read them)."""
    return "\t" in line.raw and not any(DRAWN_ROW.match(cell) for cell in line.raw.split("\t"))


def split_tabs(line: Line) -> CellRow:
    """Every tab-delimited cell, empty ones kept."""
    text = BOLD.sub("", line.raw)
    return CellRow(cells_of(text.split("\t"), line.number), line.number, "tabs")
