"""Table 二's last column under a header the page's edge cut short: its values are said (cut_header.py).

A table wider than its page is cut at the page's edge. A review's Chromium PDF on A5 paper in 21 px
type (nowrap) printed `采购总金` for 采购总金额 and `228.2` for 228.27, through every PDF route: where
the header shows the cut, the values under it are not read as numbers.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score
from govdisclosure.template_spec import Block
from govdisclosure.templates import default_templates
from plain_table import TAIL, balanced_counts

REVIEW = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"
TEMPLATES = default_templates()
# Each block whose last column's label is long enough to be cut to a piece of two characters or more.
BLOCKS = [
    (name, block)
    for name in ("2019", "2021")
    for block in TEMPLATES[name].active_disclosure.blocks
    if len(TEMPLATES[name].active_disclosure.columns[block.columns[-1]].label.label) >= 4
]


def _block_lines(name: str, block: Block, labels: list[str], values: list[list[int]], gap: str) -> list[str]:
    """A block of table 二 as text: its caption, its header's labels on one line, a row a line."""
    spec = TEMPLATES[name].active_disclosure
    lines = [block.caption, gap.join(["信息内容", *labels])]
    return lines + [
        gap.join([spec.rows[row].label, *map(str, cells)])
        for row, cells in zip(block.rows, values, strict=True)
    ]


def _text(name: str, block: Block, last_label: str, values: list[list[int]], gap: str) -> str:
    spec = TEMPLATES[name].active_disclosure
    labels = [*(spec.columns[c].label.label for c in block.columns[:-1]), last_label]
    lines = ["二、主动公开政府信息情况", *_block_lines(name, block, labels, values, gap)]
    return "\n".join([*lines, "三、收到和处理政府信息公开申请情况"]) + "\n"


@given(st.sampled_from(BLOCKS), st.data(), st.sampled_from([" ", "    "]))
def test_values_under_a_header_cut_short_are_never_numbers(
    case: tuple[str, Block], data: st.DataObject, gap: str
) -> None:
    name, block = case
    spec = TEMPLATES[name].active_disclosure
    label = spec.columns[block.columns[-1]].label.label.split("（")[0]
    # (Down to the label's first character alone: `信息内容 采购项目数量 采` of 采购总金额, its
    # 545298元 cut to `5`, fresh review seed 20268822 r004-v0, A5, nowrap.)
    cut = data.draw(st.integers(1, len(label) - 1))
    width = len(block.columns)
    values = [data.draw(st.lists(st.integers(0, 99999), min_size=width, max_size=width)) for _ in block.rows]
    table = govdisclosure.parse(_text(name, block, label[:cut], values, gap)).tables.active_disclosure
    for row, cells in (table.rows if table is not None else {}).items():
        assert block.columns[-1] not in cells or row not in block.rows, (row, cells)
    # The header printed whole: the same values are read.
    whole = govdisclosure.parse(_text(name, block, label, values, gap)).tables.active_disclosure
    assert whole is not None
    assert all(
        [c.value for c in whole.rows[row].values()] == v for row, v in zip(block.rows, values, strict=True)
    )


@given(st.sampled_from(BLOCKS[1:]), st.data(), st.sampled_from([" ", "    "]))
def test_a_block_under_a_caption_the_edge_cut_is_still_read_as_cut(
    case: tuple[str, Block], data: st.DataObject, gap: str
) -> None:
    # Fresh review seed 20268827 r055-v1 (Chromium, A5, 21 px, nowrap, -layout and pdfplumber): the
    # page's edge cut 第二十条第（十）项 to `第二十条第`, read as another block's caption, and
    # 采购总金额 to `采购`; the header was checked against that other block's last column, and
    # 746625.6元 cut to `74662` was read.
    name, block = case
    spec = TEMPLATES[name].active_disclosure
    first = spec.blocks[0]
    label = spec.columns[block.columns[-1]].label.label.split("（")[0]
    cut = data.draw(st.integers(1, len(label) - 1))
    width = len(block.columns)
    values = [data.draw(st.lists(st.integers(0, 99999), min_size=width, max_size=width)) for _ in block.rows]
    before = [[0] * len(first.columns) for _ in first.rows]
    whole = [spec.columns[c].label.label for c in first.columns]
    labels = [*(spec.columns[c].label.label for c in block.columns[:-1]), label[:cut]]
    lines = ["二、主动公开政府信息情况", *_block_lines(name, first, whole, before, gap)]
    lines += ["第二十条第", *_block_lines(name, block, labels, values, gap)[1:]]
    lines += ["三、收到和处理政府信息公开申请情况"]
    table = govdisclosure.parse("\n".join(lines) + "\n").tables.active_disclosure
    for row, cells in (table.rows if table is not None else {}).items():
        assert block.columns[-1] not in cells or row not in block.rows, (row, cells)


