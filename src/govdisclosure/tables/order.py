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

Text joined into one line (FORMAT.md §2.2 I) prints every value beside a label. A crawler's page
text keeps the page's order, a label then its cells; PDF text a pipeline joined keeps the PDF's
reading order, where `行政处罚 9 行政强制` holds 行政强制's 9. What else such a text prints tells
them apart: a label's or the header's pieces among the rows, or a table split by words read as a
sentence (`split_order`), which no page's text holds. Where one shows, the text's order is "apart" and
its one-line rows are read as values printed after their labels (rows.py, review.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from ..layout import Token as Cell
from ..layout import printed_total_holds
from ..lexicon import Lexicon
from ..numbering import LABEL_START
from ..values import is_value_text
from .regions import MatchedRow, Region
from .shape import ColumnsOf, RowShape

__all__ = ["Order", "printing_order", "split_order", "text_order", "totals_order"]

# What a table's text shows of its printing order: rows in order, something against it, neither.
Order = Literal["rows", "apart", "unknown"]


def printing_order(
    rows: Sequence[MatchedRow],
    shapes: Sequence[RowShape],
    columns_of: ColumnsOf,
    lexicon: Lexicon,
) -> Order:
    """What one table shows: "rows" (row after row), "apart" (something against it), or "unknown".

    Rows in order are shown by two labels in a row each printed with values beside it on its line.
    Against them: values before a block's first label (values printed above their labels), more
    values after a label than its row has columns (a block's values printed after all its
    labels), and any row placed among the lines by its height (a PDF-to-markdown row: its values
    may be the label above's or below's). In text joined into one line, where values are beside
    a label only in the text's order: pieces of labels among the rows (`lexicon` tells them), or
    a column named after a row label of its block (what PDF text joined into one line prints,
    and a page's text never does).
    """
    if any(r.row.apart for r in rows) or _pieces_among_rows(rows, lexicon) or _header_among_rows(rows):
        return "apart"
    shown = False
    # Per label of the current block: its columns, the values after it, the values beside it.
    followed: list[tuple[int, int, int]] = []
    for shape in shapes:
        if shape.caption:
            followed = []
        lead = sum(v.kind == "value" for v in shape.lead)
        if lead and shape.own_words:
            # A row of one-line text whose words no template knows: its values are its own label's.
            followed.append((lead, lead, lead))
        elif lead:
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


def split_order(region: Region, lexicon: Lexicon) -> Order:
    """Order "apart" when a table of one-line text is pieces that labels' pieces split, read as a
    sentence (`（一）予以公开 度办理结 果 （二）部分公开（区分处 理的，…`): PDF text joined into one
    line prints them among the rows, and a page's text prints none inside a table (a long label
    no template knows, `丁丁丁丁丁丁丁丁`, may read as a sentence there); else "unknown"."""
    pieces = (" ".join(w for w in words.split() if not is_value_text(w)) for words in region.split_by)
    return "apart" if region.one_line and any(lexicon.is_fragment(words) for words in pieces) else "unknown"


def _pieces_among_rows(rows: Sequence[MatchedRow], lexicon: Lexicon) -> bool:
    """True when one-line text prints pieces of labels among the table's rows, short of a heading
    (`（一）予以公开 6 6 2 2 年度办 理结果`, `一、本年新收… 2 机构`): what PDF text joined into one line
    prints there, and a page's text never does. (Words of their own, `丁丁丁`, are a label no
    template knows: a page's text may print one.)"""
    labelled = [i for i, r in enumerate(rows) if any(e.kind == "row" for m in r.matches for e in m.entries)]
    body = rows[labelled[0] : labelled[-1] + 1] if labelled else ()
    return any(
        m.token.kind == "text"
        and not m.entries
        and LABEL_START.match(m.token.text.strip()) is None
        and lexicon.is_fragment(m.token.text)
        for row in body
        # (Cells run together show nothing of where words stood.)
        if row.row.own_label and row.row.bounds == "words"
        # Words opening a row of values are its label, one no template knows (layout.fused).
        for m in row.matches[1 if row.row.has_values else 0 :]
    )


def _header_among_rows(rows: Sequence[MatchedRow]) -> bool:
    """True when one-line text names a column after a row label of its block (`一、本年新收… 27 科研
    机构`): the header's pieces among the rows, as PDF text joined into one line prints them. (Each
    of table 二's blocks has its caption and header: a block's header after the rows before it.)"""
    seen_row = False
    for row in rows:
        for m in row.matches:
            kinds = {e.kind for e in m.entries}
            if row.row.own_label and seen_row and kinds and kinds <= {"column", "column_group", "header"}:
                return True
            seen_row = (seen_row or "row" in kinds) and "caption" not in kinds
    return False


def text_order(tables: Mapping[str, tuple[Region, Sequence[RowShape], ColumnsOf]], lexicon: Lexicon) -> Order:
    """The text's printing order from its tables 二 and 三 (each region, its rows' shapes, its
    columns): "rows" when some shows rows in order and none anything against it, "apart" when
    some shows something against it, else "unknown"."""
    orders = [
        printing_order(region.rows, shapes, columns, lexicon) for region, shapes, columns in tables.values()
    ]
    orders += [
        totals_order(shapes, columns)
        for name, (_, shapes, columns) in tables.items()
        if name == "applications"
    ]
    orders += [split_order(region, lexicon) for region, _, _ in tables.values()]
    if "apart" in orders:
        return "apart"
    return "rows" if "rows" in orders else "unknown"


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
        if lead and shape.own_words:
            runs.append((len(lead), lead))  # (its own label's, which no template knows)
        elif lead:
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
