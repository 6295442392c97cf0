"""Values after a blank row's label, in text that drops blank cells (tables/order.py, FORMAT.md §2.2 K).

`行政许可` / `其他对外管` / `理服务事项` / `11 -7 723`: the values are the second row's after a blank
first row (pdftotext -raw, pdfplumber), or the first row's printed after all the block's labels
(plain pdftotext, pdfminer). Only the rest of the text can tell: two rows each printed on one line
with their label show row-after-row printing; anything of the other order keeps the values unplaced.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.templates import default_templates

HEADING = "二、主动公开政府信息情况"
# A block printed row after row, each row on one line with its label: the evidence.
IN_ORDER = ["第二十条第（六）项", "信息内容", "行政处罚 7 -6 462", "行政强制 19 -2 79"]
# The blank row 行政许可, then the wrapped label of 其他对外管理服务事项 and its values.
BLANK_THEN_WRAPPED = ["第二十条第（五）项", "信息内容", "行政许可", "其他对外管", "理服务事项", "11 -7 723"]
SERVICES = ("previous_year", "change", "decisions")


def _parse(lines: Sequence[str]) -> govdisclosure.Report:
    return govdisclosure.parse("\n".join([HEADING, *lines]))


def _unplaced(report: govdisclosure.Report) -> list[str]:
    return [d.message for d in report.diagnostics if d.code == "cell-unplaced"]


def test_values_after_a_blank_row_are_the_next_label_s_in_a_text_printing_rows_in_order() -> None:
    report = _parse([*BLANK_THEN_WRAPPED, *IN_ORDER])
    table = report.tables.active_disclosure
    assert table is not None
    row = table["other_administrative_services"]
    assert [row[c].value for c in SERVICES] == [11, -7, 723]
    # The text does not print them beside their label: the printing order placed them.
    assert {row[c].basis for c in SERVICES} == {"order"}
    assert table.rows.get("administrative_licensing", {}) == {}
    assert _unplaced(report) == []


def test_without_two_rows_printed_with_their_labels_the_values_stay_unplaced() -> None:
    alone = ["第二十条第（六）项", "信息内容", "行政处罚 7 -6 462", "行政强制"]
    report = _parse([*BLANK_THEN_WRAPPED, *alone])
    table = report.tables.active_disclosure
    assert table is not None
    assert "other_administrative_services" not in table.rows
    assert "administrative_licensing" not in table.rows
    assert any("11 -7 723" in m for m in _unplaced(report))


def test_a_block_printing_labels_first_anywhere_keeps_the_values_unplaced() -> None:
    # Table 三's rows printed before all their values: more values after the last label than it
    # has columns. The text does not print every table row after row.
    labels_first = [
        "三、收到和处理政府信息公开申请情况",
        "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        *(["1"] * 7),
        *(["0"] * 7),
    ]
    report = _parse([*BLANK_THEN_WRAPPED, *IN_ORDER, *labels_first])
    table = report.tables.active_disclosure
    assert table is not None
    assert "other_administrative_services" not in table.rows
    assert any("11 -7 723" in m for m in _unplaced(report))


_SPEC = default_templates()["2019"].active_disclosure
# Every spelling real reports use (FORMAT.md §2.3).
_SPELLINGS = {rid: label.spellings for rid, label in _SPEC.rows.items()}


@st.composite
def _blocks(draw: st.DrawFn) -> tuple[list[str], dict[str, list[int]], bool]:
    """Table 二 printed row after row with blank cells dropped: a blank row prints its label alone,
    a printed row its label then its values, on the label's line or after its wrapped label.

    Also says whether the text shows its order: two rows in a row printed on one line each.
    """
    lines: list[str] = []
    truth: dict[str, list[int]] = {}
    shown = False
    for block in _SPEC.blocks:
        lines += [block.caption, "信息内容"]
        beside = 0
        for rid in block.rows:
            label = draw(st.sampled_from(_SPELLINGS[rid]))
            if draw(st.booleans()):
                lines.append(label)  # a blank row
                beside = 0
                continue
            n = len(block.columns)
            values = draw(st.lists(st.integers(1, 99999), min_size=n, max_size=n))
            truth[rid] = values
            printed = " ".join(map(str, values))
            # A narrow cell wraps its label after three characters or more (0: not wrapped).
            cut = draw(st.sampled_from([0, *range(3, len(label) - 1)]))
            if cut == 0:
                lines.append(f"{label} {printed}")
                beside += 1
                shown = shown or beside >= 2
            else:
                lines += [label[:cut], label[cut:], printed]
                beside = 0
    return lines, truth, shown


@given(_blocks())
def test_rows_printed_in_order_come_back_whole_and_nothing_else(
    drawn: tuple[list[str], dict[str, list[int]], bool],
) -> None:
    lines, truth, shown = drawn
    report = _parse(lines)
    table = report.tables.active_disclosure
    assert table is not None
    got = {rid: [c.value for c in cells.values() if c.value is not None] for rid, cells in table.rows.items()}
    got = {rid: values for rid, values in got.items() if values}
    if shown:
        assert got == truth
    else:
        # Whatever is placed is the row's own, whole (a blank row never takes a number).
        assert all(truth.get(rid) == values for rid, values in got.items()), (got, truth)


# Text printed one cell per line with blank cells dropped, in the page's row order (lynx): table 二's
# `规章` / `规范性文件` / `9` / `9` / `9` reads the same as a block printing its labels first (plain
# pdftotext). Table 三's row totals can show the order: each run of values after a label holds it.
APPLICATIONS = [
    "三、收到和处理政府信息公开申请情况",
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "总计",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
]
ONE_PER_LINE = [
    "第二十条第（一）项",
    "信息内容",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "规章",
    "规范性文件",
    "9",
    "9",
    "9",
]


def _table_three(runs: Sequence[Sequence[int]]) -> list[str]:
    labels = [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "三、本年度办理结果",
        "（一）予以公开",
    ]
    lines = list(APPLICATIONS)
    for i, run in enumerate(runs):
        lines += [labels[i + (i >= 2)], *map(str, run)]
    return lines


def test_table_three_rows_holding_their_totals_show_rows_printed_in_order() -> None:
    report = _parse([*ONE_PER_LINE, *_table_three([[29, 3, 32], [1, 1], [19, 2, 21]])])
    table = report.tables.active_disclosure
    assert table is not None
    row = table["normative_documents"]
    assert [row[c].value for c in ("newly_made", "newly_published", "total_published")] == [9, 9, 9]
    assert {row[c].basis for c in row} == {"order"}
    assert "regulations" not in table.rows


def test_a_run_whose_total_fails_or_too_few_runs_keep_the_values_unplaced() -> None:
    # 19 + 2 is not 22: the runs after table 三's labels are not (all) their rows.
    for runs in ([[29, 3, 32], [19, 2, 22]], [[29, 3, 32], [1, 1], [7, 7]]):
        report = _parse([*ONE_PER_LINE, *_table_three(runs)])
        table = report.tables.active_disclosure
        assert table is not None
        assert "normative_documents" not in table.rows, runs
        assert "regulations" not in table.rows
        assert any("9 9 9" in m for m in _unplaced(report)), runs


@st.composite
def _one_per_line(draw: st.DrawFn) -> tuple[list[str], dict[str, list[int]], bool]:
    """Tables 二 and 三 printed one cell per line in row order, blank cells dropped (lynx).

    Says which table 二 rows print every cell, and whether table 三 shows the order: two runs of
    three values or more after their labels, each holding its row's total.
    """
    lines: list[str] = []
    full: dict[str, list[int]] = {}
    for block in _SPEC.blocks:
        lines += [block.caption, "信息内容"]
        for rid in block.rows:
            lines.append(draw(st.sampled_from(_SPELLINGS[rid])))
            cells = [draw(st.one_of(st.none(), st.integers(1, 99999))) for _ in block.columns]
            lines += [str(v) for v in cells if v is not None]
            if all(v is not None for v in cells):
                full[rid] = [v for v in cells if v is not None]
    runs = draw(st.lists(st.lists(st.integers(1, 999), min_size=0, max_size=6), min_size=3, max_size=3))
    table_three = _table_three([[*run, sum(run)] if run else [] for run in runs])
    return [*lines, *table_three], full, sum(len(run) >= 2 for run in runs) >= 2


@given(_one_per_line())
def test_rows_printed_one_cell_per_line_come_back_when_table_three_shows_the_order(
    drawn: tuple[list[str], dict[str, list[int]], bool],
) -> None:
    lines, full, shown = drawn
    # Indented as lynx prints a page: in a PDF's reading order a block's value may be drawn after
    # the next block's label (tables/drawn.DRIFTED), whatever table 三 shows.
    report = _parse(["   " + line for line in lines])
    table = report.tables.active_disclosure
    assert table is not None
    got = {rid: [c.value for c in cells.values()] for rid, cells in table.rows.items()}
    got = {rid: values for rid, values in got.items() if any(v is not None for v in values)}
    # Never a number in the wrong place: whatever is placed is a row printed in full, as printed.
    assert all(full.get(rid) == values for rid, values in got.items()), (got, full)
    if shown:
        assert got == full
