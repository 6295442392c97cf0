"""Step 4: what a PDF's drawing order shows of a row's columns, its values printed one per line.

Plain pdftotext and pdfminer print a table's cells as text blocks, one a line, in the reading
order they rebuild from the blocks' places on the page. A row's blocks stand at one height, except
that `无` is a CJK glyph whose box is not the digits' (nor `—`'s or `/`'s), which moves it in that
order: `行政强制` / `20` / `无` / `+2` is 20, +2, 无 (held-out corpus, seed 7, r187 and r196,
Chromium's PDFs). So values printed one per line in a PDF's reading order (layout's
`reading_order`: form feeds mark the text's pages, or its lines are not indented as lynx's dump
of a page is) show their columns' order only where a CJK none mark does not stand among other
values. `—` and `/` among numbers moved nothing in the plain pdftotext and pdfminer texts of
three corpora (1,536 texts) but for table 四's total, which either PDF maker may draw second, marks
or numbers (TOTAL_EARLIER; seeds 20261235 and 20261236). pdftotext `-raw` prints the PDF's own
drawing order, a row's cells on one line but for a number's wrapped lines: untouched.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from ..identities import as_evidence, total_holds
from ..layout import Token
from ..layout.tokens import HAN
from ..model import Cell
from ..values import read_cell
from .order import Order
from .regions import MatchedRow
from .shape import RowShape

__all__ = [
    "ACROSS_HEADER",
    "DRAWN_ORDER",
    "DRIFTED",
    "INTERRUPTED",
    "SPLIT_HEADER",
    "STACKED",
    "THROUGH_HEADING",
    "TOTAL_EARLIER",
    "all_alike",
    "cells_alike",
    "drawn_apart",
    "header_split",
    "mixes_wu",
    "one_row_printed",
    "order_refused",
    "reads_alike",
    "row_shaped",
    "run_refused",
    "shows_column_order",
    "spread_in_reading_order",
    "stacked",
    "total_drawn_earlier",
]

DRAWN_ORDER = (
    "values printed one per line, 无 among others: a PDF's drawing order is not their columns' order"
)

# Plain pdftotext prints each cell of a PDF's table as a text block of its own, a blank line after
# it; two cells on adjacent lines are one block: poppler stacked them (LibreOffice's PDF with
# letter-spaced cells aligned top: （七）总计's 1 2 2 1 1 2 9 came `2` / `1` `2` / `1` / `1` / `2` /
# `9`, a review's seed 20268802 r045-v0). Its blocks then come in an order of their own, which a
# row total holding in any order cannot check.
STACKED = (
    "values printed one per line, two of them in one text block: a PDF's drawing order is not "
    "their columns' order"
)


# Table 四's values printed one per line through another group's header (a group's label among the
# header's lines between two runs of values): LibreOffice's PDF through plain pdftotext orders the
# value blocks by the header's blocks above them, so a group's run may hold its values in another
# order (`0 2 0 0 2` for 0 0 2 0 2, held-out seed 20261208, r025) or with a `—` of the next group's
# (`— 1 — — 1` for — — 1 — 1, seed 20261204, r056), its total still holding. The total checks which
# numbers are the group's, not where each stands: only a group whose values before its total are
# all alike (`0 0 0 0 0`) reads the same in any order.
ACROSS_HEADER = (
    "values printed one per line through another group's header, not all alike: "
    "the group's total does not show where each stands"
)


# Table 四's values printed one per line in a PDF's reading order, among the header's lines: both
# PDF makers may draw a group's total before its other cells, most often second (`— 1 — — 1` for
# — — — 1 1, Chromium, held-out seed 20261236, r023; `0 1 0 0 1` for 0 0 0 1 1, LibreOffice, seed
# 20261235, r007; `23 43 13 5 2` for 23 13 5 2 43, seed 20261231, r022), LibreOffice's third too
# (`6 无 6 无 无` for 6 无 无 无 6, committed r030). Where a reading with the total drawn earlier
# holds the group's total as well as the printed one, the total does not show which it is. Read
# so at the one place seen with the total still holding: second (index 1), by both makers. (Third
# only with 无 among the values, which DRAWN_ORDER refuses anyway; reading it there too cost
# Chromium's own 0 0 1 0 1, committed r001.)
DRAWN_TOTAL_AT = 1
TOTAL_EARLIER = (
    "values printed one per line among the header's lines in a PDF's reading order, read with the "
    "total drawn earlier the group's total holds as well: their order is not shown"
)


# The next section's heading, its numeral with it, printed among table 四's values (`/` … `2` /
# `5、 存在的主要问题及改进情况` / `/` / `2`: seed 20268813 r076, plain pdftotext, 复议后起诉's `/ / /
# 2 2` drawn `/ / 2` and `/ 2` about it): the reading order went through another block there, so
# the values need not be in their columns' order. Only values all alike read the same in any order.
THROUGH_HEADING = (
    "values printed one per line about the next section's heading, not all alike: "
    "a PDF's reading order went through another block there, and their order is not shown"
)


# Words that name nothing (a header's pieces) printed among a row's values, one per line: the
# reading order went through other blocks there, and the values need not be in their columns'
# order (`6` / `商业 科研 …` / `0` `0` `0` `2` `0` for 6 0 2 0 0 0; held-out seed 7, r087).
INTERRUPTED = "values printed one per line with other words among them: their order is not shown"


# A table block (between two of table 二's captions) whose labels gathered fewer values after them
# than their rows have cells: in a PDF's reading order a value of the block may come after the
# next caption (`规范性文件` / `1` / `第二十条第（五）项` / … / `行政许可` / `本年处理决定数量` /
# `204`: 规范性文件's 204, 行政许可 blank; held-out seed 20261203, r013). Values after a label in
# the next block printing values after its labels may then be that block's: no line shows whose
# they are (drifting.drifts); nor a value before a later block's label (detached.reread_active).
DRIFTED = (
    "values printed after a table block that printed fewer values than its cells: "
    "in a PDF's reading order they may be that block's"
)


# Table 四's header cells wrapped a character a line (narrow cells, tall rows: a review's Chromium
# PDFs in A5, landscape or 8-21 px layouts, seed 20269901 r010, r031, r076): plain pdftotext then
# orders the value blocks by the header's narrow columns above them, not along the row, so a
# group's values came out `2 / / / 2` for / 2 / / 2 and `1 0 0 1 2` for 1 1 0 0 2, and one group's
# values after another's (`—` x 13, `2`, `2` for — — — 2 2 and ten `—`), every group total holding.
# The ten corpora print no such header (most header lines hold words); read so, only values all
# alike read the same in any order.
SPLIT_HEADER_LINES = 8
SPLIT_HEADER = (
    "values printed one per line under a header printed a character a line: a PDF's reading order "
    "follows the header's narrow columns there, not the row, and the values are not all alike"
)


def header_split(rows: Sequence[MatchedRow]) -> bool:
    """True when at least SPLIT_HEADER_LINES lines before the first value after such a line hold
    only single CJK characters (`结` / `果` / `未 总` / `审 计`): its header wrapped a character a
    line. A value before any of them (`结果 维持` / `2` / `行政诉讼` / … / `结`, seed 20268814
    r066-v0) was drawn under the header's first cell, and the header goes on after it."""
    lines = 0
    for row in rows:
        tokens = [t for t in row.row.tokens if t.kind != "empty"]
        if any(t.kind == "value" for t in tokens):
            if lines:
                break
            continue  # (a value is no header line, though a `无` is one character)
        texts = [t.text.strip() for t in tokens]
        lines += bool(texts) and all(len(t) == 1 and HAN().search(t) is not None for t in texts)
    return lines >= SPLIT_HEADER_LINES


