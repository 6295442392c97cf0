"""Rows as three tools print them (FORMAT.md §2.2 D, K): a pandoc grid table's row wrapped over
several lines, pandoc's markdown `---` cells under a simple table's rule, html2text's one-pipe rows."""

# ruff: noqa: E501  (tool output lines are kept as wide as the tools print them)

from __future__ import annotations

import re
from pathlib import Path

import govdisclosure
from corpus import text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

ACTIVE_2021 = [
    "二、主动公开政府信息情况",
    "",
    "+--------------------------------+---------------------+---------------------+---------------------+",
    "| 第二十条第（一）项                                                                                 |",
    "+================================+=====================+=====================+=====================+",
    "| 信息内容                       | 本年制发件数        | 本年废止件数        | 现行有效件数        |",
    "+--------------------------------+---------------------+---------------------+---------------------+",
    "| 规章                           | 0                   |                     | 2                   |",
    "+--------------------------------+---------------------+---------------------+---------------------+",
    "| 行政                           | 7                   | 1                   | 30                  |",
    "| 规范性文件                     |                     |                     |                     |",
    "+--------------------------------+---------------------+---------------------+---------------------+",
]


def test_a_grid_table_row_is_every_line_between_its_borders() -> None:
    # pandoc 3 wraps a long label inside its cell: the values are on the label's first line, the
    # label's tail on the next with the row's cells empty there. One row, not two: read alone,
    # the tail (规范性文件, itself a label) would take the empty cells as its blank values.
    report = govdisclosure.parse("\n".join(ACTIVE_2021))
    table = report.tables.active_disclosure
    assert table is not None
    row = table["normative_documents"]
    assert [row[c].value for c in ("issued", "repealed", "in_force")] == [7, 1, 30]
    assert [row[c].line for c in ("issued", "repealed", "in_force")] == [10, 10, 10]
    assert table["regulations"]["repealed"].kind == "blank"
    assert table["regulations"]["in_force"].value == 2


REVIEW_MARKDOWN = [
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "",
    "  行政复议                                             行政诉讼",
    "  ----------- ----------- ---------- ---------- ------ ------------------ ----------- ---------- ---------- ------ ------------ ----------- ---------- ---------- ------",
    "  结果 维持   结果 纠正   其他结果   尚未审结   总计   未经复议直接起诉                                            复议后起诉",
    "                                                       结果 维持          结果 纠正   其他结果   尚未审结   总计   结果 维持    结果 纠正   其他结果   尚未审结   总计",
    "  ---         ---         ---        ---        ---    ---                ---         ---        ---        ---    ---          ---         ---        ---        ---",
    "",
    "五、存在的主要问题及改进情况",
]


def test_a_row_of_dash_cells_under_a_simple_table_rule_is_a_row() -> None:
    # pandoc -t markdown writes — as `---`: a line of short dash runs is the table's value row,
    # not its closing rule (which repeats the opening rule's runs).
    report = govdisclosure.parse("\n".join(REVIEW_MARKDOWN))
    table = report.tables.review_litigation
    assert table is not None
    cells = [table[group][column] for group in table.rows for column in table[group]]
    assert len(cells) == 15
    assert {(c.kind, c.raw.strip(), c.line) for c in cells} == {("none", "---", 7)}


ACTIVE_HTML2TEXT = [
    "二、主动公开政府信息情况",
    "",
    "第二十条第（一）项  ",
    "信息内容| 本年制发件数| 本年废止件数| 现行有效件数  ",
    "---|---|---|---  ",
    "规章| | |   ",
    "行政规范性文件| 2| 1| 2  ",
    "第二十条第（五）项  ",
    "信息内容| 本年处理决定数量  ",
    "行政许可|  ",
    "第二十条第（六）项  ",
    "信息内容| 本年处理决定数量  ",
    "行政处罚|  ",
    "行政强制| 38  ",
]


def test_html2text_one_pipe_row_is_a_label_and_its_cell() -> None:
    # html2text writes no outer pipes: a table of one value column prints `行政许可|` for a
    # blank cell, one pipe on the line. The blank cell is there, in its place.
    report = govdisclosure.parse("\n".join(ACTIVE_HTML2TEXT))
    table = report.tables.active_disclosure
    assert table is not None
    assert table["administrative_licensing"]["decisions"].kind == "blank"
    assert table["administrative_licensing"]["decisions"].line == 10
    assert table["administrative_penalty"]["decisions"].kind == "blank"
    assert table["administrative_enforcement"]["decisions"].value == 38


