"""The PDF reader (documents/pdf.py and its pdf_text, pdf_tables, pdf_grid), FORMAT.md §2.2 L.

- the 12 committed PDFs (6 reports, each printed by LibreOffice and by Chromium) give every cell
  of their truth, no wrong number, and the template, year, organ and sections;
- the three published WPS PDFs give exactly the golden values of the texts made from them, and
  the cells those texts leave unsettled come out as the PDF prints them (read off the page);
- cells carry `where` with the page they are printed on; a table running over a page break is
  one table (its repeated header dropped, a row the break cut joined again);
- fake bold, wrapped numbers, running headers and page numbers, written into PDFs built here;
- bad input (truncated, garbage, encrypted, a scan, a page count short of the pages, beyond the
  bounds) raises `DocumentError`, a missing pdfplumber or pypdfium2 `MissingDependencyError`;
- a rotated page, and rules that cross without making a cell, read as printed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from corpus import DOCUMENTS, truth
from corpus.score import assert_reads_everything, score
from govdisclosure.api import parse_bytes, parse_document
from govdisclosure.documents import detect_format, read_document
from govdisclosure.documents import pdf as pdf_module
from govdisclosure.documents.pdf import read_pdf, read_pdf_blocks
from govdisclosure.documents.pdf_grid import grid_of
from govdisclosure.documents.pdf_tables import CellBox, Part
from govdisclosure.documents.pdf_text import Glyph, Line, dedupe, line_text, strip_margins
from govdisclosure.errors import DocumentError, MissingDependencyError
from govdisclosure.layout.grid import DocumentText, Grid
from govdisclosure.model import Report
from test_golden import _expected_cells, _matches

CORPUS = sorted(DOCUMENTS.glob("*.pdf"))
HOSTILE = DOCUMENTS / "hostile"
GOLDEN = Path(__file__).parent / "golden"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL = {
    "huaian-hongze-gov-2023.pdf": (
        "001_huaian-hongze-gov-2023-pdf-layout",
        "002_huaian-hongze-gov-2023-pdf-raw",
    ),
    "huaian-hongze-gov-2024.pdf": (
        "003_huaian-hongze-gov-2024-pdf-layout",
        "004_huaian-hongze-gov-2024-pdf-raw",
    ),
    "huaian-city-gov-2024.pdf": ("009_huaian-city-gov-2024-pdf-layout", "010_huaian-city-gov-2024-pdf-raw"),
}
REAL_CASES = [(pdf, golden) for pdf, goldens in REAL.items() for golden in goldens]


@cache
def _read(path: Path) -> tuple[DocumentText, Report]:
    document = read_pdf(path.read_bytes(), path.name)
    return document, parse_document(document)


def _real(name: str) -> Path:
    path = SHARED / "corpus" / "real-pdf" / name
    assert path.exists(), f"{path} is missing: tests read the published PDFs from ../shared"
    return path


def _outline(sections: Sequence[Any]) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [(s.marker.text, s.title, [(c.marker.text, c.title) for c in s.children]) for s in sections]


# --- the committed corpus PDFs ------------------------------------------------------------------


def test_twelve_corpus_pdfs() -> None:
    assert len(CORPUS) == 12
    assert {p.name.split(".")[1] for p in CORPUS} == {"lo", "chromium"}


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_cell_of_the_truth(path: Path) -> None:
    expected = truth(path.name.split(".")[0])
    _, report = _read(path)
    assert_reads_everything(expected, report)


# --- the published PDFs and their golden files --------------------------------------------------


@pytest.mark.parametrize(("name", "golden_name"), REAL_CASES, ids=[g for _, g in REAL_CASES])
def test_published_pdf_gives_the_golden_values(name: str, golden_name: str) -> None:
    golden = json.loads((GOLDEN / f"{golden_name}.json").read_text(encoding="utf-8"))
    # Cells the text leaves unsettled ("?") are settled by the PDF: golden["documents"] has them.
    settled = golden.get("documents", {}).get(f"corpus/real-pdf/{name}", {})
    _, report = _read(_real(name))
    wrong = []
    for table, row, column, expected in _expected_cells(golden):
        expected = settled.get(f"{table}.{row}.{column}", expected)
        found = report.tables[table]
        cell = found.cell(row, column) if found is not None else None
        if expected == "?":
            assert cell is not None, f"{table}.{row}.{column}"
        elif cell is None or not _matches(expected, cell):
            wrong.append(f"{table}.{row}.{column}: expected {expected!r}, got {cell!r}")
    assert wrong == []
    extra = [
        f"{key}.{row}.{column}"
        for key, table in report.tables.items()
        if table is not None
        for row, column, _ in table.cells()
        if column not in (golden["tables"].get(key) or {}).get(row, {})
    ]
    assert extra == []
    assert (report.title, report.organ, report.year, report.template) == (
        golden["title"],
        golden["organ"],
        golden["year"],
        golden["template"],
    )
    expected_outline = [
        (s["marker"], s["title"], [(c["marker"], c["title"]) for c in s["children"]])
        for s in golden["sections"]
    ]
    assert _outline(report.sections) == expected_outline


# Table 四 as printed on the PDF's page 4 (洪泽区 2023) and page 5 (淮安市 2024), read off the
# rendered pages: the plain pdftotext texts (golden 002, 010) leave these cells unsettled.
TABLE_FOUR = {
    "huaian-hongze-gov-2023.pdf": {
        "review": (10, 1, 0, 0, 0),
        "litigation_direct": (0, 0, 0, 0, 0),
        "litigation_after_review": (5, 0, 0, 0, 0),
    },
    "huaian-city-gov-2024.pdf": {
        "review": (72, 64, 178, 37, 351),
        "litigation_direct": (13, 4, 8, 1, 26),
        "litigation_after_review": (12, 1, 1, 6, 20),
    },
}
RESULTS = ("upheld", "corrected", "other_result", "pending", "total")


@pytest.mark.parametrize("name", sorted(TABLE_FOUR))
def test_table_four_as_the_page_prints_it(name: str) -> None:
    _, report = _read(_real(name))
    table = report.tables["review_litigation"]
    assert table is not None
    for group, values in TABLE_FOUR[name].items():
        got = tuple(table.cell(group, result) for result in RESULTS)
        assert [c.value if c is not None else None for c in got] == [Decimal(v) for v in values], group


def test_published_pdf_text_has_no_page_numbers() -> None:
    document, _ = _read(_real("huaian-city-gov-2024.pdf"))
    assert not [line for line in document.lines if line.replace(" ", "") in {f"-{n}-" for n in range(1, 7)}]
    assert document.lines[:2] == ("淮安市人民政府", "2024年政府信息公开工作年度报告")


# --- where, and tables over page breaks ---------------------------------------------------------

# 洪泽区 2023 (WPS): table 二 starts on page 2 and ends on page 3; table 三 runs from page 3 to
# page 4, its row 3.补正后申请内容仍不明确 the first on page 4; table 四 is on page 4.
PAGES = {
    ("active_disclosure", "regulations", "issued"): 2,
    ("active_disclosure", "administrative_licensing", "decisions"): 2,
    ("active_disclosure", "administrative_penalty", "decisions"): 3,
    ("active_disclosure", "administrative_fees", "fee_amount"): 3,
    ("applications", "new_received", "natural_person"): 3,
    ("applications", "unavailable_not_held", "total"): 3,
    ("applications", "unavailable_still_unclear", "natural_person"): 4,
    ("applications", "outcome_total", "total"): 4,
    ("review_litigation", "review", "upheld"): 4,
}


def test_cells_carry_their_page() -> None:
    _, report = _read(_real("huaian-hongze-gov-2023.pdf"))
    for (name, row, column), page in PAGES.items():
        table = report.tables[name]
        assert table is not None
        cell = table.cell(row, column)
        assert cell is not None and cell.where is not None, (name, row, column)
        assert cell.where.page == page, (name, row, column)


def test_a_table_over_a_page_break_is_one_table() -> None:
    _, report = _read(_real("huaian-hongze-gov-2023.pdf"))
    for name, pages in (("active_disclosure", {2, 3}), ("applications", {3, 4})):
        table = report.tables[name]
        assert table is not None
        wheres = [cell.where for _, _, cell in table.cells()]
        assert all(where is not None for where in wheres)
        assert {w.page for w in wheres if w is not None} == pages
        assert len({w.table for w in wheres if w is not None}) == 1, name
    # Table 三's row 3.补正后… opens page 4 under the merged labels 三、本年度办理结果 and
    # （四）无法提供 of page 3: one grid, its rows counted on from page 3 (header rows 1-3).
    applications = report.tables["applications"]
    assert applications is not None
    cell = applications.cell("unavailable_still_unclear", "total")
    assert cell is not None and cell.where is not None
    assert (cell.where.page, cell.where.row, cell.where.column) == (4, 18, 10)


def test_merged_cells_keep_their_spans_over_the_page_break() -> None:
    # Table 三 of 洪泽区 2023 (FORMAT.md §1.4, with the 2019 single （六）其他处理 row): its
    # merged labels as (text, row, column, rowspan, colspan, page), rows and columns from 0.
    blocks = read_pdf_blocks(_real("huaian-hongze-gov-2023.pdf").read_bytes())
    grids = [block for block in blocks if isinstance(block, Grid)]
    assert [(g.index, g.page, g.layout) for g in grids] == [(0, 2, "pdf"), (1, 3, "pdf"), (2, 4, "pdf")]
    merged = {
        (c.text, c.row, c.column, c.rowspan, c.colspan, c.page)
        for row in grids[1].rows
        for c in row
        if c.rowspan > 1 or c.colspan > 1
    }
    assert merged == {
        ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0, 0, 3, 3, 3),
        ("申请人情况", 0, 3, 1, 7, 3),
        ("自然人", 1, 3, 2, 1, 3),
        ("法人或其他组织", 1, 4, 1, 5, 3),
        ("总计", 1, 9, 2, 1, 3),
        ("一、本年新收政府信息公开申请数量", 3, 0, 1, 3, 3),
        ("二、上年结转政府信息公开申请数量", 4, 0, 1, 3, 3),
        ("三、本年度办理结果", 5, 0, 20, 1, 3),
        ("（一）予以公开", 5, 1, 1, 2, 3),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 6, 1, 1, 2, 3),
        ("（三）不予公开", 7, 1, 8, 1, 3),
        ("（四）无法提供", 15, 1, 3, 1, 3),
        ("（五）不予处理", 18, 1, 5, 1, 4),
        ("（六）其他处理", 23, 1, 1, 2, 4),
        ("（七）总计", 24, 1, 1, 2, 4),
        ("四、结转下年度继续办理", 25, 0, 1, 3, 4),
    }
    assert len(grids[1].rows) == 26
    assert all(c.row == r for r, row in enumerate(grids[1].rows) for c in row)


def test_a_row_cut_by_a_page_break_is_joined() -> None:
    # LibreOffice split row 一、本年新收… over pages 2 and 3, in narrow cells: 3,15 | 0 and 3,16 | 8.
    _, report = _read(DOCUMENTS / "r005.lo.pdf")
    table = report.tables["applications"]
    assert table is not None
    natural, total = table.cell("new_received", "natural_person"), table.cell("new_received", "total")
    assert natural is not None and total is not None
    assert (natural.value, total.value) == (Decimal(3150), Decimal(3168))
    assert natural.where is not None and natural.where.page == 2


def test_a_table_chromium_leaves_open_at_a_page_break() -> None:
    # Chromium draws no rule where the break cuts table 三 (r001: after row 7 of （三）).
    document, report = _read(DOCUMENTS / "r001.chromium.pdf")
    table = report.tables["applications"]
    assert table is not None
    seventh = table.cell("denied_enforcement_case_files", "total")
    eighth = table.cell("denied_administrative_inquiry", "total")
    assert (
        seventh is not None and eighth is not None and seventh.where is not None and eighth.where is not None
    )
    assert (seventh.where.page, eighth.where.page) == (3, 4)
    assert seventh.where.table == eighth.where.table
    assert not [line for line in document.lines if line in {"三、本年度", "办理结果", "（三）不", "予公开"}]


REPEATED = HOSTILE / "repeated-header.pdf"
ROWS_2021 = [
    "new_received", "carried_over", "granted", "partially_granted",
    "denied_state_secret", "denied_prohibited_by_law", "denied_three_safeties_one_stability",
    "denied_third_party_rights", "denied_internal_affairs", "denied_process_information",
    "denied_enforcement_case_files", "denied_administrative_inquiry",
    "unavailable_not_held", "unavailable_needs_creation", "unavailable_still_unclear",
    "not_processed_complaint", "not_processed_duplicate", "not_processed_publication",
    "not_processed_excessive", "not_processed_confirmation",
    "other_no_correction", "other_fee_unpaid", "other_misc", "outcome_total", "carried_forward",
]  # fmt: skip
COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_agency",
    "other_organization",
)


def test_a_repeated_header_row_is_dropped() -> None:
    # Table 三 over three pages, Chromium repeating its three header rows (<thead>) on each.
    document, report = _read(REPEATED)
    assert sum(1 for line in document.lines if line.startswith("（本列数据的勾稽关系为")) == 1
    assert sum(1 for line in document.lines if line.startswith("商业企业")) == 1
    table = report.tables["applications"]
    assert table is not None
    pages = set()
    for i, row in enumerate(ROWS_2021):
        values = [i + j for j in range(6)]  # as written into repeated-header.html
        for column, value in zip((*COLUMNS, "total"), (*values, sum(values)), strict=True):
            cell = table.cell(row, column)
            assert cell is not None and cell.value == value, (row, column)
            assert cell.where is not None
            pages.add(cell.where.page)
    assert pages == {1, 2, 3}
    assert len({cell.where.table for _, _, cell in table.cells() if cell.where is not None}) == 1


# --- PDFs built here ----------------------------------------------------------------------------


def _pdf(pages: Sequence[str]) -> bytes:
    """A minimal PDF: one content stream per page (Helvetica as /F1), A4."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, content in enumerate(pages):
        stream = content.encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            f" /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return _assemble(objects)


