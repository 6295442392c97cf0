"""Values a PDF's reading order drew out of a table 二 block into a later one (drawn.DRIFTED).

Plain pdftotext and pdfminer print a PDF's text boxes in their own order: a block's value may
stand after the next block's labels, where it reads as theirs. The assembly (rows.py) asks, as
each block ends, whether the values of the blocks after it are still doubted.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .drawn import drawn_apart
from .order import Order
from .regions import MatchedRow
from .shape import ColumnsOf, RowShape
from .waiting import Pending

__all__ = ["apart_past_one_column", "drifts", "emptied", "in_text_boxes"]


def apart_past_one_column(
    rows: Sequence[MatchedRow],
    shapes: Sequence[RowShape],
    order: Order,
    reading_order: bool,
    columns_of: ColumnsOf,
) -> bool:
    """drawn.drawn_apart over the rows of more than one column: a one-column row's label and value
    stand close, and pdfminer may draw them as one box (`行政处罚 1,037`) where the wider blocks'
    values stand apart (fresh review seed 20268842 r098-v0: 规范性文件's 65 drawn after 行政许可)."""
    kept = [
        (row, shape)
        for row, shape in zip(rows, shapes, strict=True)
        if not shape.segments or len(columns_of(shape.segments[-1].anchor.id) or ()) > 1
    ]
    return drawn_apart([r for r, _ in kept], [s for _, s in kept], order, reading_order)


def drifts(labels: list[Pending], columns_of: ColumnsOf, drifted: bool) -> bool:
    """True when values after the next block's labels may be a block's before them (drawn.DRIFTED):
    this block's labels gathered values after them, fewer than their rows' cells (a value drawn
    from one row into another's hides among them: 规章 / `3` `0` `204`, and 规章's `5` after the
    next block's label); or a block before did: a drifted value lands any number of blocks on, in
    one printing all its cells too (规范性文件's 278 after 行政事业性收费's header, read as the fee
    until stop 55). (A block whose values were all drawn away looks blank: `emptied`.)"""
    if drifted:
        return True
    printing = [p for p in labels if not p.placed]
    if any(p.after for p in printing):
        gathered = sum(len(p.gathered()) for p in printing)
        return gathered < sum(len(columns_of(p.row) or ()) for p in printing)
    return False


def emptied(labels: list[Pending], columns_of: ColumnsOf) -> bool:
    """True when a block printing no value on its lines has labels waiting for cells: the values
    after the next block's labels may be its, all drawn away (规范性文件's 176 after 行政许可's header)."""
    return any(columns_of(p.row) for p in labels if not p.placed)


def in_text_boxes(rows: Sequence[MatchedRow]) -> bool:
    """True when a table's lines stand mostly a blank line apart: a PDF's text boxes, which plain
    pdftotext and pdfminer print in any order (pdfplumber's and markitdown's lines follow the page,
    so a block printing no value there shows none drawn away: `emptied` asks nothing of them)."""
    lines = sorted({r.row.line for r in rows})
    return 2 * sum(b - a > 1 for a, b in pairwise(lines)) > len(lines) - 1
