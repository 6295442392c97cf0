"""Step 4b for tables 二 and 三: labels printed apart from their values (FORMAT.md §2.2 E).

Plain pdftotext prints a table's cells in the PDF's drawing order: some rows label-first, some
values-first with their labels listed later, some column by column (ten 自然人 values, then ten
商业企业 values …). The label-anchored reading (rows.py) places what it can and reports the rest
`cell-unplaced`; this module then reads the whole table again as one stream of value runs in
printed order, and accepts that reading only when the text confirms it at every point:

- the runs decode into rows one way only (one-value runs with no row label between them make a row
  when they hold as many values as a row has, the last run maybe holding the row's last values:
  seven one-value runs, or five and a line holding 其他's and 总计's values; seven equal runs of
  k values make k rows printed column by column, and then every one of those rows must satisfy
  its row total, which is what shows the block is column-major);
- the rows decoded are exactly as many as the template's rows, and every one of those rows has
  its label printed somewhere in the table (no row is assumed to be there);
- every row label printed right before a run names the row the run starts (or, for a
  column-major block, one of its rows), and labels listed after a block come in template order;
- every row the label-anchored reading had placed gets the same values;
- for table 二, a row whose first value is printed before its label, in a text box of its own,
  is not read where a block before printed fewer values than its cells: such a value may be that
  block's, drawn late (drawn.DRIFTED);
- for table 三, no row breaks a row total that one value moved would make hold (moved.py): runs of
  one value each still decode after a tool moved a value, the rows it shifted cut as printed;
- for table 三, at most two rows the reading cuts (rows not read beside their own label) break
  their row totals: a report's own slip breaks one or two (a value typed in another row's cell),
  while a stream of one-value runs printed column by column (pdfminer on small type: 自然人's
  values, then the other columns') also fills the cells exactly and, cut into rows as printed,
  breaks the totals of most rows that hold a value (six or more in a review's 28 such tables).

A table that passes is placed in template order with a `cells-by-order` note; one that does not
keeps the label-anchored result and its `cell-unplaced` diagnostics. A table of text joined into
one line is not read again: its runs of values stand on no lines that tell them apart.

Longer than 300 lines on purpose: the printed-order reading and every check that must hold before it
is accepted are one decision; split, the checks could drift from the reading they guard.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from ..diagnostics import CELL_UNPLACED, CELLS_BY_ORDER
from ..layout import Token, printed_total_holds
from ..model import Diagnostic
from ..templates import ActiveDisclosureSpec, Template, TemplateRegistry
from .drawn import DRAWN_ORDER, DRIFTED, INTERRUPTED, one_row_printed, shows_column_order
from .grid import Grid
from .header_words import named_by
from .moved import every_identity_holds, identities_kept, moved_runs, one_move_mends, said_moved
from .regions import MatchedRow, Region
from .row_labels import labelled_rows, labels_fit, row_labels
from .runs import ValueRun, value_runs
from .wrapped import WRAP_UNSHOWN, may_hide_a_wrap

__all__ = [
    "agrees",
    "has_broken_numbers",
    "place_in_order",
    "reread_active",
    "reread_applications",
]

# A block's column header printed after its column's value in the first row (`规章… 0` / `本年制发件数`
# / `0` / `0` / `行政规范性文件` / `0` / `68` / `11` for 11 0 68: a review's seed 20268820 r016-v0,
# Chromium's PDF through plain pdftotext, 规章's long label on one line over the first column): the
# reading order went back through the header after the rows began, and values after it need not
# stand in their columns' order. (Header cells after all of a block's values, Chromium's habit,
# precede none.)
THROUGH_HEADER = (
    "values printed after their block's column header, drawn after that column's value: "
    "a PDF's reading order went back through the header, and their order is not shown"
)

# A row label's text block holding its row's first value (`规章（…数据） 0` / `0` / `0` /
# `规范性文件` / `0` / `2` / `2` for 2 0 2: review seed 20268822 r092-v1, Chromium's PDF through
# plain pdftotext, cells aligned left): the label ran into the first column's place, and the
# reading order drew the later rows' first-column values after their others.
INTO_LABEL = (
    "values after a row label that ran into the first column's place: a PDF's reading order "
    "may draw that column's values after the others, and their order is not shown"
)

# A block printed column by column whose runs the identities do not tell apart (_traded_columns).
COLUMNS_UNSHOWN = (
    "{} rows printed column by column, a run of values for each column: every identity holds with "
    "the runs read as {} and {} traded, so which run is which column is not shown; not read"
)

# More decodings than this means the runs say too little about the rows: read nothing.
MAX_DECODINGS = 64
# A search longer than this (a template with very many rows) is given up: read nothing.
MAX_STEPS = 20_000


def _blocks(region: Region) -> Iterator[Region]:
    """Table 二 split at its 第二十条 captions: each block's rows read on their own."""
    rows: list[MatchedRow] = []
    for row in region.rows:
        if any(e.table == region.table and e.kind == "caption" for m in row.matches for e in m.entries):
            if rows:
                yield Region(region.table, tuple(rows))
            rows = []
        rows.append(row)
    if rows:
        yield Region(region.table, tuple(rows))


