"""Values between two pieces of one table (a header's note read as a sentence split it): said, never
dropped unseen, and never a cell of the rows after them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure

# The note of table 三's header as PDF text wraps it: the second line reads as a sentence, and ends
# the table's first piece (the header) until the first row label opens it again.
NOTES = (
    ("（本列数据的勾稽关系为：第一项加第二项之", "和，等于第三项加第四项之和）"),
    ("（本列数据的勾稽关系为：第一项加第二", "项之和，等于第三项加第四项之和）"),
)
HEADS = (("申请人情况", "法人或其他组织"), ("申请人情况",), ("法人或其他组织", "申请人情况"))
COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
ROWS = (
    ("一、本年新收政府信息公开申请数量", "new_received"),
    ("二、上年结转政府信息公开申请数量", "carried_over"),
    ("（一）予以公开", "granted"),
)
SEPARATORS = ("\t", "   ", "  ")


@given(
    note=st.sampled_from(NOTES),
    head=st.sampled_from(HEADS),
    stray=st.lists(st.integers(1, 9999), min_size=1, max_size=3),
    separator=st.sampled_from(SEPARATORS),
    rows=st.lists(st.lists(st.integers(0, 999), min_size=6, max_size=6), min_size=2, max_size=3),
    columns_after=st.booleans(),
)
def test_values_between_two_pieces_are_said_at_their_line(
    note: tuple[str, str],
    head: tuple[str, ...],
    stray: list[int],
    separator: str,
    rows: list[list[int]],
    columns_after: bool,
) -> None:
    columns = "\t".join(COLUMNS)
    lines = [*head, note[0], note[1]]
    if columns_after:
        lines.append(columns)
    lines.append(separator.join(str(n) for n in stray))
    at = len(lines)  # the stray values' line (1-based)
    for (label, _), values in zip(ROWS, rows, strict=False):
        lines.append("\t".join([label, *map(str, values), str(sum(values))]))
    report = govdisclosure.parse("\n".join(lines))
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced" and d.line == at]
    assert len(said) == 1
    assert " ".join(map(str, stray)) in said[0]
    table = report.tables.applications
    assert table is not None
    assert all(cell.line != at for _, _, cell in table.cells())
    for (_, row), values in zip(ROWS, rows, strict=False):
        assert [table.value(row, c) for c in table[row]] == [*values, sum(values)]
