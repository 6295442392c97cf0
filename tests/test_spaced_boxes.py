"""Letter-spaced table 三 in text boxes (plain pdftotext): each cell a line, its digits spaced.

A letter-spaced table (CSS `letter-spacing`) comes out of plain pdftotext one box a line, a blank
line between: a label's pieces (its number mark maybe alone, `3 .`), then its row's cells one a
line, `2 , 1 6 3` / `1` / `—` / … / `2 , 1 6 4`. A box may hold two cells' digits (`1 2`), and a
blank cell prints nothing at all, so how many cells a line holds only the identities tell
(tables/spaced_digits.py, tables/pending.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from plain_table import FEWER
from test_spaced_digits import (
    ACTIVE_LINES,
    COLUMNS,
    HEAD_LINES,
    MARKS,
    ROWS,
    Printed,
    _shown,
    _spaced,
    _wrapped,
    assert_no_number_but_its_own,
    draw_row,
)

REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"


@st.composite
def boxed_spaced_tables(draw: st.DrawFn) -> tuple[str, Printed, str | None, dict[str, bool]]:
    """Table 三 letter-spaced as plain pdftotext prints it, each box a line and a blank line
    between: each row's label (whole or wrapped; its number mark alone on a line or not), then its
    printed cells one a line, or two neighbours in one box; some reports leave cells blank, which
    print nothing, a zero as a none mark, thousands with a comma. Also which rows print each cell
    in a box of its own."""
    blanks = draw(st.booleans())
    mark = draw(st.sampled_from(MARKS))
    big = draw(st.booleans())
    width = draw(st.sampled_from([None, 4, 5, 8]))
    mark_apart = draw(st.booleans())  # `3 .` on a line of its own, the label's words after it
    shared = draw(st.booleans())  # some boxes hold two cells
    lines = [*ACTIVE_LINES, *HEAD_LINES]
    printed: Printed = {}
    alone: dict[str, bool] = {}
    for row in ROWS:
        if row.id == "granted":
            lines.append(_spaced("三、本年度办理结果"))
        cells = printed[row.id] = draw_row(draw, big, blanks)
        label = row.label.label
        number, dot, words = label.partition(".")
        if mark_apart and dot and number.isdigit():
            lines.append(_spaced(number + dot))
            label = words
        lines += [_spaced(p) for p in _wrapped(label, width)]
        boxes = [_spaced(_shown(v, mark)) for v in cells if v is not None]
        joins: set[int] = set()
        if shared and len(boxes) > 1:
            joins = draw(st.sets(st.integers(0, len(boxes) - 2), max_size=2))
        for i in sorted(joins, reverse=True):
            boxes[i : i + 2] = [f"{boxes[i]} {boxes[i + 1]}"]
        alone[row.id] = None not in cells and not joins
        lines += boxes
    lines.append(_spaced("四、政府信息公开行政复议、行政诉讼情况"))
    return "\n\n".join(lines) + "\n", printed, mark, alone


@FEWER  # a whole table parsed an example
@given(boxed_spaced_tables())
def test_boxed_letter_spaced_digits_give_no_number_but_their_own(
    drawn: tuple[str, Printed, str | None, dict[str, bool]],
) -> None:
    text, printed, mark, _ = drawn
    assert_no_number_but_its_own(text, printed, mark)


@FEWER  # a whole table parsed an example
@given(boxed_spaced_tables())
def test_boxed_rows_printing_each_cell_in_a_box_are_read(
    drawn: tuple[str, Printed, str | None, dict[str, bool]],
) -> None:
    # Seven boxes for seven cells: one reading, each line a cell, and its total holds. (Not a row
    # mixing 无 with digits: a PDF's reading order may draw 无 apart from the digits, drawn.py.)
    text, printed, mark, alone = drawn
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    for row, cells in printed.items():
        mixed = mark == "无" and 0 in cells and any(cells)
        if not alone[row] or mixed:
            continue
        read = table.rows.get(row, {})
        expected = {c: (None if mark and v == 0 else v) for c, v in zip(COLUMNS, cells, strict=True)}
        assert {c: read[c].value for c in read} == expected, row


def _rows(report: str, rows: tuple[str, ...]) -> tuple[dict[str, object], dict[str, object], set[str | None]]:
    """A review text's table 三 (plain pdftotext) as parsed and its truth, raw text, for `rows`;
    and the bases its cells there carry."""
    truth = json.loads((REVIEW / f"{report}.truth.json").read_text(encoding="utf-8"))
    text = (REVIEW / f"{report}.pdf-chromium.pdftotext.txt").read_text(encoding="utf-8")
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    expected = {
        row: {c: cell["raw"] for c, cell in truth["tables"]["applications"][row].items()} for row in rows
    }
    read = {row: {c: cell.raw for c, cell in table.rows.get(row, {}).items()} for row in rows}
    bases = {cell.basis for row in rows for cell in table.rows.get(row, {}).values()}
    return expected, read, bases


# A review's Chromium PDFs in letter-spacing through plain pdftotext, fresh seed 20268849:
# r001-v1 (0.5 em, zeros printed 0) prints `一 、 本 年 新 收 …` / `9 9` / `0` / … / `2` / `1 0 1`, and
# dash-r010-v1 (0.5 em, zeros printed —) `（ 一 ） 予 以 公 开` / `2 , 1 5 8` / `1` / `—` / … /
# `2 , 1 5 9`, its rows' number marks on lines of their own (`3 .` / `危 及 “ 三 安 全 一 稳 定 ”`).
# Before stop 74 each row with such a line, and the next, was said as a number printed broken:
# 84 and 63 of their 175 table 三 cells were read, 154 and 140 now.
SPLIT_ROWS = [
    ("s20268849-zeros-r001-v1", ("new_received", "granted", "partially_granted", "unavailable_not_held")),
    ("s20268849-dash-r010-v1", ("granted",)),
]


@pytest.mark.parametrize(("report", "rows"), SPLIT_ROWS)
def test_boxed_letter_spaced_rows_are_split_by_their_identities(report: str, rows: tuple[str, ...]) -> None:
    expected, read, bases = _rows(report, rows)
    assert read == expected
    assert bases == {"split"}


# Rows of marks and lone digits in those texts, beside the split ones and after a `3 .` alone.
ORDER_ROWS = [
    ("s20268849-zeros-r001-v1", ("carried_over", "denied_prohibited_by_law", "not_processed_complaint")),
    (
        "s20268849-dash-r010-v1",
        ("partially_granted", "denied_three_safeties_one_stability", "unavailable_not_held"),
    ),
]


@pytest.mark.parametrize(("report", "rows"), ORDER_ROWS)
def test_rows_beside_boxed_letter_spaced_rows_are_read(report: str, rows: tuple[str, ...]) -> None:
    expected, read, bases = _rows(report, rows)
    assert read == expected
    assert bases == {"order"}


def test_a_bare_number_s_line_opens_the_label_after_it() -> None:
    # `8 .` / `属 于 行 政` / `查 询 事 项`: 属于行政 alone reads as 属于行政执法案卷's start, and the
    # label was lost (its values went to the row before); `4 .` / `无 正 当 理` / `由 大 量 反` /
    # `复 申 请`: 无 opening a line read as a none mark. Found by the properties above (zeros, every
    # label's number mark on a line of its own, labels wrapped four characters a line).
    lines = [*ACTIVE_LINES, *HEAD_LINES]
    for row in ROWS:
        if row.id == "granted":
            lines.append(_spaced("三、本年度办理结果"))
        number, dot, words = row.label.label.partition(".")
        lines += [_spaced(number + dot)] if dot else []
        lines += [_spaced(p) for p in _wrapped(words if dot else row.label.label, 4)]
        lines += ["0"] * 7
    table = govdisclosure.parse("\n\n".join(lines) + "\n").tables.applications
    assert table is not None
    for row in ("denied_administrative_inquiry", "not_processed_excessive"):
        assert {c: cell.value for c, cell in table.rows.get(row, {}).items()} == dict.fromkeys(COLUMNS, 0), (
            row
        )