def _assemble(objects: Sequence[bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1, the catalog first), with its xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _text(x: float, y: float, text: str, size: int = 10) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n"


def _bold(x: float, y: float, text: str, size: int = 10) -> str:
    """Fake bold as WPS and Word print it: the text again, 0.3 pt to the right."""
    return _text(x, y, text, size) + _text(x + 0.3, y, text, size)


def _rules(xs: Sequence[float], ys: Sequence[float]) -> str:
    """A ruled grid: every row and column boundary drawn across the table."""
    out = "0 0 0 RG 0.5 w\n"
    out += "".join(f"{xs[0]} {y} m {xs[-1]} {y} l S\n" for y in ys)
    out += "".join(f"{x} {ys[0]} m {x} {ys[-1]} l S\n" for x in xs)
    return out


def _cid_pdf(cells: Sequence[tuple[float, float, str]], drawing: str = "") -> bytes:
    """One page of text in a CID font that is not embedded (Identity-H, a ToUnicode map only).

    The font program is the one PDFium finds on the machine, or none: its glyphs here have no
    outline, as with STSong-Light on a server without CJK fonts, or a damaged font program.
    """
    chars = sorted({ch for _, _, text in cells for ch in text})
    code = {ch: 0x100 + i for i, ch in enumerate(chars)}
    cmap = "".join(f"<{code[ch]:04X}> <{ord(ch):04X}>\n" for ch in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def 1 begincodespacerange"
        f" <0000> <FFFF> endcodespacerange {len(chars)} beginbfchar\n{cmap}endbfchar endcmap"
        " CMapName currentdict /CMap defineresource pop end end"
    )
    # One text object per cell, as WPS prints a table's cells.
    content = drawing + "".join(
        f"BT /F1 10 Tf {x} {y} Td <{''.join(f'{code[ch]:04X}' for ch in text)}> Tj ET\n"
        for x, y, text in cells
    )
    font = "/Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content.encode()),
        f"<< {font} /ToUnicode 7 0 R >>".encode(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap.encode()),
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0"
        b" /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>",
    ]
    return _assemble(objects)


