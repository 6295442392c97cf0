"""Step 4b: a table region's values as runs in printed order, with the labels printed around them.

The readings of labels printed apart from their values (detached.py, balanced.py, moved.py) all
start from these runs: values on consecutive lines, a run ending at a label or at words that name
nothing.
"""

from __future__ import annotations

from typing import NamedTuple

from ..layout import Token
from .regions import Region

__all__ = ["ValueRun", "value_runs"]


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class ValueRun(NamedTuple):
    """Values printed on consecutive lines, with the labels printed around them.

    A label is the set of data-row ids it may name; a header or group label is an empty set,
    which still counts: a row label anchors a run only when it is the last label before it.
    """

    values: tuple[Token, ...]
    before: frozenset[str]
    after: tuple[frozenset[str], ...]
    # Words that name nothing (a header's pieces) came between the run before and this one.
    interrupted: bool = False


def value_runs(region: Region) -> list[ValueRun]:
    """The value runs of a region in printed order."""
    runs: list[ValueRun] = []
    values: list[Token] = []
    gap: list[frozenset[str]] = []  # labels since the last value, in printed order
    before: frozenset[str] = frozenset()
    last_line = -2
    words = interrupted = False  # words that name nothing: since the last value, before the run

    def close() -> None:
        if values:
            runs.append(ValueRun(tuple(values), before, tuple(gap), interrupted))

    for row in region.rows:
        for m in row.matches:
            ours = [e for e in m.entries if e.table == region.table]
            if m.token.kind == "value":
                if gap or m.token.line > last_line + 1 or not values:
                    close()
                    before = gap[-1] if gap else frozenset()
                    values, gap = [], []
                    interrupted, words = words, False
                values.append(m.token)
                last_line = m.token.line
            elif ours:
                gap.append(frozenset(e.id for e in ours if e.kind == "row"))
            elif m.token.kind != "empty":
                last_line = -2  # words that are no label: the run stops here
                words = True
    close()
    return runs
