"""A row markitdown splits over two lines of pipes, 无 below the digits (FORMAT.md §2.2 D, K).

markitdown draws a PDF table's pipes from word positions and places each line by its height. The
无 glyph, a CJK character, sits lower than the digits beside it, so a row printing both comes out
as two lines whose cells complement each other: `|  | 4 |    | 1 |    | 5 |` over
`|  |   | 无 |   | 无 |   |`. Read as two lines, the values lose their columns' order; merged cell
by cell they are the row.
"""

from __future__ import annotations

import govdisclosure
from corpus.score import table_cells
from govdisclosure.layout.pipes import pipe_block
from govdisclosure.normalize import normalize


def test_a_row_split_into_digits_and_wu_lines_is_one_row() -> None:
    # r020 (Chromium PDF): `（二）部分公开…` prints `| 4 | | 1 | | 5 |` over `| | 无 | | 无 | 无 |`.
    got, expected = table_cells("r020", "pdf-chromium.markitdown", "applications")
    for row in ("partially_granted", "unavailable_not_held", "unavailable_needs_creation"):
        columns = [c for r, c in expected if r == row]
        assert [got.get((row, c)) for c in columns] == [expected[(row, c)] for c in columns], row


def test_a_number_wrapped_over_three_lines_is_not_merged() -> None:
    # r015 (LibreOffice PDF): (七)总计's 1794 and 1920 wrap as `179 … 192` above the row's line and
    # `4 … 0` below it; merging the line above into the row gave 179 and 192.
    got, expected = table_cells("r015", "pdf-lo.markitdown", "applications")
    assert {k: v for k, v in got.items() if v[0] == "number" and v != expected[k]} == {}


GUESSED = [
    "二、主动公开政府信息情况",
    "| 第二十条第（一）项 |  |  |  |",
    "| --- | --- | --- | --- |",
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
    "| 规章 | 1 2 |  | 3 |",
    "|  | 5 |  |  |",
    "| 规范性文件 |  | 7 | 30 |",
    "",
    "三、收到和处理政府信息公开申请情况",
]


def test_complementary_lines_without_wu_are_not_merged() -> None:
    # Only 无 sits lower than digits: a line of digits above a labelled line whose cells it fills
    # may be the row before's (a blank cell leaves the gap), so `5` is not given to 规范性文件.
    table = govdisclosure.parse("\n".join(GUESSED)).tables.active_disclosure
    assert table is not None
    row = table.rows.get("normative_documents", {})
    assert all(cell.value != 5 for cell in row.values())


def _rows(lines: list[str]) -> list[list[str]]:
    block = normalize("\n".join(lines))
    return [[t.text.strip() for t in row.tokens] for row in pipe_block(block, guessed=True)]


def test_a_third_values_line_keeps_the_lines_apart() -> None:
    # 1794 and 1920 wrapped by LibreOffice over three lines, the row's own cells all 无: the line
    # above (`179 … 192`) complements the row's line, but the line below (`4 … 0`) shows the
    # numbers wrapped, so nothing is merged.
    wrapped = [
        "|   | 179 |   |   | 192 |",
        "| (七) 总计 |   | 无 | 无 |   |",
        "|   |  4  |   |   |  0  |",
    ]
    assert _rows(wrapped) == [["179", "192"], ["(七) 总计", "无", "无"], ["4", "0"]]
    # The same two lines alone are one row.
    assert _rows(wrapped[:2]) == [["(七) 总计", "179", "无", "无", "192"]]
