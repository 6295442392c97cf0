"""A page's text around the report: a site's navigation and footer, whose items pages part with pipes.

A crawler keeps all of a page's text (FORMAT.md §2.2 I), the site's header and footer too, and a
government site's footer is often `使用帮助 | 联系我们 | 隐私保护 | 关于我们`. Joined into one line with
the report, those pipes made the whole line one pipe row, the report one "cell" of it: every
table was lost (../shared's pingtan pages, `crawl` route of tests/corpus/real-tools/). Text longer
than any table's cell between two pipes is the page's text, not a cell (layout/joined.py).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus import reports, text, truth
from corpus.score import score
from govdisclosure.layout.joined import MAX_CELL, cut_at_text
from govdisclosure.normalize import normalize

# Crawler texts of the committed corpus: both templates, several blank styles (zeros, blank, 无, /).
REPORTS = ("r001", "r005", "r011", "r028", "r046")
# (Numbers too: a list of years, a visit count, the `0` and `无` of a site's widgets.)
WORDS = ("使用帮助", "联系我们", "隐私保护", "新媒体矩阵", "关于我们", "网站地图", "English", "无障碍")
ITEMS = st.sampled_from((*WORDS, "2024", "2023", "1234", "0", "无"))
BARS = st.sampled_from((" | ", "|", " |", "| ", "　|　"))


def _cells(report: govdisclosure.Report) -> list[tuple[str, str, str, str, object]]:
    return [
        (name, row, column, cell.kind, cell.value)
        for name, table in report.tables.items()
        if table is not None
        for row, column, cell in table.cells()
    ]


@settings(max_examples=25, deadline=None)
@example(
    report="r001",
    before=[],
    after=["使用帮助", "联系我们", "隐私保护", "新媒体矩阵", "关于我们"],
    bar=" | ",
    end=" |",
)
@given(
    report=st.sampled_from(REPORTS),
    before=st.lists(ITEMS, max_size=6),
    after=st.lists(ITEMS, min_size=2, max_size=8),
    bar=BARS,
    end=st.sampled_from(("", " |", " | 网站标识码：3590000001 版权所有：某某市人民政府办公室")),
)
def test_a_site_s_navigation_and_footer_around_a_page_s_text_change_no_cell(
    report: str, before: list[str], after: list[str], bar: str, end: str
) -> None:
    page = text(report, "html.crawl")
    assert "|" not in page and "\n" not in page.strip()
    nav = bar.join(before)
    framed = f"{nav} {page} {bar.join(after)}{end}"
    alone = _cells(govdisclosure.parse(page))
    assert alone  # (else there would be nothing to keep)
    assert _cells(govdisclosure.parse(framed)) == alone


def test_a_line_is_cut_only_around_text_longer_than_any_cell() -> None:
    (row,) = normalize("| 规章 | 0 | 0 | 0 |")
    assert cut_at_text(row) == [row]
    body = "二、主动公开政府信息情况 " + "规章 0 0 0 " * (MAX_CELL // 8)
    (line,) = normalize(f"首页 | 政务公开 | {body} | 使用帮助 | 联系我们 |")
    pieces = [piece.raw for piece in cut_at_text(line)]
    assert pieces == ["首页 | 政务公开 |", f" {body} ", "| 使用帮助 | 联系我们 |"]
    assert {piece.number for piece in cut_at_text(line)} == {line.number}


# A note in a table's cell longer than a page's footer text (458 characters).
NOTE = (
    "（说明："
    + "本项统计口径包括本机关及所属单位依法制作并公开的各类政府信息，不含内部管理信息。" * 12
    + "）"
)


def _with_note(markdown: str) -> str:
    """Every pipe row holding values and a blank cell between two others with the note in its last
    such cell: a table row whose cell is long, not a page's text around pipes."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        parts = line.split("|")
        blank = [j for j, part in enumerate(parts[1:-1], 1) if not part.strip()]
        if line.count("|") >= 3 and blank and any(part.strip().isdigit() for part in parts):
            parts[blank[-1]] = f" {NOTE} "
            lines[i] = "|".join(parts)
    return "\n".join(lines)


@pytest.mark.parametrize(
    "route", ["html.markitdown", "docx-lo.markitdown", "html.pandoc-gfm", "html.html2text"]
)
def test_a_long_note_in_a_table_s_cell_beside_values_gives_no_wrong_number(route: str) -> None:
    assert len(NOTE) > MAX_CELL
    silent = []
    for report in reports():
        found = score(truth(report), govdisclosure.parse(_with_note(text(report, route))), keeps_blanks=False)
        silent += [f"{report}: {problem}" for problem in found.wrong + found.misread]
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"


def test_a_footer_parted_by_full_width_bars_is_no_pipe_row_either() -> None:
    page = text("r001", "html.crawl")
    alone = _cells(govdisclosure.parse(page))
    assert _cells(govdisclosure.parse(f"{page} 使用帮助｜联系我们｜隐私保护｜关于我们")) == alone