def run_refused(
    rows: Sequence[MatchedRow], values: Sequence[Token], reading_order: bool, lined: bool
) -> str | None:
    """Why table 四's values printed one per line in a PDF's reading order show neither their
    columns' nor their groups' order, or None: under a header printed a character a line, unless
    all alike (SPLIT_HEADER); or 无 among other values anywhere in the run (DRAWN_ORDER), whose
    move also moves the group totals' cut (`无 无 6 无 6` / `无` x 10 for 无 x 5, 6 无 无 无 6, 无 x 5:
    a review's LibreOffice PDF of committed r030, line height 1.0), on lines of one value or of
    several (pdfminer's boxes: `无 无 无` / `3` / `3` / `3 无 无 无` …, a review's seed 20261251 r369)."""
    if not reading_order or not values:
        return None
    if not all_alike(values) and header_split(rows):
        return SPLIT_HEADER
    return DRAWN_ORDER if mixes_wu(values) and spread_in_reading_order(values, reading_order, lined) else None


def mixes_wu(values: Sequence[Token]) -> bool:
    """True when a CJK none mark (`无`) stands among values of another kind: a PDF's reading order
    may move it against them (DRAWN_ORDER)."""
    return len({HAN().search(v.text) is not None for v in values if v.kind == "value"}) > 1


