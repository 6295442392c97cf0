"""Table 三's 总计 read from rows that drop their blank cells, where the row total settles it.

lynx prints `一、本年新收政府信息公开申请数量 344 344` for 自然人 344 and 总计 344 (FORMAT.md §2.2 K):
which applicant column 344 is in is not shown, but 总计 is the last column and the only reading the
row total leaves it (tables/short_rows.py). Expected values come from the generator's truth or
from the hand texts below, never from the parser.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus import text, truth
from govdisclosure import Report, default_templates, parse
from roundtrip_fields import examples

APPLICANTS = default_templates()["2021"].applications.value_columns[:-1]


def _short_rows(table: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Rows of a truth table printing some but not all cells, the 总计 among them."""
    return {
        row: cells
        for row, cells in table.items()
        if cells["total"]["kind"] == "number"
        and any(cells[c]["kind"] == "number" for c in APPLICANTS)
        and any(c["kind"] == "blank" for c in cells.values())
    }


# Texts that drop blank cells and print each row after its label: on its line (lynx, a crawler's
# page), or on the line after a wrapped label (pdftotext -raw, pdfplumber, -layout of Chromium's).
DROPPING = (
    "html.lynx",
    "html.crawl",
    "pdf-lo.pdftotext-raw",
    "pdf-chromium.pdftotext-raw",
    "pdf-lo.pdfplumber",
    "pdf-chromium.pdfplumber",
    "pdf-chromium.pdftotext-layout",
)


# pdftotext -raw of LibreOffice's PDF prints `5. 属于三类内部事务` / `信息` / `2 2` / `6. 属于四类过程性信`
# / `息` / `7. …`: the line stands between two labels and the next prints no value of its own (a
# blank row), so it may be that label's, printed above it (as -layout prints `3.其他` / `4 4` /
# `（七）总计`, held-out seed 20261207 r016): not read.
BETWEEN_TWO = {"pdf-lo.pdftotext-raw": {"denied_internal_affairs"}}


@pytest.mark.parametrize("route", DROPPING)
def test_rows_dropping_blank_cells_give_their_totals_and_only_them(route: str) -> None:
    # Corpus r036 leaves zeros blank; these tools drop them: every such row prints `v … total`.
    short = _short_rows(truth("r036")["tables"]["applications"])
    assert len(short) == 23  # every row but 6.属于四类过程性信息 and 四、结转下年度 (all blank)
    report = parse(text("r036", route))
    table = report.tables.applications
    assert table is not None
    between = BETWEEN_TWO.get(route, set())
    assert all(row not in table.rows for row in between)
    expected = {row: cells for row, cells in short.items() if row not in between}
    for row, cells in expected.items():
        got = table.rows[row]
        assert set(got) == {"total"}, row
        assert got["total"].value == cells["total"]["value"]
        assert got["total"].basis == "order"
    checks = {c.name: c for c in report.checks}
    assert all(checks[f"applications.row_total.{row}"].decided for row in expected)
    said = [d.message for d in report.diagnostics if d.message.startswith("applications: new_received:")]
    assert len(said) == 1
    assert said[0].endswith(
        "(344 344): the last is its 总计, the sum of the others, as in every row of the table printed so"
    )


def _edited(route: str, old: str, new: str) -> Report:
    source = text("r036", route)
    assert source.count(old) == 1
    return parse(source.replace(old, new))


def _totals(report: Report) -> dict[str, Any]:
    table = report.tables.applications
    assert table is not None
    return {row: cells["total"].value for row, cells in table.rows.items() if "total" in cells}


def test_a_row_printing_one_value_shows_the_table_does_not_print_its_totals() -> None:
    # A report that fills 自然人 but leaves 总计 blank in one row: 5 could be either column, and
    # no other row's last value can be taken for its total then.
    assert _totals(_edited("html.lynx", "2. 重复申请 5 5", "2. 重复申请 5")) == {}


def test_a_row_whose_last_value_is_not_the_sum_shows_it_too() -> None:
    # `4 1`: two applicant columns and a blank total, or a total that does not hold.
    assert _totals(_edited("html.lynx", "3. 要求提供公开出版物 4 4", "3. 要求提供公开出版物 4 1")) == {}


def test_rows_of_zeros_alone_neither_settle_nor_refuse() -> None:
    # `0 0` holds any column's total as well as the row's: it settles nothing and refuses nothing.
    report = _edited("html.lynx", "2. 重复申请 5 5", "2. 重复申请 0 0")
    totals = _totals(report)
    assert "not_processed_duplicate" not in totals
    assert totals["new_received"] == 344


