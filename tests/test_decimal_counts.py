"""Table 二 rows placed by printed order with a decimal or a sign under a count (tables/counts.py).

Review seed 20268834 r047-v1 (Chromium's PDF through pdfminer): 政府集中采购's `869.60` / `55`, the
amount's box drawn before the count's, was read as 869.60 projects of 55; seed 20268829 r085-v1
(LibreOffice's PDF through plain pdftotext): 行政许可's `/` / `27779` / `+1` as a change of 27779
and +1 decisions (tests/test_review_layouts.py holds that text).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure

BLOCKS = {"procurement": ["第二十条第（九）项", "信息内容 采购项目数量 采购总金额", "政府集中", "采购"]}


def _table_two(block: str, values: list[str]) -> govdisclosure.Report:
    """One table 二 block as a PDF's text prints it: a form feed, its lines, then the values one
    a line, a blank line after each."""
    lines = ["\f二、主动公开政府信息情况", *BLOCKS[block], ""]
    for value in values:
        lines += [value, ""]
    return govdisclosure.parse("\n".join([*lines, "三、收到和处理政府信息公开申请情况"]))


def test_a_decimal_read_as_a_project_count_is_said() -> None:
    report = _table_two("procurement", ["869.60", "55"])
    table = report.tables.active_disclosure
    assert table is None or "centralized_procurement" not in table.rows
    assert any("under a count column" in d.message for d in report.diagnostics)


def test_the_same_values_in_their_columns_order_are_read() -> None:
    table = _table_two("procurement", ["55", "869.60"]).tables.active_disclosure
    assert table is not None
    assert [c.value for c in table["centralized_procurement"].values()] == [55, Decimal("869.60")]


@given(
    projects=st.integers(1, 999),
    cents=st.integers(1, 10**8).filter(lambda c: c % 100 != 0),
    drawn_first=st.sampled_from(["count", "amount"]),
)
def test_a_procurement_row_in_either_drawing_order_gives_no_wrong_number(
    projects: int, cents: int, drawn_first: str
) -> None:
    amount = f"{Decimal(cents) / 100:.2f}"
    values = [str(projects), amount] if drawn_first == "count" else [amount, str(projects)]
    table = _table_two("procurement", values).tables.active_disclosure
    cells = table.rows.get("centralized_procurement", {}) if table is not None else {}
    assert [c.value for c in cells.values()] in ([], [projects, Decimal(amount)])
