"""Table 四 in pipes markitdown drew from a PDF: a row's digits and its 无 on two lines (review_pipes.py).

Held-out seed 20261229's r038 (tests/corpus/heldout) read `2 3 2 3 10` as 行政复议's: the two
lines were joined line after line, as values printed one per line are. The pipes show the cells'
order; the group totals settle the order inside a cell both lines hold, or nothing is placed.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.layout import Token
from govdisclosure.tables.review_pipes import pipe_row

R038 = (
    Path(__file__).resolve().parent
    / "corpus"
    / "heldout"
    / "seed-20261229"
    / "r038"
    / "pdf-lo.markitdown.txt"
)
GROUPS = ("review", "litigation_direct", "litigation_after_review")
COLUMNS = ("upheld", "corrected", "other_result", "pending", "total")


def _lines() -> list[str]:
    return R038.read_text(encoding="utf-8").splitlines()


def _with_rows(digits: str, marks: str) -> str:
    """r038's text with its table 四 value lines (110 and 111) replaced."""
    lines = _lines()
    assert lines[109].startswith("|       |      |      | 2 3") and lines[110].startswith("| 无")
    return "\n".join([*lines[:109], digits, marks, *lines[111:]]) + "\n"


def _cells(text: str) -> dict[tuple[str, str], str]:
    table = govdisclosure.parse(text).tables.review_litigation
    return {} if table is None else {(g, c): cell.raw.strip() for g, c, cell in table.cells()}


def test_r038_reads_each_group_in_its_place() -> None:
    got = _cells(R038.read_text(encoding="utf-8"))
    direct = [got[("litigation_direct", c)] for c in COLUMNS]
    assert direct == ["2", "3", "2", "3", "10"]
    assert all(got[(g, c)] == "无" for g in ("review", "litigation_after_review") for c in COLUMNS)


def test_a_shared_cell_no_total_settles_places_nothing() -> None:
    # `0` over `无` in one cell: 0 then 无, or 无 then 0, each group total holds either way.
    digits = "|       |      |      | 0 0      | 0 0   | 0    |       |       |     |"
    marks = "| 无     | 无 无  | 无 无  |          |       | 无    | 无     | 无 无   | 无   |"
    report = govdisclosure.parse(_with_rows(digits, marks))
    assert report.tables.review_litigation is not None
    assert not report.tables.review_litigation.rows
    assert any("two lines of pipes" in d.message for d in report.diagnostics)


def _token(text: str, cell: int, line: int) -> Token:
    return Token("value", text, line, pipe_cell=(0, cell))


def test_pipe_row_keeps_each_line_s_order_and_tries_the_shared_cell_both_ways() -> None:
    upper = [_token("1", 0, 1), _token("1", 1, 1)]
    lower = [_token("无", 1, 2), _token("无", 2, 2)]
    # Cells `1` | `1` over `无` | `无`, read as two groups of two (a result and its total): 1 1 无 无
    # holds both totals; 1 无 1 无 holds neither (无 counts as nothing, so 1 ≠ 无).
    row = pipe_row(upper, lower, 2, 2)
    assert row is not None
    assert [t.text for t in row] == ["1", "1", "无", "无"]


_PRINTED = st.one_of(st.integers(0, 40).map(str), st.just("无"))


@st.composite
def _group(draw: st.DrawFn) -> list[str]:
    """A group's five cells: four results and a total that holds, or all 无."""
    if draw(st.booleans()):
        return ["无"] * 5
    parts = draw(st.lists(_PRINTED, min_size=4, max_size=4))
    total = sum(int(p) for p in parts if p != "无")
    return [*parts, str(total)]


@settings(deadline=None, max_examples=60)
@given(groups=st.lists(_group(), min_size=3, max_size=3), data=st.data())
def test_any_row_drawn_on_two_pipe_lines_gives_no_wrong_cell(
    groups: list[list[str]], data: st.DataObject
) -> None:
    cells = [c for g in groups for c in g]
    # Each of the 15 cells drawn in one of nine pipe cells, left to right (several to a cell).
    cuts = sorted(data.draw(st.lists(st.integers(0, 8), min_size=15, max_size=15)))
    upper, lower = [[] for _ in range(9)], [[] for _ in range(9)]  # type: list[list[str]], list[list[str]]
    for cell, k in zip(cells, cuts, strict=True):
        (lower if cell == "无" else upper)[k].append(cell)
    digits = "| " + " | ".join(" ".join(words) for words in upper) + " |"
    marks = "| " + " | ".join(" ".join(words) for words in lower) + " |"
    got = _cells(_with_rows(digits, marks))
    truth = {
        (g, c): v
        for g, values in zip(GROUPS, groups, strict=True)
        for c, v in zip(COLUMNS, values, strict=True)
    }
    assert all(truth[k] == v for k, v in got.items()), (digits, marks, got)
    # Where no pipe cell holds both lines' words, the pipes show every cell's place: each group
    # comes back but one mixing 无 with numbers (a PDF's reading order moves 无: drawn.py).
    if not any(up and low for up, low in zip(upper, lower, strict=True)):
        alike = [g for g, values in zip(GROUPS, groups, strict=True) if len({v == "无" for v in values}) == 1]
        assert {k for k in truth if k[0] in alike} <= set(got), (digits, marks, got)
