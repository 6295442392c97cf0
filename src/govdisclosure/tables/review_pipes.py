"""Step 4 for table 四 in pipes a PDF-to-markdown converter drew: one row's values on two lines.

markitdown draws a PDF's table as pipes at word positions, and prints a row's `无` on a line of
its own under the digits (the CJK glyph sits lower on the page):

    |   |   |   | 2 3 | 2 3 | 10 |   |     |   |
    | 无 | 无 无 | 无 无 |     |     | 无  | 无 | 无 无 | 无 |

Read line after line, as values printed one per line are, the digits come first and the row's
fifteen cells shift (2 3 2 3 10 read as 行政复议's; held-out seed 20261229's r038). The pipes show
the cells' order left to right; where one cell holds words of both lines (`10` over `无`), their
order is not shown. Every order of such a cell's words is tried, each line's own kept, and the
row is read only where exactly one of them holds every group's total (总计 = the sum of the four
results, §1.6).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from ..layout import Token, printed_total_holds

__all__ = ["pipe_row", "unsettled"]

# Orders tried at most: a shared cell of a few words each way keeps the count small; more, and
# the row is said, not guessed.
MOST_ORDERS = 64


def unsettled(first: Sequence[Token], second: Sequence[Token]) -> bool:
    """True when both lines are pipe cells: their joined order is then the pipes', not the lines'."""
    tokens = [*first, *second]
    return bool(tokens) and all(t.pipe_cell is not None for t in tokens)


def pipe_row(
    first: Sequence[Token], second: Sequence[Token], width: int, groups: int
) -> tuple[Token, ...] | None:
    """The two lines' tokens as one row of `groups` groups of `width` cells, in the order of their
    pipe cells, where exactly one order of the cells both lines hold gives every group's total;
    None otherwise."""
    readings = {
        tuple(t.text.strip() for t in r): r for r in _orders(first, second) if _holds(r, width, groups)
    }
    return next(iter(readings.values())) if len(readings) == 1 else None


def _holds(row: Sequence[Token], width: int, groups: int) -> bool:
    return len(row) == width * groups and all(
        printed_total_holds(row[g * width : (g + 1) * width]) for g in range(groups)
    )


def _orders(first: Sequence[Token], second: Sequence[Token]) -> list[tuple[Token, ...]]:
    """Each order of the tokens by pipe cell; within a cell both lines hold, every interleaving."""
    cells = sorted({t.pipe_cell for t in [*first, *second] if t.pipe_cell is not None})
    orders: list[tuple[Token, ...]] = [()]
    for cell in cells:
        upper = [t for t in first if t.pipe_cell == cell]
        lower = [t for t in second if t.pipe_cell == cell]
        orders = [done + mixed for done in orders for mixed in _interleavings(upper, lower)]
        if len(orders) > MOST_ORDERS:
            return []
    return orders


def _interleavings(upper: Sequence[Token], lower: Sequence[Token]) -> Iterator[tuple[Token, ...]]:
    """Every sequence of both lists' tokens keeping each list's own order."""
    size = len(upper) + len(lower)
    for places in combinations(range(size), len(upper)):
        taken = set(places)
        ups, lows = iter(upper), iter(lower)
        yield tuple(next(ups) if i in taken else next(lows) for i in range(size))
