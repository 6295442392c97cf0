"""Step 5b: a table 三 number whose wrapped tail prints lines later is not read as printed.

LibreOffice wraps a number too wide for its cell (large type, a narrow column): the piece stays
on the row's line, the tail goes under it. Where the row's label cell wraps too, pdftotext `-raw`
and pdfminer print the row's line whole, then the label's other pieces, and only then the tail
alone on its line (`三、 （一）予以公开 1277 — 38 — 63 — 137` / `本年` / `度办` / `理结` / `果` / `8`:
1378 printed as 137 and 8). The row reads as seven values, 137 its 总计, and breaks its row total.
A report's own typo breaks it the same way; what tells them apart is the lone digits printed
after the row before any other row's values, which, joined to one of its numbers, make the row
total hold. That number is then not read as printed: it is said `cell-unplaced`, naming the tail
(a join is no value the text shows in one place). Found by a review's LibreOffice PDFs in 16 pt type.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..identities import as_evidence, total_holds
from ..layout import CellRow
from ..layout.tails import PIECE, TAIL, join_pieces
from ..model import Cell
from ..templates import Template
from ..values import read_cell
from .grid import Grid

__all__ = ["refuse_late_tails"]


def _lone_digits(rows: Sequence[CellRow], placed: set[int]) -> list[tuple[int, str]]:
    """(line, digits) of each line holding one value, a few digits, that no cell was read from."""
    found = []
    for row in rows:
        values = [t for t in row.tokens if t.kind == "value"]
        if len(row.tokens) == 1 and len(values) == 1 and row.line not in placed:
            text = values[0].text.strip()
            if TAIL().match(text):
                found.append((row.line, text))
    return found


def _heads(cells: Sequence[Cell], tail: str) -> list[tuple[int, str]]:
    """Each of the row's numbers that, the tail joined on, makes the row total hold: its index,
    and the number joined."""
    numbers = [as_evidence(c) for c in cells]
    found = []
    for i, cell in enumerate(cells):
        piece = cell.kind == "number" and PIECE().match(cell.raw.strip()) is not None
        if piece and (joined := join_pieces(cell.raw, tail)) is not None:
            mended = as_evidence(read_cell(joined, cell.line))
            if total_holds([*numbers[:i], mended, *numbers[i + 1 :]]):
                found.append((i, joined))
    return found


def refuse_late_tails(grid: Grid, rows: Sequence[CellRow], template: Template) -> None:
    """Take back each table 三 number that a lone digits line printed after its row, before any
    later row's values, would complete into the one number making the row total hold."""
    if grid.table != "applications":
        return
    columns = template.applications.value_columns
    placed = {c.line for cells in grid.rows.values() for c in cells.values() if c.line is not None}
    tails = _lone_digits(rows, placed)
    if not tails:
        return
    for row, by_column in list(grid.rows.items()):
        if not all(c in by_column for c in columns):
            continue
        whole = [by_column[c] for c in columns]
        lines = [c.line for c in whole if c.line is not None]
        if not lines or total_holds([as_evidence(c) for c in whole]):
            continue
        last = max(lines)
        # The tail stands after the row, and no cell was read between them.
        next_cell = min((n for n in placed if n > last), default=None)
        following = [(n, t) for n, t in tails if n > last and (next_cell is None or n < next_cell)]
        if not following:
            continue
        line, tail = following[0]
        for i, joined in _heads(whole, tail):
            head = by_column.pop(columns[i])
            grid.unplaced(
                f"{row}: {columns[i]} printed {head.raw.strip()} may be a wrapped number whose tail "
                f"{tail} is printed alone at line {line}: as {joined} the row total holds",
                head.line,
            )
