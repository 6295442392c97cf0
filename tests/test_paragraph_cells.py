"""Cells printed one per paragraph, a blank cell an empty line (lynx on Word-style cells, FORMAT.md §2.2 K).

lynx prints a cell holding a paragraph (`<td><p>…</p></td>`) as a paragraph: its text, then a
blank line. A blank cell printing a no-break space (`<p>&nbsp;</p>`) is one empty line, so the
blank lines between two values say how many blank cells stand between them
(layout/paragraphs.py). A cell printing nothing (`<p></p>`) leaves no line, so the reading is
trusted only where every row's count fits its width.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus import text
from govdisclosure.model import ApplicationsTable, Cell, Report
from govdisclosure.templates import Template, default_templates
from govdisclosure.testing.tables import tables
from plain_table import FEWER, applications, balanced_counts, print_plain, wrong_numbers, zero_rows
from plain_table import TAIL as TAIL_PLAIN
from roundtrip_fields import examples
from test_printing_order import APPLICATIONS

TEMPLATES = default_templates()
INDENT = "   "
# Table 三's header words as lynx prints them, one paragraph each, with the identity note.
HEADER = [
    APPLICATIONS[0],
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    *APPLICATIONS[1:],
]
TAIL = ["四、行政机关所作的决定被申请行政复议、提起行政诉讼的情况", "", "五、存在的主要问题及改进情况", ""]
# What lynx leaves of a blank cell's paragraph: an empty line, or one holding the spaces it kept.
BLANK_LINES = ("", "\u00a0", "   ", "   \u00a0")


def _paragraph(words: str) -> list[str]:
    return [INDENT + words, ""]


def _cell_lines(cell: Cell, blank: str, vanish: bool) -> list[str]:
    """A cell as lynx prints it: a paragraph, or an empty line for a blank (none if it vanishes)."""
    if cell.kind == "blank":
        return [] if vanish else [blank]
    return _paragraph(cell.raw.strip())


def _lynx(
    table: ApplicationsTable, template: Template, blank: str, vanish: frozenset[tuple[str, str]]
) -> str:
    """Table 三 as lynx prints a Word-style page: every cell a paragraph, group labels before their
    first row (the rowspan cell comes first), the cells in `vanish` printing nothing (`<p></p>`)."""
    spec = template.applications
    lines = [line for words in HEADER for line in _paragraph(words)]
    groups_seen: set[str] = set()
    for n, row in enumerate(spec.rows):
        if row.id not in table.rows:
            continue
        if n == 2:
            lines += _paragraph(spec.outcome_group.label)
        if row.group and row.group not in groups_seen:
            groups_seen.add(row.group)
            lines += _paragraph(spec.groups[row.group].label)
        lines += _paragraph(row.label.label)
        for column in spec.value_columns:
            lines += _cell_lines(table[row.id][column], blank, (row.id, column) in vanish)
    return "\n".join(lines + TAIL)


def _template(table: ApplicationsTable) -> Template:
    return TEMPLATES["2019"] if "other" in table.rows else TEMPLATES["2021"]


def _drawn_apps() -> st.SearchStrategy[ApplicationsTable]:
    # Counts, blanks and none marks in any mix, identities left to chance: the reading is by place.
    return (
        tables(kinds=("number", "blank", "none"), identities=False)
        .map(lambda t: t.applications)
        .filter(
            lambda a: (
                a is not None and any(c.kind == "blank" for row in a.rows.values() for c in row.values())
            )
        )
    )  # type: ignore[return-value]


# (100 examples in CI, not 300: a whole lynx text parsed per example; CI's time is budgeted.)
@settings(max_examples=examples(dev=30, ci=100))
@given(table=_drawn_apps(), blank=st.sampled_from(BLANK_LINES))
def test_every_cell_comes_back_in_its_place(table: ApplicationsTable, blank: str) -> None:
    report = govdisclosure.parse(_lynx(table, _template(table), blank, frozenset()))
    got = applications(report)
    assert {r: {c: (v.kind, v.value) for c, v in cols.items()} for r, cols in got.rows.items()} == {
        r: {c: (v.kind, v.value) for c, v in cols.items()} for r, cols in table.rows.items()
    }
    assert "cell-unplaced" not in {d.code for d in report.diagnostics}


@settings(max_examples=examples(dev=30, ci=100))
@given(data=st.data(), blank=st.sampled_from(BLANK_LINES))
def test_blank_cells_that_print_nothing_give_no_wrong_number(data: st.DataObject, blank: str) -> None:
    # Some blank cells print no line at all (`<p></p>`): a row's blank lines no longer say where its
    # values stand, and no value may land in another column.
    table = data.draw(_drawn_apps())
    blanks = sorted((r, c) for r, cols in table.rows.items() for c, v in cols.items() if v.kind == "blank")
    vanish = frozenset(data.draw(st.lists(st.sampled_from(blanks), min_size=1, unique=True)))
    report = govdisclosure.parse(_lynx(table, _template(table), blank, vanish))
    found = report.tables.applications
    for r, cols in (found.rows if found is not None else {}).items():
        for c, cell in cols.items():
            if cell.kind != "blank":
                assert (cell.kind, cell.value) == (table[r][c].kind, table[r][c].value), f"{r}.{c}"


def _row(report: Report, row: str) -> list[tuple[str, object]]:
    return [(cell.kind, cell.value) for cell in applications(report)[row].values()]


def test_lynx_keeps_the_place_of_a_no_break_space_paragraph() -> None:
    # corpus r051 through lynx: `一、本年新收…` / `` / `1` / six empty lines / `1`: 自然人 1, five
    # blank cells, 总计 1; the blank row 二、上年结转 is its label and eight empty lines.
    report = govdisclosure.parse(text("r051", "html.lynx"))
    blank = ("blank", None)
    assert _row(report, "new_received") == [("number", 1), *[blank] * 5, ("number", 1)]
    assert _row(report, "carried_over") == [blank] * 7
    assert report.tables.active_disclosure is not None
    assert report.tables.active_disclosure["administrative_enforcement"]["decisions"].value == 6
    assert report.tables.active_disclosure["administrative_penalty"]["decisions"].kind == "blank"
    # A blank cell keeps its place in the text: the empty line it printed.
    cells = applications(report)["new_received"]
    assert [c.line for c in cells.values()] == sorted(c.line for c in cells.values())
    assert len({c.line for c in cells.values()}) == 7


def _text(rows: Sequence[tuple[str, Sequence[str]]]) -> str:
    lines = [line for words in HEADER for line in _paragraph(words)]
    for label, cells in rows:
        lines += _paragraph(label)
        for cell in cells:
            lines += _paragraph(cell) if cell else [""]
    return "\n".join(lines + TAIL)


SEVEN_BLANK = [""] * 7
ROWS = [
    ("一、本年新收政府信息公开申请数量", ["3", "", "", "", "", "", "3"]),
    ("二、上年结转政府信息公开申请数量", SEVEN_BLANK),
    ("（一）予以公开", ["2", "", "", "", "", "", "2"]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["1", "", "", "", "", "", "1"]),
    ("1.属于国家秘密", SEVEN_BLANK),
    ("2.其他法律行政法规禁止公开", SEVEN_BLANK),
]


def test_rows_whose_blank_lines_fit_their_widths_are_read_by_place() -> None:
    report = govdisclosure.parse(_text(ROWS))
    assert _row(report, "new_received") == [("number", 3), *[("blank", None)] * 5, ("number", 3)]
    assert _row(report, "denied_state_secret") == [("blank", None)] * 7


def test_one_row_with_a_blank_line_too_many_stops_the_reading() -> None:
    # 部分公开's values stand eight blank lines apart, six blank cells for a row of seven: the text's
    # blank lines are no cells after all, and no row is read by them (its values stay unplaced).
    wide = ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["1", "", "", "", "", "", "", "1"])
    report = govdisclosure.parse(_text([*ROWS[:3], wide, *ROWS[4:]]))
    assert applications(report).rows == {}
    unplaced = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert [m.split(":")[1].strip() for m in unplaced] == ["new_received", "granted", "partially_granted"]


def test_a_row_s_first_cell_printed_before_its_label_refuses_the_text() -> None:
    # Plain pdftotext prints a cell drawn higher than its row's label first: `3` / `一、本年新收…` /
    # `1` / … Every label is then followed by seven paragraphs, its row's last six and the next
    # row's first (the last row's seventh an empty line before the next section), and read by place
    # every row came back shifted one cell. The value before the first label shows the order.
    rows = [
        ("一、本年新收政府信息公开申请数量", ["3", "1", "0", "0", "0", "0", "4"]),
        ("二、上年结转政府信息公开申请数量", ["1", "0", "0", "0", "0", "0", "1"]),
        ("（一）予以公开", ["2", "1", "0", "0", "0", "0", "3"]),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["1", "0", "0", "0", "0", "0", "1"]),
        ("1.属于国家秘密", ["0"] * 7),
        ("2.其他法律行政法规禁止公开", ["1", "0", "0", "0", "0", "0", "1"]),
    ]
    lines = [line for words in HEADER for line in _paragraph(words)]
    for label, cells in rows:
        lines += [*_paragraph(cells[0]), *_paragraph(label)]
        lines += [line for cell in cells[1:] for line in _paragraph(cell)]
    report = govdisclosure.parse("\n".join([*lines, "", *TAIL]))
    expected = {label: cells for label, cells in rows}
    labels = {r.id: r.label.label for r in TEMPLATES["2019"].applications.rows}
    for row, cells in applications(report).rows.items():
        assert [c.raw.strip() for c in cells.values()] == expected[labels[row]], row
    assert "cell-unplaced" in {d.code for d in report.diagnostics}


def test_a_value_drawn_away_from_its_row_refuses_the_text() -> None:
    # Plain pdftotext, every label before its values, one a line: 四、结转's 其他 (7) drawn right
    # under 1.信访举报投诉类申请's last value (a review's generated text, seed 101052). Each row but
    # the last then still has its count, and the last one's seventh cell was the blank line before
    # the next section: read by place, 47 came back as 其他 and 总计 blank. The value no row
    # takes, right before 2.重复申请's label, shows the text is no paragraph cells.
    rows = zero_rows(
        "2019",
        new_received=[13, 4, 11, 0, 12, 7, 47],
        not_processed_complaint=[0, 20, 19, 11, 1, 11, 62],
        outcome_total=[0, 20, 19, 11, 1, 11, 62],
        carried_forward=[13, 4, 11, 0, 12, 7, 47],
    )
    lines = print_plain("2019", rows, ["before"] * len(rows), "—", False, False)
    last = len(lines) - len(TAIL_PLAIN) - 4  # 四、结转's 其他, then its 总计 and their blank lines
    moved, _ = lines.pop(last), lines.pop(last)  # the value and the blank line after it
    lines.insert(lines.index("62") + 1, moved)
    report = govdisclosure.parse("\n".join(lines))
    columns = TEMPLATES["2019"].applications.value_columns
    for row, cells in applications(report).rows.items():
        for column, cell in cells.items():
            assert cell.value == (rows[row][columns.index(column)] or None), f"{row}.{column}"


def test_a_row_label_the_templates_do_not_know_keeps_the_text_s_reading() -> None:
    # corpus r006 through lynx with （一）予以公开 renamed （一）全部公开 (a review's mutation): that
    # row's seven cells follow words naming no row, a whole row's count, so they are its own, not
    # the next row's first cells printed before its label; the rest reads by place as before.
    lynx = text("r006", "html.lynx").replace("（一）予以公开", "（一）全部公开", 1)
    report = govdisclosure.parse(lynx)
    expected = govdisclosure.parse(text("r006", "html.lynx"))
    got, want = applications(report), applications(expected)
    assert "granted" not in got.rows
    assert {r: c for r, c in got.rows.items()} == {r: c for r, c in want.rows.items() if r != "granted"}
    assert report.tables.review_litigation == expected.tables.review_litigation


@FEWER
@given(
    template=st.sampled_from(["2019", "2021"]),
    data=st.data(),
    style=st.sampled_from(["before", "after", "apart", *(f"inside{k}" for k in range(1, 7))]),
    zero=st.sampled_from(["0", "无", "—", "/"]),
)
def test_a_table_printed_a_value_a_line_in_one_style_gives_no_wrong_number(
    template: str, data: st.DataObject, style: str, zero: str
) -> None:
    # Plain pdftotext's shapes with every row printed alike (its label before, among or after its
    # values, or listed after the table), blank lines between the lines as pdftotext prints them:
    # paragraphs that may look like cells one a paragraph, which must not shift a row.
    rows = data.draw(balanced_counts(template))
    lines = print_plain(template, rows, [style] * len(rows), zero, False, False)
    assert wrong_numbers(template, rows, govdisclosure.parse("\n".join(lines))) == []


def _active_text(blocks: Sequence[tuple[str, Sequence[str], Sequence[tuple[str, Sequence[str]]]]]) -> str:
    lines = _paragraph("二、主动公开政府信息情况")
    for caption, columns, rows in blocks:
        for words in (caption, "信息内容", *columns):
            lines += _paragraph(words)
        for label, cells in rows:
            lines += _paragraph(label)
            for cell in cells:
                lines += _paragraph(cell) if cell else [""]
    return "\n".join(lines + _paragraph("三、收到和处理政府信息公开申请情况"))


ACTIVE = [
    (
        "第二十条第（一）项",
        ("本年制发件数", "本年废止件数", "现行有效件数"),
        [("规章", ["1", "0", "5"]), ("行政规范性文件", ["2", "1", "9"])],
    ),
    ("第二十条第（五）项", ("本年处理决定数量",), [("行政许可", ["37"])]),
    ("第二十条第（六）项", ("本年处理决定数量",), [("行政处罚", ["12"]), ("行政强制", ["3"])]),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), [("行政事业性收费", ["0"])]),
]


def test_paragraphs_that_show_no_empty_one_are_no_layout_of_their_own() -> None:
    # Every cell printed, one paragraph each: nothing shows that a blank line would be a blank cell,
    # nor that the rows are printed in order (plain pdftotext prints such paragraphs in its drawing
    # order). The two-row block is then read by the printed-order reading, and says so.
    report = govdisclosure.parse(_active_text(ACTIVE))
    table = report.tables.active_disclosure
    assert table is not None
    assert [c.value for c in table["regulations"].values()] == [1, 0, 5]
    assert {c.basis for c in table["regulations"].values()} == {"order"}
    assert "cells-by-order" in {d.code for d in report.diagnostics}


def test_one_empty_paragraph_shows_the_layout_and_its_order() -> None:
    # The same text with one blank cell printed as an empty paragraph: the paragraphs are cells in
    # the page's order, read as printed (no basis), the blank cell in its place.
    blocks = [(ACTIVE[0][0], ACTIVE[0][1], [("规章", ["1", "", "5"]), ACTIVE[0][2][1]]), *ACTIVE[1:]]
    table = govdisclosure.parse(_active_text(blocks)).tables.active_disclosure
    assert table is not None
    assert [(c.kind, c.value, c.basis) for c in table["regulations"].values()] == [
        ("number", 1, None),
        ("blank", None, None),
        ("number", 5, None),
    ]


def test_a_data_row_label_followed_by_no_cell_refuses_the_text() -> None:
    # 二、上年结转's label with the next label right under it: a blank row printing nothing, so this
    # text's blank cells print nothing and its blank lines are no cells; no row is read by them.
    rows = [ROWS[0], ("二、上年结转政府信息公开申请数量", []), *ROWS[2:]]
    report = govdisclosure.parse(_text(rows))
    assert applications(report).rows == {}
    assert "cell-unplaced" in {d.code for d in report.diagnostics}


def test_table_three_header_total_is_no_table_four_header() -> None:
    # Table 三's header ends in 总计, a word of table 四's header too: fifteen paragraphs after it
    # (two rows printed before their labels, and a blank line more) are no table 四 row. They stay
    # values said unplaced, not cells swallowed.
    header = [*HEADER[:4], *HEADER[5:], "总计"]
    lines = [line for words in header for line in _paragraph(words)]
    lines += [line for v in ["4", "1", "0", "0", "0", "0", "5"] for line in _paragraph(v)] + [""]
    lines += [line for v in ["0"] * 7 for line in _paragraph(v)]
    lines += _paragraph("一、本年新收政府信息公开申请数量") + _paragraph("二、上年结转政府信息公开申请数量")
    for label, cells in ROWS[2:]:
        lines += _paragraph(label)
        for cell in cells:
            lines += _paragraph(cell) if cell else [""]
    report = govdisclosure.parse("\n".join(lines + TAIL))
    assert report.tables.review_litigation is None
    unplaced = " ".join(d.message for d in report.diagnostics if d.code == "cell-unplaced")
    assert "values with no row label (4)" in unplaced
    assert "values with no row label (5)" in unplaced


def test_four_rows_are_too_few_to_confirm_the_reading() -> None:
    # One empty paragraph in 规章's row, but only four rows in all: too little to trust blank lines
    # as cells (MIN_CONFIRMED_ROWS), so 规章's two values stay unplaced rather than read around a blank.
    blocks = [(ACTIVE[0][0], ACTIVE[0][1], [("规章", ["1", "", "5"]), ACTIVE[0][2][1]]), ACTIVE[1], ACTIVE[3]]
    report = govdisclosure.parse(_active_text(blocks))
    table = report.tables.active_disclosure
    assert table is not None and "regulations" not in table.rows
    assert any(d.code == "cell-unplaced" and "regulations" in d.message for d in report.diagnostics)


def test_an_empty_paragraph_keeps_its_line_and_what_it_prints() -> None:
    # docx2txt (corpus r051): each blank cell is the no-break space of its own paragraph, two
    # lines apart; lynx prints the same cells as empty lines, one apart. Nothing of either is lost.
    docx = applications(govdisclosure.parse(text("r051", "docx-lo.docx2txt")))["new_received"]
    assert [(c.kind, c.raw, c.line) for c in docx.values()][1:3] == [
        ("blank", "\u00a0", 117),
        ("blank", "\u00a0", 119),
    ]
    lynx = applications(govdisclosure.parse(text("r051", "html.lynx")))["new_received"]
    assert [(c.kind, c.raw, c.line) for c in lynx.values()][1:3] == [("blank", "", 104), ("blank", "", 105)]
