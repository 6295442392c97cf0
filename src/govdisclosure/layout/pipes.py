"""Layout reader D: markdown and pipe-rendered rows, cells between pipes (FORMAT.md §2.2 D)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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


def split_pipes(line: Line, layout: str = "pipes", outer: bool | None = None) -> CellRow:
    """The cells between pipes (box-drawing borders count as pipes), empty ones kept.

    With outer pipes (markdown, w3m boxes) the row opens and closes with one; without (html2text:
    `label| | 0  `) the text after the last pipe is the last cell, empty or not, and dropping it
    would lose a blank cell. `outer=None` decides from the row itself.
    """
    text = BOX.sub("|", line.raw).strip(" \t")
    if outer is None:
        outer = text.startswith("|")
    if outer:
        text = text.removeprefix("|").removesuffix("|")
    return CellRow(cells_of(text.split("|"), line.number), line.number, layout)


def pipe_block(lines: Sequence[Line]) -> Iterator[CellRow]:
    """The rows of one pipe table; whether it has outer pipes is decided for the whole table.

    html2text writes no outer pipes, so its row whose first cell is empty starts with a pipe
    (`| | | 0| …`); only a table whose every row opens and closes with a pipe has outer ones.
    """
    rows = [line for line in lines if PIPE_RULE.match(line.text) is None]
    outer = all((t := line.raw.strip(" \t")).startswith("|") and t.endswith("|") for line in rows)
    for line in rows:
        yield split_pipes(line, outer=outer)
