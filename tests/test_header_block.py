"""A table header poppler made one text block of several cells (tables/spelled.py, `_one_text_block`).

pdftotext -layout places text blocks and lines by `TextOutputDev.cc`: blocks in order of their
left edges, each three columns past every block wholly left of it, or, overlapping one, at a
share of that block's width (`TextPage::coalesce`); a block's lines in the same order, each one
column past the lines wholly left of it or under the character above (`TextBlock::coalesce`), a
character a column. The pages here are drawn that way, the header's cells one block, each value
a block of its own, as a review's LibreOffice PDF in 19 px type and line height 1.0 printed them
(tests/corpus/heldout/review-layouts, seed 20268810's r089-v1).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from hypothesis import assume, given
from hypothesis import strategies as st

from govdisclosure.tables.bounds import PrintedRun, settled_columns
from govdisclosure.tables.spelled import spelled_columns

# Label characters, each drawn once so that a column's pieces spell only its own label.
HAN = [chr(0x4E00 + 37 * i) for i in range(120)]
PAD = 2.0  # a cell's text keeps this far from the cell's edges (points)
TABLE_LEFT = 200.0


class Piece(NamedTuple):
    """A header line of one cell (`column`), or of a merged cell over several (`column` None)."""

    x: tuple[float, float]
    text: str
    line: int
    column: int | None


class Value(NamedTuple):
    """A value: its column and row, where it stands on the page and its width in characters."""

    column: int
    row: int
    x: tuple[float, float]
    width: int


def _pack(pieces: list[Piece], han: float) -> list[int]:
    """Each piece's column within its block (`TextBlock::coalesce`, no fixed pitch)."""
    order = sorted(range(len(pieces)), key=lambda i: (pieces[i].x[0], pieces[i].line))
    start: dict[int, int] = {}
    for n, i in enumerate(order):
        here = pieces[i]
        column = 0
        for j in order[:n]:
            left = pieces[j]
            if here.x[0] >= left.x[1]:
                column = max(column, start[j] + len(left.text) + 1)
            else:  # under the character above
                chars = sum(1 for k in range(len(left.text)) if here.x[0] >= left.x[0] + (k + 0.5) * han)
                column = max(column, start[j] + chars)
        start[i] = column
    return [start[i] for i in range(len(pieces))]


class Block(NamedTuple):
    """A text block: where it stands and how many columns it prints."""

    x: tuple[float, float]
    line: int
    width: int


def _place(blocks: list[Block]) -> list[int]:
    """Each block's first column (`TextPage::coalesce`, physical layout)."""
    order = sorted(range(len(blocks)), key=lambda i: (blocks[i].x[0], blocks[i].line))
    start: dict[int, int] = {}
    for n, i in enumerate(order):
        here = blocks[i]
        column = 0
        for j in order[:n]:
            left = blocks[j]
            if here.x[0] > left.x[1]:
                column = max(column, start[j] + left.width + 3)
            else:
                share = (here.x[0] - left.x[0]) / (left.x[1] - left.x[0])
                column = max(column, start[j] + int(share * left.width))
        start[i] = column
    return [start[i] for i in range(len(blocks))]


class Page(NamedTuple):
    """A drawn page: the header's lines as printed, each column's label, the values as printed."""

    header: list[str]
    labels: list[tuple[str, ...]]
    values: list[tuple[Value, int]]  # each value and its printed first column
    tight: bool  # two columns' pieces printed one or two columns apart


