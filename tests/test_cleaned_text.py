"""Tool texts a cleaner touched before parsing (docs/flattening.md, "Texts a cleaner touched").

A pipeline rarely hands the parser a tool's text untouched: it strips each line, squeezes runs of
spaces, drops blank lines or form feeds. What the cleaning erased (a blank cell's gap, a row's
column) may cost cells, never a wrong number nor a cell of another kind. Checked on the committed
corpus's routes that draw tables with spaces (pandoc's dash-rule tables, pdftotext -layout), each
cleaner over every report, and cell by cell where a reading was mended.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from corpus import reports, text, truth
from corpus.cleaners import OPEN, SETTLED, squeeze
from corpus.score import Score, score
from govdisclosure.layout import CellRow
from govdisclosure.layout.joined import unjoined
from govdisclosure.layout.pipes import guessed_pipes
from govdisclosure.layout.rules import is_rule, rule_table
from govdisclosure.lexicon import lexicon_for
from govdisclosure.normalize import Line, normalize
from govdisclosure.templates import default_templates

CLEANERS = SETTLED
SPACED_ROUTES = (
    "html.pandoc-plain",
    "html.pandoc-markdown",
    "docx-lo.pandoc-plain",
    "docx-pandoc.pandoc-plain",
    "pdf-lo.pdftotext-layout",
    "pdf-chromium.pdftotext-layout",
)
PANDOC_ROUTES = SPACED_ROUTES[:4]


def _cleaned(report: str, route: str, cleaner: str) -> tuple[govdisclosure.Report, Score]:
    parsed = govdisclosure.parse(CLEANERS[cleaner](text(report, route)))
    return parsed, score(truth(report), parsed, keeps_blanks=False)


def _silent(found: Score) -> list[str]:
    return found.wrong + found.misread


def test_every_cleaner_changes_the_texts_it_is_checked_on() -> None:
    # (A cleaner that changed nothing would pass the test below without checking a thing.)
    for name, clean in CLEANERS.items():
        assert any(clean(text(r, route)) != text(r, route) for r in reports() for route in SPACED_ROUTES), (
            name
        )


def test_no_cleaner_gives_a_wrong_number() -> None:
    silent = [
        f"{cleaner}, {report}, {route}: {problem}"
        for cleaner in CLEANERS
        for route in SPACED_ROUTES
        for report in reports()
        for problem in _silent(_cleaned(report, route, cleaner)[1])
    ]
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"


@settings(max_examples=40, deadline=None)
@given(
    report=st.sampled_from(reports()),
    route=st.sampled_from(PANDOC_ROUTES),
    clean=st.sampled_from([lambda line: line.lstrip(" "), str.strip, squeeze]),
    picks=st.randoms(use_true_random=False),
    share=st.floats(0.05, 1.0),
)
def test_cleaning_some_lines_of_a_pandoc_table_gives_no_wrong_number(
    report: str, route: str, clean: Callable[[str], str], picks: random.Random, share: float
) -> None:
    # A cleaner may touch some lines only (those it matched, or a tool's own wrapping): the lines
    # it left keep the grid, the others are read off it or not at all, never into another column.
    lines = text(report, route).split("\n")
    touched = "\n".join(clean(line) if picks.random() < share else line for line in lines)
    found = score(truth(report), govdisclosure.parse(touched), keeps_blanks=False)
    assert _silent(found) == []


def _row(parsed: govdisclosure.Report, table: str, row: str) -> list[tuple[str, str]]:
    found = parsed.tables[table]
    assert found is not None, table
    return [(cell.kind, cell.raw.strip()) for at, _, cell in found.cells() if at == row]


def _table_four(whole: str) -> list[Line]:
    # r016's table 四 from DOCX, pandoc plain: its rule, two of its three header lines (the third,
    # flush left, would stand off its runs), its values row and its closing rule.
    lines = list(normalize(whole))
    start = next(i for i, line in enumerate(lines) if line.raw.lstrip().startswith("行政复议")) - 1
    end = next(i for i in range(start + 1, len(lines)) if is_rule(lines[i]))
    assert lines[start + 5].raw.split()[:2] == ["结果维持", "结果纠正"]
    return lines[start : start + 5] + lines[start + 7 : end + 1]


def test_a_pandoc_table_flush_left_is_not_read_by_its_grid() -> None:
    # pandoc indents every table. Stripped of their leading spaces, r016's table 四 prints `1` under
    # 其他结果 and `1` under 总计 flush left: shifted by two whole columns, they line up with the runs
    # of 结果维持 and 其他结果, as every other line of the table does.
    printed = text("r016", "docx-lo.pandoc-plain")
    rows: list[CellRow] = []
    assert rule_table(_table_four(printed), 0, rows) is not None
    assert [t.text for t in rows[-1].tokens if t.kind == "value"] == ["1", "1"]
    assert [t.column for t in rows[-1].tokens if t.kind == "value"] == [2, 4]
    flush = _table_four(CLEANERS["leading spaces stripped"](printed))
    assert flush[-2].raw.split() == ["1", "1"]
    assert rule_table(flush, 0, []) is None
    assert _silent(_cleaned("r016", "docx-lo.pandoc-plain", "leading spaces stripped")[1]) == []


def test_values_above_a_label_that_a_cleaner_left_alone_are_no_blank_row() -> None:
    # r046 from DOCX, pandoc plain, flush left: `2.  1  1  2` then `申请人逾期未按收费通知要求…`, the
    # row's label wrapped below its values. The values may be that label's, so it is no blank row.
    parsed, found = _cleaned("r046", "docx-lo.pandoc-plain", "leading spaces stripped")
    assert _silent(found) == []
    assert all(kind != "blank" for kind, _ in _row(parsed, "applications", "other_fee_unpaid"))


def test_a_group_and_its_first_row_on_one_line_with_escaped_markers_are_two_labels() -> None:
    # pandoc markdown escapes a leading `1.` as `1\.`; off the grid, `(六) 其它处理  1\. 申请人…` is
    # the group and its first row, not 2019's single （六）其他处理 row.
    parsed, found = _cleaned("r021", "html.pandoc-markdown", "leading spaces stripped")
    assert "(六) 其它处理" in CLEANERS["leading spaces stripped"](text("r021", "html.pandoc-markdown"))
    assert _silent(found) == []
    assert _row(parsed, "applications", "other_no_correction") == [
        ("number", "2"),
        *[("none", "无")] * 5,
        ("number", "2"),
    ]


def test_aligned_text_whose_lines_lost_their_indent_places_nothing_by_position() -> None:
    # pdftotext -layout with form feeds, each line stripped of its leading spaces (the feeds kept):
    # a line's values moved left by its own indent, so where they stand shows no column (r044's
    # `1 1 1 3` read as 商业企业, 法律服务机构 …).
    parsed, found = _cleaned("r044", "pdf-chromium.pdftotext-layout", "leading spaces stripped")
    assert _silent(found) == []
    assert all(kind != "number" or raw == "3" for kind, raw in _row(parsed, "applications", "new_received"))


def test_a_multiline_row_wrapped_after_its_marker_is_one_row_without_its_blank_lines() -> None:
    # A pandoc multiline table's rows stand apart by blank lines; dropped, `5.  0 0 0 0 0 0 0` and
    # `要求行政机关确认或重新出具已获取信息` are one row still: a label cell is never a marker alone.
    for report, row, expected in (
        ("r003", "not_processed_confirmation", [("number", "0")] * 7),
        (
            "r015",
            "partially_granted",
            [
                ("number", "90"),
                ("number", "6"),
                ("none", "—"),
                ("none", "—"),
                ("number", "2"),
                ("none", "—"),
                ("number", "98"),
            ],
        ),
    ):
        parsed, found = _cleaned(report, "docx-lo.pandoc-plain", "blank lines dropped")
        assert _silent(found) == []
        assert _row(parsed, "applications", row) == expected


def test_a_squeezed_pandoc_table_is_not_read_by_its_grid() -> None:
    # Runs of spaces squeezed to one, a row stands inside the first column's wide run
    # (`行政事业性收费 6 0`, `一、本年新收政府信息公开申请数量 72`): no cell holds a label and a value,
    # so it is no grid row with the other cells blank. Nor are the four lines above the closing
    # rule read as its header.
    parsed, found = _cleaned("r001", "html.pandoc-plain", "space runs squeezed")
    assert " 行政事业性收费 6 0 \n" in CLEANERS["space runs squeezed"](text("r001", "html.pandoc-plain"))
    assert _silent(found) == []
    assert _row(parsed, "active_disclosure", "administrative_fees") == [("number", "6"), ("number", "0")]
    parsed, found = _cleaned("r014", "html.pandoc-plain", "space runs squeezed")
    assert _silent(found) == []


def _numbered(*raws: str) -> list[Line]:
    return list(normalize("\n".join(raws)))


def test_a_rule_with_no_row_under_it_reads_no_header_above_it() -> None:
    # A table whose body lines a cleaner moved off its runs is not read by them (above); its closing
    # rule then has the table's last row right above it and nothing below. It opens no table, so
    # that row is not read again as its header, in a grid it may not line up with.
    lines = _numbered("  ---------- ------", "规章 0", "  规范性文件 9", "  ---------- ------", "")
    assert rule_table(lines, 3, []) is None


def test_a_header_line_off_the_rule_s_runs_is_not_read_by_them() -> None:
    # Header lines are padded to the runs as the rows are. An indented line of prose above the
    # table that does not line up is no header (the table is read without it); a line of values
    # standing off the runs is a row a cleaner moved off the grid, and the grid is not used.
    runs = "  ---------- ---------- ------"
    body = ("             1          1", "")
    rows: list[CellRow] = []
    assert rule_table(_numbered("  结果维持   结果纠正   总计", runs, *body), 1, rows) == 3
    assert [[t.text.strip() for t in row.tokens] for row in rows] == [
        ["结果维持", "结果纠正", "总计"],
        ["", "1", "1"],
    ]
    rows = []
    assert rule_table(_numbered("   本机关 本年度 情况如下：", runs, *body), 1, rows) == 3
    assert [[t.text.strip() for t in row.tokens] for row in rows] == [["", "1", "1"]]
    assert rule_table(_numbered("   规章 0 0 总计", runs, *body), 1, []) is None


@pytest.mark.parametrize("report", ["r005", "r007", "r019", "r053", "r058", "r064"])
def test_reflowed_pdf_text_places_no_row_a_wrapped_number_s_tails_may_reach(report: str) -> None:
    # PDF text "reflowed" (a paragraph's lines joined by a space; pdfplumber prints no blank line,
    # so the whole text is one line): a wrapped number's pieces (`2,90 3,31`) end the header's or a
    # row's run, and their tails (`1 3`) join the next row's values, which then count as many as
    # its columns (r007: `358 0 24 30 0 1 3` for 2,901 358 0 24 30 0 3,313). Such a row is unread.
    joined = OPEN["paragraph lines joined"](text(report, "pdf-lo.pdfplumber"))
    assert "\n" not in joined.strip()
    found = score(truth(report), govdisclosure.parse(joined), keeps_blanks=False)
    assert _silent(found) == []


def test_a_marker_s_cell_wrapped_over_three_lines_is_one_row_without_its_blank_lines() -> None:
    # r003 from DOCX, pandoc plain, the 5. row's label wrapped once more (`要求` /
    # `行政机关确认或重新出具已获取信息`, each in the label's column), then blank lines dropped.
    lines = text("r003", "docx-lo.pandoc-plain").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip() == "要求行政机关确认或重新出具已获取信息")
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines[at : at + 1] = [indent + "要求", indent + "行政机关确认或重新出具已获取信息"]
    parsed = govdisclosure.parse(SETTLED["blank lines dropped"]("\n".join(lines)))
    assert _silent(score(truth("r003"), parsed, keeps_blanks=False)) == []
    assert _row(parsed, "applications", "not_processed_confirmation") == [("number", "0")] * 7


def test_a_line_opening_a_label_of_its_own_ends_a_wrapped_marker_cell() -> None:
    # `6.` opens the next row's label (a blank row), not more of the 5. row's wrapped cell.
    lines = _numbered(
        "  ---------- ---- ----", "  5.         0    0", "  要求", "  6.其他", "  ---------- ---- ----", ""
    )
    rows: list[CellRow] = []
    assert rule_table(lines, 0, rows) == 5
    assert [[t.text.strip() for t in row.tokens] for row in rows] == [
        ["5.要求", "0", "0"],
        ["6.其他", "", ""],
    ]


# Routes whose tables a paragraph join puts on one line with their separator row or borders: pipe
# tables (pandoc's gfm, markitdown) and w3m's box-drawn grids.
JOINED_TABLE_ROUTES = (
    "html.pandoc-gfm",
    "html.pandoc3-gfm",
    "html.markitdown",
    "docx-lo.markitdown",
    "docx-pandoc.markitdown",
    "html.w3m",
)


@pytest.mark.parametrize("route", JOINED_TABLE_ROUTES)
def test_a_table_whose_rows_a_paragraph_join_put_on_one_line_gives_no_wrong_number(route: str) -> None:
    # A paragraph's lines joined by a space (PDF text "reflowed", an open cleaner) join a table's
    # rows: `| h | h | | --- | --- | |  | 14 |`. Read as one row, the empty cell the join left
    # between two rows shifted every later value by one column (r009's table 四: 14 under 其他结果).
    joined = OPEN["paragraph lines joined"]
    silent = [
        f"{report}: {problem}"
        for report in reports()
        for problem in _silent(score(truth(report), govdisclosure.parse(joined(text(report, route))), False))
    ]
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"


def test_a_markdown_table_joined_into_one_line_is_cut_back_into_its_rows() -> None:
    rows = unjoined([" 行政复议 ", " 总计 ", " ", " --- ", " --- ", " ", "  ", " 30 ", " ", " 1 ", " 1 "])
    assert rows == [[" 行政复议 ", " 总计 "], ["  ", " 30 "], [" 1 ", " 1 "]]
    # Dashes a row prints for none marks are no separator row: one row, as printed.
    assert unjoined([" 行政许可 ", " --- ", " --- ", " 5 "]) == [[" 行政许可 ", " --- ", " --- ", " 5 "]]
    # Rows joined that do not cut at the separator row's width: which cells were a row's is not shown.
    assert unjoined([" a ", " b ", " ", " --- ", " --- ", " ", " 1 ", " 2 ", " ", " 3 "]) == []


def test_tables_joined_into_one_line_with_text_around_them_are_cut_back_each_at_its_width() -> None:
    # `**二、…** | h | h | | --- | --- | | 1 | 2 | **三、…** | x | y | z | | --- | --- | --- |`
    # ` | 3 | 4 | 7 | 完`: the text the join left before, between and after the tables stands where
    # an empty cell would.
    cells = [
        "**二、**",
        " h ",
        " h ",
        " ",
        "---",
        "---",
        " ",
        " 1 ",
        " 2 ",
        " **三、** ",
        " x ",
        " y ",
        " z ",
    ]
    cells += [" ", "---", "---", "---", " ", " 3 ", " 4 ", " 7 ", " 完"]
    assert unjoined(cells) == [
        ["**二、**"],
        [" h ", " h "],
        [" 1 ", " 2 "],
        [" **三、** "],
        [" x ", " y ", " z "],
        [" 3 ", " 4 ", " 7 "],
        [" 完"],
    ]
    # One table that does not cut at its width (a row one cell short): no row at all, since the
    # pipes may be a PDF's words' places, which cut into rows only by chance.
    assert unjoined([*cells[:7], " 1 ", *cells[9:]]) == []


def test_a_pipe_cell_holding_two_numbers_shows_pipes_drawn_from_word_positions_on_any_line() -> None:
    lexicon = lexicon_for(default_templates())
    last = normalize("| 规章 | 0 0 | 1 |")
    assert guessed_pipes(last, lexicon)  # (the text's last line too: a joined text has no other)
    assert not guessed_pipes(normalize("| 规章 | 0 | 1 |"), lexicon)


def test_a_wrapped_or_joined_layout_text_places_nothing_by_where_its_values_stand() -> None:
    # pdftotext -layout prints the label columns wholly left of the value columns. Lines wrapped at
    # 80 columns put a row's last value at column 0 of the next line (r027 on Chromium: the 1 of
    # （六）其他处理's 总计 read as 自然人's, its 1 as 商业企业's); a paragraph's lines joined run a
    # label's pieces after values (r006 on Chromium: `… 5 1 6` then the next label). Neither page
    # is as poppler printed it: its values are placed by no position (open cleaners, both).
    cases = [("long lines wrapped at 80 columns", "r027"), ("paragraph lines joined", "r006")]
    for cleaner, report in cases:
        cleaned = OPEN[cleaner](text(report, "pdf-chromium.pdftotext-layout"))
        assert _silent(score(truth(report), govdisclosure.parse(cleaned), keeps_blanks=False)) == [], cleaner
