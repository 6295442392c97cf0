"""Layout reader J and HTML pages: <table> grids read with their rowspan/colspan, text as lines (§2.2 J, L).

One reader for every HTML a report arrives in: a whole page (FORMAT.md §2.2 L), or raw `<table>`
markup inside markdown, as pandoc writes merged tables (§2.2 J). The stdlib tokenizer
(`html.parser`, in htmlgrid.py, imported on first use) builds each table's grid directly: every
cell keeps its logical row and column (rowspan and colspan resolved), the line its tag starts on,
and its text; nothing is flattened to tab lines first. A page's text outside tables becomes one
line per block element.

A table row becomes a `CellRow` of bounds `cells` in the order the row prints its cells: a label
cell's colspan stands before its text as empty cells (so the cells after a row label are exactly
its values), a widened value cell stays one cell, and positions covered by a rowspan from above
add nothing, as a copy from a browser gives. Each token carries `where` (table, row, column).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import regex

from ..lazyregex import lazy_pattern
from .grid import DocumentText, Grid, document_text

if TYPE_CHECKING:
    from .htmlgrid import Reader

__all__ = ["is_html_page", "read_html", "tables_in"]

TABLE_TAG = regex.compile(r"<table\b", regex.IGNORECASE)
# A page (not markdown with a table in it): it opens with a doctype, <html>, <head> or <body>, or
# most of its lines are markup.
PAGE_START = lazy_pattern(r"^\s*+(?:<!doctype|<html|<head|<body|<meta|<\?xml)", regex.IGNORECASE)
# Text held in text elements, as a page (not markdown) holds it.
TEXT_BLOCK = lazy_pattern(r"<(?:p|h[1-6]|br|li|span|font|strong)\b", regex.IGNORECASE)


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
    reader = _read(markup)
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
    return _read(markup, first_line - 1).tables


# A tag holding a space HTML does not count as one (U+3000, NBSP): a line break inside the tag
# (`<td` / `data-valign="center">`, as pandoc wraps markup) that a text's cleaner joined with one.
WIDE_SPACE_TAG = lazy_pattern(r"<[A-Za-z][^<>\u3000\u00a0]*+[\u3000\u00a0][^<>]*+>")
WIDE_SPACES = str.maketrans({"\u3000": " ", "\u00a0": " "})


def _read(markup: str, line_offset: int = 0) -> Reader:
    # The tokenizer's module on first use: html.parser (with html.entities' tables) costs ~17
    # million instructions to import, and a text with no <table> never needs it.
    from .htmlgrid import Reader

    reader = Reader(line_offset)
    if "\u3000" in markup or "\u00a0" in markup:
        # (Such a tag read as written would be no tag: its cell and the cell's text lost.)
        markup = WIDE_SPACE_TAG().sub(lambda tag: tag.group().translate(WIDE_SPACES), markup)
    reader.feed(markup)
    reader.close()
    return reader
