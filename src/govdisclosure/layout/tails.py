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

__all__ = [
    "PIECE",
    "TAIL",
    "digits_around",
    "join_pieces",
    "join_tail",
    "joined_row",
    "next_line",
    "tails_around",
    "tails_under",
    "wrapped_around",
]

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


def tails_around(
    pieces: CellRow, line: CellRow, under: CellRow, textless: Collection[int] = ()
) -> tuple[Token, ...] | None:
    """The tails on the line under a line of words that, with the digits line right above it, may
    make numbers wrapped around it (`10 10` / `8. 属于行政查询事项` / `2 2`: a row printing 102
    twice, its cells centred on a label of one line); None where they cannot."""
    if pieces.texts or not pieces.tokens or not line.texts:
        return None
    if not all(t.kind == "broken" or PIECE().match(t.text.strip()) for t in pieces.tokens):
        return None
    if not next_line(pieces.line, line.line, textless):
        return None
    tails = tails_under(line, under, len(pieces.tokens), textless)
    if tails is None:
        return None
    joins = (join_pieces(p.text, t.text) for p, t in zip(pieces.tokens, tails, strict=True))
    return tails if all(j is not None for j in joins) else None


def wrapped_around(rows: Sequence[CellRow]) -> frozenset[int]:
    """The lines of digits above and under a line of words that may be numbers wrapped around it
    (tails_around), and that line: where the text does not show where digits stand, whose values
    the digits are (the row's between, or the rows' before and after), the lines do not show."""
    return frozenset(line for triple in _triples_around(rows) for line in triple)


def digits_around(rows: Sequence[CellRow]) -> frozenset[int]:
    """The lines of several digits each above and under a line of words that may be numbers
    wrapped around it (wrapped_around, without the line of words; a line of one value is a cell
    printed one per line as well: `1` / `2.重复申请` / `2` in plain pdftotext)."""
    return frozenset(
        line for above, _, under in _triples_around(rows, several=True) for line in (above, under)
    )


def _triples_around(rows: Sequence[CellRow], several: bool = False) -> list[tuple[int, int, int]]:
    """The (digits above, words, digits under) lines that may be numbers wrapped around the words;
    `several`: only where the lines above and under hold more than one value each."""
    # Lines between the rows hold no row: blank, or markup alone (layout.read_rows skips them).
    present = {row.line for row in rows}
    textless = frozenset(n for n in range(rows[0].line, rows[-1].line) if n not in present) if rows else ()
    # (Every three lines in a row: the shorter slices end the triples.)
    return [
        (above.line, line.line, under.line)
        for above, line, under in zip(rows, rows[1:], rows[2:], strict=False)
        if not (several and (len(above.tokens) < 2 or len(under.tokens) < 2))
        and tails_around(above, line, under, textless) is not None
    ]
