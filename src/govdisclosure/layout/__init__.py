"""Step 2: normalized lines -> rows of positioned cells, each line read by the layout it shows (§2.2).

`read_rows` is the whole step: a text printed one cell per line (§2.2 B) is read as such, every
other line by the first reader of `LINE_READERS` whose test it passes. Each reader is a module of
this package and fills the one representation of `tokens.py`; the table step never asks which
reader made a row, only how its cells are bounded (`CellRow.bounds`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..lexicon import Lexicon
from ..normalize import PAGE_FOOTER, Line
from .boxes import add_box_line, is_box_line
from .cells import group_cells, one_cell_per_line
from .fused import is_fused, split_fused
from .pipes import PIPE_RULE, is_pipe_row, split_pipes
from .tabs import is_tab_row, split_tabs
from .tokens import Bounds, CellRow, Token, TokenKind
from .words import split_words

__all__ = ["LINE_READERS", "Bounds", "CellRow", "Token", "TokenKind", "read_rows"]

# (name, does the line show this layout?, add the line's rows), tried in order.
LineReader = tuple[str, Callable[[Line, Lexicon], bool], Callable[[list[CellRow], Line, Lexicon], None]]

LINE_READERS: tuple[LineReader, ...] = (
    ("tabs", lambda line, _: is_tab_row(line), lambda rows, line, _: rows.append(split_tabs(line))),
    ("boxes", lambda line, _: is_box_line(line), lambda rows, line, _: add_box_line(rows, line)),
    ("pipes", lambda line, _: is_pipe_row(line), lambda rows, line, _: rows.append(split_pipes(line))),
    ("fused", is_fused, lambda rows, line, lexicon: rows.extend(split_fused(line, lexicon))),
    ("words", lambda line, _: True, lambda rows, line, _: rows.append(split_words(line))),
)


def _skipped(line: Line) -> bool:
    # A line of tabs alone is a row of empty cells (§2.2 A), not a blank line.
    return (
        (line.is_blank and line.raw.count("\t") < 2)
        or PAGE_FOOTER.match(line.text) is not None
        or PIPE_RULE.match(line.text) is not None
    )


def read_rows(lines: Sequence[Line], lexicon: Lexicon) -> list[CellRow]:
    """Every line as a row of cell tokens, each line split by the layout it shows."""
    if one_cell_per_line(lines):
        return list(group_cells(lines))
    rows: list[CellRow] = []
    for line in lines:
        if _skipped(line):
            continue
        for _, shows, read in LINE_READERS:
            if shows(line, lexicon):
                read(rows, line, lexicon)
                break
    return rows
