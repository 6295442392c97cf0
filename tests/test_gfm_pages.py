"""pandoc `-t gfm` of a page: markdown pipe tables among the page's raw HTML (FORMAT.md §2.2 J).

pandoc's gfm writer draws with pipes a table it can (no merged cell) and keeps the others, and the
page's styled text, as raw HTML. Such a text reads as an HTML page (its text held in <p>, <span>),
and the pipe table in it was no table of the page: table 二 was lost on all seven of ../shared's
pingtan pages (tests/corpus/real-tools/). A markdown table in a page's text is a table of the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure
from corpus import reports, text, truth
from corpus.score import score
from govdisclosure.layout.html import is_html_page

REAL_TOOLS = Path(__file__).parent / "corpus" / "real-tools"


def test_a_pipe_table_among_a_page_s_raw_html_is_one_of_its_tables() -> None:
    text = (REAL_TOOLS / "pingtan-zone-2023.html" / "pandoc-gfm.txt").read_text(encoding="utf-8")
    assert is_html_page(text)
    assert "| 行政规范性文件     | 77 " in text  # (table 二 drawn with pipes)
    table = govdisclosure.parse(text).tables.active_disclosure
    assert table is not None
    # The values as the text prints them.
    assert [table.value("normative_documents", c) for c in ("issued", "repealed", "in_force")] == [
        77,
        132,
        470,
    ]
    assert table.value("administrative_licensing", "decisions") == 2629
    assert table.value("administrative_penalty", "decisions") == 1330
    assert table.value("administrative_enforcement", "decisions") == 54
    assert str(table.value("administrative_fees", "fee_amount")) == "5949.088667"


def test_a_page_s_pipe_table_keeps_its_blank_cells_and_its_lines() -> None:
    page = "\n".join(
        (
            "<p>某某县2021年政府信息公开工作年度报告</p>",
            "<p><strong>二、主动公开政府信息情况</strong></p>",
            "",
            "|                    |              |              |              |",
            "|--------------------|--------------|--------------|--------------|",
            "| 第二十条第（一）项 |              |              |              |",
            "| 信息内容           | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "| 规章               |              | 2            |              |",
            "| 行政规范性文件     | 5            |              | 31           |",
            "",
            "<table><tr><td>三、其他</td></tr></table>",
        )
    )
    assert is_html_page(page)
    table = govdisclosure.parse(page).tables.active_disclosure
    assert table is not None
    regulations = table["regulations"]
    assert [regulations[c].kind for c in ("issued", "repealed", "in_force")] == ["blank", "number", "blank"]
    assert regulations["repealed"].value == 2
    assert table.value("normative_documents", "in_force") == 31
    # Its place in the page: the page's first table, the pipe table's fifth row, second column.
    where = table["normative_documents"]["issued"].where
    assert where is not None and (where.table, where.row, where.column) == (1, 5, 2)


def _page(markdown: str) -> str:
    # A site's navigation before the report, as a page lays it out: the text reads as a page.
    nav = '<table class="nav"><tr><td>首页</td><td>政务公开</td></tr></table><p>当前位置：首页</p>'
    return f"{nav}\n\n{markdown}"


def _edited_pipe_rows(markdown: str, edit: str) -> str:
    """Every row under a pipe table's rule edited: `extra` adds a cell after its last, beyond the
    header's (GitHub ignores it), `escaped` puts an escaped pipe at the end of its first cell
    (`规章 \\|注`: a pipe in the cell's text)."""
    lines = markdown.split("\n")
    under_rule = False
    for i, line in enumerate(lines):
        if not line.startswith("|"):
            under_rule = False
        elif set(line) <= set("|-: "):
            under_rule = True
        elif under_rule:
            first = line.index("|", 1)  # (the end of the row's first cell)
            lines[i] = line + " 备注 |" if edit == "extra" else f"{line[:first]}\\|注 {line[first:]}"
    return "\n".join(lines)


@pytest.mark.parametrize("edit", ["extra", "escaped"])
def test_a_page_s_pipe_rows_are_read_as_github_reads_them(edit: str) -> None:
    silent = []
    placed = 0
    for report in reports():
        page = _page(_edited_pipe_rows(text(report, "html.pandoc-gfm"), edit))
        assert is_html_page(page)
        found = score(truth(report), govdisclosure.parse(page), keeps_blanks=False)
        silent += [f"{report}: {problem}" for problem in found.wrong + found.misread]
        placed += found.right
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"
    assert placed  # (the pages were read at all)


def test_a_page_s_pipe_header_printed_narrower_than_its_rows_drops_no_value() -> None:
    # Cells beyond the header row's width are no cells where they hold no value (a note); holding
    # a value, they stay, the row then wider than its table: not read, rather than read short.
    silent = []
    for report in reports():
        lines = text(report, "html.pandoc-gfm").split("\n")
        for i, line in enumerate(lines[:-1]):
            if line.startswith("|") and set(lines[i + 1]) <= set("|-: ") and "-" in lines[i + 1]:
                lines[i] = line[: line.rindex("|", 0, len(line.rstrip()) - 1) + 1]  # its last cell cut
                lines[i + 1] = lines[i + 1][: lines[i + 1].rindex("|", 0, len(lines[i + 1].rstrip()) - 1) + 1]
        found = score(truth(report), govdisclosure.parse(_page("\n".join(lines))), keeps_blanks=False)
        silent += [f"{report}: {problem}" for problem in found.wrong + found.misread]
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"


def test_a_line_break_tag_inside_a_page_s_pipe_row_does_not_end_the_row() -> None:
    # pandoc's gfm writes `<br />` for a line break inside a cell: `| … | 8<br>注1 | 205 |`. The page's
    # tokenizer ended the text there, and the row's last cells fell into another: values moved.
    silent = []
    for report in reports():
        lines = text(report, "html.pandoc-gfm").split("\n")
        for i, line in enumerate(lines):
            cells = line.split("|")
            if line.startswith("|") and len(cells) > 4 and cells[-3].strip().isdigit():
                cells[-3] = f" {cells[-3].strip()}<br /> "
                lines[i] = "|".join(cells)
        found = score(truth(report), govdisclosure.parse(_page("\n".join(lines))), keeps_blanks=False)
        silent += [f"{report}: {problem}" for problem in found.wrong + found.misread]
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"


def test_a_page_line_opening_with_a_pipe_outside_a_table_ends_at_its_tag() -> None:
    # `| 当前位置：首页` in a page's breadcrumb is no markdown table's row: its paragraph ends there.
    page = (
        "<html><body><p>| 当前位置：首页</p><p>某某县人民政府2021年政府信息公开工作年度报告</p>"
        "<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p>"
        "<table><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr></table></body></html>"
    )
    assert [section.title for section in govdisclosure.parse(page).sections] == [
        "总体情况",
        "主动公开政府信息情况",
    ]
