"""A row label printed with no value in text aligned by position is a blank row (§2.2 C, K).

pdftotext `-layout` pads each word out to its column, so a blank cell is a gap and a row whose
cells are all blank prints its label alone. Text that drops blank cells (pdfplumber, pdftotext
`-raw`: one space between words) prints a blank row the same way but cannot be told from a label
whose values come elsewhere, so there such a row stays absent. A values line with no label of its
own before a label (LibreOffice centring a tall row) may be that label's: it is never claimed blank.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import example, given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.templates import default_templates

SPEC = default_templates()["2019"].active_disclosure
BLOCK = SPEC.blocks[0]  # 第二十条第（一）项: 规章, 规范性文件 under three columns
HEADER = ["二、主动公开政府信息情况", "", f"          {BLOCK.caption}", ""]
COLUMNS = ["信息内容", *(SPEC.columns[c].label.label for c in BLOCK.columns)]


def _line(words: Sequence[str], gap: str) -> str:
    return "  " + gap.join(words)


def _text(rows: Sequence[tuple[str, Sequence[int] | None]], gap: str) -> str:
    lines = [*HEADER, _line(COLUMNS, gap), ""]
    for label, values in rows:
        lines += [_line([label, *map(str, values or ())], gap), ""]
    return "\n".join(lines)


def _kinds(report: govdisclosure.Report, row: str) -> list[str]:
    table = report.tables.active_disclosure
    assert table is not None
    return [c.kind for c in table.rows.get(row, {}).values()]


def test_a_label_alone_in_aligned_text_is_a_blank_row() -> None:
    report = govdisclosure.parse(_text([("规章", None), ("规范性文件", [7, 1, 30])], " " * 6))
    assert _kinds(report, "regulations") == ["blank"] * 3
    table = report.tables.active_disclosure
    assert table is not None
    assert [c.value for c in table["normative_documents"].values()] == [7, 1, 30]


def test_a_label_alone_in_single_spaced_text_stays_absent() -> None:
    report = govdisclosure.parse(_text([("规章", None), ("规范性文件", [7, 1, 30])], " "))
    assert _kinds(report, "regulations") == []


def test_a_label_after_a_values_line_of_no_label_is_not_claimed_blank() -> None:
    # The values above 规范性文件 (a tall row centred by LibreOffice) may be its own.
    text = (
        _text([("规章", [1, 2, 3])], " " * 6)
        + "\n"
        + _line(["", "7", "1", "30"], " " * 6)
        + "\n\n  规范性文件\n"
    )
    report = govdisclosure.parse(text)
    assert "blank" not in _kinds(report, "normative_documents")


@given(
    st.lists(
        st.one_of(st.none(), st.lists(st.integers(0, 99999), min_size=3, max_size=3)), min_size=2, max_size=2
    ),
    st.integers(3, 12),
    st.sampled_from([s for s in SPEC.rows["normative_documents"].spellings]),
)
def test_aligned_rows_come_back_blank_or_whole(
    drawn: list[list[int] | None], gap: int, spelling: str
) -> None:
    rows = list(zip(["规章", spelling], drawn, strict=True))
    report = govdisclosure.parse(_text(rows, " " * gap))
    table = report.tables.active_disclosure
    assert table is not None
    for rid, values in zip(BLOCK.rows, drawn, strict=True):
        cells = list(table.rows.get(rid, {}).values())
        if values is None:
            assert [c.kind for c in cells] == ["blank"] * 3
        else:
            assert [c.value for c in cells] == values


# Table 四's header as pdftotext -layout prints it (Chromium PDF of the tool corpus, r016), with no
# value line under it: the table is printed, every cell blank.
REVIEW_HEADER = [
    "四、政府信息公开行政复议、行政诉讼情况",
    "",
    "  本年度政府信息公开行政复议、行政诉讼情况如下：",
    "",
    "    行政复议                            行政诉讼",
    "                      未经复议直接起诉              复议后起诉",
    "结果 结果 其他 尚未   总",
    "                  结果 结果 其他 尚未       总   结果 结果 其他 尚未   总",
    "维持 纠正 结果 审结   计",
    "                  维持 纠正 结果 审结       计   维持 纠正 结果 审结   计",
    "",
    "",
    "五、政府信息公开工作存在的主要问题及改进情况",
]


def test_table_four_printed_without_a_value_in_aligned_text_is_all_blank() -> None:
    report = govdisclosure.parse(
        _text([("规章", None), ("规范性文件", [7, 1, 30])], " " * 6) + "\n" + "\n".join(REVIEW_HEADER)
    )
    table = report.tables.review_litigation
    assert table is not None
    kinds = [c.kind for cells in table.rows.values() for c in cells.values()]
    assert kinds == ["blank"] * 15


def test_table_four_without_a_value_in_single_spaced_text_is_unread() -> None:
    single = [" ".join(line.split()) for line in REVIEW_HEADER]
    report = govdisclosure.parse(
        _text([("规章", None), ("规范性文件", [7, 1, 30])], " ") + "\n" + "\n".join(single)
    )
    table = report.tables.review_litigation
    assert table is None or not table.rows
    assert "table-unread" in {d.code for d in report.diagnostics}


# Where each group's 总 / 计 stack stands in REVIEW_HEADER (review's, then the litigation groups').
_TOTAL_AT = [REVIEW_HEADER[6].index("总"), *(i for i, c in enumerate(REVIEW_HEADER[7]) if c == "总")]


@given(st.integers(1, max(map(len, REVIEW_HEADER)) + 1))
@example(max(map(len, REVIEW_HEADER)) + 1)  # no cut: every group read blank
@example(50)  # 复议后起诉's 总 cut: read blank before (no group past the cut is)
def test_table_four_cut_at_the_page_s_edge_gives_no_group_past_the_cut_blank(edge: int) -> None:
    # A review's Chromium PDF (seed 20268804 r065, A5, nowrap): table 四 wider than its page, cut
    # at its edge with its header (`… 尚未审结   总`, 复议后起诉 gone), printed no value, and its
    # three groups were read blank, 复议后起诉's 1 / 2 / 3 among them.
    cut = [line[:edge].rstrip() if line.startswith((" ", "结", "维")) else line for line in REVIEW_HEADER]
    report = govdisclosure.parse(
        _text([("规章", None), ("规范性文件", [7, 1, 30])], " " * 6) + "\n" + "\n".join(cut)
    )
    table = report.tables.review_litigation
    read = [] if table is None else list(table.rows)
    shown = [
        g
        for g, at in zip(("review", "litigation_direct", "litigation_after_review"), _TOTAL_AT, strict=True)
        if edge > at
    ]
    assert set(read) <= set(shown)  # (a header cut short may leave no table found at all)
    if edge > max(map(len, REVIEW_HEADER)):
        assert read == shown == ["review", "litigation_direct", "litigation_after_review"]
