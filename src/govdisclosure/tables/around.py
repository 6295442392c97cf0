"""Step 5a: rows read from digits lines that may be numbers wrapped around a label are not read.

LibreOffice centres a cell of two lines on a label of one: a row whose every value is two digits or
more prints their first digits above its label and their last under it (`1 1 1 1 1 1 6` /
`（一）予以公开` / `0 0 0 0 0 0 0`: 10 in each applicant column and 60). Those lines read as well
as the label before's row and the label's own (where digits stand is no help: a piece and its tail
stand in one column), each holding its row total (`1 1 1 1 1 1 6`: 6 is the sum of the six 1s),
so a row read from either line may be a wrapped number's pieces (layout/tails.py
`digits_around`): it is taken back, `cell-unplaced`, unless table 三's identities all hold on
the table as read (a row's values printed above its label, pdfplumber: the wrapped reading would
move a whole row and break them). (The same lines give no 总计 by order either: short_rows.py.)
Found by the property of tests/test_short_rows.py on a random draw.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..identities import applications_hold
from ..layout import CellRow
from ..layout.tails import digits_around
from ..templates import Template
from .grid import Grid

__all__ = ["refuse_digits_around"]

AROUND = (
    "values on a digits line above or under a label, which may be numbers wrapped around it: whose, not shown"
)


def refuse_digits_around(grid: Grid, rows: Sequence[CellRow], template: Template) -> None:
    """Take back each row of the grid read from a digits line that may be numbers wrapped around a
    label (`rows`: the table's lines), saying so, unless the identities confirm the table read."""
    digits = digits_around(rows)
    if not digits or (grid.table == "applications" and applications_hold(template, grid.rows)):
        return
    for row, cells in list(grid.rows.items()):
        lines = sorted({c.line for c in cells.values() if c.line in digits and c.kind != "blank"})
        if lines:
            shown = " ".join(c.raw.strip() or "∅" for c in cells.values())
            del grid.rows[row]
            grid.unplaced(f"{row}: {AROUND} ({shown})", lines[0])
