"""Values placed by height next to their label (markitdown's PDF pipe rows; tables/rows.py, §2.2 D, K).

markitdown draws a PDF's table as pipe rows placed by height among the label lines, so a row's
values may stand above, between or below its label's lines, and in a block where any label is
left without values they could be another label's. A values line with a label's first line before
it and the label's own tail after it (`6. 属于四类过程性信` / values / `息`) stands inside the label's
cell: it is that label's. Words after the values that continue no label settle nothing.

A values line right under a row printed whole on its line, and right above a label with no value,
is the label's: a line placed by height is the line above's or below's, and the row above is whole.
So is a values line after a label when the rows before and after it are printed whole.
"""

from __future__ import annotations

import govdisclosure
from corpus import text

# markitdown's text of a Chromium PDF of the tool corpus (tests/corpus/fixtures/r003), table 三's top.
MARKITDOWN = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之 申请人情况",
    "和，等于第三项加第四项之和）",
    "自 法人或其他组织 总",
    "然 计",
    "人",
    "",
    "|     |     | 商业   | 科研 社会公 | 法律服 其 |     |",
    "| --- | --- | ---- | ------ | ----- | --- |",
    "|     |     | 企业   | 机构 益组织 | 务机构 他 |     |",
    "|     |     | 10 0 | 0 0    | 1 2   | 13  |",
    "一、本年新收政府信息公开申请数量",
    "| 二、上年结转政府信息公开申请数量 |         | 0 0 | 0 0 | 0 0 | 0   |",
    "| ---------------- | ------- | --- | --- | --- | --- |",
    "| 三、本年度            | （一）予以公开 | 5 0 | 0 0 | 1 0 | 6   |",
    "办理结果",
    "（二）部分公开（区分处理的，只",
    "|     |     | 2 0 | 0 0 | 0 0 | 2   |",
    "| --- | --- | --- | --- | --- | --- |",
    "计这一情形，不计其他情形）",
    "|     | 1. 属于国家秘密 | 0 0 | 0 0 | 0 0 | 0   |",
    "| --- | --------- | --- | --- | --- | --- |",
    "2. 其他法律行政法规",
    "|     |     | 0 0 | 0 0 | 0 0 | 0   |",
    "| --- | --- | --- | --- | --- | --- |",
    "禁止公开",
    "3. 危及“三安全一稳",
    "|     |     | 0 0 | 0 0 | 0 0 | 0   |",
    "| --- | --- | --- | --- | --- | --- |",
    "定”",
    "4. 保护第三方合法权",
    "|     |     | 0 0 | 0 0 | 0 0 | 0   |",
    "| --- | --- | --- | --- | --- | --- |",
    "益",
    "（三）不",
    "予公开",
    "5. 属于三类内部事务",
    "|     |     | 0 0 | 0 0 | 0 0 | 0   |",
    "| --- | --- | --- | --- | --- | --- |",
    "信息",
    "6. 属于四类过程性信",
    "|     |     | 1 0 | 0 0 | 0 0 | 1   |",
    "| --- | --- | --- | --- | --- | --- |",
    "息",
    "|     | 7. 属于行政执法案卷 | 0 0 | 0 0 | 0 0 | 0   |",
    "| --- | ----------- | --- | --- | --- | --- |",
    "|     | 8. 属于行政查询事项 | 0 0 | 0 0 | 0 0 | 0   |",
    "",
]
TAIL = MARKITDOWN.index("息")


def _row(lines: list[str], row: str) -> list[object]:
    table = govdisclosure.parse("\n".join(lines)).tables.applications
    assert table is not None
    return [c.value for c in table.rows.get(row, {}).values()]


def test_values_between_a_label_and_its_tail_are_the_label_s() -> None:
    assert _row(MARKITDOWN, "denied_process_information") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(MARKITDOWN, "denied_third_party_rights") == [0] * 7


def test_words_that_continue_no_label_settle_nothing() -> None:
    lines = [*MARKITDOWN[:TAIL], "某某", *MARKITDOWN[TAIL + 1 :]]
    assert _row(lines, "denied_process_information") == []


def _fixture(report: str, route: str, at: int, printed: str) -> list[str]:
    """A committed tool output's lines, after checking the line a test is about."""
    lines = text(report, route).splitlines()
    assert lines[at] == printed
    return lines


def _cells(lines: list[str], table: str, row: str) -> list[tuple[object, str | None]]:
    """A row's values and bases as the parser places them ([] when the row is not placed)."""
    found = getattr(govdisclosure.parse("\n".join(lines)).tables, table)
    assert found is not None
    return [(c.value, c.basis) for c in found.rows.get(row, {}).values()]


