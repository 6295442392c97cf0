"""The project's own tool corpus (issue 12): 64 reports flattened by 33 real routes, from committed fixtures.

tests/corpus/ holds every report's truth and what each tool printed (no tool is run here). For
each route, every report is parsed once and scored cell by cell (tests/corpus/score.py):

- no route gives a single wrong number (a number where the report prints another, or none), nor
  a cell of another kind (a blank where the report prints a number);
- a route whose text keeps each blank cell's place gives back every cell;
- a route that drops blank cells gives back every cell of the rows it prints in full;
- template, year, the tables present and the sections come back, and no section the report
  does not have.

A target a route does not meet yet is a strict xfail saying what is lost, so the mark must go
once it is met. benchmarks/accuracy.py prints the same figures as a table (docs/flattening.md).
"""

from __future__ import annotations

from functools import cache

import pytest

import govdisclosure
from corpus import Route, keeps_blanks, reports, routes, text, truth
from corpus.score import Score, score

ROUTES = routes()
KEEPS = [r for r in ROUTES if r.keeps_blanks]
DROPS = [r for r in ROUTES if not r.keeps_blanks]
SECTIONS_SHARE = 0.99
FULL_REPORT_SHARE = 0.98

# Targets not met yet, by (test, route): strict xfails with what is lost.
_LAYOUT = (
    "pdftotext -layout: a row printing some of its cells is placed only where the page's positions "
    "leave each value one column (poppler gives a block the column after the blocks left of it, not "
    "its x position): a page whose header is on another page, or whose squeezed header leaves its "
    "values' columns unfixed (`商业企 科研 社会公 法律服务 其`), and whose values do not show every "
    "column, or one value per row, settles none (docs/flattening.md)"
)
_PLAIN = (
    "plain pdftotext prints cells one per line in the PDF's drawing order: a table is read in printed "
    "order where its runs decode row by row (each anchored by the label right before it or confirmed "
    "by its row totals) or column by column, or where its values fill the template's cells with every "
    "identity holding and the row labels come in the template's order; a number LibreOffice wrapped "
    "in a narrow cell, two or more values drawn apart from their rows, labels listed out of the "
    "template's order, or table 四's cells in poppler's block order leave a table unread; and a row "
    "printed one value per line with 无 or other words among them is not read, since the PDF's "
    "reading order moves 无 (a CJK glyph) and goes through other blocks there"
)
_WRAPPED = (
    "LibreOffice's narrow cells wrap numbers around a row's line (2,90 3,31 / row / 1 3): one row "
    "the identities leave several placements for (r064) is cell-ambiguous"
)
_PDFMINER = "pdfminer prints table cells as column blocks in an order the text does not show"
_PDF_MD = (
    "10 cells: markitdown draws pipes from word positions; on LibreOffice's PDFs a values line between "
    "two labels with no values elsewhere (r047), and a wrapped row whose values stand on two lines, "
    "one of them its label's, in no order the text shows (r021)"
)
_ALL_PDF = {
    "pdf-lo.pdftotext": _PLAIN,
    "pdf-chromium.pdftotext": _PLAIN,
    "pdf-lo.pdfplumber": _WRAPPED,
    "pdf-lo.pdfminer": _PDFMINER,
    "pdf-chromium.pdfminer": _PDFMINER,
    "pdf-lo.markitdown": _PDF_MD,
}
KNOWN: dict[tuple[str, str], str] = {
    **{("test_every_cell", r): _LAYOUT for r in ("pdf-lo.pdftotext-layout", "pdf-chromium.pdftotext-layout")},
    **{("test_every_fully_printed_row", r): why for r, why in _ALL_PDF.items()},
    **{
        ("test_reports_that_print_every_cell", r): why
        for r, why in _ALL_PDF.items()
        if r
        not in (
            "pdf-lo.pdfplumber",
            "pdf-chromium.pdftotext",
            "pdf-lo.markitdown",
        )
    },
}


def _known(request: pytest.FixtureRequest, route: Route) -> None:
    reason = KNOWN.get((request.node.originalname, route.name))
    if reason:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason))


