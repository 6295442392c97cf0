"""Step 5d for tables 三 and 四: a total whose last digits a page's edge cut off is not read.

A table wider than its page loses what stands past the page's edge. Its last column is a total
(table 三's 总计, table 四's last group's 总计), and a number there may lose only its last digits:
`1 3 5   /   3   /   /   /   1` for 135 / 3 / / / 138 (fresh review seed 20268843 r076-v0,
Chromium's PDF through pdftotext `-layout`), `267` for 2679 (seed 20268842 r086-v0, `-layout`;
pdfplumber's text of it too, below). The cut number reads whole, and no position shows the cut:
a line may end at the page's widest line's end as well when nothing is cut (3,312 of 4,000
`-layout` texts of ten review seeds end a number there). What shows it is the total itself: its
digits are the first digits of the sum of the cells before it, as no report's own slip in 2,328
generated reports (7,450 rows whose every cell is a number) printed one. Such a total is taken
off, `cell-unplaced`; the cells before it stay (they stand left of the cut). Only in text of a
PDF's pages, which form feeds mark (pdftotext, pdfminer): a report may drop a digit itself (`137`
for 1378), and text of an HTML page or a Word file, which no page cuts, prints what the report
printed. (pdfplumber's text has no feeds: its cut totals are left, r086-v0's among them.)
"""

from __future__ import annotations

from ..identities import as_evidence, side_total
from ..model import Cell
from ..templates import Template
from .grid import Grid

__all__ = ["refuse_cut_totals"]

CUT_TOTAL = (
    "a total printed as the first digits of the sum of the cells before it: a number whose last digits "
    "a page's edge cut off; not read"
)

# The tables whose last column is each row's total (table 二's rows have none).
WITH_TOTALS = ("applications", "review_litigation")


def refuse_cut_totals(grid: Grid, template: Template, paged: bool) -> None:
    """Take off each total printed as a proper prefix of the sum of its row's other cells, saying
    so, in text of a PDF's pages (`paged`: form feeds mark them, as pdftotext and pdfminer print)."""
    if not paged or grid.table not in WITH_TOTALS:
        return
    *parts, total = template.column_ids(grid.table)
    for row, cells in list(grid.rows.items()):
        printed = cells.get(total)
        if printed is None or printed.kind != "number" or not all(c in cells for c in parts):
            continue
        summed = _sum([cells[c] for c in parts])
        if summed is None or not isinstance(printed.value, int) or not _cut_from(printed.value, summed):
            continue
        del cells[total]
        shown = " ".join(cells[c].raw.strip() or "∅" for c in parts)
        grid.unplaced(f"{row}: {CUT_TOTAL} ({shown} / {printed.raw.strip()})", printed.line)


def _sum(cells: list[Cell]) -> int | None:
    """The cells' sum, a blank or a none mark counting as nothing; None if one is no whole count."""
    total = side_total(0 if cell.kind == "blank" else as_evidence(cell) for cell in cells)
    return total if isinstance(total, int) else None


def _cut_from(printed: int, summed: int) -> bool:
    """True when a printed total's digits are a proper start of the sum's (`1` of 138, `267` of 2679)."""
    digits, whole = str(printed), str(summed)
    return len(digits) < len(whole) and whole.startswith(digits)
