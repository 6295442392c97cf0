"""A ruled table drawn over a page break comes back as one grid, its rows as the report prints them.

documents/pdf_grid.py joins a table's parts page after page. A page break falls between two rows
(the next row moved whole: Chromium, and LibreOffice where the row fits), or inside a row that
LibreOffice split: its label's last words and a wrapped number's last digits on the next page, in
a row of the same cells, every other cell empty. The parts here are drawn from a table 三-shaped
table (a header of words, then rows of a marked label and numbers or blank cells); read back, each
row is the report's row, never a cut row's rest taken for a row of its own, nor a moved row
joined to the one above.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.documents.pdf_grid import grid_of
from govdisclosure.documents.pdf_tables import CellBox, Part
from govdisclosure.nfkc import nfkc
from govdisclosure.numbering import LABEL_START

HEADER = ("申请人情况", "自然人", "商业企业", "科研机构", "总计")
LABELS = (
    "一、本年新收政府信息公开申请数量",
    "(二)部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "（七）总计",
    "四、结转下年度继续办理",
)
LABEL_WIDTH, VALUE_WIDTH, ROW_HEIGHT = 100.0, 30.0, 20.0
Row = tuple[str, ...]


def _x(column: int) -> float:
    return 0.0 if column == 0 else LABEL_WIDTH + VALUE_WIDTH * (column - 1)


def _part(page: int, rows: list[Row], top: float) -> Part:
    cells = tuple(
        CellBox(
            _x(c),
            top + ROW_HEIGHT * r,
            _x(c) + (LABEL_WIDTH if c == 0 else VALUE_WIDTH),
            top + ROW_HEIGHT * (r + 1),
            text,
        )
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    )
    return Part(page, 0.0, top, _x(len(HEADER)), top + ROW_HEIGHT * len(rows), cells, ())


values = st.one_of(st.just(""), st.integers(0, 9).map(str), st.integers(10, 99_999).map(str))


@st.composite
def broken_tables(draw: st.DrawFn) -> tuple[list[Row], list[Part]]:
    """The table's rows as the report prints them, and its parts as a page break draws them."""
    labels = draw(st.lists(st.sampled_from(LABELS), min_size=1, max_size=5))
    body = [(label, *draw(st.tuples(*[values] * (len(HEADER) - 1)))) for label in labels]
    table = [HEADER, *body]
    at = draw(st.integers(1, len(table) - 1))  # the first row drawn on the next page, or the one split
    first, second = table[:at], table[at:]
    if at > 1 and draw(st.booleans()):
        # LibreOffice splits the row before the break: its label's last words and some numbers'
        # last digits go on, the rest of its cells empty (all empty: the row's padding, or the
        # tall empty rest LibreOffice leaves of a row whose text all stood above the break).
        cut = list(first[-1])
        label = cut[0]
        # (A cell wraps a label at its width: its marker and a word or more stay on the first line.)
        marker = LABEL_START.match(nfkc(label))
        assert marker is not None
        k = draw(st.integers(max(len(label) // 2, marker.end() + 1), len(label)))
        rests = [label[k:]]
        cut[0] = label[:k]
        for c, text in enumerate(cut[1:], start=1):
            if len(text) >= 2 and draw(st.booleans()):
                j = draw(st.integers(1, len(text) - 1))
                cut[c], text = text[:j], text[j:]
                rests.append(text)
            else:
                rests.append("")
        first = [*first[:-1], tuple(cut)]
        second = [tuple(rests), *second]
    if draw(st.booleans()):
        second = [HEADER, *second]  # the header repeated on the next page (<thead>)
    return table, [_part(1, first, 600.0), _part(2, second, 50.0)] if second else [_part(1, first, 600.0)]


@given(broken_tables())
def test_a_table_over_a_page_break_reads_as_printed(case: tuple[list[Row], list[Part]]) -> None:
    table, parts = case
    grid = grid_of(parts, 0)
    assert [tuple(c.text for c in row) for row in grid.rows] == table


@given(st.tuples(*[values] * len(HEADER)), st.booleans())
def test_table_four_s_data_row_moved_to_the_next_page_is_its_row(row: Row, repeated: bool) -> None:
    # Table 四 has no row label: its one data row, blank cells and all, under the header.
    second = [HEADER, row] if repeated else [row]
    grid = grid_of([_part(1, [HEADER], 600.0), _part(2, second, 50.0)], 0)
    assert [tuple(c.text for c in r) for r in grid.rows] == [HEADER, row]


def test_a_row_after_the_repeated_header_alike_to_the_table_s_first_row_is_a_row() -> None:
    # Found by the property above on a random draw: the next page repeats the header, then prints a
    # row alike to the table's first one (label and values); that row was taken for the header's
    # rest and dropped with its values.
    label = LABELS[0]
    rows = [(label, "", "", "0", "0"), (label, "", "", "", "")]
    table = [HEADER, *rows, *rows]
    parts = [_part(1, table[:3], 600.0), _part(2, [HEADER, *rows], 50.0)]
    assert [tuple(c.text for c in r) for r in grid_of(parts, 0).rows] == table
