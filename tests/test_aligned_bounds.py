"""Where aligned text's runs stand bounds their columns (tables/bounds.py, tables/spelled.py).

The pages here are drawn the way poppler's column assignment prints them (pdftotext -layout,
`TextOutputDev.cc`): each value stands somewhere inside its cell, cells apart; a value's printed
column is at least one space (three, between text blocks) past every value wholly left of it on
the page, and drifts further right by any amount (a wide label, header words left of it). The
solver must never give a value a column other than its own, and must settle every value of a
row that prints every column.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.layout import CellRow, Token
from govdisclosure.layout.words import WordRuns, split_words
from govdisclosure.lexicon import Entry
from govdisclosure.normalize import normalize
from govdisclosure.tables.aligned import column_anchors
from govdisclosure.tables.bounds import PrintedRun, settled_columns
from govdisclosure.tables.regions import MatchedRow
from govdisclosure.tables.shape import RowShape, Segment
from govdisclosure.tables.spelled import HeaderLabels, header_lines, spelled_columns
from govdisclosure.templates import default_templates


class Drawn(NamedTuple):
    """A value of a drawn page: its line, its true column, where it stands on the page and is printed."""

    line: int
    column: int
    x: tuple[int, int]
    printed: tuple[int, int]


@st.composite
def pages(draw: st.DrawFn) -> tuple[int, list[Drawn]]:
    """A page of one table's values as pdftotext -layout would print it, and the table's width."""
    width = draw(st.integers(1, 7))
    cell = draw(st.integers(1, 9))  # the widest text a cell holds
    apart = draw(st.integers(1, 6))  # between one cell's text and the next's
    gap = draw(st.sampled_from([1, 3]))
    placed: list[tuple[int, int, tuple[int, int]]] = []
    for line in range(draw(st.integers(1, 9))):
        for column in sorted(draw(st.sets(st.integers(0, width - 1)))):
            length = draw(st.integers(1, cell))
            start = column * (cell + apart) + draw(st.integers(0, cell - length))
            placed.append((line, column, (start, start + length)))
    drawn: list[Drawn] = []
    # Printed in x order: a value's column is the largest of its drift and, over the values wholly
    # left of it, their printed end plus the gap.
    for line, column, x in sorted(placed, key=lambda p: p[2][0]):
        floor = max((d.printed[1] + gap for d in drawn if d.x[1] < x[0]), default=0)
        start = max(floor, draw(st.integers(0, 40)))
        drawn.append(Drawn(line, column, x, (start, start + x[1] - x[0])))
    return width, drawn


def _runs(drawn: list[Drawn], known: frozenset[int] = frozenset()) -> list[PrintedRun]:
    """The drawn values as the solver reads them, those numbered in `known` with their columns."""
    return [
        PrintedRun((d.line, d.printed), d.printed[0], d.printed[1], d.column if i in known else None)
        for i, d in enumerate(drawn)
    ]


@given(pages(), st.data())
def test_no_value_is_settled_in_another_column(page: tuple[int, list[Drawn]], data: st.DataObject) -> None:
    width, drawn = page
    # Some columns known beforehand (a header word's, a cluster's), as the parser may know them.
    known = data.draw(st.frozensets(st.integers(0, max(len(drawn) - 1, 0))))
    settled = settled_columns(_runs(drawn, known), width)
    # The true columns meet every bound, so the bounds never cross on a page printed this way.
    assert settled is not None
    for d in drawn:
        if (d.line, d.printed) in settled:
            assert settled[(d.line, d.printed)] == d.column


@given(pages())
def test_a_row_printing_every_column_is_settled(page: tuple[int, list[Drawn]]) -> None:
    width, drawn = page
    settled = settled_columns(_runs(drawn), width)
    assert settled is not None
    for line in {d.line for d in drawn}:
        row = [d for d in drawn if d.line == line]
        if len(row) == width:
            assert all(settled.get((d.line, d.printed)) == d.column for d in row)


@given(pages(), st.data())
def test_a_side_not_its_runs_says_nothing(page: tuple[int, list[Drawn]], data: st.DataObject) -> None:
    # A value one space after another word continues that word's run: its start (or its end) is
    # not used. Knowing less, the solver must still give no value another column.
    width, drawn = page
    runs = [
        PrintedRun(
            (d.line, d.printed),
            None if data.draw(st.booleans()) else d.printed[0],
            None if data.draw(st.booleans()) else d.printed[1],
        )
        for d in drawn
    ]
    settled = settled_columns(runs, width)
    assert settled is not None
    for d in drawn:
        assert settled.get((d.line, d.printed), d.column) == d.column


def test_values_touching_are_one_column_and_a_line_reads_left_to_right() -> None:
    # `1,411` (30-35) and `8` (33-34) touch: one column. The line of 5 and 7 holds two columns.
    runs = [
        PrintedRun((1, (30, 35)), 30, 35),
        PrintedRun((1, (40, 41)), 40, 41),
        PrintedRun((2, (33, 34)), 33, 34),
        PrintedRun((3, (30, 31)), 30, 31, column=0),
    ]
    assert settled_columns(runs, 2) == {
        (1, (30, 35)): 0,
        (1, (40, 41)): 1,
        (2, (33, 34)): 0,
        (3, (30, 31)): 0,
    }


def test_runs_one_touching_the_next_are_one_column_and_a_space_apart_are_not() -> None:
    # Known in column 0, a run at 30-35 (its end, 35, is the column after its last character).
    # One starting at 35 touches it: column 0. One starting at 37, a space after both, may be
    # either column.
    known = PrintedRun((1, (30, 35)), 30, 35, column=0)
    touching, apart = PrintedRun((2, (35, 36)), 35, 36), PrintedRun((3, (37, 38)), 37, 38)
    assert settled_columns([known, touching, apart], 2) == {(1, (30, 35)): 0, (2, (35, 36)): 0}
    # The other way: a run ending at 35, where one known in column 1 starts, is in column 1.
    right = PrintedRun((1, (35, 40)), 35, 40, column=1)
    assert settled_columns([right, PrintedRun((2, (30, 35)), 30, 35)], 2) == {
        (1, (35, 40)): 1,
        (2, (30, 35)): 1,
    }


def test_bounds_that_cross_settle_nothing() -> None:
    # Two values touching, known in two columns: the page is not printed as the rule says.
    runs = [PrintedRun((1, (30, 32)), 30, 32, column=0), PrintedRun((2, (31, 33)), 31, 33, column=1)]
    assert settled_columns(runs, 2) is None


Lines = list[tuple[int, tuple[tuple[int, int, str], ...]]]
STACKED: list[tuple[Lines, list[tuple[str, ...]], dict[int, list[int]]]] = [
    (
        # 自 / 然 / 人 and 商 / 业 / 企 / 业, each word under the one above.
        [
            (10, ((30, 31, "自"), (38, 39, "商"))),
            (11, ((30, 31, "然"), (38, 39, "业"))),
            (12, ((31, 32, "人"), (38, 39, "企"))),
            (13, ((38, 39, "业"),)),
        ],
        [("自然人",), ("商业企业",)],
        {10: [0, 1], 11: [0, 1], 12: [0, 1], 13: [1]},
    ),
    (
        # 科 / 研 / 机 / 构 at 43; 法律服务机构's 机构 at 52, on 机's line. 科 + 研 + that 机构
        # spells 科研机构 too, but 机构 does not stand under 研: one spelling, the stacked one.
        [
            (10, ((43, 44, "科"), (52, 54, "法律"))),
            (11, ((43, 44, "研"), (52, 54, "服务"))),
            (12, ((43, 44, "机"), (52, 54, "机构"))),
            (13, ((43, 44, "构"),)),
        ],
        [("科研机构",), ("法律服务机构",)],
        {10: [0, 1], 11: [0, 1], 12: [0, 1], 13: [0]},
    ),
]


@pytest.mark.parametrize(("lines", "labels", "columns"), STACKED)
def test_words_stacked_under_each_other_that_spell_a_label_are_its_column(
    lines: Lines, labels: list[tuple[str, ...]], columns: dict[int, list[int]]
) -> None:
    fixed = spelled_columns(lines, labels)
    found: dict[int, list[int]] = {}
    for run in sorted(fixed):
        assert run.column is not None
        found.setdefault(run.place[0], []).append(run.column)
    assert found == columns


def test_a_label_spelled_two_ways_fixes_nothing() -> None:
    # Two stacks both spell 其他: neither is known to be the column's.
    lines = [(10, ((30, 31, "其"), (40, 41, "其"))), (11, ((30, 31, "他"), (40, 41, "他")))]
    assert spelled_columns(lines, [("其他",)]) == []


def test_labels_spelled_with_a_word_in_common_fix_nothing() -> None:
    # One 机构 (44-53) stands under both 研 and 服务: 科研机构 and 法律服务机构 are each spelled
    # once, but one word cannot stand in two cells, so neither stack is known to be its column's.
    lines = [
        (10, ((43, 44, "科"), (52, 54, "法律"))),
        (11, ((43, 44, "研"), (52, 54, "服务"))),
        (12, ((44, 53, "机构"),)),
    ]
    assert spelled_columns(lines, [("科研机构",), ("法律服务机构",)]) == []


def test_words_a_squeezed_line_placed_fix_nothing() -> None:
    # `然 商业 科研`: poppler made words of three cells one line, printed squeezed (held-out
    # seed 7 r049: read, it put 商业企业's 2 under 社会公益组织). 自, 社会, 人 and 公益 touch it,
    # 组织 touches 公益: the block holding the squeezed line placed them all.
    lines = [
        (10, ((26, 27, "自"), (34, 36, "社会"))),
        (11, ((26, 36, "然 商业 科研"),)),
        (12, ((26, 27, "人"), (34, 36, "公益"))),
        (13, ((34, 36, "组织"),)),
    ]
    assert spelled_columns(lines, [("自然人",), ("商业企业",), ("科研机构",), ("社会公益组织",)]) == []
    # Without the squeezed line, the stacks are read.
    fixed = spelled_columns([lines[0], lines[2], lines[3]], [("自然人",), ("社会公益组织",)])
    # (自 / 人 spell nothing without 然.)
    assert sorted((run.place, run.column) for run in fixed) == [
        ((10, (34, 36)), 1),
        ((12, (34, 36)), 1),
        ((13, (34, 36)), 1),
    ]


def test_words_under_a_word_a_squeezed_line_placed_fix_nothing() -> None:
    # 社会 stands under the end of `然 商业 科研`, 公益 and 组织 under 社会 but clear of the
    # squeezed line: poppler placed each under the line above, so they moved with it.
    lines = [
        (10, ((30, 37, "然 商业 科研"),)),
        (11, ((36, 38, "社会"),)),
        (12, ((37, 39, "公益"),)),
        (13, ((37, 39, "组织"),)),
    ]
    assert spelled_columns(lines, [("公益组织",)]) == []
    # Without the squeezed line, they are a stack.
    assert [run.column for run in spelled_columns(lines[1:], [("公益组织",)])] == [0, 0]


def test_words_one_space_after_a_squeezed_line_fix_nothing() -> None:
    # Held-out seed 7's r160 (Chromium): 社会 printed one space after `然 商业 科研` (31-38) on
    # the line below, 公益 and 组织 under it, stood where 科研机构's values stood (its `1` at 40).
    # 法律 / 服务 / 机构, 其 / 他 and 总 / 计 stand apart from them all and keep their columns.
    lines = [
        (2, ((31, 32, "自"),)),
        (3, ((39, 41, "社会"), (48, 50, "法律"), (57, 58, "总"))),
        (4, ((31, 38, "然 商业 科研"), (53, 54, "其"))),
        (5, ((39, 41, "公益"), (48, 50, "服务"), (57, 58, "计"))),
        (6, ((31, 38, "人 企业 机构"), (53, 54, "他"))),
        (7, ((39, 41, "组织"), (48, 50, "机构"))),
    ]
    labels = [("社会公益组织",), ("法律服务机构",), ("其他",), ("总计",)]
    fixed = spelled_columns(lines, labels)
    assert sorted({(run.place[1], run.column) for run in fixed}) == [
        ((48, 50), 1),
        ((53, 54), 2),
        ((57, 58), 3),
    ]


def test_a_squeezed_line_at_the_right_leaves_the_stacks_left_of_it() -> None:
    # Chromium's r016: `其 总计` (57-61) squeezed; 他 stands under it. The stacks left of it are
    # no block of its, and fix their columns; 他 does not, and neither does 总计.
    lines = [
        (2, ((38, 39, "商"), (43, 44, "科"))),
        (3, ((30, 32, "自然"), (47, 49, "社会"))),
        (4, ((38, 39, "业"), (43, 44, "研"), (57, 61, "其 总计"))),
        (5, ((31, 32, "人"), (47, 49, "公益"))),
        (6, ((38, 39, "企"), (43, 44, "机"), (57, 58, "他"))),
        (7, ((47, 49, "组织"),)),
        (8, ((38, 39, "业"), (43, 44, "构"))),
    ]
    labels = [("自然人",), ("商业企业",), ("科研机构",), ("社会公益组织",), ("其他",), ("总计",)]
    fixed = spelled_columns(lines, labels)
    assert sorted({(run.place[1], run.column) for run in fixed}) == [
        ((30, 32), 0),
        ((31, 32), 0),
        ((38, 39), 1),
        ((43, 44), 2),
        ((47, 49), 3),
    ]


def test_two_columns_words_one_apart_bound_their_values_one_way() -> None:
    # 社会 starts one space after 商业 (34-36) on the line below, and 公益 one space after 企业:
    # poppler sets two text blocks three columns apart or more, so the four are one block's lines,
    # set a character a column while values under the block stand at a share of its width
    # (tests/test_header_block.py). Both stacks fix their columns, bounding values one way only:
    # a value starting left of a word is in its column or left of it.
    lines = [
        (9, ((37, 39, "社会"),)),
        (10, ((34, 36, "商业"),)),
        (11, ((34, 36, "企业"),)),
        (12, ((37, 39, "公益"),)),
    ]
    fixed = spelled_columns(lines, [("商业企业",), ("社会公益",)])
    assert sorted(fixed) == [
        PrintedRun((9, (37, 39)), None, 36, 1),
        PrintedRun((10, (34, 36)), None, 33, 0),
        PrintedRun((11, (34, 36)), None, 33, 0),
        PrintedRun((12, (37, 39)), None, 36, 1),
    ]
    # Three apart, they may be blocks of their own, each bounding its values both ways.
    apart = [
        (9, ((39, 41, "社会"),)),
        (10, ((34, 36, "商业"),)),
        (11, ((34, 36, "企业"),)),
        (12, ((39, 41, "公益"),)),
    ]
    assert sorted(spelled_columns(apart, [("商业企业",), ("社会公益",)])) == [
        PrintedRun((9, (39, 41)), 39, 41, 1),
        PrintedRun((10, (34, 36)), 34, 36, 0),
        PrintedRun((11, (34, 36)), 34, 36, 0),
        PrintedRun((12, (39, 41)), 39, 41, 1),
    ]


def test_a_value_one_space_after_a_word_says_so() -> None:
    (line,) = normalize("  申请数量 299   5 6   1,411")
    values = [t for t in split_words(line).tokens if t.kind == "value"]
    assert [(v.text, v.x, v.joined) for v in values] == [
        ("299", (7, 10), (True, False)),
        ("5", (13, 14), (False, True)),
        ("6", (15, 16), (True, False)),
        ("1,411", (19, 24), (False, False)),
    ]


def _header_labels() -> HeaderLabels:
    columns = {"natural_person": ("自然人",), "commercial_enterprise": ("商业企业",)}
    return HeaderLabels(columns, ("申请人情况", "法人或其他组织", "自然人", "商业企业"))


def test_the_header_is_the_lines_of_header_words_right_above_the_first_row() -> None:
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",  # 1: the title ends the header
            "",
            "                申请人情况",  # 3
            "                法人或其他组织",  # 4
            "",
            "        自    商",  # 6
            "        然    业",  # 7
            "        人    企",  # 8
            "              业",  # 9
            "一、本年新收   1    2",  # 10: the first row
        ]
    )
    runs = WordRuns(normalize(text))
    assert [number for number, _ in header_lines(runs, 10, _header_labels())] == [3, 4, 6, 7, 8, 9]
    # A sentence ends it too (one standing between header lines, line 5); so does a page's first
    # line above (a form feed).
    lines = text.split("\n")
    lines[4] = "本年度申请办理情况如下："
    sentence = "\n".join(lines)
    assert [n for n, _ in header_lines(WordRuns(normalize(sentence)), 10, _header_labels())] == [6, 7, 8, 9]
    paged = text.replace("        自    商", "\f        自    商")
    assert [n for n, _ in header_lines(WordRuns(normalize(paged)), 10, _header_labels())] == [6, 7, 8, 9]


def _row(line: int, label: str, values: list[Token]) -> tuple[MatchedRow, RowShape]:
    """A row of one label and its values on one line of page 0, as the table step sees it."""
    words = Token("text", label, line, (0, len(label)))
    row = MatchedRow(CellRow((words, *values), line, "spaces", "words"), ())
    anchor = Entry("applications", "row", f"row{line}", label, label)
    segment = Segment(anchor, frozenset(), tuple(values), line, "words")
    return row, RowShape(line, (), (segment,), True)


def test_a_value_run_into_its_label_is_bounded_by_where_it_ends_only() -> None:
    # Line 1 prints all three columns at 30, 40 and 50. Line 2's 9 stands one space after its
    # label (`申请数量 9`): its run starts with the label, so 9's own start (13, left of every
    # column) says nothing, and 9 may be any of the three columns.
    columns = ("a", "b", "c")
    full = [Token("value", v, 1, (x, x + 1)) for v, x in (("1", 30), ("2", 40), ("3", 50))]
    nine = Token("value", "9", 2, (13, 14), joined=(True, False))
    rows, shapes = zip(_row(1, "一、本年新收", full), _row(2, "申请数量", [nine]), strict=True)
    anchors = column_anchors(rows, shapes, lambda _: columns)
    assert anchors.pick(full, columns) == full
    assert anchors.pick([nine], columns) is None


def test_a_values_line_between_two_blocks_of_other_columns_is_neither_block_s() -> None:
    # Block one (columns a, b) prints 1 and 2 at 30 and 40; a line of 7 alone, no label; then a
    # row of block two (columns c, d). The 7 could be block two's, printed above its label.
    first = [Token("value", "1", 1, (30, 31)), Token("value", "2", 1, (40, 41))]
    seven = Token("value", "7", 2, (30, 31))
    one, two = _row(1, "规章", first), _row(3, "行政许可", [Token("value", "5", 3, (60, 61))])
    lone = (MatchedRow(CellRow((seven,), 2, "spaces", "words"), ()), RowShape(2, (seven,), (), False))
    blocks = {"row1": ("a", "b"), "row3": ("c", "d")}
    rows, shapes = zip(one, lone, two, strict=True)
    anchors = column_anchors(rows, shapes, lambda row: blocks.get(row))
    assert anchors.pick(first, ("a", "b")) == first
    assert anchors.pick([seven], ("a", "b")) is None


_ROW_LABELS = sorted(
    {row.label for t in default_templates() for row in t.active_disclosure.rows.values()}
    | {row.label.label for t in default_templates() for row in t.applications.rows}
)


@given(
    label=st.sampled_from(_ROW_LABELS),
    value=st.one_of(
        st.integers(0, 10**7).map(str),
        st.integers(1000, 10**7).map(lambda n: f"{n:,}"),
        st.decimals(0, 10**6, places=2).map(str),
    ),
    indent=st.integers(0, 8),
)
def test_a_value_run_into_its_row_label_is_a_value_of_its_own(label: str, value: str, indent: int) -> None:
    # Fresh review seed 20268826 r030-v1 and r025-v0 (Chromium's PDFs, cells padded 0, aligned left,
    # through -layout): `行政规范性文件17                2               17` and `行政事业性收费906.47`,
    # the label's cell ending right where its row's first value begins. Read as one word, the label
    # swallowed the value, and 17 came back a blank cell.
    (line,) = normalize(f"{' ' * indent}{label}{value}   5")
    tokens = split_words(line).tokens
    assert [(t.kind, t.text) for t in tokens] == [("text", label), ("value", value), ("value", "5")]
    start = indent + len(label)
    assert tokens[1].x == (start, start + len(value))


@pytest.mark.parametrize("words", ["（指2019年事项数）", "第二十条第（一）项", "2021年", "本年增/减"])
def test_a_word_ending_in_no_number_after_a_label_stays_one_word(words: str) -> None:
    (line,) = normalize(f"信息内容   {words}")
    assert [t.kind for t in split_words(line).tokens] == ["text"]
