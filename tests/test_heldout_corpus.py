"""Texts of corpora made with other seeds (regenerate.py --seed N) that showed defects the corpus did not.

`tests/corpus/heldout/seed-<N>/<id>/` holds a report's truth and, exactly as the tools printed
them, the texts of the routes that misread it when first measured (benchmarks/accuracy.py
--fixtures), or the document itself (`<id>.<maker>.pdf`). Each text must now give no wrong
number, no cell of another kind and the year reported on; a route that keeps blank cells' places
must give back every cell (but pdftotext -layout), and so must a document; a route that drops
them, every cell of a row the report prints in full, where the committed corpus meets that
target (tests/test_tool_corpus.py). `seed-wide-tables/` holds reports a review printed with tables
wider than their pages (real Chromium and LibreOffice PDFs, pdftotext -layout): the cells past the
page's edge print nothing and must not come back blank.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdisclosure
from corpus import keeps_blanks, routes
from corpus.score import score
from test_tool_corpus import KNOWN

HELDOUT = Path(__file__).resolve().parent / "corpus" / "heldout"
TEXTS = sorted(HELDOUT.glob("seed-*/r*/*.txt"))
DOCUMENTS = sorted(HELDOUT.glob("seed-*/r*/*.pdf"))
ROUTES = {route.name: route for route in routes()}
FULL_ROWS_UNMET = {route for test, route in KNOWN if test == "test_every_fully_printed_row"}


def _case(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}/{path.stem}"


def test_the_heldout_texts_are_there() -> None:
    assert len(TEXTS) >= 8


@pytest.mark.parametrize("path", TEXTS, ids=_case)
def test_heldout_text(path: Path) -> None:
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    route = ROUTES[path.stem]
    report = govdisclosure.parse(path.read_bytes().decode("utf-8"))
    found = score(truth, report, keeps_blanks(route, truth))
    assert found.wrong == []
    assert found.misread == []
    assert report.year == truth["year"]
    # (pdftotext -layout keeps a blank cell's gap, not its column: tests/test_tool_corpus.py.)
    if keeps_blanks(route, truth) and not route.name.endswith("pdftotext-layout"):
        assert found.lost == []
    elif not route.keeps_blanks and route.name not in FULL_ROWS_UNMET:
        assert found.full_rows_right == found.full_rows, found.lost


@pytest.mark.parametrize("path", DOCUMENTS, ids=_case)
def test_heldout_document(path: Path) -> None:
    # A document read directly keeps every cell's place: every cell comes back.
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    found = score(truth, govdisclosure.parse_file(path), keeps_blanks=True)
    assert (found.wrong, found.misread, found.lost) == ([], [], [])


@pytest.mark.parametrize("path", [p for p in TEXTS if "\f" in p.read_bytes().decode("utf-8")], ids=_case)
def test_heldout_text_without_its_form_feeds(path: Path) -> None:
    # `pdftotext -nopgbrk`, or a text whose form feeds a tool stripped (review): still a PDF's
    # reading order, still no wrong number.
    truth = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    report = govdisclosure.parse(path.read_bytes().decode("utf-8").replace("\f", ""))
    found = score(truth, report, keeps_blanks(ROUTES[path.stem], truth))
    assert (found.wrong, found.misread) == ([], [])


def test_a_blank_row_after_a_wrapped_row_placed_by_position_stays_blank() -> None:
    # Seed 7, r165, pdftotext -layout of LibreOffice's PDF: （一）予以公开 and （七）总计 print 3,735 in
    # 自然人 and 总计, each number wrapped (`3,73` above the label, `5` below it), and the rows
    # after them, （二）部分公开 and 四、结转下年度继续办理, print no value. The wrapped rows' values
    # are placed by where they stand on the page, so no values above a blank row can be its own.
    folder = HELDOUT / "seed-7" / "r165"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    printed = (folder / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    assert "3,73" in printed
    table = govdisclosure.parse(printed).tables.applications
    assert table is not None
    for row in ("partially_granted", "carried_forward"):
        assert {c: cell.kind for c, cell in table[row].items()} == {
            c: cell["kind"] for c, cell in truth[row].items()
        }
        assert {cell["kind"] for cell in truth[row].values()} == {"blank"}


def test_a_values_line_between_two_labels_placed_by_position_keeps_the_next_from_a_blank_row() -> None:
    # Seed 20261207, r002, pdftotext -layout of LibreOffice's PDF: （七）总计 prints 1,039 3 2 1
    # 1,045 on a line of its own right above its label, two blank lines after `3. 其他`'s label, and
    # nothing on its label's line. Unlike r165's wrapped numbers, the label before took a whole
    # values line it cannot place: the line may be either label's, so （七）总计 is no blank row.
    folder = HELDOUT / "seed-20261207" / "r002"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    printed = (folder / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    assert "\n                   1,039   3   2   1   1,045\n      (七) 总计\n" in printed
    report = govdisclosure.parse(printed)
    table = report.tables.applications
    assert table is not None
    assert truth["outcome_total"]["total"]["raw"] == "1,045"
    assert all(cell.kind != "blank" for cell in table.rows.get("outcome_total", {}).values())
    assert any(d.code == "cell-unplaced" and "1,039 3 2 1 1,045" in d.message for d in report.diagnostics), (
        report.diagnostics
    )


def test_values_lines_on_both_sides_of_a_wrapped_labels_piece_come_back_only_by_the_printed_order() -> None:
    # Seed 20261207, r001, pdfminer of Chromium's PDF: 5.要求行政机关确认…'s `— — — — — — —` is
    # drawn after the first piece of the next label, 1.申请人无正当理由逾期…, whose own `1` /
    # `— — — — — 1` come after its second piece, `不补正，行政机关不再处`, which does not end the
    # label. Two values lines inside one label's cell: the label-anchored reading shows neither to
    # be its. The row-after-row reading (tables/balanced.py) reads the table: its values with one
    # taken back (1, 2.没有现成信息需要另行制作's 自然人, drawn apart: tables/moved.py) fill the
    # cells with every identity holding, and the labels come in the template's order.
    folder = HELDOUT / "seed-20261207" / "r001"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["applications"]
    printed = (folder / "pdf-chromium.pdfminer.txt").read_text(encoding="utf-8")
    assert (
        "1.申请人无正当理由逾期\n\n— — — — — — —\n\n不补正，行政机关不再处\n\n1\n\n— — — — — 1\n" in printed
    )
    report = govdisclosure.parse(printed)
    table = report.tables.applications
    assert table is not None
    row = table.rows["other_no_correction"]
    assert {c: (cell.raw, cell.basis) for c, cell in row.items()} == {
        c: (cell["raw"], "order") for c, cell in truth["other_no_correction"].items()
    }
    assert any(
        d.code == "cells-by-order" and "the row labels printed come in" in d.message
        for d in report.diagnostics
    )


def test_a_values_line_of_a_block_of_table_two_is_placed_by_its_block_columns() -> None:
    # Seed 7, r064, pdftotext -layout of LibreOffice's PDF: 其他对外管理服务事项 opens a page, its
    # value 4 on a line of its own under the label's first piece. Table 二's 第二十条第（五）项 and
    # （六）项 blocks share their columns, whose values on that page stand at 13, 29 and 51: the
    # line's 4 is 上一年项目数量's, its two other cells blank.
    folder = HELDOUT / "seed-7" / "r064"
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["tables"]["active_disclosure"]
    printed = (folder / "pdf-lo.pdftotext-layout.txt").read_text(encoding="utf-8")
    table = govdisclosure.parse(printed).tables.active_disclosure
    assert table is not None
    row = "other_administrative_services"
    assert {c: (cell.kind, cell.raw.strip()) for c, cell in table[row].items()} == {
        c: (cell["kind"], cell["raw"].strip()) for c, cell in truth[row].items()
    }