def test_not_where_the_text_may_print_values_beside_another_label() -> None:
    # markitdown on a PDF places a row's values line by its height: the values beside a label may
    # be the row above's or below's (order.py: "apart"), so no row's last value is its 总计 there.
    report = parse(text("r036", "pdf-lo.markitdown"))
    assert "new_received: 2 cells for 7 columns (344 344)" in " ".join(d.message for d in report.diagnostics)
    assert not any("as in every row of the table printed so" in d.message for d in report.diagnostics)
    assert "new_received" not in _totals(report)


# --- a property: lynx-like rows of a report leaving blank cells empty ------------------------------

_FRAME = text("r036", "html.lynx").splitlines()
_FIRST = next(i for i, ln in enumerate(_FRAME) if "一、本年新收" in ln)
_LAST = next(i for i, ln in enumerate(_FRAME) if "四、结转下年度继续办理" in ln)
_ROWS = default_templates()["2021"].standard_row_ids("applications")


def _label(line: str) -> str:
    """A lynx row line without its values."""
    words = line.split()
    while words and words[-1].replace(",", "").isdigit():
        words.pop()
    return " ".join(words)


_LABELS = [_label(ln) for ln in _FRAME[_FIRST : _LAST + 1]]
# Blank twice as often as a number; small numbers often, so that rows print equal values (`1 1`).
_CELL = st.one_of(st.none(), st.none(), st.integers(1, 3), st.integers(4, 3_000))
_NONE = [None] * 6
# A report leaving 总计 blank: one row prints `1 1` (two applicant columns), another a lone `2`.
_COINCIDENCE = [[*_NONE[:4], 1, 1], [2, *_NONE[1:]], *[_NONE] * (len(_ROWS) - 2)]


def _text(rows: dict[str, list[int | None]]) -> str:
    lines = [
        "   " + " ".join([label, *(f"{v:,}" for v in rows[row] if v is not None)])
        for row, label in zip(_ROWS, _LABELS, strict=True)
    ]
    return "\n".join([*_FRAME[:_FIRST], *lines, *_FRAME[_LAST + 1 :]]) + "\n"


@settings(deadline=None, max_examples=examples(dev=60, ci=40))
@given(
    drawn=st.lists(st.lists(_CELL, min_size=6, max_size=6), min_size=len(_ROWS), max_size=len(_ROWS)),
    totals_printed=st.booleans(),
)
@example(drawn=_COINCIDENCE, totals_printed=False)
def test_a_total_is_read_only_where_every_row_shows_it(
    drawn: list[list[int | None]], totals_printed: bool
) -> None:
    # Every applicant cell blank or a number; 总计 printed as their sum (blank where 0), or left
    # blank by a report that does not fill it.
    rows = {}
    for row, applicants in zip(_ROWS, drawn, strict=True):
        total = sum(v or 0 for v in applicants) or None
        rows[row] = [*applicants, total if totals_printed else None]
    printed = [[v for v in values if v is not None] for values in rows.values()]
    # Where every row printing values prints a last value that is the sum of the others, the text
    # is one a report printing its totals prints, every identity holding: read as that report's.
    # Where a row does not, it shows the report prints no total: none may be read.
    shows_totals = all(len(p) > 1 and sum(p[:-1]) == p[-1] for p in printed if p)
    table = parse(_text(rows)).tables.applications
    assert table is not None
    for row, cells in table.rows.items():
        for column, cell in cells.items():
            at = APPLICANTS.index(column) if column in APPLICANTS else 6
            if totals_printed or not shows_totals or column != "total":
                assert cell.value == rows[row][at], (row, column)
    totals = {
        row for row, cells in table.rows.items() if cells.get("total") and cells["total"].basis == "order"
    }
    if totals_printed:
        # Every row printing a value and not its every cell holds its total: each gives it.
        assert totals == {r for r, v in rows.items() if v[-1] is not None and None in v}
    elif not shows_totals:
        assert totals == set()


# --- numbers wrapped around a bare label ----------------------------------------------------------

_SEVEN_EIGHT = "7. 属于行政执法案卷 3 3\n8. 属于行政查询事项 2 2\n"


