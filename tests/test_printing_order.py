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