REVIEW_LYNX = [
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "",
    *(f"   {word}\n" for word in ("行政复议", "行政诉讼")),
    *(f"   {word}\n" for word in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")),
    *(f"   {word}\n" for word in ("未经复议直接起诉", "复议后起诉")),
    *(f"   {word}\n" for word in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 2),
    *(f"   {v}\n" for v in ("—", "—", "2", "—", "2", "—", "—", "—", "—", "—", "1", "—", "3", "—", "4")),
    "五、存在的主要问题及改进情况",
]


def test_table_four_one_cell_per_line_with_none_marks_is_read_in_order() -> None:
    # lynx prints a <td><p>…</p></td> table one cell per line: the 15 cells in order, — for the
    # empty results. — counts as nothing in the group totals that confirm the order (2 = 2, 4 = 1 + 3).
    report = govdisclosure.parse("\n".join(REVIEW_LYNX))
    table = report.tables.review_litigation
    assert table is not None
    assert [table["review"][c].raw.strip() for c in ("upheld", "other_result", "total")] == ["—", "2", "2"]
    assert table["litigation_direct"]["total"].kind == "none"
    after = table["litigation_after_review"]
    assert [after[c].value for c in ("upheld", "corrected", "other_result", "total")] == [1, None, 3, 4]
    assert after["total"].basis == "order"


def test_table_four_one_cell_per_line_whose_total_fails_is_the_page_s_cells_in_order() -> None:
    # The same stream with a total that does not hold (4 printed 5): a page's dump prints the
    # page's fifteen cells in order, so they are placed by that order, and the identity check says
    # the total is not shown to hold (held-out seed 20261209, r064: one report in ten breaks an identity). In a
    # PDF's reading order only the totals confirm the order (test_drawn_order.py).
    lines = list(REVIEW_LYNX)
    lines[-2] = "   5\n"
    report = govdisclosure.parse("\n".join(lines))
    table = report.tables.review_litigation
    assert table is not None
    after = table["litigation_after_review"]
    assert [after[c].value for c in ("upheld", "corrected", "other_result", "total")] == [1, None, 3, 5]
    assert {cell.basis for _, _, cell in table.cells()} == {"order"}
    assert len(list(table.cells())) == 15
    check = next(
        c for c in report.checks if c.name == "review_litigation.group_total.litigation_after_review"
    )
    # (A none mark among its cells leaves the sum unknown: uncertain, not pass.)
    assert (check.status, check.decided) == ("uncertain", True)


def test_values_after_an_unknown_label_under_a_group_are_said_not_dropped() -> None:
    # `(三) 不予公开 <words no template knows> 0 0 0 0 0 0 0`: the group's label is known, the row's
    # is not. The values cannot be placed, and the report says so at their line.
    text = (EXAMPLES / "qingxi-2024-tabs.txt").read_text(encoding="utf-8")
    assert "\t1. 属于国家秘密\t" in text
    report = govdisclosure.parse(text.replace("属于国家秘密", "某种未知的标签文字"))
    applications = report.tables.applications
    assert applications is not None
    assert "denied_state_secret" not in applications.rows
    line = text.split("\n").index(next(x for x in text.split("\n") if "属于国家秘密" in x)) + 1
    said = [d for d in report.diagnostics if d.code == "cell-unplaced" and d.line == line]
    assert said and "0 0 0 0 0 0 0" in said[0].message


# Chromium's PDF wraps a long row label over two lines and prints the row's values on the line
# after them (pdftotext -raw). The label's second line (`只计这一情形，不计其他情形）`) has a comma
# and twelve characters, yet it is no sentence: a piece of a label, it does not end the table.
CHROMIUM_RAW = [
    "（一）予以公开 1,581 212 0 16 14 0 1,823",
    "（二）部分公开（区分处理的，",
    "只计这一情形，不计其他情形）",
    "326 26 0 1 1 0 354",
    "（三）不",
    "予公开",
    "1.属于国家秘密 15 2 0 0 0 0 17",
    "2.其他法律行政法规",
    "禁止公开",
    "47 7 0 0 0 0 54",
    "3.危及“三安全一稳",
    "定”",
    "3 1 0 0 0 0 4",
]


def _applications_rows(lines: list[str]) -> dict[str, list[object]]:
    """Table 三's rows read from lines under its heading: each row's values in column order."""
    text = "三、收到和处理政府信息公开申请情况\n" + "\n".join(lines) + "\n"
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    columns = list(table.rows["granted"])
    return {row: [cells[c].value for c in columns] for row, cells in table.rows.items()}


def test_a_wrapped_labels_second_line_is_no_sentence_ending_the_table() -> None:
    rows = _applications_rows(CHROMIUM_RAW)
    assert rows["partially_granted"] == [326, 26, 0, 1, 1, 0, 354]
    assert rows["denied_prohibited_by_law"] == [47, 7, 0, 0, 0, 0, 54]
    assert rows["denied_three_safeties_one_stability"] == [3, 1, 0, 0, 0, 0, 4]


# pdfplumber prints the group label's column on the same line as the row label's wrapped piece:
# `果 的，只计这一情形，不计其他` is 三、本年度办理结果's last character and （二）部分公开's middle.
CHROMIUM_PLUMBER = [
    "三、本年 （一）予以公开 3,580 0 0 0 2 0 3,582",
    "度办理结",
    "（二）部分公开（区分处理",
    "果 的，只计这一情形，不计其他 0 0 0 0 0 0 0",
    "情形）",
    "（三）不 1. 属于国家秘密 0 0 0 0 0 0 0",
    "予公开 2. 其他法律行政法",
    "0 0 0 0 0 0 0",
    "规禁止公开",
    "3. 危及“三安全一稳",
    "1 0 0 0 0 0 1",
    "定”",
]


def test_a_group_piece_beside_a_wrapped_labels_line_is_no_sentence() -> None:
    rows = _applications_rows(CHROMIUM_PLUMBER)
    assert rows["denied_prohibited_by_law"] == [0] * 7
    assert rows["denied_three_safeties_one_stability"] == [1, 0, 0, 0, 0, 0, 1]


# A row label whose bracketed note wraps over lines of its cell (Chromium PDFs, pdftotext -raw):
# the note is still open at the end of the label's line, the values come after its last line.
ACTIVE_NOTE_WRAPPED = [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容",
    "本年制发件",
    "数",
    "本年废止件",
    "数",
    "现行有效件",
    "数",
    "规章（设区的市、自",
    "治州人民政府应提供",
    "相关数据）",
    "0 0 无",
    "行政规范性文件 19 6 112",
    "第二十条第（五）项",
]


def test_a_label_whose_bracketed_note_wraps_takes_the_values_after_the_note() -> None:
    table = govdisclosure.parse("\n".join(ACTIVE_NOTE_WRAPPED) + "\n").tables.active_disclosure
    assert table is not None
    regulations = list(table.rows["regulations"].values())
    assert [(c.kind, c.value) for c in regulations] == [("number", 0), ("number", 0), ("none", None)]
    assert [c.value for c in table.rows["normative_documents"].values()] == [19, 6, 112]


# pdftotext -raw prints a LibreOffice row in drawing order, cell by cell: a number its narrow cell
# wrapped (`2,90` / `1`) comes on lines of its own, joined back, between the row's other values.
RAW_WRAPPED = [
    "三、收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量",
    "2,90",
    "1",
    "358 0 24 30 0",
    "3,31",
    "3",
    "二、上年结转政府信息公开申请数量 0 19 0 0 0 0 19",
    "三、本年度办理结果",
    "（一）予以公开 1,581 212 0 16 14 0 1,823",
]


def test_a_row_printed_over_lines_after_its_label_is_read_in_order_when_its_total_holds() -> None:
    table = govdisclosure.parse("\n".join(RAW_WRAPPED) + "\n").tables.applications
    assert table is not None
    cells = list(table.rows["new_received"].values())
    assert [c.value for c in cells] == [2901, 358, 0, 24, 30, 0, 3313]
    assert {c.basis for c in cells} == {"order"}


def test_a_row_printed_over_lines_whose_total_fails_is_not_placed() -> None:
    lines = [line.replace("358 0 24 30 0", "358 0 24 30 1") for line in RAW_WRAPPED]
    report = govdisclosure.parse("\n".join(lines) + "\n")
    assert report.tables.applications is not None
    assert "new_received" not in report.tables.applications.rows
    assert any(d.code == "cell-unplaced" and "new_received" in d.message for d in report.diagnostics)


# An all-blank table 四 through pdfplumber (LibreOffice PDF, report r031): its header's words are
# joined line by line (`结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉`), so only one line matches a
# label whole; the lines still name the table's groups. The table is there, unread, not missing.
BLANK_REVIEW = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "本年度政府信息公开行政复议、行政诉讼情况如下：",
    "行政复议 行政诉讼",
    "结果 结果 其他 尚未 总 未经复议直接起诉 复议后起诉",
    "结果 结果 其他 尚未 总 结果 结果 其他 尚未",
    "维持 纠正 结果 审结 计 总计",
    "维持 纠正 结果 审结 计 维持 纠正 结果 审结",
    "5、存在的主要问题及改进情况",
    "政府信息公开工作仍存在一些不足：主动公开的深度和广度有待拓展，政策解读形式还不够丰",
]


