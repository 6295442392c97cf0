"""Table 四 wider than its page, cut at the page's edge with its header: no value read past the cut.

A review's Chromium PDF (seed 20268832 r040-v0: A5 landscape, 21 px type, nowrap) printed table 四's
first ten cells, `— — 2 — 2 1 3 2 — 6`, under a header cut at `… 尚未审结   总`, 复议后起诉 gone; the
ten values, read as cells with blanks dropped, put `1 3 2 — 6` (its total holding) in 复议后起诉.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import govdisclosure

GROUPS = ("review", "litigation_direct", "litigation_after_review")
HEADER = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
WIDTH = 10  # characters a column, header and values aligned at each column's start


def _line(cells: list[tuple[int, str]]) -> str:
    out = ""
    for column, text in cells:
        out = out.ljust(column) + text
    return out


def _table_four(values: list[str], edge: int, single: bool) -> str:
    """Table 四 as pdftotext -layout prints it (`single`: as pdfplumber does, words one space apart),
    its header's and values' lines cut at character `edge`."""
    cut = [
        _line([(0, "行政复议"), (5 * WIDTH, "行政诉讼")]),
        _line([(5 * WIDTH, "未经复议直接起诉"), (10 * WIDTH, "复议后起诉")]),
        _line([(WIDTH * i, t) for i, t in enumerate(HEADER * 3)]),
        _line([(WIDTH * i, v) for i, v in enumerate(values)]),
    ]
    cut = [line[:edge].rstrip() for line in cut]
    if single:
        cut = [" ".join(line.split()) for line in cut]
    return "\n".join(
        [
            "某局2024年政府信息公开工作年度报告",
            "四、政府信息公开行政复议、行政诉讼情况",
            "",
            *cut,
            "",
            "五、政府信息公开工作存在的主要问题及改进情况",
        ]
    )


def _printed(parts: list[int]) -> list[str]:
    # Zero printed `—` (the report's none mark), each group's total after its four cells.
    return ["—" if n == 0 else str(n) for n in [*parts, sum(parts)]]


@given(
    groups=st.lists(st.lists(st.integers(0, 20), min_size=4, max_size=4), min_size=3, max_size=3),
    edge=st.integers(WIDTH, 15 * WIDTH + 5),
    single=st.booleans(),
)
@example(groups=[[0, 0, 2, 0], [1, 3, 2, 0], [0, 0, 0, 0]], edge=9 * WIDTH + 1, single=True)
@example(groups=[[0, 0, 2, 0], [1, 3, 2, 0], [0, 0, 0, 0]], edge=9 * WIDTH + 1, single=False)
def test_a_table_four_cut_at_the_page_s_edge_reads_no_group_past_the_cut(
    groups: list[list[int]], edge: int, single: bool
) -> None:
    truth = {g: _printed(parts) for g, parts in zip(GROUPS, groups, strict=True)}
    report = govdisclosure.parse(_table_four([v for g in GROUPS for v in truth[g]], edge, single))
    table = report.tables.review_litigation
    read = {g: [c.raw for c in cells.values()] for g, cells in (table.rows.items() if table else [])}
    # A group no character of which is on this side of the edge is not read (each column's cell
    # starts at WIDTH * its index); a group read is read right (a value the edge cut, `1` of 16,
    # is no value of it).
    begun = [g for i, g in enumerate(GROUPS) if edge > WIDTH * 5 * i]
    assert set(read) <= set(begun)
    for group, cells in read.items():
        assert cells == truth[group]


def test_the_whole_table_four_is_read_whole() -> None:
    values = [*_printed([0, 0, 2, 0]), *_printed([1, 3, 2, 0]), *_printed([0, 0, 0, 0])]
    for single in (False, True):
        table = govdisclosure.parse(_table_four(values, 200, single)).tables.review_litigation
        assert table is not None
        assert [c.raw for cells in table.rows.values() for c in cells.values()] == values


def test_a_group_past_the_edge_is_said() -> None:
    values = [*_printed([0, 0, 2, 0]), *_printed([1, 3, 2, 0]), *_printed([0, 0, 0, 0])]
    report = govdisclosure.parse(_table_four(values, 9 * WIDTH + 1, single=True))
    table = report.tables.review_litigation
    assert table is None or "litigation_after_review" not in table.rows
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert any("litigation_after_review" in m and "page's edge" in m for m in said)
