"""Layout reader B: one cell per line, each after a tab, a blank line between rows (FORMAT.md §2.2 B)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..normalize import PAGE_FOOTER, Line
from .tokens import CellRow, Token, token

# At least this many tabbed lines, most holding one cell, make a text of this layout.
MIN_TABBED = 10
SINGLE_SHARE = 0.7


def one_cell_per_line(lines: Sequence[Line]) -> bool:
    """True when tabbed lines mostly hold a single cell (§2.2 B), not a whole row (§2.2 A)."""
    tabbed = [ln for ln in lines if "\t" in ln.raw and ln.raw.strip(" \t\u00a0")]
    if len(tabbed) < MIN_TABBED:
        return False
    single = sum(1 for ln in tabbed if ln.raw.startswith("\t") and ln.raw.count("\t") == 1)
    return single >= SINGLE_SHARE * len(tabbed)


def group_cells(lines: Sequence[Line]) -> Iterator[CellRow]:
    """One cell per line, a blank line between rows; a line without a tab continues the cell above."""
    tokens: list[Token] = []
    first = 0
    for line in lines:
        # Stray spaces or NBSPs before a cell's tab do not make the line a continuation.
        body = line.raw.lstrip(" \u00a0\u3000")
        if not body.startswith("\t") and not line.raw.strip():
            if tokens:
                yield CellRow(tuple(tokens), first, "cells")
                tokens = []
            continue
        if PAGE_FOOTER.match(line.text):
            continue
        if body.startswith("\t") or not tokens:
            if not tokens:
                first = line.number
            tokens.append(token(body.removeprefix("\t"), line.number))
        else:
            prev = tokens[-1]
            tokens[-1] = Token("text", prev.text + line.raw.strip(), prev.line)
    if tokens:
        yield CellRow(tuple(tokens), first, "cells")
