"""Step 5a: table 三's 总计 printed against the value before it, in aligned text, split by the row total.

Cells aligned right with no padding print a number filling 总计's cell right after 其他's: `/ 23,936`
for 其他's 2 and 总计's 3,936 (review seed 20268834 r052-v1: Chromium's PDF, 19 px type, 0.25 em
letter-spacing, padding 0, pdftotext `-layout`). Read by position, 其他 is a gap and 总计 23,936,
and the row total fails. Where every other cell of the row is printed (a number or a none mark),
the row as printed breaks its total, and exactly one way of cutting the total's text in two holds
it, the row waits for the identities as a fused run (resolve.py: the cells then carry basis
`split`, and a check they pass says `decided`); else it stays as read.
"""

from __future__ import annotations

import regex

from ..identities import as_evidence, total_holds
from ..model import Cell
from ..values import read_cell
from .grid import FusedRun, Grid

__all__ = ["split_reading", "split_totals_run_in"]

# A number as the cut's right side may print it: digits, grouped by commas or not, no leading zero.
_NUMBER = regex.compile(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)")
_DIGITS = regex.compile(r"(?:0|[1-9]\d*)")


def split_totals_run_in(grid: Grid, columns: tuple[str, ...]) -> None:
    """Turn each table 三 row of aligned text whose 总计 reads as run into a gap's value before it
    into a fused run whose one reading holds its total (resolve.py settles it)."""
    if grid.table != "applications" or not grid.aligned:
        return
    for row, cells in list(grid.rows.items()):
        reading = split_reading(cells, columns)
        if reading is not None:
            del grid.rows[row]
            line = cells[columns[-1]].line or 0
            grid.fused.append(FusedRun(row, columns, reading, line, (reading,)))


def split_reading(cells: dict[str, Cell], columns: tuple[str, ...]) -> tuple[str, ...] | None:
    """The row's cells with its total's text cut in two across the gap before it, where that is
    the one cut that holds the row total and the row as printed does not; else None."""
    if any(c not in cells for c in columns):
        return None
    *parts, gap, total = (cells[c] for c in columns)
    if gap.kind != "blank" or total.kind != "number" or any(p.kind not in ("number", "none") for p in parts):
        return None
    printed = [as_evidence(p) for p in parts]
    if total_holds([*printed, total.value]):
        return None
    raw = total.raw.strip()
    cuts = [
        (raw[:i], raw[i:])
        for i in range(1, len(raw))
        if _DIGITS.fullmatch(raw[:i]) and _NUMBER.fullmatch(raw[i:])
    ]
    holding = [
        cut for cut in cuts if total_holds([*printed, *(as_evidence(read_cell(part)) for part in cut)])
    ]
    if len(holding) != 1:
        return None
    return (*(p.raw.strip() for p in parts), *holding[0])