@cache
def _scores(route: str) -> tuple[tuple[str, Score], ...]:
    """Every report of the corpus parsed from this route's text and scored."""
    by_name = next(r for r in ROUTES if r.name == route)
    return tuple(
        (
            report,
            score(
                truth(report), govdisclosure.parse(text(report, route)), keeps_blanks(by_name, truth(report))
            ),
        )
        for report in reports()
    )


def _total(route: Route) -> Score:
    total = Score()
    for _, found in _scores(route.name):
        total.add(found)
    return total


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_no_wrong_number(route: Route) -> None:
    wrong = [f"{report}: {w}" for report, found in _scores(route.name) for w in found.wrong]
    assert wrong == [], f"{len(wrong)} wrong numbers, e.g. {wrong[:5]}"


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_no_misread_kind(route: Route) -> None:
    # A blank or 无 given for a printed number (or a number for 无) is as silent as a wrong number.
    misread = [f"{report}: {m}" for report, found in _scores(route.name) for m in found.misread]
    assert misread == [], f"{len(misread)} cells of another kind, e.g. {misread[:5]}"


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_every_absent_row_is_said(route: Route) -> None:
    """A row a found table came back without has one `row-missing` naming it, and only such a row."""
    assert _total(route).unnamed == []


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_no_extra_section(route: Route) -> None:
    # A table row label (（五）不予处理, 3.危及"三安全一稳定") read as a heading is a section the
    # report does not have.
    extra = [report for report, found in _scores(route.name) if found.sections_extra]
    assert extra == [], f"sections the reports do not have in {extra[:5]}"


@pytest.mark.parametrize("route", KEEPS, ids=lambda r: r.name)
def test_every_cell(route: Route, request: pytest.FixtureRequest) -> None:
    _known(request, route)
    total = _total(route)
    assert total.right == total.cells, f"{total.cells - total.right} cells lost, e.g. {total.lost[:5]}"


@pytest.mark.parametrize("route", DROPS, ids=lambda r: r.name)
def test_every_fully_printed_row(route: Route, request: pytest.FixtureRequest) -> None:
    _known(request, route)
    total = _total(route)
    lost = total.full_rows - total.full_rows_right
    assert lost == 0, f"{lost} of {total.full_rows} cells of fully printed rows lost"


def test_lynx_keeps_each_blank_cell_printed_as_a_no_break_space_paragraph() -> None:
    # lynx prints a Word-style cell (`<td><p>…</p></td>`) as a paragraph and a `<p>&nbsp;</p>` blank
    # as an empty line in its place (layout/paragraphs.py): every cell of those reports comes back.
    lynx = next(r for r in ROUTES if r.name == "html.lynx")
    kept = [report for report in reports() if keeps_blanks(lynx, truth(report))]
    assert len(kept) >= 8
    total = Score()
    for report, found in _scores(lynx.name):
        if report in kept:
            total.add(found)
    assert total.right == total.cells, f"{total.cells - total.right} cells lost, e.g. {total.lost[:5]}"


@pytest.mark.parametrize("route", DROPS, ids=lambda r: r.name)
def test_reports_that_print_every_cell(route: Route, request: pytest.FixtureRequest) -> None:
    _known(request, route)
    zeros = Score()
    for report, found in _scores(route.name):
        if truth(report)["traits"]["blank_style"] == "zeros":
            zeros.add(found)
    assert zeros.right >= FULL_REPORT_SHARE * zeros.cells, f"{zeros.right}/{zeros.cells} cells"


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_template_and_year(route: Route, request: pytest.FixtureRequest) -> None:
    _known(request, route)
    found = _scores(route.name)
    assert [r for r, s in found if not s.template_right] == []
    assert [r for r, s in found if not s.year_right] == []


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_tables_found(route: Route, request: pytest.FixtureRequest) -> None:
    _known(request, route)
    total = _total(route)
    assert total.tables_right == total.tables


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.name)
def test_sections(route: Route, request: pytest.FixtureRequest) -> None:
    _known(request, route)
    total = _total(route)
    assert total.sections_right >= SECTIONS_SHARE * total.sections, f"{total.sections_right}/{total.sections}"
