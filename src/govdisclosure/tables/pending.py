"""Step 4c for tables 二 and 三: a row label whose values are not all on its own line (§2.2 C, E).

PDF text prints a row's label and values apart: the values on the line after a wrapped label, one
per line, around a tall label cell's middle. The assembly (rows.py) gathers them under the label
they follow; `put_pending` places them only in the shapes that settle each value's column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from ..layout import Token, sums_something
from ..model import Diagnostic
from ..values import clean
from .aligned import PIECES_APART, ColumnAnchors
from .bounds import may_be_pieces
from .drawn import DRAWN_ORDER, DRIFTED, INTERRUPTED, STACKED, one_row_printed, shows_column_order, stacked
from .grid import FusedRun, Grid, ShortRow
from .place import put_row
from .spaced_digits import put_spaced
from .waiting import Pending
from .wrapped import joined_readings

# Labels and whole values lines alternating after a values line no label owned: each line may be
# the label's above it or the one's below it (a row's values above its label, pdfplumber).
BETWEEN = "values printed between two labels after a line no label owned: above or below its label, not shown"
DOUBLED = (
    "two values lines inside a wrapped label's cell, or inside and right after it: whose each is, not shown"
)

STRAY_GAPS = (
    "a values line no label owned stands right before this row: the gaps of its line may be that "
    "line's values, not blank cells"
)
LATE = (
    "values after a label whose row before printed none (or none surely its own): in a PDF's "
    "reading order they may be that row's, drawn after this label"
)
# pdfminer drew 行政处罚's 1434 after the next block's label and its own block's header
# (`行政事业性收费` / `本年处理决定数量` / `1434`: fresh review seed 20268843 r080-v1).
OTHER_HEADER = (
    "values after a column header of another block: a PDF's reading order went through that "
    "block, and they may be its row's"
)

SPACED_APART = "values printed apart from the label, letter-spaced: not shown to be its row's"

__all__ = ["STRAY_GAPS", "put_pending"]


def put_pending(
    grid: Grid,
    pending: Pending,
    columns: tuple[str, ...],
    confirm: Callable[[str, list[Token]], bool],
    own: bool = True,
    local: bool = True,
    aligned: bool = False,
    anchors: ColumnAnchors | None = None,
    drifted: bool = False,
    alone: bool = False,
    before_next: bool = False,
) -> None:
    """A label's values gathered from the lines after it, placed only in the shapes PDF text shows.

    - the whole row on the line after the label (a wrapped label, pdftotext -raw, pdfplumber);
    - the row's values on lines after the label, one per line (plain pdftotext) or some lines
      holding several (a wrapped number's lines among the others, pdftotext -raw), the first maybe
      beside the label: placed by printed order (basis order) only if the row's identity holds
      (table 三's row total; for table 二, which has none, the text printing its rows in order:
      order.py), since a blank cell leaves no trace there and the next row's values could fill
      the gap.
    A number printed broken nearby, or any other shape, places nothing; nor does a label whose
    values after it may be another label's (`own` false: see assemble_rows). A row of one-line
    text that shows another order (`Pending.by_order`) is placed whole only where its identity
    holds too (`confirm`), and says its basis order. Values that only the
    text's printing order gives this label (`local` false) carry basis order. `drifted`: a block
    before printed fewer values than its cells in a PDF's reading order, so values after the label
    may be that block's (drawn.DRIFTED): they place nothing. `alone`: the row has an identity
    (table 三's row total), its block did not open with values and its text stands on lines, so
    values right after its label may be placed on that identity even where `own` is false;
    `before_next`: the block's next label names the template's next row. In aligned text a label
    with no value anywhere is a blank row, and a line printing some of a row's cells is
    placed by where its values stand (aligned.py).
    """
    n = len(columns)
    gathered = pending.gathered()
    shown = " ".join(v.text.strip() for v in gathered)
    if pending.broken:
        grid.unplaced(
            f"{pending.row}: a number printed broken across lines near this row ({shown})", pending.line
        )
        return
    if pending.doubled:
        grid.unplaced(f"{pending.row}: {DOUBLED} ({shown})", pending.line)
        return
    if pending.between and pending.after and not pending.own:
        said = grid.unplaced(f"{pending.row}: {BETWEEN} ({shown})", pending.line)
        _short(grid, pending, columns, said, shown=False)
        return
    if drifted and pending.after:
        grid.unplaced(f"{pending.row}: {DRIFTED} ({shown})", pending.line)
        return
    if pending.other_header and pending.after:
        grid.unplaced(f"{pending.row}: {OTHER_HEADER} ({shown})", pending.line)
        return
    if pending.drawn_late:
        said = grid.unplaced(f"{pending.row}: {LATE} ({shown})", pending.line)
        _short(grid, pending, columns, said, shown=False)
        return
    if not pending.after:
        # Aligned text shows which cells a row prints by where its values stand (aligned.py).
        picked = anchors.pick(pending.own, columns) if anchors is not None else None
        if (
            picked is not None
            and anchors is not None
            and anchors.may_fill_gaps(pending.under_stray, picked, columns)
        ):
            # A values line no label owned stands right above: its values may be this row's,
            # printed off its line (a centred cell's), so the line's gaps show no blank cell.
            grid.unplaced_row(pending.row, STRAY_GAPS, pending.own, pending.line)
        elif picked is not None:
            grid.place(pending.row, columns, picked)
        elif pending.own:
            placed = anchors.pick_but_last(pending.own, columns) if anchors is not None else None
            put_row(grid, pending.row, columns, pending.own, pending.line, placed=placed)
        elif aligned and not pending.after_stray and (anchors is None or anchors.shows(columns)):
            # Printed with no value anywhere, in text that keeps each blank cell's place as a gap;
            # on a PDF's pages, where a page shows the columns' last one (a table wider than its
            # page is cut at its edge: all its value columns may be past the cut, header and all).
            grid.place(pending.row, columns, [Token("empty", "", pending.line)] * n)
        return
    whole_line = not pending.own and len(pending.after) == 1 and len(pending.after[0]) == n
    # A values line placed by height between two labels may be either one's: only the label's
    # own wrapped words after it (values inside its cell) settle that it is this label's.
    one_line = not pending.own and len(pending.after) == 1 and not pending.spaced
    if one_line and ((own and not pending.apart) or pending.sandwiched or pending.hemmed):
        line = pending.after[0]
        picked = line if whole_line else anchors.pick(line, columns) if anchors is not None else None
        # Owned by elimination (the neighbours' rows are whole elsewhere): basis order.
        by_elimination = pending.apart and not pending.sandwiched
        # Values after the label only in one line's order: the row's identity must hold too; as
        # where a whole line, taken by its count, may hold a letter-spaced number's pieces
        # (bounds.may_be_pieces; where the page's positions picked the cells, aligned.py says).
        if whole_line and may_be_pieces(line, aligned) and not confirm(pending.row, line):
            grid.unplaced_row(pending.row, PIECES_APART, line, pending.line)
            return
        if picked is not None and (not pending.by_order or confirm(pending.row, picked)):
            by_order = not local or by_elimination or pending.by_order
            grid.place(pending.row, columns, picked, basis="order" if by_order else None)
            return
    # Values one per line, or in several lines (a wrapped number's line between the row's others,
    # pdftotext -raw: `2,901` / `358 0 24 30 0` / `3,313`), read in printed order.
    # In a block whose order is in doubt (a label of it printed no value after it), the row's
    # identity alone shows a run right after its label to be its row (`alone`), where no other
    # words stand between them (a group label's pieces: its middle row's values may follow,
    # held-out seed 20261216 r015), the run is not a line placed by height (a row's values line
    # may stand above its label) nor inside its wrapped cell after a row label printing nothing
    # (`inside_late`: that row's, drawn late, sums the same), and the run shows a row, not a column:
    # its total sums something (`0` x 7 may be a column's), or it is one row's lines (_a_row).
    # (Read only where `alone` may decide: every label of every table passes here.)
    alone = (
        alone
        and not (pending.parted or pending.apart or pending.inside_late)
        and (sums_something(gathered) or _a_row(gathered, n, before_next))
    )
    # Letter-spaced digits among them, each line a box (plain pdftotext): how many cells each
    # line holds only the identities tell (spaced_digits.py), which check the count as well.
    fits = pending.spaced or (len(gathered) == n and confirm(pending.row, gathered))
    if len(pending.own) <= 1 and fits and (own or alone):
        if not shows_column_order(gathered, grid.reading_order):
            grid.unplaced(f"{pending.row}: {DRAWN_ORDER} ({shown})", pending.line)
            return
        if stacked(gathered, grid.reading_order):
            grid.unplaced(f"{pending.row}: {STACKED} ({shown})", pending.line)
            return
        if pending.interrupted and grid.reading_order:
            grid.unplaced(f"{pending.row}: {INTERRUPTED} ({shown})", pending.line)
            return
        if pending.spaced:
            put_spaced(grid, pending.row, columns, gathered, pending.line)
            return
        grid.place(pending.row, columns, gathered, basis="order")
        return
    if pending.spaced:
        grid.unplaced(f"{pending.row}: {len(gathered)} {SPACED_APART} ({shown})", pending.line)
        return
    # More values than columns, lines of lone numbers among them (`178` / `8`): numbers a narrow
    # cell wrapped, if joining them leaves one reading table 三's row total accepts (resolve.py).
    # Both pieces read whole, so only an identity tells a join from two cells; table 二's rows
    # have none, and there a join would be a guess (`9` / `7` read as 97 projects).
    readings = joined_readings(pending.lines(), n) if own and grid.table == "applications" else []
    if readings:
        chunks = tuple(clean(v.text) for v in gathered)
        grid.fused.append(FusedRun(pending.row, columns, chunks, pending.line, tuple(readings)))
        return
    printed_apart = f"{len(gathered)} values printed apart from the label for {n} columns"
    said = grid.unplaced(
        f"{pending.row}: {LATE if pending.inside_late else printed_apart} ({shown})", pending.line
    )
    # A values line after a wrapped label, blank cells dropped, its 总计 may be settled (short_rows.py)
    # where it is shown to be the label's: inside its cell (its own words after it), or before the
    # next label's own values. (A line between two labels printing no other may be the next one's:
    # -layout's `3.其他` / `4 4` / `（七）总计`, held-out seed 20261207 r016. `own`: the block's
    # values after a label are its; `pending.own`: values beside the label on its line. Lines that
    # may be a number wrapped around a label are left out there, short_rows.py.)
    shown_own = own and (pending.sandwiched or pending.next_valued)
    _short(grid, pending, columns, said, shown=shown_own, anchors=anchors)


def _short(
    grid: Grid,
    pending: Pending,
    columns: Sequence[str],
    said: Diagnostic,
    shown: bool,
    anchors: ColumnAnchors | None = None,
) -> None:
    """Keep a table 三 label's one values line after it, fewer values than columns (short_rows.py):
    its row's where `shown`, else one row's (this one's or a neighbour's), which may still show
    that the table prints no totals. (A line placed by height, or following the label only in a
    one-line text's order, may hold any row's values: not kept.) `anchors`: where aligned text
    shows the columns of its values but the last (ShortRow.placed)."""
    one_line = len(pending.after) == 1 and not (pending.own or pending.apart or pending.by_order)
    line = pending.after[0] if one_line else []
    if grid.table == "applications" and 0 < len(line) < len(columns):
        placed = anchors.pick_but_last(line, tuple(columns)) if anchors is not None and shown else None
        grid.short.append(ShortRow(pending.row, tuple(columns), tuple(line), said, shown, placed))


def _a_row(values: list[Token], width: int, before_next: bool) -> bool:
    """True when values printed one a line show a row's shape, not a column's: one row's cells,
    the last two side by side (`—` x 5 / `— —`: a column drawn one per line never shares a line),
    or right before the label of the template's next row (a column drawn one per line stood before
    a later label: `6.属于四类过程性信息` / `0` x 7 / `8.属于行政查询事项`, held-out seed 20261215 r021)."""
    counts = [len(list(line)) for _, line in groupby(values, key=lambda v: v.line)]
    return one_row_printed(counts, width) and (before_next or (len(counts) > 1 and counts[-1] > 1))
