"""The renderers' shapes (FORMAT.md §2.2) and the HTML reader, one small hand-built report per case."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govdisclosure
from govdisclosure import Cell, Marker, Report, Section, parse, render
from govdisclosure.layout.html import is_html_page, read_html
from govdisclosure.model import ActiveDisclosureTable, ApplicationsTable, ReviewLitigationTable, Tables, Where
from govdisclosure.render import LAYOUTS


def number(raw: str, unit: str | None = None) -> Cell:
    text = raw.replace(",", "").replace("元", "").replace("万", "")
    value = Decimal(text) if "." in text else int(text)
    return Cell(value, raw, "number", unit)


ACTIVE_2019 = ActiveDisclosureTable(
    {
        "regulations": {
            "newly_made": number("0"),
            "newly_published": number("2"),
            "total_published": number("9"),
        },
        "administrative_licensing": {
            "previous_year": number("368"),
            "change": number("+61"),
            "decisions": number("237800"),
        },
        "centralized_procurement": {
            "procurement_projects": number("78"),
            "procurement_amount": number("2,601", "万元"),
        },
    },
    template="2019",
)
SECTION = Section(Marker("二、", "cjk", 2), "主动公开政府信息情况", "", (), "active_disclosure")
REPORT = Report(
    title="高新区2020年政府信息公开工作年度报告",
    template="2019",
    sections=(SECTION,),
    tables=Tables(active_disclosure=ACTIVE_2019),
)


def test_render_is_public_and_lists_its_layouts() -> None:
    assert govdisclosure.render is render
    assert "render" in govdisclosure.__all__
    assert LAYOUTS == ("tabs", "cells", "markdown", "pdf", "html")


def test_unknown_layout_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown layout 'docx'"):
        render(REPORT, "docx")


def test_tabs_rows_as_a_word_copy_gives_them() -> None:
    lines = render(REPORT, "tabs").splitlines()
    assert "第二十条第（一）项" in lines
    assert "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量" in lines
    assert "行政许可\t368\t+61\t237800" in lines
    # A money header names the unit its cells carry without printing it (FORMAT.md §2.5).
    assert "信息内容\t采购项目数量\t采购总金额（单位：万元）" in lines


def test_cells_one_per_line_after_a_tab() -> None:
    text = render(REPORT, "cells")
    assert "\n\t规章\n\t0\n\t2\n\t9\n\n" in text


def test_markdown_headings_and_pipe_table() -> None:
    text = render(REPORT, "markdown")
    assert text.startswith("# 高新区2020年政府信息公开工作年度报告\n")
    assert "## 二、主动公开政府信息情况" in text
    assert "| 第二十条第（一）项 |  |  |  |\n|---|---|---|---|\n" in text
    assert "| 规章 | 0 | 2 | 9 |" in text


def test_pdf_wraps_headers_and_drops_blank_cells() -> None:
    blank = ActiveDisclosureTable(
        {"regulations": {"newly_made": Cell.blank(), "newly_published": number("2")}}
    )
    text = render(Report(tables=Tables(active_disclosure=blank)), "pdf")
    lines = [line.strip() for line in text.splitlines()]
    assert "本年新制作" in lines and "数量" in lines
    row = next(line for line in lines if line.startswith("规章"))
    assert row.split() == ["规章", "2"]


def test_pdf_centres_group_labels_on_their_rows() -> None:
    rows = {
        f"denied_{k}": {"natural_person": number("0")}
        for k in ("state_secret", "prohibited_by_law", "three_safeties_one_stability")
    }
    text = render(Report(tables=Tables(applications=ApplicationsTable(rows))), "pdf")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines.index("（三）不予公开") == lines.index(next(s for s in lines if s.startswith("2."))) - 1


def test_html_is_the_merged_cell_table() -> None:
    review = ReviewLitigationTable({"review": {"upheld": number("1"), "total": number("1")}})
    text = render(Report(tables=Tables(review_litigation=review)), "html")
    assert '<th colspan="5">行政复议</th><th colspan="10">行政诉讼</th>' in text
    assert '<th rowspan="2">结果维持</th>' in text
    assert "<td>1</td><td>&nbsp;</td>" not in text  # a missing cell prints empty, not NBSP
    assert "<td>1</td><td></td>" in text


def test_a_table_without_its_section_still_renders() -> None:
    report = Report(
        sections=(Section(Marker("六、", "cjk", 6), "其他需要报告的事项", "无。"),), tables=REPORT.tables
    )
    for layout in LAYOUTS:
        back = parse(render(report, layout))
        assert back.tables.active_disclosure is not None, layout
        assert back.tables.active_disclosure.value("administrative_licensing", "change") == 61


def test_empty_report_renders_to_almost_nothing() -> None:
    assert render(Report(), "tabs") == "\n"
    assert parse(render(Report(), "markdown")).tables.applications is None


# --- the HTML reader (layout/html.py) -----------------------------------------------------------


def test_html_rows_keep_their_grid_place_with_a_label_colspan_before_its_text() -> None:
    html = '<p>前言</p><table><tr><td colspan="3">一、本年新收</td><td>1</td></tr>'
    html += "<tr><td>&nbsp;</td></tr></table>"
    page = read_html(html)
    # The page's lines: its text, then one line per table row.
    assert page.lines == ("前言", "一、本年新收\t1", "\u00a0")
    # A label's merged columns come first, so the cells after a row label are its values.
    first, second = page.rows
    assert [(t.kind, t.text) for t in first.tokens] == [
        ("empty", ""),
        ("empty", ""),
        ("text", "一、本年新收"),
        ("value", "1"),
    ]
    assert first.tokens[3].where is not None and (
        first.tokens[3].where.row,
        first.tokens[3].where.column,
    ) == (1, 4)
    assert first.line == 2 and second.line == 3 and second.tokens[0].kind == "empty"


def test_html_drops_tags_scripts_and_decodes_entities() -> None:
    html = "<html><head><style>p{}</style></head><body><h2>一、总体情况</h2><script>x<y</script>"
    html += (
        "<p>本年度&lt;公开&gt;<b>信息</b>。</p><table><tr><th>规章<br/>文件</th></tr></table></body></html>"
    )
    assert read_html(html).lines == ("一、总体情况", "本年度<公开>信息。", "规章文件")


def test_only_a_page_is_read_as_html() -> None:
    assert is_html_page("<html><body><TABLE border=1>") and not is_html_page("<p>无表格</p>")
    assert is_html_page("<h2>一、总体情况</h2><table><tr><td>1</td></tr></table><p>二、主动公开</p>")
    # Markdown whose tables are raw markup (pandoc -t gfm) stays markdown: its lines are lines.
    assert not is_html_page("一、总体情况\n\n<table><tr><td>1</td></tr></table>\n\n二、主动公开")
    assert not is_html_page(
        '<div class="article">\n\n## 一、总体情况\n\n<table><tr><td><p>1</p></td></tr></table>'
    )
    assert parse("一、总体情况\n<p>x</p>").sections[0].title == "总体情况"


def test_raw_html_tables_inside_markdown_keep_the_lines_around_them() -> None:
    # pandoc -t gfm (FORMAT.md §2.2 J): the headings after a raw <table> stay headings of their
    # own, and the table's cells keep the lines of their tags.
    text = "\n".join(
        [
            "## 二、主动公开政府信息情况",
            "",
            "<table>",
            '<tr><td colspan="4">第二十条第（一）项</td></tr>',
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>",
            "<tr>",
            "<td>规章</td><td>1</td><td></td><td>3</td>",
            "</tr>",
            "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>9</td></tr>",
            "</table>",
            "",
            "## 三、收到和处理政府信息公开申请情况",
            "",
            "本年度无申请。",
        ]
    )
    report = parse(text)
    assert [s.title for s in report.sections] == ["主动公开政府信息情况", "收到和处理政府信息公开申请情况"]
    table = report.tables.active_disclosure
    assert table is not None
    assert [(c.value, c.kind, c.line) for c in table["regulations"].values()] == [
        (1, "number", 7),
        (None, "blank", 7),
        (3, "number", 7),
    ]


@pytest.mark.parametrize("markup", ["<table><tr><td colspan='x'>", "<table><td>1<tr></table></td>", "<table"])
def test_broken_html_never_raises(markup: str) -> None:
    assert isinstance(read_html(markup).lines, tuple)
    assert isinstance(parse(markup), Report)


def test_cells_of_an_html_page_say_where_they_stand() -> None:
    page = (
        "<html><body><h2>二、主动公开政府信息情况</h2><table>"
        '<tr><td colspan="4">第二十条第（一）项</td></tr>'
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>9</td></tr></table></body></html>"
    )
    table = parse(page).tables.active_disclosure
    assert table is not None
    # SCHEMA.md `where`: 1-based table, row and column of the grid; no page in HTML.
    assert table["regulations"]["in_force"].where == Where(None, 1, 3, 4)
    assert table["normative_documents"]["issued"].where == Where(None, 1, 4, 2)
