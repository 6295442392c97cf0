"""Step 4, PDF text: a row whose numbers a narrow cell wrapped around the row's line (FORMAT.md §2.2 C).

layout/wrapped.py joins each wrapped number back and marks it `wrapped`; which columns those
numbers stand in is not shown. Here every placement of them among the row's other values (each
kept in printed order) becomes a reading, and tables/resolve.py keeps the one the identities leave.
"""

from __future__ import annotations

import itertools

from ..layout import Token
from ..values import clean
from .grid import FusedRun, Grid


def put_wrapped(grid: Grid, row: str, columns: tuple[str, ...], values: list[Token], line: int) -> None:
    """A row with numbers wrapped around its line: every placement of them among the row's other
    values (each kept in printed order) is a reading for the identities to choose from (resolve.py)."""
    n = len(columns)
    moving = [v for v in values if v.wrapped]
    fixed = [v for v in values if not v.wrapped]
    if len(values) != n or any(v.kind != "value" for v in values):
        shown = " ".join(v.text.strip() for v in values)
        grid.unplaced(
            f"{row}: {len(values)} values, some wrapped around the row, for {n} columns ({shown})", line
        )
        return
    texts = {id(v): clean(v.text) for v in values}
    readings = []
    for places in itertools.combinations(range(n), len(moving)):
        at = dict(zip(places, moving, strict=True))
        rest = iter(fixed)
        readings.append(tuple(texts[id(at[i] if i in at else next(rest))] for i in range(n)))
    grid.fused.append(FusedRun(row, columns, tuple(texts[id(v)] for v in values), line, tuple(readings)))