def test_an_all_blank_table_four_whose_header_words_are_joined_is_found_unread() -> None:
    report = govdisclosure.parse("\n".join(BLANK_REVIEW) + "\n")
    table = report.tables.review_litigation
    assert table is not None and list(table.cells()) == []
    assert "table-unread" in {d.code for d in report.diagnostics}
    assert not [
        d for d in report.diagnostics if d.code == "table-missing" and "review_litigation" in d.message
    ]


def _raw_row(printed: list[str], total: str) -> govdisclosure.Report:
    # pdftotext -raw of a LibreOffice PDF: a row's cells printed line by line after its label,
    # a none mark (/) standing in every empty cell.
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        "一、本年新收政府信息公开申请数量",
        printed[0],
        " ".join(printed[1:]),
        total,
        "二、上年结转政府信息公开申请数量 / / / / / / /",
    ]
    return govdisclosure.parse("\n".join(lines))


def test_a_row_printed_over_lines_with_none_marks_is_read_in_order_when_its_total_holds() -> None:
    report = _raw_row(["1,514", "/", "6", "/", "8", "/"], "1,528")
    table = report.tables.applications
    assert table is not None
    row = table["new_received"]
    assert [c.value for c in row.values()] == [1514, None, 6, None, 8, None, 1528]
    assert [c.kind for c in row.values()][1] == "none"
    assert {c.basis for c in row.values()} == {"order"}


