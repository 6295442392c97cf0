"""Layout reader D's rows a text cleaner joined into one line, cut back into rows (docs/flattening.md).

A pipeline that joins a paragraph's lines (PDF text "reflowed") joins a markdown table's rows too:
`| h | h |` / `|---|---|` / `| 1 | 2 |` becomes `| h | h | | --- | --- | | 1 | 2 |`. The separator
row still says how wide a row is, and the join leaves one empty cell between two rows.

A page's text joined into one line (a crawler's, FORMAT.md §2.2 I) holds the report and, around
it, the site's navigation and footer, whose items a page often parts with pipes (`使用帮助 | 联系我们`).
Such a line is no pipe row: the report stands between two pipes as one "cell" longer than any
table's cell, and is cut out to be read as the page's text it is (`cut_at_text`).
"""

from __future__ import annotations

import regex

from ..normalize import Line, normalize_line

__all__ = ["MAX_CELL", "RULE_CELL", "cut_at_text", "unjoined"]


# A cell of a markdown table's separator row, found inside a line (`| --- | :---: |`).
RULE_CELL = regex.compile(r"^\s*+:?+-{3,}+:?+\s*+$")


def unjoined(cells: list[str]) -> list[list[str]]:
    """A line's cells as the rows they are: one row, or, where the line holds a table's rows joined
    (`| h | h | | --- | --- | | 1 | 2 |`: a separator row between two empty cells the join left),
    those rows cut at every such cell, each as wide as the separator row. Rows joined that do not
    cut that way give no row: which cells were a row's is not shown. (`| 行政许可 | --- | --- |`,
    dashes printed for none, is one row.)"""
    start = next((i for i, cell in enumerate(cells) if RULE_CELL.match(cell)), None)
    if start is None:
        return [cells]
    width = 0
    while start + width < len(cells) and RULE_CELL.match(cells[start + width]):
        width += 1
    end, period = start + width, width + 1
    between = (start == 0 or not cells[start - 1].strip()) and end < len(cells) and not cells[end].strip()
    if width < 2 or not between:
        return [cells]
    if start % period or (len(cells) + 1) % period or any(c.strip() for c in cells[width::period]):
        return []
    rows = [cells[i : i + width] for i in range(0, len(cells), period)]
    return [row for row in rows if not all(RULE_CELL.match(cell) for cell in row)]


# A table's cell is never a page of text: the longest cell of a pipe row in the project's corpora
# (five, 21,120 texts) and ../shared is 201 characters. A longer stretch between two pipes is text a
# crawler or a cleaner joined onto the pipes' line: a site's footer (`使用帮助 | 联系我们 | …`) after
# the whole report, a markdown table's rows after the prose before them.
MAX_CELL = 400
# What parts a line's cells: a pipe, or a box-drawing border (pipes.BOX).
CELL_BORDER = regex.compile(r"[|\u2500-\u257f]")


def cut_at_text(line: Line) -> list[Line]:
    """The line, or, where text longer than any cell stands between its pipes, the line cut around
    that text: each such stretch a line of its own (read by words, as a page's text is), each run of
    cells between them another. Every piece keeps the line's number."""
    if len(line.raw) <= MAX_CELL or line.raw.count("|") < 2:
        return [line]
    borders = [m.start() for m in CELL_BORDER.finditer(line.raw)]
    stretches = [(a + 1, b) for a, b in zip([-1, *borders], [*borders, len(line.raw)], strict=True)]
    long = [(a, b) for a, b in stretches if len(line.raw[a:b].strip()) > MAX_CELL]
    if not long:
        return [line]
    pieces: list[str] = []
    start = 0
    for a, b in long:
        pieces += [line.raw[start:a], line.raw[a:b]]
        start = b
    pieces.append(line.raw[start:])
    return [
        Line(line.number, piece, normalize_line(piece), line.page) for piece in pieces if piece.strip(" |\t")
    ]
