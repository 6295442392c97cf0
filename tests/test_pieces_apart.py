"""A number pdftotext -layout printed in pieces one space apart (`10 5 6` for 1056, a PDF's
letter-spaced cells): as many values as columns, but not one in each (aligned.ColumnAnchors.refused)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score
from govdisclosure.layout.spaced import unspaced
from govdisclosure.layout.words import split_words
from govdisclosure.normalize import Line, normalize

REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"


def _report(values: dict[int, str]) -> govdisclosure.Report:
    """Table 二's first block, -layout style; 行政规范性文件's values at the given positions."""
    row = "    行政规范性文件"
    for at, value in sorted(values.items()):
        row = row.ljust(at) + value
    lines = [
        "二、主动公开政府信息情况",
        "",
        "                                   第二十条第（一）项",
        "",
        "    信息内容          本年制发件数            本年废止件数            现行有效件数",
        "",
        "    规章                  2                       2                      52",
        "",
        row,
        "",
        "                                   第二十条第（五）项",
    ]
    return govdisclosure.parse("\f" + "\n".join(lines))


def test_a_number_s_pieces_under_one_column_are_no_row_of_three_cells() -> None:
    # `10` stands over 规章's `52` (one column), and `5` and `6` right of it on its line: no
    # columns hold the page's values, and the three, one space apart, are said at their line.
    report = _report({70: "10 5 6"})
    table = report.tables.active_disclosure
    assert table is not None
    assert all(cell.value is None for cell in table.rows.get("normative_documents", {}).values())
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced" and d.line == 9]
    assert len(said) == 1 and "10 5 6" in said[0]


def test_a_row_s_values_under_their_columns_are_read() -> None:
    report = _report({26: "10", 50: "5", 74: "6"})
    table = report.tables.active_disclosure
    assert table is not None
    assert [c.raw for c in table.rows["normative_documents"].values()] == ["10", "5", "6"]
    assert [c.raw for c in table.rows["regulations"].values()] == ["2", "2", "52"]


@pytest.mark.parametrize("name", ["s20268806-nbsp-r005-v0", "s20268806-nbsp-r005-v1"])
def test_letter_spaced_cells_of_the_review_give_no_wrong_number(name: str) -> None:
    # Chromium's PDF, A4 landscape, 10 px type, letter-spacing 0.1 em: 1056 printed `10 5 6`
    # (`1 05 6` in the other variant), read as 规范性文件's three cells.
    truth = json.loads((REVIEW / f"{name}.truth.json").read_text(encoding="utf-8"))
    text = (REVIEW / f"{name}.pdf-chromium.pdftotext-layout.txt").read_text(encoding="utf-8")
    found = score(truth, govdisclosure.parse(text), keeps_blanks=True)
    assert (found.wrong, found.misread) == ([], [])


def test_a_line_of_pieces_sets_no_other_row_s_columns() -> None:
    # Fresh review seed 20268847 r031-v0 (Chromium, 0.25 em, nowrap, table 三 cut at the page's
    # edge before 总计): 一、本年新收's `11 5 6   265   43   27   81` for 1,156, 265, 43, 27, 81 (said:
    # its row total fails as it stands) had set four columns before 265's, and so 二、上年结转's `2`
    # under 265 read as 社会公益组织's (truth: 商业企业). A line read as a number's pieces anchors no
    # column (aligned.column_anchors).
    name = "s20268847-blank-r031-v0"
    truth = json.loads((REVIEW / f"{name}.truth.json").read_text(encoding="utf-8"))
    text = (REVIEW / f"{name}.pdf-chromium.pdftotext-layout.txt").read_text(encoding="utf-8")
    found = score(truth, govdisclosure.parse(text), keeps_blanks=True)
    assert (found.wrong, found.misread) == ([], [])


# --- table 三 in text read as no aligned text: a letter-spaced number's pieces, blank cells dropped -

APPLICATIONS = govdisclosure.default_templates()["2021"].applications


@st.composite
def _pieces_for_blanks(draw: st.DrawFn) -> tuple[list[int | None], str]:
    """A row of six applicant cells and its 总计, some cells blank, printed on its label's line
    three spaces a cell and blank cells left out, with numbers in letter-spaced pieces one space
    apart, as many pieces more as blank cells left out: seven values, as seven cells print
    (`2 20 6   29 0   28         2524` for 2206 290 28 ∅ ∅ ∅ 2524; fresh review seed 20268816
    r062-v0, 0.1 em, pdftotext `-layout` read as no aligned text)."""
    blanks = draw(st.integers(1, 3), label="blank cells")
    numbers = draw(st.lists(st.integers(10, 9999), min_size=6 - blanks, max_size=6 - blanks))
    cells: list[int | None] = [*numbers, *[None] * blanks]
    cells = draw(st.permutations(cells), label="cells")
    # Cut digits off one number or several, a piece more for each blank cell left out.
    cuts: dict[int, set[int]] = {i: set() for i, c in enumerate(cells) if c is not None}
    for _ in range(blanks):
        open_ = [i for i in cuts if len(cuts[i]) < len(str(cells[i])) - 1]
        i = draw(st.sampled_from(open_), label="number cut")
        free = [at for at in range(1, len(str(cells[i]))) if at not in cuts[i]]
        cuts[i].add(draw(st.sampled_from(free), label="cut at"))
    printed = []
    for i, cell in enumerate(cells):
        if cell is None:
            continue
        digits = str(cell)
        bounds = [0, *sorted(cuts[i]), len(digits)]
        printed.append(" ".join(digits[a:b] for a, b in itertools.pairwise(bounds)))
    total = sum(c for c in cells if c is not None)
    return [*cells, total], "   ".join([*printed, str(total)])


@given(_pieces_for_blanks(), st.booleans())
def test_a_number_s_pieces_making_up_for_blank_cells_give_no_wrong_number(
    case: tuple[list[int | None], str], wrapped: bool
) -> None:
    # Read as they stand, the pieces sum to less than the number, so the row total fails. The
    # values on the label's line, or on a line of their own inside its wrapped cell (r062-v0's
    # `一、本年新收政府信息公` / values / `开申请数量`).
    cells, line = case
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况"]
    lines += [c.label.label for c in APPLICATIONS.columns.values()]
    label = "一、本年新收政府信息公开申请数量"
    lines += [label[:11], line, label[11:]] if wrapped else [f"{label}   {line}"]
    lines += ["四、政府信息公开行政复议、行政诉讼情况"]
    table = govdisclosure.parse("\n".join(lines)).tables.applications
    got = table.rows.get("new_received", {}) if table is not None else {}
    columns = list(APPLICATIONS.columns)
    assert {c: cell.value for c, cell in got.items() if cell.value is not None} == {
        c: cells[columns.index(c)] for c in got if got[c].value is not None
    }


# --- a decimal letter-spaced at its point: `88. 34` for 88.34 (pdftotext -layout) ---------------


def _fee_block(printed: str, wrapped: bool) -> govdisclosure.Report:
    """Table 二's fee block, -layout style: 行政事业性收费's 收费金额 printed as `printed`, on the
    label's line or between its wrapped pieces (`行政事业性` / `88. 34` / `收费`)."""
    head = ["二、主动公开政府信息情况", "", "    第二十条第（八）项", ""]
    head += ["    信息内容          本年收费金额（单位：万元）", ""]
    rows = (
        ["    行政事业性", f"               {printed}", "    收费"]
        if wrapped
        else [f"    行政事业性收费    {printed}"]
    )
    tail = ["", "三、收到和处理政府信息公开申请情况"]
    return govdisclosure.parse("\f" + "\n".join([*head, *rows, *tail]))


