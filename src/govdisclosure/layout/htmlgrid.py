"""The HTML tokenizer's reader (`html.parser`): each <table>'s grid, spans resolved, and the text
outside tables as lines. Imported on first use by html.py, which says what it is for (§2.2 J, L).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..normalize import Line
from ..values import RAISED_MARK, is_value_text
from .grid import Grid, GridCell
from .pipes import PIPE_RULE, is_pipe_row

__all__ = ["Reader"]

# Elements that end a line of text outside tables.
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"),
        *("article", "header", "footer", "blockquote", "pre", "hr", "title", "body", "html", "dt"),
        *("dd", "tr"),
    }
)
SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template"})
# Elements that raise or lower their text: in a cell, a footnote mark.
RAISED = frozenset({"sup", "sub"})
# Spans beyond these are markup errors (or attacks); real tables stay far below.
MAX_SPAN = 50
MAX_TABLE_CELLS = 100_000
# Spaces that surround a cell's text in the markup; NBSP is content (a blank cell), so it stays.
MARKUP_SPACE = " \t\r\n"
# The text pieces looked at for a markdown table's row left open by a tag (Reader._in_pipe_row).
TAIL_PIECES = 64
# A markdown table's cell border: a pipe not escaped (`\\|` is a pipe inside a cell).
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


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


class Reader(HTMLParser):
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
        text = "".join(self.text).replace("\r", "")
        self.text = []
        while (found := _markdown_table(text)) is not None:
            start, end = found
            lines = text.split("\n")
            self._add_line("".join(lines[:start]))
            self._add_markdown_table(lines[start:end])
            self.text_line += end
            text = "\n".join(lines[end:])
        self._add_line(text.replace("\n", ""))

    def _add_line(self, text: str) -> None:
        line = text.strip(MARKUP_SPACE)
        if line:
            self.lines.append((self.text_line, line))

    def _add_markdown_table(self, lines: list[str]) -> None:
        """A markdown table in the page's text (pandoc's gfm writer draws with pipes a table it can,
        among the raw HTML of those it cannot), as a table of the page, read as GitHub's markdown
        reads it: a cell between two pipes not escaped (`\\|` is a pipe in a cell's text), and
        cells beyond the header row's width no cells where they hold no value (`| 备注 |` after a
        row's last cell). A row still wider or narrower than the header is left out: which of its
        cells stands in which column is not shown (GitHub pads a short row with empty cells, a
        claim of blanks the row does not print, and drops a value beyond the header's width)."""
        table = _Table(first_line=self.text_line)
        width = 0
        for i, line in enumerate(lines):
            if PIPE_RULE.match(line) is None:
                cells = [cell.replace("\\|", "|") for cell in UNESCAPED_PIPE.split(_inner(line))]
                width = width or len(cells)
                if not any(is_value_text(cell.strip()) for cell in cells[width:]):
                    cells = cells[:width]
                if len(cells) == width:
                    table.rows.append([_Cell([cell], 1, 1, self.text_line + i) for cell in cells])
        self.tables.append(_grid(table, len(self.tables), self.text_line + len(lines) - 1))
        self.table_slots.append(len(self.lines))

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
        elif table is not None and tag in RAISED and table.cell is not None:
            # A footnote mark raised after a number (`2<sup>1</sup>`) is no digit of it: the cell
            # keeps the mark's place (`2^1`), and reads as no number.
            table.cell.text.append(RAISED_MARK)
        elif table is not None and tag in ("td", "th"):
            self._end_cell()
            found = dict(attrs)
            if table.cells < MAX_TABLE_CELLS:
                table.cell = _Cell([], _span(found.get("rowspan")), _span(found.get("colspan")), self._line())
        elif table is None and tag in BLOCK_TAGS and not self._in_pipe_row():
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
        elif table is None and tag in BLOCK_TAGS and not self._in_pipe_row():
            self._flush_text()

    def _in_pipe_row(self) -> bool:
        """True when the text so far ends inside a markdown table's row (`| 8`, after the table's
        rule): a tag there is in a cell's text (pandoc's gfm writes `<br />` for a line break in a
        cell), not the row's end. (A line opening with a pipe outside a table, `| 当前位置`, ends at
        the tag as any text does. The last pieces only: a text node is one piece.)"""
        text = "".join(self.text[-TAIL_PIECES:])
        line = text.rsplit("\n", 1)[-1].strip(MARKUP_SPACE)
        return line.startswith("|") and not line.endswith("|") and _markdown_table(text) is not None

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


def _inner(line: str) -> str:
    """A markdown table row without its outer pipes (the closing one only where not escaped)."""
    row = line.strip(MARKUP_SPACE).removeprefix("|")
    return row[:-1] if row.endswith("|") and not row.endswith("\\|") else row


def _markdown_table(text: str) -> tuple[int, int] | None:
    """The lines [start, end) of the first markdown table in a text node: a pipe row, the rule
    under it, and the pipe rows after; None when it holds none."""
    if "|" not in text or "-" not in text:
        return None
    lines = [Line(i, line, line) for i, line in enumerate(text.split("\n"))]
    for i in range(1, len(lines)):
        if PIPE_RULE.match(lines[i].text) is not None and is_pipe_row(lines[i - 1]):
            end = i + 1
            while end < len(lines) and is_pipe_row(lines[end]):
                end += 1
            return i - 1, end
    return None


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
