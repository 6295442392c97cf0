"""One value of table 三 printed apart from its row, rows away (tables/moved.py).

Plain pdftotext prints a Chromium PDF's table 三 row after row but now and then prints one cell of
a row (二、上年结转's first column or its 总计) rows later, beside another row's label. The value is
taken back where every row's total, and then every identity, holds, and only where that is the one
such place and the printed order could not be a report's own slip (two cells swapped, a row typed
a column off), which the identities must flag, not the parser mend.

Properties print any balanced table so with one value moved anywhere at least a row away, and check
nothing comes back wrong, and a report with a slip of its own (two cells swapped, a value typed in
a zero cell, a row typed a column off), whose values must come back as printed; the explicit
tests show the reading, a committed corpus text, and a report's slip left as printed.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus import text
from corpus.score import table_cells
from govdisclosure.layout import Token
from govdisclosure.model import Report
from govdisclosure.tables.moved import one_moved
from plain_table import FEWER, TEMPLATES, Rows, applications, balanced_counts, print_plain, zero_rows

MOVED = "one value printed apart from its row"
# A value's line: a number, or a mark for nothing (not a label such as `1.属于国家秘密`).
VALUE = regex.compile(r"[\d,]+|[—/]")


def _values(report: Report, template: str) -> dict[str, list[int]]:
    columns = TEMPLATES[template].applications.value_columns
    return {row: [cells[c].value or 0 for c in columns] for row, cells in applications(report).rows.items()}


def _as_printed(report: Report, template: str, rows: Rows) -> None:
    """No value moved, and every row read has the values the report prints."""
    assert not any(MOVED in d.message for d in report.diagnostics)
    for row, values in _values(report, template).items():
        assert values == rows[row], row


def _rows_2019() -> Rows:
    return zero_rows(
        "2019",
        new_received=[41, 6, 0, 1, 1, 0, 49],
        carried_over=[5, 2, 0, 0, 0, 0, 7],
        granted=[30, 5, 0, 1, 0, 0, 36],
        partially_granted=[4, 1, 0, 0, 0, 0, 5],
        denied_state_secret=[1, 0, 0, 0, 0, 0, 1],
        unavailable_not_held=[6, 2, 0, 0, 1, 0, 9],
        other=[2, 0, 0, 0, 0, 0, 2],
        outcome_total=[43, 8, 0, 1, 1, 0, 53],
        carried_forward=[3, 0, 0, 0, 0, 0, 3],
    )


def _moved(lines: list[str], value: int, before: int) -> list[str]:
    """The lines with the `value`th value line (and the empty line after it) put before line `before`."""
    at = [i for i, line in enumerate(lines) if VALUE.fullmatch(line.strip())][value]
    moved = lines[at : at + 2]
    rest = lines[:at] + lines[at + 2 :]
    before -= 2 if before > at else 0
    return rest[:before] + moved + rest[before:]


def test_a_total_printed_rows_later_is_read_as_its_row_s() -> None:
    rows = _rows_2019()
    lines = print_plain("2019", rows, ["before"] * len(rows), "0", False, False)
    # 二's 总计 (the 14th value) printed after 3.补正后申请内容仍不明确's values, before 信访's label.
    label = next(
        r.label.label for r in TEMPLATES["2019"].applications.rows if r.id == "not_processed_complaint"
    )
    report = govdisclosure.parse("\n".join(_moved(lines, 13, lines.index(label))))
    assert _values(report, "2019") == rows
    got = applications(report)
    assert got["carried_over"]["total"].raw == "7"
    assert got["carried_over"]["total"].basis == "order"
    note = next(d.message for d in report.diagnostics if MOVED in d.message)
    assert "carried_over's total (7" in note


def test_rows_that_a_moved_value_shifted_are_not_read_as_printed() -> None:
    # Every label listed after all the values: the printed order cuts into rows with nothing to
    # confirm where a row starts. 二's 总计 (7) printed 26 values on, among 2.其他法律行政法规禁止
    # 公开's zeros, shifts 二 to 2. by one value each, and those rows break their totals as cut; one move
    # makes every identity hold again, so the rows are not taken as printed (a review's finding:
    # they were, 30 read as 二's 总计, 36 as （一）'s 其他), but with the 7 taken back.
    rows = _rows_2019()
    lines = print_plain("2019", rows, ["apart"] * len(rows), "0", False, False)
    values = [i for i, line in enumerate(lines) if VALUE.fullmatch(line.strip())]
    report = govdisclosure.parse("\n".join(_moved(lines, 13, values[40])))
    assert _values(report, "2019") == rows
    note = next(d.message for d in report.diagnostics if MOVED in d.message)
    assert "carried_over's total (7" in note


def test_a_report_s_own_slip_is_not_mended() -> None:
    # The report typed 二's 总计 (2) in （一）予以公开's 商业企业 cell, leaving its own cell 0: both
    # rows break their totals as printed, and taking the 2 back would make every identity hold. The
    # text cannot tell that slip from a tool's: the values stay as printed, their rows unread or
    # read as printed, and the checks say what breaks.
    rows = zero_rows(
        "2019",
        new_received=[1, 0, 0, 0, 0, 0, 1],
        carried_over=[2, 0, 0, 0, 0, 0, 0],
        granted=[0, 0, 0, 2, 0, 0, 0],
        partially_granted=[3, 0, 0, 0, 0, 0, 3],
        outcome_total=[3, 0, 0, 0, 0, 0, 3],
    )
    styles = ["apart"] * len(rows)
    styles[0] = styles[1] = styles[2] = "inside3"
    report = govdisclosure.parse("\n".join(print_plain("2019", rows, styles, "0", False, False)))
    _as_printed(report, "2019", rows)


def test_a_reading_that_looks_like_a_slip_is_still_a_rival() -> None:
    # 7.属于行政执法案卷's 总计 5 printed six values later, over 8.属于行政查询事项's zeros, that
    # label among its values. Taking the 5 back changes two cells of the printed order, as a report's
    # own swap would, so it is not read; but it is a reading every identity holds on, and so is one
    # where the two rows trade places: neither is the one (a review's reproducer gave 执法案卷 and
    # 行政查询 each other's values when the first was dropped before the count).
    rows = zero_rows(
        "2019",
        new_received=[3, 0, 0, 5, 0, 0, 8],
        granted=[3, 0, 0, 0, 0, 0, 3],
        denied_enforcement_case_files=[0, 0, 0, 5, 0, 0, 5],
        outcome_total=[3, 0, 0, 5, 0, 0, 8],
    )
    styles = ["before"] * len(rows)
    styles[list(rows).index("denied_administrative_inquiry")] = "inside4"
    lines = print_plain("2019", rows, styles, "0", False, False)
    total = list(rows).index("denied_enforcement_case_files") * 7 + 6
    values = [i for i, line in enumerate(lines) if VALUE.fullmatch(line.strip())]
    report = govdisclosure.parse("\n".join(_moved(lines, total, values[total + 6])))
    _as_printed(report, "2019", rows)


def test_plain_pdftotext_of_a_chromium_pdf_gets_二_s_first_cell_back() -> None:
    # Committed corpus r058 (Chromium's PDF, plain pdftotext, `—` for zero): 二、上年结转's first cell
    # stands rows away from its row; read with it taken back, every cell read is as printed.
    parsed, printed = table_cells("r058", "pdf-chromium.pdftotext", "applications")
    assert {key: cell for key, cell in parsed.items() if cell != printed[key]} == {}
    assert {"new_received", "carried_over", "outcome_total", "carried_forward"} <= {row for row, _ in parsed}
    report = govdisclosure.parse(text("r058", "pdf-chromium.pdftotext"))
    note = next(d.message for d in report.diagnostics if MOVED in d.message)
    assert "carried_over's natural_person (—" in note


def test_rows_mixing_wu_stay_unplaced_where_one_value_moved() -> None:
    # Committed corpus r013 (Chromium's PDF, plain pdftotext): 二's 总计 54 stands between
    # 1.信访举报投诉类申请 and 2.重复申请, but every row holding a number mixes 无 with it, printed one
    # value a line with its last two on one line: a PDF's reading order may have moved 无 (drawn.py,
    # stop 51's review), so no row is read in that order, and none is wrong.
    parsed, printed = table_cells("r013", "pdf-chromium.pdftotext", "applications")
    assert {key: cell for key, cell in parsed.items() if cell != printed[key]} == {}
    report = govdisclosure.parse(text("r013", "pdf-chromium.pdftotext"))
    assert any(
        d.code == "cell-unplaced"
        and "new_received" in d.message
        and "(2553 275 无 无 无 无 2828)" in d.message
        for d in report.diagnostics
    )


@FEWER
@given(data=st.data())
def test_one_value_moved_rows_away_gives_no_wrong_number(data: st.DataObject) -> None:
    template = data.draw(st.sampled_from(["2019", "2021"]))
    rows = data.draw(balanced_counts(template))
    # Mixed, or one style for every row (real texts print all labels apart from all values).
    style = st.sampled_from(["before", "before", "inside3", "apart"])
    styles = data.draw(
        st.lists(style, min_size=len(rows), max_size=len(rows)) | style.map(lambda one: [one] * len(rows))
    )
    zero = data.draw(st.sampled_from(["0", "—", "/"]))
    lines = print_plain(template, rows, styles, zero, data.draw(st.booleans()), False)
    count = len(rows) * 7
    value = data.draw(st.integers(0, count - 1))
    # Anywhere a line stands at least a row's values away.
    value_lines = [i for i, line in enumerate(lines) if VALUE.fullmatch(line.strip())]
    far = [i for k, i in enumerate(value_lines) if abs(k - value) > 7]
    report = govdisclosure.parse("\n".join(_moved(lines, value, data.draw(st.sampled_from(far)))))
    for row, values in _values(report, template).items():
        assert values == rows[row], row


@FEWER
@given(data=st.data())
def test_a_report_s_own_slip_gives_its_values_as_printed(data: st.DataObject) -> None:
    # A report whose own cells slipped (two swapped, a value typed in a zero cell, a row typed a
    # column off) breaks its identities as printed: whatever is read, it is what the report prints.
    template = data.draw(st.sampled_from(["2019", "2021"]))
    rows = data.draw(balanced_counts(template))
    printed = {row: list(values) for row, values in rows.items()}
    cells = [(row, i) for row in rows for i in range(7)]
    kind = data.draw(st.sampled_from(["swap", "typed apart", "row shifted"]))
    if kind == "row shifted":
        row, step = data.draw(st.sampled_from(list(rows))), data.draw(st.sampled_from([1, -1]))
        printed[row] = printed[row][step:] + printed[row][:step]
    else:
        a, b = data.draw(st.lists(st.sampled_from(cells), min_size=2, max_size=2, unique=True))
        if kind == "typed apart":
            printed[b[0]][b[1]] = 0
            printed[a[0]][a[1]], printed[b[0]][b[1]] = 0, rows[a[0]][a[1]]
        else:
            printed[a[0]][a[1]], printed[b[0]][b[1]] = rows[b[0]][b[1]], rows[a[0]][a[1]]
    styles = data.draw(
        st.lists(st.sampled_from(["before", "inside3", "apart"]), min_size=len(rows), max_size=len(rows))
    )
    zero = data.draw(st.sampled_from(["0", "—", "/"]))
    report = govdisclosure.parse("\n".join(print_plain(template, printed, styles, zero, False, False)))
    _as_printed(report, template, printed)


@given(
    values=st.lists(st.sampled_from(["0", "1", "2", "3", "无"]), min_size=6, max_size=21).filter(
        lambda v: "无" in v and any(x != "无" for x in v)
    ),
    width=st.sampled_from([3, 7]),
)
def test_values_mixing_wu_give_no_moved_reading(values: list[str], width: int) -> None:
    # A PDF's reading order moves 无 (drawn.DRAWN_ORDER): values out of place among 无s need not be
    # one value moved (a review's LibreOffice PDF, 19 px type: 二's 8 … 8 printed around 一's 无s
    # was read as 一's with one 8 moved), so no order with a value moved is offered.
    tokens = [Token("value", text, line) for line, text in enumerate(values, 1)]
    assert one_moved(tokens, width) == []
