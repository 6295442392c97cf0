"""Step 4c: whether a text prints tables 二 and 三 row after row, each label followed by its values.

Tools that drop blank cells print a row label and its values in two orders (FORMAT.md §2.2 C,
K): row after row (pdftotext `-raw`, pdfplumber: `行政处罚 7 -6 462` / `行政强制 19 -2 79`), or a
block's labels first and its values after them (plain pdftotext, pdfminer: `规章` / `规范性文件` /
`1` / `1` / `1`). Where a block has a blank row, the two read the same: `行政许可` / `其他对外管` /
`理服务事项` / `11 -7 723` is the second row's values after a blank first row, or the first row's
after all the block's labels. The text as a whole can settle it: two rows in a row, each printed
on one line with its label, show row-after-row printing, which a labels-first printing never
gives; and nothing anywhere in tables 二 and 三 may show the other order. Text printed one cell per
line (lynx) shows neither; there table 三's row totals can show it (`totals_order`): runs of values
after their labels that each hold 总计, which a block of labels printed before its values breaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..layout import Token as Cell
from ..layout import printed_total_holds
from .regions import MatchedRow
from .shape import ColumnsOf, RowShape

__all__ = ["Order", "printing_order", "prints_rows_in_order", "totals_order"]

# What a table's text shows of its printing order: rows in order, something against it, neither.
Order = Literal["rows", "apart", "unknown"]


def printing_order(rows: Sequence[MatchedRow], shapes: Sequence[RowShape], columns_of: ColumnsOf) -> Order:
    """What one table shows: "rows" (row after row), "apart" (something against it), or "unknown".

    Rows in order are shown by two labels in a row each printed with values beside it on its line.
    Against them: values before a block's first label (values printed above their labels), more
    values after a label than its row has columns (a block's values printed after all its
    labels), and any row placed among the lines by its height (a PDF-to-markdown row: its values
    may be the label above's or below's).
    """
    if any(r.row.apart for r in rows):
        return "apart"
    shown = False
    # Per label of the current block: its columns, the values after it, the values beside it.
    followed: list[tuple[int, int, int]] = []
    for shape in shapes:
        if shape.caption:
            followed = []
        lead = sum(v.kind == "value" for v in shape.lead)
        if lead:
            if not followed:
                return "apart"  # values before the block's first label
            columns, after, beside = followed[-1]
            followed[-1] = (columns, after + lead, beside)
        for segment in shape.segments:
            beside = sum(v.kind == "value" for v in segment.values)
            followed.append((len(columns_of(segment.anchor.id) or ()), beside, beside))
        if any(after > columns for columns, after, _ in followed[-2:]):
            return "apart"
        shown = shown or (len(followed) >= 2 and all(beside for _, _, beside in followed[-2:]))
    return "rows" if shown else "unknown"


def prints_rows_in_order(orders: Sequence[Order]) -> bool:
    """True when some table of the text shows rows in order and none shows anything against it."""
    return "rows" in orders and "apart" not in orders


def totals_order(shapes: Sequence[RowShape], columns_of: ColumnsOf) -> Order:
    """What table 三 shows by its row totals: "rows" when its labels' values hold them, run by run.

    Printed one cell per line with blank cells dropped (lynx), a row's values follow its label and
    nothing is beside it. Each run of values after a label that holds the row's total (总计 = the
    sum of the others) shows it, if no run breaks it: values before the first label, more values
    than columns, or a run of several values whose total does not hold (another order).
    """
    runs: list[tuple[int, list[Cell]]] = []
    for shape in shapes:
        lead = [v for v in shape.lead if v.kind == "value"]
        if lead:
            if not runs:
                return "apart"
            runs[-1][1].extend(lead)
        for segment in shape.segments:
            runs.append(
                (len(columns_of(segment.anchor.id) or ()), [v for v in segment.values if v.kind == "value"])
            )
    held = 0
    for columns, values in runs:
        if len(values) > columns:
            return "apart"
        if len(values) >= 2:
            if not printed_total_holds(values):
                return "unknown"
            # A run of two (`7` / `7`) holds whatever the row: only runs of three or more count.
            held += len(values) >= 3
    return "rows" if held >= 2 else "unknown"
