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
from ..values import is_value_text

__all__ = ["MAX_CELL", "RULE_CELL", "cut_at_text", "unjoined"]


# A cell of a markdown table's separator row, found inside a line (`| --- | :---: |`).
RULE_CELL = regex.compile(r"^\s*+:?+-{3,}+:?+\s*+$")


def unjoined(cells: list[str]) -> list[list[str]]:
    """A line's cells as the rows they are: one row, or, where the line holds tables' rows joined
    (`| h | h | | --- | --- | | 1 | 2 |`: a separator row between two empty cells the join left),
    each table's rows cut at every such cell, each as wide as its separator row. Text the join left
    between two tables, or before the first or after the last (`**三、收到和处理…** 本年度…如下：`), stands
    where an empty cell would, and is a row of its own. Where one table's rows joined do not cut
    that way, no row is given: which cells were a row's is not shown (markitdown prints table 三's
    rows each as wide as its own cells), and pipes a PDF-to-markdown converter drew from word
    positions cut into rows only by chance (pipes.guessed_pipes needs the lines to tell them).
    (`| 行政许可 | --- | --- |`, dashes printed for none, is one row.)"""
    runs = _separator_runs(cells)
    if not runs:
        return [cells]
    firsts: list[int] = []
    for k, (start, width) in enumerate(runs):
        # A table's first row: its header right before its separator row, and any row before that.
        floor = runs[k - 1][0] + runs[k - 1][1] + 1 if k else 0
        first = start
        while first - width - 1 >= floor and not cells[first - 1].strip():
            first -= width + 1
        firsts.append(first)
    rows = [cells[: firsts[0]]]  # text before the first table (where a join would be)
    for k, (start, width) in enumerate(runs):
        limit = firsts[k + 1] - 1 if k + 1 < len(runs) else len(cells)
        table, end = _table_rows(cells, firsts[k], start, width, limit)
        if not table:
            return []
        rows += [*table, cells[end : limit + 1]]  # its rows, then the text after it
    return [row for row in rows if row and (len(row) > 1 or row[0].strip())]


def _separator_runs(cells: list[str]) -> list[tuple[int, int]]:
    """(start, width) of every separator row among the cells: two or more `---` cells in a row,
    an empty cell (or the line's end) on each side."""
    runs = []
    i = 0
    while i < len(cells):
        if RULE_CELL.match(cells[i]) is None:
            i += 1
            continue
        width = 1
        while i + width < len(cells) and RULE_CELL.match(cells[i + width]):
            width += 1
        before = i == 0 or not cells[i - 1].strip()
        after = i + width < len(cells) and not cells[i + width].strip()
        if width >= 2 and before and after:
            runs.append((i, width))
        i += width
    return runs


def _table_rows(
    cells: list[str], first: int, start: int, width: int, limit: int
) -> tuple[list[list[str]], int]:
    """One table's rows (its separator row left out) from `first` up to `limit`, where the cells
    after it begin, and where its last row ends; no row unless they cut into rows of `width` one
    empty cell apart, the last one ending at `limit` or, for the line's last table, one cell (a
    join, or text after the table) before the end."""
    period = width + 1
    end = first + width  # after the first row
    while end + period <= limit and not cells[end].strip():
        end += period
    last = limit == len(cells)
    if end <= start + width or not (end == limit or (last and end == limit - 1)):
        return [], limit
    return [cells[i : i + width] for i in range(first, end, period) if i != start], end


# A table's cell is never a page of text: the longest cell of a pipe row in the project's corpora
# (five, 21,120 texts) and ../shared is 201 characters. A longer stretch between two pipes is text a
# crawler or a cleaner joined onto the pipes' line: a site's footer (`使用帮助 | 联系我们 | …`) after
# the whole report, a markdown table's rows after the prose before them.
MAX_CELL = 400
# What parts a line's cells: a pipe (a full-width one too: `使用帮助｜联系我们`), or a box-drawing border
# (pipes.BOX).
CELL_BORDER = regex.compile(r"[|\uff5c\u2500-\u257f]")


def cut_at_text(line: Line) -> list[Line]:
    """The line, or, where text longer than any cell stands between its pipes, the line cut around
    that text: each such stretch a line of its own (read by words, as a page's text is), each run of
    cells between them another. Every piece keeps the line's number.

    Cut there is text before the first pipe or after the last (the report before a site's footer),
    text between cells that hold no value (a site's navigation and footer around the report), and
    text holding a report's heading or a raw table (markdown joined into one line). A long cell
    beside values and holding neither is a note in a table's row, which stays whole: cut, the values
    before it would stand as a row of their own."""
    if len(line.raw) <= MAX_CELL:
        return [line]
    borders = [m.start() for m in CELL_BORDER.finditer(line.raw)]
    if len(borders) < 2:
        return [line]
    stretches = [(a + 1, b) for a, b in zip([-1, *borders], [*borders, len(line.raw)], strict=True)]
    texts = [line.raw[a:b].strip() for a, b in stretches]
    long = [i for i, text in enumerate(texts) if len(text) > MAX_CELL]
    if not long or not all(_page_text(texts, i) for i in long):
        return [line]
    pieces: list[str] = []
    start = 0
    for i in long:
        a, b = stretches[i]
        pieces += [line.raw[start:a], line.raw[a:b]]
        start = b
    pieces.append(line.raw[start:])
    return [
        Line(line.number, piece, normalize_line(piece), line.page)
        for piece in pieces
        if CELL_BORDER.sub("", piece).strip()
    ]


# A report's section heading (`三、收到和处理…`) or a raw HTML table: what no table's cell holds.
PAGE_MARK = regex.compile(r"(?:^|[\s*#>])[一二三四五六]、|<table\b", regex.IGNORECASE)


def _page_text(texts: list[str], i: int) -> bool:
    """True when the long stretch `texts[i]` is a page's text, not a table's cell (cut_at_text)."""
    if i in (0, len(texts) - 1) or PAGE_MARK.search(texts[i]) is not None:
        return True
    before = next((text for text in reversed(texts[:i]) if text), "")
    after = next((text for text in texts[i + 1 :] if text), "")
    return not (is_value_text(before) or is_value_text(after))
