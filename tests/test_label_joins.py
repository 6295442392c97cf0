"""A row label wrapped into pieces no template knows alone is joined back (layout/pieces.py, §2.2 C).

`规章` / `规范性` / `文件` / `1 1 1`: neither `规范性` nor `文件` reads as a label, so the pieces were
words of no row and the values after them went to the row before (规章, a blank row): three wrong
numbers. Joined, they are 规范性文件, and its values are its own or, where the text cannot tell
(values apart after a blank row), said unplaced.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure.lexicon import lexicon_for
from govdisclosure.template_spec import Block
from govdisclosure.templates import default_templates

TEMPLATE = default_templates()["2019"]
LEXICON = lexicon_for(default_templates())
HEADER = [
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
]
BLOCKS = [b for b in TEMPLATE.active_disclosure.blocks if len(b.rows) >= 2]


def _rows(body: Sequence[str]) -> dict[str, list[int | float | None]]:
    report = govdisclosure.parse("\n".join([*HEADER, *body]))
    table = report.tables.active_disclosure
    assert table is not None
    return {rid: [c.value for c in cells.values()] for rid, cells in table.rows.items()}


def test_pieces_then_values_on_their_own_line_are_not_the_blank_row_s() -> None:
    report = govdisclosure.parse("\n".join([*HEADER, "规章", "规范性", "文件", "1 1 1"]))
    table = report.tables.active_disclosure
    assert table is not None
    assert "regulations" not in table.rows
    # The values could be 规章's printed after all the block's labels: said, not placed.
    said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
    assert any("normative_documents" in m and "1 1 1" in m for m in said)


def test_the_last_piece_with_the_values_on_its_line_is_the_row() -> None:
    assert _rows(["规章", "规范性", "文件 1 1 1"]) == {"normative_documents": [1, 1, 1]}


def test_a_label_that_reads_alone_keeps_its_tail_as_before() -> None:
    assert _rows(["规章 2 2 2", "规范性文", "件 1 1 1"]) == {
        "regulations": [2, 2, 2],
        "normative_documents": [1, 1, 1],
    }


def _column_only(piece: str) -> bool:
    """True when the piece reads only as a column's header (`其他`, table 三's last applicant column)."""
    found = LEXICON.match(piece)
    return bool(found) and all(e.kind == "column" for e in found)


def _unknown_cuts(label: str) -> list[tuple[int, ...]]:
    """Cuts of a label into two or three pieces of two characters or more, none a label alone but
    the first maybe a column's header (`其他` / `对外管理` / `服务事项`: narrow label cells)."""
    n = len(label)
    cuts: list[tuple[int, ...]] = [(a,) for a in range(2, n - 1)]
    cuts += [(a, b) for a in range(2, n - 1) for b in range(a + 2, n - 1)]
    out = []
    for cut in cuts:
        bounds = (0, *cut, n)
        pieces = [label[s:e] for s, e in itertools.pairwise(bounds)]
        if not any(LEXICON.match(p) for p in pieces[1:]) and (
            not LEXICON.match(pieces[0]) or _column_only(pieces[0])
        ):
            out.append(cut)
    return out


CASES = [
    (block, rid, spelling, cut)
    for block in BLOCKS
    for rid in block.rows[1:]
    for spelling in TEMPLATE.active_disclosure.rows[rid].spellings
    for cut in _unknown_cuts(spelling)
]


@given(st.sampled_from(CASES), st.booleans(), st.data())
def test_a_label_in_unknown_pieces_after_a_blank_row_never_gives_it_numbers(
    case: tuple[Block, str, str, tuple[int, ...]], beside: bool, data: st.DataObject
) -> None:
    block, rid, spelling, cut = case
    columns = block.columns
    rows = block.rows
    values = data.draw(st.lists(st.integers(1, 9999), min_size=len(columns), max_size=len(columns)))
    bounds = (0, *cut, len(spelling))
    pieces = [spelling[s:e] for s, e in itertools.pairwise(bounds)]
    printed = " ".join(map(str, values))
    spec = TEMPLATE.active_disclosure
    header = " ".join(["信息内容", *(spec.columns[c].label.label for c in columns)])
    body = [block.caption, header, spec.rows[rows[0]].label]
    body += [*pieces[:-1], f"{pieces[-1]} {printed}"] if beside else [*pieces, printed]
    report = govdisclosure.parse("\n".join(["二、主动公开政府信息情况", *body]))
    table = report.tables.active_disclosure
    assert table is not None
    assert rows[0] not in table.rows  # the blank row takes nothing
    got = [c.value for c in table.rows.get(rid, {}).values()]
    if beside:
        assert got == values
    else:
        said = [d.message for d in report.diagnostics if d.code == "cell-unplaced"]
        assert got == values or (got == [] and any(printed in m for m in said))


@given(st.sampled_from(CASES), st.data())
def test_values_beside_a_label_s_pieces_before_its_last_after_a_blank_row_are_its_row_s(
    case: tuple[Block, str, str, tuple[int, ...]], data: st.DataObject
) -> None:
    # A tall cell's values beside its wrapped label, after a blank row: on the first piece's line
    # (aligned top: `规范性 3 3 81` / `文件`), a middle piece's, or a line of their own between two
    # pieces (centred: `规范性` / `4 4 4` / `文件`). Review Chromium PDFs (seeds 20268801-02 r019,
    # r012, r045, r091; pdftotext -layout and pdfplumber) gave them to the blank 规章.
    block, rid, spelling, cut = case
    spec = TEMPLATE.active_disclosure
    values = data.draw(
        st.lists(st.integers(0, 9999), min_size=len(block.columns), max_size=len(block.columns))
    )
    pieces = [spelling[s:e] for s, e in itertools.pairwise((0, *cut, len(spelling)))]
    printed = " ".join(map(str, values))
    where = data.draw(st.integers(0, len(pieces) - 2))  # the piece whose line holds the values
    apart = len(pieces) == 2 and data.draw(st.booleans())  # or a line of their own after it
    lines = [*pieces[:where], *([pieces[where], printed] if apart else [f"{pieces[where]} {printed}"])]
    lines += pieces[where + 1 :]
    header = " ".join(["信息内容", *(spec.columns[c].label.label for c in block.columns)])
    body = [block.caption, header, spec.rows[block.rows[0]].label, *lines]
    table = govdisclosure.parse("\n".join(["二、主动公开政府信息情况", *body])).tables.active_disclosure
    assert table is not None
    assert block.rows[0] not in table.rows
    assert [c.value for c in table.rows.get(rid, {}).values()] == values
