"""pdftotext `-layout`: a table going on from the page before, its first row's label wrapped above
its values into pieces that are header words (`2.` / `其他` / `法律` / `行政   1   1`).

Such a page prints no header: the pieces are the row's label, though `其他` is a column's label and
`法律` a piece of 法律服务机构's. Read as the page's header (aligned.column_anchors walked up from
the row's values line), `其他` fixed the column of every value right of it (review seed 20268840
r036-v1: research 1 and 总计 1 read as 其他 1 and 总计 1). The values' columns are taken from the
text itself here: the row's values are drawn into any columns and at any place right of its label.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.templates import default_templates

FOLDER = Path(__file__).parent / "corpus" / "heldout" / "review-layouts"
NAME = "s20268840-blank-r036-v1"
TEXT = (FOLDER / f"{NAME}.pdf-chromium.pdftotext-layout.txt").read_text(encoding="utf-8").split("\n")
ROW = "denied_prohibited_by_law"
# The row's values line (0-based): `           行政   1   1`, after `2.` / `其他` / `法律`.
AT = 202
PARTS = 6  # the applicant columns; 总计 is their sum
COLUMNS = default_templates()["2021"].applications.value_columns


def _wrong(report: govdisclosure.Report, values: list[int]) -> list[str]:
    table = report.tables.applications
    assert table is not None
    return [
        f"{column}: {cell.raw}"
        for column, cell in table.rows.get(ROW, {}).items()
        if cell.kind == "number" and cell.value != values[COLUMNS.index(column)]
    ]


def test_the_review_text_places_no_wrong_number_in_the_row() -> None:
    truth = json.loads((FOLDER / f"{NAME}.truth.json").read_text(encoding="utf-8"))
    values = [int(c["raw"] or 0) for c in truth["tables"]["applications"][ROW].values()]
    assert TEXT[AT].split() == ["行政", "1", "1"]
    report = govdisclosure.parse("\n".join(TEXT))
    assert _wrong(report, values) == []
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced" and d.line == AT + 1]
    assert any(ROW in m and "(1 1)" in m for m in said), said


@given(
    parts=st.lists(st.sampled_from([0, 0, 0, 1, 2, 37, 1204]), min_size=PARTS, max_size=PARTS).filter(any),
    start=st.integers(15, 30),
    gaps=st.lists(st.integers(2, 6), min_size=PARTS + 1, max_size=PARTS + 1),
)
def test_a_row_label_s_pieces_on_a_page_with_no_header_fix_no_column(
    parts: list[int], start: int, gaps: list[int]
) -> None:
    values = [*parts, sum(parts)]
    line, at = "           行政", start
    for value, gap in zip(values, gaps, strict=True):
        if value:  # (a blank cell prints nothing: zeros are left blank in this report)
            line = line.ljust(at) + str(value)
            at = len(line) + gap
    report = govdisclosure.parse("\n".join([*TEXT[:AT], line, *TEXT[AT + 1 :]]))
    assert _wrong(report, values) == []
