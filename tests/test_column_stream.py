"""Table 三 printed column by column, one value a line, every row label listed first (pdfminer on
PDFs of small type, a review's 7 px Chromium PDFs and A5 pages).

Cut into rows of seven as printed, such a stream fills the template's cells exactly and no label
stands among the values to say otherwise: only the row totals show that the cut is wrong. These
tests hold the printed-order reading to them: a stream read so places no wrong number.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus import truth
from corpus.score import score
from plain_table import FEWER, TAIL, TEMPLATES, Rows, balanced_counts, wrong_numbers, zero_rows

FOLDER = Path(__file__).parent / "corpus" / "heldout" / "review-small-type"
# The header cells pdfminer printed between the columns' values (held-out 20261239 r019).
APPLICANT_HEADERS = [
    "申请人情况",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
]


def _printed(value: int, zero: str) -> str:
    return zero if value == 0 else f"{value:,}"


def print_by_columns(template: str, rows: Rows, zero: str) -> str:
    """pdfminer's shape: the heading, every row label, then 自然人's values, the other applicant
    columns' header cells, their values column after column, 总计 and its values; a line each."""
    labels = [r.label.label for r in TEMPLATES[template].applications.rows if r.standard]
    columns = [[_printed(values[c], zero) for values in rows.values()] for c in range(7)]
    lines = ["三、收到和处理政府信息公开申请情况", "", *[line for label in labels for line in (label, "")]]
    lines += ["自然人", ""] + [line for v in columns[0] for line in (v, "")]
    lines += [line for header in APPLICANT_HEADERS for line in (header, "")]
    lines += [line for column in columns[1:6] for v in column for line in (v, "")]
    lines += ["总计", ""] + [line for v in columns[6] for line in (v, "")]
    return "\n".join(lines + TAIL)


def _wrong(template: str, rows: Rows, zero: str) -> list[str]:
    """Every number the parse of the rows printed column by column places that is not its cell's."""
    return wrong_numbers(template, rows, govdisclosure.parse(print_by_columns(template, rows, zero)))


def test_rows_printed_column_by_column_are_not_cut_as_printed() -> None:
    # Four rows with values in their first column and 总计: cut into rows of seven as printed, the
    # first row reads 4, 0, 3, 0, 0, 0, 0 (a total of 0 for 7), and seven rows break their totals.
    rows = zero_rows(
        new_received=[4, 0, 0, 0, 0, 0, 4],
        granted=[3, 0, 0, 0, 0, 0, 3],
        unavailable_not_held=[1, 0, 0, 0, 0, 0, 1],
        outcome_total=[4, 0, 0, 0, 0, 0, 4],
    )
    report = govdisclosure.parse(print_by_columns("2019", rows, "0"))
    assert _wrong("2019", rows, "0") == []
    assert "cells-by-order" not in {d.code for d in report.diagnostics}


@FEWER
@given(
    template=st.sampled_from(["2019", "2021"]),
    data=st.data(),
    zero=st.sampled_from(["0", "/", "无", "—"]),
)
def test_a_table_printed_column_by_column_gives_no_wrong_number(
    template: str, data: st.DataObject, zero: str
) -> None:
    rows = data.draw(balanced_counts(template))
    assert _wrong(template, rows, zero) == []


def _no_wrong_number(text: str, expected: dict[str, object]) -> Sequence[str]:
    result = score(expected, govdisclosure.parse(text), keeps_blanks=False)
    return result.wrong + result.misread


def test_a_review_s_small_type_pdfs_through_pdfminer_give_no_wrong_number() -> None:
    # A review's Chromium PDFs with 7 px type at full width (FORMAT.md §2.2 L); pdfminer printed
    # table 三 column by column. Read as printed, r019 came back with 48 wrong numbers and r038 with
    # 53 (r038 leaves zeros `/`, so only one identity check failed on the wrong reading).
    r019 = (FOLDER / "r019-seed-20261239.pdf-chromium-7px.pdfminer.txt").read_text(encoding="utf-8")
    expected = json.loads((FOLDER / "r019-seed-20261239.truth.json").read_text(encoding="utf-8"))
    assert _no_wrong_number(r019, expected) == []
    r038 = (FOLDER / "r038.pdf-chromium-7px.pdfminer.txt").read_text(encoding="utf-8")
    assert _no_wrong_number(r038, truth("r038")) == []


def print_in_column_runs(template: str, rows: Rows, zero: str, drawn: Sequence[int]) -> str:
    """pdfminer's text boxes over a whole table (review seed 20268839 r042-v1): every row label,
    自然人's header, one run of consecutive lines for each applicant column in the order `drawn`
    (a PDF's drawing order, not the header's), the other header cells after the first run, 总计
    and its run; a blank line after each run."""
    labels = [r.label.label for r in TEMPLATES[template].applications.rows if r.standard]
    columns = [[_printed(values[c], zero) for values in rows.values()] for c in range(7)]
    lines = ["三、收到和处理政府信息公开申请情况", "", *labels, "", "自然人", ""]
    for n, column in enumerate(drawn):
        lines += [*columns[column], ""]
        if n == 0:
            lines += [*APPLICANT_HEADERS, ""]
    lines += ["总计", "", *columns[6]]
    return "\n".join(lines + TAIL)


@FEWER
@given(
    template=st.sampled_from(["2019", "2021"]),
    data=st.data(),
    zero=st.sampled_from(["0", "/", "无", "—"]),
    drawn=st.permutations(range(6)),
)
def test_applicant_columns_drawn_in_any_order_give_no_wrong_number(
    template: str, data: st.DataObject, zero: str, drawn: Sequence[int]
) -> None:
    # Seven runs of as many values as the table has rows, each run's row totals holding: the runs
    # are the columns, but nothing says which run is which applicant column, and every identity
    # holds with any two traded. Read in printed order, seed 20268839 r042-v1 (pdfminer drew
    # 社会公益组织's run before 商业企业's) came back with 7 wrong numbers.
    rows = data.draw(balanced_counts(template))
    report = govdisclosure.parse(print_in_column_runs(template, rows, zero, drawn))
    assert wrong_numbers(template, rows, report) == []
    numbers = sum(1 for values in rows.values() for v in values if v)
    table = report.tables.applications
    placed = sum(1 for cells in table.rows.values() for c in cells.values() if c.value) if table else 0
    if placed < numbers:
        assert "cell-unplaced" in {d.code for d in report.diagnostics}  # (every value said)


def test_a_table_printed_whole_column_by_column_is_said_not_read() -> None:
    # Even drawn in the header's order: nothing in the text shows that order, so no run is read as
    # a column, and the diagnostic names two columns the identities cannot tell apart.
    rows = zero_rows(
        new_received=[3, 2, 0, 0, 0, 0, 5],
        granted=[3, 2, 0, 0, 0, 0, 5],
        outcome_total=[3, 2, 0, 0, 0, 0, 5],
    )
    report = govdisclosure.parse(print_in_column_runs("2019", rows, "0", range(6)))
    table = report.tables.applications
    assert table is None or not any(
        c.kind == "number" for cells in table.rows.values() for c in cells.values()
    )
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert any(
        "23 rows printed column by column" in m and "which run is which column is not shown" in m
        for m in said
    ), said
