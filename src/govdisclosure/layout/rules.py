"""Layout reader: plain-text tables drawn with dash rules (pandoc's simple and multiline tables, §2.2 K).

`pandoc -t plain` (and `-t markdown` where a table has no merged cells it cannot draw) prints a
table as text columns under a rule of dash runs, one run per column:

    ---------- ---------- ---------- ------
    行政复议                           …
    结果维持   结果纠正   其他结果   总计  …
                          1                1

The runs are the grid: every word stands in the column whose run covers where it starts (in
display columns: a Han character is two wide), so a blank cell is a column with nothing in it and
keeps its place. A simple table has one row per line and may have header lines right above its
first rule; a multiline table has a rule at both ends and a blank line between rows, each row
wrapping over several lines within its columns (a wrapped label is joined back).

pandoc pads each cell flush to its run (left, right or centred): a table with a line whose cells
stand off their runs (leading spaces a cleaner stripped) is not read by its grid at all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from ..lazyregex import lazy_pattern
from ..normalize import Line
from ..numbering import BARE_MARKER, LABEL_START
from .tokens import CellRow, Token, reading, token

# Two or more dash runs separated by spaces, nothing else on the line.
RULE = lazy_pattern(r"^[ ]*+-{2,}+(?:[ ]++-{2,}+)++[ ]*+$")
DASHES = lazy_pattern(r"-++")
DASH_LINE = lazy_pattern(r"^[ ]*+-{2,}+[ -]*+$")
WORD = lazy_pattern(r"\S++")
# Header lines a simple table may print right above its first rule.
MAX_HEADER_LINES = 4


class _WideMarks(dict[int, str]):
    """str.translate table keeping one mark per wide character and deleting the others, each
    character's width looked up on first sight and remembered: widths are then counted at C speed
    (a per-character east_asian_width call was most of reading a pandoc table)."""

    # Characters remembered at most; beyond that (adversarial input) new ones are looked up each time.
    LIMIT = 1 << 16

    def __missing__(self, code: int) -> str:
        out = "w" if unicodedata.east_asian_width(chr(code)) in "WF" else ""
        if len(self) < self.LIMIT:
            self[code] = out
        return out


_WIDE_MARKS = _WideMarks()


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: a wide (Han, full-width) character takes two."""
    if text.isascii():
        return len(text)
    return len(text) + len(text.translate(_WIDE_MARKS))


def _runs(rule: str) -> list[tuple[int, int]]:
    """Display columns [start, end) of each dash run (the rule is ASCII: one column a character)."""
    return [match.span() for match in DASHES().finditer(rule)]


def is_rule(line: Line) -> bool:
    """True when the line is a dash rule with two runs or more."""
    return "--" in line.raw and RULE().match(line.raw) is not None


def _column(runs: Sequence[tuple[int, int]], start: int) -> int:
    """The run a word starting at `start` stands in: the last run that starts at or before it."""
    found = 0
    for i, (begin, _) in enumerate(runs):
        if begin <= start:
            found = i
    return found


def _words(line: Line) -> Iterator[tuple[int, str]]:
    """(display column, word) of every word of a line."""
    raw = line.raw.replace("\t", " ")
    at, position = 0, 0
    for match in WORD().finditer(raw):
        position += display_width(raw[at : match.start()])
        yield position, match[0]
        position += display_width(match[0])
        at = match.end()


def _row(lines: Sequence[Line], runs: Sequence[tuple[int, int]]) -> CellRow:
    """One table row printed over one or more lines: each column's words joined."""
    texts: list[list[str]] = [[] for _ in runs]
    first_line: list[int | None] = [None] * len(runs)
    for line in lines:
        on_line: dict[int, list[str]] = {}
        for position, word in _words(line):
            on_line.setdefault(_column(runs, position), []).append(word)
        for column, words in on_line.items():
            # Words of one line stand apart by a space; a wrapped cell's lines join without one.
            texts[column].append(" ".join(words))
            if first_line[column] is None:
                first_line[column] = line.number
    number = lines[0].number
    tokens: list[Token] = []
    for column, parts in enumerate(texts):
        tokens.append(token("".join(parts), first_line[column] or number, column=column))
    return CellRow(tuple(tokens), number, "rules", width=len(runs))


