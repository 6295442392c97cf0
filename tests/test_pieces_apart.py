"""A number pdftotext -layout printed in pieces one space apart (`10 5 6` for 1056, a PDF's
letter-spaced cells): as many values as columns, but not one in each (aligned.ColumnAnchors.refused)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdisclosure
from corpus.score import score

REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"


def _report(values: dict[int, str]) -> govdisclosure.Report:
    """Table 二's first block, -layout style; 行政规范性文件's values at the given positions."""
    row = "    行政规范性文件"
    for at, value in sorted(values.items()):
        row = row.ljust(at) + value
    lines = [
        "二、主动公开政府信息情况",
        "",
        "                                   第二十条第（一）项",
        "",
        "    信息内容          本年制发件数            本年废止件数            现行有效件数",
        "",
        "    规章                  2                       2                      52",
        "",
        row,
        "",
        "                                   第二十条第（五）项",
    ]
    return govdisclosure.parse("\f" + "\n".join(lines))


def test_a_number_s_pieces_under_one_column_are_no_row_of_three_cells() -> None:
    # `10` stands over 规章's `52` (one column), and `5` and `6` right of it on its line: no
    # columns hold the page's values, and the three, one space apart, are said at their line.
    report = _report({70: "10 5 6"})
    table = report.tables.active_disclosure
    assert table is not None
    assert all(cell.value is None for cell in table.rows.get("normative_documents", {}).values())
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced" and d.line == 9]
    assert len(said) == 1 and "10 5 6" in said[0]


def test_a_row_s_values_under_their_columns_are_read() -> None:
    report = _report({26: "10", 50: "5", 74: "6"})
    table = report.tables.active_disclosure
    assert table is not None
    assert [c.raw for c in table.rows["normative_documents"].values()] == ["10", "5", "6"]
    assert [c.raw for c in table.rows["regulations"].values()] == ["2", "2", "52"]


@pytest.mark.parametrize("name", ["s20268806-nbsp-r005-v0", "s20268806-nbsp-r005-v1"])
def test_letter_spaced_cells_of_the_review_give_no_wrong_number(name: str) -> None:
    # Chromium's PDF, A4 landscape, 10 px type, letter-spacing 0.1 em: 1056 printed `10 5 6`
    # (`1 05 6` in the other variant), read as 规范性文件's three cells.
    truth = json.loads((REVIEW / f"{name}.truth.json").read_text(encoding="utf-8"))
    text = (REVIEW / f"{name}.pdf-chromium.pdftotext-layout.txt").read_text(encoding="utf-8")
    found = score(truth, govdisclosure.parse(text), keeps_blanks=True)
    assert (found.wrong, found.misread) == ([], [])
