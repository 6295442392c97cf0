"""Tables as grids of cells, as a document or a drawn text table gives them, and their rows of tokens.

An HTML table (layout/html.py), a pandoc grid table (layout/gridtext.py) and the tables of DOCX and
PDF documents (documents/) are all read into a `Grid`: every cell with its text, its logical row
and column (spans resolved) and the line it was printed on. `grid_rows` turns a grid into the
`CellRow`s the table step reads, each token at its grid column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import attrs

from ..model import Where
from ..values import clean, is_value_text
from .tokens import CellRow, Token, token

__all__ = ["DocumentText", "Grid", "GridCell", "document_text", "grid_rows"]


# Grid and GridCell stay attrs classes: the document readers (documents/) make changed copies
# with attrs.evolve.
@attrs.frozen
class GridCell:
    """One cell of a table grid: its text, logical place, spans, and the (1-based) line it starts on."""

    text: str
    row: int
    column: int
    rowspan: int
    colspan: int
    line: int
    # The PDF page the cell is printed on (a table may run over a page break); None elsewhere.
    page: int | None = None


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
            page = cell.page if cell.page is not None else table.page
            where = Where(page, table.index + 1, cell.row + 1, cell.column + 1)
            if clean(cell.text) and not is_value_text(cell.text):
                # Where the grid is not used (a reading by count), a merged label's extra
                # columns stand before its text, so the cells after a row label are its values.
                # They stand nowhere in the grid (no column): a reading by position skips them.
                tokens += [Token("empty", "", line, None, where)] * (cell.colspan - 1)
            tokens.append(token(cell.text, line, where=where, column=cell.column, span=cell.colspan))
        if tokens:
            first = line_of[cells[0].row] if line_of is not None else cells[0].line
            yield CellRow(tuple(tokens), first, table.layout, width=width)


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class DocumentText(NamedTuple):
    """What a document reader gives the pipeline: the report's lines, and its tables' rows.

    `lines` is the document's text in reading order, one line per paragraph (or PDF text line)
    and one per table row (its cells tab-joined), numbered from 1 as the report's lines; each
    table row's cells refer to the line that holds it and carry their `where`.
    """

    lines: tuple[str, ...]
    rows: tuple[CellRow, ...]


def document_text(blocks: Iterable[str | Grid]) -> DocumentText:
    """A document's blocks in reading order (paragraph text or a table grid) as lines and rows."""
    lines: list[str] = []
    rows: list[CellRow] = []
    for block in blocks:
        if isinstance(block, str):
            lines.extend(part for part in block.split("\n") if part.strip())
            continue
        line_of: dict[int, int] = {}
        for r, cells in enumerate(block.rows):
            lines.append("\t".join(c.text.replace("\t", " ").replace("\n", " ") for c in cells))
            line_of[r] = len(lines)
        rows.extend(grid_rows(block, line_of))
    return DocumentText(tuple(lines), tuple(rows))