@pytest.mark.parametrize(
    "lines",
    [
        # 8.属于行政查询事项 102 twice, its cells centred on a label of one line (LibreOffice's PDF,
        # pdfplumber): the pieces above the label, under 7's whole row, the tails under it.
        "7. 属于行政执法案卷 3 3\n10 10\n8. 属于行政查询事项\n2 2\n",
        # The same lines around a blank row 7: 10 10 may be 7's, or 8's 102's pieces.
        "7. 属于行政执法案卷\n10 10\n8. 属于行政查询事项\n2 2\n",
        # 103: `10` / `3` as well as 7's 10 and 8's 3.
        "7. 属于行政执法案卷\n10 10\n8. 属于行政查询事项\n3 3\n",
    ],
)
def test_digits_around_a_bare_label_are_no_rows_values(lines: str) -> None:
    # Text without the digits' places cannot tell numbers wrapped around a label from two rows'
    # values: neither row's 总计 is read; the rest of the table still is.
    totals = _totals(_edited("pdf-lo.pdfplumber", _SEVEN_EIGHT, lines))
    assert "denied_enforcement_case_files" not in totals
    assert "denied_administrative_inquiry" not in totals
    assert totals["new_received"] == 344


def test_lines_around_a_label_that_no_wrap_makes_are_read() -> None:
    # Two values above the label, three under it: no number's pieces and tails (nor `0 0` / label
    # / `0 0`, `00` being no number): 7 prints 4 4, 8 prints 1 2 and its total 3.
    lines = "7. 属于行政执法案卷\n4 4\n8. 属于行政查询事项\n1 2 3\n"
    totals = _totals(_edited("pdf-lo.pdfplumber", _SEVEN_EIGHT, lines))
    assert totals["denied_enforcement_case_files"] == 4
    assert totals["denied_administrative_inquiry"] == 3


# A property: rows printed beside their label, on the line under it (a wrapped label's cell), or,
# every value of two digits or more, wrapped around it (pieces above, tails under): never a wrong
# number, whatever the layout.
_PLACES = st.sampled_from(["beside", "under", "around"])


def _wrapped_text(rows: dict[str, list[int | None]], places: list[str]) -> str:
    lines = []
    for (row, label), place in zip(zip(_ROWS, _LABELS, strict=True), places, strict=True):
        printed = [str(v) for v in rows[row] if v is not None]
        if place == "around" and printed and all(len(v) > 1 for v in printed):
            lines += [" ".join(v[:-1] for v in printed), label, " ".join(v[-1] for v in printed)]
        elif place == "under" and printed:
            lines += [label, " ".join(printed)]
        else:
            lines.append(" ".join([label, *printed]))
    return "\n".join([*_FRAME[:_FIRST], *lines, *_FRAME[_LAST + 1 :]]) + "\n"


@settings(deadline=None, max_examples=examples(dev=80, ci=40))
@given(
    drawn=st.lists(st.lists(_CELL, min_size=6, max_size=6), min_size=len(_ROWS), max_size=len(_ROWS)),
    places=st.lists(_PLACES, min_size=len(_ROWS), max_size=len(_ROWS)),
)
# Row 8.属于行政查询事项 alone printing 102 twice, wrapped around its label, under a blank row 7.
@example(
    drawn=[[None] * 6] * 11 + [[102, *[None] * 5]] + [[None] * 6] * (len(_ROWS) - 12),
    places=["beside"] * 11 + ["around"] + ["beside"] * (len(_ROWS) - 12),
)
# Found on a random draw: 10 in every applicant column of 予以公开, wrapped around its label
# (`1 1 1 1 1 1 6` / label / `0 0 0 0 0 0 0`), under a blank 上年结转: each line read as a whole row
# holding its total, the first as 上年结转's (tables/around.py).
@example(
    drawn=[[None] * 6] * 2 + [[10] * 6] + [[None] * 6] * (len(_ROWS) - 3),
    places=["beside"] * 2 + ["around"] + ["beside"] * (len(_ROWS) - 3),
)
def test_no_wrong_total_whatever_the_rows_layout(drawn: list[list[int | None]], places: list[str]) -> None:
    rows = {}
    for row, applicants in zip(_ROWS, drawn, strict=True):
        rows[row] = [*applicants, sum(v or 0 for v in applicants) or None]
    table = parse(_wrapped_text(rows, places)).tables.applications
    assert table is not None
    for row, cells in table.rows.items():
        for column, cell in cells.items():
            at = APPLICANTS.index(column) if column in APPLICANTS else 6
            assert cell.value == rows[row][at], (row, column)


def test_a_line_between_two_labels_still_shows_the_table_prints_no_totals() -> None:
    # pdftotext -raw's `5. 属于三类内部事务` / `信息` / `2` / `6. 属于四类过程性信`: the line may be
    # either label's row (BETWEEN_TWO), but it is one row's, and one value worth something shows
    # the report does not print its totals: no row's 总计 is read by order.
    report = _edited("pdf-lo.pdftotext-raw", "信息\n2 2\n6. 属于四类过程性信", "信息\n2\n6. 属于四类过程性信")
    assert _totals(report) == {}
