"""Layout reader D: markdown and pipe-rendered rows, cells between pipes (FORMAT.md §2.2 D)."""

from __future__ import annotations

import regex

from ..normalize import Line
from .tokens import CellRow, cells_of

# A markdown table's separator row: |---|:---:|.
PIPE_RULE = regex.compile(r"^\s*+\|?+(?:\s*+:?+-{2,}+:?+\s*+\|)++\s*+:?+-*+:?+\s*+$")
# Box-drawing characters (U+2500-257F), which text browsers draw as cell borders.
BOX = regex.compile(r"[\u2500-\u257f]++")


def is_pipe_row(line: Line) -> bool:
    """True when the line has cells between at least two pipes."""
    return line.text.count("|") >= 2


def split_pipes(line: Line, layout: str = "pipes") -> CellRow:
    """The cells between pipes (box-drawing borders count as pipes), empty ones kept."""
    text = BOX.sub("|", line.raw).strip()
    text = text.removeprefix("|").removesuffix("|")
    return CellRow(cells_of(text.split("|"), line.number), line.number, layout)