def test_a_row_printed_over_lines_whose_total_does_not_hold_stays_unplaced() -> None:
    report = _raw_row(["1,514", "/", "6", "/", "8", "/"], "1,529")
    table = report.tables.applications
    assert table is not None
    assert "new_received" not in table.rows


def test_a_year_in_a_broken_header_is_words_not_a_value() -> None:
    # pdftotext -raw breaks 上一年项目数量（指2019年事项数） over lines: `（指 2019 年事项`. Read as a
    # value, the year was a value before the block's first label, which made every label's values
    # there doubtful (tables/order.py, rows.py).
    lines = text("r012", "pdf-lo.pdftotext-raw").splitlines()
    assert lines[21] == "（指 2019 年事项"
    report = govdisclosure.parse("\n".join(lines))
    table = report.tables.active_disclosure
    assert table is not None
    assert [c.value for c in table["other_administrative_services"].values()] == [0, 0, 0]
    assert not [d for d in report.diagnostics if "2019)" in d.message]


def test_a_line_left_of_a_simple_table_s_rule_is_no_header_of_it() -> None:
    # A cleaner dropped the blank lines (r004, pandoc plain): a grid table's last row, its border
    # and a heading stand right above table 三's rule. Header lines are indented as far as the rule;
    # those are not, so the grid row is not read again under the other table's columns.
    collapsed = re.sub(r"\n{2,}", "\n", text("r004", "html.pandoc-plain"))
    assert "+\n3、收到和处理政府信息公开申请情况\n  ---" in collapsed
    table = govdisclosure.parse(collapsed).tables.active_disclosure
    assert table is not None
    row = table["centralized_procurement"]
    assert [row[c].raw for c in ("procurement_projects", "procurement_amount")] == ["16", "0.00"]


def test_a_line_whose_cells_stand_off_the_rule_s_runs_is_not_read_by_them() -> None:
    # pandoc pads each cell flush to its column's run; a line that lost some leading spaces (a
    # cleaner's strip) has its values moved into other columns: 其他's 1 read as 法律服务机构's, the
    # 总计 blank (r001). Off its runs, the table is not read by its grid, and every cell comes back.
    lines = text("r001", "html.pandoc-plain").split("\n")
    at = next(i for i, line in enumerate(lines) if "（二）部分公开" in line)
    lines[at] = lines[at][5:]
    table = govdisclosure.parse("\n".join(lines)).tables.applications
    assert table is not None
    row = table["partially_granted"]
    assert [row[c].raw.strip() for c in ("legal_service_agency", "other_organization", "total")] == [
        "0",
        "1",
        "1",
    ]