@given(st.integers(1, 9999), st.integers(0, 99), st.booleans())
def test_a_decimal_in_pieces_at_its_point_is_never_its_fraction(
    whole: int, fraction: int, wrapped: bool
) -> None:
    # Fresh review seed 20268819 r018-v1 (Chromium's PDF, 0.1 em letter-spacing, -layout): 88.34
    # printed `88. 34` between the wrapped label's pieces, read as 34. `88.` reads as a numbered
    # label's mark (`1.`), so the 34 stood alone. A number ending in its point with digits one
    # space after it is one number's pieces (layout/words._decimal_pieces).
    value = f"{whole}.{fraction:02d}"
    table = _fee_block(f"{whole}. {fraction:02d}", wrapped).tables.active_disclosure
    cells = table.rows.get("administrative_fees", {}) if table is not None else {}
    assert [c.raw for c in cells.values() if c.value is not None] in ([], [value])


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("           88. 34", ["broken", "broken"]),
        ("行政事业性收费    25 35. 29", ["text", "value", "broken", "broken"]),
        # A numbered label's mark, its words wrapped elsewhere, and its row (pdfplumber; review
        # seed 20268818 r051-v0): no decimal's pieces, though `8.` and `5` stand one space apart.
        ("8. 5 4 0 0 0 0 9", ["text", *["value"] * 7]),
    ],
)
def test_only_a_line_s_last_two_words_are_a_decimal_s_pieces(line: str, kinds: list[str]) -> None:
    row = split_words(Line(7, line, line))
    assert [t.kind for t in row.tokens] == kinds