def test_characters_of_a_font_without_outlines_are_read() -> None:
    # PDFium's text page drops a text object its glyphs give no width: a one-character cell (无)
    # in a font it cannot draw (its stand-in font has no CJK) would vanish. The glyph's box comes
    # from the file's widths instead.
    cells = [(72, 700, "政府信息公开"), (72, 680, "行政许可"), (200, 680, "无"), (230, 680, "1")]
    document = read_pdf(_cid_pdf(cells, _rules([70, 190, 220, 250], [693, 675])))
    assert document.lines == ("政府信息公开", "行政许可\t无\t1")


def test_glyphs_are_read_not_their_actual_text() -> None:
    # A marked span's /ActualText does not replace the glyphs it marks (PDFium's text page puts
    # it in their place, every character at one point): the page reads as printed.
    marked = "/Span <</ActualText (Total)>> BDC BT /F1 10 Tf 80 682 Td (Tot-al) Tj ET EMC\n"
    marked += "/Span <</ActualText <FEFF0031>>> BDC BT /F1 10 Tf 180 682 Td (12) Tj ET EMC\n"
    document = read_pdf(_pdf([_text(72, 720, "Report 2023") + marked + _rules([72, 172, 272], [695, 670])]))
    assert document.lines == ("Report 2023", "Tot-al\t12")