# A NamedTuple, not an attrs class: internal, and cheaper to define at import (docs/performance.md).
class _Rows(NamedTuple):
    """Rows decoded from consecutive runs: one or more printed row by row, or a column-major block."""

    rows: tuple[tuple[Token, ...], ...]
    before: frozenset[str]
    after: tuple[frozenset[str], ...]
    column_major: bool
    # One row of one-value runs with words that name nothing between them (a header's pieces,
    # plain pdftotext): the reading order went through other blocks there, and the row's values
    # need not be in their columns' order (held-out seed 7, r087).
    interrupted: bool = False


def _decodings(runs: Sequence[ValueRun], width: int, rows: int, column_major: bool) -> list[list[_Rows]]:
    """Every way the runs split into `rows` rows of `width` values (none past the search limits)."""
    if sum(len(r.values) for r in runs) != width * rows:
        return []
    found: list[list[_Rows]] = []
    steps = 0

    def walk(i: int, acc: list[_Rows], done: int) -> None:
        # Each step places at least one row and there are at most `rows`: the depth stays small.
        nonlocal steps
        steps += 1
        if len(found) > MAX_DECODINGS or steps > MAX_STEPS or done > rows:
            return
        if i == len(runs):
            found.append(list(acc))
            return
        run, k = runs[i], len(runs[i].values)
        if k % width == 0:  # whole rows, row by row
            whole = tuple(run.values[j : j + width] for j in range(0, k, width))
            walk(i + 1, [*acc, _Rows(whole, run.before, run.after, False)], done + len(whole))
        elif k < width and (end := _row_end(runs, i, width)) is not None:
            # Runs shorter than a row, no label before any but the first, as many values as a row
            # has: one row (one value a line, the last line maybe holding the row's last values).
            row = tuple(v for r in runs[i:end] for v in r.values)
            interrupted = any(r.interrupted for r in runs[i + 1 : end])
            walk(end, [*acc, _Rows((row,), run.before, runs[end - 1].after, False, interrupted)], done + 1)
        group = runs[i : i + width]
        if (
            width == 1
            or k == 1
            or len(group) < width
            or any(len(r.values) != k or r.before for r in group[1:])
        ):
            return
        if column_major:  # `width` runs of k values: k rows printed column by column
            block = tuple(tuple(r.values[j] for r in group) for j in range(k))
            walk(i + width, [*acc, _Rows(block, run.before, group[-1].after, True)], done + k)

    walk(0, [], 0)
    # A search cut short may have missed a reading that disagrees: then none is trusted.
    return [] if len(found) > MAX_DECODINGS or steps > MAX_STEPS else found


def _row_end(runs: Sequence[ValueRun], start: int, width: int) -> int | None:
    """The index after the runs from `start` that hold exactly `width` values, one value each but
    the last, with no row label before any but the first; None otherwise."""
    counts: list[int] = []
    end = start
    while end < len(runs) and sum(counts) < width:
        if end > start and runs[end].before:
            return None
        counts.append(len(runs[end].values))
        end += 1
    return end if one_row_printed(counts, width) else None


