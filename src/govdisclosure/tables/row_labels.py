"""The row labels a table's region prints, and what they show about its rows (tables 二 and 三).

The readings of values in printed order (detached.py, balanced.py) rest on the labels: every row
of a template must have its label printed and every row label printed must name one of its rows
(no row is assumed to be there), and labels printed in the template's order show the table was
printed top to bottom.
"""

from __future__ import annotations

from collections.abc import Sequence

from .regions import Region

__all__ = ["label_places", "labelled_rows", "labels_fit", "labels_in_order", "row_labels"]


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


def label_places(region: Region) -> list[tuple[int, frozenset[str]]]:
    """Each row label the region prints (the rows it may name), with how many values it prints
    before it: where the label stands in the stream of values the printed-order readings cut."""
    places: list[tuple[int, frozenset[str]]] = []
    count = 0
    for r in region.rows:
        for m in r.matches:
            if m.token.kind == "value":
                count += 1
            elif ids := frozenset(e.id for e in m.entries if e.table == region.table and e.kind == "row"):
                places.append((count, ids))
    return places


def labels_in_order(places: Sequence[tuple[int, frozenset[str]]], order: Sequence[str], width: int) -> bool:
    """True when the row labels printed (`places`, label_places) come in the template's order but
    those standing at their own row's values as the template's rows of `width` values cut them
    (before, among or after them), which show their place themselves: poppler may list a block of
    labels apart from the values and print the next rows' labels beside theirs first."""
    rank = {row: i for i, row in enumerate(order)}
    last = -1
    for at, ids in places:
        ranks = [rank[i] for i in ids if i in rank]
        if any(r * width <= at <= (r + 1) * width for r in ranks):
            continue
        ahead = [r for r in ranks if r > last]
        if not ahead:
            return False
        last = min(ahead)
    return True
