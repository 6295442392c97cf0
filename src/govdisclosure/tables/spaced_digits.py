"""Step 4 for tables 三 and 四: a row's letter-spaced digits, split only where the identities leave one split.

A table printed letter-spaced (CSS `letter-spacing`, Word's distributed alignment) comes out of
pdftotext `-raw` and pdfplumber with one space between every character: a row's cells as
`数 量 1 9 2 0 3 6 1 8 4 2 2 3`, the space between two cells the space between two digits
(layout/spaced.py keeps such a run as one `broken` token). That is digits whose cell boundaries
the text does not show, as in a fused line (FORMAT.md §2.2 G), and the identities settle them the
same way (resolve.py: a table 三 row's 总计 the sum of its other cells, each column's balance and
outcome total; each table 四 group's 总计 the sum of its four): 192, 0, 3, 6, 18, 4, 223 is the
one split of those twelve digits into seven cells that holds the row total. Cells so read carry
basis `split`.

A none mark (`—`, `/`, `无`) or a lone digit between marks is a cell of its own, and a comma binds
the digits on both sides into one number (`1 , 6 6 7 — — — — 1 1 , 6 6 8`: 1,667, four marks, 1
and 1,668, or 11,668: the digits before a comma may open that number or end the cell before).

These tools drop blank cells, so the cells may also be fewer than the row has: where the printed
cells read with a blank dropped anywhere hold the identities as well (`1 2 1 2`: 12 and 12 with
five blanks), the text does not show which, and the row is said, not split. Only a row printing
nothing but these on one line is read so: its label's, its wrapped tail's, or a line of its own
right after those and right before a line opening with words (rows.py: pdftotext -raw prints a
row's cells after its label's cell); table 四's one row of fifteen cells after its header
(review.py); and in text boxes (plain pdftotext), a row's values lines after its label, each box
one cell or several, where its values read in printed order would be placed (pending.py). Digits
on other lines leave it as it was (a number printed broken, layout/spaced.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from ..layout import Token, is_spaced_digits
from ..lazyregex import lazy_pattern
from ..values import NONE_MARKS, clean
from .fused import MAX_NODES, Split
from .grid import FusedRun, Grid
from .shape import RowShape

__all__ = [
    "SPACED_FEWER",
    "SpacedCells",
    "put_spaced",
    "put_spaced_table",
    "spaced_cells",
    "spaced_readings",
    "spaced_row",
]

SPACED_FEWER = (
    "letter-spaced digits that fewer cells hold as well (blank cells dropped): "
    "where the cells part is not shown"
)
SPACED_MANY = "letter-spaced digits read too many ways to tell"

# One cell of a run, or a number printed whole: no leading zero, commas three digits apart.
_CELL = lazy_pattern(r"^(?:0|[1-9]\d{0,29}+|[1-9]\d{0,2}+(?:,\d{3})++)$")
# The most readings kept for the column identities to choose from (resolve.choose); more are said.
MAX_READINGS = 1_000


class SpacedCells(NamedTuple):
    """A row's printed cells where one at least is letter-spaced: each a run to split (its digits
    and commas, spaces taken out) or a cell as printed (a none mark, a number, a lone digit)."""

    parts: tuple[str, ...]
    runs: tuple[bool, ...]  # which parts are runs


def spaced_cells(values: Sequence[Token]) -> SpacedCells | None:
    """The row's values as SpacedCells when one at least is a letter-spaced run and every other
    a none mark or a whole number; else None."""
    if not any(is_spaced_digits(v) for v in values):
        return None  # (most rows of most texts: asked before any cell is read)
    parts: list[str] = []
    runs: list[bool] = []
    for value in values:
        if value.kind == "empty":
            continue
        text = clean(value.text)
        if is_spaced_digits(value):
            parts.append(text.replace(" ", ""))
            runs.append(True)
        elif value.kind == "value" and (text in NONE_MARKS or _CELL().match(text)):
            parts.append(text)
            runs.append(False)
        else:
            return None  # a word, or a value no cell of a run reads (`1.5`)
    return SpacedCells(tuple(parts), tuple(runs))


def spaced_row(tokens: Sequence[Token], shape: RowShape, identity: bool) -> list[Token] | None:
    """A row's values in a table with a row total (`identity`) where they are spaced_cells after
    the words of the line: one row label's (`tokens` the line's), or its wrapped tail's (`数 量 1 9
    2 0 3 6 1 8 4 2 2 3`: words that are no label); else None."""
    words = next((i for i, t in enumerate(tokens) if t.kind != "text"), len(tokens))
    values = list(tokens[words:])
    if not identity or len(shape.segments) > 1:
        return None
    return values if spaced_cells(values) is not None else None


def put_spaced(
    grid: Grid,
    row: str,
    columns: tuple[str, ...],
    values: Sequence[Token],
    line: int,
    width: int | None = None,
) -> None:
    """The row's letter-spaced cells as a fused run with the readings the identities admit
    (resolve.py chooses among them), or said where fewer cells hold them too or they read too many
    ways. `width`: the cells of a group ending with its total (table 三's row, all of `columns`;
    table 四's group, 5)."""
    cells = spaced_cells(values)
    if cells is None:
        return
    readings, doubt = spaced_readings(cells, len(columns), width or len(columns))
    if doubt is not None:
        # ("*": table 四's one row, its three groups: the table names them.)
        shown = " ".join(v.text.strip() for v in values if v.kind != "empty")
        grid.unplaced(f"{'' if row == '*' else f'{row}: '}{doubt} ({shown})", line)
        return
    grid.fused.append(FusedRun(row, columns, cells.parts, line, readings=tuple(readings)))


def put_spaced_table(
    grid: Grid, columns: tuple[str, ...], width: int, values: Sequence[Token], line: int, whole: bool
) -> None:
    """Table 四's letter-spaced values split as its one row of `columns`, groups of `width`, where
    `whole`: the table's one row of values, after its whole header, not in text boxes (plain
    pdftotext and pdfminer print a cell's digits alone on a line, and rows out of order); else said."""
    if whole:
        put_spaced(grid, "*", columns, values, line, width)
        return
    raw = " ".join(t.text.strip() for t in values)
    grid.unplaced(f"letter-spaced digits whose cells no one row of the table shows ({raw})", line)


class _Stop(Exception):
    """The search has its answer: a reading with blank cells holds, or its budget is spent."""

    def __init__(self, doubt: str) -> None:
        super().__init__(doubt)
        self.doubt = doubt


def spaced_readings(cells: SpacedCells, n: int, width: int) -> tuple[list[Split], str | None]:
    """Every reading of the printed cells as `n` cells in groups of `width`, each group's last cell
    the sum of the others (a none mark counting as nothing); and why none may be taken: some
    reading holds them with blank cells among them as well (the tool drops them; a blank group
    total only where its whole group is blank), or the readings are too many to search."""
    parts, runs = cells.parts, cells.runs
    # The longest cell the parts from each on can print: an open group's total must fit in one.
    longest = [max(map(len, parts[i:]), default=0) for i in range(len(parts) + 1)]

    def room(i: int, at: int) -> int:
        return max(len(parts[i]) - at, longest[i + 1]) if i < len(parts) else 0

    @cache
    def next_cells(i: int, at: int) -> list[tuple[str, int, int, int]]:
        found = _next_cells(parts[i], runs[i], i, at) if i < len(parts) else []
        return [(cell, _worth(cell), i2, at2) for cell, i2, at2 in found]

    nodes = 0

    @cache
    def rest(p: int, i: int, at: int, total: int, printed: bool) -> tuple[tuple[Split, ...], bool]:
        # The readings from place p on, parts[i][at:] left to read, the open group's sum so far and
        # whether a cell of it was printed: those with no blank cell, and whether one with a blank
        # cell holds. (Remembered: a blank may stand at any place, and the same rest follows.)
        nonlocal nodes
        nodes += 1
        if nodes > MAX_NODES:
            raise _Stop(SPACED_MANY)
        if p == n:
            return (((),) if i == len(parts) else ()), False
        if n - p < len(parts) - i:
            return (), False  # each part left needs a cell
        if printed and len(str(total)) > room(i, at):
            return (), False  # the group's total, at least what its cells add to so far, fits nowhere
        closes = p % width == width - 1
        full: list[Split] = []
        fewer = False
        for cell, value, i2, at2 in next_cells(i, at):
            if closes and value != total:
                continue
            after = rest(p + 1, i2, at2, 0, False) if closes else rest(p + 1, i2, at2, total + value, True)
            full += [(cell, *tail) for tail in after[0]]
            fewer = fewer or after[1]
            if len(full) > MAX_READINGS:
                raise _Stop(SPACED_MANY)
        if not (closes and printed):  # a blank cell here (a group's total only in a blank group)
            after = rest(p + 1, i, at, 0, False) if closes else rest(p + 1, i, at, total, printed)
            fewer = fewer or bool(after[0]) or after[1]
        return tuple(full), fewer

    try:
        full, fewer = rest(0, 0, 0, 0, False)
    except _Stop as stop:
        return [], stop.doubt
    return list(full), SPACED_FEWER if fewer else None


def _worth(cell: str) -> int:
    """A cell's count, a none mark counting as nothing."""
    return 0 if cell in NONE_MARKS else int(cell.replace(",", ""))


def _next_cells(part: str, run: bool, i: int, at: int) -> list[tuple[str, int, int]]:
    """The cells that may start at `part[at:]`, each with where the reading goes on after it."""
    if not run:
        return [(part, i + 1, 0)]
    found = []
    for end in range(at + 1, len(part) + 1):
        # A comma binds the digits on both sides: no cell ends or starts beside one.
        if end < len(part) and "," in (part[end - 1], part[end]):
            continue
        cell = part[at:end]
        if _CELL().match(cell):
            found.append((cell, i + 1, 0) if end == len(part) else (cell, i, end))
        elif cell.startswith("0"):
            break
    return found
