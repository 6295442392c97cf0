"""Layout reader A: tab-separated rows, one table row per line (FORMAT.md §2.2 A)."""

from __future__ import annotations

import regex

from ..normalize import Line
from .tokens import CellRow, cells_of

BOLD = regex.compile(r"\*\*")


def is_tab_row(line: Line) -> bool:
    """True when the line holds tab-separated cells."""
    return "\t" in line.raw


def split_tabs(line: Line) -> CellRow:
    """Every tab-delimited cell, empty ones kept."""
    text = BOLD.sub("", line.raw)
    return CellRow(cells_of(text.split("\t"), line.number), line.number, "tabs")
