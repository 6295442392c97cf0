"""Layout reader J and HTML pages: <table> grids read with their rowspan/colspan, text as lines (§2.2 J, L).

One reader for every HTML a report arrives in: a whole page (FORMAT.md §2.2 L), or raw `<table>`
markup inside markdown, as pandoc writes merged tables (§2.2 J). The stdlib tokenizer
(`html.parser`) builds each table's grid directly: every cell keeps its logical row and column
(rowspan and colspan resolved), the line its tag starts on, and its text; nothing is flattened to
tab lines first. A page's text outside tables becomes one line per block element.

A table row becomes a `CellRow` of bounds `cells` in the order the row prints its cells: a label
cell's colspan stands before its text as empty cells (so the cells after a row label are exactly
its values), a widened value cell stays one cell, and positions covered by a rowspan from above
add nothing, as a copy from a browser gives. Each token carries `where` (table, row, column).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html.parser import HTMLParser

import regex

from ..lazyregex import lazy_pattern
from .grid import DocumentText, Grid, GridCell, document_text

__all__ = ["is_html_page", "read_html", "tables_in"]

TABLE_TAG = regex.compile(r"<table\b", regex.IGNORECASE)
# A page (not markdown with a table in it): it opens with a doctype, <html>, <head> or <body>, or
# most of its lines are markup.
PAGE_START = lazy_pattern(r"^\s*+(?:<!doctype|<html|<head|<body|<meta|<\?xml)", regex.IGNORECASE)
# Text held in text elements, as a page (not markdown) holds it.
TEXT_BLOCK = lazy_pattern(r"<(?:p|h[1-6]|br|li|span|font|strong)\b", regex.IGNORECASE)
# Elements that end a line of text outside tables.
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"),
        *("article", "header", "footer", "blockquote", "pre", "hr", "title", "body", "html", "dt"),
        *("dd", "tr"),
    }
)
SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template"})
# Spans beyond these are markup errors (or attacks); real tables stay far below.
MAX_SPAN = 50
MAX_TABLE_CELLS = 100_000
# Spaces that surround a cell's text in the markup; NBSP is content (a blank cell), so it stays.
MARKUP_SPACE = " \t\r\n"


def _span(value: str | None) -> int:
    digits = "".join(c for c in (value or "") if c.isdigit())[:3]
    return min(max(int(digits), 1), MAX_SPAN) if digits else 1


# Plain classes, not attrs: internal and mutable, and an attrs class costs ~2.6 million instructions to
# define at import (docs/performance.md).
class _Cell:
    __slots__ = ("colspan", "line", "rowspan", "text")

    def __init__(self, text: list[str], rowspan: int, colspan: int, line: int) -> None:
        self.text = text
        self.rowspan = rowspan
        self.colspan = colspan
        self.line = line


class _Table:
    __slots__ = ("cell", "cells", "first_line", "rows")

    def __init__(self, first_line: int = 0) -> None:
        self.rows: list[list[_Cell]] = []
        self.cell: _Cell | None = None
        self.first_line = first_line
        self.cells = 0


class _Reader(HTMLParser):
    """Collects text lines (with their source line) and tables (with their cells' source lines)."""

    def __init__(self, line_offset: int = 0) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line_offset = line_offset
        self.lines: list[tuple[int, str]] = []
        self.text: list[str] = []
        self.text_line = 0
        self.stack: list[_Table] = []
        self.tables: list[Grid] = []
        # Where each table was in the text (its index in `lines` order), for documents.
        self.table_slots: list[int] = []
        self.skip = 0

    def _line(self) -> int:
        return self.getpos()[0] + self.first_line_offset

    def _flush_text(self) -> None:
        line = "".join(self.text).replace("\r", "").replace("\n", "").strip(MARKUP_SPACE)
        if line:
            self.lines.append((self.text_line, line))
        self.text = []

    def _end_cell(self) -> None:
        table = self.stack[-1] if self.stack else None
        if table is not None and table.cell is not None:
            if not table.rows:
                table.rows.append([])
            table.rows[-1].append(table.cell)
            table.cells += 1
            table.cell = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skip += 1
            return
        table = self.stack[-1] if self.stack else None
        if tag == "table":
            if table is None:
                self._flush_text()
            self.stack.append(_Table(first_line=self._line()))
        elif table is not None and tag == "tr":
            self._end_cell()
            table.rows.append([])
        elif table is not None and tag in ("td", "th"):
            self._end_cell()
            found = dict(attrs)
            if table.cells < MAX_TABLE_CELLS:
                table.cell = _Cell([], _span(found.get("rowspan")), _span(found.get("colspan")), self._line())
        elif table is None and tag in BLOCK_TAGS:
            self._flush_text()
        # Inside a cell, <br> and <p> join their pieces without a space: 本年新<br/>制作数量.

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skip = max(self.skip - 1, 0)
            return
        table = self.stack[-1] if self.stack else None
        if tag == "table" and table is not None:
            self._end_cell()
            self.stack.pop()
            # A table nested in a cell (a page's layout table) keeps its own text, not the cell's.
            self.tables.append(_grid(table, len(self.tables), self._line()))
            self.table_slots.append(len(self.lines))
        elif table is not None and tag in ("td", "th"):
            self._end_cell()
        elif table is None and tag in BLOCK_TAGS:
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        table = self.stack[-1] if self.stack else None
        if table is not None:
            if table.cell is not None:
                table.cell.text.append(data)
            return
        if not self.text:
            self.text_line = self._line()
        self.text.append(data)

    def close(self) -> None:
        super().close()
        while self.stack:
            table = self.stack.pop()
            self._end_cell_of(table)
            self.tables.append(_grid(table, len(self.tables), self._line()))
            self.table_slots.append(len(self.lines))
        self._flush_text()

    def _end_cell_of(self, table: _Table) -> None:
        if table.cell is not None:
            if not table.rows:
                table.rows.append([])
            table.rows[-1].append(table.cell)
            table.cell = None


def _cell_text(cell: _Cell) -> str:
    text = "".join(cell.text).replace("\t", " ").replace("\r", "").replace("\n", "")
    return text.strip(MARKUP_SPACE)


def _grid(table: _Table, index: int, last_line: int) -> Grid:
    """Logical columns for every cell: each takes the first column its row has free."""
    taken: set[tuple[int, int]] = set()
    rows: list[tuple[GridCell, ...]] = []
    for r, printed in enumerate(row for row in table.rows if row):
        column = 0
        cells = []
        for cell in printed:
            while (r, column) in taken:
                column += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, column + dc))
            cells.append(GridCell(_cell_text(cell), r, column, cell.rowspan, cell.colspan, cell.line))
            column += cell.colspan
        rows.append(tuple(cells))
    return Grid(index, tuple(rows), table.first_line, last_line)


