"""Layout reader: box-drawn grids of text browsers (w3m), a row's wrapped lines merged (FORMAT.md §2.2)."""

from __future__ import annotations

from collections.abc import Sequence

from ..lazyregex import lazy_pattern
from ..normalize import Line
from .pipes import BOX, split_pipes
from .tokens import CellRow, token

# A border line: box-drawing characters and spaces only, a horizontal stroke among them. A line
# of vertical bars and spaces alone is a row of empty cells (a blank row), not a border.
BOX_RULE = lazy_pattern(r"^(?=[^─━═┄┅┈┉╌╍]*+[─━═┄┅┈┉╌╍])[\u2500-\u257f\s]*+$")


def is_box_line(line: Line) -> bool:
    """True when the line is drawn with box characters (a row or a border)."""
    return BOX.search(line.raw) is not None


# A table's corner: only its top and bottom borders hold one, never a row's line.
CORNER = lazy_pattern(r"[┌┐└┘╔╗╚╝┏┓┗┛]")
# Where a border's horizontal strokes meet a column line: one more cell to the right.
JUNCTION = lazy_pattern(r"[┬┼┴╤╪╧╦╬╩┯┿┷]")


def box_block(lines: Sequence[Line]) -> list[CellRow]:
    """A box-drawn table's rows; two borders in a row hold a row of empty cells between them.

    w3m draws a row whose every cell is empty with no line at all: its top border is followed
    straight by the next (`├──┼──┤` / `└──┴──┘`), and the cells the lower border divides are
    that row's blank cells.
    """
    rows: list[CellRow] = []
    previous_border = False
    for line in lines:
        border = BOX_RULE().match(line.raw) is not None
        if border and previous_border:
            cells = len(JUNCTION().findall(line.raw)) + 1
            rows.append(CellRow(tuple(token("", line.number) for _ in range(cells)), line.number, "boxes"))
        elif not border:
            add_box_line(rows, line)
        previous_border = border
    return rows


def add_box_line(rows: list[CellRow], line: Line) -> None:
    """Lines between two borders are one row, merged cell by cell; a border adds nothing.

    A long label wraps inside its box over several lines, with its numbers on one of them;
    reading each line alone would give the label a row of empty cells.
    """
    if BOX_RULE().match(line.raw) or CORNER().search(line.raw):
        # (A row's line holding a table's corner is rows and borders a cleaner joined into one: a
        # cell's wrapped lines then stand apart, and which cells were a row's is not shown.)
        return
    row = split_pipes(line, "boxes")
    previous = rows[-1] if rows else None
    continues = (
        previous is not None
        and previous.layout == "boxes"
        and previous.line == line.number - 1
        and len(previous.tokens) == len(row.tokens)
        and "─" not in line.raw
    )
    if previous is None or not continues:
        rows.append(row)
        return
    merged = []
    for old, new in zip(previous.tokens, row.tokens, strict=True):
        text = (
            (old.text.strip() + new.text.strip()) if new.kind != "empty" or old.kind != "empty" else old.text
        )
        merged.append(token(text, old.line if old.kind != "empty" else new.line))
    # Keep the row's line current so that the next wrapped line still continues it.
    rows[-1] = CellRow(tuple(merged), line.number, "boxes")
