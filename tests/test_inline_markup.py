"""Markdown of a styled page (FORMAT.md §2.2 J): attribute spans and raw tags are markup, not text.

A page exported from Word styles each run of text, and pandoc's markdown writer keeps every style
as a bracketed span: `[规章]{style="font-family:仿宋_GB2312;…"}[]{style="…"}`, wrapped over
several lines inside a table's cell. Read as text, no label matched and no value was a number:
../shared's pingtan pages through `pandoc -t markdown` gave 0 of 198–200 cells on four of seven
pages (tests/corpus/real-tools/, tests/test_real_tool_texts.py). The spans' text is what counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govdisclosure
from corpus import reports, truth
from corpus import text as tool_text
from corpus.score import score
from govdisclosure.markup import without_markup
from govdisclosure.values import is_value_text

REAL_TOOLS = Path(__file__).parent / "corpus" / "real-tools"

# What a page's cells and headings hold: labels, numbers in their printed forms, 无, dashes.
CELL_TEXTS = st.sampled_from(
    (
        "规章",
        "行政规范性文件",
        "一、本年新收政府信息公开申请数量",
        "（三）不予公开",
        "3.危及“三安全一稳定”",
        "0",
        "2,629",
        "-15",
        "+61",
        "5949.088667",
        "73802895.90 元",
        "无",
        "—",
        "/",
        " ",
        "",
    )
)
# Style declarations as Word exports them: CJK font names, rgb() with commas and spaces, quotes.
DECLARATIONS = st.sampled_from(
    (
        "font-family:仿宋_GB2312",
        "mso-hansi-font-family:Calibri",
        "color:rgb(51,51,51)",
        "color: rgb(76, 76, 76)",
        "letter-spacing:-0.3pt",
        "font-size:14.0000pt",
        "mso-bidi-font-family:'Times New Roman'",
        "white-space: pre",
        "background-image: initial",
        # Word quotes a font with spaces; pandoc escapes the quotes inside the attribute's value.
        'font-family:\\"Times New Roman\\"',
        'mso-fareast-font-family:\\"仿宋_GB2312\\"',
    )
)
STYLES = st.lists(DECLARATIONS, min_size=1, max_size=6).map(lambda d: "; ".join(d) + ";")
ATTRIBUTE_BLOCKS = st.one_of(
    STYLES.map(lambda s: f'{{style="{s}"}}'),
    st.sampled_from(("{.underline}", '{#h5jd .title_base ms-visible="isShow"}', "{lang=zh-CN}")),
)


@given(text=CELL_TEXTS, attributes=st.lists(ATTRIBUTE_BLOCKS, min_size=1, max_size=3), empty=st.booleans())
@example(text="规章", attributes=['{style="font-family:仿宋_GB2312;"}'], empty=True)
def test_a_styled_span_reads_as_its_text(text: str, attributes: list[str], empty: bool) -> None:
    styled = text
    for block in attributes:  # each style a span around the ones inside it
        styled = f"[{styled}]{block}"
    if empty:
        styled += '[]{style="font-family:Calibri;mso-fareast-font-family:宋体;"}'
    assert without_markup(styled) == text


@given(text=st.text(st.characters(blacklist_characters="{"), max_size=40))
def test_text_without_a_brace_is_left_as_it_is(text: str) -> None:
    assert without_markup(text) == text


def test_braces_and_brackets_that_style_nothing_stay() -> None:
    # (Braces right after a word are the report's text: pandoc writes no attributes there.)
    for text in ("a {} b", "[x] {y}", "【2021】", "{1,2}", "见附件[1]", "1{.x}2", "收费{.5元", "1{x=1}.5"):
        assert without_markup(text) == text


def test_a_raised_span_is_no_part_of_the_number_before_it() -> None:
    # A footnote mark styled up (`<span style="vertical-align:super">1</span>` after 10): not 101.
    assert without_markup('10[1]{style="vertical-align:super"}') == "10^1"
    # Runs Word split a number into join again: `<span>2</span><span>0</span>` is 20.
    assert without_markup('[2]{style="font-size:14pt"}[0]{style="font-size:14pt"}') == "20"
    page = "\n".join(
        (
            "某某县2021年政府信息公开工作年度报告",
            "",
            "二、主动公开政府信息情况",
            "",
            "| 第二十条第（五）项 | |",
            "|---|---|",
            "| 信息内容 | 本年处理决定数量 |",
            '| 行政许可 | 10[1]{style="vertical-align:super"} |',
            "| 第二十条第（六）项 | |",
            "| 信息内容 | 本年处理决定数量 |",
            "| 行政处罚 | 7 |",
        )
    )
    table = govdisclosure.parse(page).tables.active_disclosure
    assert table is not None
    assert table.value("administrative_licensing", "decisions") is None
    assert table.value("administrative_penalty", "decisions") == 7


def test_a_heading_whose_attributes_go_on_over_the_next_lines_is_read() -> None:
    # pandoc wraps a long style over the lines after the heading's own.
    head = '[二、主动公开政府信息情况]{style="font-family: 黑体; color: rgb(76, 76, 76); letter-spacing:'
    assert without_markup(head) == "二、主动公开政府信息情况"
    text = "\n\n".join(
        (
            "某某县人民政府2021年政府信息公开工作年度报告",
            '[一、总体情况]{style="font-family: 黑体;"}',
            "正文。",
            head,
            '-0.3pt; font-size: 16pt;"}',
            '[[ ]{style="white-space: pre;"}三、收到和处理政府信息公开申请情况]{style="font-size: 16px;"}',
        )
    )
    titles = [section.title for section in govdisclosure.parse(text).sections]
    assert titles == ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]


def test_a_multiline_table_whose_cells_wrap_their_styles_is_read_row_by_row() -> None:
    # pandoc 2.17 `-t markdown` of a styled page: no blank line between rows, each cell's attributes
    # wrapped over the row's lines. Table 二 of pingtan 2021 as pandoc printed it; the values are
    # the page's (`[69]`, `[3]`, `[665]`, `[2293]`, `[1282]`, `[42]`, `[24252.311082]` in the text).
    page = (REAL_TOOLS / "pingtan-zone-2021.html" / "pandoc-markdown.txt").read_text(encoding="utf-8")
    start = page.index("[二、主动公开政府信息情况]")
    table_two = page[start : page.index("[三、收到和处理政府信息公开申请情况]", start)]
    assert "\n\n" not in table_two.strip().split("\n", 2)[2]  # (no blank line between its rows)
    table = govdisclosure.parse(
        "某某区2021年政府信息公开工作年度报告\n\n" + table_two
    ).tables.active_disclosure
    assert table is not None
    assert [table.value("normative_documents", c) for c in ("issued", "repealed", "in_force")] == [69, 3, 665]
    assert table.value("administrative_licensing", "decisions") == 2293
    assert table.value("administrative_penalty", "decisions") == 1282
    assert table.value("administrative_enforcement", "decisions") == 42
    assert str(table.value("administrative_fees", "fee_amount")) == "24252.311082"


@given(text=CELL_TEXTS, style=STYLES, raised=st.booleans())
def test_a_raw_html_span_reads_as_its_text(text: str, style: str, raised: bool) -> None:
    # pandoc's gfm writer keeps a styled page's tags inside a pipe table's cells.
    tagged = f'<span style="{style.replace(chr(92), "")}">{text}</span><span style="font-size:12pt"></span>'
    assert without_markup(tagged, tags=True) == text
    # Outside a table's cells a line of tags is a raw table's markup (`<td>0</td>`), kept as it is.
    assert without_markup(tagged) == tagged
    if raised:  # a footnote mark raised after a number is no digit of it, nor a number alone
        for marked in (f"{text}<sup>1</sup>", f'{text}<span style="vertical-align:super">1</span>'):
            assert not is_value_text(without_markup(marked, tags=True))
    # Tags between two digits: a footnote mark or a number's runs, not told apart; no number.
    for between in ('<a href="#fn1">1</a>', "<span>1</span>", "<br>1"):
        if text.strip().isdigit():
            assert not is_value_text(without_markup(f"{text}{between}", tags=True))


def _tagged_cells(markdown: str) -> str:
    """Every pipe-table cell's text wrapped in a styled span, as pandoc's gfm writer keeps a Word
    page's runs (the cells' own spacing kept outside the tags)."""
    style = "font-family:仿宋_GB2312;color:rgb(51,51,51)"
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("|") and not set(line) <= set("|-: "):
            cells = line.split("|")
            lines[i] = "|".join(
                f' <span style="{style}">{cell.strip()}</span> ' if cell.strip() else cell for cell in cells
            )
    return "\n".join(lines)


def test_pipe_tables_whose_cells_hold_a_page_s_raw_spans_come_back_whole() -> None:
    lost, silent = [], []
    for report in reports():
        markdown = tool_text(report, "html.pandoc-gfm")
        if "|" not in markdown:
            continue
        found = score(truth(report), govdisclosure.parse(_tagged_cells(markdown)), keeps_blanks=True)
        alone = score(truth(report), govdisclosure.parse(markdown), keeps_blanks=True)
        lost += [f"{report}: {cell}" for cell in found.lost if cell not in alone.lost]
        silent += [f"{report}: {problem}" for problem in found.wrong + found.misread]
    assert (lost, silent) == ([], [])


@pytest.mark.parametrize("mark", ["<sup>1</sup>", '[1]{style="vertical-align:super"}'])
def test_a_footnote_mark_after_a_value_in_a_pipe_cell_is_no_number(mark: str) -> None:
    # `| … | 2<sup>1</sup> |`: the mark is no digit of the number, nor a value of the next column;
    # the cell stays text as printed (an exponent, 10<sup>3</sup>, would be a raised digit too).
    silent = []
    for report in reports():
        lines = tool_text(report, "html.pandoc-gfm").split("\n")
        for i, line in enumerate(lines):
            cells = line.rstrip().split("|")
            if line.startswith("|") and len(cells) > 3 and cells[-2].strip().isdigit():
                cells[-2] = f" {cells[-2].strip()}{mark} "
                lines[i] = "|".join(cells)
        found = score(truth(report), govdisclosure.parse("\n".join(lines)), keeps_blanks=False)
        silent += [
            f"{report}: {problem}" for problem in found.wrong + found.misread if "got text" not in problem
        ]
    assert silent == [], f"{len(silent)} wrong or other-kind cells, e.g. {silent[:5]}"
