"""Step 5b: name every template row a found table came back without, so no row is lost unseen.

A row with no cell is absent from its table (SCHEMA.md: a cell the text does not hold is absent,
not null). The reasons differ, and a user must be able to tell them apart without reading the
text: its label was read but no value the parser could place (a text that drops blank cells prints
a blank row as its label alone; a PDF's reading order may draw its values elsewhere), or no label
of it was read (the report leaves the row out, or prints its label run into others' words). Each
such row gets one `row-missing` diagnostic saying which, with the label's line where it was read.
Why values were not placed is said by the `cell-unplaced` diagnostics beside it; this one only
says the row is not there.
"""

from __future__ import annotations

from ..diagnostics import ROW_MISSING
from ..model import Diagnostic
from ..templates import Template
from .grid import Grid
from .regions import Region

__all__ = ["say_missing_rows"]

# Row labels, and group labels: table 四's template rows are its groups (行政复议, 未经复议直接起诉, …).
_ROW_KINDS = frozenset({"row", "group"})
_NO_LABEL = "no label of it was read in the table"


def _label_lines(region: Region) -> dict[str, int]:
    """The line where the first label of each row (or group) of the region's table was read."""
    lines: dict[str, int] = {}
    for matched in region.rows:
        for _, entry in matched.entries_for(region.table):
            if entry.kind in _ROW_KINDS:
                lines.setdefault(entry.id, matched.row.line)
    return lines


def say_missing_rows(grid: Grid, template: Template, region: Region) -> None:
    """Add a `row-missing` diagnostic for each row the template expects of `grid`'s table, given
    the rows read (Template.expected_row_ids), that has no cell in `grid`."""
    labels = _label_lines(region)
    read = {row for row, cells in grid.rows.items() if cells}
    for row in template.expected_row_ids(grid.table, read):
        if row in read:
            continue
        line = labels.get(row)
        where = f"its label is read at line {line}" if line is not None else _NO_LABEL
        message = f"{grid.table}: {row}: no cell of this row was read; {where}"
        grid.diagnostics.append(Diagnostic(ROW_MISSING, message, line))