def _place(decoding: Sequence[_Rows], order: Sequence[str]) -> _Placed | None:
    """The decoding's rows in template order, if it has as many rows and the labels agree."""
    if sum(len(b.rows) for b in decoding) != len(order):
        return None
    known = set(order)
    index = 0
    column_major: list[tuple[str, ...]] = []
    for block in decoding:
        ids = order[index : index + len(block.rows)]
        named = block.before & known
        if named and not named & set(ids if block.column_major else ids[:1]):
            return None
        if block.column_major:
            if not all(printed_total_holds(r) for r in block.rows):
                return None
            listed = [order.index(i) for label in block.after for i in sorted(label & set(ids))]
            if listed != sorted(listed):
                return None
            column_major.append(tuple(ids))
        index += len(block.rows)
    rows = [row for block in decoding for row in block.rows]
    interrupted = [block.interrupted for block in decoding for _ in block.rows]
    placed = dict(zip(order, rows, strict=True))
    doubted = frozenset(r for r, cut in zip(order, interrupted, strict=True) if cut)
    return _Placed(placed, doubted, tuple(column_major))


class _Placed(NamedTuple):
    """A decoding's rows by row id, and the rows whose values' order is not shown (`_Rows.interrupted`)."""

    rows: dict[str, tuple[Token, ...]]
    interrupted: frozenset[str]
    # The rows of each block read column by column, top to bottom.
    column_major: tuple[tuple[str, ...], ...] = ()


def _traded_columns(placed: _Placed, template: Template) -> tuple[str, str] | None:
    """Two columns of a column-major block that the identities do not tell apart: traded in that
    block, they print different values and every identity the reading keeps still holds. None
    where the identities show every block's columns in their printed order.

    Row totals show that a block is printed column by column, not which column each run is: a
    PDF's drawing order need not be its columns' (pdfminer drew 社会公益组织's values before
    商业企业's, review seed 20268839 r042-v1), and a table printed whole column by column keeps
    every identity with any two of its applicant columns traded. Where other rows were read in
    their columns, the column identities tell a block's columns apart, unless two of them sum alike.
    """
    kept = identities_kept(template, placed.rows)
    columns = template.applications.value_columns
    for block in placed.column_major:
        for a, b in itertools.combinations(range(len(columns)), 2):
            if all(placed.rows[r][a].text == placed.rows[r][b].text for r in block):
                continue  # (the same values either way)
            traded = {r: _swapped(v, a, b) if r in block else v for r, v in placed.rows.items()}
            if kept <= identities_kept(template, traded):
                return columns[a], columns[b]
    return None


def _swapped(values: tuple[Token, ...], a: int, b: int) -> tuple[Token, ...]:
    """The values with the ones at `a` and `b` exchanged."""
    out = list(values)
    out[a], out[b] = out[b], out[a]
    return tuple(out)


def _read(runs: Sequence[ValueRun], width: int, order: Sequence[str], column_major: bool) -> _Placed | None:
    """The one placement every valid decoding agrees on, or None."""
    placements = [
        p for d in _decodings(runs, width, len(order), column_major) if (p := _place(d, order)) is not None
    ]
    if not placements:
        return None
    texts = [({r: tuple(t.text for t in ts) for r, ts in p.rows.items()}, p.interrupted) for p in placements]
    return placements[0] if all(t == texts[0] for t in texts) else None


def _read_moved(
    runs: Sequence[ValueRun], template: Template, order: Sequence[str]
) -> tuple[_Placed, Token] | None:
    """The one placement of the runs with one value moved (moved.py) that every identity holds on,
    with the value moved; None where there is none or more than one."""
    width = len(template.applications.value_columns)
    if sum(len(run.values) for run in runs) != width * len(order):
        return None  # (a move keeps the count: the values must fill the template's cells already)
    found: dict[tuple[tuple[str, ...], ...], tuple[_Placed, Token, bool]] = {}
    for moved, value, slip in moved_runs(runs, width):
        placed = _read(moved, width, order, column_major=True)
        if placed is not None and every_identity_holds(template, placed.rows):
            key = tuple(tuple(t.text for t in v) for v in placed.rows.values())
            found.setdefault(key, (placed, value, slip))
    # One placement only, and no report's own slip (moved.py): a slip's reading is a rival too.
    if len(found) != 1:
        return None
    placed, value, slip = next(iter(found.values()))
    return None if slip or _traded_columns(placed, template) else (placed, value)


