"""无 after a group's marker, and a section title after a table, in PDF text (FORMAT.md §2.2 C, K).

A narrow PDF cell breaks （四）无法提供 into `(四) 无` / `法提` / `供`, and the first piece can share a
line with another row's label tail (`(四) 无 息`, pdfplumber on Chromium's PDF). Read as a none
mark, that 无 was one value too many for the row above. But `（五） 无 无 无 无 无 无 无` is a row's
seven 无 cells after its group's marker (pdfplumber on LibreOffice's PDF): there 无 is a value.

A heading's numeral can come out on a line of its own under the title (`、 存在的主要问题及改进情况`
/ `5`): the title, one of the report's section titles, ends the table before it.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus import text
from corpus.score import row_cells, table_cells
from plain_table import FEWER, balanced_counts, print_plain, wrong_numbers


def test_wu_between_a_group_marker_and_a_label_tail_is_label_text() -> None:
    # r023 (Chromium PDF, pdfplumber): `1.本机关不掌握相关政府信` / `18 / / / / / 18` / `(四) 无 息`.
    got, expected = row_cells("r023", "pdf-chromium.pdfplumber", "unavailable_not_held")
    assert got == expected


def test_wu_cells_after_a_group_marker_are_values() -> None:
    # r011 (LibreOffice PDF, pdfplumber): `3.要求提供公开出` / `（五） 无 无 无 无 无 无 无` / `版物`.
    got, expected = row_cells("r011", "pdf-lo.pdfplumber", "not_processed_publication")
    assert got == expected
    assert [kind for kind, _ in got] == ["none"] * 7


def test_a_section_title_ends_the_table_before_it() -> None:
    # r011 (Chromium PDF, pdfplumber) prints the heading after table 四 as `、 存在的主要问题及改进情况`
    # with its numeral `5` on the next line: the title ends the table, so neither the `、` nor the
    # `5` is one of its cells (17 values for 15 cells left the table unread).
    parsed, printed = table_cells("r011", "pdf-chromium.pdfplumber", "review_litigation")
    assert parsed == printed
    report = govdisclosure.parse(text("r011", "pdf-chromium.pdfplumber"))
    assert [s.title for s in report.sections][4] == "存在的主要问题及改进情况"


GROUP_HEADER = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
TABLE_FOUR_HEAD = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议",
    "行政诉讼",
    *GROUP_HEADER,
    "未经复议直接起诉",
    "复议后起诉",
    *GROUP_HEADER * 2,
]
HEADINGS = ["5、", "5、 ", "五、", "（五）", "5. ", "第五部分 "]


@given(
    st.lists(st.integers(0, 40), min_size=10, max_size=10),
    st.lists(st.integers(0, 40), min_size=4, max_size=4, unique=True),
    st.integers(1, 2),
    st.sampled_from(HEADINGS),
)
def test_values_after_a_numbered_section_heading_are_not_table_four_s(
    first: list[int], last: list[int], before: int, marker: str
) -> None:
    # Review seed 20268813 r076-v0 (Chromium, plain pdftotext): table 四 a value a line, and
    # `5、 存在的主要问题及改进情况` printed before its last three, `/` and `2` drawn in another
    # order there: read on through the heading, 复议后起诉's 2 went to 其他结果. A section's heading
    # ends the table before it, its numeral printed with it or not.
    values = [*first, *last, sum(last)]
    tail = values[10 + before :]
    moved = [*tail[1:-1], tail[0], tail[-1]]  # the values after the heading in another order
    lines = [
        *TABLE_FOUR_HEAD,
        *map(str, values[: 10 + before]),
        f"{marker}存在的主要问题及改进情况",
        *map(str, moved),
        "没有需要说明的问题。",
    ]
    table = govdisclosure.parse("\n".join(lines) + "\n").tables.review_litigation
    rows = ("review", "litigation_direct", "litigation_after_review")
    truth = {
        (row, column): v for i, v in enumerate(values) for row, column in [(rows[i // 5], COLUMNS[i % 5])]
    }
    for row, column, cell in table.cells() if table is not None else ():
        assert cell.kind != "number" or cell.value == truth[row, column], (row, column, cell.raw)


COLUMNS = ("upheld", "corrected", "other_result", "pending", "total")


@FEWER  # a whole table parsed an example
@given(st.sampled_from(["2019", "2021"]), st.data())
def test_a_numbered_label_s_number_printed_apart_from_its_mark_is_no_value(
    template: str, data: st.DataObject
) -> None:
    # Review seed 20268813 r050-v1 (Chromium, 0.1 em letter-spacing, plain pdftotext): the label
    # `3 .危及“ 三安全一稳 定”` after 2.其他法律行政法规禁止公开's last value, a line of its own:
    # its `3` read as a value, the row before took it as its 总计 (3 for 1).
    rows = data.draw(balanced_counts(template))
    lines = print_plain(template, rows, ["before"] * len(rows), "0", False, False)
    numbered = [i for i, line in enumerate(lines) if NUMBERED.match(line)]
    for i in data.draw(st.lists(st.sampled_from(numbered), min_size=1, unique=True)):
        mark = NUMBERED.match(lines[i])
        assert mark is not None
        rest = lines[i][mark.end() :]
        cut = data.draw(st.integers(1, len(rest)))
        lines[i] = f"{mark['num']} {mark['dot']}{rest[:cut]} {rest[cut:]}".rstrip()
    report = govdisclosure.parse("\n".join(lines) + "\n")
    assert wrong_numbers(template, rows, report) == []


NUMBERED = regex.compile(r"^(?P<num>\d)(?P<dot>[.．])(?=\p{Han})")
