"""Step 5a for aligned text: table 三 rows whose values' columns the positions leave open, chosen
by the column identities where they leave one reading.

pdftotext `-layout` keeps a blank cell as a gap, but poppler drifts each line by what is printed
left of it, so where a row prints some of its cells its positions may leave a value two or three
columns (aligned.py: `2` between 社会公益 and 法律服务, a lone `3,435` under 其他 or 总计).
The page's bounds give every reading of such a line (`ShortRow.ranges`: each value in a column its
bounds leave it, left to right, every other cell blank), and the identities
that sum down the columns choose among them: each column's balance (上年结转 + 本年新收 = 总计 +
结转下年度) and outcome total (总计 = the sum of the outcome rows). A column whose cells the
reading leaves blank sums nothing there: in a table printing some cells and leaving others blank,
as in one filling only 总计, the blank ones add nothing to the column's figures.

A row is placed only where every choice of readings for the table's open rows that makes every
identity hold (an identity with a cell of no number, or of a row the text did not give, is
uncertain and chooses nothing) gives it the same reading, and some choice does: its cells whose
column the positions did not show carry basis `order`, and the checks that chose them say
`decided`. A `0` that may stand in two columns moves no sum, so its row stays unplaced; a table
whose own figures break an identity gives no choice, and places nothing this way.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import CELLS_BY_ORDER
from ..identities import Identity, column_identities
from ..layout import Token
from ..model import Cell, Diagnostic, Number
from ..templates import Template
from ..values import read_cell
from .grid import Grid, ShortRow

__all__ = ["agreed_options", "readings", "settle_bounded_rows"]

# Partial sums the search keeps at most: past this, no row is placed this way.
MAX_STATES = 20_000
# A row's readings beyond this many: its values' places are too open to choose among.
MAX_READINGS = 64

Sums = tuple[Number, ...]  # one figure per identity: its left side less its right


def _evidence(cell: Cell) -> Number | None:
    """A cell's figure in a column's sum: a blank or a none mark adds nothing; a word says nothing."""
    if cell.kind in ("blank", "none"):
        return 0
    return cell.value


def _figures(reading: Sequence[Token], columns: Sequence[str]) -> dict[str, Number] | None:
    """A reading's figure in each column; None where a value is no number (nor a none mark)."""
    found: dict[str, Number] = {}
    for column, token in zip(columns, reading, strict=True):
        figure = _evidence(read_cell(token.text, token.line))
        if figure is None:
            return None
        found[column] = figure
    return found


def _add(a: Sums, b: Sums) -> Sums:
    return tuple(x + y for x, y in zip(a, b, strict=True))


Room = tuple[tuple[Number, Number], ...]  # per identity, the least and the most rows can add


def _rooms(options: Sequence[Sequence[Sums]], width: int) -> list[Room]:
    """For each row, what the rows from it to the last can add to each identity, least and most."""
    rooms: list[Room] = [tuple((0, 0) for _ in range(width))]
    for row in reversed(options):
        rooms.append(
            tuple(
                (low + min(o[k] for o in row), high + max(o[k] for o in row))
                for k, (low, high) in enumerate(rooms[-1])
            )
        )
    return rooms[::-1]


def _fits(sums: Sums, room: Room) -> bool:
    """True where the rows still to come can bring every identity's figure to nothing."""
    return all(low <= -x <= high for x, (low, high) in zip(sums, room, strict=True))


def _reachable(start: Sums, options: Sequence[Sequence[Sums]]) -> list[set[Sums]] | None:
    """The figures after each row's options added to `start`, in turn, as far as the rows still to
    come can bring them to nothing (the others lead to no choice holding the identities); None past
    MAX_STATES."""
    rooms = _rooms(options, len(start))
    found = [{start} if _fits(start, rooms[0]) else set()]
    for index, row in enumerate(options):
        room = rooms[index + 1]
        sums = {t for s in found[-1] for o in row if _fits(t := _add(s, o), room)}
        if len(sums) > MAX_STATES:
            return None
        found.append(sums)
    return found


def agreed_options(fixed: Sums, options: Sequence[Sequence[Sums]]) -> list[int | None] | None:
    """For each row the one option every choice holding all identities takes (None where choices
    differ); None where no choice holds them, or the search is too wide.

    `fixed`: each identity's figure (its left side less its right) over the cells already placed;
    `options`: for each open row, what each of its options adds to those figures. A choice holds
    the identities where the figures come to nothing. The search goes through the rows from the
    last, keeping the figures reached (`_reachable`), then from the first, keeping only figures
    the rows after can bring to nothing: an option is some holding choice's where a figure before
    it and one after it meet."""
    n = len(options)
    backward = _reachable(fixed, options[::-1])  # backward[m]: fixed plus the last m rows' options

    def completes(sums: Sums, done: int) -> bool:
        # The rows after the first `done` bring `sums` to nothing: fixed - sums is among backward's.
        return backward is not None and _less(fixed, sums) in backward[n - done]

    if backward is None or not completes(fixed, 0):
        return None
    forward = [{fixed}]
    chosen: list[int | None] = []
    for index, row in enumerate(options):
        sums: set[Sums] = set()
        feasible: set[int] = set()
        for s in forward[-1]:
            for k, o in enumerate(row):
                if completes(t := _add(s, o), index + 1):
                    sums.add(t)
                    feasible.add(k)
        chosen.append(feasible.pop() if len(feasible) == 1 else None)
        if len(sums) > MAX_STATES:
            return None
        forward.append(sums)
    return chosen