def _totals_broken(rows: dict[str, tuple[Token, ...]], read_beside_labels: set[str]) -> int:
    """How many of the rows cut from the printed order, but those read beside their own labels,
    break their row totals."""
    cut = [tokens for row, tokens in rows.items() if row not in read_beside_labels]
    return sum(not printed_total_holds(tokens) for tokens in cut)


def agrees(grid: Grid, placed: dict[str, tuple[Token, ...]], columns_of: dict[str, tuple[str, ...]]) -> bool:
    """True when every row the label-anchored reading placed has the same values here."""
    for row, cells in grid.rows.items():
        tokens = placed.get(row)
        if tokens is None:
            continue
        mine = {c: t.number for c, t in zip(columns_of[row], tokens, strict=True)}
        if any(mine.get(c) != cell.value for c, cell in cells.items()):
            return False
    return True


def _note(grid: Grid, rows: int, line: int | None, moved: str = "") -> None:
    if not rows:
        return  # (every row the reading found was said unplaced)
    message = (
        f"{grid.table}: {rows} rows read in printed order (labels printed apart from their values): "
        "every row's label is printed, the labels beside the values follow the template's row "
        f"order, and every row but at most two satisfies its row total (every row of a block printed "
        f"column by column){moved}"
    )
    grid.diagnostics.append(Diagnostic(CELLS_BY_ORDER, message, line))


def _labelled_row_by_row(runs: Sequence[ValueRun], rows: Sequence[str], columns: Sequence[str]) -> bool:
    """True when each row's values come right after that row's own label, row after row."""
    width = len(columns)
    if all(len(run.values) == 1 for run in runs) and len(runs) == len(rows) * width:
        firsts = runs[::width]
    elif len(runs) == len(rows) and all(len(run.values) == width for run in runs):
        firsts = list(runs)
    else:
        return False
    # A row's label just before its values; or, values right after the header, the label just
    # after them (PDF text that prints a row's values above its label).
    return all(
        run.before == frozenset({row}) or (not run.before and run.after[:1] == (frozenset({row}),))
        for run, row in zip(firsts, rows, strict=True)
    )


def place_in_order(
    grid: Grid, row: str, columns: Sequence[str], tokens: Sequence[Token], interrupted: str | None = None
) -> None:
    """A row decoded from the printed order placed so (basis order), unless the order of its
    values is a PDF's reading order that does not show their columns (drawn.py), or went through
    other words (`interrupted` says which: INTERRUPTED, THROUGH_HEADER); values all printed alike
    (seven `0`s) show no order, and need none."""
    shown = " ".join(t.text.strip() for t in tokens)
    alike = len({t.text.strip() for t in tokens}) == 1
    if interrupted and grid.reading_order and not alike:
        grid.unplaced(f"{row}: {interrupted} ({shown})", tokens[0].line)
    elif grid.table != "applications" and may_hide_a_wrap(tokens):
        grid.unplaced(f"{row}: {WRAP_UNSHOWN} ({shown})", tokens[0].line)
    elif shows_column_order(tokens, grid.reading_order):
        grid.place(row, columns, tokens, basis="order")
    else:
        grid.unplaced(f"{row}: {DRAWN_ORDER} ({shown})", tokens[0].line)


def _foreign(part: Region, rows: Sequence[str], columns: Sequence[str]) -> bool:
    """True when a block's part names another block's row or column before some of its values:
    pdfminer printed one block's caption before the block above had printed its cells
    (`第二十条第（五）项` / `第二十条第（六）项` / `行政许可` / … / `4,221`), or a column's header and
    value apart from their block (`政府集中采购` / `本年增/减` / `1`: 行政事业性收费's change), and the
    printed order mixes the blocks (held-out seed 7, r155, r014). (The next block's header words
    after all of a block's values, plain pdftotext's habit, mix nothing.)"""
    own = {"row": set(rows), "column": set(columns)}
    named = False
    for r in part.rows:
        for m in r.matches:
            if named and m.token.kind == "value":
                return True
            named = named or any(
                e.table == part.table and e.kind in own and e.id not in own[e.kind] for e in m.entries
            )
    return False


