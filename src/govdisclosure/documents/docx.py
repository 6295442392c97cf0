"""Step 1 for Word files: DOCX bytes -> the report's lines and its tables as grids (FORMAT.md §2.2 L).

The WordprocessingML is read with the standard library only (zipfile, xml.etree), so the core
install stays light. The body is read in document order:

- a paragraph (`w:p`) is one text block: its runs' `w:t`, `w:tab` as a space, `w:br` a line
  break; inserted text (`w:ins`) is read, deleted text (`w:del`, `w:moveFrom`), hidden runs
  (`w:vanish`), field codes and drawings (text boxes float outside the flow) are not; a raised or
  lowered run (`w:vertAlign`, a footnote mark) is marked `^`, so `2` `¹` reads as no number. Headers,
  footers, footnotes and comments live in other parts and are not read.
- Word's auto-numbering (`w:numPr`, direct or from the paragraph style) is printed before the
  text as Word prints it (`一、`, `（一）`, `1、` …; numbering.xml, see `docx_numbering.Numbering`), since
  headings often carry their numbers only there (§2.2 L).
- a table (`w:tbl`) is a `Grid` of its real structure: `w:gridSpan` is a colspan, a `w:vMerge`
  restart cell gets a rowspan of 1 + the continue cells below it (which are no cells of their
  own), `w:gridBefore` skips columns. A cell's paragraphs are joined without a separator (a
  header printed on two lines, 本年新 / 制作数量, is one label, §1.3); a blank cell stays "" and
  a cell holding only an NBSP stays "\u00a0" (§2.2 K).
- a table inside a cell is read as a grid of its own, placed after the table holding it; the
  cell keeps only its own paragraphs (as layout/html.py does for pages). A table whose every row
  is a single cell is a frame drawn around text, not a data table: its content is read as body.

Bad input (a damaged or truncated ZIP, no word/document.xml, malformed XML, a DOCTYPE, a part
larger than `docx_package.MAX_PART_BYTES`, an encrypted file, more than `MAX_CELLS` cells)
raises `DocumentError`; reading is linear in the size of the file. The package's members and XML
are read by docx_package.py, the numbering by docx_numbering.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree

import attrs

from ..errors import DocumentError
from ..layout.grid import DocumentText, Grid, GridCell, document_text
from ..values import RAISED_MARK
from .docx_numbering import Numbering, Styles, num_pr, xml_int, xml_val
from .docx_package import (
    ALTERNATE,
    FALLBACK,
    FALSE,
    PPR,
    VAL,
    is_encrypted_ooxml,
    read_parts,
    run_format,
    w,
)
from .formats import ZIP_ERRORS

__all__ = [
    "MAX_CELLS",
    "ZIP_ERRORS",
    "is_encrypted_ooxml",
    "read_docx",
    "read_docx_blocks",
]

#: The most table cells a document may hold; a report's three tables hold about 500.
MAX_CELLS = 100_000
# Word allows 63 columns; a larger span is a damaged or hostile file.
MAX_SPAN = 64
# How deep tables and content controls may nest in one another.
MAX_DEPTH = 64

P, TBL, TR, TC, R, T = w("p"), w("tbl"), w("tr"), w("tc"), w("r"), w("t")
TCPR, TRPR = w("tcPr"), w("trPr")
RAISED = ("superscript", "subscript")
# Run content that prints as a space, as a line break, or as a hyphen.
SPACES = frozenset({w("tab"), w("ptab")})
BREAKS = frozenset({w("br"), w("cr")})
HYPHEN = w("noBreakHyphen")
# Inline containers whose runs print (inserted and moved-to text, links, fields' results, content
# controls); anything else inside a paragraph (w:del, w:moveFrom, drawings, properties) does not.
INLINE = frozenset(
    w(name) for name in ("r", "hyperlink", "ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent")
) | frozenset(w(name) for name in ("fldSimple", "bdo", "dir"))
# Containers around paragraphs, tables, rows or cells that add nothing of their own.
BLOCK = frozenset(w(name) for name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"))
# Word's spaces around a cell's text; an NBSP is content (a blank cell printed as NBSP).
MARKUP_SPACE = " \t\r\n"


def read_docx(data: bytes, source: str = "<bytes>") -> DocumentText:
    """A DOCX file's lines and table rows; `DocumentError` when it cannot be read."""
    return document_text(read_docx_blocks(data, source))


