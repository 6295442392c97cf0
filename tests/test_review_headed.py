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