def _header_after_values(part: Region, columns: Sequence[str]) -> int | None:
    """The line of a block's own column header printed after more of the block's values than
    stand left of its column in a row: its column's value in the first row was drawn before it
    (THROUGH_HEADER). A header cell drawn among the first row's values at its column's place, or
    before it, leaves the order shown (pdfminer's column boxes: `上一年项目数量` / `行政事业性收费`
    / `21` / `本年增/减` / `/`; a tall header cell drawn at the first row's height: `行政许可` / `0` /
    `2` / `处理决定数量` / `0`)."""
    values = 0
    for row in part.rows:
        for m in row.matches:
            own = [c for c in named_by(m, part.table) if c in columns]
            if own and columns.index(own[0]) < values:
                return m.token.line
            values += m.token.kind == "value"
    return None


def _header_repeated(part: Region, columns: Sequence[str]) -> bool:
    """True when a column header of the block is printed twice in its part, values after each:
    one of the two is a block before's, with that block's values after it (pdfminer: `行政许可` /
    `行政处罚` / `本年处理决定数量` / `51,700` / `本年处理决定数量` / `691`, 51,700 行政许可's). (A copy
    after the part's last value is the next block's header drawn before its caption.)"""
    seen: set[str] = set()
    repeated = False
    for row in part.rows:
        for m in row.matches:
            if repeated and m.token.kind == "value":
                return True
            named = set(named_by(m, part.table)) & set(columns)
            repeated = repeated or bool(named & seen)
            seen |= named
    return False


def _label_into_values(part: Region, rows: Sequence[str]) -> int | None:
    """The line of a row's first value printed in its row label's text block, alone, the row's
    next value on a line after it: on the label's line, or on the line right after it where the
    block's other values stand a line apart (plain pdftotext parts its text blocks with an empty
    line). The label ran into the first column's place (INTO_LABEL); None if no row's did. (A
    row printed whole on its label's line is one text block, in its columns' order.)"""
    tokens = [(m.token, m.entries) for r in part.rows for m in r.matches]
    lines = [t.line for t, _ in tokens if t.kind == "value"]
    apart = all(b - a >= 2 for a, b in itertools.pairwise(lines))
    label: int | None = None  # the last line of a row label's text, up to its first value
    for at, (token, entries) in enumerate(tokens):
        if token.kind == "text":
            named = any(e.table == part.table and e.kind == "row" and e.id in rows for e in entries)
            # (Words naming nothing after it are its wrapped tail: `规章（…相关` / `数据）`.)
            label = token.line if named or (label is not None and not entries) else None
            continue
        if label is not None and (token.line == label or (apart and token.line == label + 1)):
            # The row's next value, past the label's pieces printed after this one (`规章（设区的` /
            # `市、自治州人` / `0` / `民政府应提供` / `相关数据）` / `0` / `0`: seed 20268817 r095-v0).
            after = next((t for t, e in tokens[at + 1 :] if t.kind != "text" or e), None)
            if after is not None and after.kind == "value" and after.line > token.line:
                return token.line
        label = None
    return None


def _interrupted(
    decoded: _Placed, row: str, tokens: Sequence[Token], late: int | None, into: int | None = None
) -> str | None:
    """Why a decoded row's printed order may not be its columns': words between its runs
    (INTERRUPTED), values after its block's header drawn late (THROUGH_HEADER), or after a row
    label that ran into the first column (INTO_LABEL)."""
    if row in decoded.interrupted:
        return INTERRUPTED
    if late is not None and any(t.line > late for t in tokens):
        return THROUGH_HEADER
    return INTO_LABEL if into is not None and all(t.line > into for t in tokens) else None


