"""Layout reader K: a row printed one cell per paragraph, a blank cell one more blank line (FORMAT.md §2.2 K).

A text browser (lynx) prints a table whose cells hold paragraphs (a page pasted from Word:
`<td><p>…</p></td>`) one cell a paragraph, paragraphs one blank line apart. A cell printing a
no-break space (`<p>&nbsp;</p>`, the usual blank of such pages) is an empty paragraph: one more
blank line. So `一、本年新收…` / `` / `1` / six blank lines / `1` is the row 1, five blank
cells, 1: the blank lines keep each blank cell's place.

A cell that prints nothing at all (`<p></p>`) leaves no blank line, and a converter that does
not print paragraphs this way (plain pdftotext) leaves blank lines that are no cells. So the
reading is trusted for a whole text or not at all: every data row label alone on its line, a
blank line under it, must come with exactly as many cells (values and empty paragraphs) as a
template gives its row (a label followed by no cell at all is a blank row printing nothing, and
refuses the text too), enough rows must confirm it, and one at least must hold an empty
paragraph, and no value paragraphs that no row takes may stand right before a row's label, fewer
than a row's cells after the line above them (a row's first cells printed before its label, plain
pdftotext: each label's cells would then be its row's last and the next row's first; or a value a
tool drew away from its row). Otherwise no row is read this way and the `words` rule takes each
line on its own, as if there were no blank lines.

What no count can show: a row with one blank cell printing nothing and one value cell printing
an extra empty paragraph (`<td><p>3</p><p>&nbsp;</p></td>`) has its row's count, and reads shifted.
Texts from one page rarely mix the two; where they do elsewhere, the text is refused.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..lexicon import Entry, Lexicon
from ..normalize import Line
from ..values import is_value_text
from .streams import MIN_CONFIRMED_ROWS, empty_paragraphs
from .tokens import CellRow, Token, token

# The rows of a confirmed text by the index of their label's line, each with the index after it.
ParagraphRows = dict[int, tuple[CellRow, int]]


def _in_review(found: Sequence[Entry], before: bool) -> bool:
    """Whether the text stands in table 四 after a line naming `found`: its labels enter it, another
    table's leave it (table 三's header also ends in 总计, a table 四 column word)."""
    if not found:
        return before
    return all(e.table == "review_litigation" for e in found) or (
        before and any(e.table == "review_litigation" for e in found)
    )


def _widths(text: str, found: Sequence[Entry], lexicon: Lexicon, review: bool) -> frozenset[int]:
    """How many cells follow a line alone in a template: a data row's label its row's width, the
    last word of table 四's header (a column label, in table 四) the table's cells."""
    if review:
        if any(e.table == "review_litigation" and e.kind == "column" for e in found):
            return lexicon.review_cells
        return frozenset()
    # （六）其他处理 followed by cells is 2019's row: were it 2021's group label, one of its rows'
    # labels would come with no cell, and that refuses the text.
    return lexicon.row_widths(text, sure=False)


def _row_at(lines: Sequence[Line], start: int) -> tuple[CellRow, int]:
    """The label at `start` and the paragraphs after it, up to the next line that is no value, and
    the index after the row."""
    cells: list[Token] = []
    blank: list[Line] = []
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if line.is_blank:
            blank.append(line)
        elif blank and is_value_text(line.text.strip()):
            cells.extend(empty_paragraphs(blank, 1))
            cells.append(token(line.raw.strip(), line.number))
            blank = []
        else:
            break
        i += 1
    if i < len(lines):
        # Empty paragraphs before the next label are this row's last cells.
        cells.extend(empty_paragraphs(blank, 1))
    label = lines[start]
    row = CellRow((token(label.raw.strip(), label.number), *cells), label.number, "paragraph-cells")
    return row, i


def paragraph_rows(lines: Sequence[Line], lexicon: Lexicon) -> ParagraphRows:
    """The rows of a text printing one cell per paragraph, by their label's line index; {} when the
    text is not one (or does not confirm it)."""
    if not _shows_paragraphs(lines):
        return {}
    rows: ParagraphRows = {}
    shown = review = False
    for start, line in enumerate(lines):
        text = line.text.strip()
        # A line alone: a label's words, a blank line under it (a value line names nothing).
        if not text or any(is_value_text(word) for word in text.split()):
            continue
        found = lexicon.match(text)
        review = _in_review(found, review)
        followed = start + 1 < len(lines) and lines[start + 1].is_blank
        widths = _widths(text, found, lexicon, review) if followed else frozenset()
        if not widths:
            continue
        row, end = _row_at(lines, start)
        cells = row.tokens[1:]
        if len(cells) not in widths:
            if cells or (not review and all(e.kind == "row" for e in found)):
                # A row label followed by values or empty paragraphs, not as many as its row has;
                # or a data row's label by no cell at all: a blank row printing nothing, so blank
                # cells print nothing here and blank lines are no cells. (Table 四's header words
                # follow one another, and 2021's group label （六）其他处理 its rows' labels.)
                return {}
            continue
        rows[start] = (row, end)
        shown = shown or any(t.kind == "empty" for t in cells)
    # Rows printing every cell show paragraphs, not what a blank cell prints: one row at least must
    # hold empty paragraphs, as many as its count needs.
    if len(rows) < MIN_CONFIRMED_ROWS or not shown or _value_before_a_label(lines, rows):
        return {}
    return rows


def _value_before_a_label(lines: Sequence[Line], rows: ParagraphRows) -> bool:
    """True when value paragraphs no row takes stand right before a row's label, fewer than a row's
    cells after the line above them: a row's first cells printed before its label (plain pdftotext
    prints a cell drawn higher than the label first), so each label's cells may be the next row's
    first and its own but the first; or a value a tool drew away from its row, after a whole row.
    (A whole row's cells after words naming no row, a row label the templates do not know or one
    wrapped over two lines, are that row's, which the table step says.)"""
    taken = {i for start, (_, end) in rows.items() for i in range(start, end)}
    for start, (row, _) in rows.items():
        above = start - 1
        while above >= 0 and above not in taken and _value_or_blank(lines[above]):
            above -= 1
        if all(lines[i].is_blank for i in range(above + 1, start)):
            continue
        if above >= 0 and above not in taken:
            words, _ = _row_at(lines, above)  # the cells after words naming no row
            if len(words.tokens) >= len(row.tokens):
                continue
        return True
    return False


def _value_or_blank(line: Line) -> bool:
    return line.is_blank or is_value_text(line.text.strip())


def _shows_paragraphs(lines: Sequence[Line]) -> bool:
    """True when enough lines are a value alone after a blank line, or two blank lines: a cheap
    test before the reading."""
    seen = 0
    for previous, line in itertools.pairwise(lines):
        if previous.is_blank and (
            line.is_blank or (" " not in (body := line.text.strip()) and is_value_text(body))
        ):
            seen += 1
            if seen >= MIN_CONFIRMED_ROWS:
                return True
    return False
