"""Table 四's rows of values (review.py): one line's values, or lines' joined, and what stood around them."""

from __future__ import annotations

from typing import NamedTuple

from ..layout import Bounds, Token

__all__ = ["ValueRow", "join_over_columns"]


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class ValueRow(NamedTuple):
    """One line's values of table 四 (or lines' joined), with what the text showed around them."""

    group: str | None
    values: tuple[Token, ...]
    line: int
    # The row's place among the region's rows (not `index`: a tuple's method has that name).
    position: int
    bounds: Bounds
    # Only rows naming a column (a stray 总计) came between this row and the previous one.
    after_columns: bool = False
    # Gathered from values printed one per line: their order, not a printed row, makes the row.
    joined: bool = False
    unlined: bool = False  # one-line text showing rows out of order (drawn.shows_column_order)
    # The groups whose labels stood between the previous row of values and this one.
    named: frozenset[str] = frozenset()
    unordered: bool = False  # two lines of pipes whose cells' order no total settles (review_pipes.py)
    # The header's words (more than a stray 总计) stood between the previous row of values and this one.
    header_between: bool = False
    beside_pieces: bool = False  # a number printed in pieces on or next to its lines (review_pieces.py)


def join_over_columns(rows: list[ValueRow]) -> list[ValueRow]:
    """One-value-per-line rows joined across a line naming a column (…0 0 0 / 总计 / 0, plain pdftotext).

    Tried only when no other reading places the table: the join must then give the whole table.
    """
    joined: list[ValueRow] = []
    for row in rows:
        last = joined[-1] if joined else None
        if last is not None and row.after_columns and row.bounds == last.bounds == "words":
            joined[-1] = last._replace(values=last.values + row.values, position=row.position, joined=True)
        else:
            joined.append(row)
    return joined