def test_values_above_a_label_after_a_whole_row_are_the_label_s() -> None:
    # r001, markitdown of the Chromium PDF: `| 行政许可 | 0 | 2 | | 2,380 |`, `|  | 1 | 0 | | 79 |`,
    # then `其他对外管理服务事项` alone.
    lines = _fixture("r001", "pdf-chromium.markitdown", 35, "其他对外管理服务事项")
    assert _cells(lines, "active_disclosure", "other_administrative_services") == [
        (1, "order"),
        (0, "order"),
        (79, "order"),
    ]


def test_values_above_a_line_of_other_words_are_not_the_next_label_s() -> None:
    lines = _fixture("r001", "pdf-chromium.markitdown", 35, "其他对外管理服务事项")
    lines.insert(35, "某某事项")
    assert _cells(lines, "active_disclosure", "other_administrative_services") == []
    report = govdisclosure.parse("\n".join(lines))
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert any("(1 0 79)" in m for m in said)


def test_values_under_the_header_and_above_the_first_label_are_its() -> None:
    # r035, markitdown of the Chromium PDF: the header's pieces, `|  |  | 4 0 | 0 0 | 0 0 4 |`, then
    # `一、本年新收政府信息公开申请数量` alone: the header owns no values.
    lines = _fixture("r035", "pdf-chromium.markitdown", 56, "一、本年新收政府信息公开申请数量")
    assert _cells(lines, "applications", "new_received") == [(v, "order") for v in (4, 0, 0, 0, 0, 0, 4)]


def test_values_under_a_label_left_without_values_are_not_the_next_label_s() -> None:
    lines = _fixture("r035", "pdf-chromium.markitdown", 56, "一、本年新收政府信息公开申请数量")
    lines[54] = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    # Where they stand settles nothing; with 一's total broken, nothing else does either.
    lines[55] = lines[55].replace("0 0 4 |", "0 0 5 |")
    assert _cells(lines, "applications", "new_received") == []


def test_values_a_stray_label_leaves_unsettled_are_settled_by_the_table_s_identities() -> None:
    # The same stray label above 一's values: the table's values, row after row, fill its cells
    # exactly and every identity holds on them; 二 is read beside its label, the one row 一 could
    # trade places with. 一 is given its values in printed order (tables/balanced.py): read as
    # （二）'s, 一 would take （二）'s 2 … 2 and the balance (一 + 二 = 总计 + 四) would fail.
    lines = _fixture("r035", "pdf-chromium.markitdown", 56, "一、本年新收政府信息公开申请数量")
    lines[54] = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    assert _cells(lines, "applications", "new_received") == [(v, "order") for v in (4, 0, 0, 0, 0, 0, 4)]


def test_a_label_s_cell_ends_with_its_tail_and_the_next_values_are_the_next_label_s() -> None:
    # r007, markitdown of the LibreOffice PDF: `（五） 1.信访举报投诉类申` / values / `不予处 请` (a
    # piece of the group label run into the label's last character) / `理` / values / `2.重复申请`.
    lines = _fixture("r007", "pdf-lo.markitdown", 115, "不予处 请")
    complaint = _cells(lines, "applications", "not_processed_complaint")
    assert [v for v, _ in complaint] == [62, 2, 0, 0, 0, 0, 64]
    assert _cells(lines, "applications", "not_processed_duplicate") == [
        (v, "order") for v in (67, 12, 0, 0, 1, 0, 80)
    ]


def test_values_between_two_rows_printed_whole_are_the_label_s_between() -> None:
    # r025, markitdown of the Chromium PDF: `| … | 3.危及“三安全一稳定” | 无 无 | … | 无 |` (whole), then
    # `4.保护第三方合法权益` alone, then `| | （三）不 | | 无 无 | … | 无 |` (values placed by height),
    # then `| | 予公开 | 5.属于三类内部事务信息 | 无 无 | … | 无 |` (whole): the line between can only
    # be 4's, owned by elimination (basis order).
    lines = _fixture("r025", "pdf-chromium.markitdown", 72, "4.保护第三方合法权益")
    assert _cells(lines, "applications", "denied_third_party_rights") == [(None, "order")] * 7
    kinds = govdisclosure.parse("\n".join(lines)).tables.applications
    assert kinds is not None
    assert {c.kind for c in kinds.rows["denied_third_party_rights"].values()} == {"none"}


def test_values_after_a_label_before_a_label_left_without_values_are_not_settled() -> None:
    # The same, with 5's values taken off its line: the values line may then be 5's, printed above it.
    lines = _fixture("r025", "pdf-chromium.markitdown", 72, "4.保护第三方合法权益")
    lines[75] = "|     | 予公开  | 5.属于三类内部事务信息   |"
    assert _cells(lines, "applications", "denied_third_party_rights") == []
