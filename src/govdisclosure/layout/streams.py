"""Layout readers K: a table printed as a stream of cells, one per line or paragraph (FORMAT.md §2.2 K).

Two tools print every cell of a Word table on its own, blank cells included, with nothing to mark
where a row ends:

- LibreOffice's text export: one line a cell, an empty line for a blank cell, and no blank
  lines anywhere else (prose paragraphs follow one another line by line);
- docx2txt: one paragraph a cell, paragraphs joined by one blank line, so a blank cell is two
  more blank lines (`text`, ``, ``, ``, `text` holds one blank cell).

Each is recognised from the whole text, since a blank line means a cell only when the tool never
prints one otherwise. The cells are then cut into rows at every cell that is a table label: a
data row is its label and the cells up to the next label, so its values first and, at its end,
the cells a merged label above covers (which the table step drops as padding).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

from ..lazyregex import lazy_pattern
from ..lexicon import Lexicon
from ..normalize import Line
from ..values import is_value_text
from .tokens import CellRow, Token, token

# Enough lines to judge a whole text by, and the share of them that must fit the tool's habits.
MIN_LINES = 20
# Lines that touch are one paragraph's lines (a line break inside a cell: `本年新` / `制作数量`). A
# report whose table 三 is missing has ~80 filled lines, so two such header cells are 2.4% of them;
# the rows must still confirm the reading (_confirmed), which is what tells PDF text apart.
PARAGRAPH_SHARE = 0.95
# A sentence of prose: long, or ending in sentence punctuation.
PROSE = lazy_pattern(r"[。；！？]|^.{40,}")
INDENTED_SHARE = 0.5
# A stream reading is trusted once this many data rows confirm it, and none contradicts it.
MIN_CONFIRMED_ROWS = 5


def _filled(line: Line) -> bool:
    return bool(line.text.strip())


def _sentence(line: Line | None) -> bool:
    return line is not None and PROSE().search(line.text) is not None


def is_paragraph_stream(lines: Sequence[Line]) -> bool:
    """docx2txt: no two filled lines touch, and some blank run holds an empty paragraph (3 blanks)."""
    filled = [i for i, line in enumerate(lines) if _filled(line)]
    if len(filled) < MIN_LINES:
        return False
    touching = sum(1 for a, b in itertools.pairwise(filled) if b == a + 1)
    runs = [b - a - 1 for a, b in itertools.pairwise(filled)]
    return touching <= (1 - PARAGRAPH_SHARE) * len(filled) and any(r >= 3 for r in runs)


def is_line_stream(lines: Sequence[Line]) -> bool:
    """LibreOffice text: no tabs or indents, values alone on their lines, no blank between sentences."""
    if len(lines) < MIN_LINES or any("\t" in line.raw for line in lines):
        return False
    filled = [line for line in lines if _filled(line)]
    # The export prints each cell as it is, from the line's start; text browsers (lynx) indent
    # every line and print cells apart with blank lines that are no cells.
    if sum(1 for line in filled if line.raw[:1] in (" ", "\u3000")) > INDENTED_SHARE * len(filled):
        return False
    # Each cell has its line: a value never shares one with another value or with a label.
    if any(_shares_a_value(line) for line in filled):
        return False
    previous = None
    for line in lines:
        if not _filled(line):
            continue
        if (
            previous is not None
            and previous.number < line.number - 1
            and _sentence(previous)
            and _sentence(line)
        ):
            return False  # a blank line between two sentences separates paragraphs
        previous = line
    return True


def _shares_a_value(line: Line) -> bool:
    words = line.text.split()
    return len(words) > 1 and any(is_value_text(w) for w in words)


def _line_cells(lines: Sequence[Line]) -> Iterator[Token]:
    for line in lines:
        yield token(line.raw.strip(" \t"), line.number)


def empty_paragraphs(blank_lines: Sequence[Line], lines_each: int) -> list[Token]:
    """The empty cells a run of blank lines between two paragraphs holds: the first blank line parts
    the paragraphs, and each `lines_each` more are one empty paragraph (docx2txt prints two, lynx
    one), kept at its first line with what it prints (a no-break space, or nothing)."""
    extra = blank_lines[1:]
    return [
        Token("empty", extra[i].raw.strip(" \t"), extra[i].number)
        for i in range(0, len(extra) - lines_each + 1, lines_each)
    ]


def _paragraph_cells(lines: Sequence[Line]) -> Iterator[Token]:
    blank: list[Line] = []
    for line in lines:
        if not _filled(line):
            blank.append(line)
            continue
        yield from empty_paragraphs(blank, 2)
        blank = []
        yield token(line.raw.strip(" \t"), line.number)


def _rows(cells: Iterator[Token], lexicon: Lexicon, layout: str) -> Iterator[CellRow]:
    """Cells cut into rows at each label cell; other words stand alone; blanks before a row are dropped."""
    row: list[Token] = []
    for cell in cells:
        if cell.kind == "text" and lexicon.match(cell.text):
            if row:
                yield CellRow(tuple(row), row[0].line, layout)
            row = [cell]
        elif cell.kind == "text":
            # Words that are no label (a heading, prose, a note) stand alone: a data row's cells
            # are values and blanks only.
            if row:
                yield CellRow(tuple(row), row[0].line, layout)
            yield CellRow((cell,), cell.line, layout)
            row = []
        elif row or cell.kind != "empty":
            row.append(cell)
    if row:
        yield CellRow(tuple(row), row[0].line, layout)


def _confirmed(rows: Sequence[CellRow], lexicon: Lexicon) -> bool:
    """True when every data row label is followed by its cells: as many as a template gives the
    row, then only blanks (the cells merged labels cover). A text read this way by mistake (PDF
    text boxes) has labels followed by labels, or by more values than the row has."""
    checked = 0
    for row in rows:
        first = row.tokens[0]
        # A label that may be something else than a data row confirms nothing (Lexicon.row_widths).
        widths = lexicon.row_widths(first.text) if first.kind == "text" else frozenset()
        if not widths:
            continue
        cells = row.tokens[1:]
        if not any(len(cells) >= n and all(c.kind == "empty" for c in cells[n:]) and n > 0 for n in widths):
            return False
        checked += 1
    return checked >= MIN_CONFIRMED_ROWS


def stream_rows(lines: Sequence[Line], lexicon: Lexicon) -> list[CellRow] | None:
    """The rows of a cell-stream text, or None when the text is not one (or does not confirm it)."""
    for shows, cells, layout in (
        (is_paragraph_stream, _paragraph_cells, "paragraphs"),
        (is_line_stream, _line_cells, "lines"),
    ):
        if shows(lines):
            rows = list(_rows(cells(lines), lexicon, layout))
            if _confirmed(rows, lexicon):
                return rows
    return None