def drawn_apart(
    rows: Sequence[MatchedRow], shapes: Sequence[RowShape], order: Order, reading_order: bool
) -> bool:
    """True when a table's text is a PDF's reading order with no value on a row label's line: each
    value on a line of its own, or in one-line text shown out of order (`apart`). A block's value
    may then be drawn after the next block's label (DRIFTED)."""
    return reading_order and not any(
        shape.segments[-1].values
        for row, shape in zip(rows, shapes, strict=True)
        if shape.segments and not (row.row.own_label and order == "apart")
    )


def spread_in_reading_order(values: Sequence[Token], reading_order: bool, lined: bool = True) -> bool:
    """True when values stand in a PDF's reading order on more than one line (`lined` false:
    one-line text, its values taken as printed one per line): their printed order is the order
    the tool rebuilt, not necessarily their columns'."""
    lines = {v.line for v in values if v.kind == "value"}
    return reading_order and (not lined or len(lines) > 1)


def stacked(values: Sequence[Token], reading_order: bool) -> bool:
    """True when values printed one per line in a PDF's reading order stand some on adjacent lines
    (one text block) and some a blank line apart (a block each): STACKED."""
    lines = sorted({v.line for v in values if v.kind == "value"})
    if not reading_order or len(lines) != sum(1 for v in values if v.kind == "value"):
        return False
    gaps = {after - before for before, after in itertools.pairwise(lines)}
    return 1 in gaps and any(gap > 1 for gap in gaps)


def shows_column_order(values: Sequence[Token], reading_order: bool, lined: bool = True) -> bool:
    """False when a PDF's values printed one per line mix a CJK none mark (`无`) with others, or
    stand on two lines, one for each kind (`476` / `无 无`). One per line includes plain
    pdftotext's row whose last two cells share a line (其他 and 总计 on one baseline: `2,205` /
    `无` x 4 / `无 2,205` for 无 2,205 无 无 无 无 2,205, LibreOffice's PDF; stop 51's review).

    `lined` false: text joined into one line, which shows no line a value stood on: its values
    are taken as printed one per line, the only way they show no order of their own.
    """
    printed = [v for v in values if v.kind == "value"]
    lines = {v.line for v in printed}
    if not spread_in_reading_order(printed, reading_order, lined):
        return True
    placed = {(v.line, HAN().search(v.text) is not None) for v in printed}  # (line, is a CJK mark)
    kinds = {cjk for _, cjk in placed}
    counts = [sum(v.line == line for v in printed) for line in sorted(lines)]
    if (
        lined
        and len(lines) != len(printed)
        and not one_row_printed(counts, len(printed))
        and not _paired(counts)
    ):
        # Several values on a line (a wrapped number's lines among a row's, pdftotext -raw: `1,23`
        # / `7` / `无 无 无 无 无` / `1,23` / `7`): the printed order, but where the row's values
        # stand on two lines, one for each kind: a tool that parted the glyphs by their boxes
        # (markitdown on a PDF: `476` / `无 无` for 无 无 476, held-out seed 20261205, r021).
        return not (len(kinds) == 2 and len(lines) == 2 and len(placed) == 2)
    return len(kinds) < 2


