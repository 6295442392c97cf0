"""A row's values on a line of their own just above its label (pdfplumber's text of a PDF table).

pdfplumber prints a PDF's words line by line down the page. A row whose values sit a little higher
than its label's words (a tall or wrapped label cell, values at its middle) prints them as a line of
their own right above the label, or between the pieces of its wrapped label. Such a line is placed
only where the text leaves one reading: the row above is printed whole, and the label right below is
the template's next row (basis order); anything else stays `cell-unplaced` (hand-written texts in
the shape of ../shared's huaian-hongze reports through pdfplumber, and a property over any balanced
table 三).
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.model import Report
from govdisclosure.templates import default_templates
from plain_table import applications

TEMPLATES = default_templates()
SPEC = TEMPLATES["2019"].applications
LABEL = {r.id: r.label.label for r in SPEC.rows}
HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况",
    "自然人 法人或其他组织 总计",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
]
TAIL = ["四、政府信息公开行政复议、行政诉讼情况", "下一步，将继续加强平台建设。"]
ZEROS = "0 0 0 0 0 0 0"


def _row(report: Report, row: str) -> list[int | None]:
    return [None if c.value is None else int(c.value) for c in applications(report).rows[row].values()]


def _unplaced(report: Report) -> list[str]:
    return [d.message for d in report.diagnostics if d.code == "cell-unplaced"]


def _zero_rows(ids: Sequence[str]) -> list[str]:
    return [f"{LABEL[r]} {ZEROS}" for r in ids]


ROWS = [r.id for r in SPEC.rows if r.standard]


def _hongze_like(middle: list[str]) -> str:
    """Rows 一, 二 and （一） whole on their label's line, then `middle`, then the rest whole from
    （三）2 on."""
    start = ROWS.index("denied_prohibited_by_law")
    head = [f"{LABEL['new_received']} 21 0 0 0 0 0 21", *_zero_rows(ROWS[1:3])]
    return "\n".join(HEAD + head + middle + _zero_rows(ROWS[start:]) + TAIL)


def test_a_values_line_after_a_wrapped_labels_tail_is_the_next_rows() -> None:
    # huaian-hongze-gov-2023 through pdfplumber: （二）'s values between its label's two pieces, then
    # 1.属于国家秘密's values right above its label.
    report = govdisclosure.parse(
        _hongze_like(
            [
                "（二）部分公开（区分处理的，只计这一情 形，不",
                "4 0 0 0 0 0 4",
                "计其他情形）",
                "1 0 0 0 0 0 1",
                LABEL["denied_state_secret"],
            ]
        )
    )
    assert _row(report, "partially_granted") == [4, 0, 0, 0, 0, 0, 4]
    assert _row(report, "denied_state_secret") == [1, 0, 0, 0, 0, 0, 1]
    assert {c.basis for c in applications(report).rows["denied_state_secret"].values()} == {"order"}
    # The rows printed whole on their label's line are read as printed, not by the table's order.
    assert {c.basis for c in applications(report).rows["denied_prohibited_by_law"].values()} == {None}
    assert _unplaced(report) == []


def test_a_values_line_above_a_label_after_a_whole_row_is_that_labels() -> None:
    report = govdisclosure.parse(
        _hongze_like(
            [f"{LABEL['partially_granted']} 4 0 0 0 0 0 4", "1 0 0 0 0 0 1", LABEL["denied_state_secret"]]
        )
    )
    assert _row(report, "denied_state_secret") == [1, 0, 0, 0, 0, 0, 1]
    assert {c.basis for c in applications(report).rows["denied_state_secret"].values()} == {"order"}
    # The rows printed whole on their label's line are read as printed, not by the table's order.
    assert {c.basis for c in applications(report).rows["denied_prohibited_by_law"].values()} == {None}
    assert _unplaced(report) == []


def test_a_values_line_above_a_label_that_is_not_the_next_row_is_not_placed() -> None:
    # （二）'s label left out of the text: the line could be its values, not 1.属于国家秘密's.
    report = govdisclosure.parse(_hongze_like(["4 0 0 0 0 0 4", LABEL["denied_state_secret"]]))
    assert "partially_granted" not in applications(report).rows
    assert "denied_state_secret" not in applications(report).rows
    assert any("4 0 0 0 0 0 4" in m for m in _unplaced(report))


def test_a_values_line_after_a_row_printed_in_part_is_not_placed() -> None:
    # The row above printed three values on its line: the line after may be the rest of it.
    report = govdisclosure.parse(
        _hongze_like([f"{LABEL['partially_granted']} 4 0 4", "1 0 0 0 0 0 1", LABEL["denied_state_secret"]])
    )
    assert "denied_state_secret" not in applications(report).rows
    assert any("1 0 0 0 0 0 1" in m for m in _unplaced(report))


def test_a_values_line_above_a_label_that_prints_its_own_values_is_not_placed() -> None:
    report = govdisclosure.parse(
        _hongze_like(
            [
                f"{LABEL['partially_granted']} {ZEROS}",
                "1 0 0 0 0 0 1",
                f"{LABEL['denied_state_secret']} 2 0 0 0 0 0 2",
            ]
        )
    )
    assert _row(report, "denied_state_secret") == [2, 0, 0, 0, 0, 0, 2]
    assert any("1 0 0 0 0 0 1" in m for m in _unplaced(report))


# --- property: any balanced table 三, rows after whole rows printed with their values above -------

ROLES = {r.id: r.role for r in SPEC.rows}


@st.composite
def _balanced_rows(draw: st.DrawFn) -> dict[str, list[int]]:
    """A 2019 table 三 whose identities hold, many of its rows zeros (as most reports print)."""
    rows: dict[str, list[int]] = {}
    for row in ROWS:
        if ROLES[row] == "outcome":
            cells = draw(st.one_of(st.just([0] * 6), st.lists(st.integers(0, 3000), min_size=6, max_size=6)))
            rows[row] = [*cells, sum(cells)]
    total = [sum(column) for column in zip(*rows.values(), strict=True)]
    carried = draw(st.lists(st.integers(0, 50), min_size=6, max_size=6))
    forward = [min(c, t) for c, t in zip(carried, total, strict=False)]
    new = [t + f - c for t, f, c in zip(total, forward, carried, strict=False)]
    whole = {
        "new_received": [*new, sum(new)],
        "carried_over": [*carried, sum(carried)],
        **rows,
        "outcome_total": total,
        "carried_forward": [*forward, sum(forward)],
    }
    return {row: whole[row] for row in ROWS}


def _print(rows: dict[str, list[int]], above: Sequence[bool]) -> str:
    lines = list(HEAD)
    for (row, values), up in zip(rows.items(), above, strict=True):
        printed = " ".join(map(str, values))
        lines += [printed, LABEL[row]] if up else [f"{LABEL[row]} {printed}"]
    return "\n".join(lines + TAIL)


def _aboves(data: st.DataObject, rows: dict[str, list[int]]) -> list[bool]:
    """Which rows print their values above their labels: any row but the first (the rows above
    may print any numbers: a whole values line under a row printed whole is no wrap's tails)."""
    return [i > 0 and data.draw(st.booleans(), label=row) for i, row in enumerate(rows)]


# Each example parses a 30-line table: a fifth of the profile's examples is enough.
FEWER = settings(max_examples=max(30, settings().max_examples // 5))


@FEWER
@given(data=st.data())
def test_any_table_with_values_above_their_labels_reads_back(data: st.DataObject) -> None:
    rows = data.draw(_balanced_rows())
    above = _aboves(data, rows)
    report = govdisclosure.parse(_print(rows, above))
    assert {row: _row(report, row) for row in rows} == rows
    for row, up in zip(rows, above, strict=True):
        bases = {c.basis for c in applications(report).rows[row].values()}
        assert bases == ({"order"} if up else {None}), row
    assert _unplaced(report) == []


@FEWER
@given(data=st.data())
def test_a_label_left_out_gives_no_wrong_number(data: st.DataObject) -> None:
    # A row's label missing from the text, its values where it stood, after a row printed whole
    # on its line: the next label is not the template's next row after that row, so the line is
    # not given to it, whether that label prints its values above it or on its line.
    rows = data.draw(_balanced_rows())
    order = list(rows)
    above = _aboves(data, rows)
    gone = data.draw(st.sampled_from([i for i in range(1, len(order) - 1) if not above[i - 1]]))
    above[gone] = True
    text = _print(rows, above).split("\n")
    text.remove(LABEL[order[gone]])
    report = govdisclosure.parse("\n".join(text))
    assert order[gone] not in applications(report).rows
    for row, cells in applications(report).rows.items():
        assert [c.value for c in cells.values()] == rows[row], row


def test_labels_and_values_lines_alternating_after_a_stray_line_place_nothing() -> None:
    # The label of 7.属于行政执法案卷 left out, its values where it stood, and every row after it
    # printing its values above its label: each values line may be the label's above or below it,
    # and read below, 5.要求行政机关确认…'s took （六）其他处理's `0 0 0 0 0 1 1`.
    rows = {row: [0] * 7 for row in ROWS}
    for row in ("new_received", "other", "outcome_total"):
        rows[row] = [0, 0, 0, 0, 0, 1, 1]
    order = list(rows)
    first = order.index("denied_enforcement_case_files")
    above = [first <= i <= order.index("other") for i in range(len(order))]
    lines = _print(rows, above).split("\n")
    lines.remove(LABEL["denied_enforcement_case_files"])
    report = govdisclosure.parse("\n".join(lines))
    for row, cells in applications(report).rows.items():
        assert [c.value for c in cells.values()] == rows[row], row
    assert "not_processed_confirmation" not in applications(report).rows
    assert any("between two labels" in m for m in _unplaced(report))


def test_values_above_labels_that_may_be_numbers_wrapped_around_one_read_where_the_identities_hold() -> None:
    # Found on a random draw: `1 1 1 1 1 1 6` / 二、上年结转… / `0 0 0 0 0 0 0` may be 10 … 60 wrapped
    # around 上年结转's label (tables/around.py); read as values above their labels, every identity
    # holds, and wrapped they would not (new_received -1 … -6 would not balance): read so.
    rows = {row: [0] * 7 for row in ROWS}
    rows["new_received"] = [-1] * 6 + [-6]
    rows["carried_over"] = [1] * 6 + [6]
    above = [row in ("carried_over", "granted") for row in rows]
    report = govdisclosure.parse(_print(rows, above))
    assert {row: _row(report, row) for row in rows} == rows
    assert _unplaced(report) == []


@FEWER
@given(data=st.data())
def test_values_lines_of_several_rows_before_their_labels_give_no_wrong_number(data: st.DataObject) -> None:
    # pdfminer on narrow cells (stop 51's review, seed 20261251 r238 on A5 pages): after a row
    # printed whole on its label's line, the next rows' values lines all come first, then their
    # labels. The line right above the first of those labels is the last row's, not that label's.
    rows = data.draw(_balanced_rows())
    order = list(rows)
    first = data.draw(st.integers(1, len(order) - 3), label="first")
    count = data.draw(st.integers(2, min(5, len(order) - first - 1)), label="count")
    block = order[first : first + count]
    lines = list(HEAD)
    for row in order[:first]:
        lines.append(f"{LABEL[row]} {' '.join(map(str, rows[row]))}")
    lines += [" ".join(map(str, rows[row])) for row in block]
    lines += [LABEL[row] for row in block]
    for row in order[first + count :]:
        lines.append(f"{LABEL[row]} {' '.join(map(str, rows[row]))}")
    report = govdisclosure.parse("\n".join(lines + TAIL))
    for row, cells in applications(report).rows.items():
        assert [c.value for c in cells.values()] == rows[row], row


def test_the_last_of_four_values_lines_before_their_labels_is_not_the_first_labels() -> None:
    # The review's r238 in short: （一） whole, then （二）, 1., 2. and 3.'s values lines, then their
    # labels; 3.'s `1 0 0 0 0 0 1` stands right above （二）部分公开, whose values are 3 0 0 0 0 0 3.
    truth = {row: [0] * 7 for row in ROWS}
    truth["new_received"] = truth["outcome_total"] = [5, 0, 0, 0, 0, 0, 5]
    truth["partially_granted"] = [3, 0, 0, 0, 0, 0, 3]
    truth["denied_prohibited_by_law"] = truth["denied_three_safeties_one_stability"] = [1, 0, 0, 0, 0, 0, 1]
    block = ROWS[ROWS.index("partially_granted") : ROWS.index("denied_third_party_rights")]
    lines = [f"{LABEL[row]} {' '.join(map(str, truth[row]))}" for row in ROWS]
    start = ROWS.index("partially_granted")
    lines[start : start + len(block)] = [
        *(" ".join(map(str, truth[row])) for row in block),
        *(LABEL[row] for row in block),
    ]
    report = govdisclosure.parse("\n".join([*HEAD, *lines, *TAIL]))
    for row, cells in applications(report).rows.items():
        assert [c.value for c in cells.values()] == truth[row], row
