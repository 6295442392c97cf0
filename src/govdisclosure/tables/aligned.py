"""Step 4a for aligned text: where each value column stands on a page, read from the values there.

pdftotext -layout pads every word out to the character column of its place on the page (FORMAT.md
§2.2 C), so within one page the values of one column stand at one position, row after row, and a
blank cell is a gap. A row that prints only some of its cells (`一、本年新收… 1,411 5 1 2 1,419`
under seven columns) then shows which cells it prints by where they stand.

The header does not say where the columns are: its CJK words drift several characters away from
their values, the more so the more CJK precedes them on the line. Positions also change from one
page to the next. So the columns are read from the values themselves, one page and one set of
columns at a time: when the values of those rows stand in exactly as many tight clusters, well
apart, as the rows have columns, each cluster is a column. Otherwise nothing is placed by position.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..layout import Token
from .regions import MatchedRow
from .shape import ColumnsOf, RowShape

__all__ = ["ColumnAnchors", "column_anchors"]

# Centres of one column's values differ by the numbers' widths (`1,411` and `8`): at most this.
SPREAD = 2.0
# Centres this far apart or more are two columns: LibreOffice's narrowest stand 4 apart, and a
# wide number can push the next one 3 characters off its column (Chromium's `2,783 377`), which
# must not pass for a column of its own.
GAP = 4.0

Key = tuple[int, tuple[str, ...]]  # a page, the rows' value columns
Cluster = tuple[float, float]  # the lowest and highest centre of one column's values


def _centre(value: Token) -> float:
    assert value.x is not None
    start, end = value.x
    return (start + end - 1) / 2


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class ColumnAnchors(NamedTuple):
    """Each page's value columns, as the clusters of the centres of the values printed there."""

    columns: dict[Key, tuple[Cluster, ...]]
    pages: dict[int, int]  # a line's page

    def pick(self, values: Sequence[Token], columns: tuple[str, ...]) -> list[Token] | None:
        """One token per column (an empty one for a gap), by where one line's values stand; None if unsure."""
        if not values or any(v.line != values[0].line for v in values):
            return None
        clusters = self.columns.get((self.pages.get(values[0].line, -1), columns))
        if clusters is None:
            return None
        picked: list[Token | None] = [None] * len(columns)
        for value in values:
            if value.kind != "value" or value.x is None:
                return None
            centre = _centre(value)
            inside = [i for i, (low, high) in enumerate(clusters) if low <= centre <= high]
            if len(inside) != 1 or picked[inside[0]] is not None:
                return None
            picked[inside[0]] = value
        line = values[0].line
        return [cell if cell is not None else Token("empty", "", line) for cell in picked]


def _clusters(centres: Iterable[float]) -> list[Cluster]:
    """Sorted centres cut where two stand GAP or more apart; each run a (lowest, highest) pair."""
    runs: list[list[float]] = []
    for centre in sorted(centres):
        if runs and centre - runs[-1][-1] < GAP:
            runs[-1].append(centre)
        else:
            runs.append([centre])
    return [(run[0], run[-1]) for run in runs]


def column_anchors(
    rows: Sequence[MatchedRow], shapes: Sequence[RowShape], columns_of: ColumnsOf
) -> ColumnAnchors:
    """The columns of each page of a table printed by aligned text, where its values settle them."""
    centres: dict[Key, list[float]] = {}
    pages = {matched.row.line: matched.row.page for matched in rows}
    kinds = {columns_of(segment.anchor.id) for shape in shapes for segment in shape.segments}
    # Where every row has the same columns (table 三), a values line of no row label (a wrapped
    # label's values between its lines) stands in them too.
    uniform = next(iter(kinds)) if len(kinds) == 1 else None
    for matched, shape in zip(rows, shapes, strict=True):
        printed = [(columns_of(s.anchor.id), s.values) for s in shape.segments]
        if uniform and shape.lead:
            printed.append((uniform, shape.lead))
        for columns, cells in printed:
            values = [v for v in cells if v.kind == "value"]
            if columns and values and all(v.x is not None for v in values):
                centres.setdefault((matched.row.page, columns), []).extend(_centre(v) for v in values)
    found: dict[Key, tuple[Cluster, ...]] = {}
    for key, seen in centres.items():
        clusters = _clusters(seen)
        if len(clusters) == len(key[1]) and all(high - low <= SPREAD for low, high in clusters):
            found[key] = tuple(clusters)
    return ColumnAnchors(found, pages)