# --- table 二, no identity: a number's pieces one space apart make up for a blank cell ----------


@st.composite
def _block_row_with_pieces(draw: st.DrawFn) -> tuple[list[str], str]:
    """规范性文件's three cells, one blank, printed -layout style as a line between its wrapped
    label's pieces: the cells under their headers, the blank one left out, and one number in two
    letter-spaced pieces one space apart (`147        14 7` for 147, blank, 147: fresh review
    seed 20268821 r075-v1, Chromium's PDF at 0.1 em)."""
    cells = draw(st.lists(st.integers(10, 9999).map(str), min_size=2, max_size=2))
    blank = draw(st.integers(0, 2), label="blank cell")
    cells.insert(blank, "")
    cut = draw(st.sampled_from([i for i, c in enumerate(cells) if c]), label="number cut")
    at = draw(st.integers(1, len(cells[cut]) - 1), label="cut at")
    line = "       "
    for column, (cell, start) in enumerate(zip(cells, (7, 31, 54), strict=True)):
        printed = f"{cell[:at]} {cell[at:]}" if column == cut else cell
        line = line.ljust(start) + printed if cell else line
    return cells, line


@given(_block_row_with_pieces())
def test_a_number_s_pieces_for_a_blank_cell_of_table_two_give_no_wrong_number(
    case: tuple[list[str], str],
) -> None:
    # Table 二 has no identity to check a row: in aligned text, as many values as cells, one pair
    # of them one space apart, may be a number's pieces (rows.py: said, PIECES_APART). The review
    # text itself, 规范性文件's values line replaced.
    cells, line = case
    text = (REVIEW / "s20268821-blank-r075-v1.pdf-chromium.pdftotext-layout.txt").read_text(encoding="utf-8")
    printed = "       147                                            14 7\n"
    assert printed in text
    table = govdisclosure.parse(text.replace(printed, line + "\n")).tables.active_disclosure
    got = table.rows.get("normative_documents", {}) if table is not None else {}
    assert all(cell.raw == cells[i] for i, cell in enumerate(got.values()))


# --- table 三, aligned: a narrow column's value and the next one's, their pieces one space apart --

# Where each of table 三's seven columns ends on a line, -layout style: 其他 is narrow, so a wide
# 总计 printed right-aligned may start one space after 其他's value (fresh review seed 20268821
# r100-v1, Chromium's PDF at 0.5 em: `2   2 3 , 1 3 3` for 法律服务机构's 2, 其他's 2, 总计's 3,133).
COLUMN_ENDS = (130, 134, 138, 142, 146, 150, 160)


def _aligned_row(label: str, cells: list[int], zero: str) -> str:
    """A table 三 row, letter-spaced, each value right-aligned at its column's end (COLUMN_ENDS),
    one space after the value before it where it runs into that one's column; 0 as `zero`."""
    line = " ".join(label)
    for cell, end in zip(cells, COLUMN_ENDS, strict=True):
        printed = " ".join(f"{cell:,}") if cell else zero
        line = line.ljust(end - len(printed)) if end - len(printed) > len(line) else line + " "
        line += printed
    return line


