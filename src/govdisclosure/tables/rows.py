"""Step 4 for tables 二 and 三: label-anchored rows -> values on the grid, in any layout (§2.2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ..values import clean
from .cells import DIGIT_RUN, Token
from .grid import FusedRun, Grid
from .lexicon import Entry
from .regions import MatchedRow, Region

# Row id -> its value columns (None when the id is not a data row of this table).
ColumnsOf = Callable[[str], tuple[str, ...] | None]


@attrs.define
class _Pending:
    row: str
    line: int
    group_like: bool


def fit(tokens: Sequence[Token], n: int) -> list[Token] | None:
    """Exactly n value/empty cells, dropping empties at the ends that stand for merged cells.

    Trailing empties go first: copies pad rows at the end more often than at the start.
    """
    cells = list(tokens)
    while len(cells) > n:
        if cells[-1].kind == "empty":
            cells.pop()
        elif cells[0].kind == "empty":
            cells.pop(0)
        else:
            return None
    return cells if len(cells) == n else None


def _anchor(row: MatchedRow, table: str, columns_of: ColumnsOf) -> tuple[int, Entry, bool] | None:
    """The last token naming a data row: (index, entry, also-a-group-label)."""
    found = None
    for i, m in enumerate(row.matches):
        rows = [e for e in m.entries if e.table == table and e.kind == "row" and columns_of(e.id)]
        if rows:
            group_like = any(e.table == table and e.kind == "group" for e in m.entries)
            found = (i, rows[0], group_like)
    return found


def _values_after(row: MatchedRow, start: int) -> list[Token]:
    values = []
    for m in row.matches[start:]:
        if m.token.kind in ("value", "empty"):
            values.append(m.token)
        elif m.entries:
            break
    return values


def _put(grid: Grid, row: str, columns: tuple[str, ...], values: list[Token], line: int) -> None:
    fitted = fit(values, len(columns))
    if fitted is not None:
        grid.place(row, columns, fitted)
        return
    filled = [v for v in values if v.kind == "value"]
    digits_only = all(DIGIT_RUN.match(clean(v.text).replace(" ", "")) for v in filled)
    if filled and len(filled) < len(columns) and digits_only and all(v.kind == "value" for v in values):
        # Fewer values than columns and no empties: boundaries were lost (§2.2 G); split later.
        grid.fused.append(FusedRun(row, columns, tuple(clean(v.text) for v in filled), line))
        return
    raw = " ".join(v.text.strip() or "∅" for v in values)
    grid.unplaced(f"{row}: {len(values)} cells for {len(columns)} columns ({raw})", line)


def assemble_rows(region: Region, grid: Grid, columns_of: ColumnsOf) -> None:
    """Place every labelled row of a table region on the grid."""
    pending: _Pending | None = None
    for row in region.rows:
        anchor = _anchor(row, region.table, columns_of)
        if anchor is None:
            values = [m.token for m in row.matches if m.token.kind in ("value", "empty")]
            if not any(v.kind == "value" for v in values):
                continue
            if pending is not None:
                columns = columns_of(pending.row) or ()
                _put(grid, pending.row, columns, values, row.row.line)
                pending = None
            elif not row.entries_for(region.table):
                raw = " ".join(v.text.strip() for v in values)
                grid.unplaced(f"values with no row label ({raw})", row.row.line)
            continue
        index, entry, group_like = anchor
        values = _values_after(row, index + 1)
        if not values or (not any(v.kind == "value" for v in values) and row.row.layout == "spaces"):
            # A label alone on its line (PDF): its values follow on a later line.
            if pending is None or not group_like:
                pending = _Pending(entry.id, row.row.line, group_like)
            continue
        pending = None
        _put(grid, entry.id, columns_of(entry.id) or (), values, row.row.line)
