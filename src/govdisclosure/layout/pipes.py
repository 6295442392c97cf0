"""Layout reader D: markdown and pipe-rendered rows, cells between pipes (FORMAT.md §2.2 D)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Literal

import regex

from ..lexicon import Lexicon
from ..normalize import Line
from ..values import is_value_text
from .joined import unjoined
from .tokens import CellRow, Token, cell_tokens, cells_of, is_broken_number

# A markdown table's separator row: |---|:---:|.
PIPE_RULE = regex.compile(r"^\s*+\|?+(?:\s*+:?+-{2,}+:?+\s*+\|)++\s*+:?+-*+:?+\s*+$")
# A piece of a label wrapped out of its cell is short.
MAX_PIECE = 20
# Box-drawing characters (U+2500-257F), which text browsers draw as cell borders. Not possessive:
# a lone class has nothing to backtrack into, and `regex` skips ahead to the class's characters only
# when the repeat is plain (a search of a line holding none: 0.22 against 1.5 microseconds).
BOX = regex.compile(r"[\u2500-\u257f]+")
# A grid table's border (pandoc's `+-----+=====+`), whole or under a rowspan cell's column
# (`|        +------+----+`): it closes the row above.
GRID_BORDER = regex.compile(r"[+][-=:]{3,}+|[-=]{3,}+[+]")


def is_pipe_row(line: Line) -> bool:
    """True when the line has cells between at least two pipes."""
    return line.text.count("|") >= 2


def _cells(line: Line, outer: bool | None) -> list[str]:
    text = BOX.sub("|", line.raw).strip(" \t")
    if outer is None:
        outer = text.startswith("|")
    if outer:
        text = text.removeprefix("|").removesuffix("|")
    return text.split("|")


def split_pipes(line: Line, layout: str = "pipes", outer: bool | None = None) -> CellRow:
    """The cells between pipes (box-drawing borders count as pipes), empty ones kept.

    With outer pipes (markdown, w3m boxes) the row opens and closes with one; without (html2text:
    `label| | 0  `) the text after the last pipe is the last cell, empty or not, and dropping it
    would lose a blank cell. `outer=None` decides from the row itself.
    """
    return CellRow(cells_of(_cells(line, outer), line.number), line.number, layout)


def bare_pipes(lines: Sequence[Line]) -> bool:
    """True when the text's pipe rows have no outer pipes (html2text: `规章| 无| 无| 无`).

    Such a writer prints a two-cell row with one pipe (`行政许可|` : a label and a blank cell).
    Markdown tables and box grids open and close every row with a pipe; a bare writer only the
    rows whose first and last cells are empty (`| | 1| | |`), which are few.
    """
    rows = [line.text.strip() for line in lines if is_pipe_row(line) and not PIPE_RULE.match(line.text)]
    outer = sum(row.startswith("|") and row.endswith("|") for row in rows)
    return 2 * outer < len(rows)


def guessed_pipes(lines: Sequence[Line], lexicon: Lexicon) -> bool:
    """True when the text's pipes were drawn from word positions, not from a table's cells.

    A PDF-to-markdown converter (markitdown on a PDF) draws pipes where words stand: one cell
    holding two numbers or a wrapped piece of one, or a pipe row followed straight by a piece of
    a label that wrapped out of its cell (`| 三、本年 | …` / `度办理结`), shows it for the whole
    text, which one tool wrote. A markdown table is followed by a blank line or a whole line.
    """
    for line, after in zip(lines, [*lines[1:], None], strict=True):
        if not (is_pipe_row(line) or PIPE_RULE.match(line.text)):
            continue
        # (The last line too: a text joined into one line has nothing after it.)
        if any(_guessed(cell) for cell in _cells(line, outer=None)):
            return True
        rest = after.text.strip() if after is not None else ""
        if rest and len(rest) <= MAX_PIECE and not any(c in rest for c in "|+") and not lexicon.match(rest):
            return True
    return False


def is_grid_border(line: Line) -> bool:
    """True when the line is a border of a pandoc grid table, whole or partial."""
    return GRID_BORDER.search(line.raw) is not None


def pipe_block(
    lines: Sequence[Line], guessed: bool = False, grid: bool = False, lexicon: Lexicon | None = None
) -> Iterator[CellRow]:
    """The rows of one pipe table; whether it has outer pipes is decided for the whole table.

    html2text writes no outer pipes, so its row whose first cell is empty starts with a pipe
    (`| | | 0| …`); only a table whose every row opens and closes with a pipe has outer ones.
    In a grid table (`grid`: pandoc's `+---+` borders) a row is every line between two borders.
    `lexicon` tells, in pipes drawn at word positions (`guessed`), a group label's piece drawn in
    one cell with a row label (`三、本年 （一）予以公开`).
    """
    if grid:
        yield from _grid_rows(lines)
        return
    rules = {line.number for line in lines if PIPE_RULE.match(line.text) is not None}
    rows = [line for line in lines if line.number not in rules]
    outer = all((t := line.raw.strip(" \t")).startswith("|") and t.endswith("|") for line in rows)
    cells = [_cells(line, outer) for line in rows]
    if guessed:
        # Pipes drawn by a PDF-to-markdown converter from word positions (markitdown on a PDF):
        # a cell holding two numbers, or a number's wrapped piece, shows the pipes are no cell
        # boundaries, so an empty cell there is no blank cell. The words are kept, in order.
        yield from _placed_rows(rows, cells, rules, lexicon)
        return
    for line, row in zip(rows, cells, strict=True):
        for part in unjoined(row):
            yield CellRow(cells_of(part, line.number), line.number, "pipes")


Kinds = tuple[set[int], set[int]]  # a row's cells holding words, and those holding values only


def _kinds(row: Sequence[str]) -> Kinds:
    """The indexes of a row's cells holding words, and of those holding values only."""
    words: set[int] = set()
    values: set[int] = set()
    for i, cell in enumerate(row):
        if cell.strip():
            (values if all(is_value_text(w) for w in cell.split()) else words).add(i)
    return words, values


# How two lines of pipes make one row: their values in different cells (`apart`), or some in the
# same cells (`shared`: the order of two lines' words in one cell is not shown).
Pairing = Literal["apart", "shared"]
NBSP = "\u00a0"
# The most values a row has (table 三's seven columns): two lines holding more are two rows.
SHARED_MOST = 7


def _pairing(row: Sequence[str], after: Sequence[str], kinds: Kinds, kinds_after: Kinds) -> Pairing | None:
    """How two lines of one table are one row's, or None: one line's values all 无, words (a label)
    in at most one of them and before every value."""
    if len(after) != len(row):
        return None
    (words, values), (words_after, values_after) = kinds, kinds_after
    if not values or not values_after or (words and words_after):
        return None
    # The cause: 无, a CJK glyph, sits lower than digits, so one line holds the 无 cells alone.
    if not (_wu_only(row, values) or _wu_only(after, values_after)):
        return None
    labels = words | words_after
    if labels and (max(labels) > min(values | values_after) or labels & (values | values_after)):
        return None
    if not values & values_after:
        return "apart"
    # Sharing cells, the lines are one row only as the pieces of its values: the 无 line under a
    # line with digits (two lines of 无 are two rows; digits under a row are a wrapped number's
    # tails), no more values than table 三's seven columns.
    count = sum(len(row[i].split()) for i in values) + sum(len(after[i].split()) for i in values_after)
    under = _wu_only(after, values_after) and not _wu_only(row, values)
    return "shared" if under and count <= SHARED_MOST else None


def _unpieced(kinds: Kinds, pieces: set[int]) -> Kinds:
    """A line's kinds with the cells holding a group label's piece left out of its words."""
    words, values = kinds
    return words - pieces, values


def _wu_only(row: Sequence[str], values: set[int]) -> bool:
    return all(w == "无" for i in values for w in row[i].split())


def _placed_rows(
    lines: Sequence[Line], cells: Sequence[Sequence[str]], rules: Collection[int], lexicon: Lexicon | None
) -> Iterator[CellRow]:
    """Rows of pipes drawn from word positions, the words of each kept in order with their cells.

    A row can come out as two lines of one table, one of them all 无 (`| 4 |   | 1 |` over
    `|   | 无 |   |`: the 无 glyphs sit lower than the digits; the label on either line): one row,
    merged cell by cell. Where the two lines' values stand in different cells they keep their
    printed order across the columns; where some share a cell (`| 2 |` over `| 无 无 |`), the 无
    are floating (Token.floating): their order against the digits in that cell is not shown.
    """
    # A markdown table starts at a row with a rule under it: the cells of its rows line up.
    table = 0
    tables = []
    for line in lines:
        table = line.number if line.number + 1 in rules else table
        tables.append(table)
    kinds = [_kinds(row) for row in cells]
    # A group label's piece (`（三）不`) drawn on a row's 无 line at the group cell's middle: no
    # label of the row, and set apart when the two lines merge.
    pieces = [
        {k for k in words if lexicon is not None and lexicon.is_group_piece(row[k])}
        for row, (words, _) in zip(cells, kinds, strict=True)
    ]
    values_only = [bool(values) and not words for words, values in kinds]
    i = 0
    merged = -1  # the last line merged into the row before
    while i < len(lines):
        row, line = cells[i], lines[i]
        # A third line of values next to the two (before or after them) is a number LibreOffice
        # wrapped over three lines (`179` / row / `4` for 1794): no merge settles it. (A line
        # merged into the row before is that row's.)
        before = i > 0 and values_only[i - 1] and merged != i - 1
        beside = before or (i + 2 < len(lines) and values_only[i + 2])
        pairing = None
        if i + 1 < len(lines) and not beside:
            pairing = _pairing(
                row, cells[i + 1], _unpieced(kinds[i], pieces[i]), _unpieced(kinds[i + 1], pieces[i + 1])
            )
            # Cells of two tables do not line up: only values apart are merged across them.
            pairing = None if pairing == "shared" and tables[i] != tables[i + 1] else pairing
        if pairing is not None:
            below = lines[i + 1]
            labelled = below if kinds[i + 1][0] - pieces[i + 1] else line
            # The 无 line's marks, where they share cells with the digits above.
            floats = pairing == "shared"
            tokens = [
                t
                for k, (a, b) in enumerate(zip(row, cells[i + 1], strict=True))
                for t in (_cell(a, line.number, (tables[i], k)) if k not in pieces[i] else [])
                + (_cell(b, below.number, (tables[i + 1], k), floats) if k not in pieces[i + 1] else [])
            ]
            yield CellRow(tuple(tokens), labelled.number, "pipes", "words", apart=True)
            for at, n in ((line, i), (below, i + 1)):
                if pieces[n]:
                    apart = [
                        t for k in sorted(pieces[n]) for t in _cell(cells[n][k], at.number, (tables[n], k))
                    ]
                    yield CellRow(tuple(apart), at.number, "pipes", "words", apart=True)
            merged = i + 1
            i += 2
            continue
        kept = [
            t
            for k, text in enumerate(row)
            for part in _labels(text, lexicon)
            for t in _cell(part, line.number, (tables[i], k))
        ]
        yield CellRow(tuple(kept), line.number, "pipes", "words", apart=True)
        i += 1


def _labels(text: str, lexicon: Lexicon | None) -> list[str]:
    """A cell's text, or a group label's piece and the row label it was drawn in one cell with
    (`三、本年 （一）予以公开`: the two columns' words stand close), when only the row label reads."""
    head, _, rest = text.strip().partition(" ")
    if lexicon is None or not rest or lexicon.match(text) or not lexicon.is_group_piece(head):
        return [text]
    return [head, rest] if lexicon.match(rest) else [text]


def _cell(text: str, line: int, place: tuple[int, int], floating: bool = False) -> list[Token]:
    if not text.strip():
        # A cell printing a no-break space (`&nbsp;` in the page) is drawn: a printed blank cell,
        # a cell of the row as a value is. A cell of plain spaces is no cell at all.
        return [Token("value", NBSP, line, pipe_cell=place)] if NBSP in text else []
    return [t._replace(pipe_cell=place, floating=floating) for t in cell_tokens(text, line)]


def _grid_rows(lines: Sequence[Line]) -> Iterator[CellRow]:
    """A grid table's rows: the lines between two borders merged cell by cell.

    Pandoc wraps a long cell over several lines of its row (`| 5. | 0 | 0 |` then `| 要求行政机关
    确认… |   |   |`); read line by line, the label's line would give the row empty cells.
    """
    pending: list[Line] = []
    width = 0
    for line in [*lines, None]:
        # A `| --- | --- |` line between borders is a row of cells (markdown's --- for —), no rule.
        if line is not None and not is_grid_border(line):
            cells = len(_cells(line, True))
            if pending and cells != width:
                yield _merged(pending)
                pending = []
            pending.append(line)
            width = cells
            continue
        if pending:
            yield _merged(pending)
            pending = []


def _merged(lines: Sequence[Line]) -> CellRow:
    tokens: list[Token] = []
    for pieces in zip(*(_cells(line, True) for line in lines), strict=True):
        # A cell's line is the first of the row's lines that prints something in it.
        at = next((line.number for line, piece in zip(lines, pieces, strict=True) if piece.strip()), None)
        tokens.extend(cell_tokens("".join(piece.strip() for piece in pieces), at or lines[0].number))
    return CellRow(tuple(tokens), lines[0].number, "pipes")


def _guessed(cell: str) -> bool:
    words = cell.split()
    return (len(words) > 1 and all(is_value_text(w) for w in words)) or any(
        is_broken_number(w) for w in words
    )
