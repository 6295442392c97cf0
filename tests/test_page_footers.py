"""A PDF page's footer (`- 3 -`) is dropped; a table row's none marks around a value are not one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdisclosure
from govdisclosure.normalize import PAGE_FOOTER

HELD = Path(__file__).parent / "corpus" / "heldout" / "review-none-marks"


FOOTERS = ["-1-", "- 1 -", "                 - 12 -", "— 3 —", "第 4 页", "第 4 页 共 9 页"]


@pytest.mark.parametrize("line", FOOTERS)
def test_a_page_footer_is_one(line: str) -> None:
    assert PAGE_FOOTER.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "- 0 -",  # no page is numbered 0
        "                              -   0           -    ",  # cells of a row, wide apart
        "-  5  -",
    ],
)
def test_none_marks_around_a_value_are_no_footer(line: str) -> None:
    assert not PAGE_FOOTER.match(line)


def test_a_row_printing_dashes_around_its_zero_keeps_them() -> None:
    text = (HELD / "r001-none-marks.pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    truth = json.loads((HELD / "r001-none-marks.truth.json").read_text(encoding="utf-8"))["truth"]
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    row = "not_processed_excessive"
    assert {c: [cell.kind, cell.value] for c, cell in table.rows[row].items()} == truth[row]
