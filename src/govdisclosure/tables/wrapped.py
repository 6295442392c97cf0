"""Step 4, PDF text: a row whose numbers a narrow cell wrapped (FORMAT.md §2.2 C).

layout/wrapped.py joins each wrapped number back and marks it `floating`; which columns those
numbers stand in is not shown. Here every placement of them among the row's other values (each
kept in printed order) becomes a reading, and tables/resolve.py keeps the one the identities leave.

pdftotext `-raw` prints a row cell by cell after its label, and a number LibreOffice wrapped in its
cell as two lines whose pieces both read as numbers (`178` / `8` for 1788): more values than
columns. Joining a line's lone number with the next line's lone digits is then a reading, and the
identities keep the one joining as many as there are values too many, if only one does.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..layout import Token
from ..lazyregex import lazy_pattern
from ..values import clean, is_value_text
from .grid import FusedRun, Grid


def put_floating(grid: Grid, row: str, columns: tuple[str, ...], values: list[Token], line: int) -> None:
    """A row with floating values (numbers wrapped around its line, 无 drawn on a line of their own):
    every placement of them among the row's other values (each kept in printed order) that the pipe
    cells allow is a reading for the identities to choose from (resolve.py)."""
    n = len(columns)
    moving = [v for v in values if v.floating]
    fixed = [v for v in values if not v.floating]
    if len(values) != n or any(v.kind != "value" for v in values):
        shown = " ".join(v.text.strip() for v in values)
        grid.unplaced(
            f"{row}: {len(values)} values, some in columns the text does not show, for {n} columns ({shown})",
            line,
        )
        return
    texts = {id(v): clean(v.text) for v in values}
    readings = []
    for places in itertools.combinations(range(n), len(moving)):
        at = dict(zip(places, moving, strict=True))
        rest = iter(fixed)
        order = [at[i] if i in at else next(rest) for i in range(n)]
        if _drawn_in_order(order):
            readings.append(tuple(texts[id(v)] for v in order))
    grid.fused.append(FusedRun(row, columns, tuple(texts[id(v)] for v in values), line, tuple(readings)))


def _drawn_in_order(order: Sequence[Token]) -> bool:
    """False when two values of one table's drawn pipes stand against their cells' left-to-right
    order (markitdown on a PDF: a wrapped number's piece above the row is in a cell of its own)."""
    cells = [v.pipe_cell for v in order if v.pipe_cell is not None]
    return not any(a[0] == b[0] and a[1] > b[1] for a, b in itertools.combinations(cells, 2))


# A wrapped number's pieces: plain digits (a sign, a unit or a none mark is never cut off).
DIGITS = lazy_pattern(r"^\d[\d,.]*+$")
# A narrow cell holds a few digits on its second line.
TAIL_DIGITS = 4


def joined_readings(lines: Sequence[Sequence[Token]], n: int) -> list[tuple[str, ...]]:
    """A row printed over lines with more values than its n columns: each way of joining a line's
    lone number to the next line's lone digits that leaves n values (pdftotext -raw)."""
    tokens = [t for line in lines for t in line]
    extra = len(tokens) - n
    if extra <= 0 or any(t.kind != "value" for t in tokens):
        return []
    texts = [clean(t.text) for t in tokens]
    alone = [len(line) == 1 for line in lines for _ in line]
    joins = [
        i
        for i in range(len(tokens) - 1)
        if alone[i]
        and alone[i + 1]
        and DIGITS().match(texts[i])
        and texts[i + 1].isdigit()
        and len(texts[i + 1]) <= TAIL_DIGITS
        and is_value_text(texts[i] + texts[i + 1])
    ]
    readings = []
    for chosen in itertools.combinations(joins, extra):
        if any(b - a < 2 for a, b in itertools.pairwise(chosen)):
            continue  # a piece joins one tail only
        out: list[str] = []
        skip = False
        for i, text in enumerate(texts):
            if skip:
                skip = False
                continue
            if i in chosen:
                out.append(text + texts[i + 1])
                skip = True
            else:
                out.append(text)
        readings.append(tuple(out))
    return readings
