"""Layout pass: numbers a narrow cell wrapped onto the next line, joined back (FORMAT.md §2.2 C).

LibreOffice wraps a number too wide for its cell: `3,150` prints `3,15` on the row's line and `0` on
the line under it, in the same cell. PDF text then shows the row with pieces that are no number as
printed (`broken` tokens) and, right under it, a line of the pieces' tails in column order:

    一、本年新收政府信息公开申请数量 3,15 / / 7 11 / 3,16
    0 8

Each tail is joined to its broken piece, in order, only when the line under the row holds nothing
but digit tails, exactly one per broken piece, and every joined text reads as one number
(`3,15` + `0` is `3,150`; `3,15` + `08` is no number, so nothing is joined). Anything else is left as
it was: the table step then reports the row's cells unplaced.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ..values import parse_number
from .tokens import CellRow, Token

__all__ = ["join_wrapped"]

# What a wrapped number leaves on the next line: a few digits (the cells are narrow).
TAIL = regex.compile(r"^\d{1,4}$")


def _tails(row: CellRow, under: CellRow, broken: int) -> tuple[Token, ...] | None:
    """The tails on the line under a row, one per broken piece, or None when that line is no such."""
    if under.line != row.line + 1 or under.bounds != "words" or len(under.tokens) != broken:
        return None
    if not all(t.kind in ("value", "broken") and TAIL.match(t.text) for t in under.tokens):
        return None
    return under.tokens


def _joined(row: CellRow, tails: Sequence[Token]) -> CellRow | None:
    """The row with each broken piece joined to its tail, or None when a joined text is no number."""
    pending = iter(tails)
    tokens = []
    for token in row.tokens:
        if token.kind != "broken":
            tokens.append(token)
            continue
        text = token.text + next(pending).text
        if parse_number(text) is None:
            return None
        tokens.append(attrs.evolve(token, kind="value", text=text))
    return attrs.evolve(row, tokens=tuple(tokens))


def join_wrapped(rows: Sequence[CellRow]) -> list[CellRow]:
    """The rows, each row of PDF words whose wrapped numbers' tails stand on the next line joined."""
    out: list[CellRow] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        broken = sum(1 for t in row.tokens if t.kind == "broken")
        if broken and row.bounds == "words" and i + 1 < len(rows):
            tails = _tails(row, rows[i + 1], broken)
            joined = _joined(row, tails) if tails is not None else None
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(row)
        i += 1
    return out