def _less(a: Sums, b: Sums) -> Sums:
    return tuple(x - y for x, y in zip(a, b, strict=True))


def settle_bounded_rows(grid: Grid, template: Template, shorts: Sequence[ShortRow]) -> None:
    """Place each of these table 三 rows whose readings (`readings`) holding its row total,
    its blank cells adding nothing, the column identities narrow to one.

    Called by short_rows.py once the table shows it prints its totals (a report leaving 总计 blank
    prints `2 3 5` for 其他 5: its row total would pick 5 as 总计)."""
    open_rows: dict[str, ShortRow] = {}
    figures: dict[str, list[tuple[int, dict[str, Number]]]] = {}
    ways: dict[str, tuple[tuple[Token, ...], ...]] = {}
    for short in shorts:
        if grid.has_row(short.row) or short.row in open_rows:
            continue
        ways[short.row] = readings(short)
        read = [_figures(reading, short.columns) for reading in ways[short.row]]
        held = [(k, f) for k, f in enumerate(read) if f is not None and _total_holds(f, short.columns)]
        if held and all(f is not None for f in read):
            open_rows[short.row] = short
            figures[short.row] = held
    if not open_rows:
        return
    identities = _certain(column_identities(template, {*grid.rows, *open_rows}), grid, open_rows)
    fixed = tuple(_fixed(identity, grid, open_rows) for identity in identities)
    rows = list(open_rows)
    # Readings adding the same to every identity are one option: a `0` moved moves no sum.
    options: list[dict[Sums, list[int]]] = []
    for row in rows:
        by_sums: dict[Sums, list[int]] = {}
        for k, f in figures[row]:
            by_sums.setdefault(_option(identities, row, f), []).append(k)
        options.append(by_sums)
    chosen = agreed_options(fixed, [list(o) for o in options])
    for row, by_sums, pick in zip(rows, options, chosen or [], strict=False):
        taken = by_sums[list(by_sums)[pick]] if pick is not None else []
        if len(taken) != 1:
            continue
        short = open_rows[row]
        reading = ways[row][taken[0]]
        cells = {
            column: read_cell(
                token.text,
                token.line,
                grid.units.get(column),
                basis=None if _shown(ways[row], k) else "order",
                where=token.where,
            )
            for k, (column, token) in enumerate(zip(short.columns, reading, strict=True))
        }
        grid.place_cells(row, cells)
        grid.withdraw(short.said)
        raw = " ".join(v.text.strip() for v in short.values)
        message = (
            f"applications.{row}: {len(short.values)} values ({raw}) whose columns the positions leave "
            f"{len(ways[row])} ways, placed the one way its row total and the column identities hold"
        )
        grid.diagnostics.append(Diagnostic(CELLS_BY_ORDER, message, short.said.line))


def _total_holds(figures: dict[str, Number], columns: Sequence[str]) -> bool:
    """The row total (its last column the sum of the others) holds on a reading's figures."""
    return figures[columns[-1]] == sum(figures[c] for c in columns[:-1])


def readings(short: ShortRow) -> tuple[tuple[Token, ...], ...]:
    """Every reading of a short row its ranges allow, each one token per column: every value in a
    column its range leaves it, left to right, every other cell empty; () where it has no ranges,
    or more readings than MAX_READINGS (its values' places are too open to choose among)."""
    if not short.ranges:
        return ()
    found: list[tuple[int, ...]] = []

    def walk(chosen: tuple[int, ...]) -> None:
        if len(found) > MAX_READINGS:
            return
        if len(chosen) == len(short.ranges):
            found.append(chosen)
            return
        low, high = short.ranges[len(chosen)]
        for column in range(max(low, chosen[-1] + 1 if chosen else 0), high + 1):
            walk((*chosen, column))

    walk(())
    if len(found) > MAX_READINGS:
        return ()
    empty = Token("empty", "", short.values[0].line)
    return tuple(
        tuple(short.values[c.index(k)] if k in c else empty for k in range(len(short.columns))) for c in found
    )


def _shown(readings: Sequence[Sequence[Token]], column: int) -> bool:
    """True where every reading puts the same token in this column: its place is shown."""
    first = readings[0][column]
    return all(r[column] is first or r[column].kind == first.kind == "empty" for r in readings)


def _certain(identities: Sequence[Identity], grid: Grid, shorts: dict[str, ShortRow]) -> list[Identity]:
    """The identities whose every cell holds a figure on the grid or is an open row's."""

    def known(row: str, column: str) -> bool:
        if row in shorts:
            return column in shorts[row].columns
        cell = grid.rows.get(row, {}).get(column)
        return cell is not None and _evidence(cell) is not None

    return [i for i in identities if all(known(r, c) for r, c in (*i.left, *i.right))]


def _fixed(identity: Identity, grid: Grid, shorts: dict[str, ShortRow]) -> Number:
    """The identity's left side less its right over the cells already on the grid."""

    def figure(row: str, column: str) -> Number:
        if row in shorts:
            return 0
        found = _evidence(grid.rows[row][column])
        return 0 if found is None else found

    return sum(figure(r, c) for r, c in identity.left) - sum(figure(r, c) for r, c in identity.right)


def _option(identity_set: Sequence[Identity], row: str, figures: dict[str, Number]) -> Sums:
    """One reading of an open row: what it adds to each identity's left side less its right."""
    return tuple(
        sum(figures[c] for r, c in identity.left if r == row)
        - sum(figures[c] for r, c in identity.right if r == row)
        for identity in identity_set
    )
