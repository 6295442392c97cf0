"""Pipe rows of table 二 whose cells do not follow the grid: which empty cells are blank columns.

markitdown draws a PDF's table 二 as pipe rows whose cells follow the page's words, not the grid:
`| | 行政强制 | | | 93 | | | | |` stands under `| | 信息内容 | | 上一年项目数量 | | 本年增/减 | |
处理决定数量 | |` (held-out seed 20261240 r004, Chromium's PDF: 93 is 上一年项目数量). A table
with a row whose values spread over more cells than its widest row has columns shows that
(tables/place.py `loose_cells`); there a row's empty cells mark no column, and a row is read
only where it prints a value in each column, or none (93 could be in any column). A grid's row
keeps its heuristic: padding after the last value goes first (tests/test_span_fillers.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus import reports, text
from corpus import truth as truth_of
from corpus.score import score

HELDOUT = Path(__file__).resolve().parent / "corpus" / "heldout" / "seed-20261240" / "r004"
ROUTES = ("pdf-chromium.markitdown", "pdf-lo.markitdown")
WIDEST = 3  # table 二's widest block: 本年制发件数, 本年废止件数, 现行有效件数 (FORMAT.md §1.3)


def _region(markdown: str) -> tuple[int, int]:
    start = markdown.index("主动公开政府信息情况")
    return start, markdown.index("收到和处理政府信息公开申请情况", start)


def _rows(markdown: str) -> list[tuple[int, list[str], int]]:
    """Table 二's pipe data rows: (line index in the region, cells, index of the label cell)."""
    start, end = _region(markdown)
    found = []
    for i, line in enumerate(markdown[start:end].split("\n")):
        if not line.startswith("|") or set(line) <= set("|-: ") or "信息内容" in line:
            continue
        cells = [c.strip() for c in line.strip().removeprefix("|").removesuffix("|").split("|")]
        label = next((k for k, c in enumerate(cells) if c and not c[0].isdigit() and c[0] not in "+-"), None)
        if label is not None:
            found.append((i, cells, label))
    return found


def _loose(markdown: str) -> bool:
    """The text shows table 二's cells do not follow its grid: a row whose values spread, first to
    last, over more cells than its widest row has columns."""
    for _, cells, label in _rows(markdown):
        printed = [i for i, c in enumerate(cells[label + 1 :]) if c]
        if printed and printed[-1] - printed[0] + 1 > WIDEST:
            return True
    return False


LOOSE = [(r, route) for r in reports() for route in ROUTES if _loose(text(r, route))]


def _padded(markdown: str, draw: st.DrawFn) -> str:
    """Table 二's pipe rows, each with empty cells put in at drawn places after its label."""
    start, end = _region(markdown)
    lines = markdown[start:end].split("\n")
    for i, cells, label in _rows(markdown):
        for _ in range(draw(st.integers(0, 3))):
            cells.insert(draw(st.integers(label + 1, len(cells))), "")
        lines[i] = "| " + " | ".join(cells) + " |"
    return markdown[:start] + "\n".join(lines) + markdown[end:]


def test_the_corpus_has_such_texts() -> None:
    assert len(LOOSE) >= 20


@settings(max_examples=60, deadline=None)
@given(data=st.data(), case=st.sampled_from(LOOSE))
def test_empty_cells_in_a_loose_table_give_no_wrong_number(
    data: st.DataObject, case: tuple[str, str]
) -> None:
    report, route = case
    padded = _padded(text(report, route), data.draw)
    found = score(truth_of(report), govdisclosure.parse(padded), keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_empty_cells_in_the_heldout_pipe_rows_give_no_wrong_number(data: st.DataObject) -> None:
    truth = json.loads((HELDOUT / "truth.json").read_text(encoding="utf-8"))
    markdown = (HELDOUT / "pdf-chromium.markitdown.txt").read_text(encoding="utf-8")
    assert _loose(markdown)
    found = score(truth, govdisclosure.parse(_padded(markdown, data.draw)), keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])


def _end_padded(markdown: str, draw: st.DrawFn) -> tuple[str, bool]:
    """Table 三's pipe rows, each with a drawn number of empty cells added at its end (a markdown
    table pads a row shorter than the table's widest to its width), and whether every row of a
    group (a numbered label's: `1.属于国家秘密`) was padded."""
    start = markdown.index("收到和处理政府信息公开申请情况")
    end = markdown.index("行政复议", start)
    lines = markdown[start:end].split("\n")
    grouped_padded = True
    for i, line in enumerate(lines):
        if line.startswith("|") and not set(line) <= set("|-: "):
            padding = draw(st.integers(0, 3))
            lines[i] = line.rstrip() + " |" * padding
            if any(regex.match(r"\s*\d+[.．]", cell) for cell in line.split("|")):
                grouped_padded = grouped_padded and padding > 0
    return markdown[:start] + "\n".join(lines) + markdown[end:], grouped_padded


GRID = [r for r in reports() if truth_of(r)["tables"]["applications"] is not None]


