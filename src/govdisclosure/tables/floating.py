"""Step 4, PDF text: the placements a row with floating values admits (layout.Token.floating).

A floating value's column among its row's values is not shown: a number a narrow cell wrapped
around the row's line (LibreOffice centres a row's one-line cells), or a 无 a PDF-to-markdown
converter drew on a line of its own under the row's digits. Every placement of them among the
row's other values, each kept in printed order, is a reading, except where the pipes the
converter drew order two values left to right (`Token.pipe_cell`), or where text printing words
at their columns (pdftotext -layout) does: a wrapped number's piece printed starting at or before
where another value of the row ends stands in a column left of that value's (aligned.py: a run is
printed wholly left of every run wholly right of it on the page, whatever its line). The
identities then keep one reading or none (resolve.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..layout import Token
from ..values import clean
from .aligned import printed_run

__all__ = ["floating_readings"]


def floating_readings(values: Sequence[Token], n: int, aligned: bool = False) -> tuple[tuple[str, ...], ...]:
    """Each placement of the floating values among the others that the pipe cells allow (and, in
    `aligned` text, where the values stand), as the cell texts of the n columns (the values are n,
    the others in printed order)."""
    moving = [v for v in values if v.floating]
    fixed = [v for v in values if not v.floating]
    readings = []
    for places in itertools.combinations(range(n), len(moving)):
        at = dict(zip(places, moving, strict=True))
        rest = iter(fixed)
        order = [at[i] if i in at else next(rest) for i in range(n)]
        if _drawn_in_order(order) and (not aligned or _printed_in_order(order)):
            readings.append(tuple(clean(v.text) for v in order))
    return tuple(readings)


def _drawn_in_order(order: Sequence[Token]) -> bool:
    """False when two values of one table's drawn pipes stand against their cells' left-to-right
    order (markitdown on a PDF: a wrapped number's piece above the row is in a cell of its own)."""
    cells = [v.pipe_cell for v in order if v.pipe_cell is not None]
    return not any(a[0] == b[0] and a[1] > b[1] for a, b in itertools.combinations(cells, 2))


def _printed_in_order(order: Sequence[Token]) -> bool:
    """False when a value stands left of one placed before it: its run starts at or before where
    the other's ends (aligned.py's rule, both ways where the runs overlap). Values whose run's
    start or end is not theirs (`Token.joined`) or that stand nowhere say nothing."""
    runs = [printed_run(v, v.x) for v in order if v.x is not None]
    return not any(
        later.start is not None and earlier.end is not None and later.start <= earlier.end
        for earlier, later in itertools.combinations(runs, 2)
    )
