"""Table 三's 总计 printed against the value before it in aligned text: split where the row total
settles it (tables/touching.py).

Review seed 20268834 r052-v1 (Chromium's PDF, 19 px, 0.25 em letter-spacing, cells aligned right,
padding 0; pdftotext `-layout`): `3,932          /   2   /   / 23,936`, 其他's 2 run into 总计's
3,936, was read as a gap under 其他 and 23,936 under 总计.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.tables.touching import split_reading
from govdisclosure.templates import default_templates
from govdisclosure.values import read_cell

COLUMNS = default_templates()["2021"].applications.value_columns
REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"


def test_the_review_s_row_is_split_by_its_total() -> None:
    reading = split_reading(_cells(["3,932", "/", "2", "/", "/", "", "23,936"]), COLUMNS)
    assert reading == ("3,932", "/", "2", "/", "/", "2", "3,936")


def test_the_review_s_rows_are_split_by_their_totals() -> None:
    name = "s20268834-slash-r052-v1"
    truth = json.loads((REVIEW / f"{name}.truth.json").read_text(encoding="utf-8"))
    report = govdisclosure.parse(
        (REVIEW / f"{name}.pdf-chromium.pdftotext-layout.txt").read_text(encoding="utf-8")
    )
    table = report.tables.applications
    assert table is not None
    for row in ("new_received", "granted", "outcome_total"):
        expected = [c["raw"] for c in truth["tables"]["applications"][row].values()]
        assert [c.raw for c in table[row].values()] == expected
        # The text does not show where 其他's value ends and 总计's begins: the total settled it.
        assert table[row]["total"].basis == "split"
    decided = [c for c in report.checks if c.name == "applications.row_total.new_received"]
    assert [c.decided for c in decided] == [True]


def _cells(printed: list[str]) -> dict[str, govdisclosure.Cell]:
    return {c: read_cell(p, 1) for c, p in zip(COLUMNS, printed, strict=True)}


@given(
    parts=st.lists(st.one_of(st.just(0), st.integers(1, 40), st.integers(10, 5000)), min_size=6, max_size=6),
    zero=st.sampled_from(["0", "/", "—", "无"]),
    commas=st.booleans(),
)
@example(parts=[3932, 0, 2, 0, 0, 2], zero="/", commas=True)
@example(parts=[0, 0, 0, 0, 0, 1], zero="0", commas=False)  # `0 0 0 0 0 11`: 1 + 1
def test_a_total_run_into_the_value_before_it_is_read_only_as_the_row(
    parts: list[int], zero: str, commas: bool
) -> None:
    shown = [zero if p == 0 else f"{p:,}" if commas else str(p) for p in [*parts, sum(parts)]]
    run_in = [*shown[:5], "", shown[5] + shown[6]]  # 其他's value run into 总计's, its place a gap
    reading = split_reading(_cells(run_in), COLUMNS)
    # Split only into the row as printed (a cut is taken only where no other holds the total).
    assert reading is None or list(reading) == shown


@given(st.lists(st.integers(0, 99), min_size=7, max_size=7), st.integers(0, 6))
def test_rows_whose_total_holds_or_with_more_gaps_stay_as_read(values: list[int], gap: int) -> None:
    printed = [str(v) for v in values[:6]] + [str(sum(values[:6]))]
    assert split_reading(_cells(printed), COLUMNS) is None  # no gap: as read
    printed[gap] = ""
    if gap != 5:
        assert split_reading(_cells(printed), COLUMNS) is None  # a gap elsewhere: as read


def test_a_cut_that_breaks_a_column_sum_is_not_taken() -> None:
    # Review of the change: the review's text with 二、上年结转's row a report's slip, its 其他 blank
    # and its total 12 for 1 (`1  / / / /      12`): 1 + 1 = 2 holds the row total, but 其他's column
    # then sums wrong. No cut is taken (nor the review's own rows': the table's sums refuse them).
    name = "s20268834-slash-r052-v1.pdf-chromium.pdftotext-layout.txt"
    text = (REVIEW / name).read_text(encoding="utf-8")
    row = "   息公开申请数量        /      /   /   /   /   /   /"
    assert text.count(row) == 1
    report = govdisclosure.parse(text.replace(row, "   息公开申请数量        1      /   /   /   /      12"))
    table = report.tables.applications
    assert table is not None
    assert [c.raw for c in table["carried_over"].values()] == ["1", "/", "/", "/", "/", "", "12"]
    assert all(c.basis != "split" for cells in table.rows.values() for c in cells.values())
