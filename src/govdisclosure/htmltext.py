"""Step 0 for HTML input: <table> rows -> tab-separated lines, other text -> lines (FORMAT.md §2.2 A).

A label cell's colspan becomes that many cells (empty ones, then its text), a value cell stays
one cell; rowspan adds nothing to the rows below, as a copy from a browser gives. Tags go,
entities are decoded (&nbsp; stays NBSP).
"""

from __future__ import annotations

from html.parser import HTMLParser

import regex

from .values import clean, is_value_text

__all__ = ["has_table", "html_to_text"]

TABLE_TAG = regex.compile(r"<table\b", regex.IGNORECASE)
# Elements that end a line of text outside tables.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "title",
        "body",
        "html",
        "dt",
        "dd",
    }
)
SKIP_TAGS = frozenset({"script", "style", "head"})
MAX_COLSPAN = 50
# Spaces that surround a cell's text in the markup; NBSP is content (a blank cell), so it stays.
MARKUP_SPACE = " \t\r\n"


def has_table(text: str) -> bool:
    """True when the text holds an HTML table."""
    return TABLE_TAG.search(text) is not None


def _span(value: str | None) -> int:
    digits = "".join(c for c in (value or "") if c.isdigit())[:3]
    return min(max(int(digits), 1), MAX_COLSPAN) if digits else 1


class _Reader(HTMLParser):
    """Collects lines: one per table row, one per block of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.text: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.colspan = 1
        self.skip = 0

    def _flush_text(self) -> None:
        line = "".join(self.text).replace("\r", "").replace("\n", "").strip(MARKUP_SPACE)
        if line:
            self.lines.append(line)
        self.text = []

    def _end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            text = "".join(self.cell).replace("\t", " ").replace("\r", "").replace("\n", "")
            text = text.strip(MARKUP_SPACE)
            # A merged label's extra columns go before its text, so that what follows a row label
            # is exactly its values; a widened value cell stays one cell (FORMAT.md §1.3).
            if clean(text) and not is_value_text(text):
                self.row += [""] * (self.colspan - 1) + [text]
            else:
                self.row.append(text)
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None:
            self.lines.append("\t".join(self.row))
        self.row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag == "tr":
            self._flush_text()
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self._flush_text()
                self.row = []
            self.cell = []
            self.colspan = _span(dict(attrs).get("colspan"))
        elif tag in BLOCK_TAGS and self.cell is None:
            self._flush_text()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skip = max(self.skip - 1, 0)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()
        elif tag in BLOCK_TAGS and self.cell is None:
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._flush_text()


def html_to_text(text: str) -> str:
    """Plain text of an HTML page: each table row a tab-separated line, each text block a line."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return "\n".join(reader.lines)