def read_docx_blocks(data: bytes, source: str = "<bytes>") -> list[str | Grid]:
    """A DOCX file's body in reading order: each paragraph's text, each table's grid."""
    parts = read_parts(data, source)
    reader = _Reader(Styles.read(parts.styles), Numbering.read(parts.numbering), source)
    body = parts.document.find(w("body"))
    if body is None:
        raise DocumentError(f"{source}: the main document part has no body (a damaged DOCX)")
    return list(_numbered(reader.blocks(body, 0)))


def _numbered(blocks: list[str | Grid]) -> Iterator[str | Grid]:
    """The blocks with each grid's index its place among the grids (where.table)."""
    index = 0
    for block in blocks:
        if isinstance(block, Grid):
            block = attrs.evolve(block, index=index)
            index += 1
        yield block


# --- the body ---------------------------------------------------------------------------------


@attrs.define
class _Cell:
    text: str
    row: int
    column: int
    rowspan: int
    colspan: int


@attrs.define
class _Reader:
    """Reads the body in document order (list counters advance in that order)."""

    styles: Styles
    numbering: Numbering
    source: str
    cells: int = 0

    def __attrs_post_init__(self) -> None:
        self.numbering.styles = self.styles

    def blocks(self, parent: ElementTree.Element, depth: int) -> list[str | Grid]:
        """The paragraphs (text) and tables (grids) of a body, a frame or a content control."""
        out: list[str | Grid] = []
        for child in _content(parent, depth, self.source):
            if child.tag == P:
                out.append(self.paragraph(child, "\n"))
            else:
                out += self.table(child, depth + 1)
        return out

    def paragraph(self, p: ElementTree.Element, line_break: str) -> str:
        """The paragraph's printed text: its list number, then its runs."""
        return self._label(p) + _runs(p, line_break)

    def _label(self, p: ElementTree.Element) -> str:
        ppr = p.find(PPR)
        style_id = xml_val(ppr, w("pStyle")) or self.styles.default
        num_id, level = num_pr(ppr)
        if num_id is None or level is None:
            style_num, style_level = self.styles.numbering(style_id)
            num_id = num_id if num_id is not None else style_num
            level = level if level is not None else style_level
        if num_id is None or num_id == "0":  # numId 0: numbering switched off
            return ""
        return self.numbering.label(num_id, level, style_id)

    def table(self, tbl: ElementTree.Element, depth: int) -> list[str | Grid]:
        """A table's grid followed by the tables nested in its cells; a frame's content as body."""
        rows = [tr for tr in _content(tbl, depth, self.source, TR) if not _deleted(tr)]
        cells = [list(_content(tr, depth, self.source, TC)) for tr in rows]
        if cells and all(len(row) == 1 for row in cells):
            out: list[str | Grid] = []
            for row in cells:
                out += self.blocks(row[0], depth + 1)
            return out
        nested: list[str | Grid] = []
        grid = self._grid(rows, cells, nested, depth)
        return [grid, *nested] if any(grid.rows) else nested

    def _grid(
        self,
        rows: list[ElementTree.Element],
        cells: list[list[ElementTree.Element]],
        nested: list[str | Grid],
        depth: int,
    ) -> Grid:
        above: dict[int, _Cell] = {}  # the cell covering each grid column of the row above
        out: list[list[_Cell]] = []
        for r, (tr, tcs) in enumerate(zip(rows, cells, strict=True)):
            here: dict[int, _Cell] = {}
            printed: list[_Cell] = []
            column = _span(xml_val(tr.find(TRPR), w("gridBefore")), 0)
            for tc in tcs:
                tcpr = tc.find(TCPR)
                span = _span(xml_val(tcpr, w("gridSpan")), 1)
                cell = self._place(tc, tcpr, r, column, span, above, printed, nested, depth)
                here.update(dict.fromkeys(range(column, column + span), cell))
                column += span
            above = here
            out.append(printed)
        rows_out = tuple(
            tuple(GridCell(c.text, c.row, c.column, c.rowspan, c.colspan, 0) for c in row) for row in out
        )
        return Grid(0, rows_out, 0, 0, layout="docx")

    def _place(
        self,
        tc: ElementTree.Element,
        tcpr: ElementTree.Element | None,
        r: int,
        column: int,
        span: int,
        above: dict[int, _Cell],
        printed: list[_Cell],
        nested: list[str | Grid],
        depth: int,
    ) -> _Cell:
        """The cell a w:tc belongs to: the one above continues down, the one before widens, or a new one."""
        owner = above.get(column)
        if _merge(tcpr, "vMerge") == "continue" and owner is not None:
            owner.rowspan = r - owner.row + 1
            return owner
        if _merge(tcpr, "hMerge") == "continue" and printed:
            printed[-1].colspan += span
            return printed[-1]
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise DocumentError(f"{self.source}: more than {MAX_CELLS:,} table cells (refused)")
        cell = _Cell(self._cell_text(tc, nested, depth), r, column, 1, span)
        printed.append(cell)
        return cell

    def _cell_text(self, tc: ElementTree.Element, nested: list[str | Grid], depth: int) -> str:
        """The cell's paragraphs joined without a separator; its own tables go to `nested`."""
        parts: list[str] = []
        for child in _content(tc, depth, self.source):
            if child.tag == P:
                parts.append(self.paragraph(child, "").strip(MARKUP_SPACE))
            else:
                nested += self.table(child, depth + 1)
        return "".join(parts)