def _separates(line: Line) -> bool:
    # Pandoc pads every line of a table to its width: a row whose cells are all blank is a line
    # of spaces, while the blank line between a multiline table's rows is empty.
    return not line.raw.strip("\r")


def _outside(line: Line, runs: Sequence[tuple[int, int]]) -> bool:
    # Every line of a table is indented at least as far as its rule: a line starting further left
    # is the text after the table.
    text = line.raw.replace("\t", " ")
    stripped = text.lstrip(" ")
    return bool(stripped) and display_width(text[: len(text) - len(stripped)]) < runs[0][0]


def _squeezed(kinds: Sequence[str]) -> bool:
    """True when one run holds what stands in several cells: two values, or words ending in a value
    (`规章 0 0 9`, `一、本年新收… 72`), a row whose spaces a cleaner squeezed off its grid."""
    return kinds.count("value") > 1 or (len(kinds) > 1 and kinds[-1] == "value" and "text" in kinds)


def _lines_up(line: Line, runs: Sequence[tuple[int, int]]) -> bool:
    """True when each cell's text on the line stands flush left, flush right or centred in its
    run, as the tool padded it. A line whose leading spaces a cleaner stripped (`line.strip()`) has
    its cells moved off their runs, and would read shifted into other columns."""
    cells: dict[int, tuple[int, int]] = {}
    kinds: dict[int, list[str]] = {}
    for position, word in _words(line):
        column = _column(runs, position)
        start, _ = cells.get(column, (position, 0))
        cells[column] = (start, position + display_width(word))
        kinds.setdefault(column, []).append(reading(word)[0])
    if any(_squeezed(found) for found in kinds.values()):
        return False
    for column, (start, end) in cells.items():
        begin, stop = runs[column]
        left, right = start - begin, stop - end
        if left != 0 and right != 0 and abs(left - right) > 1:
            return False
    return True


def _wraps_marker(row: Sequence[Line], line: Line, runs: Sequence[tuple[int, int]]) -> bool:
    """True when the line carries on the row's cell that printed its label's marker alone (`5.`,
    `(二)`) and prints nothing else: a multiline table's wrapped cell whose blank lines between rows
    a cleaner dropped. A label cell is never a marker alone, so it is no blank row of its own; the
    cell may wrap over more lines (`5.` / `要求` / `行政机关确认…`), each printing only that column,
    until a line opens a label of its own."""
    words = list(_words(line))
    columns = {_column(runs, position) for position, _ in words}
    if len(columns) != 1 or LABEL_START.match(words[0][1]) is not None:
        return False
    if len(row) > 1:
        # (Each line joined so far was held to this; the last one's column is the cell's.)
        return {_column(runs, position) for position, _ in _words(row[-1])} == columns
    (column,) = columns
    above = [word for position, word in _words(row[0]) if _column(runs, position) == column]
    return len(above) == 1 and BARE_MARKER.match(above[0]) is not None


def _continues_attributes(row: Sequence[Line], line: Line, runs: Sequence[tuple[int, int]]) -> bool:
    """True when every cell the line prints carries on an attribute block its column left open in
    the row (`[规章]{style="font-family:…;` / `letter-spacing:…"}`): pandoc's markdown of a page's
    styled text (markup.py) wraps a cell's attributes over lines with no blank line
    between rows, and those lines are the row's, not rows of their own."""
    columns = {_column(runs, position) for position, _ in _words(line)}
    if not columns:
        return False
    opened = dict.fromkeys(columns, 0)
    for above in row:
        for position, word in _words(above):
            column = _column(runs, position)
            if column in opened:
                opened[column] += word.count("{") - word.count("}")
    return all(depth > 0 for depth in opened.values())