@st.composite
def pages(draw: st.DrawFn) -> Page:
    """A table 三-like page whose header cells are one text block, as pdftotext -layout prints it.

    A merged cell over the middle columns, where there is one, is a block of its own."""
    width = draw(st.integers(2, 7))
    han = draw(st.floats(8, 20))  # a CJK character's width
    digit = han * draw(st.floats(0.45, 0.6))
    cell = draw(st.floats(2.2 * han, 6 * han))
    characters = iter(HAN)
    pieces: list[Piece] = []
    labels: list[tuple[str, ...]] = []
    grouped = width >= 3 and draw(st.booleans())  # a merged cell over the middle columns, on top
    for column in range(width):
        fits = max(1, min(4, int((cell - 3 * PAD) // han)))
        texts = [
            "".join(next(characters) for _ in range(draw(st.integers(1, fits))))
            for _ in range(draw(st.integers(1, 3)))
        ]
        labels.append(("".join(texts),))
        top = draw(st.integers(0, 2)) + grouped
        for offset, text in enumerate(texts):
            length = len(text) * han
            centred = (cell - length) / 2
            left = centred if draw(st.booleans()) else draw(st.floats(PAD, max(PAD, cell - length - PAD)))
            x0 = TABLE_LEFT + column * cell + left
            pieces.append(Piece((x0, x0 + length), text, top + offset, column))
    within = _pack(pieces, han)
    header = Block(
        (min(p.x[0] for p in pieces), max(p.x[1] for p in pieces)),
        0,
        max(s + len(p.text) for s, p in zip(within, pieces, strict=True)),
    )
    labels_block = Block((60.0, TABLE_LEFT - 10), 10, draw(st.integers(6, 20)))
    others = [labels_block]
    if grouped:  # a block of its own, as in the review's PDF (法人或其他组织)
        text = "".join(next(characters) for _ in range(min(7, int((width - 2) * cell // han))))
        x0 = TABLE_LEFT + cell + ((width - 2) * cell - len(text) * han) / 2
        caption = Piece((x0, x0 + len(text) * han), text, 0, None)
        others.append(Block(caption.x, 0, len(text)))
    values: list[Value] = []
    for row in range(draw(st.integers(1, 4))):
        for column in sorted(draw(st.sets(st.integers(0, width - 1), min_size=1))):
            digits = draw(st.integers(1, max(1, min(5, int((cell - 3 * PAD) // digit)))))
            x0 = TABLE_LEFT + column * cell + draw(st.floats(PAD, max(PAD, cell - digits * digit - PAD)))
            values.append(Value(column, row, (x0, x0 + digits * digit), digits))
    blocks = [header, *others] + [Block(v.x, 10 + v.row, v.width) for v in values]
    placed = _place(blocks)
    printed = [(placed[0] + s, p) for s, p in zip(within, pieces, strict=True)]
    if grouped:
        printed.append((placed[2], caption))
    placed = [placed[0], *placed[1 + len(others) :]]
    lines: list[str] = []
    for line in sorted({p.line for p in pieces}):
        text = ""
        for start, piece in sorted((s, p.text) for s, p in ((s, p) for s, p in printed if p.line == line)):
            assume(start >= len(text))  # poppler would break the line there: not drawn here
            text += " " * (start - len(text)) + piece
        lines.append(text)
    columned = [(s, p) for s, p in printed if p.column is not None]
    tight = any(
        a.column != b.column and a.line != b.line and 1 <= t - (s + len(a.text)) <= 2
        for s, a in columned
        for t, b in columned
    )
    rows: dict[int, list[tuple[int, int]]] = {}
    for value, start in zip(values, placed[1:], strict=True):
        rows.setdefault(value.row, []).append((start, start + value.width))
    for spans in rows.values():  # two values of a line never run together (no such page)
        spans.sort()
        assume(all(b[0] > a[1] for a, b in pairwise(spans)))
    return Page(lines, labels, list(zip(values, placed[1:], strict=True)), tight)


def _read(page: Page) -> dict[tuple[int, tuple[int, int]], int] | None:
    """The columns the header's words and the values' places settle, as tables/aligned.py reads them."""
    lines = [
        (number, tuple((m.start(), m.end(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", text)))
        for number, text in enumerate(page.header)
    ]
    header = spelled_columns(lines, page.labels)
    runs = [
        PrintedRun((100 + value.row, (start, start + value.width)), start, start + value.width)
        for value, start in page.values
    ]
    return settled_columns(runs + header, len(page.labels))


@given(pages())
def test_a_header_of_one_block_places_no_value_in_another_column(page: Page) -> None:
    # Where two columns' pieces stand one or two apart the text shows the block (poppler sets
    # two blocks three apart); the block's words then bound one way only.
    assume(page.tight)
    settled = _read(page)
    assert settled is not None  # the true columns meet every bound left
    for value, start in page.values:
        found = settled.get((100 + value.row, (start, start + value.width)))
        assert found in (None, value.column)


def test_the_review_s_header_places_the_2_nowhere() -> None:
    # Seed 20268810's r089-v1, table 三 as printed (character columns, CJK one each): 法律服务
    # (30-34) and 其他 (35-37) one apart; 一、本年新收's 2 (35-36) is 法律服务机构's, 3,960 自然人's
    # and 3,962 总计's. Read with both bounds of every word, the 2 was 其他's.
    lines = [
        (0, ((11, 14, "自然人"), (27, 29, "社会"), (38, 40, "总计"))),
        (1, ((24, 26, "科研"), (30, 34, "法律服务"))),
        (2, ((19, 23, "商业企业"), (27, 29, "公益"), (35, 37, "其他"))),
        (3, ((24, 26, "机构"), (31, 33, "机构"))),
        (4, ((27, 29, "组织"),)),
    ]
    labels = [
        ("自然人",),
        ("商业企业",),
        ("科研机构",),
        ("社会公益组织",),
        ("法律服务机构",),
        ("其他",),
        ("总计",),
    ]
    header = spelled_columns(lines, labels)
    # The block is 商业企业 … 总计, placed one after another from 商业企业 on, as the PDF's text
    # blocks are (`pdftotext -bbox-layout`); 自然人 was a block of its own and bounds both ways.
    one_way = {run.place for run in header if run.start is None and run.end == run.place[1][0] - 1}
    assert one_way == {run.place for run in header} - {(0, (11, 14))}
    values = [PrintedRun((10, x), *x) for x in ((11, 16), (35, 36), (47, 52))]
    settled = settled_columns(values + header, len(labels))
    assert settled is not None
    assert settled.get((10, (35, 36))) in (None, 4)
