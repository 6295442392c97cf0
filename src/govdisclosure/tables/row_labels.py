"""The row labels a table's region prints, and what they show about its rows (tables 二 and 三).

The readings of values in printed order (detached.py, balanced.py) rest on the labels: every row
of a template must have its label printed and every row label printed must name one of its rows
(no row is assumed to be there), and labels printed in the template's order show the table was
printed top to bottom.
"""

from __future__ import annotations

from collections.abc import Sequence

from .regions import Region
from .runs import ValueRun

__all__ = ["labelled_rows", "labels_fit", "printed_top_to_bottom", "row_labels"]


def row_labels(region: Region) -> list[frozenset[str]]:
    """The rows each row label the region prints may name, label by label."""
    return [
        ids
        for r in region.rows
        for m in r.matches
        if (ids := frozenset(e.id for e in m.entries if e.table == region.table and e.kind == "row"))
    ]


def labelled_rows(region: Region) -> set[str]:
    """Every data row whose label the region prints."""
    return set().union(*row_labels(region))


def labels_fit(labels: Sequence[frozenset[str]], order: Sequence[str]) -> bool:
    """Every row of a template (`order`) has its label printed, and every row label printed
    (`labels`, row_labels) names one of its rows: a 2021 table with two blank rows prints 2019's
    number of values, and its （六） rows' labels are what show it is no 2019 table."""
    rows = set(order)
    return rows <= set().union(*labels) and all(ids & rows for ids in labels)


def printed_top_to_bottom(
    labels: Sequence[frozenset[str]],
    runs: Sequence[ValueRun],
    starts: Sequence[int],
    order: Sequence[str],
    width: int,
) -> bool:
    """True when the text shows table 三 printed top to bottom, its values cut into the template's
    rows of `width` values (`starts`: where each run's first value stands among them): the row
    labels printed (`labels`, row_labels) come in the template's order, and no run starts inside a
    row right after a label naming another row. Poppler can print some rows' first cells beside
    their labels and a later row's values before them (a review's PDF with tall cells); a label
    between two rows' values may be either row's, so it shows no place of its own."""
    rank = {row: i for i, row in enumerate(order)}
    last = -1
    for ids in labels:
        ahead = [rank[i] for i in ids if i in rank and rank[i] > last]
        if not ahead:
            return False
        last = min(ahead)
    return not any(
        start % width and run.before and order[start // width] not in run.before
        for run, start in zip(runs, starts, strict=True)
        if start < width * len(order)
    )
