"""Step 4a: where each value column stands in a table's grid, read from the header (FORMAT.md §1.3-1.5).

Layouts that show the grid (an HTML or DOCX table, a pandoc table under its dash rules) give each
cell its grid column, blank cells included. A data row's values are then placed by where they
stand, not by how many come after the label: a blank cell is a column with nothing in it, a
merged label leaves columns empty before the values, and trimming by count could move a value
into its neighbour's column.

The header says where each column stands: every column label printed with a grid column
(自然人, 本年制发件数 …) gives that column's range, the nearest header above a row winning. A
header is trusted only if it names every column of the row in the template's order without
overlaps. Where it is not (pandoc prints table 三's three-row header shifted left), the
template's own shape settles it for tables whose value columns are the grid's last columns
(table 三: the 7 applicant columns right of the 3 label columns).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..layout import Token
from .regions import MatchedRow

Range = tuple[int, int]


class ColumnPositions:
    """The grid ranges of a table's value columns, as its header rows print them."""

    # A plain class, not attrs: internal and compared by identity, and an attrs class costs ~2.6
    # million instructions to define at import (docs/performance.md).
    __slots__ = ("ranges", "right_aligned", "table")

    def __init__(self, table: str, right_aligned: bool = False) -> None:
        """No ranges yet; `right_aligned`: the template's value columns are the grid's last columns
        (table 三), one grid column each."""
        self.table = table
        self.right_aligned = right_aligned
        self.ranges: dict[str, Range] = {}

    def see(self, row: MatchedRow) -> None:
        """Note the grid columns of the column labels a row prints (a header row)."""
        for match in row.matches:
            found = match.token
            if found.column is None or found.kind != "text":
                continue
            for entry in match.entries:
                if entry.table == self.table and entry.kind == "column":
                    self.ranges[entry.id] = (found.column, found.column + found.span)
                    break

    def _ranges(self, columns: Sequence[str], width: int | None) -> list[Range] | None:
        header = [self.ranges.get(c) for c in columns]
        if all(r is not None for r in header):
            spans = [r for r in header if r is not None]
            ordered = all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
            # Right-aligned tables: the last column must reach the grid's right edge, or the
            # header is shifted against the values.
            edge = not self.right_aligned or width is None or spans[-1][1] == width
            if ordered and edge:
                return spans
        if self.right_aligned and width is not None and width > len(columns):
            first = width - len(columns)
            return [(first + i, first + i + 1) for i in range(len(columns))]
        return None

    def pick(self, values: Sequence[Token], columns: Sequence[str], width: int | None) -> list[Token] | None:
        """One token per column, by where the tokens stand; None when positions do not settle it."""
        placed = [v for v in values if v.column is not None]
        if not placed or any(v.column is None and v.kind != "empty" for v in values):
            return None
        ranges = self._ranges(columns, width)
        if ranges is None:
            return None
        picked: list[Token] = []
        for start, end in ranges:
            inside = [v for v in placed if v.column is not None and start <= v.column < end]
            filled = [v for v in inside if v.kind != "empty"]
            if len(filled) > 1 or not inside:
                return None  # two cells in one column, or the column is not printed at all
            picked.append(filled[0] if filled else inside[0])
        low = ranges[0][0]
        # Anything printed right of the labels but in no column cannot be placed with certainty.
        stray = [
            v
            for v in placed
            if v.kind == "value"
            and all(v is not p for p in picked)
            and v.column is not None
            and v.column >= low
        ]
        return None if stray else picked