def test_fake_bold_and_wrapped_numbers() -> None:
    page = (
        _bold(72, 760, "Annual report 2023", 14)
        + _rules([72, 172, 272], [700, 670, 630])
        + _bold(80, 682, "Total")
        + _bold(180, 682, "2,901")
        + _text(80, 652, "Fees")
        + _text(180, 655, "2,90")  # a number wrapped in its narrow cell: 2,90 / 1
        + _text(180, 643, "1")
    )
    document = read_pdf(_pdf([page]))
    assert document.lines == ("Annual report 2023", "Total\t2,901", "Fees\t2,901")
    cells = [(token.text, token.where) for row in document.rows for token in row.tokens]
    assert [text for text, _ in cells] == ["Total", "2,901", "Fees", "2,901"]
    assert {where.page for _, where in cells if where is not None} == {1}


def test_white_cell_backgrounds_are_no_rules() -> None:
    # WPS fills cells and paragraphs with white rectangles; a border set to "none" may be drawn
    # white: invisible, so no table.
    boxes = "72 600 100 30 re 172 600 100 30 re 72 570 100 30 re 172 570 100 30 re"
    white = f"1 1 1 rg 1 1 1 RG {boxes} B\n"
    document = read_pdf(_pdf([white + _text(80, 610, "Alpha") + _text(180, 610, "Beta")]))
    assert document.lines == ("Alpha Beta",)
    assert document.rows == ()
    # Drawn in grey, the same rectangles' outlines are a table.
    grey = f"0.5 G {boxes} S\n"
    document = read_pdf(_pdf([grey + _text(80, 610, "Alpha") + _text(180, 610, "Beta")]))
    assert document.lines[0] == "Alpha\tBeta"


