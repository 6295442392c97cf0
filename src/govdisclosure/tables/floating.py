"""Step 4, PDF text: the placements a row with floating values admits (layout.Token.floating).

A floating value's column among its row's values is not shown: a number a narrow cell wrapped
around the row's line (LibreOffice centres a row's one-line cells), or a 无 a PDF-to-markdown
converter drew on a line of its own under the row's digits. Every placement of them among the
row's other values, each kept in printed order, is a reading, except where the pipes the
converter drew order two values left to right (`Token.pipe_cell`); the identities then keep one
reading or none (resolve.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..layout import Token
from ..values import clean

__all__ = ["floating_readings"]


def floating_readings(values: Sequence[Token], n: int) -> tuple[tuple[str, ...], ...]:
    """Each placement of the floating values among the others that the pipe cells allow, as the
    cell texts of the n columns (the values are n, the others in printed order)."""
    moving = [v for v in values if v.floating]
    fixed = [v for v in values if not v.floating]
    readings = []
    for places in itertools.combinations(range(n), len(moving)):
        at = dict(zip(places, moving, strict=True))
        rest = iter(fixed)
        order = [at[i] if i in at else next(rest) for i in range(n)]
        if _drawn_in_order(order):
            readings.append(tuple(clean(v.text) for v in order))
    return tuple(readings)


def _drawn_in_order(order: Sequence[Token]) -> bool:
    """False when two values of one table's drawn pipes stand against their cells' left-to-right
    order (markitdown on a PDF: a wrapped number's piece above the row is in a cell of its own)."""
    cells = [v.pipe_cell for v in order if v.pipe_cell is not None]
    return not any(a[0] == b[0] and a[1] > b[1] for a, b in itertools.combinations(cells, 2))
