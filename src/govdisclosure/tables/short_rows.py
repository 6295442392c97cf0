"""Step 5a: 总计 of table 三's rows printed with their blank cells dropped, settled by the row total.

Text that drops blank cells (lynx, pdftotext `-raw`, pdfplumber, a crawler's page text; FORMAT.md
§2.2 K) prints `一、本年新收政府信息公开申请数量 344 344` for 自然人 344 and 总计 344: which applicant
column the first value is in, the text does not show. Its 总计 it does, where the text prints its
rows in order (order.py) and table 三's identities hold: 总计 is the row's last column, so it is the
last value printed, unless it is blank; and a blank 总计 breaks the row total (总计 = the sum of the
other columns) wherever another value is worth something. So where the last value is the sum of the
others, and one of them is worth something, the last is the row's 总计 (basis `order`; the row-total
check then says `decided`), and the others stay unplaced.

The reading rests on the report printing its totals, which the table must show throughout: every
such row of it holds its total that way. A row printing one value worth something (a report
filling only 总计, or one leaving 总计 blank) or one whose last value is not the sum of the others
shows the table does not, and then no row's 总计 is read so. A values line between two labels,
either one's (ShortRow.shown false), places nothing but shows that as well; rows on several
lines, run together or holding a none mark show nothing either way.

A values line above a label and one under it, as many digits each (`10 10` / `8. 属于行政查询事项`
/ `2 2`), may be numbers wrapped around that label (102 twice, LibreOffice centring a cell of two
lines on a label of one: layout/tails.py `wrapped_around`) as well as two rows' values: where the
text does not show where digits stand, neither line, nor values on the label's line, is read as a
row's, and none shows anything of the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..identities import as_evidence, total_holds
from ..layout import CellRow
from ..layout.tails import wrapped_around
from ..model import Number
from ..values import read_cell
from .grid import Grid, ShortRow
from .order import Order

__all__ = ["settle_short_rows"]

_SETTLED = "the last is its 总计, the sum of the others, as in every row of the table printed so"
# The column a row's total stands in: the last of table 三 (FORMAT.md §1.4).
_TOTAL = "total"


def _numbers(short: ShortRow) -> list[Number] | None:
    """The row's values as numbers; None where one is not a number (a none mark, a word)."""
    cells = [read_cell(v.text, v.line) for v in short.values]
    if any(c.kind != "number" for c in cells):
        return None
    return [n for n in (as_evidence(c) for c in cells) if n is not None]


def _shows_total(numbers: list[Number]) -> bool | None:
    """True where the row's last value is the sum of the others (one of them then worth
    something); False where the row shows it prints no such total; None where it shows neither (`0 0`)."""
    return total_holds(numbers) if any(numbers) else None


def settle_short_rows(grid: Grid, order: Order, rows: Sequence[CellRow]) -> None:
    """Place the 总计 of each short row of a table 三 grid where every short row shows its total,
    in a text printing its rows in order (only there are a label's values the ones after it);
    `rows`: the table's lines, where a number wrapped around a label may show."""
    if grid.table != "applications" or order != "rows" or not grid.short:
        return
    around = wrapped_around(rows)
    shorts = [
        s
        for s in grid.short
        if not grid.has_row(s.row) and s.columns[-1:] == (_TOTAL,) and s.values[0].line not in around
    ]
    readings = [(s, _numbers(s)) for s in shorts]
    shown = [(s, _shows_total(n)) for s, n in readings if n is not None]
    if not shown or any(says is False for _, says in shown) or _placed_without_total(grid):
        return
    for short, says in shown:
        if not (says and short.shown):
            continue
        if short.placed is None:
            grid.place(short.row, (_TOTAL,), short.values[-1:], basis="order")
            grid.amend(short.said, _SETTLED)
            continue
        # Aligned text shows where the others stand: the whole row, the cells after the last of
        # them (总计, and the gaps before it) on the same reading as 总计 (basis order).
        settled = (
            max((i for i, token in enumerate(short.placed[:-1]) if token.kind != "empty"), default=-1) + 1
        )
        grid.place(short.row, short.columns[:settled], short.placed[:settled])
        after = zip(short.columns[settled:], short.placed[settled:], strict=True)
        grid.place_cells(
            short.row, {c: read_cell(t.text, t.line, basis="order", where=t.where) for c, t in after}
        )
        grid.withdraw(short.said)


def _placed_without_total(grid: Grid) -> bool:
    """True where a row placed on the grid shows the table prints no totals: a blank 总计 beside a
    value worth something (-layout places rows by position before this step)."""
    for cells in grid.rows.values():
        total = cells.get(_TOTAL)
        others = [as_evidence(c) for column, c in cells.items() if column != _TOTAL]
        if total is not None and total.kind == "blank" and any(others):
            return True
    return False
