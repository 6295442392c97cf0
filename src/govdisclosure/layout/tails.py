"""A wrapped number's piece and tail: what they make, and where a line of tails stands (layout/wrapped.py).

LibreOffice wraps a number too wide for its cell onto the next line: the piece on the row's line,
the tail under it. These are the rules every shape of wrap shares (wrapped.py), and every reader
of a joined number (tables/wrapped.py).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..lazyregex import lazy_pattern
from ..values import parse_number
from .tokens import CellRow, Token

__all__ = ["PIECE", "TAIL", "join_pieces", "join_tail", "joined_row", "next_line", "tails_under"]

# What a wrapped number leaves on the next line: a few digits (the cells are narrow).
TAIL = lazy_pattern(r"^\d{1,4}$")
# A wrapped number's first piece that reads as a number by itself (`178` of 1788): digits and
# thousands separators only. A sign, a unit or a none mark is never cut off, and neither is a
# decimal: `12.5` / `6` would offer 12.56, a figure no wrapped count makes.
PIECE = lazy_pattern(r"^\d[\d,]*+$")
# A join that starts like `00`: two cells, not a number (see join_pieces).
LEADING_ZERO = lazy_pattern(r"^0\d")


def next_line(line: int, after: int, textless: Collection[int]) -> bool:
    """True when `after` is the line right under `line`, or only lines with no text stand between."""
    return after == line + 1 or (after > line and all(n in textless for n in range(line + 1, after)))


def tails_under(
    row: CellRow, under: CellRow, broken: int, textless: Collection[int] = ()
) -> tuple[Token, ...] | None:
    """The tails on the line under a row, one per broken piece, or None when that line is no such."""
    if (
        not next_line(row.line, under.line, textless)
        or under.bounds != "words"
        or len(under.tokens) != broken
    ):
        return None
    # (Pipe cells keep their padding: ` 1 `.)
    if not all(t.kind in ("value", "broken") and TAIL().match(t.text.strip()) for t in under.tokens):
        return None
    return under.tokens


def join_pieces(piece: str, tail: str) -> str | None:
    """The number a wrapped number's piece and its tail make, or None when they make none."""
    text = piece.strip() + tail.strip()
    # No number is printed with a leading 0 (`0` + `0` is two cells, not `00`).
    if LEADING_ZERO().match(text) is not None or parse_number(text) is None:
        return None
    return text


def join_tail(piece: Token, tail: Token, line: int | None = None, floating: bool = False) -> Token | None:
    """The piece with its tail joined on, a value (at `line`, if given), or None when the joined
    text is no number."""
    text = join_pieces(piece.text, tail.text)
    if text is None:
        return None
    return piece._replace(
        kind="value", text=text, line=piece.line if line is None else line, floating=floating
    )


def joined_row(row: CellRow, tails: Sequence[Token]) -> CellRow | None:
    """The row with each broken piece joined to its tail, or None when a joined text is no number."""
    pending = iter(tails)
    tokens = []
    for token in row.tokens:
        joined = join_tail(token, next(pending)) if token.kind == "broken" else token
        if joined is None:
            return None
        tokens.append(joined)
    return row._replace(tokens=tuple(tokens))
