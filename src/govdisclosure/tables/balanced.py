"""Step 4b, last: table 三's values in printed order, row after row, where every identity holds on them.

Plain pdftotext and pdfminer print a table's cells in the reading order they rebuild from the PDF's
blocks. A table 三 printing every cell (0, 无, `/` or `—` for nothing) often comes out as its values
row after row, one a line, while its row labels stand wherever their blocks fall: a group's labels
listed before or after other rows' values, a label in the middle of its row's values. The readings
of detached.py need each run of values confirmed by the label printed right before it.

The values can still settle the table, and the identities say how far. The values are cut into the
template's rows, in its order, only when all of this holds:

- they are exactly as many as one template's cells, every row of the template has its label
  printed and every row label printed names one of its rows (no row is assumed to be there, and a
  2021 table with two blank rows, 2019's number of values, is no 2019 table), no value is a wrapped
  number's piece, and the text is not joined into one line (whose values stand on no lines that
  tell them apart);
- every identity of table 三 holds on the rows so cut (each row's total, each column's balance and
  outcome total; a none mark counts as nothing): a value printed apart from its row (a 总计 rows
  away) shifts every value after it and breaks them, so they settle where each row's values begin
  (the order of a row's values is the printed order, which a PDF's reading order keeps but for 无);
- every value worth nothing is printed the same way (all `0`, or all one none mark): the
  identities cannot tell `0` from `—`, so a mix of them could stand in each other's places unseen;
- every row the label-anchored reading placed gets the same values.

The identities do not settle which row is which: whole rows can take each other's places with
every identity holding, freely among rows summed on the same sides of them
(`identities.trading_places`: the two input rows; the outcome rows) and across such groups where
the figures allow it (一 and 二 with （一） and （二） when 四 and the other outcome rows are 0). The
printed order does, where the row labels printed come in the template's order
(`row_labels.printed_top_to_bottom`) and no run of values starts inside a row after another row's label:
the table was printed top to bottom, and the tools print its rows' values in that order too (of
1,240 tool texts of tables printing every cell, none printed whole rows out of it; of a review's
5,892 more, one did, its runs split by other rows' labels; docs/tables.md). Then every row is
given (basis `order`, so every check over it says `decided`). Where the labels come in another
order, a row is given only where its own label is printed among its values, or where every
placement the identities allow gives it the same values (`_settled`); a label between two rows'
values pins neither, since plain pdftotext prints some rows label first and others values first.
Each other row is `cell-unplaced`, saying why. A row whose
values mix 无 with numbers in a PDF's reading order, or run through other words, is still left
unplaced (drawn.py): 无's glyph moves in that order the same way in rows of the same shape, and the
identities would not show it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ..diagnostics import CELL_UNPLACED, CELLS_BY_ORDER
from ..identities import as_evidence, trading_places
from ..layout import Token
from ..model import Diagnostic, Number
from ..templates import Template, TemplateRegistry
from ..values import clean, read_cell
from .detached import agrees, has_broken_numbers, place_in_order
from .drawn import INTERRUPTED
from .grid import Grid
from .moved import every_identity_holds, one_moved, said_moved
from .regions import Region
from .row_labels import labels_fit, printed_top_to_bottom, row_labels
from .runs import ValueRun, value_runs

__all__ = ["reread_balanced"]

#: A row's printed values, cell by cell.
Texts = tuple[str, ...]

UNPINNED = (
    "values read in printed order, but no label printed at them shows this row's place, and other "
    "rows could take it with every identity still holding"
)


def _rows(values: Sequence[Token], order: Sequence[str], width: int) -> dict[str, tuple[Token, ...]]:
    return {row: tuple(values[i * width : (i + 1) * width]) for i, row in enumerate(order)}


def _pinned(runs: Sequence[ValueRun], starts: Sequence[int], order: Sequence[str], width: int) -> set[str]:
    """Rows whose own label is printed among their values (`starts`: where each run's first value
    stands among the table's). A label between two rows' values pins neither: plain pdftotext
    prints some rows label first and others values first, so it may be either row's."""
    return {
        order[start // width]
        for run, start in zip(runs, starts, strict=True)
        if start % width and start < width * len(order) and order[start // width] in run.before
    }


#: What the note adds where the row labels printed come in the template's order.
IN_ORDER = "; the row labels printed come in the template's order, and so do the rows"

# More placements than this, and only the rows pinned by their labels are given.
MAX_PLACEMENTS = 20_000


def _multisets(pool: Counter[Texts], size: int) -> Iterator[Counter[Texts]]:
    """Every sub-multiset of `size` items of the pool."""
    if size == 0:
        yield Counter()
        return
    items = sorted(pool)
    for k, item in enumerate(items):
        rest = Counter({i: pool[i] for i in items[k:]})
        rest[item] -= 1
        for tail in _multisets(+rest, size - 1):
            tail[item] += 1
            yield tail


def _settled(template: Template, rows: dict[str, Texts], pinned: set[str], lookup: bool = True) -> set[str]:
    """Rows whose values every placement of the rows' values the identities allow gives them.

    Rows summed on the same sides of every column identity (identities.trading_places) take each
    other's places freely, so each such group of unpinned rows is given a multiset of the printed
    rows' values, every way the column identities allow (the largest group takes what is left; a
    row's total moves with its row), and a row is settled where its group got one value in all of
    them. A pinned row keeps its own values. `lookup` false tries every multiset of the last group
    but one instead of looking up the sum it needs (slower; the tests compare the two).
    """
    places = trading_places(template, set(rows))
    sign = {"left": 1, "right": -1, "": 0}
    groups: dict[tuple[str, ...], list[str]] = {}
    for row in rows:
        if row not in pinned:
            groups.setdefault(places[row], []).append(row)
    order = sorted(groups, key=lambda g: len(groups[g]))
    # (Every cell is a number or a none mark here: the identities held on every row.)
    vectors = {t: [as_evidence(read_cell(c)) or 0 for c in t] for t in set(rows.values())}
    sides = range(len(next(iter(places.values()))))
    width = len(template.applications.value_columns)
    # Each column identity as one signed sum that must be 0, the pinned rows' share computed once.
    fixed = [
        [sum(sign[places[r][k]] * vectors[rows[r]][c] for r in pinned) for c in range(width)] for k in sides
    ]
    seen: dict[tuple[str, ...], set[Texts]] = {g: set() for g in order}
    budget = [MAX_PLACEMENTS]
    pool = Counter(rows[r] for r in rows if r not in pinned)
    everything = [sum(n * vectors[t][c] for t, n in pool.items()) for c in range(width)]

    def total(texts: Counter[Texts]) -> list[Number]:
        return [sum(n * vectors[t][c] for t, n in texts.items()) for c in range(width)]

    def holds(sums: dict[tuple[str, ...], list[Number]]) -> bool:
        return not any(
            fixed[k][c] + sum(sign[group[k]] * part[c] for group, part in sums.items())
            for k in sides
            for c in range(width)
        )

    def needed(
        group: tuple[str, ...], sums: dict[tuple[str, ...], list[Number]]
    ) -> tuple[Number, ...] | None:
        """The sum the last group but one must have for some identity to hold, the last group taking
        what is left; None when no identity tells it."""
        last = order[-1]
        for k in sides:
            if coefficient := sign[group[k]] - sign[last[k]]:
                rest = [
                    fixed[k][c]
                    + sum((sign[g[k]] - sign[last[k]]) * part[c] for g, part in sums.items())
                    + sign[last[k]] * everything[c]
                    for c in range(width)
                ]
                # (No sum of whole values is a fraction: then nothing fits, the empty key.)
                return () if any(r % coefficient for r in rest) else tuple(-r // coefficient for r in rest)
        return None

    # The last group but one, small: its multisets by their sum, to look up instead of trying each.
    second = order[-2] if lookup and len(order) > 1 and len(groups[order[-2]]) <= 3 else None
    by_sum: dict[tuple[Number, ...], list[Counter[Texts]]] = {}
    for chosen in _multisets(pool, len(groups[second])) if second else ():
        by_sum.setdefault(tuple(total(chosen)), []).append(chosen)

    def place(
        k: int,
        left: Counter[Texts],
        given: dict[tuple[str, ...], Counter[Texts]],
        sums: dict[tuple[str, ...], list[Number]],
    ) -> bool:
        budget[0] -= 1
        if budget[0] < 0:
            return False
        if k == len(order) - 1:
            # The largest group takes what is left: its sum is the pool's less the others'.
            rest = [everything[c] - sum(part[c] for part in sums.values()) for c in range(width)]
            if holds({**sums, order[k]: rest}):
                for group, texts in {**given, order[k]: left}.items():
                    seen[group] |= set(texts)
            return True
        group = order[k]
        choices: Iterable[Counter[Texts]] = _multisets(left, len(groups[group]))
        if group == second and (want := needed(group, sums)) is not None:
            choices = [c for c in by_sum.get(want, []) if all(left[t] >= n for t, n in c.items())]
        return all(
            place(k + 1, left - chosen, {**given, group: chosen}, {**sums, group: total(chosen)})
            for chosen in choices
        )

    if order and not place(0, pool, {}, {}):
        return set(pinned)
    return {row for row in rows if row in pinned or len(seen[places[row]]) == 1}


def _read(
    template: Template, grid: Grid, values: Sequence[Token], order: Sequence[str], width: int
) -> tuple[dict[str, tuple[Token, ...]], str] | None:
    """The rows of the values cut in printed order, where every identity holds on them; else in
    the one order with a value moved (moved.py) on which they all do; with a note of that move."""
    columns = template.applications.value_columns

    def holds(rows: dict[str, tuple[Token, ...]]) -> bool:
        return (
            not set(grid.rows) - set(rows)
            and agrees(grid, rows, dict.fromkeys(order, columns))
            and every_identity_holds(template, rows)
        )

    printed = _rows(values, order, width)
    if holds(printed):
        return printed, ""
    readings = [
        (rows, token, slip)
        for m, token, slip in one_moved(values, width)
        if holds(rows := _rows(m, order, width))
    ]
    # One reading only, and no report's own slip: a slip's reading, where the identities hold on it,
    # is what the report may print, and then no reading is the one.
    if len(readings) != 1 or readings[0][2]:
        return None
    rows, token, _ = readings[0]
    return rows, said_moved(rows, columns, token)


def reread_balanced(region: Region, grid: Grid, registry: TemplateRegistry) -> tuple[Grid, str] | None:
    """Table 三 read from its values in printed order, row after row, with the one template whose
    cells they fill and whose identities they all satisfy; None unless that places rows the
    label-anchored reading left unplaced."""
    if not grid.has_unplaced() or has_broken_numbers(region) or region.one_line:
        return None
    runs = value_runs(region)
    values = [v for run in runs for v in run.values]
    if not values:
        return None
    labels = row_labels(region)
    fits: list[tuple[Grid, str]] = []
    notes: list[str] = []
    for template in registry:
        spec = template.applications
        order = [r.id for r in spec.rows if r.standard]
        width = len(spec.value_columns)
        if len(values) != width * len(order) or not labels_fit(labels, order):
            continue
        read = _read(template, grid, values, order, width)
        if read is None:
            continue
        rows, moved = read
        # Where each run's first value stands among the rows' values (a moved value shifts some).
        position = {id(t): i for i, t in enumerate(v for tokens in rows.values() for v in tokens)}
        starts = [position[id(run.values[0])] for run in runs]
        # The runs that begin after words naming nothing: a row whose values they cut is interrupted.
        cut = {start for run, start in zip(runs, starts, strict=True) if run.interrupted}
        texts = {row: tuple(clean(t.text) for t in tokens) for row, tokens in rows.items()}
        # A table printed top to bottom prints its rows' values in the template's order too
        # (docs/tables.md); else only what the identities settle.
        in_order = printed_top_to_bottom(labels, runs, starts, order, width)
        settled = (
            set(order)
            if in_order
            else _settled(template, texts, _pinned(runs, starts, order, width) | set(grid.rows))
        )
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
                place_in_order(fresh, row, spec.value_columns, tokens, INTERRUPTED if interrupted else None)
        fits.append((fresh, template.name))
        notes.append((IN_ORDER if in_order else "") + moved)
    if len(fits) != 1 or set(fits[0][0].rows) == set(grid.rows):
        return None
    fresh, name = fits[0]
    message = (
        f"{fresh.table}: {len(fresh.rows) - len(grid.rows)} rows read in printed order, row after row "
        "(labels printed apart from their values): the values fill the template's cells exactly and "
        f"every identity of the table holds on them{notes[0]}"
    )
    fresh.diagnostics.append(Diagnostic(CELLS_BY_ORDER, message, values[0].line))
    return fresh, name
