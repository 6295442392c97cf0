"""Step 4b, last: table 三's values in printed order, row after row, where every identity holds on them.

Plain pdftotext and pdfminer print a table's cells in the reading order they rebuild from the PDF's
blocks. A table 三 printing every cell (0, 无, `/` or `—` for nothing) often comes out as its values
row after row, one a line, while its row labels stand wherever their blocks fall: a group's labels
listed before or after other rows' values, a label in the middle of its row's values. The readings
of detached.py need each run of values confirmed by the label printed right before it.

The values can still settle the table, and the identities say how far. The values are cut into the
template's rows, in its order, only when all of this holds:

- they are exactly as many as one template's cells, every row's label is printed in the table (no
  row is assumed to be there), no value is a wrapped number's piece, and the text is not joined
  into one line (whose values stand on no lines that tell them apart);
- every identity of table 三 holds on the rows so cut (each row's total, each column's balance and
  outcome total; a none mark counts as nothing): a value printed apart from its row (a 总计 rows
  away) shifts every value after it and breaks them, so they settle where each row's values begin
  and which column each value is in;
- every value worth nothing is printed the same way (all `0`, or all one none mark): the
  identities cannot tell `0` from `—`, so a mix of them could stand in each other's places unseen;
- every row the label-anchored reading placed gets the same values.

The identities do not settle which row is which among rows that sum on the same sides of them
(`identities.trading_places`: the two input rows; the outcome rows), which can trade whole places
with every identity holding. So a row is given (basis `order`, so every check over it says
`decided`) only where its own label is printed among its values, or where every row of its place
that no label pins prints the same values; a label between two rows' values pins neither, since
plain pdftotext prints some rows label first and others values first. Each other row is
`cell-unplaced`, saying why. A row whose values mix 无 with numbers in a PDF's reading order, or run
through other words, is still left unplaced (drawn.py): 无's glyph moves in that order the same way
in rows of the same shape, and the identities would not show it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import CELL_UNPLACED, CELLS_BY_ORDER
from ..identities import application_identities, as_evidence, trading_places
from ..layout import Token
from ..model import Cell, Diagnostic, Number
from ..templates import Template, TemplateRegistry
from ..values import clean, read_cell
from .detached import ValueRun, agrees, has_broken_numbers, labelled_rows, place_in_order, value_runs
from .grid import Grid
from .regions import Region

__all__ = ["reread_balanced"]

UNPINNED = (
    "values read in printed order, but no label printed at them shows this row's place among the "
    "rows that could trade places with it, every identity still holding"
)


def _rows(values: Sequence[Token], order: Sequence[str], width: int) -> dict[str, tuple[Token, ...]]:
    return {row: tuple(values[i * width : (i + 1) * width]) for i, row in enumerate(order)}


def _identities_hold(template: Template, rows: dict[str, tuple[Token, ...]]) -> bool:
    """Every identity of table 三 holds on these rows, whose values worth nothing print one way."""
    columns = template.applications.value_columns
    cells: dict[tuple[str, str], Cell] = {
        (row, column): read_cell(token.text, token.line)
        for row, tokens in rows.items()
        for column, token in zip(columns, tokens, strict=True)
    }
    zero_marks = {clean(c.raw) for c in cells.values() if as_evidence(c) == 0}
    if len(zero_marks) > 1:
        return False

    def value(row: str, column: str) -> Number | None:
        return as_evidence(cells[(row, column)])

    return all(identity.holds(value) is True for identity in application_identities(template, set(rows)))


def _pinned(runs: Sequence[ValueRun], order: Sequence[str], width: int) -> set[str]:
    """Rows whose own label is printed among their values. A label between two rows' values pins
    neither: plain pdftotext prints some rows label first and others values first, so it may be
    either row's."""
    pinned: set[str] = set()
    at = 0
    for run in runs:
        start, at = at, at + len(run.values)
        if start % width and start < width * len(order) and order[start // width] in run.before:
            pinned.add(order[start // width])
    return pinned


def _settled(template: Template, rows: dict[str, tuple[Token, ...]], pinned: set[str]) -> set[str]:
    """Rows whose values no other reading the identities allow would change: pinned by their
    label, or every unpinned row that could take their place printing the same values."""
    role = trading_places(template, set(rows))
    loose: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for row, tokens in rows.items():
        if row not in pinned:
            loose.setdefault(role[row], set()).add(tuple(clean(t.text) for t in tokens))
    return {row for row in rows if row in pinned or len(loose[role[row]]) == 1}


def reread_balanced(region: Region, grid: Grid, registry: TemplateRegistry) -> tuple[Grid, str] | None:
    """Table 三 read from its values in printed order, row after row, with the one template whose
    cells they fill and whose identities they all satisfy; None unless that places rows the
    label-anchored reading left unplaced."""
    if not grid.has_unplaced() or has_broken_numbers(region) or region.one_line:
        return None
    runs = value_runs(region)
    values = [v for run in runs for v in run.values]
    # The runs that begin after words naming nothing: a row whose values they cut is interrupted.
    cut = set()
    index = 0
    for run in runs:
        if run.interrupted:
            cut.add(index)
        index += len(run.values)
    labels = labelled_rows(region)
    fits: list[tuple[Grid, str]] = []
    for template in registry:
        spec = template.applications
        order = [r.id for r in spec.rows if r.standard]
        width = len(spec.value_columns)
        if len(values) != width * len(order) or not set(order) <= labels:
            continue
        rows = _rows(values, order, width)
        if (
            set(grid.rows) - set(rows)
            or not agrees(grid, rows, dict.fromkeys(order, spec.value_columns))
            or not _identities_hold(template, rows)
        ):
            continue
        settled = _settled(template, rows, _pinned(runs, order, width) | set(grid.rows))
        kept = [d for d in grid.diagnostics if d.code != CELL_UNPLACED]
        fresh = Grid(grid.table, diagnostics=kept, units=dict(grid.units), reading_order=grid.reading_order)
        for i, (row, tokens) in enumerate(rows.items()):
            if row in grid.rows:
                fresh.place_cells(row, grid.rows[row])  # read beside its own label: printed in place
            elif row not in settled:
                shown = " ".join(t.text.strip() for t in tokens)
                fresh.unplaced(f"{row}: {UNPINNED} ({shown})", tokens[0].line)
            else:
                interrupted = any(i * width < at < (i + 1) * width for at in cut)
                place_in_order(fresh, row, spec.value_columns, tokens, interrupted)
        fits.append((fresh, template.name))
    if len(fits) != 1 or set(fits[0][0].rows) == set(grid.rows):
        return None
    fresh, name = fits[0]
    message = (
        f"{fresh.table}: {len(fresh.rows) - len(grid.rows)} rows read in printed order, row after row "
        "(labels printed apart from their values): the values fill the template's cells exactly and "
        "every identity of the table holds on them"
    )
    fresh.diagnostics.append(Diagnostic(CELLS_BY_ORDER, message, values[0].line))
    return fresh, name