def is_html_page(text: str) -> bool:
    """True for an HTML page (with a table): not markdown or text with some tables in markup.

    A page opens with a doctype, <html>, <head> or <body>, or holds the text around its tables in
    text elements (<p>, <h2>, <br>); markdown with raw <table> markup (pandoc -t gfm) keeps that
    text as plain lines.
    """
    if TABLE_TAG.search(text) is None:
        return False
    if PAGE_START().match(text) is not None:
        return True
    return any(TEXT_BLOCK().search(part) is not None for part in _outside_tables(text))


def _outside_tables(text: str) -> Iterator[str]:
    """The parts of the text outside <table>…</table> (nesting counted; one pass, linear)."""
    lower = text.lower()
    at = depth = 0
    start = 0
    while True:
        opening = lower.find("<table", at)
        closing = lower.find("</table", at)
        if opening == -1 and closing == -1:
            break
        if opening != -1 and (closing == -1 or opening < closing):
            if depth == 0:
                yield text[start:opening]
            depth += 1
            at = opening + 6
        else:
            depth = max(depth - 1, 0)
            at = closing + 7
            if depth == 0:
                start = at
    if depth == 0:
        yield text[start:]


def read_html(markup: str) -> DocumentText:
    """A whole page: one line per text block and per table row (cells tab-joined), and the rows.

    The lines are the page's text in reading order, numbered from 1 as the report's lines; a
    table row's cells refer to the line that holds that row.
    """
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    blocks: list[str | Grid] = []
    text_at = 0
    for i in sorted(range(len(reader.tables)), key=lambda i: reader.table_slots[i]):
        slot = reader.table_slots[i]
        blocks += [text for _, text in reader.lines[text_at:slot]]
        text_at = max(text_at, slot)
        blocks.append(reader.tables[i])
    blocks += [text for _, text in reader.lines[text_at:]]
    return document_text(blocks)


def tables_in(markup: str, first_line: int = 1) -> Sequence[Grid]:
    """The tables of an HTML fragment, each cell's line counted from `first_line`."""
    reader = _Reader(line_offset=first_line - 1)
    reader.feed(markup)
    reader.close()
    return reader.tables