@pytest.mark.parametrize(
    "route", ["pdftotext", "pdftotext-layout", "pdftotext-raw", "pdfminer", "pdfplumber"]
)
def test_the_review_text_cut_at_the_page_s_edge_gives_no_wrong_number(route: str) -> None:
    name = f"s20268803-nbsp-r062-v0.pdf-chromium.{route}.txt"
    truth = json.loads((REVIEW / "s20268803-nbsp-r062-v0.truth.json").read_text(encoding="utf-8"))
    found = score(truth, govdisclosure.parse((REVIEW / name).read_text(encoding="utf-8")), keeps_blanks=False)
    assert (found.wrong, found.misread) == ([], [])


def test_a_blank_past_the_edge_under_captions_it_cut_is_said() -> None:
    # Fresh review seed 20268849 r084-v1 (Chromium, A4 landscape, 19 px, nowrap, `-layout`): the
    # page's edge cut every caption to `第二十` and 行政事业性收费's note (`本年增/减（指2019年增加或减少
    # 的事`); 采购总金额 printed whole, its 0 past the edge, and the gap was read as a blank cell. The
    # first caption stood before the table's lines: until stop 74 the block the table opens with
    # was not read for the cut, so no block showed it.
    name = "s20268849-zeros-r084-v1"
    report = govdisclosure.parse(
        (REVIEW / f"{name}.pdf-chromium.pdftotext-layout.txt").read_text(encoding="utf-8")
    )
    table = report.tables.active_disclosure
    assert table is not None
    assert "procurement_amount" not in table.rows.get("centralized_procurement", {})
    assert any(
        "centralized_procurement: procurement_amount" in d.message and "page's edge" in d.message
        for d in report.diagnostics
    )
    assert table.rows["centralized_procurement"]["procurement_projects"].value == 126


# Blocks of two columns or more (a note before the last column's shows the header on one line).
WIDE = [(name, block) for name, block in BLOCKS if len(block.columns) >= 2]
NOTES = ["（指2018年事项数）", "（指2019年增加或减少的事项数，减用负值表示，如-8）", "（指2019年办件量）"]


def _noted(name: str, block: Block) -> list[str]:
    """The block's column labels, each with a note after it, as 2019 reports print them."""
    spec = TEMPLATES[name].active_disclosure
    return [
        f"{spec.columns[c].label.label.split('（')[0]}{NOTES[i % 3]}" for i, c in enumerate(block.columns)
    ]


def spec_label(name: str, column: str) -> str:
    """A column's label as the template prints it."""
    return TEMPLATES[name].active_disclosure.columns[column].label.label


def _values(data: st.DataObject, block: Block) -> list[list[int]]:
    width = len(block.columns)
    return [data.draw(st.lists(st.integers(0, 99999), min_size=width, max_size=width)) for _ in block.rows]


@given(st.sampled_from(WIDE), st.data(), st.sampled_from([" ", "    "]))
def test_values_under_a_header_whose_note_the_page_cut_are_never_numbers(
    case: tuple[str, Block], data: st.DataObject, gap: str
) -> None:
    # Review seeds 20268807 r055 and 20268808 r044 (Chromium, A5, nowrap): `处理决定数量（指`, the
    # page's edge cutting the note and 5059 to `50`, 76 to `7`; every route read them as numbers.
    name, block = case
    labels = _noted(name, block)
    core = len(labels[-1].split("（")[0])
    cut = data.draw(st.integers(core + 1, len(labels[-1]) - 1))  # `（` kept, `）` cut
    values = _values(data, block)
    text = "\n".join(
        [
            "二、主动公开政府信息情况",
            *_block_lines(name, block, [*labels[:-1], labels[-1][:cut]], values, gap),
        ]
    )
    table = govdisclosure.parse(text + "\n三、收到和处理政府信息公开申请情况\n").tables.active_disclosure
    for row, cells in (table.rows if table is not None else {}).items():
        assert block.columns[-1] not in cells or row not in block.rows, (row, cells)
    # The note printed whole: the same values are read.
    whole = "\n".join(["二、主动公开政府信息情况", *_block_lines(name, block, labels, values, gap)])
    read = govdisclosure.parse(whole + "\n三、收到和处理政府信息公开申请情况\n").tables.active_disclosure
    assert read is not None
    assert all(
        [c.value for c in read.rows[row].values()] == v for row, v in zip(block.rows, values, strict=True)
    )


