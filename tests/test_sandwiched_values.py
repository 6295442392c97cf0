"""Values between a wrapped row label's lines are that label's (tables/rows.py, FORMAT.md §2.2 D, K).

markitdown draws a PDF's table as pipe rows placed by height among the label lines, so a row's
values may stand above, between or below its label's lines, and in a block where any label is
left without values they could be another label's. A values line with a label's first line before
it and the label's own tail after it (`6. 属于四类过程性信` / values / `息`) stands inside the label's
cell: it is that label's. Words after the values that continue no label settle nothing.
"""

from __future__ import annotations

import govdisclosure

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