def test_a_dense_grid_is_no_table() -> None:
    # Graph paper (a chart's grid): 71 x 71 rules cross 5,041 times, beyond MAX_CROSSINGS; read
    # as a table it would cost pdfplumber seconds. Its text stays text; a real table beside it
    # is still read.
    steps = [100 + 5 * i for i in range(71)]
    paper = _rules([x + 50 for x in steps], [y + 300 for y in steps])
    table = _rules([72, 172, 272], [280, 250]) + _text(80, 262, "Total") + _text(180, 262, "12")
    document = read_pdf(_pdf([paper + _text(160, 770, "Chart 2023") + table]))
    assert document.lines == ("Chart 2023", "Total\t12")
    assert [[token.text for token in row.tokens] for row in document.rows] == [["Total", "12"]]


def test_one_rule_crossing_four_is_no_table() -> None:
    # A vertical rule across four horizontal ones (a form's margin line, a timeline) makes no cell:
    # it is no table, and the page is read (pdfplumber's explicit strategy refused it as damaged).
    lines = "0 0 0 RG 0.5 w 300 500 m 300 400 l S\n"
    lines += "".join(f"250 {y} m 350 {y} l S\n" for y in (490, 470, 450, 430))
    table = _rules([72, 172, 272], [700, 670]) + _text(80, 682, "Total") + _text(180, 682, "12")
    document = read_pdf(_pdf([lines + table + _text(260, 480, "Step one")]))
    assert document.lines == ("Total\t12", "Step one")