@given(
    st.sampled_from(WIDE), st.sampled_from(WIDE), st.sampled_from(["left out", "whole", "noted"]), st.data()
)
def test_a_block_beside_a_cut_one_gives_its_last_column_no_number(
    cut_block: tuple[str, Block], other: tuple[str, Block], printed: str, data: st.DataObject
) -> None:
    # Review seed 20268808 r044 (plain pdftotext): under 第二十条第（五）项 `处理决定数量（指`; under
    # 第二十条第（六）项 nothing of it, and `53` of 536 read as 行政处罚's 处理决定数量. Seeds 20268802
    # r061, 20268811 r034 and 20268812 r099 (Chromium, nowrap): one block's note cut at the page's
    # edge (`本年增/减（指2019年增加或减少的事`), another's last label printed whole (`采购总金额`)
    # above `1,093,548.4` of 1,093,548.49, cut by the same edge. Table 二 is one table: its last
    # column stands at one place in every block, so the edge cuts them all, before or after.
    name, first = cut_block
    assume(other[0] == name and other[1] != first)
    second = other[1]
    labels = _noted(name, first)
    cut = labels[-1][: labels[-1].index("（") + data.draw(st.integers(2, 6))]
    values, more = _values(data, first), _values(data, second)
    header = {
        "left out": _noted(name, second)[:-1],
        "whole": [spec_label(name, c) for c in second.columns],
        "noted": _noted(name, second),
    }[printed]
    blocks = [
        _block_lines(name, first, [*labels[:-1], cut], values, "  "),
        _block_lines(name, second, header, more, "  "),
    ]
    # The edge may cut every caption too (`第二十` of 第二十条第（九）项: fresh review seed 20268849
    # r084-v1, Chromium, A4 landscape, 19 px, nowrap, whose 采购总金额's 0 past the edge was read as
    # a blank cell): the first then stands before the table's lines, and its block is read all the same.
    caption = data.draw(st.sampled_from([None, 3, 5]))
    if caption is not None:
        blocks = [[lines[0][:caption], *lines[1:]] for lines in blocks]
    if data.draw(st.booleans()):
        blocks.reverse()
    text = "\n".join(
        ["二、主动公开政府信息情况", *blocks[0], *blocks[1], "三、收到和处理政府信息公开申请情况"]
    )
    table = govdisclosure.parse(text).tables.active_disclosure
    for row, cells in (table.rows if table is not None else {}).items():
        if row in second.rows:
            assert second.columns[-1] not in cells, (row, cells)


@given(st.sampled_from(BLOCKS), st.data(), st.sampled_from([" ", "    "]))
def test_a_header_cell_s_last_line_printed_after_the_rows_is_no_cut(
    case: tuple[str, Block], data: st.DataObject, gap: str
) -> None:
    # Held-out seed 7 r087 (LibreOffice, plain pdftotext): `本年新制作数 本年新公开数 对外公开总数`
    # above the rows and `量` / `量` / `量` below them, each header cell's last line. No page's edge
    # cut 对外公开总数量: its values are read, and no other block's are said.
    name, block = case
    label = spec_label(name, block.columns[-1]).split("（")[0]
    cut = data.draw(st.integers(2, len(label) - 1))
    values = _values(data, block)
    lines = _block_lines(
        name, block, [*map(partial(spec_label, name), block.columns[:-1]), label[:cut]], values, gap
    )
    text = "\n".join(["二、主动公开政府信息情况", *lines, label[cut:], "三、收到和处理政府信息公开申请情况"])
    table = govdisclosure.parse(text).tables.active_disclosure
    assert table is not None
    assert [[c.value for c in table.rows[row].values()] for row in block.rows] == values


# Table 三's header as a PDF route prints it on one line a header row, 总计's cell cut off.
CUT_HEAD = [
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况",
    "自然人 法人或其他组织",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
]


def _edge_cut(total: int, keep: int, zero: str = "0") -> str:
    """A total as the page's edge left it: its first `keep` characters (a comma ending them dropped)."""
    return zero if total == 0 else f"{total:,}"[:keep].rstrip(",")