def _drawn_above_label(lines: Sequence[int], part: Region, row: str, first: Token) -> bool:
    """True when a row's first value is printed before the row's label, a text box of its own: a
    blank line before and after it, as plain pdftotext and pdfminer part a PDF's text boxes, which
    they print in the boxes' order, not down the page (pdfplumber's and markitdown's lines follow
    the page: a value above its label there stands above it). `lines`: the table's rows' lines."""
    labels = [
        r.row.line
        for r in part.rows
        for m in r.matches
        if any(e.table == part.table and e.kind == "row" and e.id == row for e in m.entries)
    ]
    if not labels or min(labels) <= first.line:
        return False
    # (A row's line is its first: a cell row grouped from lines one cell a line may hold the value
    # on a later line, so the nearest rows are found by comparing, never by looking the line up.)
    above = max((n for n in lines if n < first.line), default=first.line - 2)
    below = min((n for n in lines if n > first.line), default=first.line + 2)
    return above < first.line - 1 and below > first.line + 1


def _values_before_header(part: Region) -> bool:
    """True when a value is printed after the block's caption and before its header row."""
    for row in part.rows[1:]:
        if any(e.table == part.table and e.kind == "header" for m in row.matches for e in m.entries):
            return False
        if any(m.token.kind == "value" for m in row.matches):
            return True
    return False


def has_broken_numbers(region: Region) -> bool:
    # A number a narrow cell wrapped in two (`2,90` / `1`) leaves pieces that read as values: the
    # printed order then holds more values than cells, and no reading of it can be trusted.
    return any(t.kind == "broken" for r in region.rows for t in r.row.tokens)


def reread_applications(region: Region, grid: Grid, registry: TemplateRegistry) -> tuple[Grid, str] | None:
    """Table 三 read in printed order, with the template it fits; None unless exactly one fits and it
    places rows the label-anchored reading left unplaced or waiting for the identities."""
    # (Runs of values are told apart by the lines they stand on: one line of text shows none.)
    if not (grid.fused or grid.has_unplaced()) or has_broken_numbers(region) or region.one_line:
        return None
    runs = value_runs(region)
    labels = row_labels(region)
    fits: list[tuple[Grid, str]] = []
    notes: list[str] = []
    unshown: tuple[tuple[str, str], _Placed] | None = None  # a reading whose columns' order is not shown
    for template in registry:
        spec = template.applications
        order = list(template.standard_row_ids("applications"))
        columns = spec.value_columns
        if not runs or not labels_fit(labels, order):
            continue
        decoded = _read(runs, len(columns), order, column_major=True)
        if decoded is not None and (traded := _traded_columns(decoded, template)):
            unshown = (traded, decoded)
            decoded = None
        if decoded is not None and (
            one_move_mends(decoded.rows, len(columns)) or _totals_broken(decoded.rows, set(grid.rows)) > 2
        ):
            # Runs can still decode after a tool moved a value, the rows it shifted breaking their
            # totals: where one move would mend them, only the moved reading may read the table.
            # Rows that break their totals more than a report's own slip would were cut wrong.
            decoded = None
        moved = ""
        if decoded is None and (found := _read_moved(runs, template, order)) is not None:
            decoded, value = found
            moved = said_moved(decoded.rows, columns, value)
        placed = decoded.rows if decoded is not None else {}
        if (
            decoded is None
            or set(grid.rows) - set(placed)
            or not agrees(grid, placed, dict.fromkeys(order, columns))
        ):
            continue
        kept = [d for d in grid.diagnostics if d.code != CELL_UNPLACED]
        fresh = Grid(grid.table, diagnostics=kept, units=dict(grid.units), reading_order=grid.reading_order)
        for row, tokens in placed.items():
            if row in grid.rows:
                # Read beside its own label, and the order agrees: printed in place, no basis.
                fresh.place_cells(row, grid.rows[row])
            else:
                place_in_order(fresh, row, columns, tokens, _interrupted(decoded, row, tokens, None))
        fits.append((fresh, template.name))
        notes.append(moved)
    if len(fits) != 1 or set(fits[0][0].rows) == set(grid.rows):
        if not fits and unshown is not None:
            (a, b), reading = unshown
            block = reading.column_major[0]
            first = min(t.line for r in block for t in reading.rows[r])
            grid.unplaced(COLUMNS_UNSHOWN.format(len(block), a, b), first)
        return None
    fresh, name = fits[0]
    _note(fresh, len(fresh.rows), runs[0].values[0].line, notes[0])
    return fresh, name