@st.composite
def _narrow_column_runs_into_the_total(draw: st.DrawFn) -> tuple[list[list[int]], str]:
    """Table 三 in aligned text, a row a line, every cell printed (0 as `0` or `—`); in some rows
    其他's value and a 总计 of four digits or more run together one space apart, and a `—` of
    法律服务机构 one space before them too (review seed 20268814 r032-v1: `— 1 1 1 , 6 0 1` for —,
    11 and 1,601). The rows' cells and the text."""
    zero = draw(st.sampled_from(["0", "—"]), label="zero printed")
    rows = [row for row in APPLICATIONS.rows if row.standard]
    cells: list[list[int]] = []
    lines = ["\f三 、 收 到 和 处 理 政 府 信 息 公 开 申 请 情 况", ""]
    lines += [" " * 130 + "申 请 人 情 况", " " * 126 + "自然人   法人或其他组织   总计"]
    lines += [" " * 126 + "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    joined = draw(st.sets(st.sampled_from([row.id for row in rows]), min_size=1), label="rows run together")
    for row in rows:
        if row.id == "granted":
            lines.append("三 、 本 年 度 办 理 结 果")
        small = st.integers(0, 9)
        values = [draw(st.integers(1_000, 99_999) if row.id in joined else small)]
        values += [draw(small) for _ in range(4)]
        values.append(draw(st.integers(1, 99) if row.id in joined else small))
        cells.append([*values, sum(values)])
        lines.append(_aligned_row(row.label.label, cells[-1], zero))
    lines.append("四 、 政 府 信 息 公 开 行 政 复 议 、 行 政 诉 讼 情 况")
    return cells, "\n".join(lines) + "\n"


@given(_narrow_column_runs_into_the_total())
def test_a_narrow_column_s_value_run_into_the_next_one_s_gives_no_wrong_number(
    case: tuple[list[list[int]], str],
) -> None:
    # Read as one run, `2 3 , 1 3 3` is 23,133; where it starts says 其他, where it ends says 总计
    # (another row's 总计 stands there). Until stop 64 a letter-spaced number's run kept its
    # first piece's end (one space before the next piece: says nothing), so the run was placed
    # by its start alone: 23,133 under 其他, 总计 blank. Its two ends now contradict each other;
    # and where a word stands one space before it (`— 1 1 1 , 6 0 1`), its end says nothing of
    # where its first pieces stand: neither end places it.
    cells, text = case
    table = govdisclosure.parse(text).tables.applications
    assert table is not None
    columns = list(APPLICATIONS.columns)
    rows = [row.id for row in APPLICATIONS.rows if row.standard]
    for row, values in zip(rows, cells, strict=True):
        for column, cell in table.rows.get(row, {}).items():
            assert cell.value in (None, values[columns.index(column)]), (row, column, cell.raw)


def test_a_letter_spaced_number_ending_its_line_ends_its_run_there() -> None:
    (line,) = normalize("行 政 许 可   3 , 1 2 9   2   2 3 , 1 3 3")
    tokens = unspaced(split_words(line), aligned=True).tokens
    assert [(t.text, t.x, t.joined) for t in tokens if t.kind == "value"] == [
        ("3,129", (10, 19), (False, False)),
        ("2", (22, 23), (False, False)),
        ("23,133", (26, 37), (False, False)),
    ]


def test_a_letter_spaced_number_one_space_from_another_word_stands_nowhere() -> None:
    (line,) = normalize("行 政 许 可   1 , 5 8 4   —   — 1 1 1 , 6 0 1")
    tokens = unspaced(split_words(line), aligned=True).tokens
    assert [(t.text, t.joined) for t in tokens if t.kind == "value"] == [
        ("1,584", (False, False)),
        ("—", (False, False)),
        ("—", (False, True)),
        ("111,601", (True, True)),
    ]
