"""Step 4a for aligned text: the columns that where a page's runs stand leaves one way (tables/aligned.py).

pdftotext -layout prints a run wholly left of another on the page wholly left of it, a space or
more apart (aligned.py says why, and where it holds). Turned round: when run A starts at or before
the character column where run B ends, A's column is B's or some column left of it: at most B's.
Both ways (the printed ranges touch or overlap), one column. Two values of one line are two
columns, left to right. These bounds, with the columns known beforehand, give each run the
smallest and the largest column it may take; where they meet, the column is settled.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..layout import Token
from ..lazyregex import lazy_pattern

__all__ = [
    "Place",
    "PrintedRun",
    "column_bounds",
    "may_be_pieces",
    "one_space_apart",
    "pieces_unconfirmed",
    "settled_columns",
    "settled_of",
]

Place = tuple[int, tuple[int, int]]  # a run's line and where it stands there
DIGIT = lazy_pattern(r"\d")


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class PrintedRun(NamedTuple):
    """A value (or a header word) of one page, as settled_columns reads it."""

    place: Place  # its line and where it stands there
    start: int | None  # where its run starts, if it opens the run
    end: int | None  # where its run ends, if it closes the run
    column: int | None = None  # its column, where already known (a header word's, a cluster's)


def settled_columns(printed: Sequence[PrintedRun], width: int) -> dict[Place, int] | None:
    """The column of each run the bounds leave one column; None when the bounds contradict each other."""
    bounds = column_bounds(printed, width)
    return None if bounds is None else settled_of(bounds)


def settled_of(bounds: dict[Place, tuple[int, int]]) -> dict[Place, int]:
    """The column of each run whose bounds leave it one column."""
    return {place: low for place, (low, high) in bounds.items() if low == high}


def column_bounds(printed: Sequence[PrintedRun], width: int) -> dict[Place, tuple[int, int]] | None:
    """The lowest and the highest column the bounds leave each run; None when they contradict each other."""
    low = {p.place: 0 if p.column is None else p.column for p in printed}
    high = {p.place: width - 1 if p.column is None else p.column for p in printed}
    lines: dict[int, list[PrintedRun]] = {}
    for p in printed:
        lines.setdefault(p.place[0], []).append(p)
    rows = [sorted(row, key=lambda p: p.place[1]) for row in lines.values()]
    starts = sorted((p.start, p.place) for p in printed if p.start is not None)
    ends = sorted((p.end, p.place) for p in printed if p.end is not None)
    start_at = [start for start, _ in starts]
    end_at = [end for end, _ in ends]
    changed = True
    while changed:
        changed = False
        # start(A) <= end(B): A's column is at most B's. So B's lowest column is at least the
        # largest of the lowest columns of such runs A (those starting by B's end: a prefix of
        # `starts`), and A's highest at most the smallest of the highest columns of such runs B
        # (those ending from A's start on: a suffix of `ends`).
        floors = list(itertools.accumulate((low[place] for _, place in starts), max))
        for end, place in ends:
            count = bisect.bisect_right(start_at, end)
            if count and floors[count - 1] > low[place]:
                low[place], changed = floors[count - 1], True
        ceilings = list(itertools.accumulate((high[place] for _, place in reversed(ends)), min))[::-1]
        for start, place in starts:
            first = bisect.bisect_left(end_at, start)
            if first < len(ends) and ceilings[first] < high[place]:
                high[place], changed = ceilings[first], True
        for row in rows:
            for left, right in itertools.pairwise(row):
                if low[left.place] + 1 > low[right.place]:
                    low[right.place], changed = low[left.place] + 1, True
                if high[right.place] - 1 < high[left.place]:
                    high[left.place], changed = high[right.place] - 1, True
        if any(low[p] > high[p] for p in low):
            return None
    return {place: (low[place], high[place]) for place in low}


def one_space_apart(places: Sequence[tuple[int, int]]) -> bool:
    """True when two of one line's runs (where each starts and ends) stand one space apart or less."""
    return any(b[0] - a[1] <= 1 for a, b in itertools.pairwise(sorted(places)))


def pieces_unconfirmed(values: Sequence[Token], confirm: Callable[[str, list[Token]], bool] | None) -> bool:
    """True when an aligned line's digits may be a letter-spaced number's pieces (may_be_pieces; a
    mark is no number's piece: `/ 23,936`) that the row's identity, if the table has one
    (`confirm`: table 三's row total), does not bear out as printed. Its runs then show no column
    (aligned.column_anchors): read as a cell each, `11 5 6   265` (1,156 and 265) set four columns
    before 265's, and another row's value under 265 one column too far right."""
    printed = [v for v in values if v.kind == "value"]
    digits = [v for v in printed if DIGIT().search(v.text)]
    return may_be_pieces(digits, True) and (confirm is None or not confirm("", printed))


def may_be_pieces(values: Sequence[Token], aligned: bool) -> bool:
    """True when a line's values may hold a letter-spaced number's pieces (`14 2` for 142): two
    stand one space apart or less, in aligned text (pdftotext `-layout` sets cells three spaces
    apart or more), or where other values of the line stand farther apart, so that the wider gaps
    part its cells (`2 20 6   29 0   28` for 2206 290 28, 0.1 em: fresh review seed 20268816
    r062-v0, read as no aligned text). Plain text sets every cell one space apart: no gap shows."""
    places = sorted(v.x for v in values if v.x is not None and v.line == values[0].line)
    gaps = [b[0] - a[1] for a, b in itertools.pairwise(places)]
    return bool(gaps) and min(gaps) <= 1 and (aligned or max(gaps) >= 2)
