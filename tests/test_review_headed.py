"""Table 四's header cells printed among its values in a PDF's reading order (tables/review_headed.py).

A review's Chromium PDF (seed 20268801 r091, 4 em label cells aligned bottom, through pdfminer)
printed each value after its own column's header cell, a few characters a line, the cells in
another order than the columns': `结` / `果` / `纠` / `正` / `2` / `其` / `他` / `结` / `果` / `0` /
`尚` / `未` / `审` / `结` / `3` / `结果维` / `持` / `0` / `总` / `计` / `5`. The run `2 0 3 0 5` holds
its total read in printed order, and 行政复议's 2 was read as 结果维持's (the report: 结果纠正).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

import govdisclosure
from corpus.score import score

COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
GROUPS = ["review", "litigation_direct", "litigation_after_review"]
HEAD = ["\f四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后 起诉"]
TAIL = ["五、存在的主要问题及改进情况", "无。"]
_CELL = st.one_of(st.sampled_from(["0", "—", "/"]), st.integers(0, 40).map(str))


def _pieces(label: str, sizes: list[int]) -> list[str]:
    """The label a few characters a line, as a narrow header cell wraps it."""
    out, at = [], 0
    for size in sizes:
        if at < len(label):
            out.append(label[at : at + size])
            at += size
    return [*out, label[at:]] if at < len(label) else out


@st.composite
def _group(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A group's five cells (total last, the sum of the others), and its lines: each cell after its
    column's header cell, the cells in a drawn order."""
    cells = draw(st.lists(_CELL, min_size=4, max_size=4))
    cells.append(str(sum(int(c) for c in cells if c.isdigit())))
    order = draw(st.permutations(range(5)))
    lines: list[str] = []
    for column in order:
        sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
        lines += [*_pieces(COLUMNS[column], sizes), cells[column]]
    return cells, lines


@given(st.lists(_group(), min_size=3, max_size=3))
@example(
    [
        (
            ["0", "2", "0", "3", "5"],
            [
                "结",
                "果",
                "纠",
                "正",
                "2",
                "其",
                "他",
                "结",
                "果",
                "0",
                "尚",
                "未",
                "审",
                "结",
                "3",
                "结果维",
                "持",
                "0",
                "总",
                "计",
                "5",
            ],
        ),
        (["0"] * 5, [line for c in COLUMNS for line in (c, "0")]),
        (["0"] * 5, [line for c in COLUMNS for line in (c, "0")]),
    ]
)
def test_values_after_their_header_cells_in_any_drawn_order_give_no_wrong_number(
    groups: list[tuple[list[str], list[str]]],
) -> None:
    text = "\n".join([*HEAD, *(line for _, lines in groups for line in lines), *TAIL])
    table = govdisclosure.parse(text).tables.review_litigation
    read = {} if table is None else {g: [c.raw for c in cells.values()] for g, cells in table.rows.items()}
    for group, (cells, _) in zip(GROUPS, groups, strict=True):
        assert read.get(group, cells) == cells


def test_the_review_s_pdfminer_texts_give_no_wrong_number() -> None:
    folder = Path(__file__).resolve().parent / "corpus" / "heldout" / "review-layouts"
    for name in (
        "s20268801-zeros-r091-v1.pdf-chromium.pdfminer.txt",
        "s20268801-slash-r071-v0.pdf-lo.pdfminer.txt",
    ):
        truth = json.loads((folder / f"{name.split('.')[0]}.truth.json").read_text(encoding="utf-8"))
        found = score(
            truth, govdisclosure.parse((folder / name).read_text(encoding="utf-8")), keeps_blanks=False
        )
        assert (found.wrong, found.misread) == ([], [])


# The last line of each column's header cell, four characters a line (`结果维` / `持`).
LAST_LINES = ["持", "正", "果", "结", "计"]


@st.composite
def _boxed(draw: st.DrawFn) -> tuple[list[list[str]], list[str]]:
    """Table 四 drawn box by box: the header cells' first lines, then the groups in any order,
    each group's values either each after its column's last line (a box holding a cell's last
    line and the value under it) or bare; one group boxed at least."""
    groups = []
    for _ in range(3):
        cells = draw(st.lists(_CELL, min_size=4, max_size=4))
        groups.append([*cells, str(sum(int(c) for c in cells if c.isdigit()))])
    boxed = draw(st.lists(st.booleans(), min_size=3, max_size=3).filter(any))
    lines = ["结果维 结果纠 其他结 尚未审 总"]
    for group in draw(st.permutations(range(3))):
        if boxed[group]:
            lines += [
                line for last, cell in zip(LAST_LINES, groups[group], strict=True) for line in (last, cell)
            ]
        else:
            lines += groups[group]
    return groups, lines


@given(_boxed())
@example(
    (
        # seed 20268805 r036-v1 (Chromium, pdfminer): 未经复议直接起诉's and 复议后起诉's values
        # boxed, 行政复议's drawn last, bare; read in printed order, 行政复议 took 无 无 无 无 无.
        [["3", "2", "2", "1", "8"], ["无", "无", "无", "无", "无"], ["3", "1", "无", "1", "5"]],
        [
            "结果维 结果纠 其他结 尚未审 总",
            *("持", "无", "正", "无", "果", "无", "结", "无", "计", "无"),
            *("持", "3", "正", "1", "果", "无", "结", "1", "计", "5"),
            *("3", "2", "2", "1", "8"),
        ],
    )
)
def test_groups_drawn_box_by_box_in_any_order_give_no_wrong_number(
    table: tuple[list[list[str]], list[str]],
) -> None:
    # pdfminer (and plain pdftotext) may print table 四 box by box, a box holding a header cell's
    # last line and the value under it, the boxes in an order of their own: neither the groups'
    # order nor the columns' is shown (seeds 20268805 r036-v1 and 20268807 r076-v0).
    groups, lines = table
    text = "\n".join([*HEAD, *lines, *TAIL])
    found = govdisclosure.parse(text).tables.review_litigation
    read = {} if found is None else {g: [c.raw for c in cells.values()] for g, cells in found.rows.items()}
    for group, cells in zip(GROUPS, groups, strict=True):
        assert read.get(group, cells) == cells
