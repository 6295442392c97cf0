"""Tables as grids of cells, as a document or a drawn text table gives them, and their rows of tokens.

An HTML table (layout/html.py), a pandoc grid table (layout/gridtext.py) and the tables of DOCX and
PDF documents (documents/) are all read into a `Grid`: every cell with its text, its logical row
and column (spans resolved) and the line it was printed on. `grid_rows` turns a grid into the
`CellRow`s the table step reads, each token at its grid column.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from ..model import Where
from ..values import clean, is_value_text
from .tokens import CellRow, Token, token

__all__ = ["Grid", "GridCell", "grid_rows"]


@attrs.frozen
class GridCell:
    """One cell of a table grid: its text, logical place, spans, and the (1-based) line it starts on."""

    text: str
    row: int
    column: int
    rowspan: int
    colspan: int
    line: int


@attrs.frozen
class Grid:
    """One table's cells row by row, each row's cells in printed order (rowspans resolved)."""

    index: int
    rows: tuple[tuple[GridCell, ...], ...]
    first_line: int
    last_line: int
    # The reader that drew the grid (html, gridtext, docx, pdf) and, for PDF, the page it starts on.
    layout: str = "html"
    page: int | None = None


def grid_rows(table: Grid, line_of: dict[int, int] | None = None) -> Iterator[CellRow]:
    """A table's rows as cell rows: each token at its grid column; a label's colspan before its text."""
    width = max((c.column + c.colspan for row in table.rows for c in row), default=0)
    for cells in table.rows:
        tokens: list[Token] = []
        for cell in cells:
            line = line_of[cell.row] if line_of is not None else cell.line
            where = Where(table.page, table.index + 1, cell.row + 1, cell.column + 1)
            if clean(cell.text) and not is_value_text(cell.text):
                # Where the grid is not used (a reading by count), a merged label's extra
                # columns stand before its text, so the cells after a row label are its values.
                # They stand nowhere in the grid (no column): a reading by position skips them.
                tokens += [Token("empty", "", line, None, where)] * (cell.colspan - 1)
            tokens.append(token(cell.text, line, where=where, column=cell.column, span=cell.colspan))
        if tokens:
            first = line_of[cells[0].row] if line_of is not None else cells[0].line
            yield CellRow(tuple(tokens), first, table.layout, width=width)
