"""Step 4c for table 三 printed one cell a line: labels whose values may start in the run before.

Plain pdftotext and pdfminer print a label where its cell's text falls in their reading order:
before its row's values, or among them (a tall label cell's text at its middle). A label among its
values leaves its first values in the run of the label before, and its own run may then hold the
next row's first values, its row total holding on them by chance. `shifts` tells which labels'
runs the runs before them put in doubt; rows.py then does not read those runs by printing order.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from ..layout import Token
from ..values import clean
from .shape import ColumnsOf
from .waiting import Pending
from .wrapped import joined_readings, most_joins

__all__ = ["shifts"]

# Wrapped numbers followed in one row's run (each adds a piece; the ways to join them grow as
# the pieces' count to that power): LibreOffice wraps a narrow cell's number, seldom two a row.
WRAPS_IN_A_RUN = 2


def shifts(
    labels: list[Pending],
    columns_of: ColumnsOf,
    holds: Callable[[str, list[Token]], bool] | None,
    rank: Callable[[str], int | None] | None = None,
) -> list[bool]:
    """For each label of a block, True when its values may start in the run before it: a label
    printed among its row's values (plain pdftotext: a tall label cell's text at its middle) left
    its first values in the run of the label before, which then holds more values than its row's
    cells, by a part of a row (whole rows' values are rows whose labels stand elsewhere) and by
    more than the runs before it lacked (pdfminer draws a row's last values after the next labels:
    they are those rows'). Its own run may then hold the next row's first values, as many as its
    own last, and its row total hold on them by chance (`2.其他法律行政法规禁止公开` / `— — — — — 1
    1`: its 4 and 3.'s first 3). A run is followed with each count of wrapped numbers' pieces it
    may hold (wrapped.joined_readings), none included, whatever else it holds; a label naming a
    group (2021's （六）其他处理, also a 2019 row) also as a group's, its run then its first row's
    first values.

    The doubt goes on through runs of exactly a row's values; it ends at a run short by as many, at
    one that brings the values moved on to whole rows, at a row printed beside its label, or at a
    label whose row read with its first values from the run before breaks its identity (`holds`,
    the row total; table 二's rows have none), a wrapped number there joined every way: its run is
    its own. A label is not in doubt where its row read so gives the values of its run.

    A whole row to spare in the runs before a label is a row whose label stands elsewhere, or the
    label's own row, printed before it (a label after all its values, its run the next row's):
    where the template's order of rows (`rank`) leaves more values before a label's run than the
    cells of the rows before it (`_late`), the label's row is also followed as the run before's
    last values."""
    # Each way the runs so far may have gone: (values of the next row's in the last run, values
    # the runs lacked that later runs may bring).
    ways, flags = {(0, 0)}, []
    before: list[Token] = []
    runs = [label.gathered() for label in labels]
    late = _late(labels, runs, columns_of, rank) if rank is not None else [0] * len(labels)
    for label, run, behind in zip(labels, runs, late, strict=True):
        cells = len(columns_of(label.row) or ())
        if cells and behind >= cells:
            ways = ways | {(cells, 0)}
        # (A row printed beside its label starts the ways afresh: its pieces count for nothing.)
        joins = 0 if label.placed else most_joins(label.lines())
        pieces = (0, *range(1, min(len(run), cells, WRAPS_IN_A_RUN + 1, joins + 1)))
        doubt, after = False, set()
        for surplus, short in ways:
            moved = _moved_reading(run, before, surplus, cells) if surplus else None
            if (
                moved is not None
                and holds is not None
                and not _may_hold(label.row, before[-surplus:] + run, cells, holds)
            ):
                surplus = 0
            doubt = doubt or (surplus > 0 and (moved is None or _texts(moved) != _texts(run)))
            for extra in (len(run) - j - cells for j in pieces):
                if surplus or extra > short:
                    ahead = surplus + extra if surplus else extra - short
                    after.add((ahead % cells if cells and ahead > 0 else 0, max(0, -ahead)))
                else:
                    after.add((0, short - extra))
            if label.groups and run and cells:
                after.add(((surplus + len(run)) % cells, 0))
        flags.append(doubt)
        ways = {(0, 0)} if label.placed else after
        before = run
    return flags


def _late(
    labels: list[Pending], runs: list[list[Token]], columns_of: ColumnsOf, rank: Callable[[str], int | None]
) -> list[int]:
    """For each label (its values gathered in `runs`), the values printed before its run beyond
    the cells of the block's rows before its row (rows printed beside their labels aside: their
    values are on their lines), the least of two counts of those rows: the rows the template puts
    before it; the rows whose labels gathered values before it, with the rows listed apart (no
    value gathered) the template puts before it. A row printed before its turn raises the first, a
    label listed apart that gathered a value drawn late the second; a label printed after all its
    values raises both by its row."""
    read = [i for i, p in enumerate(labels) if not p.placed]
    place = {i: rank(labels[i].row) for i in read}
    width = {i: len(columns_of(labels[i].row) or ()) for i in read}
    gathered = {i: len(runs[i]) for i in read}
    late, start = [0] * len(labels), 0
    for i in read:
        mine = place[i]
        if mine is not None and gathered[i]:
            in_template = sum(width[j] for j in read if _before(place[j], mine))
            in_print = sum(
                width[j]
                for j in read
                if (j < i and gathered[j]) or (not gathered[j] and _before(place[j], mine))
            )
            late[i] = start - max(in_template, in_print)
        start += gathered[i]
    return late


def _before(place: int | None, mine: int) -> bool:
    return place is not None and place < mine


def _may_hold(row: str, values: list[Token], cells: int, holds: Callable[[str, list[Token]], bool]) -> bool:
    """True when a row read from the first of these values keeps its identity: its first `cells`
    values, or more of them with a wrapped number's pieces joined (wrapped.joined_readings)."""
    if holds(row, values[:cells]):
        return True
    for more in range(cells + 1, min(len(values), cells + WRAPS_IN_A_RUN) + 1):
        part = values[:more]
        lines = [list(line) for _, line in groupby(part, key=lambda v: v.line)]
        for reading in joined_readings(lines, cells):
            if holds(row, [part[0]._replace(text=text) for text in reading]):
                return True
    return False


def _moved_reading(run: list[Token], before: list[Token], surplus: int, cells: int) -> list[Token] | None:
    """A row read from the run before's last `surplus` values and its own run's first ones (None
    where the runs do not hold them, or the row's run is not a row's values: see shifts)."""
    if len(before) < surplus or len(run) != cells:
        return None
    return before[len(before) - surplus :] + run[: cells - surplus]


def _texts(values: list[Token]) -> list[str]:
    return [clean(v.text) for v in values]
