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
shows the table does not, and then no row's 总计 is read so.
"""

from __future__ import annotations

from ..identities import as_evidence, total_holds
from ..model import Diagnostic, Number
from ..values import read_cell
from .grid import Grid, ShortRow
from .order import Order

__all__ = ["settle_short_rows"]

_SETTLED = "the last is its 总计, the sum of the others, as in every row of the table printed so"


def _numbers(short: ShortRow) -> list[Number] | None:
    """The row's values as numbers; None where one is not a number (a none mark, a word)."""
    cells = [read_cell(v.text, v.line) for v in short.values]
    if any(c.kind != "number" for c in cells):
        return None
    return [n for n in (as_evidence(c) for c in cells) if n is not None]


def _shows_total(numbers: list[Number]) -> bool | None:
    """True where the row's last value is the sum of the others, one of them worth something;
    False where the row shows it prints no such total; None where it shows neither (`0 0`)."""
    if not any(numbers):
        return None
    return any(numbers[:-1]) and total_holds(numbers)


def settle_short_rows(grid: Grid, order: Order) -> None:
    """Place the 总计 of each short row of a table 三 grid where every short row shows its total,
    in a text printing its rows in order (only there are a label's values the ones after it)."""
    if order != "rows":
        return
    shorts = [s for s in grid.short if not grid.has_row(s.row) and s.columns[-1:] == ("total",)]
    readings = [(s, _numbers(s)) for s in shorts]
    shown = [(s, _shows_total(n)) for s, n in readings if n is not None]
    if grid.table != "applications" or not shown or any(says is False for _, says in shown):
        return
    for short, says in shown:
        if not says:
            continue
        grid.place(short.row, ("total",), short.values[-1:], basis="order")
        said = short.said
        at = next((i for i, d in enumerate(grid.diagnostics) if d is said), None)
        if at is not None:
            grid.diagnostics[at] = Diagnostic(said.code, f"{said.message}: {_SETTLED}", said.line)
