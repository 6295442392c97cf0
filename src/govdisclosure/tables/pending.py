"""Step 4c for tables 二 and 三: a row label whose values are not all on its own line (§2.2 C, E).

PDF text prints a row's label and values apart: the values on the line after a wrapped label, one
per line, around a tall label cell's middle. The assembly (rows.py) gathers them under the label
they follow; `put_pending` places them only in the shapes that settle each value's column.
"""

from __future__ import annotations

from collections.abc import Callable

from ..layout import Token
from ..layout.pieces import later_part
from ..lexicon import key_of
from ..values import clean
from .aligned import ColumnAnchors
from .drawn import DRAWN_ORDER, DRIFTED, INTERRUPTED, shows_column_order
from .grid import FusedRun, Grid
from .place import put_row
from .shape import ColumnsOf
from .wrapped import joined_readings

# Labels and whole values lines alternating after a values line no label owned: each line may be
# the label's above it or the one's below it (a row's values above its label, pdfplumber).
BETWEEN = "values printed between two labels after a line no label owned: above or below its label, not shown"
DOUBLED = (
    "two values lines inside a wrapped label's cell, or inside and right after it: whose each is, not shown"
)

__all__ = [
    "Pending",
    "continues",
    "doubles",
    "drifts",
    "ends",
    "put_pending",
    "settled",
    "whole",
    "whole_row_before",
]


class Pending:
    """A data-row label whose values are not all on its own line (PDF text, FORMAT.md §2.2 C, E)."""

    # A plain class, not attrs: internal and compared by identity, and an attrs class costs ~2.6
    # million instructions to define at import (docs/performance.md).
    __slots__ = (
        "after",
        "after_stray",
        "apart",
        "between",
        "broken",
        "by_order",
        "doubled",
        "groups",
        "hemmed",
        "interrupted",
        "key",
        "line",
        "open",
        "own",
        "placed",
        "row",
        "sandwiched",
        "stranger",
    )

    def __init__(
        self,
        row: str,
        line: int,
        own: list[Token] | None = None,
        *,
        placed: bool = False,
        key: str = "",
        after_stray: bool = False,
    ) -> None:
        """The label's row and line, the values on its line, and what is known of it from the start."""
        self.row = row
        self.line = line
        self.own: list[Token] = [] if own is None else own  # values on the label's line
        self.after: list[list[Token]] = []  # lines of values after it
        # The values line after the label stood apart (placed by height): a line of the label's
        # own words after it shows the values sit inside the label's cell.
        self.apart = False
        self.sandwiched = False
        # The last of the label's wrapped words seen so far do not end it: its cell goes on below.
        self.open = False
        # A values line came after such words: two values lines inside the label's cell, either of
        # which may be another row's drawn there (pdfminer draws a row's values late).
        self.doubled = False
        # Words naming no row came after its values: they may be an unknown row's label printed
        # under its values, so the values are not this label's by elimination.
        self.stranger = False
        # Such words came between two of its values (a header's pieces, plain pdftotext).
        self.interrupted = False
        # The label before it has all its values (its row whole on its own line, or one whole
        # line inside its own cell) and the label after printed its row whole on its line: a
        # values line placed by height between them can only be this label's.
        self.hemmed = False
        # Placed already from its own line: kept only so that the label before it knows it.
        self.placed = placed
        # The label also names a group (（六）其他处理: a 2019 row, a 2021 group over three rows).
        self.groups: frozenset[str] = frozenset()
        # A number printed broken (a wrapped cell) near the row: its values cannot be told apart.
        self.broken = False
        # The label's key as the lexicon knows it: words after its values that continue it are its tail.
        self.key = key
        # A values line no label could own came since the label before (values printed above
        # their label, LibreOffice centring a row): this label's values may be those.
        self.after_stray = after_stray
        # Its values follow it on one line of text only in the text's order (a crawler page, or
        # PDF text joined into one line), in a text that does not show its rows printed in order.
        self.by_order = False
        # A whole values line no label owned stands right above it (line text: a row's values may
        # stand above its label), or the label before is such a label and took the line between:
        # the line after it may as well be the next label's.
        self.between = False

    def wrapped_tail(self, words: str) -> None:
        """The label's own wrapped words after its values: those values sit inside its cell."""
        self.sandwiched = True
        self.open = not ends(self.key, words)

    def gathered(self) -> list[Token]:
        """The values on the label's line, then those on the lines after it, in printed order."""
        return self.own + [v for line in self.after for v in line]


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
    may be that block's (drawn.DRIFTED): they place nothing. In aligned text
    a label with no value anywhere is a blank row, and a line printing some of a row's cells is
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
        grid.unplaced(f"{pending.row}: {BETWEEN} ({shown})", pending.line)
        return
    if drifted and pending.after:
        grid.unplaced(f"{pending.row}: {DRIFTED} ({shown})", pending.line)
        return
    if not pending.after:
        # Aligned text shows which cells a row prints by where its values stand (aligned.py).
        picked = anchors.pick(pending.own, columns) if anchors is not None else None
        if picked is not None:
            grid.place(pending.row, columns, picked)
        elif pending.own:
            put_row(grid, pending.row, columns, pending.own, pending.line)
        elif aligned and not pending.after_stray and (anchors is None or columns not in anchors.cut):
            # Printed with no value anywhere, in text that keeps each blank cell's place as a gap
            # (not in a table cut at the page's edge: aligned._cut_off).
            grid.place(pending.row, columns, [Token("empty", "", pending.line)] * n)
        return
    whole_line = not pending.own and len(pending.after) == 1 and len(pending.after[0]) == n
    # A values line placed by height between two labels may be either one's: only the label's
    # own wrapped words after it (values inside its cell) settle that it is this label's.
    one_line = not pending.own and len(pending.after) == 1
    if one_line and ((own and not pending.apart) or pending.sandwiched or pending.hemmed):
        line = pending.after[0]
        picked = line if whole_line else anchors.pick(line, columns) if anchors is not None else None
        # Owned by elimination (the neighbours' rows are whole elsewhere): basis order.
        by_elimination = pending.apart and not pending.sandwiched
        # Values after the label only in one line's order: the row's identity must hold too.
        if picked is not None and (not pending.by_order or confirm(pending.row, picked)):
            by_order = not local or by_elimination or pending.by_order
            grid.place(pending.row, columns, picked, basis="order" if by_order else None)
            return
    # Values one per line, or in several lines (a wrapped number's line between the row's others,
    # pdftotext -raw: `2,901` / `358 0 24 30 0` / `3,313`), read in printed order.
    if len(pending.own) <= 1 and len(gathered) == n and own and confirm(pending.row, gathered):
        if not shows_column_order(gathered, grid.reading_order):
            grid.unplaced(f"{pending.row}: {DRAWN_ORDER} ({shown})", pending.line)
            return
        if pending.interrupted and grid.reading_order:
            grid.unplaced(f"{pending.row}: {INTERRUPTED} ({shown})", pending.line)
            return
        grid.place(pending.row, columns, gathered, basis="order")
        return
    # More values than columns, lines of lone numbers among them (`178` / `8`): numbers a narrow
    # cell wrapped, if joining them leaves one reading table 三's row total accepts (resolve.py).
    # Both pieces read whole, so only an identity tells a join from two cells; table 二's rows
    # have none, and there a join would be a guess (`9` / `7` read as 97 projects).
    lines = [pending.own, *pending.after] if pending.own else pending.after
    readings = joined_readings(lines, n) if own and grid.table == "applications" else []
    if readings:
        chunks = tuple(clean(v.text) for v in gathered)
        grid.fused.append(FusedRun(pending.row, columns, chunks, pending.line, tuple(readings)))
        return
    grid.unplaced(
        f"{pending.row}: {len(gathered)} values printed apart from the label for {n} columns ({shown})",
        pending.line,
    )


