"""Text joined into one line (FORMAT.md §2.2 I): a crawler's page text, or a tool's text a pipeline joined.

A crawler keeps a page's text in the page's order: a row label, then its cells. A pipeline that
joins a PDF's text into one line keeps the PDF's reading order, where a value may stand after
another row's label (`行政处罚 9 行政强制`, the 9 being 行政强制's) and a label's pieces, a wrapped
number's pieces and the header's words stand among the rows. The same shape reads the other way in
a page's text (`行政处罚 行政强制 9`), so a one-line table is read by its order only where nothing
in the text shows another order (tables/order.py); where something does, a row is placed only as
values printed one per line are, and never a value it cannot be sure of. Checked on every route of
the committed corpus (each text joined into one line), on texts of other seeds that showed what
the corpus did not (tests/corpus/heldout/), and cell by cell where a reading was mended.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus import reports, routes, text, truth
from corpus.cleaners import SETTLED
from corpus.score import score

ONE_LINE = SETTLED["lines joined into one"]
HELDOUT = Path(__file__).resolve().parent / "corpus" / "heldout"
# Texts of other seeds (tests/test_heldout_corpus.py), some kept for what joining them into one
# line showed: each as the tool printed it, with the report's truth.
HELDOUT_TEXTS = sorted(HELDOUT.glob("seed-*/r*/*.txt"))


def _silent(report: str, route: str, joined: str) -> list[str]:
    found = score(truth(report), govdisclosure.parse(joined), keeps_blanks=False)
    return found.wrong + found.misread


@pytest.mark.parametrize("route", [r.name for r in routes()])
def test_a_route_s_text_joined_into_one_line_gives_no_wrong_number(route: str) -> None:
    silent = [
        f"{report}: {problem}"
        for report in reports()
        for problem in _silent(report, route, ONE_LINE(text(report, route)))
    ]
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"


def test_pandoc_gfm_joined_into_one_line_comes_back_whole() -> None:
    # Table 二 drawn with pipes, the others raw HTML, headings and prose between them: the text
    # the join left around a markdown table is no cell of it (layout/joined.unjoined).
    lost = [
        f"{report}: {cell}"
        for report in reports()
        for cell in score(
            truth(report), govdisclosure.parse(ONE_LINE(text(report, "html.pandoc-gfm"))), True
        ).lost
    ]
    assert lost == [], f"{len(lost)} cells lost, e.g. {lost[:5]}"


def test_joining_leaves_one_line() -> None:
    # (Else the test above would check the tools' own line breaks, not a line joined.)
    joined = ONE_LINE(text("r006", "pdf-lo.pdftotext"))
    assert "\n" not in joined.strip()
    assert "2.没有现成信息需要另 行制作 5 1 6 1 1 1 1" in joined


@pytest.mark.parametrize(
    "path", HELDOUT_TEXTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.stem}"
)
def test_a_heldout_text_joined_into_one_line_gives_no_wrong_number(path: Path) -> None:
    expected = json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
    parsed = govdisclosure.parse(ONE_LINE(path.read_text(encoding="utf-8")))
    found = score(expected, parsed, keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])


def test_the_heldout_texts_are_there() -> None:
    assert len(HELDOUT_TEXTS) >= 30


def test_values_after_a_label_in_pdf_text_joined_into_one_line_are_not_its_row_by_order_alone() -> None:
    # r006, LibreOffice's PDF through plain pdftotext: `2.没有现成信息需要另 行制作 5 1 6 1 1 1 1`.
    # The row prints 1 under 自然人 and 1 under 总计 (the report); the seven values are three rows'
    # (`5 1 6`, `1 1`, `1 1`), printed after all their labels. The text shows rows out of order
    # (a label's pieces among the rows), and 5+1+6+1+1+1 is not 1: nothing is placed.
    parsed = govdisclosure.parse(ONE_LINE(text("r006", "pdf-lo.pdftotext")))
    applications = parsed.tables.applications
    assert applications is not None
    assert applications.cell("unavailable_needs_creation", "natural_person") is None
    assert any(
        d.code == "cell-unplaced"
        and "unavailable_needs_creation" in d.message
        and "5 1 6 1 1 1 1" in d.message
        for d in parsed.diagnostics
    )


def test_a_page_s_text_and_pdf_text_with_one_shape_read_by_what_else_they_show() -> None:
    # r031 prints 行政强制's 9 and no 行政处罚 (the report). The page's text: `行政处罚 行政强制 9`,
    # a label then its cells; the PDF's text joined: `行政处罚 9 行政强制`, the 9 drawn at its
    # cell's middle, before the label below. The PDF text shows its order elsewhere (a group
    # label's pieces among table 三's rows): there the 9 is no one's.
    page = govdisclosure.parse(text("r031", "html.crawl"))
    assert page.tables.active_disclosure is not None
    assert page.tables.active_disclosure.value("administrative_enforcement", "decisions") == 9
    joined = ONE_LINE(text("r031", "pdf-lo.pdftotext"))
    assert "行政处罚 9 行政强制" in joined
    pdf = govdisclosure.parse(joined)
    assert pdf.tables.active_disclosure is not None
    assert pdf.tables.active_disclosure.cell("administrative_penalty", "decisions") is None
    assert pdf.tables.active_disclosure.cell("administrative_enforcement", "decisions") is None


# A value printed right after a label in PDF text joined into one line, and not that label's cell.
NOT_THEIRS = [
    # r042: 69 is 规范性文件's 现行有效件数, printed after the next caption; 行政许可 prints none. Read
    # again as runs of values in printed order (tables/detached.py) the 69 went to 行政许可: one line
    # shows no runs.
    pytest.param(
        "r042",
        "pdf-lo.pdftotext",
        "第二十条第（五）项 69 信息内容 本年处理决定数量 行政许可 第二十条第（六）项",
        ("active_disclosure", "administrative_licensing", "decisions"),
        id="no-runs-on-one-line",
    ),
    # r020 through pdfplumber: 总计 is 122, wrapped as `12` above the row and `2` in it. The seven
    # values after the label end with 2, and 111+2+7+2 is not 2: the row is not placed.
    pytest.param(
        "r020",
        "pdf-lo.pdfplumber",
        "他 12 一、本年新收政府信息公开申请数量 111 无 2 无 7 2 2",
        ("applications", "new_received", "total"),
        id="total-that-does-not-hold",
    ),
]


@pytest.mark.parametrize(("report", "route", "printed", "cell"), NOT_THEIRS)
def test_a_value_after_a_label_in_one_line_pdf_text_is_not_its_cell_unsettled(
    report: str, route: str, printed: str, cell: tuple[str, str, str]
) -> None:
    joined = ONE_LINE(text(report, route))
    assert printed in joined
    table, row, column = cell
    found = govdisclosure.parse(joined).tables[table]
    assert found is not None
    assert found.cell(row, column) is None


@settings(max_examples=60, deadline=None)
# pandoc wraps a tag's markup (`<td` / `data-valign="center">`): joined with U+3000, no HTML space,
# the tag read as written was none, and `（六）其他处理`'s row lost the cell naming it.
@example(report="r039", route="html.pandoc3-gfm", joint="\u3000", stripped=False)
# Tabs between a pandoc grid table's rows were read as one tab row's cells: 行政事业性收费's empty
# last cell took the next rows' rules as its values (layout/tabs.is_tab_row; stop 64).
@example(report="r037", route="html.pandoc-plain", joint=" \t", stripped=False)
@given(
    report=st.sampled_from(reports()),
    route=st.sampled_from([r.name for r in routes()]),
    joint=st.sampled_from([" ", "  ", "\u3000", " \t", "\u00a0"]),
    stripped=st.booleans(),
)
def test_any_joint_between_the_lines_gives_no_wrong_number(
    report: str, route: str, joint: str, stripped: bool
) -> None:
    # A pipeline joins a text's lines with its own joint, the lines' own spaces kept or not.
    lines = text(report, route).split("\n")
    joined = joint.join(line.strip() if stripped else line for line in lines)
    assert _silent(report, route, joined) == []