def test_a_rotated_page_reads_as_printed() -> None:
    # /Rotate turns the page as pdfminer turned it: the text runs down the page, one glyph a line,
    # and the table turned is one column of two cells (a frame: read as its lines).
    data = _pdf([_rules([72, 172, 272], [700, 670]) + _text(80, 682, "Total") + _text(180, 682, "12")])
    document = read_pdf(data.replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 842] /Rotate 90"))
    assert document.lines == ("T", "o", "t", "a", "l", "1", "2")


def test_a_page_count_short_of_the_pages_is_refused() -> None:
    pages = [_text(72, 700, "Body one"), _text(72, 700, "Body two"), _text(72, 700, "Body three")]
    data = _pdf(pages)
    # A /Count above the pages listed is harmless: every page is read ...
    assert read_pdf(data.replace(b"/Count 3", b"/Count 5")).lines == ("Body one", "Body two", "Body three")
    # ... one below them would leave pages unread: refused, saying so.
    with pytest.raises(DocumentError, match="has 3 pages, its page count says 1") as caught:
        read_pdf(data.replace(b"/Count 3", b"/Count 1"), "short.pdf")
    assert str(caught.value).startswith("short.pdf: ") and "\n" not in str(caught.value)


def test_running_headers_and_page_numbers_are_dropped() -> None:
    pages = [
        _text(72, 815, "Hongze District Office") + _text(72, 600, "Body line 1") + _text(280, 30, "- 1 -"),
        _text(72, 815, "Hongze District Office")
        + _text(72, 600, "Body line 2")
        + _text(260, 30, "Page 2 of 3"),
        _text(72, 815, "Hongze District Office")
        + _text(72, 600, "Body line 3")
        + _text(72, 70, "Signed 2024")
        + _text(290, 30, "3"),
    ]
    document = read_pdf(_pdf(pages))
    assert document.lines == ("Body line 1", "Body line 2", "Body line 3", "Signed 2024")


def test_margin_lines_by_hand() -> None:
    def line(page: int, top: float, text: str) -> Line:
        return Line(page, top, top + 10, text)

    pages = [
        [line(1, 20, "淮安市人民政府办公室"), line(1, 300, "正文 1"), line(1, 800, "第 1 页")],
        [
            line(2, 20, "淮安市人民政府办公室"),
            line(2, 300, "正文 2"),
            line(2, 790, "2023年12月31日"),
            line(2, 810, "- 2 -"),
        ],
    ]
    kept = strip_margins(pages, [842, 842])
    assert [[x.text for x in lines] for lines in kept] == [["正文 1"], ["正文 2", "2023年12月31日"]]


def test_line_text_spaces_only_between_narrow_words() -> None:
    def glyphs(text: str, x: float, width: float = 6.0) -> list[Glyph]:
        return [Glyph(ch, x + i * width, x + (i + 1) * width, 100, 112, 12) for i, ch in enumerate(text)]

    # 2023 年 printed with a justification gap; two ASCII words with a gap.
    assert line_text(glyphs("2023", 0) + glyphs("年", 30, 12)) == "2023年"
    assert line_text(glyphs("hzzwgk@126.com", 0) + glyphs("Tel", 100)) == "hzzwgk@126.com Tel"
    assert line_text(glyphs("办公室", 0, 12) + glyphs("联系", 39, 12)) == "办公室联系"
    # A column's gap (a table drawn without rules) parts even CJK from digits.
    assert line_text(glyphs("规章", 0, 12) + glyphs("0", 60) + glyphs("12", 90)) == "规章 0 12"


def test_dedupe_keeps_neighbours_drops_overprints() -> None:
    one = Glyph("0", 10.0, 15.0, 100.0, 110.0, 10.0)
    copy = Glyph("0", 10.3, 15.3, 100.2, 110.2, 10.0)
    neighbour = Glyph("0", 15.0, 20.0, 100.0, 110.0, 10.0)
    assert dedupe([one, copy, neighbour]) == [one, neighbour]


# --- bad input ----------------------------------------------------------------------------------


