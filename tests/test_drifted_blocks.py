"""Table 二's values a PDF's reading order drew into a later block (tables/drifting.py, detached.py).

pdfminer prints a PDF's text boxes in its own order. A label and its value standing close are
one box (`行政处罚 1,037`), which must not hide that the wider blocks' values stand apart and
may drift; and a block's header and values may come after the next block's label, its header
cell then printed twice in that block's part of the text.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.model import Rows


def _pdfminer(*cells: str) -> str:
    """Table 二's cells as pdfminer prints its text boxes: one a line, a blank line after each,
    the page opened by a form feed, the next section's heading after them."""
    lines = ["\f二、主动公开政府信息情况", ""]
    for cell in cells:
        lines += [cell, ""]
    lines += ["三、收到和处理政府信息公开申请情况", "", "申请人情况"]
    return "\n".join(lines)


def _rows(text: str) -> Rows:
    table = govdisclosure.parse(text).tables.active_disclosure
    assert table is not None
    return table.rows


FIRST = ["第二十条第（一）项", "信息内容 本年制发件数", "本年废止件数", "现行有效件数", "规章"]


def test_a_value_after_a_label_past_a_short_block_is_not_placed_beside_a_one_line_row() -> None:
    # Fresh review seed 20268842 r098-v0 (Chromium's PDF, pdfminer): 规范性文件 7 blank 65, and
    # its 65 drawn after 行政许可's label (blank), read as 行政许可's. 行政处罚's label and value
    # stood close enough to be one box, which hid that the table's values stand apart.
    text = _pdfminer(
        *FIRST,
        "行政规范性文件",
        "7",
        "第二十条第（五）项",
        "信息内容 本年处理决定数量",
        "行政许可",
        "65",
        "第二十条第（六）项",
        "信息内容 本年处理决定数量",
        "行政处罚 1,037",
        "行政强制",
    )
    rows = _rows(text)
    assert "administrative_licensing" not in rows
    assert [c.raw for c in rows["administrative_penalty"].values()] == ["1,037"]
    said = govdisclosure.parse(text).diagnostics
    assert any(
        d.code == "cell-unplaced" and "administrative_licensing: values printed after" in d.message
        for d in said
    )


def test_a_value_after_a_label_past_a_block_printing_every_cell_is_its_label_s() -> None:
    text = _pdfminer(
        *FIRST,
        "0",
        "0",
        "3",
        "行政规范性文件",
        "7",
        "0",
        "65",
        "第二十条第（五）项",
        "信息内容 本年处理决定数量",
        "行政许可",
        "12",
        "第二十条第（六）项",
        "信息内容 本年处理决定数量",
        "行政处罚 1,037",
        "行政强制 4",
    )
    rows = _rows(text)
    assert [c.raw for c in rows["administrative_licensing"].values()] == ["12"]
    assert [c.raw for c in rows["administrative_enforcement"].values()] == ["4"]


def _interleaved(licensing: str | None, penalty: str | None, enforcement: str | None) -> str:
    """Blocks 五 and 六 as pdfminer printed them in fresh review seed 20268842 r051-v0: each block's
    left column (caption, 信息内容, labels) as boxes, then each block's header with the values
    under it, 行政强制's label after 行政处罚's value and its own value after the next caption."""
    cells = [*FIRST, "0", "0", "0", "行政规范性文件", "6", "0", "62"]
    cells += ["第二十条第（五）项", "信息内容", "行政许可", "第二十条第（六）项", "信息内容", "行政处罚"]
    cells += ["本年处理决定数量", *[v for v in [licensing] if v], "本年处理决定数量"]
    cells += [*[v for v in [penalty] if v], "行政强制", "第二十条第（八）项"]
    cells += [
        *[v for v in [enforcement] if v],
        "信息内容",
        "行政事业性收费 481.11",
        "本年收费金额（单位：万元）",
    ]
    return _pdfminer(*cells)


def test_values_after_a_block_header_printed_twice_are_not_read_in_printed_order() -> None:
    # r051-v0: 行政许可 51,700, 行政处罚 691, 行政强制 `—`; 51,700 was read as 行政处罚's and 691 as
    # 行政强制's, the labels and values of block 六's part taken in printed order.
    rows = _rows(_interleaved("51,700", "691", "—"))
    assert "administrative_penalty" not in rows
    assert "administrative_enforcement" not in rows


_VALUE = st.one_of(
    st.none(), st.sampled_from(["—", "0", "无"]), st.integers(1, 99_999).map(lambda n: f"{n:,}")
)


@given(_VALUE, _VALUE, _VALUE)
def test_blocks_printed_interleaved_never_give_a_wrong_number(
    licensing: str | None, penalty: str | None, enforcement: str | None
) -> None:
    rows = _rows(_interleaved(licensing, penalty, enforcement))
    printed = {
        "administrative_licensing": licensing,
        "administrative_penalty": penalty,
        "administrative_enforcement": enforcement,
    }
    for row, value in printed.items():
        if row in rows:
            assert [c.raw for c in rows[row].values()] == [value or ""], row


def _fees_after(header: str) -> str:
    """Table 二 as pdfminer printed fresh review seed 20268843 r080-v1 (LibreOffice's PDF): the
    blocks' labels first, 行政处罚's 1434 drawn after block 八's label and a header's cell."""
    return _pdfminer(
        *FIRST,
        "行政规范性文件",
        "第二十条第（五）项",
        "信息内容",
        "行政许可",
        "第二十条第（六）项",
        "本年制发件数",
        "28",
        "信息内容",
        "行政处罚",
        "行政强制",
        "第二十条第（八）项",
        "信息内容",
        "行政事业性收费",
        header,
        "1434",
    )


def test_a_value_after_another_block_s_column_header_is_not_the_label_s() -> None:
    # 行政处罚 1434, 行政事业性收费 blank: 1434 was read as the fee.
    text = _fees_after("本年处理决定数量")
    assert "administrative_fees" not in _rows(text)
    assert any(
        d.code == "cell-unplaced"
        and "administrative_fees: values after a column header of another block" in d.message
        for d in govdisclosure.parse(text).diagnostics
    )


def test_a_value_after_its_own_block_s_column_header_is_the_label_s() -> None:
    rows = _rows(_fees_after("本年收费金额（单位：万元）"))
    assert [c.raw for c in rows["administrative_fees"].values()] == ["1434"]