def _paired(counts: Sequence[int]) -> bool:
    """True when values stand one a line but for two sharing one line, anywhere: plain pdftotext's
    其他 and 总计 on one baseline, last or with a cell drawn after them (`无` x 4 / `无 1` / `1` for
    无 1 无 无 无 无 1, 商业企业's 1 drawn last: a review's Chromium PDF, seed 20268814 r049)."""
    # (Three lines at least: two lines holding both kinds are a line of -raw's own order, `无 476` / `无`.)
    return len(counts) >= 3 and sorted(counts)[-2:] == [1, 2]


def one_row_printed(counts: Sequence[int], width: int) -> bool:
    """True when lines holding these counts of values print one row of `width` cells as plain
    pdftotext prints it: one cell a line, where only the row's last cells (其他 and 总计, drawn on
    one baseline) may share the last line. (Two lines of several values are a PDF-to-markdown row's
    lines placed by height, its digits and then its 无s, in no column order.)"""
    return sum(counts) == width and all(count == 1 for count in counts[:-1])


def row_shaped(counts: Sequence[int], width: int) -> bool:
    """one_row_printed for rows of more than one cell: a one-column row's lone value is any row's
    shape, and shows nothing (review seed 20268816 r075-v1: `行政处罚` / `行政强制` / `185`, 行政处罚's)."""
    return width > 1 and one_row_printed(counts, width)


def reads_alike(values: Sequence[Token]) -> bool:
    """True when a table 四 group's values before its total are all one cell: any order of them
    reads the same (ACROSS_HEADER)."""
    return all_alike(values[:-1])


def all_alike(values: Sequence[Token]) -> bool:
    """True when the values are all one cell (`0` and `00`, `—` and `-` alike): any order of them
    reads the same."""
    return cells_alike(read_cell(v.text) for v in values if v.kind == "value")


def cells_alike(cells: Iterable[Cell]) -> bool:
    """True when cells already read are all one cell, by kind and value (all_alike's rule)."""
    return len({(cell.kind, cell.value) for cell in cells}) < 2


def total_drawn_earlier(values: Sequence[Token]) -> bool:
    """True when a table 四 group's printed values, read as a PDF that drew the group's total
    earlier (at DRAWN_TOTAL_AT: that printed value the total, the others after it in printed
    order), hold that total too and differ from the printed reading (TOTAL_EARLIER)."""
    cells = [read_cell(v.text, v.line) for v in values if v.kind == "value"]
    if len(cells) < DRAWN_TOTAL_AT + 2:
        return False
    drawn = [*cells[:DRAWN_TOTAL_AT], *cells[DRAWN_TOTAL_AT + 1 :], cells[DRAWN_TOTAL_AT]]
    differs = [(c.kind, c.value) for c in drawn] != [(c.kind, c.value) for c in cells]
    return differs and total_holds([as_evidence(c) for c in drawn])


def order_refused(values: Sequence[Token], reading_order: bool, lined: bool, astray: bool) -> str | None:
    """Why a table 四 group's values, read in printed order, do not show their columns' order
    (DRAWN_ORDER, TOTAL_EARLIER where the values stand among the header's lines: `astray`), or
    None when they do."""
    if not shows_column_order(values, reading_order, lined):
        return DRAWN_ORDER
    if astray and spread_in_reading_order(values, reading_order, lined) and total_drawn_earlier(values):
        return TOTAL_EARLIER
    return None