def doubles(label: Pending, waiting: list[Pending]) -> bool:
    """True when a values line right after a label's wrapped tail may share its cell with the
    values line inside it: the tail does not end the label, so the cell goes on below; or the
    row label before (no group's) has no value, so the line inside may be that row's, drawn late
    (pdfminer's reading order), and this one the label's own."""
    before = next((p for p in reversed(waiting) if not p.groups), None)
    return label.open or (before is not None and not (before.placed or before.own or before.after))


def _last_word(words: str) -> str:
    """The matching key of the last of the words ("" for none)."""
    return key_of(words.split()[-1]) if words.strip() else ""


def ends(key: str, words: str) -> bool:
    """True when the last words end the label (`申请` of …政府信息公开申请): its cell ends there."""
    tail = _last_word(words)
    return bool(tail) and key.endswith(tail)


def continues(key: str, words: str) -> bool:
    """True when the last words are a later part of the label (`益` of 保护第三方合法权益), not a
    label's start; a piece of the group label may stand before them (`法提供 另行制作`), or run
    into the label's last characters (`不予处请`: 不予处理's piece, then 请 ending 信访举报投诉类申请)."""
    tail = _last_word(words)
    if not tail or key.startswith(tail):
        return False
    return later_part(key, tail) or any(key.endswith(tail[-k:]) for k in range(1, len(tail)))


def drifts(labels: list[Pending], columns_of: ColumnsOf, drifted: bool) -> bool:
    """True when values after the next block's labels may be a block's before them (drawn.DRIFTED):
    this block's labels gathered values after them, fewer than their rows' cells (a value drawn
    from one row into another's hides among them: 规章 / `3` `0` `204`, 规范性文件's 204, and 规章's
    `5` after the next block's label); or the blocks before did, and this one's labels gathered
    none after them (a value lands where some print). (A block whose values were all drawn away
    looks blank: not caught.)"""
    printing = [p for p in labels if not p.placed]
    if any(p.after for p in printing):
        gathered = sum(len(p.gathered()) for p in printing)
        return gathered < sum(len(columns_of(p.row) or ()) for p in printing)
    return drifted


def settled(label: Pending) -> bool:
    """True when a label's values are accounted for: its row printed whole on its own line, or its
    one values line inside its own cell (between the label and its wrapped tail). (A values line
    after the next label is only placed whole, so it cannot be the rest of a partial one.)"""
    return label.placed or (label.sandwiched and not label.own and len(label.after) == 1)


def whole(label: Pending, columns_of: ColumnsOf) -> bool:
    """True when a label's row is printed whole on one line: its own, or one line after it."""
    n = len(columns_of(label.row) or ())
    if label.placed:
        return sum(v.kind == "value" for v in label.own) == n
    return not label.own and len(label.after) == 1 and sum(v.kind == "value" for v in label.after[0]) == n


def whole_row_before(
    waiting: list[Pending], columns_of: ColumnsOf, follows: Callable[[str, str], bool] | None
) -> str | None:
    """The row a values line comes right after, if that row is printed whole (see assemble_rows)."""
    if follows is None or not waiting:
        return None
    last = waiting[-1]
    return last.row if settled(last) and whole(last, columns_of) else None
