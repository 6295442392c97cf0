"""Step 3b for tables: cell rows -> tokens -> tables.lark (plain lists, no tree) -> row shapes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

import attrs
from lark import Token, Transformer

from ..grammar import token_parser
from ..layout import Bounds
from ..layout import Token as Cell
from ..lexicon import Entry
from .regions import MatchedRow

# Row id -> its value columns (None when the id is not a data row of this table).
ColumnsOf = Callable[[str], tuple[str, ...] | None]
# Where a grammar token came from: its matched row and the index of its cell there.
Place = tuple[MatchedRow, int]


@attrs.frozen
class Segment:
    """A data-row label and the cells printed after it on the same flattened row."""

    anchor: Entry
    # Groups the label may also name: （六）其他处理 is a row in 2019 and a group in 2021.
    groups: frozenset[str]
    values: tuple[Cell, ...]
    line: int
    bounds: Bounds


@attrs.frozen
class RowShape:
    """One flattened row: what precedes its first data-row label, then one segment per label."""

    line: int
    lead: tuple[Cell, ...]
    segments: tuple[Segment, ...]
    labelled: bool
    # The row opens a new 第二十条 block: no label before it owns the values after it.
    caption: bool = False


def _classify(row: MatchedRow, table: str, columns_of: ColumnsOf) -> Iterator[tuple[str, int]]:
    for i, m in enumerate(row.matches):
        if m.token.kind in ("value", "empty"):
            yield m.token.kind.upper(), i
            continue
        ours = [e for e in m.entries if e.table == table]
        if any(e.kind == "row" and columns_of(e.id) for e in ours):
            yield "ANCHOR", i
        elif ours:
            yield "LABEL", i
        else:
            yield "TEXT", i


def _tokens(
    rows: Sequence[MatchedRow], table: str, columns_of: ColumnsOf, places: list[Place]
) -> list[Token]:
    """The grammar's tokens for `rows`; a token's `start_pos` indexes `places` (appended here)."""
    out = []
    for row in rows:
        line = row.row.line
        for kind, i in _classify(row, table, columns_of):
            out.append(Token(kind, kind, start_pos=len(places), line=line))
            places.append((row, i))
        out.append(Token("_EOL", "", line=line))
    return out


class _Lists(Transformer[Token, Any]):
    """Embedded in the parser: rows and segments stay plain lists of tokens, no tree is built."""

    def segment(self, children: list[Token]) -> list[Token]:
        return children

    def row(self, children: list[Token | list[Token]]) -> list[Token | list[Token]]:
        return children

    def start(self, children: list[Any]) -> list[Any]:
        return children


_LISTS = _Lists()


@attrs.define
class _Build:
    """The parsed rows and segments -> RowShape records."""

    table: str
    columns_of: ColumnsOf
    places: list[Place]

    def _cells(self, children: Sequence[Token], bounded: bool) -> tuple[Cell, ...]:
        # A segment's values run until the next label of this table. In a row whose cells have
        # real boundaries (tabs, pipes, boxes, one per line) words in a cell of their own are a
        # text cell (SCHEMA.md kind text); in PDF text they are a wrapped label's tail.
        cells: list[Cell] = []
        for child in children:
            if child.type == "LABEL":
                break
            if child.type in ("VALUE", "EMPTY") or (child.type == "TEXT" and bounded):
                row, i = self.places[child.start_pos or 0]
                cells.append(row.matches[i].token)
        return tuple(cells)

    def segment(self, children: list[Token]) -> Segment:
        row, i = self.places[children[0].start_pos or 0]
        match = row.matches[i]
        entry = next(
            e for e in match.entries if e.table == self.table and e.kind == "row" and self.columns_of(e.id)
        )
        groups = frozenset(e.id for e in match.entries if e.table == self.table and e.kind == "group")
        # Words in a cell of their own are a text cell where cells have printed boundaries.
        cells = self._cells(children[1:], row.row.bounds == "cells")
        return Segment(entry, groups, cells, int(children[0].line or 0), row.row.bounds)

    def row(self, children: list[Token | list[Token]]) -> RowShape:
        lead = [c for c in children if isinstance(c, Token)]
        segments = tuple(self.segment(c) for c in children if not isinstance(c, Token))
        line = int(lead[0].line or 0) if lead else (segments[0].line if segments else 0)
        cells = []
        labelled = caption = False
        for token in lead:
            row, i = self.places[token.start_pos or 0]
            if token.type in ("VALUE", "EMPTY"):
                cells.append(row.matches[i].token)
            elif token.type == "LABEL":
                labelled = True
                caption = caption or any(
                    e.table == self.table and e.kind == "caption" for e in row.matches[i].entries
                )
        return RowShape(line, tuple(cells), segments, labelled, caption)


def row_shapes(rows: Sequence[MatchedRow], table: str, columns_of: ColumnsOf) -> list[RowShape]:
    """Parse a table region's rows with tables.lark into label-anchored shapes."""
    if not rows:
        return []
    places: list[Place] = []
    # With an embedded transformer Lark returns what _Lists.start returns, not the Tree it declares.
    parsed = cast(
        "list[list[Token | list[Token]]]",
        token_parser("tables.lark", _LISTS).parse(_tokens(rows, table, columns_of, places)),
    )
    build = _Build(table, columns_of, places)
    return [build.row(children) for children in parsed]