@settings(max_examples=40, deadline=None)
@given(data=st.data(), report=st.sampled_from(GRID))
def test_a_grid_s_rows_padded_at_their_end_lose_no_cell(data: st.DataObject, report: str) -> None:
    # A grid's values stay inside its columns, whatever the padding after them: no row of it shows
    # loose cells, and every cell comes back (found by the markdown round trip on a random draw,
    # where a row padded with two empty cells was taken for loose cells).
    padded, grouped_padded = _end_padded(text(report, "html.markitdown"), data.draw)
    found = score(truth_of(report), govdisclosure.parse(padded), keeps_blanks=True)
    assert (found.wrong, found.misread) == ([], [])
    blank_groups = all(
        all(c["kind"] == "blank" for c in cells.values())
        for row, cells in truth_of(report)["tables"]["applications"].items()
        if row.startswith(("denied_", "unavailable_", "not_processed_", "other_"))
    )
    if grouped_padded and blank_groups:
        # Every group's row printing no value and one cell too wide or more: an empty cell may be
        # a merged column's as well as padding, not told (place.widened_columns), so a row's empty
        # cells after its label are not trimmed (r051, drawn under the dev profile).
        return
    assert [c for c in found.lost if c.startswith("applications.")] == []


# The markdown round trip's draw (tests/test_roundtrip.py, a random seed): a table 三 of ten grid
# columns whose 四、结转 row prints its values right after its label and two empty cells after them.
ROUND_TRIP = """发布高新区2019年政府信息公开工作年度报告如下。

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |  |  |  |  |  |  |  |  |
|---|---|---|---|---|---|---|---|---|---|
|  | 自然人 | 法人或其他组织 | 总计 |  |  |  |  |  |  |
|  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |  |  |
| 一、本年新收政府信息公开申请数量 |  | ０ | ０ | ０ |  |  |  |  |  |
| 二、上年结转政府信息公开申请数量 |  |  |  |  |  |  |  |  |  |
| 三、本年度办理结果 | （一）予以公开 |  |  |  |  |  |  |  |  |
|  | （二）部分公开（区分处理的，只计这一情形，不计其他情形） |  |  |  |  |  |  |  |  |
|  | （三）不予公开 | 1.属于国家秘密 |  |  |  |  |  |  |  |
|  |  | 2.其他法律行政法规禁止公开 |  |  | 无 | 无 | 无 | 无 | 无 |
|  |  | 3.危及“三安全一稳定” | 无 | ０ |  | 无 | 无 | 无 | 无 |
|  |  | 4.保护第三方合法权益 | 无 | 无 | 无 | 无 | 无 | 无 | 无 |
|  |  | 5.属于三类内部事务信息 | 无 | 无 | 无 | 无 | 无 | ０ | ０ |
|  |  | 6.属于四类过程性信息 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 7.属于行政执法案卷 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 8.属于行政查询事项 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  | （四）无法提供 | 1.本机关不掌握相关政府信息 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 2.没有现成信息需要另行制作 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 3.补正后申请内容仍不明确 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  | （五）不予处理 | 1.信访举报投诉类申请 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 2.重复申请 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 3.要求提供公开出版物 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 4.无正当理由大量反复申请 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  |  | 5.要求行政机关确认或重新出具已获取信息 | ０ | ０ | ０ | ０ | ０ | ０ | ０ |
|  | （六）其他处理 | ０ | ０ | ０ | ０ | ０ | 0 | ３４ |  |
|  | （七）总计 | ８８ | １００ | １００ | １００ | １００ | ２７７ | ４０５ |  |
| 四、结转下年度继续办理 | ０ | ０ | ０ | ０ | ０ | ０ | １００ |  |  |
"""


def test_a_row_padded_with_two_empty_cells_shows_no_loose_cells() -> None:
    table = govdisclosure.parse(ROUND_TRIP).tables.applications
    assert table is not None
    got = table.rows["new_received"]
    # `| 一、本年新收政府信息公开申请数量 |  | ０ | ０ | ０ |  |  |  |  |  |`: seven cells and two pads.
    assert [(c.kind, c.value) for c in got.values()] == [("blank", None)] + [("number", 0)] * 3 + [
        ("blank", None)
    ] * 3


def test_a_gap_between_two_values_of_a_loose_table_marks_no_column() -> None:
    # Found by a review: `| | 行政强制 | | | 93 | | 7 | | |` in the held-out table, three columns:
    # its empty cells mark no column, so 93 and 7 may stand in any two of them; not read.
    markdown = (HELDOUT / "pdf-chromium.markitdown.txt").read_text(encoding="utf-8")
    row = "|     | 行政强制 |     |     | 93  |     |     |     |     |"
    assert markdown.count(row) == 1
    edited = markdown.replace(row, "|     | 行政强制 |     |     | 93  |     | 7   |     |     |")
    table = govdisclosure.parse(edited).tables.active_disclosure
    assert table is not None
    assert "administrative_enforcement" not in table.rows