def test_truncated_pdf() -> None:
    data = (DOCUMENTS / "r001.lo.pdf").read_bytes()
    for cut in (100, len(data) // 2, len(data) - 200):
        with pytest.raises(DocumentError, match="damaged or truncated") as caught:
            read_pdf(data[:cut], "cut.pdf")
        assert caught.value.__cause__ is not None
        assert "\n" not in str(caught.value)


def test_garbage_after_the_pdf_header() -> None:
    garbage = b"%PDF-1.7\n" + bytes((i * 7919) % 251 for i in range(4000))
    assert detect_format(garbage) == "pdf"
    with pytest.raises(DocumentError, match="damaged or truncated"):
        read_pdf(garbage)
    with pytest.raises(DocumentError):
        parse_bytes(garbage, "garbage.pdf")


def test_encrypted_pdf() -> None:
    with pytest.raises(DocumentError, match="encrypted") as caught:
        read_pdf((HOSTILE / "encrypted.pdf").read_bytes(), "encrypted.pdf")
    assert str(caught.value).startswith("encrypted.pdf: ")


def test_owner_password_only_is_read() -> None:
    assert read_pdf((HOSTILE / "owner-password.pdf").read_bytes()).lines == ("A secret report 2023",)


def test_a_scan_needs_ocr() -> None:
    with pytest.raises(DocumentError, match=r"no text layer.*OCR"):
        read_pdf((HOSTILE / "scan.pdf").read_bytes())


def test_a_blank_pdf_has_no_text_layer() -> None:
    with pytest.raises(DocumentError, match="no text layer"):
        read_pdf(_pdf(["", ""]))
    with pytest.raises(DocumentError, match="no text layer"):  # page numbers alone are no text
        read_pdf(_pdf([_text(290, 30, "- 1 -"), _text(290, 30, "- 2 -")]))


def test_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _pdf([_text(72, 700, "Body line"), _text(72, 700, "Body line"), _text(72, 700, "Body line")])
    assert read_pdf(data).lines == ("Body line",) * 3
    with monkeypatch.context() as patch:
        patch.setattr(pdf_module, "MAX_PAGES", 2)
        with pytest.raises(DocumentError, match="3 pages, more than the limit of 2"):
            read_pdf(data)
    with monkeypatch.context() as patch:
        patch.setattr(pdf_module, "MAX_PAGE_CONTENT", 20)
        with pytest.raises(DocumentError, match="page 1 draws more than 20 bytes"):
            read_pdf(data)
    with monkeypatch.context() as patch:
        patch.setattr(pdf_module, "MAX_CONTENT", 100)
        with pytest.raises(DocumentError, match="more than 100 bytes of content"):
            read_pdf(data)
    with monkeypatch.context() as patch:
        patch.setattr(pdf_module, "MAX_PAGE_GLYPHS", 5)
        with pytest.raises(DocumentError, match="page 1 has more than 5 characters"):
            read_pdf(data)


@pytest.mark.parametrize("module", ["pdfplumber", "pypdfium2"])
def test_missing_pdfplumber(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    with pytest.raises(MissingDependencyError, match=r"pip install 'govdisclosure\[pdf\]'") as caught:
        read_pdf(_pdf([_text(72, 700, "x")]))
    assert isinstance(caught.value, ImportError)


def test_read_document_and_parse_bytes_reach_the_reader() -> None:
    data = (DOCUMENTS / "r002.lo.pdf").read_bytes()
    assert detect_format(data) == "pdf"
    assert read_document(data, "pdf", "r002.lo.pdf") == _read(DOCUMENTS / "r002.lo.pdf")[0]
    report = parse_bytes(data, "r002.lo.pdf")
    assert report.encoding == "pdf"
    assert score(truth("r002"), report, keeps_blanks=True).lost == []


def test_a_glyph_across_a_table_s_bottom_rule_is_its_cell_s() -> None:
    # Held-out corpus (seed 7) r166, LibreOffice's PDF: a row too tall for the page's end is drawn
    # over the table's bottom rule (`8.属于行政查询事` in its cell, its `8 — … 8` from y 784.5 across
    # the rule at 785.3). Read as text under the table, the row's cells were empty: printed blanks
    # for printed numbers.
    from govdisclosure.documents.pdf_tables import _part

    boxes = [(0.0, 0.0, 50.0, 20.0), (50.0, 0.0, 100.0, 20.0)]
    label = [Glyph("行", 5.0, 15.0, 5.0, 15.0, 10.0)]
    across = [Glyph("8", 70.0, 75.0, 18.0, 28.0, 10.0)]  # top above the rule at 20, centre under it
    under = [Glyph("无", 70.0, 80.0, 22.0, 32.0, 10.0)]  # wholly under the rule: text after the table
    glyphs = [*label, *across, *under]
    part = _part(1, boxes, glyphs)
    assert [cell.text for cell in part.cells] == ["行", "8"]
    assert glyphs == under


def _parts(above: tuple[str, str], rests: list[tuple[str, str]]) -> list[Part]:
    """A two-column table over a page break: a group label and a row `above` on page 3, and on page 4
    the rows `rests`, each 38 pt tall (LibreOffice leaves a cut row's rest that tall)."""
    first = (
        CellBox(0, 600, 40, 620, "行政复议"),
        CellBox(0, 620, 20, 640, above[0]),
        CellBox(20, 620, 40, 640, above[1]),
    )
    more = tuple(
        CellBox(x, 50 + 38 * i, x + 20, 88 + 38 * i, text)
        for i, row in enumerate(rests)
        for x, text in zip((0, 20), row, strict=True)
    )
    return [Part(3, 0, 600, 40, 640, first, ()), Part(4, 0, 50, 40, 50 + 38 * len(rests), more, ())]


def _texts_of(parts: list[Part]) -> list[list[str]]:
    return [[c.text for c in row] for row in grid_of(parts, 0).rows]


def test_a_row_of_blank_cells_alone_under_a_header_is_a_row() -> None:
    # Held-out seed 20261216, r038 (Chromium, every cell blank): table 四's one data row stood alone
    # on the next page, and was taken for the rest of a header row the break cut (15 cells lost).
    grid = grid_of(_parts(("结果维持", "结果纠正"), [("", "")]), 0)
    assert [[c.text for c in row] for row in grid.rows] == [["行政复议"], ["结果维持", "结果纠正"], ["", ""]]
    assert [c.page for c in grid.rows[2]] == [4, 4]


def test_a_cut_row_s_rest_is_joined_to_it() -> None:
    # LibreOffice splits a row over the break, leaving a tall empty rest (held-out seed 20261202,
    # r011: table 四's blank data row) or the last digits of a number wrapped in a narrow cell.
    assert _texts_of(_parts(("", ""), [("", "")])) == [["行政复议"], ["", ""]]
    assert _texts_of(_parts(("0", "7"), [("", "")])) == [["行政复议"], ["0", "7"]]
    assert _texts_of(_parts(("结果维持", "7"), [("", "5")])) == [["行政复议"], ["结果维持", "75"]]
    # Rows after it: the empty row is the header's rest, the next one the table's.
    assert _texts_of(_parts(("结果维持", "结果纠正"), [("", ""), ("0", "0")])) == [
        ["行政复议"],
        ["结果维持", "结果纠正"],
        ["0", "0"],
    ]


def test_a_label_s_rest_beside_a_number_s_rest_is_the_cut_row_s() -> None:
    # Held-out seed 20261215, r062 (LibreOffice): （二）部分公开…'s label and its total 101 both
    # wrapped, and the break cut the row between their lines. 10 was read as the total before.
    above = ("(二)部分公开（区分处理的，只计这一", "10")
    assert _texts_of(_parts(above, [("情形，不计其他情形）", "1")])) == [
        ["行政复议"],
        ["(二)部分公开（区分处理的，只计这一情形，不计其他情形）", "101"],
    ]
    # The label's rest alone (its numbers whole above): the label made whole.
    assert _texts_of(_parts(above, [("情形，不计其他情形）", "")])) == [
        ["行政复议"],
        ["(二)部分公开（区分处理的，只计这一情形，不计其他情形）", "10"],
    ]
    # Words with a marker of their own begin a new row, as do words under a label with none.
    assert _texts_of(_parts(above, [("（三）不予公开", "1")])) == [
        ["行政复议"],
        list(above),
        ["（三）不予公开", "1"],
    ]
    unmarked = ("部分公开（区分处理的，只计这一", "10")
    assert _texts_of(_parts(unmarked, [("情形，不计其他情形）", "1")])) == [
        ["行政复议"],
        list(unmarked),
        ["情形，不计其他情形）", "1"],
    ]
