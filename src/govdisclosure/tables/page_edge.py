"""Step 4a for aligned text: tables wider than their page, their last columns cut off at its edge.

A page cuts a table wider than itself at its edge: the columns past the cut print nothing on the
page, header and values alike, and their cells are not blank (tables/aligned.py reads no column
of such a set by position that could be theirs). Where the cut passes left of every value column
(a review's Chromium PDF on A5 paper in 21 px type: table 三's row labels alone, cut mid-word),
nothing on the page shows the columns at all: only a header printing their last column's label,
or a value standing there, shows that a row printing no value is a row of blank cells.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..layout import Runs
from ..lexicon import key_of
from .spelled import HeaderLabels

__all__ = ["Key", "cut_off", "header_shows_last"]

Key = tuple[int, tuple[str, ...]]  # a page, the rows' value columns


# The lines above a table's first row on its page read for its header's words, whatever else
# they print (header_lines stops at the first line that is not all header words).
HEADER_REACH = 10


def _above(runs: Mapping[int, Runs], line: int, across_pages: bool = False) -> str:
    """The words of the HEADER_REACH lines holding words right above `line`, on its page (or on
    the page before too, `across_pages`: a header a page break split)."""
    page = runs[line].page if line in runs else None
    found: list[str] = []
    for number in range(line - 1, max(line - 4 * HEADER_REACH, 0) - 1, -1):
        above = runs.get(number)
        if above is None:
            continue
        if (above.page != page and not across_pages) or len(found) == HEADER_REACH:
            break
        found.append("".join(text for _, _, text in above.runs))
    return "".join(found)


def cut_off(
    first: Mapping[Key, int], runs: Mapping[int, Runs], labels: HeaderLabels
) -> frozenset[tuple[str, ...]]:
    """The sets of columns whose first column's label (自然人) stands among the words right above
    their first row and whose last column's (总计) does not: a table wider than its page, its
    last columns cut off at the page's edge with their header, so a row printing no value may
    print its values past the cut, and is no row printed blank (a held-out variant of r087: every
    row of table 三 read blank). A header split by a page break, or none on the page, shows
    neither end and says nothing."""
    cut: set[tuple[str, ...]] = set()
    for columns in {c for _, c in first}:
        if not all(c in labels.columns for c in columns):
            continue
        _, line = min((p, n) for (p, c), n in first.items() if c == columns)
        words = set(key_of(_above(runs, line)))
        first_shown, last_shown = (
            any(set(key_of(spelling)) <= words for spelling in labels.columns[column])
            for column in (columns[0], columns[-1])
        )
        if first_shown and not last_shown:
            cut.add(columns)
    return frozenset(cut)


def header_shows_last(
    first: Mapping[Key, int], runs: Mapping[int, Runs], labels: HeaderLabels
) -> frozenset[tuple[str, ...]]:
    """The sets of columns whose last column's label (总计) stands among the words right above
    the table's first row of those columns, a page break between them or not: the header printed
    up to the last column, so no page cut the columns off."""
    shown: set[tuple[str, ...]] = set()
    for columns in {c for _, c in first}:
        if columns[-1] not in labels.columns:
            continue
        _, line = min((p, n) for (p, c), n in first.items() if c == columns)
        words = set(key_of(_above(runs, line, across_pages=True)))
        if any(set(key_of(spelling)) <= words for spelling in labels.columns[columns[-1]]):
            shown.add(columns)
    return frozenset(shown)