def reread_active(region: Region, grid: Grid, spec: ActiveDisclosureSpec) -> Grid | None:
    """Table 二 with each block the label-anchored reading left incomplete read in printed order.

    Table 二 has no row total, so a block is read row by row only, never column-major; None when
    no block reads this way.
    """
    if has_broken_numbers(region) or region.one_line:
        return None
    rows = {r: dict(c) for r, c in grid.rows.items()}
    fresh = Grid(grid.table, rows=rows, units=dict(grid.units), reading_order=grid.reading_order)
    read: set[int] = set()  # lines of the blocks read here
    seen = False  # a value printed before this block (an earlier block, or before the first caption)
    earlier: list[str] = []  # the rows of the blocks before this one
    short = False  # a block before this one printed fewer values than its cells
    lines = [r.row.line for r in region.rows]
    for part in _blocks(region):
        # (A block before with a row no cell was read for may have its values printed late too:
        # pdfminer printed 行政许可's `2,802` after 第二十条第（六）项's caption, seed 20268809 r029.)
        values_earlier = seen or any(r not in fresh.rows for r in earlier)
        printed = sum(m.token.kind == "value" for r in part.rows for m in r.matches)
        seen = seen or bool(printed)
        captions = {e.id for m in part.rows[0].matches for e in m.entries if e.kind == "caption"}
        block = next((b for b in spec.blocks if b.caption in captions), None)
        earlier += block.rows if block is not None else ()
        cells = len(block.rows) * len(block.columns) if block is not None else 0
        short_before, short = short, short or printed < cells
        if (
            block is None
            or any(r.row.line in grid.order_doubted for r in part.rows)
            or all(r in grid.rows for r in block.rows)
            or not set(block.rows) <= labelled_rows(part)
            or _foreign(part, block.rows, block.columns)
        ):
            continue
        runs = value_runs(part)
        # Values between the caption and the block's header belong to the block before (plain
        # pdftotext prints a row's last value after the next caption), if a block before printed
        # values: Chromium's PDFs draw the first block's 信息内容 / 对外公开总数量 header cells after
        # its rows (`规章` / `0` / `0` / `0` / `规范性文件` / `8` / `8` / `8` / `信息内容`); and a block
        # of several rows and columns printed without a label before each row may be column by
        # column (pdfminer), which table 二, with no row total, cannot tell from row by row.
        several = len(block.rows) > 1 and len(block.columns) > 1
        if (
            (values_earlier and _values_before_header(part))
            or _header_repeated(part, block.columns)
            or (several and not _labelled_row_by_row(runs, block.rows, block.columns))
        ):
            continue
        decoded = _read(runs, len(block.columns), block.rows, column_major=False)
        if decoded is None or not agrees(grid, decoded.rows, dict.fromkeys(block.rows, block.columns)):
            continue
        late = _header_after_values(part, block.columns)
        into = _label_into_values(part, block.rows)
        for row, tokens in decoded.rows.items():
            if row in grid.rows:
                continue  # (read beside its label: stays as printed)
            if short_before and _drawn_above_label(lines, part, row, tokens[0]):
                # Printed before its label: it may be a value a block before drew late (DRIFTED).
                fresh.unplaced_row(row, DRIFTED, tokens, tokens[0].line)
                continue
            place_in_order(fresh, row, block.columns, tokens, _interrupted(decoded, row, tokens, late, into))
        read |= set(range(part.rows[0].row.line, part.rows[-1].row.line + 1))
    if not read:
        return None
    # (What the rows placed here left unplaced stays said.)
    kept = [d for d in grid.diagnostics if d.code != CELL_UNPLACED or d.line not in read]
    fresh.diagnostics = kept + fresh.diagnostics
    _note(fresh, len(fresh.rows) - len(grid.rows), min(read))
    return fresh
