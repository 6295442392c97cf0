"""Step 5a: table 三's 总计 printed against the value before it, in aligned text, split by the row total.

Cells aligned right with no padding print a number filling 总计's cell right after 其他's: `/ 23,936`
for 其他's 2 and 总计's 3,936 (review seed 20268834 r052-v1: Chromium's PDF, 19 px type, 0.25 em
letter-spacing, padding 0, pdftotext `-layout`). Read by position, 其他 is a gap and 总计 23,936,
and the row total fails. Where every other cell of the row is printed (a number or a none mark),
the row as printed breaks its total, and exactly one way of cutting the total's text in two holds
it, and the cut breaks no column identity (a report's own slip in the total may hold one cut too),
the row waits for the identities as a fused run (resolve.py: the cells then carry basis
`split`, and a check they pass says `decided`); else it stays as read.
"""

from __future__ import annotations

from ..identities import Identity, as_evidence, column_identities, total_holds
from ..lazyregex import lazy_pattern
from ..model import Cell, Number
from ..templates import Template
from ..values import read_cell
from .grid import FusedRun, Grid

__all__ = ["split_reading", "split_totals_run_in"]

# A number as the cut's right side may print it: digits, grouped by commas or not, no leading zero.
# (A rarer layout's patterns, compiled on first use: lazyregex.py.)
_NUMBER = lazy_pattern(r"(?:0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*)")
_DIGITS = lazy_pattern(r"(?:0|[1-9]\d*)")


def split_totals_run_in(grid: Grid, template: Template) -> None:
    """Turn the table 三 rows of aligned text whose 总计 reads as run into a gap's value before it
    into fused runs, each with the one reading that holds its total, where together they break no
    column identity (resolve.py settles them)."""
    if grid.table != "applications" or not grid.aligned:
        return
    columns = template.applications.value_columns
    readings = {
        row: dict(zip(columns, reading, strict=True))
        for row, cells in grid.rows.items()
        if (reading := split_reading(cells, columns)) is not None
    }
    # A report's own slip in a row's total may hold one cut too (`1 / / / /   12` for a total of
    # 12 the report got wrong, 其他 blank: 1 + 1 = 2); the columns' sums refuse it.
    if not readings or _breaks_a_column(grid, column_identities(template, set(grid.rows)), readings):
        return
    for row, cut in readings.items():
        cells = grid.rows.pop(row)
        line = cells[columns[-1]].line or 0
        grid.fused.append(FusedRun(row, columns, tuple(cut.values()), line, (tuple(cut.values()),)))


def _breaks_a_column(grid: Grid, rules: list[Identity], readings: dict[str, dict[str, str]]) -> bool:
    """Whether the rows read so, the others as placed, break a column identity that holds no
    uncertain cell."""

    def value(row: str, column: str) -> Number | None:
        if row in readings:
            return as_evidence(read_cell(readings[row][column])) if column in readings[row] else None
        cell = grid.rows.get(row, {}).get(column)
        return None if cell is None else as_evidence(cell)

    return any(rule.holds(value) is False for rule in rules)


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
        if _DIGITS().fullmatch(raw[:i]) and _NUMBER().fullmatch(raw[i:])
    ]
    holding = [
        cut for cut in cuts if total_holds([*printed, *(as_evidence(read_cell(part)) for part in cut)])
    ]
    if len(holding) != 1:
        return None
    return (*(p.raw.strip() for p in parts), *holding[0])