def _rows(body: Sequence[Line], runs: Sequence[tuple[int, int]]) -> Iterator[CellRow]:
    """Rows of a table body: blank-separated groups when it has blank lines, else one row a line
    (and the lines a wrapped marker or wrapped attributes carry on)."""
    if not any(_separates(line) for line in body):
        rows: list[list[Line]] = []
        for line in body:
            if rows and (_wraps_marker(rows[-1], line, runs) or _continues_attributes(rows[-1], line, runs)):
                rows[-1].append(line)
            else:
                rows.append([line])
        for lines in rows:
            yield _row(lines, runs)
        return
    group: list[Line] = []
    for line in body:
        if _separates(line):
            if group:
                yield _row(group, runs)
            group = []
        else:
            group.append(line)
    if group:
        yield _row(group, runs)


def _closes(line: Line, runs: Sequence[tuple[int, int]]) -> bool:
    # A closing rule repeats the opening one's runs or is one long run; a line of short dash runs
    # elsewhere is a row of cells printing `---` (pandoc's markdown for —).
    found = _runs(line.raw)
    return len(found) == 1 or found == list(runs)


def rule_table(lines: Sequence[Line], start: int, previous_rows: list[CellRow]) -> int | None:
    """Read the table whose rule is lines[start]; the index after it, or None when it is no table.

    Rows go to `previous_rows`; header lines right above the rule were read before it as other
    rows and are read again here, in the grid, so the ones already read are dropped.
    """
    rule = lines[start]
    if not is_rule(rule):
        return None
    runs = _runs(rule.raw)
    end = start + 1
    closing = None
    while end < len(lines):
        if DASH_LINE().match(lines[end].raw) and _closes(lines[end], runs):
            closing = end  # the closing rule (a multiline table's may be one long run)
            break
        if _outside(lines[end], runs) or (
            _separates(lines[end]) and (end + 1 >= len(lines) or _separates(lines[end + 1]))
        ):
            break  # text left of the table, or two blank lines: it has ended with no closing rule
        end += 1
    if closing is not None:
        body = lines[start + 1 : closing]
        after = closing + 1
    else:
        stop = start + 1
        while stop < len(lines) and not _separates(lines[stop]) and not _outside(lines[stop], runs):
            stop += 1
        body = lines[start + 1 : stop]
        after = stop
    if all(_separates(line) for line in body):
        return None  # a rule with no row under it closes a table whose lines were read already
    if not all(_lines_up(line, runs) for line in body if not _separates(line)):
        return None  # cells off their runs: the grid no longer shows where a value stands
    if all(not line.raw[:1].isspace() for line in (rule, *body) if not _separates(line)):
        # pandoc indents every table; one whose every line is flush left lost its leading spaces,
        # and a row whose first cells are blank then stands shifted by whole columns.
        return None
    header: list[Line] = []
    back = start - 1
    # (A header line is indented as far as the rule, as every line of the table: a line further
    # left is text above the table, or another table's, even with no blank line between.)
    while (
        back >= 0
        and not lines[back].is_blank
        and not DASH_LINE().match(lines[back].raw)
        and not _outside(lines[back], runs)
        and len(header) < MAX_HEADER_LINES
    ):
        if not _lines_up(lines[back], runs):
            # Held to the runs as the rows are: an indented line of prose above the table is no
            # header; a line of values standing off them, a row moved off the grid (squeezed).
            if any(reading(word)[0] == "value" for _, word in _words(lines[back])):
                return None
            break
        header.insert(0, lines[back])
        back -= 1
    if header:
        numbers = {line.number for line in header}
        while previous_rows and previous_rows[-1].line in numbers:
            previous_rows.pop()
        previous_rows.extend(_row([line], runs) for line in header)
    previous_rows.extend(_rows(body, runs))
    return after