def _cut_table(
    name: str, header: str, rows: dict[str, list[int]], keep: int, gap: str, zero: str = "0"
) -> govdisclosure.Report:
    """Table 三 with `header` as its header's third line, each row's total cut (_edge_cut), a zero
    printed `zero`; every cell the report reads is the row's own."""
    lines = [*CUT_HEAD[:2], header, *CUT_HEAD[3:]]
    label = {r.id: r.label.label for r in TEMPLATES[name].applications.rows}
    for row, values in rows.items():
        printed = [zero if v == 0 else f"{v:,}" for v in values[:-1]]
        lines.append(gap.join([label[row], *printed, _edge_cut(values[-1], keep, zero)]))
    report = govdisclosure.parse("\n".join(["一、总体情况", *lines, *TAIL]))
    table = report.tables.applications
    assert table is not None
    columns = TEMPLATES[name].applications.value_columns
    for row, cells in table.rows.items():
        for column, cell in cells.items():
            value = rows[row][columns.index(column)]
            assert cell.value == (None if value == 0 and zero != "0" else value), (row, column, cell.raw)
    return report


@given(st.sampled_from(["2019", "2021"]), st.data(), st.sampled_from([" ", "   "]))
def test_totals_past_a_header_cut_before_its_last_column_are_never_numbers(
    name: str, data: st.DataObject, gap: str
) -> None:
    # Review seed 20268809 r049 (Chromium, nowrap; pdfplumber and -layout): the page's edge cut
    # table 三 left of 总计's header cell, and 2,469 to `2`, read as the row's 总计.
    rows = data.draw(balanced_counts(name, count=st.integers(10, 4000)))
    keep = data.draw(st.integers(1, 3))  # how many of the 总计's characters the edge left
    # The edge may cut through 总计's header cell too, leaving its first character (fresh review
    # seed 20268818 r045-v1, Chromium, nowrap, cells aligned right: `自然人 法人或其他组织 总`,
    # 3431 cut to `34`; pdfplumber and -raw).
    piece = data.draw(st.sampled_from(["", " 总"]))
    report = _cut_table(name, CUT_HEAD[2] + piece, rows, keep, gap)
    table = report.tables.applications
    assert table is not None
    # A total the edge cut is said, never read; one it left whole (`60`) reads as itself.
    cut = [row for row, v in rows.items() if _edge_cut(v[-1], keep) != f"{v[-1]:,}"]
    said = " ".join(d.message for d in report.diagnostics)
    assert all(f"{row}: total's header is cut off" in said for row in cut if row in table.rows)
    if all("," not in f"{v[-1]:,}"[:keep] for v in rows.values()):
        # (A piece like `4,9` reads as no number, and the printed order is then not read.)
        assert all(len(table.rows.get(row, {})) == 6 for row in rows), "the columns left of the cut"


@given(
    st.sampled_from(["2019", "2021"]),
    st.data(),
    st.sampled_from([" ", "   "]),
    st.sampled_from(["0", "0", "—", "/", "无"]),
)
def test_totals_cut_to_their_first_digits_under_a_whole_header_are_never_numbers(
    name: str, data: st.DataObject, gap: str, zero: str
) -> None:
    # Fresh review seed 20268824 r024-v0 (Chromium, A5, nowrap, cells aligned right; -layout): the
    # page's edge cut table 三 through 总计's numbers and not through its header, whose glyphs began
    # left of it: 22 printed `2`, 10 `1`, a one-digit 4 nothing, read as a blank 总计. Zeros may be
    # none marks and a cut total a grouped number's first digits (`12 — — — — — 1`, `1,90` for
    # 1,900: fresh review seed 20268833 r059-v1, Chromium, A5 landscape, nowrap; pdfplumber).
    count = st.one_of(st.just(0), st.just(0), st.integers(1, 40), st.integers(10, 4000))
    rows = data.draw(balanced_counts(name, count=count))
    keep = data.draw(st.integers(1, 3))  # how many of each total's characters the edge left
    shorter = [row for row, v in rows.items() if _edge_cut(v[-1], keep) != f"{v[-1]:,}"]
    # Two rows' totals cut, at least: one alone may be the report's own slip.
    assume(len(shorter) >= 2)
    report = _cut_table(name, CUT_HEAD[2] + " 总计", rows, keep, gap, zero)
    table = report.tables.applications
    assert table is not None
    said = " ".join(d.message for d in report.diagnostics)
    assert all(f"{row}: total is cut at the page's edge" in said for row in shorter if row in table.rows)