def _content(
    parent: ElementTree.Element, depth: int, source: str, wanted: str | None = None
) -> Iterator[ElementTree.Element]:
    """`parent`'s paragraphs and tables (or its `wanted` children), through content controls."""
    if depth > MAX_DEPTH:
        raise DocumentError(f"{source}: tables or content controls nested more than {MAX_DEPTH} deep")
    for child in parent:
        tag = child.tag
        if tag == wanted or (wanted is None and tag in (P, TBL)):
            yield child
        elif tag in BLOCK:
            yield from _content(child, depth + 1, source, wanted)
        elif tag == ALTERNATE:
            fallback = child.find(FALLBACK)
            if fallback is not None:
                yield from _content(fallback, depth + 1, source, wanted)


def _runs(p: ElementTree.Element, line_break: str) -> str:
    """The text of a paragraph's runs, inside links, insertions and fields (no recursion)."""
    parts: list[str] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == T:
            parts.append(child.text or "")
        elif tag in SPACES:
            parts.append(" ")
        elif tag in BREAKS:
            parts.append(line_break)
        elif tag == HYPHEN:
            parts.append("-")
        elif tag in INLINE and not (tag == R and run_format(child, "vanish") not in (None, *FALSE)):
            # A run raised or lowered (w:vertAlign) is a footnote mark, no digit of a number before
            # it (`2` `¹`): its place is kept (`2^1`), which reads as no number.
            parts += [RAISED_MARK] if tag == R and run_format(child, "vertAlign") in RAISED else []
            stack.append(iter(child))
    return "".join(parts)


def _deleted(tr: ElementTree.Element) -> bool:
    """A row deleted with tracked changes on."""
    trpr = tr.find(TRPR)
    return trpr is not None and trpr.find(w("del")) is not None


def _span(value: str | None, default: int) -> int:
    span = xml_int(value, default)
    return min(max(span if span is not None else default, default), MAX_SPAN)


def _merge(tcpr: ElementTree.Element | None, tag: str) -> str | None:
    """A cell's w:vMerge / w:hMerge: "restart", "continue" (the default value), or None."""
    merge = tcpr.find(w(tag)) if tcpr is not None else None
    return None if merge is None else merge.get(VAL, "continue")
