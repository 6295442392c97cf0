"""Step 3b for tables: cell rows -> token kinds -> tables.lark (once per distinct row) -> row shapes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, cast

from lark import Token, Transformer

from ..grammar import token_parser
from ..layout import Bounds
from ..layout import Token as Cell
from ..lexicon import Entry
from .regions import MatchedRow

__all__ = [
    "ColumnsOf",
    "RowShape",
    "Segment",
    "Structure",
    "row_shapes",
    "row_structure",
    "structure",
    "structures",
]

# Row id -> its value columns (None when the id is not a data row of this table).
ColumnsOf = Callable[[str], tuple[str, ...] | None]
#: A row's parse, as positions in its token-kind tuple: the lead, then each segment (anchor first).
Structure = tuple[tuple[int, ...], tuple[tuple[int, ...], ...]]
# Distinct token-kind tuples remembered; a report has a few dozen, the tool corpus a few thousand.
_CACHED_ROWS = 8192
# Longest row remembered (a real row has at most ~15 cells): a hostile text's long distinct rows
# are parsed each time instead of being kept, so the cache's memory stays bounded.
_LONGEST_CACHED = 64


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class Segment(NamedTuple):
    """A data-row label and the cells printed after it on the same flattened row."""

    anchor: Entry
    # Groups the label may also name: （六）其他处理 is a row in 2019 and a group in 2021.
    groups: frozenset[str]
    values: tuple[Cell, ...]
    line: int
    bounds: Bounds


# A NamedTuple, not an attrs class, as above.
class RowShape(NamedTuple):
    """One flattened row: what precedes its first data-row label, then one segment per label."""

    line: int
    lead: tuple[Cell, ...]
    segments: tuple[Segment, ...]
    labelled: bool
    # The row opens a new 第二十条 block: no label before it owns the values after it.
    caption: bool = False
    # A row of one-line text opening with words no template knows (layout.fused's unknown row):
    # its values are those words' own, no label's before it.
    own_words: bool = False


def _kinds(row: MatchedRow, table: str, columns_of: ColumnsOf) -> tuple[str, ...]:
    """The grammar's token kind of each cell of `row`, in order."""
    out = []
    for m in row.matches:
        kind = m.token.kind
        if kind in ("value", "empty"):
            out.append(kind.upper())
            continue
        ours = [e for e in m.entries if e.table == table]
        if any(e.kind == "row" and columns_of(e.id) for e in ours):
            out.append("ANCHOR")
        elif ours:
            out.append("LABEL")
        else:
            out.append("TEXT")
    return tuple(out)


class _Lists(Transformer[Token, Any]):
    """Embedded in the parser: rows and segments stay plain lists of tokens, no tree is built."""

    def segment(self, children: list[Token]) -> list[Token]:
        return children

    def row(self, children: list[Token | list[Token]]) -> list[Token | list[Token]]:
        return children

    def start(self, children: list[Any]) -> list[Any]:
        return children


_LISTS = _Lists()


def structures(rows: Sequence[tuple[str, ...]]) -> list[Structure]:
    """Parse rows of token kinds with tables.lark in one pass: each row's lead and segments.

    A token's `start_pos` is its position in its row.
    """
    stream = []
    for kinds in rows:
        stream += [Token(kind, kind, start_pos=j) for j, kind in enumerate(kinds)]
        stream.append(Token("_EOL", ""))
    # With an embedded transformer Lark returns what _Lists.start returns, not the Tree it declares.
    parsed = cast("list[list[Token | list[Token]]]", token_parser("tables.lark", _LISTS).parse(stream))
    return [
        (
            tuple(c.start_pos or 0 for c in children if isinstance(c, Token)),
            tuple(tuple(t.start_pos or 0 for t in c) for c in children if not isinstance(c, Token)),
        )
        for children in parsed
    ]


@lru_cache(maxsize=_CACHED_ROWS)
def structure(kinds: tuple[str, ...]) -> Structure:
    """One row's parse, remembered by its token kinds: rows repeat (a table's rows share a few
    shapes), and `start: row*` parses each row on its own, so the grammar runs once per shape."""
    return structures([kinds])[0]


def row_structure(kinds: tuple[str, ...]) -> Structure:
    """A row's parse: remembered when the row is of a real table's length, else parsed afresh."""
    return structure(kinds) if len(kinds) <= _LONGEST_CACHED else structures([kinds])[0]


class _Build:
    """One row's structure -> a RowShape record."""

    # A plain class, not attrs: internal, and an attrs class costs ~2.6 million instructions to
    # define at import (docs/performance.md).
    __slots__ = ("columns_of", "table")

    def __init__(self, table: str, columns_of: ColumnsOf) -> None:
        self.table = table
        self.columns_of = columns_of

    def _cells(
        self, row: MatchedRow, kinds: tuple[str, ...], at: Sequence[int], bounded: bool
    ) -> tuple[Cell, ...]:
        # A segment's values run until the next label of this table. In a row whose cells have
        # real boundaries (tabs, pipes, boxes, one per line) words in a cell of their own are a
        # text cell (SCHEMA.md kind text); in PDF text they are a wrapped label's tail.
        cells: list[Cell] = []
        for j in at:
            kind = kinds[j]
            if kind == "LABEL":
                break
            if kind in ("VALUE", "EMPTY") or (kind == "TEXT" and bounded):
                cells.append(row.matches[j].token)
        return tuple(cells)

    def segment(self, row: MatchedRow, kinds: tuple[str, ...], at: Sequence[int]) -> Segment:
        match = row.matches[at[0]]
        entry = next(
            e for e in match.entries if e.table == self.table and e.kind == "row" and self.columns_of(e.id)
        )
        groups = frozenset(e.id for e in match.entries if e.table == self.table and e.kind == "group")
        # Words in a cell of their own are a text cell where cells have printed boundaries.
        cells = self._cells(row, kinds, at[1:], row.row.bounds == "cells")
        return Segment(entry, groups, cells, row.row.line, row.row.bounds)

    def row(self, row: MatchedRow, kinds: tuple[str, ...], parse: Structure) -> RowShape:
        lead, segments = parse
        # An empty row has no token to give its line.
        line = row.row.line if kinds else 0
        cells = []
        labelled = caption = False
        for j in lead:
            kind = kinds[j]
            if kind in ("VALUE", "EMPTY"):
                cells.append(row.matches[j].token)
            elif kind == "LABEL":
                labelled = True
                caption = caption or any(
                    e.table == self.table and e.kind == "caption" for e in row.matches[j].entries
                )
        shaped = tuple(self.segment(row, kinds, at) for at in segments)
        own_words = row.row.own_label and kinds[:1] == ("TEXT",) and not shaped
        return RowShape(line, tuple(cells), shaped, labelled, caption, own_words)


def row_shapes(rows: Sequence[MatchedRow], table: str, columns_of: ColumnsOf) -> list[RowShape]:
    """A table region's rows as label-anchored shapes, each row parsed with tables.lark."""
    build = _Build(table, columns_of)
    out = []
    for row in rows:
        kinds = _kinds(row, table, columns_of)
        out.append(build.row(row, kinds, row_structure(kinds)))
    return out
