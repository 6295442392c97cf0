"""Step 3b for tables: cell rows -> tokens -> tables.lark tree -> row shapes (label + its cells)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import attrs
from lark import Token, Transformer, Tree

from ..grammar import token_parser
from ..layout import Bounds
from ..layout import Token as Cell
from ..lexicon import Entry
from .regions import MatchedRow

# Row id -> its value columns (None when the id is not a data row of this table).
ColumnsOf = Callable[[str], tuple[str, ...] | None]


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


def _tokens(rows: Sequence[MatchedRow], table: str, columns_of: ColumnsOf) -> Iterator[Token]:
    for r, row in enumerate(rows):
        for kind, i in _classify(row, table, columns_of):
            yield Token(kind, f"{r}:{i}", line=row.row.line)
        yield Token("_EOL", str(r), line=row.row.line)


@attrs.define
class _Build(Transformer[Token, list[RowShape]]):
    """Thin transformer: the tree's rows and segments -> RowShape records."""

    rows: Sequence[MatchedRow]
    table: str
    columns_of: ColumnsOf

    def _at(self, token: Token) -> tuple[MatchedRow, int]:
        r, i = (int(x) for x in str(token).split(":"))
        return self.rows[r], i

    def _cells(self, children: Sequence[Token], bounded: bool) -> tuple[Cell, ...]:
        # A segment's values run until the next label of this table. In a row whose cells have
        # real boundaries (tabs, pipes, boxes, one per line) words in a cell of their own are a
        # text cell (SCHEMA.md kind text); in PDF text they are a wrapped label's tail.
        cells: list[Cell] = []
        for child in children:
            if child.type == "LABEL":
                break
            if child.type in ("VALUE", "EMPTY") or (child.type == "TEXT" and bounded):
                row, i = self._at(child)
                cells.append(row.matches[i].token)
        return tuple(cells)

    def segment(self, children: list[Token]) -> Segment:
        row, i = self._at(children[0])
        match = row.matches[i]
        entry = next(
            e for e in match.entries if e.table == self.table and e.kind == "row" and self.columns_of(e.id)
        )
        groups = frozenset(e.id for e in match.entries if e.table == self.table and e.kind == "group")
        # Words in a cell of their own are a text cell where cells have printed boundaries.
        cells = self._cells(children[1:], row.row.bounds == "cells")
        return Segment(entry, groups, cells, int(children[0].line or 0), row.row.bounds)

    def row(self, children: list[Token | Segment]) -> RowShape:
        lead = [c for c in children if isinstance(c, Token)]
        segments = tuple(c for c in children if isinstance(c, Segment))
        line = int(lead[0].line or 0) if lead else (segments[0].line if segments else 0)
        cells = []
        labelled = caption = False
        for token in lead:
            row, i = self._at(token)
            if token.type in ("VALUE", "EMPTY"):
                cells.append(row.matches[i].token)
            elif token.type == "LABEL":
                labelled = True
                caption = caption or any(
                    e.table == self.table and e.kind == "caption" for e in row.matches[i].entries
                )
        return RowShape(line, tuple(cells), segments, labelled, caption)

    def start(self, children: list[RowShape]) -> list[RowShape]:
        return children


def row_shapes(rows: Sequence[MatchedRow], table: str, columns_of: ColumnsOf) -> list[RowShape]:
    """Parse a table region's rows with tables.lark into label-anchored shapes."""
    if not rows:
        return []
    tree: Tree[Token] = token_parser("tables.lark").parse(_tokens(rows, table, columns_of))
    return _Build(rows, table, columns_of).transform(tree)
