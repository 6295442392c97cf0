"""Numbers a narrow PDF cell wrapped onto the next line (`3,15` / `0`), joined back only when the
line under the row holds exactly one digit tail per broken piece and each join reads as a number.

The text is a committed tool-corpus output (LibreOffice PDF through pdfplumber, report r005); the
expected cells are the generator's truth.
"""

from __future__ import annotations

import json
from pathlib import Path

import govdisclosure

REPORT = Path(__file__).resolve().parent / "corpus" / "fixtures" / "r005"
TEXT = (REPORT / "pdf-lo.pdfplumber.txt").read_text(encoding="utf-8")
ROW = "一、本年新收政府信息公开申请数量 3,15 / / 7 11 / 3,16\n0 8\n"


def _new_received(text: str) -> dict[str, object]:
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    return {column: cell.raw for column, cell in table.rows.get("new_received", {}).items()}


def test_the_text_is_the_wrapped_shape() -> None:
    assert ROW in TEXT


def test_wrapped_numbers_are_joined_into_their_row() -> None:
    truth = json.loads((REPORT / "truth.json").read_text(encoding="utf-8"))
    row = truth["tables"]["applications"]["new_received"]
    expected = {column: cell["raw"] for column, cell in row.items()}
    assert expected["natural_person"] == "3,150" and expected["total"] == "3,168"
    assert _new_received(TEXT) == expected


def test_a_tail_that_makes_no_number_joins_nothing() -> None:
    # 3,15 + 08 is no number: the row stays unplaced, and no 3,1508 or 308 appears anywhere.
    report = govdisclosure.parse(TEXT.replace(ROW, ROW.replace("\n0 8\n", "\n08 8\n")))
    assert report.tables.applications is not None
    assert "new_received" not in report.tables.applications.rows
    assert any(d.code == "cell-unplaced" and "new_received" in d.message for d in report.diagnostics)


def test_one_tail_for_two_broken_pieces_joins_nothing() -> None:
    report = govdisclosure.parse(TEXT.replace(ROW, ROW.replace("\n0 8\n", "\n0\n")))
    assert report.tables.applications is not None
    assert "new_received" not in report.tables.applications.rows
